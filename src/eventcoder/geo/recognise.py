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
from spacy.attrs import ENT_IOB, ENT_TYPE, IDX, IS_ALPHA, LENGTH, LOWER, ORTH, SPACY
from spacy.strings import StringStore
from spacy.tokens import Doc, Span

from eventcoder.geo.build import data_file, read_curated_csv
from eventcoder.geo.gazetteer import Candidate, Gazetteer
from eventcoder.geo.normalise import ARTICLES, norm_key
from eventcoder.geo.resolve import ADMIN_FEATURES, Mention, is_site_name, not_a_town, plausible

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
_THE = re.compile(r"\bthe\s+$", re.I)
# 'Bourbon and Dauphine streets', 'the Chartres/Franklin intersection': a street's bare name.
# Not 'roads': roads take the towns they lead to ('the Kabul and Kandahar roads').
_STREET_AFTER = re.compile(
    r"^(?:\s*(?:/|and|&)\s*[A-Z][\w'\u2019.-]*(?:\s[A-Z][\w'\u2019.-]*)?)?\s+"
    r"(?:streets|avenues|boulevards|intersection)\b"
)
_NEXT_WORD = re.compile(r"^[ \t]+([A-Z][a-z]+)\b")
_PREFIX_HINT = {"port": "PRT", "camp": "CMP", "city": None, "town": None, "village": None}
_POSSESSIVE_PARENT = re.compile(
    r"(?P<parent>[A-Z][\w\-' ]{1,40}?)[\u2019']s\s+(?:[a-z\-]+\s+){0,3}"
    r"(?:province|governorate|region|district|state|city|town|oblast)\s+of\s+$"
)
# "London's Heathrow", "Cairo's Abbasiya": the place whose part the name is
_OWNER = re.compile(r"(?<![\w\-])(?P<owner>[A-Z][\w\-]+(?:\s[A-Z][\w\-]+)?)[\u2019']s\s+$")
_RELATIVE = re.compile(
    r"(?:\b\d[\d.,]*\s*(?:kilometers|kilometres|km|miles|mi)\b[^.;]{0,30}?\b"
    r"(?:north|south|east|west|northeast|northwest|southeast|southwest)\w*\s+of"
    r"|\b(?:north|south|east|west|northeast|northwest|southeast|southwest)\s+of"
    r"|\bnear(?:by)?|\boutskirts\s+of|\boutside(?:\s+of)?|\bclose\s+to|\bvicinity\s+of"
    r"|\bsuburbs?\s+of|\bperiphery\s+of|\baround)\s+(?:the\s+)?(?:city\s+of\s+|town\s+of\s+)?$",
    re.I,
)


_CHAINED = re.compile(r"^,\s+([A-Z][\w\-.]+(?:\s[A-Z][\w\-.]+)?)")
# 'X, Y and Z': Y is the second of a list, not X's region, which would take a comma after it
# ('Portland, Ore., and Seattle')
_LIST_GOES_ON = re.compile(r"\s+(?:and|or)\s+[A-Z]")
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
    unknown: bool = False  # a site name the gazetteer lacks ('Al-Shifa Hospital'): a guess


# Entity labels that make a capitalised run a number or a date, never a place. (LANGUAGE is
# not here: the small model calls 'Zaporizhzhia' and 'Belgorod' languages.)
NOT_PLACE_LABELS = frozenset(
    {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"}
)
# Lower-case words allowed inside a name: Arabic articles and Romance/Dutch particles.
_CONNECTORS = ARTICLES | {"-", "'", "\u2019", "de", "du", "des", "la", "le", "di", "da", "del",
                         "van", "von", "ibn", "bin", "bint", "abu", "sur", "upon", "am"}
_OF = StringStore()["of"]
# 'Ibb city' is Ibb, 'Hama province' Hama (the word after it still hints at the province)
_GENERIC_TAIL = frozenset({"city", "town", "village", "province", "governorate", "region",
                           "district", "oblast", "state", "countryside"})
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


_OTHER, _NAME, _CONN, _ART, _HYPH = range(5)
_KIND_CACHE: dict[int, int] = {}
_IOB_I = 1  # spaCy's ENT_IOB code for a token inside (not opening) an entity
_ORG_LIKE = frozenset({"ORG", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "FAC"})


@lru_cache(maxsize=1)
def _ids() -> dict[str, frozenset[int]]:
    """Hash ids (spaCy's string hashes) of entity labels and of the name_context word lists,
    so token checks compare integers read from the Doc array."""
    h = StringStore().__getitem__
    out = {k: frozenset(h(w) for w in ws) for k, ws in _words().items()}
    out["title"] = out["title"] | {h(w + ".") for w in _words()["title"]}
    out["place_label"] = frozenset(h(x) for x in PLACE_LABELS)
    out["not_place_label"] = frozenset(h(x) for x in NOT_PLACE_LABELS)
    out["org_label"] = frozenset(h(x) for x in _ORG_LIKE)
    out["person_label"] = frozenset({h("PERSON")})
    out["determiner"] = frozenset({h("the"), h("a")})
    return out


def _kind(text: str) -> int:
    """What a token's text can be in a name: capitalised word, article, hyphen, particle."""
    if text[:1].isupper() and any(c.isalpha() for c in text):
        return _NAME
    low = text.lower()
    if low in ARTICLES:
        return _ART
    if text == "-":
        return _HYPH
    return _CONN if low in _CONNECTORS else _OTHER


class _View:
    """Per-token facts as plain lists, read from the Doc in one array call (Token objects
    cost a Python allocation each; most tokens are lower-case words that are never looked at)."""

    __slots__ = ("doc", "n", "kind", "place", "space", "alpha", "idx", "length", "lower", "ent",
                 "iob")

    def __init__(self, doc: Doc) -> None:
        strings = doc.vocab.strings
        if len(_KIND_CACHE) > 500_000:
            _KIND_CACHE.clear()
        rows = doc.to_array([ORTH, ENT_TYPE, SPACY, IS_ALPHA, IDX, LENGTH, LOWER, ENT_IOB]).tolist()
        place_ids = _ids()["place_label"]
        kind = []
        for row in rows:
            k = _KIND_CACHE.get(row[0])
            if k is None:
                k = _KIND_CACHE[row[0]] = _kind(strings[row[0]])
            kind.append(k)
        self.doc = doc
        self.n = len(rows)
        self.kind = kind
        self.ent = [row[1] for row in rows]
        self.place = [e in place_ids for e in self.ent]
        self.space = [row[2] for row in rows]
        self.alpha = [row[3] for row in rows]
        self.idx = [row[4] for row in rows]
        self.length = [row[5] for row in rows]
        self.lower = [row[6] for row in rows]
        self.iob = [row[7] for row in rows]

    def starts_name(self, i: int) -> bool:
        """A capitalised word, or an Arabic article hyphened to one ('al-Tanf', 'al-Hol')."""
        k = self.kind
        return k[i] == _NAME or (
            k[i] == _ART and i + 2 < self.n and k[i + 1] == _HYPH and k[i + 2] == _NAME
        )

    def glued(self, j: int) -> bool:
        """Token j is hyphened to its neighbour without spaces ('Hpa-an', 'Kharkiv-based')."""
        k, sp = self.kind, self.space
        if j >= 2 and k[j - 1] == _HYPH and not sp[j - 2] and not sp[j - 1] and self.alpha[j]:
            return True
        return (
            k[j] == _HYPH and j >= 1 and not sp[j - 1] and not sp[j] and j + 1 < self.n
            and bool(self.alpha[j + 1])
        )

    def end_char(self, j: int) -> int:
        return self.idx[j - 1] + self.length[j - 1]

    def runs(self) -> list[tuple[int, int]]:
        """Maximal runs of capitalised tokens, with articles and particles allowed inside
        ('Dayr al-Zawr', 'Ma'arat al-Nu'man'). Tokens of GPE/LOC/FAC entities are left out:
        the entity path reads those."""
        k, place, n = self.kind, self.place, self.n
        runs: list[tuple[int, int]] = []
        end = 0
        for i in [i for i, x in enumerate(k) if x == _NAME or x == _ART]:
            if i < end or place[i] or not self.starts_name(i):
                continue
            j = i + 1
            while j < n and not place[j]:
                if k[j] == _NAME or self.glued(j):
                    j += 1
                    continue
                # a connector counts only when a capitalised word follows (after more connectors)
                m = j
                while m < n and k[m] >= _CONN:
                    m += 1
                if m > j and m < n and k[m] == _NAME and not place[m]:
                    j = m + 1
                    continue
                break
            runs.append((i, j))
            end = j
        return runs

    def run_end(self, j: int) -> list[int]:
        """Where a name could end if it goes on from token ``j`` the way ``runs`` reads one
        ('Deir' + 'ez-Zor'): each possible end after ``j``, nearest first."""
        k, n, ends = self.kind, self.n, []
        while j < n and len(ends) < MAX_NAME_TOKENS:
            if k[j] == _NAME or self.glued(j):
                j += 1
                ends.append(j)
                continue
            m = j
            while m < n and k[m] >= _CONN:
                m += 1
            if m > j and m < n and k[m] == _NAME:
                j = m + 1
                ends.append(j)
                continue
            break
        return ends

    def after_place(self, i: int) -> bool:
        """Token i follows 'and', 'or' or a comma that follows a place the model labelled,
        perhaps with the rest of its name ('between Raqqa and Mayadeen', 'Deir ez-Zor and
        Mayadeen')."""
        p = i - 1
        if p < 1 or self.doc[p].lower_ not in ("and", "or", ","):
            return False
        for q in range(p - 1, max(-1, p - 5), -1):
            if self.place[q]:
                return True
            if self.kind[q] == _OTHER:
                return False
        return False

    def prev_word(self, i: int) -> int | None:
        """The word before token ``i``, skipping a determiner ('in the Donbas')."""
        j = i - 1
        if j >= 0 and self.lower[j] in _ids()["determiner"]:
            j -= 1
        return j if j >= 0 else None

    def locative(self, i: int) -> bool:
        """The word before token i says a place follows: 'in X', 'shelled X', 'the town of X',
        'north of X'."""
        ids = _ids()
        p = self.prev_word(i)
        if p is None:
            return False
        word = self.lower[p]
        if word in ids["locative"] or word in ids["place_verb"]:
            return True
        if word == _OF:
            q = self.prev_word(p)
            return q is not None and self.lower[q] in ids["place_noun"]
        return False

    def not_a_place(self, i: int, j: int, run: tuple[int, int]) -> bool:
        """Tokens i..j (inside ``run``) are a date, a number, or part of a person's or an
        organisation's name, whatever the gazetteer says."""
        ids, lower, ent = _ids(), self.lower, self.ent
        dated = any(ent[k] in ids["not_place_label"] for k in range(i, j))
        if dated and not self._named_date(i, j):
            return True
        if j - i == 1 and self._calendar_word(i):
            return True
        if i > 0 and lower[i - 1] in ids["title"]:
            return True  # 'President Jordan', 'Gen. Sudan'
        # 'Paris Hilton', 'Jordan Peterson': a given name opens the run and the name goes on
        if lower[i] in ids["given_name"] and j < run[1]:
            return True
        # 'Abraham Lincoln': the run holds a given name before the candidate
        if any(lower[k] in ids["given_name"] for k in range(run[0], i)):
            return True
        inside = self.iob[i] == _IOB_I or (j < self.n and self.iob[j] == _IOB_I)
        if ent[i] in ids["person_label"] and inside:
            return True  # part of a longer person's name
        if ent[i] in ids["org_label"] or run != (i, j):
            if any(lower[k] in ids["org_word"] for k in range(run[0], run[1]) if not i <= k < j):
                return True  # 'Gaza Health Ministry', 'Kharkiv University'
        return False

    def _named_date(self, i: int, j: int) -> bool:
        """The model called a plain capitalised name a date or number ('between Raqqa and
        Mayadeen'): no digit, month, weekday or feast among its words, so the label is a slip."""
        return all(
            self.kind[k] == _NAME and self.alpha[k] and not self._calendar_word(k)
            for k in range(i, j)
        )

    def _calendar_word(self, k: int) -> bool:
        """'May', 'Sunday', 'Easter': towns somewhere, dates here."""
        ids, low = _ids(), self.lower[k]
        return low in ids["month"] or low in ids["weekday"] or low in ids["holiday"]

    def transliterated(self, i: int, j: int, name: str) -> bool:
        """Looks like a transliteration ('Dair el Zour', 'Ma'arat al-Numan'), where spellings
        vary and a skeleton match is worth trying."""
        return "'" in name or "\u2019" in name or any(
            x == _ART or x == _HYPH for x in self.kind[i:j]
        )


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


def _run_candidates(
    v: _View, runs: list[tuple[int, int]], text: str, gaz: Gazetteer
) -> list[tuple[int, int, bool]]:
    """Token spans inside capitalised runs that the gazetteer knows, longest first, left to
    right, and whether only a fuzzy (skeleton) match found them. Exact and article-free keys;
    the skeleton only for names that look transliterated."""
    out: list[tuple[int, int, bool]] = []
    for lo, hi in runs:
        i = lo
        while i < hi:
            if not v.starts_name(i):
                i += 1
                continue
            for j in range(min(hi, i + MAX_NAME_TOKENS), i, -1):
                if not (v.kind[j - 1] == _NAME or v.glued(j - 1)) or v.not_a_place(i, j, (lo, hi)):
                    continue
                start, end = v.idx[i], v.end_char(j)
                name = text[start:end]
                if _lookup(gaz, name) or (j == hi and _known_site(text, start, end, gaz)):
                    out.append((i, j, False))
                    i = j
                    break
                if (j - i > 1 and v.transliterated(i, j, name)
                        and _usable(gaz.candidates(name), name)):
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
    """'Ibb city' -> 'Ibb', 'Hama province' -> 'Hama' when the gazetteer knows only the
    shorter name."""
    if len(span) > 1 and span[-1].lower_ in _GENERIC_TAIL:
        if not _lookup(gaz, text[span.start_char:span.end_char]):
            return span[:-1]
    return span


def _extend_name(view: _View, span: Span, text: str, gaz: Gazetteer) -> Span:
    """The model sometimes labels only the head of a transliterated name ('Deir' of 'Deir
    ez-Zor'): an unknown entity takes the longest continuation the gazetteer knows."""
    if _lookup(gaz, text[span.start_char:span.end_char]):
        return span
    for end in reversed(view.run_end(span.end)):
        if _lookup(gaz, text[span.start_char:view.end_char(end)]):
            return view.doc[span.start:end]
    return span


def _demonym(gaz: Gazetteer, text: str) -> bool:
    return any(c.match == "demonym" for c in gaz.exact(norm_key(text)))


def _part_of_other_name(view: _View, i: int, j: int, text: str, gaz: Gazetteer) -> bool:
    """The name goes on into a word that makes it something else: a demonym ('Sierra' of
    'Sierra Leonean', 'South' of 'South African'), an organisation whose head word it is
    ('Union' of 'the Nigerian Union of Teachers'), or, at the start of a sentence, an
    adjective before a people ('Young Algerians'). A place before an office stays a place
    ('New York Gov. Andrew Cuomo', 'Aleppo Mayor')."""
    ids = _ids()
    if j - i == 1 and view.lower[i] in ids["org_word"] and (
            view.ent[i] in ids["org_label"] or j < view.n and view.doc[j].lower_ == "of"):
        return True  # "the Union of Teachers", "the Serbian Workers' Union (SSS)"
    if j >= view.n or view.kind[j] != _NAME:
        return False
    following = text[view.idx[i]:view.end_char(j + 1)]
    if _demonym(gaz, following):
        return True
    return j - i == 1 and view.doc[i].is_sent_start and _demonym(gaz, view.doc[j].text)


def recognise(doc: Doc, gaz: Gazetteer, text: str | None = None) -> list[Found]:
    """Toponym mentions in ``doc`` with hints, parents and relative-position flags.

    Two sources: spaCy's GPE/LOC/FAC entities the gazetteer knows, and capitalised runs the
    model left unlabelled or mislabelled (PERSON/ORG/NORP) that the gazetteer knows and whose
    context or standing says place, not person, organisation or date."""
    text = doc.text if text is None else text
    found: list[Found] = []
    view = _View(doc)
    spans: list[tuple[Span, bool, bool]] = [
        (_extend_name(view, _strip_generic_tail(_strip_det(e), text, gaz), text, gaz), True, True)
        for e in doc.ents if e.label_ in PLACE_LABELS
    ]
    runs = _run_candidates(view, view.runs(), text, gaz)
    spans += [(doc[i:j], False, fuzzy) for i, j, fuzzy in runs]
    for span, labelled, fuzzy in spans:
        if span[-1].tag_ == "POS" and len(span) > 1:
            span = span[:-1]
        name = text[span.start_char:span.end_char]
        if not view.starts_name(span.start):
            continue
        start, end = span.start_char, span.end_char
        hint, parent, name, end = words_around(text, start, end, name, gaz)
        i, j = span.start, span.end
        if _part_of_other_name(view, i, j, text, gaz):
            continue
        unknown = False
        if labelled:
            if view.not_a_place(i, j, (i, j)):
                continue
            known = plausible(_usable(gaz.candidates(name), name), name)
            if not not_a_town(known, Mention(start, end, name, hint)):
                # a street or building the model calls a place ('the White House' too, not
                # the town): kept, to be placed through the town inside or beside its name,
                # at a coarser precision
                if not is_site_name(name) and hint != "STREET":
                    continue
                unknown = True
        else:
            cands = _usable(gaz.candidates(name), name) if fuzzy else _lookup(gaz, name)
            if not cands:
                continue
            big_region = any(c.feature in ("PCLI", "ADM1") for c in cands)
            if name.isupper() and len(name) <= 3 and not big_region:
                continue  # 'AI', 'SA': of the short capitals, only countries and states
            # 'the X Post', 'X Gov.' say which kind of place X is, not that X is one here
            locative = (hint not in (None, "THE", "TOWN", "GOV") or parent is not None
                        or listed(text, end) or view.locative(i) or view.after_place(i))
            if j - i == 1 and doc[i].tag_ not in ("NNP", "NNPS") and (
                doc[i].is_sent_start or not locative
            ):
                continue  # a capitalised common word ('Police', 'Will'), unless 'near Sake'
            label = doc[i].ent_type_
            strong = not fuzzy and _strong(cands, label) and (len(name) > 3 or big_region)
            if not (locative or strong):
                continue
        before = text[max(0, start - 60):start]
        relative = _RELATIVE.search(before)
        found.append(
            Found(
                Mention(start, end, name, hint, parent, owner_of(text, start),
                        host_of(text, start, end)),
                relative=bool(relative),
                relative_start=(start - len(before) + relative.start()) if relative else None,
                unknown=unknown,
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
    if hint is None and (word_after := _NEXT_WORD.match(after)):
        word = word_after.group(1).lower()
        hint = "TOWN" if word in _words()["paper"] else "GOV" if word in _words()["governor"] \
            else None
    if hint is None and _STREET_AFTER.match(after):
        hint = "STREET"  # a street's bare name, not the town that bears it
    if hint is None and _THE.search(before):
        hint = "THE"  # 'the Red Sea', 'the Sahel': English puts 'the' before seas and regions
    possessive = _POSSESSIVE_PARENT.search(before)
    if possessive:
        parent = possessive.group("parent").split()[-1]
    chained = None if listed(text, end) else _CHAINED.match(text[end:end + 30])
    chained = chained or _IN_REGION.match(text[end:end + 50])
    if chained and not parent:
        parent = chained.group(1)
        first = parent.split()[0]
        if first.endswith(".") and len(first) > 4 and first != parent:
            parent = first  # 'Atlanta, Georgia. The': a sentence ends; 'St. Louis' goes on
    return hint, parent, name, end


def listed(text: str, end: int) -> bool:
    """'Washington, New York and Boston': the name after the comma is the second of a list,
    not the first name's region (which would take a comma after it: 'Portland, Ore., and
    Seattle'). Still a place-like context for recognition: a list of places."""
    chained = _CHAINED.match(text[end:end + 30])
    return bool(chained and _LIST_GOES_ON.match(text, end + chained.end()))


# 'August in New Orleans', 'the CHU in Montpellier': the capitalised name right after 'in'
_IN_TOWN = re.compile(r"\s+in\s+([A-Z][\w\-'\u2019]+(?:\s[A-Z][\w\-'\u2019]+)*)")


def host_of(text: str, start: int, end: int) -> str | None:
    """The name after 'in' right behind a toponym ("August in New Orleans"), if any. Not
    after 'of': in 'Gregory of Narek in Rome' the town holds the whole phrase, not Narek."""
    if text[max(0, start - 4):start].lower() == " of ":
        return None
    found = _IN_TOWN.match(text, end, min(len(text), end + 60))
    return found.group(1) if found else None


def owner_of(text: str, start: int) -> str | None:
    """The name in "X's" right before a toponym ("London's Heathrow"), if any."""
    found = _OWNER.search(text, max(0, start - 40), start)
    return found.group("owner") if found else None


def _dedupe(found: list[Found]) -> list[Found]:
    out: list[Found] = []
    last_end = -1
    for f in sorted(found, key=lambda f: (f.mention.start, -f.mention.end)):
        if f.mention.start >= last_end:
            out.append(f)
            last_end = f.mention.end
    return out
