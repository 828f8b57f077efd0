"""Run a token Matcher only where it can match.

spaCy's token Matcher evaluates every pattern's predicates on every token of every document,
which made it one of the readers' largest costs. Nearly every pattern we write needs one token
from a short word list ("Tuesday", "ago", "regime") or of a given kind (a number, a 4-digit
year). A numpy membership test on the token arrays finds those anchor tokens in microseconds;
:class:`AnchoredMatcher` then runs the Matcher only on short windows around them, wide enough
to hold any match through the anchor, so it returns exactly the matches of a whole-document run.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from spacy.attrs import LEMMA, LIKE_NUM, LOWER, ORTH, POS, SHAPE, TAG
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

# Token attributes an anchor can be read from, in the column order of Doc.to_array below.
_COLUMNS = {"LOWER": 0, "ORTH": 1, "SHAPE": 2, "LEMMA": 3}
_ARRAY_ATTRS = [LOWER, ORTH, SHAPE, LEMMA, LIKE_NUM]
_LIKE_NUM_COLUMN = 4
# Windows this close are scanned as one: a Matcher call costs about as much as a few tokens.
_BRIDGE = 8
_BOUNDED_OP = re.compile(r"^\{(\d*),?(\d*)\}$")


@dataclass(frozen=True)
class Anchor:
    """One required token of a pattern: its attribute and the values it may take."""

    attr: str  # LOWER, ORTH, SHAPE, LEMMA, LIKE_NUM or REGEX (a regex on LOWER)
    values: frozenset[str] = frozenset()
    regex: str | None = None

    def cost(self) -> tuple[float, int]:
        """Prefer anchors that are rare in text: the smallest share of common values (stop
        words, punctuation), then the fewest values. A kind of token (number, shape, regex)
        is taken as half common: better than 'of', worse than a list of month names."""
        if self.attr in ("LIKE_NUM", "REGEX", "SHAPE"):
            return (0.5, 0)
        common = sum(v.lower() in STOP_WORDS or not any(c.isalnum() for c in v)
                     for v in self.values)
        return (common / max(1, len(self.values)), len(self.values))


def _token_anchors(token: dict[str, Any]) -> list[Anchor]:
    if token.get("OP") in ("?", "*", "!") or str(token.get("OP", "")).startswith("{0"):
        return []  # the token may be absent, so it cannot anchor the pattern
    out: list[Anchor] = []
    for attr in _COLUMNS:
        value = token.get(attr)
        if isinstance(value, str):
            out.append(Anchor(attr, frozenset({value})))
        elif isinstance(value, dict) and isinstance(value.get("IN"), list):
            out.append(Anchor(attr, frozenset(str(v) for v in value["IN"])))
        elif attr == "LOWER" and isinstance(value, dict) and isinstance(value.get("REGEX"), str):
            out.append(Anchor("REGEX", regex=value["REGEX"]))
    if token.get("LIKE_NUM") is True:
        out.append(Anchor("LIKE_NUM"))
    return out


def pattern_anchor(pattern: list[dict[str, Any]]) -> Anchor | None:
    """The cheapest required literal token of ``pattern``, or None if it has none."""
    anchors = [a for token in pattern for a in _token_anchors(token)]
    return min(anchors, key=Anchor.cost) if anchors else None


def pattern_length(pattern: list[dict[str, Any]]) -> int | None:
    """The most tokens a match can span, or None when an operator makes it unbounded."""
    total = 0
    for token in pattern:
        op = str(token.get("OP", ""))
        if op in ("", "?", "!"):
            total += 0 if op == "!" else 1
        elif op in ("+", "*"):
            return None
        elif bounded := _BOUNDED_OP.match(op):
            if not bounded.group(2) and "," in op:
                return None  # "{n,}"
            total += int(bounded.group(2) or bounded.group(1) or 0)
        else:
            return None
    return total


def _member(values: np.ndarray, sorted_hashes: np.ndarray) -> np.ndarray:
    """``np.isin`` for a small sorted table, by binary search (several times faster here)."""
    if not len(sorted_hashes):
        return np.zeros(len(values), dtype=bool)
    at = np.minimum(np.searchsorted(sorted_hashes, values), len(sorted_hashes) - 1)
    return sorted_hashes[at] == values


def _decided(values: np.ndarray, known: dict[int, bool], test: Callable[[int], bool]
             ) -> np.ndarray:
    """Which hashes pass ``test``: each distinct word form is tested once, then remembered."""
    hits = []
    for h in np.unique(values).tolist():
        if h not in known:
            known[h] = test(h)
        if known[h]:
            hits.append(h)
    return _member(values, np.array(hits, dtype=np.uint64))  # np.unique kept them sorted


@dataclass
class _Anchors:
    """The union of every pattern's anchor, as hash arrays per attribute."""

    hashes: dict[str, set[int]] = field(default_factory=lambda: {a: set() for a in _COLUMNS})
    like_num: bool = False
    regexes: list[re.Pattern[str]] = field(default_factory=list)
    everywhere: bool = False  # some pattern has no anchor: every token may start a match

    arrays: dict[str, np.ndarray] = field(default_factory=dict)
    regex_hits: dict[int, bool] = field(default_factory=dict)

    def add(self, anchor: Anchor | None, vocab: Vocab) -> None:
        if anchor is None:
            self.everywhere = True
        elif anchor.attr == "LIKE_NUM":
            self.like_num = True
        elif anchor.attr == "REGEX":
            self.regexes.append(re.compile(anchor.regex or ""))
        else:
            values = anchor.values
            if anchor.attr in ("LOWER", "LEMMA"):
                values = frozenset(v.lower() for v in values) | values
            self.hashes[anchor.attr].update(vocab.strings.add(v) for v in values)

    def seal(self) -> None:
        """Sort the hashes for lookup once every pattern of a batch is added."""
        self.arrays = {a: np.array(sorted(h), dtype=np.uint64)
                       for a, h in self.hashes.items() if h}

    def mask(self, table: np.ndarray, vocab: Vocab) -> np.ndarray:
        """Which rows of a ``Doc.to_array(_ARRAY_ATTRS)`` table hold one of these anchors."""
        mask = np.zeros(len(table), dtype=bool)
        for attr, hashes in self.arrays.items():
            mask |= _member(table[:, _COLUMNS[attr]], hashes)
        if self.like_num:
            mask |= table[:, _LIKE_NUM_COLUMN] == 1
        if self.regexes:
            strings = vocab.strings
            mask |= _decided(table[:, _COLUMNS["LOWER"]], self.regex_hits,
                             lambda h: any(rx.search(strings[h]) for rx in self.regexes))
        return mask


class AnchoredMatcher:
    """A token Matcher that only looks at windows around anchor tokens (same matches).

    Patterns are grouped by their longest match, so a one-token pattern anchored on a common
    word ("strike") opens a one-token window, not one as wide as the longest date pattern."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self.matcher = Matcher(vocab)
        self._groups: dict[int | None, _Anchors] = {}  # longest match (None: open) -> anchors

    def add(self, key: str, patterns: list[list[dict[str, Any]]], **kwargs: Any) -> None:
        self.matcher.add(key, patterns, **kwargs)
        touched: dict[int | None, _Anchors] = {}
        for pattern in patterns:
            width = pattern_length(pattern)
            group = touched[width] = self._groups.setdefault(width, _Anchors())
            group.add(pattern_anchor(pattern), self.vocab)
        for group in touched.values():
            group.seal()

    def __len__(self) -> int:
        return len(self.matcher)

    @property
    def everywhere(self) -> bool:
        return any(group.everywhere for group in self._groups.values())

    def anchor_positions(self, doc: Doc) -> dict[int | None, np.ndarray]:
        """Token indices holding an anchor, per longest-match group."""
        table = doc.to_array(_ARRAY_ATTRS).astype(np.uint64)
        out: dict[int | None, np.ndarray] = {}
        for width, group in self._groups.items():
            positions = np.flatnonzero(group.mask(table, self.vocab))
            if len(positions):
                out[width] = positions
        return out

    def windows(self, doc: Doc) -> list[tuple[int, int]]:
        """Merged token ranges that contain every possible match."""
        n = len(doc)
        if self.everywhere:
            return [(0, n)] if n else []
        ranges: list[tuple[int, int]] = []
        for width, positions in self.anchor_positions(doc).items():
            if width is None and not doc.has_annotation("SENT_START"):
                return [(0, n)]  # open-ended patterns and no sentences to bound them
            if width is None:  # open-ended patterns: stay inside the anchor's sentence
                ranges += [(doc[p].sent.start, doc[p].sent.end) for p in positions.tolist()]
            else:
                reach = width - 1
                ranges += [(max(0, p - reach), min(n, p + reach + 1)) for p in positions.tolist()]
        ranges.sort()
        merged: list[tuple[int, int]] = []
        for start, end in ranges:
            if merged and start <= merged[-1][1] + _BRIDGE:
                merged[-1] = (merged[-1][0], max(merged[-1][1], end))
            else:
                merged.append((start, end))
        return merged

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        """(match_id, start, end) triples in document order, as ``Matcher(doc)`` gives them."""
        out: list[tuple[int, int, int]] = []
        for start, end in self.windows(doc):
            if start == 0 and end == len(doc):
                out.extend(self.matcher(doc))
            else:
                out.extend((m, s + start, e + start) for m, s, e in self.matcher(doc[start:end]))
        return sorted(out, key=lambda m: (m[1], m[2], m[0]))


class WordPositions:
    """Token indices whose lower-cased form or lemma is in a word set, found with numpy instead
    of a Python loop over every token. Word forms are decided once (``str.lower()`` of the
    lemma included) and remembered per hash, so the answer is the same as the loop's."""

    def __init__(self, vocab: Vocab, lemmas: Iterable[str] = (), lowers: Iterable[str] = (),
                 pos: str | None = None, tag: str | None = None) -> None:
        self.vocab = vocab
        self.lemmas = frozenset(w.lower() for w in lemmas)
        self.lowers = np.array(sorted(vocab.strings.add(w.lower()) for w in lowers),
                               dtype=np.uint64)
        self.pos = vocab.strings.add(pos) if pos else None
        self.tag = vocab.strings.add(tag) if tag else None
        self._lemma_hit: dict[int, bool] = {}

    def __call__(self, doc: Doc) -> list[int]:
        table = doc.to_array([LEMMA, LOWER, POS, TAG]).astype(np.uint64)
        words = bool(self.lemmas) or bool(len(self.lowers))
        mask = np.zeros(len(doc), dtype=bool) if words else np.ones(len(doc), dtype=bool)
        if self.lemmas:
            strings = self.vocab.strings
            mask |= _decided(table[:, 0], self._lemma_hit,
                             lambda h: strings[h].lower() in self.lemmas)
        if len(self.lowers):
            mask |= _member(table[:, 1], self.lowers)
        if self.pos is not None:
            mask &= table[:, 2] == self.pos
        if self.tag is not None:
            mask &= table[:, 3] == self.tag
        return np.flatnonzero(mask).tolist()
