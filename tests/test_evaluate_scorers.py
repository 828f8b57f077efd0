"""The metric building blocks, on tiny hand-made label lists."""

import math

import pytest

from eventcoder.evaluate.scorers import (
    accuracy,
    lead_event,
    macro_f1,
    per_class_scores,
    share,
    top_confusions,
    weighted_f1,
)
from eventcoder.geodesy import haversine_km
from eventcoder.model import ArticleMeta, ArticleReport, Event, Mention, Plover, Span


def test_per_class_scores_count_missing_predictions_as_misses():
    gold = ["Armed clash", "Armed clash", "Grenade", None]
    pred = ["Armed clash", None, "Armed clash", "Grenade"]
    clash, grenade = per_class_scores(gold, pred, ["Armed clash", "Grenade"])
    assert (clash.precision, clash.recall, clash.support, clash.predicted) == (0.5, 0.5, 2, 2)
    assert clash.f1 == pytest.approx(0.5)
    # a Grenade predicted on a snippet with no ACLED label is a false positive
    assert (grenade.precision, grenade.recall, grenade.f1) == (0.0, 0.0, 0.0)


def test_weighted_f1_weights_classes_by_gold_support():
    gold = ["A", "A", "A", "B"]
    pred = ["A", "A", "A", "A"]
    scores = per_class_scores(gold, pred, ["A", "B"])
    f1_a = 2 * 0.75 * 1.0 / 1.75
    assert weighted_f1(scores) == pytest.approx(0.75 * f1_a)
    assert macro_f1(scores) == pytest.approx(f1_a / 2)


def test_per_class_scores_refuse_misaligned_inputs():
    with pytest.raises(ValueError):
        per_class_scores(["A"], ["A", "B"], ["A"])


def test_accuracy_and_share_are_none_on_empty_populations():
    assert accuracy([], []) is None
    assert share([]) is None
    assert accuracy(["A", "B"], ["A", None]) == 0.5
    assert share([True, False, True, True]) == 0.75


def test_top_confusions_name_missing_labels_and_skip_agreements():
    gold = ["A", "A", "B", "B", "C"]
    pred = ["B", "B", "B", None, "C"]
    assert top_confusions(gold, pred) == [("A", "B", 2), ("B", "(none)", 1)]


def test_haversine_matches_known_distances():
    assert haversine_km(0.0, 0.0, 0.0, 1.0) == pytest.approx(2 * math.pi * 6371 / 360, rel=1e-6)
    # Damascus to Aleppo is roughly 310 km as the crow flies
    assert 280 < haversine_km(33.51, 36.29, 36.20, 37.16) < 330


def _event(kind: str, sentence: int, at: int, confidence: float = 0.8,
           status: str = "new") -> Event:
    return Event(id=f"{kind}-{at}", status=status, plover=Plover(event_type=kind),
                 trigger=Mention(text=kind, start=at, end=at + 5),
                 evidence=[Span(start=sentence, end=sentence + 50)], confidence=confidence)


def test_the_lead_event_is_the_first_act_named_in_the_first_sentence_with_one():
    # "Rights groups have condemned the attack on the mosque ..."
    report = ArticleReport(article=ArticleMeta(id="a", sha256=""), events=[
        _event("ASSAULT", 0, at=35, confidence=0.95),  # what the statement is about
        _event("ACCUSE", 0, at=17, status="background"),  # the lead's own act, named first
        _event("CONSULT", 60, at=61, confidence=0.99),  # a later sentence does not outrank it
        _event("AID", 0, at=2, confidence=0.3),  # below the user's threshold
    ])
    assert lead_event(report, min_confidence=0.5).plover.event_type == "ACCUSE"
    assert lead_event(report).plover.event_type == "AID"
    assert lead_event(report, lambda e: e.plover.event_type not in ("AID", "ACCUSE")
                      ).plover.event_type == "ASSAULT"
    assert lead_event(report, min_confidence=0.96).plover.event_type == "CONSULT"
    assert lead_event(report, min_confidence=0.999) is None
