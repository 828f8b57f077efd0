"""PLOVER readings of promises, vows, votes and reactions: coded by the act they are about."""

import pytest

import eventcoder


def _types(text: str) -> list[tuple[str, str | None]]:
    report = eventcoder.extract(text)
    return [(e.plover.event_type, e.plover.mode) for e in report.events if e.plover is not None]


@pytest.mark.parametrize(
    "text",
    [
        "The cabinet promised to compensate the families of the flood victims.",
        "The rebel commander pledged to free the captured border guards next week.",
        "The junta promised to return the confiscated farmland to the villagers.",
        "The prime minister agreed to freeze settlement construction for ten months.",
        "The rebels agreed on Monday to lay down their arms.",
        "The president said he would make concessions to the opposition.",
    ],
)
def test_a_promised_concession_is_one_concede_event(text):
    # the promise word ("promised to") is not a second, vaguer AGREE about the same act
    assert _types(text) == [("CONCEDE", None)], text


def test_a_promise_to_cooperate_stays_an_agreement():
    assert ("AGREE", None) in _types("The two ministers promised to cooperate on energy.")


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("The interior minister vowed to arrest the opposition leader.", "arrest"),
        ("The ruling party vowed to ban the opposition party.", "ban"),
        ("The militia vowed to attack the convoy if it entered the valley.", "violence"),
    ],
)
def test_a_vowed_act_of_force_or_repression_is_a_threat_of_it(text, mode):
    assert ("THREATEN", mode) in _types(text), text


def test_an_act_done_keeps_its_own_code():
    assert _types("Police arrested the opposition leader on Sunday.")[0][0] == "COERCE"


@pytest.mark.parametrize(
    "text",
    [
        "The Foreign Office said it was appalled by the bombing of the hospital.",
        "The prime minister expressed horror at the killing of the two aid workers.",
        "Rights groups were shocked by the sentence handed to the blogger.",
    ],
)
def test_shock_and_horror_at_an_act_are_disapproval(text):
    assert ("ACCUSE", "disapprove") in _types(text), text


@pytest.mark.parametrize(
    "text",
    [
        "The night curfew has been lifted, police said.",
        "The sanctions were lifted on Monday.",
        "The rebel leader announced that his fighters would end attacks on army posts.",
        "The movement said it would renounce violence and join the elections.",
    ],
)
def test_easing_a_restriction_or_ending_attacks_is_a_concession(text):
    assert _types(text)[0][0] == "CONCEDE", text


def test_taking_part_takes_nothing():
    text = "Ten students who took part in the protests were arrested on Monday."
    assert all(kind != "ASSAULT" for kind, _ in _types(text))
    assert ("ASSAULT", None) in _types("Rebels took the town of Kidal on Sunday.")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The national legislature voted on Sunday to lift the nationwide curfew.", "CONCEDE"),
        ("The rebel assembly voted on Saturday to disarm.", "CONCEDE"),
        ("The government decided to expel the Dutch ambassador.", "SANCTION"),
    ],
)
def test_a_vote_or_decision_is_coded_by_what_it_decides(text, kind):
    assert [k for k, _ in _types(text)] == [kind], text


@pytest.mark.parametrize(
    "text",
    [
        "Opposition rallies were temporarily suspended on Sunday.",
        "The union ended its strike on Tuesday.",
        "The planned strike was called off after talks.",
    ],
)
def test_standing_down_a_protest_is_a_concession_not_a_protest(text):
    assert _types(text)[0][0] == "CONCEDE", text
    assert all(kind != "PROTEST" for kind, _ in _types(text)), text


def test_police_ending_a_protest_is_no_concession():
    assert all(kind != "CONCEDE" for kind, _ in _types("Police ended the protest by force."))
