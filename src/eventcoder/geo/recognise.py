"""Find toponyms in a parsed Doc, beyond spaCy's GPE/LOC/FAC entities.

The small English model tags 'Dayr al-Zawr' and 'Ain al-Asad' as PERSON; such spans are kept
when the gazetteer knows them as an administrative area, a country or a curated conflict site.
The words around a name add a feature hint ('the port of X', 'X air base', 'Y governorate'), a
parent ('X's eastern province of Y', 'Y, X') and a relative position ('40 km south of X', 'near
X') that lowers precision to 2. Only small windows of text around each candidate are read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz
from spacy.tokens import Doc, Span, Token

from eventcoder.geo.build import data_file, read_curated_csv
from eventcoder.geo.gazetteer import Candidate, Gazetteer
from eventcoder.geo.normalise import ARTICLES, norm_key
from eventcoder.geo.resolve import ADMIN_FEATURES, Mention

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
TRUSTED_FEATURES = ADMIN_FEATURES | {"AIRB", "PRT", "CMP", "GASF", "OILF", "PSTB", "MILB", "CONT"}

_SUFFIX = re.compile(
    r"^\s*(?P<word>air ?base|air force base|airfield|airport|governorate|province|oblast|"
    r"region|district|state|camp|refugee camp|crossing|border crossing|gas field|oil field|"
    r"oilfield|port|corridor|checkpoint)\b",
    re.I,
)
_SUFFIX_HINT = {
    "air base": "AIRB", "airbase": "AIRB", "air force base": "AIRB", "airfield": "AIRB",
    "airport": "AIRB", "governorate": "ADM", "province": "ADM", "oblast": "ADM",
    "region": "ADM", "district": "ADM", "state": "ADM", "camp": "CMP", "refugee camp": "CMP",
    "crossing": "PSTB", "border crossing": "PSTB", "gas field": "GASF", "oil field": "OILF",
    "oilfield": "OILF", "port": "PRT", "checkpoint": "PSTB",
}
_PREFIX = re.compile(
    r"\b(?P<word>port|province|governorate|region|district|city|town|village|camp)\s+of\s+"
    r"(?:the\s+)?$",
    re.I,
)
_PREFIX_HINT = {"port": "PRT", "camp": "CMP", "city": None, "town": None, "village": None}
_POSSESSIVE_PARENT = re.compile(
    r"(?P<parent>[A-Z][\w\-' ]{1,40}?)[\u2019']s\s+(?:[a-z\-]+\s+){0,3}"
    r"(?:province|governorate|region|district|state|city|town|oblast)\s+of\s+$"
)
_RELATIVE = re.compile(
    r"(?:\b\d[\d.,]*\s*(?:kilometers|kilometres|km|miles|mi)\b[^.;]{0,30}?\b"
    r"(?:north|south|east|west|northeast|northwest|southeast|southwest)\w*\s+of"
    r"|\b(?:north|south|east|west|northeast|northwest|southeast|southwest)\s+of"
    r"|\bnear(?:by)?|\boutskirts\s+of|\boutside(?:\s+of)?|\bclose\s+to|\bvicinity\s+of"
    r"|\bsuburbs?\s+of|\bperiphery\s+of|\baround)\s+(?:the\s+)?(?:city\s+of\s+|town\s+of\s+)?$",
    re.I,
)


_CHAINED = re.compile(r"^,\s+([A-Z][\w\-.]+(?:\s[A-Z][\w\-.]+)?)")
# "Hays in Hodeidah province", "a village in the Kharkiv region"
_IN_REGION = re.compile(
    r"^\s+in\s+(?:the\s+)?([A-Z][\w\-']+(?:\s[A-Z][\w\-']+)?)\s+"
    r"(?:province|governorate|region|oblast|state|district|county)\b"
)


@dataclass(slots=True)
class Found:
    """A recognised toponym: what to resolve, and whether it is a relative position."""

    mention: Mention
    relative: bool = False
    relative_start: int | None = None


# Entity labels that make a capitalised run a number or a date, never a place. (LANGUAGE is
# not here: the small model calls 'Zaporizhzhia' and 'Belgorod' languages.)
NOT_PLACE_LABELS = frozenset(
    {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"}
)
# Lower-case words allowed inside a name: Arabic articles and Romance/Dutch particles.
_CONNECTORS = ARTICLES | {"-", "'", "\u2019", "de", "du", "des", "la", "le", "di", "da", "del",
                         "van", "von", "ibn", "bin", "bint", "abu", "sur", "upon", "am"}
_GENERIC_TAIL = frozenset({"city", "town", "village"})  # 'Ibb city' is Ibb
MAX_NAME_TOKENS = 6
BIG_TOWN = 100_000  # a town this size named without a locative word is still taken as a place
SKELETON_PLAIN_RATIO = 80  # a plain single word needs a near-exact fuzzy match


@lru_cache(maxsize=1)
def _words() -> dict[str, frozenset[str]]:
    """The word lists of ``data/name_context.csv`` by kind, lower-cased."""
    kinds: dict[str, set[str]] = {}
    for row in read_curated_csv(data_file("name_context.csv")):
        kinds.setdefault(row["kind"], set()).add(row["word"].lower())
    return {k: frozenset(v) for k, v in kinds.items()}


def _name_like(tok: Token) -> bool:
    t = tok.text
    return t[:1].isupper() and any(c.isalpha() for c in t)


def _starts_name(doc: Doc, i: int) -> bool:
    """A capitalised word, or an Arabic article hyphened to one ('al-Tanf', 'al-Hol')."""
    tok = doc[i]
    if _name_like(tok):
        return True
    return (
        tok.lower_ in ARTICLES and i + 2 < len(doc) and doc[i + 1].text == "-"
        and _name_like(doc[i + 2])
    )


def _glued(doc: Doc, j: int) -> bool:
    """Token j is hyphened to the one before without spaces ('Hpa-an', 'Kharkiv-based')."""
    prev = doc[j - 1]
    return (
        prev.text == "-" and not doc[j - 2].whitespace_ and not prev.whitespace_
        and doc[j].is_alpha
    ) or (doc[j].text == "-" and not prev.whitespace_ and not doc[j].whitespace_
          and j + 1 < len(doc) and doc[j + 1].is_alpha)


def _runs(doc: Doc) -> list[tuple[int, int]]:
    """Maximal runs of capitalised tokens, with articles and particles allowed inside
    ('Dayr al-Zawr', 'Ma'arat al-Nu'man'). Tokens of GPE/LOC/FAC entities are left out:
    the entity path reads those."""
    runs: list[tuple[int, int]] = []
    i, n = 0, len(doc)
    while i < n:
        if doc[i].ent_type_ in PLACE_LABELS or not _starts_name(doc, i):
            i += 1
            continue
        j = i + 1
        while j < n:
            nxt = doc[j]
            if nxt.ent_type_ in PLACE_LABELS:
                break
            if _name_like(nxt) or _glued(doc, j):
                j += 1
                continue
            # a connector counts only when a name-like token follows it (after more connectors)
            k = j
            while k < n and doc[k].lower_ in _CONNECTORS:
                k += 1
            if k > j and k < n and _name_like(doc[k]) and doc[k].ent_type_ not in PLACE_LABELS:
                j = k + 1
                continue
            break
        runs.append((i, j))
        i = j
    return runs


def _prev_word(doc: Doc, i: int) -> Token | None:
    """The word before token ``i``, skipping a determiner ('in the Donbas')."""
    j = i - 1
    if j >= 0 and doc[j].lower_ in ("the", "a"):
        j -= 1
    return doc[j] if j >= 0 else None


def _locative(doc: Doc, i: int, j: int, hint: str | None, parent: str | None) -> bool:
    """The words around tokens i..j say a place: 'in X', 'the town of X', 'X province',
    'X, Syria'."""
    if hint is not None or parent is not None:
        return True
    prev = _prev_word(doc, i)
    if prev is None:
        return False
    word = prev.lower_
    words = _words()
    if word in words["locative"] or word in words["place_verb"]:
        return True
    if word == "of":
        before = _prev_word(doc, prev.i)
        return before is not None and before.lower_ in words["place_noun"]
    return False


def _person_or_org(doc: Doc, i: int, j: int, run: tuple[int, int]) -> bool:
    """Name parts that make tokens i..j (inside ``run``) a person or an organisation."""
    words = _words()
    prev = doc[i - 1] if i > 0 else None
    if prev is not None and prev.text.rstrip(".").lower() in words["title"]:
        return True  # 'President Jordan', 'Gen. Sudan'
    # 'Paris Hilton', 'Jordan Peterson': a given name opens the run and the name goes on
    if doc[i].lower_ in words["given_name"] and j < run[1]:
        return True
    # 'Abraham Lincoln': the run holds a given name before the candidate
    if any(doc[k].lower_ in words["given_name"] for k in range(run[0], i)):
        return True
    ent = doc[i].ent_type_
    inside = doc[i].ent_iob_ != "B" or (j < len(doc) and doc[j].ent_iob_ == "I")
    if ent == "PERSON" and inside:
        return True  # part of a longer person's name
    if ent in ("ORG", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "FAC") or run != (i, j):
        lo, hi = run
        if any(doc[k].lower_ in words["org_word"] for k in range(lo, hi) if not i <= k < j):
            return True  # 'Gaza Health Ministry', 'Kharkiv University'
    return False


def _usable(cands: tuple[Candidate, ...], name: str) -> tuple[Candidate, ...]:
    """Gazetteer entries a name in running text may stand for: no demonyms, and a fuzzy
    (skeleton) match only for names that look transliterated or match near-exactly."""
    out = tuple(c for c in cands if c.match != "demonym")
    if out and all(c.match == "skeleton" for c in out):
        looks_transliterated = any(ch in name for ch in "-'\u2019 ")
        if not looks_transliterated:
            key = norm_key(name)
            out = tuple(c for c in out if fuzz.ratio(key, norm_key(c.name)) >= SKELETON_PLAIN_RATIO)
    return out


def _strong(cands: tuple[Candidate, ...], label: str) -> bool:
    """Entries worth taking without a locative word: a country, region or curated site, or
    (unless the model calls the name a person) a big town named as itself."""
    for c in cands:
        if c.source.startswith("curated") or c.feature in TRUSTED_FEATURES:
            return True
        if (label != "PERSON" and c.feature.startswith("PPL") and c.population >= BIG_TOWN
                and c.match in ("name", "variant")):
            return True
    return False


def _lookup(gaz: Gazetteer, name: str) -> tuple[Candidate, ...]:
    return tuple(c for c in gaz.candidates(name, fuzzy=False) if c.match != "demonym")


def _known_site(text: str, start: int, end: int, gaz: Gazetteer) -> bool:
    """'Conoco gas field', 'Ain al-Asad air base': the name with its facility word is known."""
    suffix = _SUFFIX.match(text[end:end + 30])
    return bool(suffix) and bool(_lookup(gaz, text[start:end + suffix.end()]))


def _transliterated(doc: Doc, i: int, j: int) -> bool:
    """Tokens i..j look like a transliteration ('Dair el Zour', 'Ma'arat al-Numan'), where
    spellings vary and a skeleton match is worth trying."""
    return any(
        t.lower_ in ARTICLES or t.text in ("-", "'", "\u2019") or "'" in t.text for t in doc[i:j]
    )


def _run_candidates(doc: Doc, text: str, gaz: Gazetteer) -> list[tuple[int, int, bool]]:
    """Token spans inside capitalised runs that the gazetteer knows, longest first, left to
    right, and whether only a fuzzy (skeleton) match found them. Exact and article-free keys;
    the skeleton only for names that look transliterated."""
    out: list[tuple[int, int, bool]] = []
    for lo, hi in _runs(doc):
        i = lo
        while i < hi:
            if not _starts_name(doc, i):
                i += 1
                continue
            for j in range(min(hi, i + MAX_NAME_TOKENS), i, -1):
                if not (_name_like(doc[j - 1]) or _glued(doc, j - 1)):
                    continue
                start, end = doc[i].idx, doc[j - 1].idx + len(doc[j - 1])
                name = text[start:end]
                known = _lookup(gaz, name)
                if known or (j == hi and _known_site(text, start, end, gaz)):
                    out.append((i, j, False))
                    i = j
                    break
                if j - i > 1 and _transliterated(doc, i, j) and _usable(gaz.candidates(name), name):
                    out.append((i, j, True))
                    i = j
                    break
            else:
                i += 1
    return out


def _strip_det(span: Span) -> Span:
    while len(span) > 1 and span[0].lower_ in ("the", "a"):
        span = span[1:]
    while len(span) > 1 and span[-1].is_punct:
        span = span[:-1]
    return span


def _strip_generic_tail(span: Span, text: str, gaz: Gazetteer) -> Span:
    """'Ibb city' -> 'Ibb' when the gazetteer knows only the shorter name."""
    if len(span) > 1 and span[-1].lower_ in _GENERIC_TAIL:
        if not _lookup(gaz, text[span.start_char:span.end_char]):
            return span[:-1]
    return span


def _run_of(runs: list[tuple[int, int]], i: int, j: int) -> tuple[int, int]:
    for lo, hi in runs:
        if lo <= i and j <= hi:
            return lo, hi
    return i, j


def recognise(doc: Doc, gaz: Gazetteer, text: str | None = None) -> list[Found]:
    """Toponym mentions in ``doc`` with hints, parents and relative-position flags.

    Two sources: spaCy's GPE/LOC/FAC entities the gazetteer knows, and capitalised runs the
    model left unlabelled or mislabelled (PERSON/ORG/NORP) that the gazetteer knows and whose
    context or standing says place, not person, organisation or date."""
    text = doc.text if text is None else text
    words = _words()
    found: list[Found] = []
    spans: list[tuple[Span, bool, bool]] = [
        (_strip_generic_tail(_strip_det(e), text, gaz), True, True)
        for e in doc.ents if e.label_ in PLACE_LABELS
    ]
    runs = _runs(doc)
    spans += [(doc[i:j], False, fuzzy) for i, j, fuzzy in _run_candidates(doc, text, gaz)]
    for span, labelled, fuzzy in spans:
        if span[-1].tag_ == "POS" and len(span) > 1:
            span = span[:-1]
        name = text[span.start_char:span.end_char]
        if not _starts_name(doc, span.start):
            continue
        start, end = span.start_char, span.end_char
        hint, parent, name, end = words_around(text, start, end, name, gaz)
        i, j = span.start, span.end
        if labelled:
            cands = _usable(gaz.candidates(name), name)
            if not cands or _person_or_org(doc, i, j, (i, j)):
                continue
        else:
            label = doc[i].ent_type_
            if any(doc[k].ent_type_ in NOT_PLACE_LABELS for k in range(i, j)):
                continue
            if name.lower() in words["month"] or name.lower() in words["weekday"]:
                continue
            if _person_or_org(doc, i, j, _run_of(runs, i, j)):
                continue
            cands = _usable(gaz.candidates(name), name) if fuzzy else _lookup(gaz, name)
            if not cands:
                continue
            big_region = any(c.feature in ("PCLI", "ADM1") for c in cands)
            if name.isupper() and len(name) <= 3 and not big_region:
                continue  # 'AI', 'SA': of the short capitals, only countries and states
            locative = _locative(doc, i, j, hint, parent)
            if j - i == 1 and doc[i].tag_ not in ("NNP", "NNPS") and (
                doc[i].is_sent_start or not locative
            ):
                continue  # a capitalised common word ('Police', 'Will'), unless 'near Sake'
            strong = not fuzzy and _strong(cands, label) and (len(name) > 3 or big_region)
            if not (locative or strong):
                continue
        before = text[max(0, start - 60):start]
        relative = _RELATIVE.search(before)
        found.append(
            Found(
                Mention(start, end, name, hint, parent),
                relative=bool(relative),
                relative_start=(start - len(before) + relative.start()) if relative else None,
            )
        )
    return _dedupe(found)


def words_around(
    text: str, start: int, end: int, name: str, gaz: Gazetteer
) -> tuple[str | None, str | None, str, int]:
    """Feature hint, parent, and the name (widened to 'X air base' when the gazetteer knows
    it) from the words around a toponym; plain string work, so gold spans can use it too."""
    after = text[end:end + 30]
    before = text[max(0, start - 80):start]
    hint, parent = None, None
    suffix = _SUFFIX.match(after)
    if suffix:
        word = suffix.group("word").lower()
        hint = _SUFFIX_HINT.get(word)
        full = text[start:end + suffix.end()]
        if gaz.candidates(full, fuzzy=False):
            name, end = full, end + suffix.end()
    prefix = _PREFIX.search(before)
    if prefix:
        word = prefix.group("word").lower()
        hint = _PREFIX_HINT.get(word, "ADM")
        if word == "port" and gaz.candidates("Port of " + name, fuzzy=False):
            name = "Port of " + name
    possessive = _POSSESSIVE_PARENT.search(before)
    if possessive:
        parent = possessive.group("parent").split()[-1]
    chained = _CHAINED.match(text[end:end + 30]) or _IN_REGION.match(text[end:end + 50])
    if chained and not parent:
        parent = chained.group(1)
    return hint, parent, name, end


def _dedupe(found: list[Found]) -> list[Found]:
    out: list[Found] = []
    last_end = -1
    for f in sorted(found, key=lambda f: (f.mention.start, -f.mention.end)):
        if f.mention.start >= last_end:
            out.append(f)
            last_end = f.mention.end
    return out
