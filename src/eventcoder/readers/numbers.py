"""The numbers reader: tolls (killed, injured, displaced, arrested, kidnapped), sums and counts.

One Matcher pass (built from kb/numbers.yaml) finds number words, stated zeros ("no
casualties"), attack words and running-total cues. Each number run is then read: its value
(digits, words, "$14.3-billion", vague words coded as ACLED codes them), its qualifier from the
words just before it, its kind from the dependency parse (the verb, adjective or noun that
governs it) and its scope from its sentence (a running total vs one attack's toll).
"""

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from eventcoder.kb.loader import load_yaml
from eventcoder.readers.gate import AnchoredMatcher
from eventcoder.readers.hits import NumberHit, TimeHit, register_extensions
from eventcoder.readers.times import read_times

SKIP_ENTS = frozenset({"PERCENT", "QUANTITY", "ORDINAL"})
TIME_ENTS = frozenset({"DATE", "TIME"})
NOUNS = frozenset({"NOUN", "PROPN"})
SUFFIXED = re.compile(r"^(\d+(?:[.,]\d+)*)([a-z]+)$")  # "14.3bn", "5m"
KINDS_OF_PEOPLE = ("killed", "injured", "displaced", "arrested", "kidnapped")


@dataclass(frozen=True)
class NumberWords:
    """kb/numbers.yaml, indexed for lookups."""

    units: dict[str, float]
    scales: dict[str, float]
    vague: dict[str, float]
    qualifiers: dict[tuple[str, ...], str]
    currencies: dict[str, str]
    kind_of: dict[str, str]
    light_verbs: dict[str, dict[str, str]]
    zero_nouns: dict[str, list[str]]
    zero_fillers: list[str]
    cumulative_phrases: list[list[str]]
    cumulative_verbs: frozenset[str]
    cumulative_min_perfect: int
    attack_words: list[str]

    @property
    def a_words(self) -> frozenset[str]:
        """Words that take "a": "a dozen", "a few", "a handful", "a hundred"."""
        return frozenset({*self.scales, "few", "handful", "couple"})

    @property
    def number_words(self) -> list[str]:
        return sorted({*self.units, *self.scales, *self.vague})


@lru_cache(maxsize=1)
def number_words() -> NumberWords:
    raw = load_yaml("numbers")
    kind_of = {w: kind for kind, spec in raw["kinds"].items() for w in spec["words"]}
    cues = raw["cumulative_cues"]
    return NumberWords(
        units={k: float(v) for k, v in raw["units"].items()},
        scales={k: float(v) for k, v in raw["scales"].items()},
        vague={k: float(v) for k, v in raw["vague"].items()},
        qualifiers={tuple(k.split()): v for k, v in raw["qualifiers"].items()},
        currencies={str(k).lower(): v for k, v in raw["currencies"].items()},
        kind_of=kind_of,
        light_verbs=raw["light_verbs"],
        zero_nouns=raw["zero_nouns"],
        zero_fillers=raw["zero_fillers"],
        cumulative_phrases=[p.split() for p in cues["phrases"]],
        cumulative_verbs=frozenset(cues["verbs"]),
        cumulative_min_perfect=int(raw["cumulative_min_perfect"]),
        attack_words=sorted(set(raw["attack_words"])),
    )


@lru_cache(maxsize=8)
def _matcher(vocab: Vocab) -> AnchoredMatcher:
    w = number_words()
    m = AnchoredMatcher(vocab)
    m.add("NUM", [[{"LIKE_NUM": True}], [{"LOWER": {"IN": w.number_words}}]])
    m.add("NUM", [[{"LOWER": {"REGEX": SUFFIXED.pattern}}]])
    # Bounded repeats ("no [up to four fillers] casualties") keep every match short, so the
    # Matcher only has to look near its anchor words.
    fillers = {"LOWER": {"IN": w.zero_fillers}, "OP": "{0,4}"}
    m.add("ZERO", [[{"LOWER": "no"}, fillers, {"LOWER": {"IN": sorted(w.zero_nouns)}}]])
    people_verbs = sorted(k for k, v in w.kind_of.items() if v in KINDS_OF_PEOPLE)
    auxiliaries = {"LOWER": {"IN": ["was", "were", "has", "have", "had", "been", "got"]},
                   "OP": "{1,3}"}
    m.add(
        "ZERO",
        [
            [
                {"LOWER": {"IN": ["nobody", "none", "noone"]}},
                auxiliaries,
                {"LOWER": {"IN": ["immediately", "reportedly", "seriously"]}, "OP": "?"},
                {"LEMMA": {"IN": people_verbs}},
            ],
            [
                {"LOWER": "no"},
                {"LOWER": "one"},
                auxiliaries,
                {"LOWER": {"IN": ["immediately", "reportedly", "seriously"]}, "OP": "?"},
                {"LEMMA": {"IN": people_verbs}},
            ],
        ],
    )
    m.add("ATTACK", [[{"LEMMA": {"IN": w.attack_words}}]])
    return m


@lru_cache(maxsize=8)
def _cumulative_phrases(vocab: Vocab) -> PhraseMatcher:
    """'so far', 'in all', 'to date': phrases, some all stop words, so a PhraseMatcher."""
    m = PhraseMatcher(vocab, attr="LOWER")
    m.add("CUMULATIVE", [Doc(vocab, words=phrase) for phrase in number_words().cumulative_phrases])
    return m


# ---------------------------------------------------------------- values


def parse_value(words: list[str], w: NumberWords | None = None) -> tuple[float, bool] | None:
    """The value of a run of number words/digits and whether it was vague ("dozens")."""
    w = w or number_words()
    total, current, vague, seen = 0.0, 0.0, False, False
    for raw in words:
        word = raw.lower().replace(",", "")
        suffixed = SUFFIXED.match(word)
        if suffixed and suffixed.group(2) in w.scales:
            current += float(suffixed.group(1).replace(",", "")) * w.scales[suffixed.group(2)]
        elif _is_number(word):
            current += float(word)
        elif word in w.units:
            current += w.units[word]
        elif word in w.scales:
            current = max(current, 1.0) * w.scales[word]
            if w.scales[word] >= 1000:
                total, current = total + current, 0.0
        elif word in w.vague:
            current = max(current, 1.0) * w.vague[word]
            vague = True
        else:
            continue
        seen = True
    return (total + current, vague) if seen else None


def _is_number(word: str) -> bool:
    try:
        float(word)
    except ValueError:
        return False
    return True


# ---------------------------------------------------------------- runs of number tokens


def _runs(doc: Doc, num_idx: list[int], w: NumberWords) -> list[tuple[int, int]]:
    """Join adjacent number tokens: "twenty - five", "14.3 - billion", "tens of thousands"."""
    runs: list[tuple[int, int]] = []
    for i in sorted(set(num_idx)):
        if runs:
            start, end = runs[-1]
            gap = doc[end:i]
            joinable = i == end or (
                i == end + 1 and gap[0].lower_ in ("-", "of") and doc[end - 1].lower_ != "one"
            )
            if joinable:
                runs[-1] = (start, i + 1)
                continue
        start = i
        if i > 0 and doc[i - 1].lower_ in ("a", "an") and doc[i].lower_ in w.a_words:
            start = i - 1
        runs.append((start, i + 1))
    return runs


def _skip(run: Span, w: NumberWords, blocked: set[int]) -> bool:
    """Numbers that are dates, ages, percentages, names ("Resolution 2334") or compounds."""
    doc = run.doc
    if any(t.i in blocked or t.ent_type_ in SKIP_ENTS for t in run):
        return True
    last = run[-1]
    after = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if after is not None:
        if after.lower_ in ("%", "percent", "per", "pc"):
            return True
        if after.text == "-" and last.i + 2 < len(doc):
            nxt = doc[last.i + 2]
            if nxt.is_alpha and nxt.lower_ not in w.scales and nxt.lower_ not in w.currencies:
                return True  # "three-day", "25-year-old"
    before = doc[run.start - 1] if run.start > 0 else None
    if before is not None and before.lower_ in ("aged", "age", "no.", "number", "resolution"):
        return True
    root = _root(run)
    head = root.head
    if root.dep_ in ("nummod", "appos", "compound", "npadvmod") and head.i < root.i:
        return head.pos_ in NOUNS and head.lower_ not in w.kind_of  # "Route 60", "F-16"
    if len(run) == 1 and run[0].lower_ == "one" and root.dep_ != "nummod":
        return True  # "one of them", "the one who"
    return False


def _root(span: Span) -> Token:
    for tok in span:
        if not (span.start <= tok.head.i < span.end) or tok.head.i == tok.i:
            return tok
    return span[-1]


# ---------------------------------------------------------------- qualifiers, ranges, money


def _qualifier(doc: Doc, start: int, w: NumberWords) -> tuple[str | None, int]:
    """The qualifier phrase ending right before ``start`` and where it begins."""
    for n in (3, 2, 1):
        if start - n < 0:
            continue
        words = tuple(t.lower_ for t in doc[start - n : start])
        if words in w.qualifiers:
            return w.qualifiers[words], start - n
    return None, start


def _currency(doc: Doc, run: Span, w: NumberWords) -> tuple[str | None, int, int]:
    """A currency mark before the run or a currency word after it, widening the span."""
    start, end = run.start, run.end
    unit = None
    if start > 0 and doc[start - 1].lower_ in w.currencies:
        unit, start = w.currencies[doc[start - 1].lower_], start - 1
        if start > 0 and doc[start - 1].lower_ in ("us", "u.s."):
            start -= 1
    elif end < len(doc) and doc[end].lower_ in w.currencies and doc[end].lower_ != "$":
        unit, end = w.currencies[doc[end].lower_], end + 1
    return unit, start, end


# ---------------------------------------------------------------- kind and head noun


def _kind_word(tok: Token, w: NumberWords) -> str | None:
    return w.kind_of.get(tok.lemma_.lower()) or w.kind_of.get(tok.lower_)


def _light(verb: Token, w: NumberWords) -> str | None:
    """ "sustained injuries", "lost their lives", "left three dead"."""
    objects = w.light_verbs.get(verb.lemma_.lower())
    if not objects:
        return None
    for child in verb.children:
        if child.dep_ in ("dobj", "oprd", "acomp", "attr", "ccomp", "xcomp", "pobj", "prep"):
            kind = objects.get(child.lemma_.lower()) or objects.get(child.lower_)
            if kind:
                return kind
            for grand in child.children:
                kind = objects.get(grand.lemma_.lower()) if grand.dep_ == "pobj" else None
                if kind:
                    return kind
    return None


def _noun(root: Token) -> Token | None:
    """The counted noun: "24,620 Palestinians", "dozens of people"."""
    if root.dep_ in ("nummod", "quantmod", "amod", "nmod", "compound") and root.head.pos_ in NOUNS:
        if root.head.i > root.i:
            return root.head
    for child in root.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.pos_ in NOUNS | {"PRON"}:
                    return pobj
    return None


def _kind(root: Token, noun: Token | None, w: NumberWords) -> tuple[str | None, Token | None]:
    """What happened to what is counted, and the governing word it was read from."""
    if noun is not None and (kind := _kind_word(noun, w)):
        return kind, noun
    node = noun if noun is not None and noun.i == root.head.i else root
    for tok in (root, node):
        for child in tok.children:
            if child.dep_ in ("amod", "acl", "acomp", "oprd", "relcl") and (
                k := _kind_word(child, w)
            ):
                return k, child
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    gov = node.head
    if node.dep_ == "pobj":
        if gov.lower_ not in ("of", "to", "at"):
            return None, None
        gov = gov.head
    if gov.dep_ in ("aux", "auxpass") and gov.head.i != gov.i:
        gov = gov.head  # the small model sometimes hangs the subject on "have"
    if gov.i == node.i:
        return None, None
    if kind := _kind_word(gov, w):
        return kind, gov
    if kind := _light(gov, w):
        return kind, gov
    for child in gov.children:
        if child.dep_ in ("xcomp", "oprd", "acomp") and (kind := _kind_word(child, w)):
            return kind, child
        if child.dep_ in ("nsubj", "nsubjpass") and child.i != node.i:
            if gov.lemma_ == "be" or gov.lemma_ in w.cumulative_verbs:
                if kind := _kind_word(child, w):
                    return kind, gov
    return None, gov


# ---------------------------------------------------------------- scope


@dataclass(slots=True)
class SentenceCues:
    attack: set[int]
    cumulative: set[int]
    since: dict[int, date | None]


def _sentence_cues(doc: Doc, matches: list, times: list[TimeHit]) -> SentenceCues:
    cues = SentenceCues(set(), set(), {})
    vocab = doc.vocab.strings
    for match_id, start, _end in matches:
        label = vocab[match_id]
        if label == "ATTACK":
            cues.attack.add(doc[start].sent.start)
        elif label == "CUMULATIVE":
            cues.cumulative.add(doc[start].sent.start)
    for hit in times:
        if hit.relation != "since":
            continue
        span = doc.char_span(hit.start, hit.end, alignment_mode="expand")
        if span is not None:
            key = span[0].sent.start
            cues.cumulative.add(key)
            cues.since.setdefault(key, hit.start_date)
    return cues


def _is_perfect(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)


def _scope(sent: Span, gov: Token | None, value: float, cues: SentenceCues, w: NumberWords) -> str:
    key = sent.start
    if key in cues.cumulative:
        return "cumulative"
    perfect = gov is not None and _is_perfect(gov)
    if key in cues.attack and not perfect and any(t.tag_ == "VBD" for t in sent):
        return "event"
    if gov is not None and gov.lemma_ in w.cumulative_verbs:
        return "cumulative"
    if perfect and value >= w.cumulative_min_perfect and key not in cues.attack:
        return "cumulative"
    if key in cues.attack and not perfect:
        return "event"
    if gov is not None and _past_simple(gov) and _kind_word(gov, w) in KINDS_OF_PEOPLE:
        return "event"  # "gunmen killed three", "five were abducted on Monday"
    return "unknown"


def _past_simple(verb: Token) -> bool:
    if verb.tag_ == "VBD":
        return True
    return verb.tag_ == "VBN" and any(
        c.dep_ == "auxpass" and c.tag_ == "VBD" for c in verb.children
    )


# ---------------------------------------------------------------- the reader


def read_numbers(doc: Doc) -> list[NumberHit]:
    """Every toll, sum and people count in ``doc`` as a NumberHit."""
    w = number_words()
    matches = _matcher(doc.vocab)(doc) + _cumulative_phrases(doc.vocab)(doc)
    times = doc._.ec_times if doc._.ec_times is not None else read_times(doc)
    cues = _sentence_cues(doc, matches, times)
    blocked: set[int] = set()
    for hit in times:
        span = doc.char_span(hit.start, hit.end, alignment_mode="expand")
        if span is not None:
            blocked.update(range(span.start, span.end))
    out: list[NumberHit] = []
    strings = doc.vocab.strings
    zeros = [(s, e) for mid, s, e in matches if strings[mid] == "ZERO"]
    for start, end in _longest(zeros):
        blocked.update(range(start, end))
        out.extend(_zero_hits(doc[start:end], cues, w))
    num_idx = [s for mid, s, _ in matches if strings[mid] == "NUM"]
    runs = _runs(doc, num_idx, w)
    consumed: set[int] = set()
    for k, (start, end) in enumerate(runs):
        if start in consumed:
            continue
        run = doc[start:end]
        if _skip(run, w, blocked):
            continue
        hit = _read_run(doc, run, runs[k + 1] if k + 1 < len(runs) else None, cues, w)
        if hit is not None:
            out.append(hit[0])
            if hit[1] is not None:
                consumed.add(hit[1])
    return sorted(out, key=lambda h: h.start)


def _longest(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    kept: list[tuple[int, int]] = []
    for s, e in sorted(spans, key=lambda x: (x[0], -(x[1] - x[0]))):
        if not kept or s >= kept[-1][1]:
            kept.append((s, e))
    return kept


def _zero_hits(span: Span, cues: SentenceCues, w: NumberWords) -> list[NumberHit]:
    """ "no casualties" → killed 0 and injured 0; "nobody was hurt" → injured 0."""
    last = span[-1]
    kinds = w.zero_nouns.get(last.lower_) or [_kind_word(last, w) or "killed"]
    scope = "event" if span.sent.start in cues.attack else "unknown"
    return [
        NumberHit(span.start_char, span.end_char, span.text, kind, 0.0, "exact", scope=scope)
        for kind in kinds
    ]


def _read_run(
    doc: Doc,
    run: Span,
    nxt: tuple[int, int] | None,
    cues: SentenceCues,
    w: NumberWords,
) -> tuple[NumberHit, int | None] | None:
    parsed = parse_value([t.text for t in run], w)
    if parsed is None:
        return None
    value, vague = parsed
    qualifier, q_start = _qualifier(doc, run.start, w)
    unit, m_start, m_end = _currency(doc, run, w)
    if unit is not None and m_start < run.start:
        qualifier, q_start = _qualifier(doc, m_start, w)
    start, end, consumed = min(q_start, m_start), m_end, None
    # Ranges: "between 5 and 7", "5 to 7", "three or four" → the lowest, at least.
    if nxt is not None and nxt[0] == run.end + 1 and doc[run.end].lower_ in ("and", "to", "or"):
        ranged = doc[run.end].lower_ != "and" or (start > 0 and doc[start - 1].lower_ == "between")
        other = parse_value([t.text for t in doc[nxt[0] : nxt[1]]], w)
        if ranged and other is not None:
            value, end, consumed = min(value, other[0]), nxt[1], nxt[0]
            qualifier = "at least"
            if doc[start - 1].lower_ == "between":
                start -= 1
            if unit is None:
                unit, _, m_end = _currency(doc, doc[nxt[0] : nxt[1]], w)
                end = max(end, m_end)
    root = _root(run)
    noun = _noun(root)
    if unit is not None or any(t.ent_type_ == "MONEY" for t in run):
        kind, gov = "money", root.head
        unit = unit or "USD"
    else:
        kind, gov = _kind(root, noun, w)
        kind = kind or "count"
    if kind in ("count", "money") and any(t.ent_type_ in TIME_ENTS for t in run):
        return None  # "24 hours", "the 1990s": a time the times reader did not resolve
    if kind == "count" and (noun is None or vague):
        return None  # a bare number or "dozens of times" tells nothing on its own
    if vague:
        qualifier = "vague"
    span = doc[start:end]
    sent = root.sent
    scope = _scope(sent, gov, value, cues, w)
    return (
        NumberHit(
            start=span.start_char,
            end=span.end_char,
            text=span.text,
            kind=kind,
            value=value,
            qualifier=qualifier or "exact",
            unit=unit,
            scope=scope,
            about=noun.text if noun is not None else None,
            since=cues.since.get(sent.start),
        ),
        consumed,
    )


class NumbersReader:
    """spaCy component: ``doc._.ec_numbers = read_numbers(doc)``."""

    def __init__(self, nlp: Language, name: str) -> None:
        register_extensions()
        number_words()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.ec_numbers = read_numbers(doc)
        return doc


@Language.factory("ec_numbers")
def make_numbers_reader(nlp: Language, name: str) -> NumbersReader:
    return NumbersReader(nlp, name)
