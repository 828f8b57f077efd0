"""spaCy's token-local components, memoised: the same annotations, computed once per form.

Two stock components of English pipelines decide each token from that token alone, yet redo
the work for every token of every document:

- the rule **lemmatizer** depends only on a token's word, part of speech and morphology, but
  caches inflected forms only, so every base form (most nouns and verbs in news) runs through
  its Python rules again;
- the **attribute ruler** runs a token Matcher over the whole document, although nearly all of
  its patterns are one token long and read only that token's own attributes.

On a corpus run the two took about a fifth of spaCy's time. The stand-ins below ask the
original component whenever they meet something new and copy remembered answers otherwise, so
every annotation is the one the stock component would have written. Where one of the ruler's
few multi-token patterns matches, those words go to the stock ruler on their own.
"""

import re
from typing import Any

import numpy as np
from spacy.attrs import IDS, LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.tokens import Doc

MEMO_LIMIT = 500_000  # remembered forms per component before its memo starts afresh
WORD_ATTRS = (IDS["LOWER"], IDS["ORTH"], IDS["NORM"])  # tests on the word itself
SETTABLE = {IDS[a] for a in ("TAG", "POS", "MORPH", "LEMMA", "DEP")}
DERIVED = {IDS[a] for a in ("LOWER", "ORTH", "NORM", "IS_SPACE", "IS_PUNCT", "IS_ALPHA",
                            "IS_DIGIT", "LIKE_NUM", "SHAPE", "LENGTH")}  # read off the text


class _IndexedList(list):
    """A list of words whose membership test is a set lookup, not a scan."""

    def __init__(self, words: list[str]) -> None:
        super().__init__(words)
        self._words = frozenset(words)

    def __contains__(self, word: object) -> bool:
        return word in self._words


def _index_lemma_tables(lemmatizer: Any) -> None:
    """Give the rule lemmatizer's word lists (``lemma_index``, tens of thousands of words per
    part of speech) set lookups: each new word it meets tests its candidate forms against
    them, and a scan of the list cost about 0.2 ms per word. Same lists, same answers."""
    lookups = getattr(lemmatizer, "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return
    table = lookups.get_table("lemma_index")
    for key, words in list(table.items()):
        if type(words) is list:
            table[key] = _IndexedList(words)


class MemoLemmatizer:
    """Stands in for a rule-mode ``Lemmatizer``; each new (word, POS, morphology) goes to it."""

    def __init__(self, lemmatizer: Any) -> None:
        self.lemmatizer = lemmatizer
        self._memo: dict[tuple[int, int, int], int] = {}
        self._checked = False

    def __call__(self, doc: Doc) -> Doc:
        if not self._checked:  # the stock component checks its tables on its first document
            self._checked = True
            doc = self.lemmatizer(doc)
            _index_lemma_tables(self.lemmatizer)
            return doc
        if not len(doc):
            return doc
        memo = self._memo
        if len(memo) >= MEMO_LIMIT:
            memo.clear()
        overwrite = self.lemmatizer.overwrite
        strings = doc.vocab.strings
        lemmas = []
        for i, (orth, pos, morph, lemma) in enumerate(
                doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()):
            if lemma and not overwrite:
                lemmas.append(lemma)
                continue
            found = memo.get((orth, pos, morph))
            if found is None:
                found = memo[orth, pos, morph] = strings.add(self.lemmatizer.lemmatize(doc[i])[0])
            lemmas.append(found)
        doc.from_array([LEMMA], np.array(lemmas, dtype=np.uint64))
        return doc


class _Test:
    """Whether a string hash is one of some strings or a string one of some regexes finds;
    each distinct hash is decided once and remembered."""

    def __init__(self, hashes: set[int], regexes: list[re.Pattern[str]], strings: Any) -> None:
        self.hashes = frozenset(hashes)
        self.regexes = regexes
        self.strings = strings
        self._decided: dict[int, bool] = {}

    def passes(self, h: int) -> bool:
        hit = self._decided.get(h)
        if hit is None:
            if len(self._decided) >= MEMO_LIMIT:
                self._decided.clear()
            hit = h in self.hashes
            if not hit and self.regexes:
                text = self.strings[h] if h in self.strings else ""
                hit = any(rx.search(text) for rx in self.regexes)
            self._decided[h] = hit
        return hit

    def mask(self, column: np.ndarray) -> np.ndarray:
        distinct, inverse = np.unique(column, return_inverse=True)
        return np.array([self.passes(h) for h in distinct.tolist()], dtype=bool)[inverse]


class _Condition:
    """One attribute test of a pattern token, evaluated on a column of ``Doc.to_array``."""

    def __init__(self, column: int, value: Any, strings: Any) -> None:
        self.column = column
        if isinstance(value, bool):
            values, regexes = {int(value)}, []
        elif isinstance(value, str):
            values, regexes = {strings.add(value)}, []
        elif isinstance(value, dict) and set(value) == {"IN"}:
            values, regexes = {strings.add(v) for v in value["IN"]}, []
        elif isinstance(value, dict) and set(value) == {"REGEX"}:
            values, regexes = set(), [re.compile(value["REGEX"])]
        else:
            raise ValueError(f"unsupported pattern value {value!r}")
        self.test = _Test(values, regexes, strings)
        # how many strings it lets through, for picking a pattern's rarest test
        self.breadth = len(values) if values else 1_000

    def mask(self, table: np.ndarray) -> np.ndarray:
        return self.test.mask(table[:, self.column])

    def any_of(self, present: list[int]) -> bool:
        """Whether any of the hashes ``present`` passes (a document's distinct values)."""
        if not self.test.regexes:
            return not self.test.hashes.isdisjoint(present)
        return any(self.test.passes(h) for h in present)


class MemoAttributeRuler:
    """Stands in for an ``AttributeRuler`` whose patterns are token-local, bar a few multi-token
    ones whose matches the stock ruler reads on the matched words alone."""

    def __init__(self, ruler: Any, read: list[int], write: list[int],
                 multi: list[list[list[_Condition]]], words: dict[int, _Test]) -> None:
        self.ruler = ruler
        self.read = read  # columns of the memo key: what patterns test plus the prior values
        self.write = write
        self.multi = multi  # per multi-token pattern, per token, its conditions
        # word columns (LOWER ...) keep only the words one-token patterns name; any other
        # word reads as 0, so the memo holds forms of tags and dependencies, not a vocabulary
        self.words = words
        # per multi-token pattern, its rarest test: a document lacking it cannot match
        self.anchors = [min((c for token in pattern for c in token), key=lambda c: c.breadth)
                        for pattern in multi]
        self._memo: dict[tuple[int, ...], tuple[int, ...]] = {}
        # key columns a one-token document can be given; the word's own columns come from its text
        self.settable = [c for c, attr in enumerate(read) if attr in SETTABLE]
        unknown = set(read) - SETTABLE - DERIVED
        if unknown:
            raise ValueError(f"attribute ruler reads {sorted(unknown)}, which the memo cannot set")

    def _multi_windows(self, table: np.ndarray) -> list[tuple[int, int]]:
        """Where multi-token patterns match: their spans, overlapping ones joined."""
        n = len(table)
        spans = []
        present: dict[int, list[int]] = {}
        for pattern, anchor in zip(self.multi, self.anchors, strict=True):
            if anchor.column not in present:
                present[anchor.column] = np.unique(table[:, anchor.column]).tolist()
            if not anchor.any_of(present[anchor.column]):
                continue
            width = len(pattern)
            if width > n:
                continue
            hits = np.ones(n - width + 1, dtype=bool)
            for k, conditions in enumerate(pattern):
                for cond in conditions:
                    hits &= cond.mask(table)[k:n - width + 1 + k]
                if not hits.any():
                    break
            else:
                spans.extend((s, s + width) for s in np.flatnonzero(hits).tolist())
        windows: list[tuple[int, int]] = []
        for start, end in sorted(spans):
            if windows and start < windows[-1][1]:
                windows[-1] = (windows[-1][0], max(end, windows[-1][1]))
            else:
                windows.append((start, end))
        return windows

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return self.ruler(doc)
        table = doc.to_array(self.read)
        windows = self._multi_windows(table) if self.multi else []
        memo = self._memo
        if len(memo) >= MEMO_LIMIT:
            memo.clear()
        settable = table[:, self.settable] if windows else None
        for column, named in self.words.items():
            table[:, column] = np.where(named.mask(table[:, column]), table[:, column], 0)
        keys = [tuple(row) for row in table.tolist()]
        outs = [memo.get(key) for key in keys]
        for i, out in enumerate(outs):
            if out is None:  # something new: ask the ruler about this token on its own
                outs[i] = memo.get(keys[i]) or self._alone(doc, i, keys[i])
        for start, end in windows:  # rare ("there is", "gonna"): the ruler on just those words
            outs[start:end] = self._window(doc, start, end, settable[start:end])  # type: ignore[index]
        doc.from_array(self.write, np.array(outs, dtype=np.uint64))
        return doc

    def _window(self, doc: Doc, start: int, end: int,
                settable: np.ndarray) -> list[tuple[int, ...]]:
        """The ruler's answers for the tokens of a multi-token match, read on those tokens alone.

        Every match touching them lies inside the window, and the window holds no match the
        whole document lacks, so the answers, overlaps and their order included, are the ones
        the ruler gives in context."""
        tokens = doc[start:end]
        window = Doc(doc.vocab, words=[t.text for t in tokens],
                     spaces=[bool(t.whitespace_) for t in tokens])
        if self.settable:
            window.from_array([self.read[c] for c in self.settable], settable)
        self.ruler(window)
        return [tuple(row) for row in window.to_array(self.write).tolist()]

    def _alone(self, doc: Doc, i: int, key: tuple[int, ...]) -> tuple[int, ...]:
        """The ruler's answer for token ``i`` in a one-token document with its attributes:
        one-token patterns read nothing else, so it is the answer in context too."""
        token = doc[i]
        alone = Doc(doc.vocab, words=[token.text], spaces=[bool(token.whitespace_)])
        if self.settable:
            alone.from_array([self.read[c] for c in self.settable],
                             np.array([[key[c] for c in self.settable]], dtype=np.uint64))
        self.ruler(alone)
        out = self._memo[key] = tuple(alone.to_array(self.write).tolist()[0])
        return out


def _attribute_memo(ruler: Any, strings: Any) -> MemoAttributeRuler | None:
    """The memo for ``ruler``, or None when its patterns use something it cannot mirror."""
    tested: list[int] = []
    written: list[int] = []
    multi_raw: list[list[dict[str, Any]]] = []
    named: dict[int, set[int]] = {attr: set() for attr in WORD_ATTRS}
    patterns: dict[int, list[re.Pattern[str]]] = {attr: [] for attr in WORD_ATTRS}
    for entry in ruler.patterns:
        for name in entry["attrs"]:
            written.append(IDS[name.upper()])
        for pattern in entry["patterns"]:
            if any("OP" in token for token in pattern):
                return None
            for token in pattern:
                tested.extend(IDS[name.upper()] for name in token)
            if len(pattern) > 1:
                multi_raw.append(pattern)
                continue
            for name, value in pattern[0].items():
                attr = IDS[name.upper()]
                if attr not in named:
                    continue
                if isinstance(value, str):
                    named[attr].add(strings.add(value))
                elif isinstance(value, dict) and set(value) == {"IN"}:
                    named[attr].update(strings.add(v) for v in value["IN"])
                elif isinstance(value, dict) and set(value) == {"REGEX"}:
                    patterns[attr].append(re.compile(value["REGEX"]))
                else:
                    return None  # a word test the memo cannot reduce to a word list
    read = list(dict.fromkeys(tested + written))
    write = list(dict.fromkeys(written))
    words = {read.index(attr): _Test(hashes, patterns[attr], strings)
             for attr, hashes in named.items() if attr in read}
    try:
        multi = [[[_Condition(read.index(IDS[name.upper()]), value, strings)
                   for name, value in token.items()] for token in pattern]
                 for pattern in multi_raw]
    except ValueError:
        return None
    try:
        return MemoAttributeRuler(ruler, read, write, multi, words)
    except ValueError:
        return None


@Language.factory("ec_memo_lemmatizer")
def make_memo_lemmatizer(nlp: Language, name: str) -> MemoLemmatizer:
    return MemoLemmatizer(nlp.get_pipe("lemmatizer"))


@Language.factory("ec_memo_attribute_ruler")
def make_memo_attribute_ruler(nlp: Language, name: str) -> Any:
    """The memo, or the stock ruler itself when its patterns are beyond the memo (``memoise``
    then takes this stand-in out again)."""
    memo = _attribute_memo(nlp.get_pipe("attribute_ruler"), nlp.vocab.strings)
    return memo if memo is not None else nlp.get_pipe("attribute_ruler")


def memoise(nlp: Language) -> None:
    """Put the memoised stand-ins in place of the stock components this pipeline has."""
    names = nlp.pipe_names
    if "attribute_ruler" in names:
        added = nlp.add_pipe("ec_memo_attribute_ruler", after="attribute_ruler")
        if isinstance(added, MemoAttributeRuler):
            nlp.disable_pipe("attribute_ruler")
        else:
            nlp.remove_pipe("ec_memo_attribute_ruler")
    if "lemmatizer" in names and getattr(nlp.get_pipe("lemmatizer"), "mode", None) == "rule":
        nlp.add_pipe("ec_memo_lemmatizer", after="lemmatizer")
        nlp.disable_pipe("lemmatizer")
