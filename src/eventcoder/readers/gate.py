"""Skip a token Matcher on documents that cannot match it.

spaCy's token Matcher costs time on every token of every document. When each pattern needs one
of a few literal words ("regime", "so-called", "1948"), a numpy membership test on the token
hashes tells in microseconds whether the Matcher can find anything at all.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from spacy.attrs import LOWER, ORTH
from spacy.tokens import Doc
from spacy.vocab import Vocab


def anchor_words(pattern: list[dict]) -> set[str] | None:
    """Words one required token of the pattern must be (lower-cased), or None if no token has
    a literal LOWER/ORTH constraint (the pattern can match anywhere)."""
    for token in pattern:
        if token.get("OP") in ("?", "*", "!"):
            continue
        for key in ("LOWER", "ORTH"):
            value = token.get(key)
            if isinstance(value, str):
                return {value.lower()}
            if isinstance(value, dict) and isinstance(value.get("IN"), list):
                return {str(v).lower() for v in value["IN"]}
    return None


class Gate:
    """Opens for a document that contains at least one anchor word of some pattern."""

    def __init__(self, vocab: Vocab, patterns: Iterable[list[dict]]) -> None:
        words: set[str] = set()
        self.always = False
        for pattern in patterns:
            anchors = anchor_words(pattern)
            if anchors is None:
                self.always = True
                break
            words |= anchors
        self.hashes = np.array(sorted(vocab.strings.add(w) for w in words), dtype=np.uint64)

    def open(self, doc: Doc) -> bool:
        if self.always or not len(doc):
            return self.always
        forms = doc.to_array([LOWER, ORTH]).ravel().astype(np.uint64)
        return bool(np.isin(forms, self.hashes, assume_unique=False).any())
