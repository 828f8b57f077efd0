"""The Matcher gate opens exactly for documents that hold an anchor word."""

from __future__ import annotations

import spacy

from eventcoder.readers.gate import Gate, anchor_words


def test_anchor_words_come_from_the_first_required_literal_token() -> None:
    assert anchor_words([{"LOWER": "so", "OP": "?"}, {"LOWER": {"IN": ["Regime", "junta"]}}]) == {
        "regime", "junta"}
    assert anchor_words([{"POS": "NOUN"}]) is None


def test_gate_opens_only_when_a_pattern_could_match() -> None:
    nlp = spacy.blank("en")
    gate = Gate(nlp.vocab, [[{"LOWER": "regime"}], [{"ORTH": "1948"}, {"POS": "ADJ"}]])
    assert gate.open(nlp("The Tel Aviv REGIME said so."))
    assert gate.open(nlp("The 1948 lands."))
    assert not gate.open(nlp("Troops fired at a school."))


def test_a_pattern_without_literal_words_keeps_the_gate_open() -> None:
    nlp = spacy.blank("en")
    gate = Gate(nlp.vocab, [[{"LOWER": "regime"}], [{"POS": "NOUN"}]])
    assert gate.open(nlp("Nothing to see here."))
