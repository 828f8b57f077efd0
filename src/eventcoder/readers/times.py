"""The times reader: finds time expressions and resolves them against the publication date.

Candidates come from a token Matcher built from kb/times.yaml (the small English model misses
"early on Tuesday", "since October 7", "last night" often enough) plus spaCy's DATE/TIME
entities that no pattern covered. Each candidate is read into calendar parts (month, day,
weekday, shift, unit, ...) and resolved with ``datetime`` only, so the hot path stays cheap.
Unknown publication date → absolute dates still resolve, relative ones stay ``unknown``.
"""

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans
from spacy.vocab import Vocab

from eventcoder.kb.loader import load_yaml
from eventcoder.readers.gate import AnchoredMatcher
from eventcoder.readers.hits import TimeHit, context, register_extensions

DAY_SHAPES = ["d", "dd", "dxx", "ddxx"]
YEAR_RANGE = (1800, 2100)


@dataclass(frozen=True)
class TimeWords:
    """kb/times.yaml, with dotted abbreviation forms added."""

    months: dict[str, int]
    weekdays: dict[str, int]
    relative_days: dict[str, int]
    parts_of_day: frozenset[str]
    unit_shift: dict[str, int]
    units: dict[str, str]
    modifiers: dict[str, str]
    number_words: dict[str, int]
    vague_words: frozenset[str]
    recent_words: frozenset[str]
    relations: dict[str, str]
    leading_drop: frozenset[str]


def _with_dots(table: dict[str, int]) -> dict[str, int]:
    out = dict(table)
    for word, value in table.items():
        if len(word) <= 4:
            out[word + "."] = value
    return out


@lru_cache(maxsize=1)
def time_words() -> TimeWords:
    raw = load_yaml("times")
    return TimeWords(
        months=_with_dots(raw["months"]),
        weekdays=_with_dots(raw["weekdays"]),
        relative_days=dict(raw["relative_days"]),
        parts_of_day=frozenset(raw["parts_of_day"]),
        unit_shift=dict(raw["unit_shift"]),
        units=dict(raw["units"]),
        modifiers=dict(raw["modifiers"]),
        number_words=dict(raw["number_words"]),
        vague_words=frozenset(raw["vague_words"]),
        recent_words=frozenset(raw["recent_words"]),
        relations=dict(raw["relations"]),
        leading_drop=frozenset(raw["leading_drop"]),
    )


# ---------------------------------------------------------------- candidate patterns


def _patterns(w: TimeWords) -> list[list[dict]]:
    """Token patterns for the expressions the model tends to miss. Words come from the KB."""
    opt = {"OP": "?"}
    month = {"LOWER": {"IN": sorted(w.months)}, "IS_LOWER": False}
    wday = {"LOWER": {"IN": sorted(w.weekdays)}, "IS_LOWER": False}
    daynum = {"SHAPE": {"IN": DAY_SHAPES}}
    year = {"SHAPE": "dddd"}
    comma = {"ORTH": ",", **opt}
    pod = {"LOWER": {"IN": sorted(w.parts_of_day)}}
    shift = {"LOWER": {"IN": sorted(w.unit_shift)}}
    unit = {"LOWER": {"IN": sorted(w.units)}}
    numword = {"LOWER": {"IN": sorted(w.number_words)}}
    rel_day = {"LOWER": {"IN": sorted(w.relative_days)}}
    preps = {"LOWER": {"IN": ["in", "since", "by", "until", "till", "of", "from", "during"]}}
    cores: list[list[dict]] = [
        [month, daynum, comma, {**year, **opt}],
        [daynum, month, {**year, **opt}],
        [daynum, {"LOWER": "of"}, month, {**year, **opt}],
        [month, {"ORTH": ",", **opt}, year],
        [preps, month, {"ORTH": ",", **opt}, {**year, **opt}],
        [wday, {**pod, **opt}],
        [wday, {**pod, **opt}, {"ORTH": ","}, month, daynum, comma, {**year, **opt}],
        [rel_day, {**pod, **opt}],
        [shift, {"LOWER": {"IN": sorted(w.units) + sorted(w.parts_of_day)}}],
        [shift, wday],
        [shift, month],
        [shift, {"LIKE_NUM": True}, unit],
        [shift, numword, unit],
        [{"LIKE_NUM": True}, unit, {"LOWER": "ago"}],
        [
            numword,
            {"LOWER": {"IN": ["few", "couple"]}, **opt},
            {"LOWER": "of", **opt},
            unit,
            {"LOWER": "ago"},
        ],
        [{"LOWER": {"IN": sorted(w.recent_words)}}, unit],
        [{"LOWER": {"IN": sorted(w.vague_words)}, "POS": "ADV"}],
        [preps, year],
        [{"LOWER": {"IN": ["over", "at", "during"]}}, {"LOWER": "the"}, {"LOWER": "weekend"}],
    ]
    # Modifiers before a core ("early on Tuesday") are added in code (_widen): fewer patterns.
    mod = {"LOWER": {"IN": sorted(w.modifiers)}}
    return [*cores, [mod, {"ORTH": "-", **opt}, year], [mod, {"ORTH": "-", **opt}, month]]


@lru_cache(maxsize=8)
def _matcher(vocab: Vocab) -> AnchoredMatcher:
    matcher = AnchoredMatcher(vocab)
    matcher.add("TIME", _patterns(time_words()))
    return matcher


def _widen(span: Span) -> Span:
    """Take in a modifier before the span: "early on Tuesday", "mid-January", "late in 2023"."""
    doc, start = span.doc, span.start
    modifiers = time_words().modifiers
    if start >= 2 and doc[start - 1].lower_ in ("on", "in", "-"):
        if doc[start - 2].lower_ in modifiers:
            return doc[start - 2 : span.end]
    if start >= 1 and doc[start - 1].lower_ in modifiers:
        return doc[start - 1 : span.end]
    return span


def ent_range(span: Span) -> range:
    return range(span.start, span.end)


def candidate_spans(doc: Doc) -> list[Span]:
    """Pattern spans first; DATE/TIME entities only where no pattern matched."""
    spans = filter_spans([_widen(doc[s:e]) for _, s, e in _matcher(doc.vocab)(doc)])
    taken = {i for span in spans for i in range(span.start, span.end)}
    months = time_words().months
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME") or any(i in taken for i in ent_range(ent)):
            continue
        if len(ent) == 1 and ent[0].lower_ in months:
            continue  # a bare "May" is a name or a verb unless a pattern saw "in May"
        spans.append(ent)
    return sorted(spans, key=lambda s: s.start)


# ---------------------------------------------------------------- reading a span


@dataclass(slots=True)
class Parts:
    """What a time expression says, before any calendar arithmetic."""

    month: int | None = None
    day: int | None = None
    year: int | None = None
    weekday: int | None = None
    rel_day: int | None = None
    shift: int | None = None
    shift_word: str | None = None
    unit: str | None = None
    number: int | None = None
    ago: bool = False
    modifier: str | None = None
    part_of_day: str | None = None
    vague: bool = False
    recent: bool = False

    def empty(self) -> bool:
        return not (
            self.month
            or self.year
            or self.weekday is not None
            or self.rel_day is not None
            or self.unit
            or self.vague
            or self.recent
            or (self.shift is not None and self.part_of_day)
        )


def _int_prefix(text: str) -> int | None:
    digits = text.rstrip("stndrhSTNDRH")
    return int(digits) if digits.isdigit() else None


def read_parts(tokens: list[Token], w: TimeWords | None = None) -> Parts:
    """Collect the calendar parts of a span, left to right."""
    w = w or time_words()
    p = Parts()
    nums: list[int] = []
    for tok in tokens:
        low = tok.lower_
        if low in w.months and not tok.is_lower:
            p.month = w.months[low]
        elif low in w.weekdays and not tok.is_lower:
            p.weekday = w.weekdays[low]
        elif tok.shape_ == "dddd":
            value = int(low)
            if YEAR_RANGE[0] <= value <= YEAR_RANGE[1]:
                p.year = value
        elif tok.shape_ in DAY_SHAPES:
            value = _int_prefix(low)
            if value is not None:
                nums.append(value)
        elif low in w.relative_days:
            p.rel_day = w.relative_days[low]
        elif low in w.unit_shift:
            p.shift, p.shift_word = w.unit_shift[low], low
        elif low in w.units:
            p.unit = w.units[low]
        elif low in w.modifiers and p.modifier is None:
            p.modifier = w.modifiers[low]
            if low in w.vague_words and len(tokens) == 1:
                p.vague = True
        elif low in w.parts_of_day:
            p.part_of_day = low
        elif low == "ago":
            p.ago = True
        elif low in w.recent_words:
            p.recent = True
        elif low in w.vague_words:
            p.vague = True
        elif low in w.number_words:
            nums.append(w.number_words[low])
        elif tok.like_num and low.replace(",", "").isdigit():
            nums.append(int(low.replace(",", "")))
    if nums:
        if p.month and 1 <= nums[0] <= 31:
            p.day = nums[0]
        else:
            p.number = nums[-1]
    return p


# ---------------------------------------------------------------- calendar arithmetic

Resolved = tuple[date | None, date | None, str, bool]


def _month_range(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _add_months(d: date, n: int) -> tuple[int, int]:
    total = d.year * 12 + d.month - 1 + n
    return total // 12, total % 12 + 1


def _week_range(d: date) -> tuple[date, date]:
    start = d - timedelta(days=d.weekday())
    return start, start + timedelta(days=6)


def _unit_range(pub: date, unit: str, n: int) -> tuple[date, date, str]:
    """The calendar unit ``n`` units away from ``pub`` (n=-1: last week/month/year)."""
    if unit == "week":
        return (*_week_range(pub + timedelta(weeks=n)), "week")
    if unit == "weekend":
        sat = pub - timedelta(days=(pub.weekday() - 5) % 7)  # the latest Saturday <= pub
        if n < 0 and pub.weekday() >= 5:
            sat -= timedelta(weeks=1)
        elif n >= 0 and pub.weekday() < 5:
            sat += timedelta(weeks=1)
        return sat, sat + timedelta(days=1), "week"
    if unit == "month":
        return (*_month_range(*_add_months(pub, n)), "month")
    if unit == "year":
        return date(pub.year + n, 1, 1), date(pub.year + n, 12, 31), "year"
    day = pub + timedelta(days=n)
    return day, day, "day"


def _rolling(pub: date, unit: str, n: int) -> Resolved:
    """A window of N units ending at publication, coarser precision when it spans units."""
    days = {"hour": max(1, n // 24), "day": n, "week": 7 * n, "month": 30 * n, "year": 365 * n}
    span = days.get(unit, n)
    precision = "day" if span <= 1 else "week" if span <= 7 else "month" if span <= 31 else "year"
    return pub - timedelta(days=span), pub, precision, True


def _cap(start: date, end: date, pub: date, modifier: str | None) -> tuple[date, date]:
    if modifier == "earlier":
        return start, min(end, pub)
    if modifier == "later":
        return max(start, pub), end
    return start, end


def resolve(p: Parts, pub: date | None) -> Resolved | None:
    """Dates for the parts; None when the parts are not a time expression at all."""
    if p.empty():
        return None
    if p.month and p.day:
        year = p.year
        if year is None and pub is not None:
            year = pub.year if date(pub.year, p.month, min(p.day, 28)) <= pub else pub.year - 1
        if year is None:
            return None, None, "unknown", True
        try:
            d = date(year, p.month, p.day)
        except ValueError:
            return None, None, "unknown", True
        return d, d, "day", pub is None or d <= pub
    if p.month:
        year = p.year
        if year is None and pub is not None:
            year = pub.year if p.month <= pub.month else pub.year - 1
            if p.shift == -1 and p.month >= pub.month:
                year = pub.year - 1
            elif p.shift == 1 and p.month <= pub.month:
                year = pub.year + 1
        if year is None:
            return None, None, "unknown", True
        start, end = _month_range(year, p.month)
        return start, end, "month", pub is None or start <= pub
    if p.year and p.unit is None:
        return date(p.year, 1, 1), date(p.year, 12, 31), "year", pub is None or p.year <= pub.year
    if pub is None:
        future = (p.shift or 0) > 0 or (p.rel_day or 0) > 0 or p.modifier == "later"
        return None, None, "unknown", not future
    if p.weekday is not None:
        back = (pub.weekday() - p.weekday) % 7
        if p.shift == 1:
            d = pub + timedelta(days=(p.weekday - pub.weekday()) % 7 or 7)
        else:
            d = pub - timedelta(days=back or (7 if p.shift == -1 else 0))
        return d, d, "day", d <= pub
    if p.rel_day is not None:
        d = pub + timedelta(days=p.rel_day)
        return d, d, "day", p.rel_day <= 0
    if p.shift is not None and p.unit is None and p.part_of_day:
        d = pub - timedelta(days=1) if p.shift < 0 else pub  # "last night", "this morning"
        return d, d, "day", True
    if p.unit and p.ago:
        n = p.number or 1
        if p.unit in ("hour", "day"):
            d = pub - timedelta(days=n if p.unit == "day" else n // 24)
            return d, d, "day", True
        start, end, precision = _unit_range(pub, p.unit, -n if p.unit != "weekend" else -1)
        return start, end, precision, True
    if p.recent or (p.vague and p.unit is None):
        return None, None, "unknown", True
    if p.unit and p.number is not None:
        if p.shift is None:
            return None  # "four years", "a 19-year-old": a length or an age, not a date
        return _rolling(pub, p.unit, p.number)
    if p.unit and p.shift is not None:
        if p.shift_word == "past" and p.unit != "weekend":
            return _rolling(pub, p.unit, 1)
        start, end, precision = _unit_range(pub, p.unit, p.shift)
        start, end = _cap(start, end, pub, p.modifier)
        return start, end, precision, start <= pub and p.modifier != "later"
    if p.unit == "weekend":
        start, end, precision = _unit_range(pub, "weekend", -1)
        return start, end, precision, True
    return None


# ---------------------------------------------------------------- the component


def _trim(span: Span, w: TimeWords) -> tuple[Span, str | None]:
    """Drop leading prepositions; return the span and the word that set its relation."""
    doc = span.doc
    start, relation_word = span.start, None
    while start < span.end - 1 and doc[start].lower_ in w.leading_drop:
        if doc[start].lower_ in w.relations:
            relation_word = doc[start].lower_
        start += 1
    if relation_word is None and start > 0:
        before = doc[start - 1].lower_
        if before in w.relations:
            relation_word = before
    end = span.end
    while end > start + 1 and doc[end - 1].is_punct:
        end -= 1
    return doc[start:end], relation_word


def read_times(doc: Doc) -> list[TimeHit]:
    """Every time expression in ``doc`` as a TimeHit, resolved against ``ec_context``."""
    w = time_words()
    pub = context(doc).published
    out: list[TimeHit] = []
    for cand in candidate_spans(doc):
        span, relation_word = _trim(cand, w)
        parts = read_parts(list(span), w)
        resolved = resolve(parts, pub)
        if resolved is None:
            continue
        start, end, precision, is_past = resolved
        if parts.vague or parts.recent:
            relation = "vague"
        elif relation_word is not None:
            relation = w.relations[relation_word]
        elif parts.number is not None and not parts.ago and parts.unit:
            relation = "duration"
        else:
            relation = "point"
        out.append(
            TimeHit(
                start=span.start_char,
                end=span.end_char,
                text=span.text,
                start_date=start,
                end_date=end,
                precision=precision,
                relation=relation,
                is_past=is_past,
            )
        )
    return out


class TimesReader:
    """spaCy component: ``doc._.ec_times = read_times(doc)``."""

    def __init__(self, nlp: Language, name: str) -> None:
        register_extensions()
        time_words()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.ec_times = read_times(doc)
        return doc


@Language.factory("ec_times")
def make_times_reader(nlp: Language, name: str) -> TimesReader:
    return TimesReader(nlp, name)
