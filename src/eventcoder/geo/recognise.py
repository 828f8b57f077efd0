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

from spacy.tokens import Doc, Span

from eventcoder.geo.gazetteer import Gazetteer
from eventcoder.geo.resolve import ADMIN_FEATURES, Mention

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
MAYBE_LABELS = frozenset({"PERSON", "ORG", "NORP"})
TRUSTED_FEATURES = ADMIN_FEATURES | {"AIRB", "PRT", "CMP", "GASF", "OILF", "PSTB", "MILB", "CONT"}

_SUFFIX = re.compile(
    r"^\s*(?P<word>air ?base|air force base|airfield|airport|governorate|province|oblast|"
    r"region|district|state|camp|refugee camp|crossing|border crossing|gas field|oil field|"
    r"oilfield|port)\b",
    re.I,
)
_SUFFIX_HINT = {
    "air base": "AIRB", "airbase": "AIRB", "air force base": "AIRB", "airfield": "AIRB",
    "airport": "AIRB", "governorate": "ADM", "province": "ADM", "oblast": "ADM",
    "region": "ADM", "district": "ADM", "state": "ADM", "camp": "CMP", "refugee camp": "CMP",
    "crossing": "PSTB", "border crossing": "PSTB", "gas field": "GASF", "oil field": "OILF",
    "oilfield": "OILF", "port": "PRT",
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


def _candidate_spans(doc: Doc) -> list[Span]:
    spans = [e for e in doc.ents if e.label_ in PLACE_LABELS or e.label_ in MAYBE_LABELS]
    return spans


def _strip_det(span: Span) -> Span:
    while len(span) > 1 and span[0].lower_ in ("the", "a"):
        span = span[1:]
    while len(span) > 1 and span[-1].is_punct:
        span = span[:-1]
    return span


def recognise(doc: Doc, gaz: Gazetteer, text: str | None = None) -> list[Found]:
    """Toponym mentions in ``doc`` with hints, parents and relative-position flags."""
    text = doc.text if text is None else text
    found: list[Found] = []
    for span in _candidate_spans(doc):
        span = _strip_det(span)
        if span[-1].tag_ == "POS" and len(span) > 1:
            span = span[:-1]
        name = span.text
        if not name[:1].isupper():
            continue
        start, end = span.start_char, span.end_char
        before = text[max(0, start - 80):start]
        hint, parent, name, end = words_around(text, start, end, name, gaz)
        cands = gaz.candidates(name)
        cands = tuple(c for c in cands if c.match != "demonym")
        if not cands:
            continue
        if span.label_ in MAYBE_LABELS and not _trusted(cands, hint):
            continue
        if len(name) <= 3 and span.label_ not in PLACE_LABELS:
            continue
        relative = _RELATIVE.search(before[-60:])
        found.append(
            Found(
                Mention(start, end, text[start:end] if name == span.text else name, hint, parent),
                relative=bool(relative),
                relative_start=(start - len(before[-60:]) + relative.start()) if relative else None,
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


def _trusted(cands, hint: str | None) -> bool:
    """A PERSON/ORG span counts as a place only if it names a region, country or curated site."""
    return hint is not None or any(
        c.feature in TRUSTED_FEATURES or c.source.startswith("curated") for c in cands
    )


def _dedupe(found: list[Found]) -> list[Found]:
    out: list[Found] = []
    last_end = -1
    for f in sorted(found, key=lambda f: (f.mention.start, -f.mention.end)):
        if f.mention.start >= last_end:
            out.append(f)
            last_end = f.mention.end
    return out
