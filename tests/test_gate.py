"""The anchored Matcher finds exactly what a whole-document Matcher finds, looking at less."""

from __future__ import annotations

import spacy
from spacy.matcher import Matcher

from eventcoder.readers.gate import AnchoredMatcher, pattern_anchor, pattern_length

TIME_LIKE = [
    [{"LOWER": {"IN": ["early", "late"]}}, {"LOWER": "on", "OP": "?"},
     {"LOWER": {"IN": ["monday", "tuesday"]}}],
    [{"LOWER": {"IN": ["in", "since"]}}, {"SHAPE": "dddd"}],
    [{"LIKE_NUM": True}, {"LOWER": {"IN": ["days", "weeks"]}}, {"LOWER": "ago"}],
    [{"LOWER": "no"}, {"IS_ALPHA": True, "OP": "{0,2}"}, {"LOWER": "casualties"}],
]


def test_the_anchor_is_the_rarest_required_token() -> None:
    assert pattern_anchor(TIME_LIKE[0]).values == {"early", "late"}
    # 'in'/'since' are stop words: the four-digit shape anchors instead
    assert pattern_anchor(TIME_LIKE[1]).attr == "SHAPE"
    assert pattern_anchor(TIME_LIKE[2]).values == {"ago"}  # one word beats two
    assert pattern_anchor([{"LOWER": "x", "OP": "?"}, {"POS": "NOUN"}]) is None


def test_pattern_length_counts_bounded_repeats_and_gives_up_on_open_ones() -> None:
    assert pattern_length(TIME_LIKE[0]) == 3
    assert pattern_length(TIME_LIKE[3]) == 4
    assert pattern_length([{"LOWER": "no"}, {"OP": "*"}]) is None


def test_matches_equal_a_whole_document_run() -> None:
    nlp = spacy.blank("en")
    text = (
        "Troops left in 2019. Early on Tuesday a shell hit the market; there were no "
        "reported casualties. Talks began three weeks ago, and late Monday they stalled. "
        + "Nothing else happened that week. " * 20
        + "Since 2021 no casualties were reported in 1999 or late on Tuesday."
    )
    doc = nlp(text)
    plain, anchored = Matcher(nlp.vocab), AnchoredMatcher(nlp.vocab)
    for m in (plain, anchored):
        m.add("T", TIME_LIKE)
    expected = sorted(plain(doc), key=lambda m: (m[1], m[2], m[0]))
    assert anchored(doc) == expected
    assert len(expected) == 9
    covered = sum(e - s for s, e in anchored.windows(doc))
    assert covered < len(doc) / 2  # the long filler stretch is never scanned


def test_a_document_without_anchors_is_not_scanned() -> None:
    nlp = spacy.blank("en")
    anchored = AnchoredMatcher(nlp.vocab)
    anchored.add("T", TIME_LIKE)
    assert anchored.windows(nlp("Protesters marched to the ministry.")) == []


def test_longest_match_filtering_survives_windows() -> None:
    nlp = spacy.blank("en")
    patterns = [[{"LOWER": "so"}, {"ORTH": "-", "OP": "?"}, {"LOWER": "called"},
                 {"IS_TITLE": True, "OP": "{1,3}"}]]
    plain, anchored = Matcher(nlp.vocab), AnchoredMatcher(nlp.vocab)
    for m in (plain, anchored):
        m.add("SO_CALLED", patterns, greedy="LONGEST")
    doc = nlp("Filler words here. " * 10
              + "The so-called Peace Council Office met the so called Board.")
    assert anchored(doc) == sorted(plain(doc), key=lambda m: (m[1], m[2], m[0]))
    assert len(anchored(doc)) == 2


def test_open_ended_patterns_need_sentences_or_scan_the_whole_document() -> None:
    nlp = spacy.blank("en")
    anchored = AnchoredMatcher(nlp.vocab)
    anchored.add("NO", [[{"LOWER": "no"}, {"IS_ALPHA": True, "OP": "*"}, {"LOWER": "casualties"}]])
    doc = nlp("Shells fell. There were no reported casualties at all.")
    assert anchored.windows(doc) == [(0, len(doc))]  # a blank pipeline sets no sentences
    assert [(s, e) for _, s, e in anchored(doc)] == [(5, 8)]
