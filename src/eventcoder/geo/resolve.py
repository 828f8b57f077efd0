"""Pick one gazetteer entry per toponym using the whole article as context.

Principled additive scoring (log-odds style), in two passes. Pass one scores each entry alone
(feature class, population, how the name matched, a feature hint from the wording such as "the
port of X") and turns those scores into a soft country distribution per mention. Pass two adds
evidence from the rest of the document: the countries the *other* names point to (soft votes,
capped, so one unambiguous "Canada" outweighs three ambiguous towns), countries and regions
the article names outright, explicit parents ("Anbar, Iraq", "Iraq's province of Anbar"),
nearness to the other places' likely points and the outlet's home country. Repeats of the same
name never vote for each other. The weights are few and named in ``Weights``.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz

from eventcoder.geo.build import data_file, read_curated_csv
from eventcoder.geo.gazetteer import Candidate, Gazetteer
from eventcoder.geo.normalise import norm_key
from eventcoder.geodesy import KM_PER_DEGREE_LAT, haversine_km

FEATURE_PRIOR = {
    "PCLI": 4.0, "CONT": 3.0, "ADM1": 1.2, "PPLC": 1.8, "PPLA": 0.8, "PPL": 0.0, "ADM2": -0.6,
    "AIRP": -2.0, "AIRB": -1.0, "RGN": 1.5, "SEA": 1.5, "GULF": 1.0, "STRT": 1.0,
}
# "variant": a spelling of the entry's own name; "alias": another name GeoNames lists for it
# (often a former name or a neighbouring place's name, so weaker evidence).
MATCH_PRIOR = {"name": 0.0, "variant": -0.2, "alias": -1.2, "demonym": 0.0, "skeleton": -1.5}
ADMIN_FEATURES = frozenset({"ADM1", "ADM2", "PCLI", "RGN"})
POINT_FREE = frozenset({"PCLI", "CONT", "SEA", "RGN", "GULF"})
# Features English names with 'the' ('the Red Sea', 'the Sahel', 'the Netherlands'); towns and
# provinces go without it.
THE_FEATURES = frozenset({"SEA", "GULF", "STRT", "BAY", "RGN", "RGNE", "CONT", "PCLI", "DSRT",
                          "PEN", "VAL", "MTS", "ISLS", "LK", "STM"})


@dataclass(frozen=True, slots=True)
class Weights:
    """The ranker's few weights (log-odds units)."""

    population: float = 0.55  # per factor of ten inhabitants
    curated: float = 2.0
    country_vote: float = 1.0  # per soft vote of another mention for the entry's country
    country_cap: float = 3.0
    country_named: float = 1.5  # the entry's country is itself named in the article
    admin1_named: float = 1.5  # the entry's region is named in the article
    parent_country: float = 4.0
    parent_admin1: float = 5.0
    near_50km: float = 1.2
    near_200km: float = 0.6
    outlet: float = 0.5
    temperature: float = 1.0  # softness of pass one's country distribution
    the_region: float = 1.5  # 'the X': a sea, region or country rather than a namesake town
    town: float = 1.0  # 'the X Post': a town rather than a namesake region


DEFAULT_WEIGHTS = Weights()


@dataclass(slots=True)
class Mention:
    """A toponym to resolve; ``hint`` is a wanted feature family, ``parent`` a containing place."""

    start: int
    end: int
    text: str
    # PRT | AIRB | ADM | CMP | OILF | GASF | PSTB | MILB | THE | TOWN | GOV | STREET
    hint: str | None = None
    parent: str | None = None
    owner: str | None = None  # 'London' of "London's Heathrow": the name lies in that town
    host: str | None = None  # 'New Orleans' of "August in New Orleans": the name after 'in'


@dataclass(slots=True)
class Resolution:
    """``via`` says how: the name itself, a place name inside it ("Colorado State University"),
    the town named beside it in the text, or the article's main place (an unknown street or
    building). The last three are guesses about a name the gazetteer does not know."""

    mention: Mention
    candidate: Candidate | None
    score: float = 0.0
    alternatives: int = 0
    via: str = "name"  # name | part | near | focus


def prior(c: Candidate, w: Weights = DEFAULT_WEIGHTS) -> float:
    score = FEATURE_PRIOR.get(c.feature, -0.3) + MATCH_PRIOR.get(c.match, 0.0)
    score += w.population * math.log10(c.population + 10)
    if c.source.startswith("curated"):
        score += w.curated
    return score


def _hint_bonus(c: Candidate, hint: str | None, w: Weights = DEFAULT_WEIGHTS) -> float:
    if not hint:
        return 0.0
    if hint == "THE":
        return w.the_region if c.feature in THE_FEATURES else 0.0
    if hint == "TOWN":
        return w.town if c.feature.startswith("PPL") else 0.0
    if hint in ("ADM", "GOV"):  # 'X province', 'X Gov.'
        return 2.5 if c.feature in ADMIN_FEATURES else -1.0
    if hint == "AIRB":
        return 3.0 if c.feature in ("AIRB", "AIRP", "MILB", "AIRF") else -1.0
    return 3.0 if c.feature == hint or (hint == "PRT" and c.feature == "HBR") else -0.5


@dataclass(slots=True)
class _DocEvidence:
    """What each mention says about the document, from pass one."""

    keys: list[str]
    votes: list[dict[str, float]] = field(default_factory=list)  # soft country votes
    named_countries: list[str | None] = field(default_factory=list)
    named_admin1: list[tuple[str, str] | None] = field(default_factory=list)
    points: list[tuple[float, float] | None] = field(default_factory=list)
    _vote_total: dict[str, float] | None = None
    _vote_by_key: dict[str, dict[str, float]] = field(default_factory=dict)
    _named: dict[object, int] = field(default_factory=dict)
    _named_by_key: dict[str, dict[object, int]] = field(default_factory=dict)

    def _totals(self) -> None:
        """Per-document sums, so each question below costs O(1) instead of a pass over every
        mention: what all mentions say, minus what the mention's own name says."""
        if self._vote_total is not None:
            return
        total: dict[str, float] = {}
        by_key: dict[str, dict[str, float]] = {}
        named: dict[object, int] = {}
        named_by_key: dict[str, dict[object, int]] = {}
        for key, votes, country, admin1 in zip(
            self.keys, self.votes, self.named_countries, self.named_admin1, strict=False
        ):
            own = by_key.setdefault(key, {})
            for c, v in votes.items():
                total[c] = total.get(c, 0.0) + v
                own[c] = own.get(c, 0.0) + v
            own_named = named_by_key.setdefault(key, {})
            for thing in (("country", country), ("admin1", admin1)):
                if thing[1] is not None:
                    named[thing] = named.get(thing, 0) + 1
                    own_named[thing] = own_named.get(thing, 0) + 1
        self._vote_total, self._vote_by_key = total, by_key
        self._named, self._named_by_key = named, named_by_key

    def country_votes(self, country: str, index: int) -> float:
        self._totals()
        own = self._vote_by_key.get(self.keys[index], {})
        return self._vote_total.get(country, 0.0) - own.get(country, 0.0)

    def _named_elsewhere(self, thing: tuple, index: int) -> bool:
        self._totals()
        own = self._named_by_key.get(self.keys[index], {})
        return self._named.get(thing, 0) - own.get(thing, 0) > 0

    def others_vote(self, index: int) -> bool:
        """Whether any other name of the article says anything about countries."""
        self._totals()
        own = self._vote_by_key.get(self.keys[index], {})
        return sum(self._vote_total.values()) - sum(own.values()) > 0.5

    def country_named(self, country: str, index: int) -> bool:
        return self._named_elsewhere(("country", country), index)

    def admin1_named(self, country: str, admin1: str, index: int) -> bool:
        return self._named_elsewhere(("admin1", (country, admin1)), index)

    def nearest_km(self, c: Candidate, index: int) -> float | None:
        """Distance to the closest other place of the article. A great circle is never shorter
        than its latitude difference, so points that cannot beat the best so far are skipped."""
        own, best = self.keys[index], None
        for j, p in enumerate(self.points):
            if p is None or j == index or self.keys[j] == own:
                continue
            if best is not None and abs(p[0] - c.lat) * KM_PER_DEGREE_LAT >= best:
                continue
            d = haversine_km(c.lat, c.lon, p[0], p[1])
            if best is None or d < best:
                best = d
        return best


NAMESAKE_SHARE = 0.2  # a town with this share of its region's people gives the region its name


def _namesakes(scores: list[float], cs: tuple[Candidate, ...], hint: str | None) -> list[float]:
    """'Aleppo', 'New York', 'Tel Aviv': a region named after its big town is the town unless
    the wording asks for the region ('Aleppo province'). Quebec (5% in Quebec City) stays a
    province."""
    if hint in ("ADM", "GOV"):
        return scores
    towns = [(s, c) for s, c in zip(scores, cs, strict=True) if c.feature.startswith("PPL")]
    if not towns:
        return scores
    out = list(scores)
    for i, c in enumerate(cs):
        if c.feature not in ("ADM1", "ADM2") or not c.population:
            continue
        share = [
            s for s, t in towns
            if t.country == c.country and t.population >= NAMESAKE_SHARE * c.population
            and haversine_km(t.lat, t.lon, c.lat, c.lon) < 300
        ]
        if share:
            out[i] = min(out[i], max(share) - 0.5)
    return out


@lru_cache(maxsize=1)
def _facility_words() -> dict[str, frozenset[str]]:
    """geo/data/facility_words.csv by kind ("head", "compass", ...), read once."""
    kinds: dict[str, set[str]] = {}
    for r in read_curated_csv(data_file("facility_words.csv")):
        kinds.setdefault(r["kind"], set()).add(r["word"])
    return {kind: frozenset(words) for kind, words in kinds.items()}


@lru_cache(maxsize=1)
def _generic_words() -> frozenset[str]:
    """Every facility word, of whatever kind."""
    return frozenset().union(*_facility_words().values())


def _compass_words() -> frozenset[str]:
    return _facility_words().get("compass", frozenset())


def site_heads() -> frozenset[str]:
    """Head words of sites inside a town ("stadium", "hospital", "square")."""
    return _facility_words().get("head", frozenset())


def _is_generic(word: str) -> bool:
    return word.strip(".,'").lower() in _generic_words() or len(word) <= 2


def is_site_name(name: str) -> bool:
    """'Al-Shifa Hospital', 'Royal Street': a building, street or site inside some town."""
    words = name.split()
    return len(words) > 1 and words[-1].strip(".,'").lower() in site_heads()


TOWN_AFTER_GAP = 4  # ', ', ' in ', ' at ': the characters between a site and its town
OWNED_KM = 50  # "X's Y": Y within this reach of the town X
LOCAL_CHARS = 400  # about a paragraph: an unknown street is in the town named beside it


def _town_of_story(r: Resolution, index: int, ev: _DocEvidence, n: int) -> bool:
    """A town or site the article names as written and whose country the rest of it
    supports: what an unknown building or street may be placed at."""
    c = r.candidate
    if c is None or r.via != "name" or c.match == "skeleton":
        return False
    if c.feature in POINT_FREE | ADMIN_FEATURES:
        return False
    return (not c.country or n == 1 or not ev.others_vote(index)
            or ev.country_votes(c.country, index) >= 0.5)


def _focus(
    resolutions: list[Resolution], ev: _DocEvidence, placed: list[bool]
) -> Candidate | None:
    """The article's main place: its most often named town or site (first on ties), counting
    only names matched as written whose country the rest of the article supports, so one
    stray namesake cannot become every unknown building's place. A town the article also
    places (``placed``: a parent, its region named, a neighbour nearby) wins over one it does
    not, however often that is named."""
    counts: dict[int, int] = defaultdict(int)
    regions: dict[int, int] = defaultdict(int)
    first: dict[int, Candidate] = {}
    located: set[int] = set()
    for i, r in enumerate(resolutions):
        c = r.candidate
        if c is None or r.via != "name" or c.match == "skeleton" or c.feature == "CONT":
            continue
        first.setdefault(c.pid, c)
        if c.feature in POINT_FREE | ADMIN_FEATURES:
            regions[c.pid] += 1
        elif _town_of_story(r, i, ev, len(resolutions)):
            counts[c.pid] += 1
            if placed[i]:
                located.add(c.pid)
    # no town the article stands behind: its most named region or country (a coarse point)
    counts = {pid: n for pid, n in counts.items() if pid in located} or counts or regions
    if not counts:
        return None
    return first[max(counts, key=lambda pid: counts[pid])]


WORLD_CITY = 1_000_000  # a capital or a city this big is what a bare name means abroad
VILLAGE_SHARE = 0.01  # a namesake this much smaller needs evidence of its own


def _biggest_namesake(
    cs: tuple[Candidate, ...], best: Candidate, same_country: bool = False
) -> Candidate | None:
    """The most populous town bearing the name as written, when ``best`` is itself a town."""
    if not best.feature.startswith("PPL"):
        return None
    towns = [c for c in cs if c.feature.startswith("PPL") and c.match in ("name", "variant")
             and (not same_country or c.country == best.country)]
    return max(towns, key=lambda c: c.population) if towns else None


def _famous(cs: tuple[Candidate, ...], best: Candidate) -> Candidate | None:
    """'Brussels', 'Rome', 'Venice' in an American story: the country votes lift every American
    namesake alike, but a village of 1,100 does not beat a world city on its country alone.
    Returns the world city when ``best`` is such a much smaller namesake in another country."""
    top = _biggest_namesake(cs, best)
    if top is None:
        return None
    big = top.feature == "PPLC" or top.population >= WORLD_CITY
    if (big and top.country != best.country
            and best.population < VILLAGE_SHARE * top.population):
        return top
    return None


DOMINANT_TOWN = 100_000  # a town this big is what its name means, unless the story places another
DOMINANT_SHARE = 0.1  # ... namesake of under this share of its people


def _dominant(cs: tuple[Candidate, ...], best: Candidate) -> Candidate | None:
    """'Louisville' in a story that also names Ohio is still Kentucky's city of 600,000, not
    Ohio's town of 9,000: within one country, a region named somewhere in the article or a
    town 150 km away does not outweigh a tenfold difference in size. Returns the big town when
    ``best`` is such a small namesake; the caller keeps ``best`` when the story places it (a
    parent, a town within 50 km). Namesakes abroad are ``_famous``'s question."""
    top = _biggest_namesake(cs, best, same_country=True)
    if (top is not None and top is not best and top.population >= DOMINANT_TOWN
            and best.population < DOMINANT_SHARE * top.population):
        return top
    return None


def _has_parent(c: Candidate, parents: tuple[Candidate, ...]) -> bool:
    """The text names the place's country or region right beside it ('Portland, Texas')."""
    return any(p.country == c.country and (p.feature == "PCLI" or p.admin1 == c.admin1)
               for p in parents)


# Features whose adjective stands for them inside an organisation's name: a continent's
# ('European Commission', 'African Union'); a country's adjective is as often an embassy or a
# school abroad ('the British Embassy Tokyo') as an institution at home
NAMED_BY_ADJECTIVE = frozenset({"CONT"})
BIG_PART = 100_000  # a town this big named inside an unknown name is taken at its word


def _inside(focus: Candidate, region: Candidate) -> bool:
    """The focus lies in the region a part of an unknown name points to ('University of
    Alberta' in an Edmonton story is in Edmonton, not at Alberta's middle)."""
    if region.feature in ("PCLI", "RGN"):
        return region.country is not None and focus.country == region.country
    if region.feature == "ADM1":
        return focus.country == region.country and focus.admin1 == region.admin1
    return haversine_km(focus.lat, focus.lon, region.lat, region.lon) < 100


TRANSLITERATION_MARK = re.compile(r"[-'\u2019]|\b(?:al|el|ad|ed|as|ash|az|ar|an|at|ul)\s", re.I)
PLAIN_FUZZY_RATIO = 80  # a plain name needs a close fuzzy match with as many words


def _bare_words(name: str) -> list[str]:
    return [t for t in norm_key(name).split() if t != "al"]


@lru_cache(maxsize=1)
def _romanised() -> frozenset[str]:
    return frozenset(r["iso3"] for r in read_curated_csv(data_file("romanised_countries.csv")))


def plausible(cands: tuple[Candidate, ...], name: str) -> tuple[Candidate, ...]:
    """Drop loose (skeleton) matches for names that do not look transliterated: the skeleton
    is for 'Dayr al-Zawr' ~ 'Deir ez-Zor', not 'Thames Valley' ~ 'Thomasville'. A plain name
    may still be a respelling ('Qatraneh'), but only of a place whose name is romanised from
    another script; 'Anfield' is not 'Ninfield' nor 'Capitol' 'Capitola'."""
    if not cands or any(c.match != "skeleton" for c in cands):
        return cands
    if TRANSLITERATION_MARK.search(name):
        return cands
    words = _bare_words(name)
    return tuple(
        c for c in cands
        if c.country in _romanised()
        and len(_bare_words(c.name)) == len(words)
        and fuzz.ratio(" ".join(words), " ".join(_bare_words(c.name))) >= PLAIN_FUZZY_RATIO
    )


# A country of fewer people than this (the Vatican, Monaco, Luxembourg, Bahrain) is small, or
# empty, enough that its point says where the story is: it places the towns near it.
CITY_STATE = 1_000_000


def not_a_town(cands: tuple[Candidate, ...], m: Mention) -> tuple[Candidate, ...]:
    """'the White House', 'the Trump Tower': English names a town without 'the', so a site's
    name written with it ('House', 'Tower', 'Castle' ...) is the building, not the small town
    that bears the same name; such towns are dropped and the name is placed as a site."""
    if m.hint == "STREET":  # 'Bourbon and Dauphine streets': streets, whatever bears the name
        return ()
    if m.hint != "THE" or not is_site_name(m.text):
        return cands
    return tuple(c for c in cands if not c.feature.startswith("PPL"))


INITIALISM = re.compile(r"^(?:[A-Z]\.?&?){2,5}$")
INITIALS_SKIP = frozenset({"of", "the", "de", "du", "la"})


def initials(name: str) -> tuple[str, str]:
    """A multi-word name's initials, with 'and' dropped and as '&': 'Trinidad and Tobago' gives
    ('TT', 'T&T'); 'Democratic Republic of the Congo' ('DRC', 'DRC')."""
    words = [w for w in name.replace("-", " ").split() if w.lower() not in INITIALS_SKIP]
    if len(words) < 2:
        return "", ""
    plain = "".join(w[0].upper() for w in words if w.lower() != "and")
    amp = "".join("&" if w.lower() == "and" else w[0].upper() for w in words)
    return plain, amp


def _spell_out_initials(mentions: list[Mention], cands: list[tuple[Candidate, ...]]) -> None:
    """'T&T', 'NSW', 'DRC': initials stand for the place the story spells out in full ('Trinidad
    and Tobago', 'New South Wales'); that name's entries replace the initials' own namesakes
    (a Cypriot village 'Siá', the Trinidad in Colorado). A continent or a region across borders
    is not one news abbreviates: 'Latin America' in the story does not make 'LA' one."""
    short = [i for i, m in enumerate(mentions) if INITIALISM.match(m.text.strip())]
    if not short:
        return
    spelled: dict[str, int] = {}
    for j, m in enumerate(mentions):
        if cands[j]:
            for key in initials(m.text):
                if key:
                    spelled.setdefault(key, j)
    for i in short:
        j = spelled.get(mentions[i].text.strip().replace(".", ""))
        if j is None or all(c.country is None for c in cands[j]):
            continue
        cands[i] = cands[j]


class Resolver:
    """Resolves every toponym of one document together."""

    def __init__(self, gazetteer: Gazetteer, weights: Weights = DEFAULT_WEIGHTS) -> None:
        self.gaz = gazetteer
        self.w = weights

    def resolve(
        self, mentions: list[Mention], outlet_country: str | None = None,
        backoff: bool = False,
    ) -> list[Resolution]:
        """One resolution per mention. With ``backoff``, a name the gazetteer does not know is
        placed through a place name inside it, else at the article's main place."""
        cands = [
            not_a_town(plausible(self.gaz.candidates(m.text), m.text), m) for m in mentions
        ]
        for i, m in enumerate(mentions):
            if all(c.match == "skeleton" for c in cands[i]):
                cands[i] = self._compass_part(m.text) or cands[i]
        _spell_out_initials(mentions, cands)
        via = ["name"] * len(mentions)
        if backoff:
            for i, m in enumerate(mentions):
                if not cands[i]:
                    cands[i] = self._part_candidates(m.text)
                    via[i] = "part"
        base = [
            _namesakes(
                [prior(c, self.w) + _hint_bonus(c, m.hint, self.w) for c in cs], cs, m.hint
            )
            for m, cs in zip(mentions, cands, strict=True)
        ]
        # a place name guessed inside an unknown name ('Millfield Theatre') is no evidence
        # about the rest of the article: only names the gazetteer knows as written vote
        evidence = self._evidence(
            mentions, [cs if v == "name" else () for cs, v in zip(cands, via, strict=True)], base
        )
        out = []
        parents_of: list[tuple[Candidate, ...]] = []
        for i, (m, cs) in enumerate(zip(mentions, cands, strict=True)):
            if not cs:
                out.append(Resolution(m, None))
                parents_of.append(())
                continue
            parents = self._parent(m)
            parents_of.append(parents)
            scored = [
                (b + self._context(c, i, evidence, parents, outlet_country), c)
                for b, c in zip(base[i], cs, strict=True)
            ]
            best_score, best = max(scored, key=lambda t: t[0])
            famous = _famous(cs, best)
            if famous is not None and not self._local(best, i, evidence, parents):
                best_score, best = next(t for t in scored if t[1] is famous)
            dominant = _dominant(cs, best)
            if dominant is not None and not self._placed(best, i, evidence, parents):
                best_score, best = next(t for t in scored if t[1] is dominant)
            out.append(Resolution(m, best, best_score, len(cs), via[i]))
        if backoff:
            self._back_off(out, evidence, parents_of)
        if any(m.owner for m in mentions):
            self._owned(out, cands, backoff)
        if any(m.host for m in mentions):
            self._hosted(out, cands, backoff)
        return out

    @staticmethod
    def _hosted(
        out: list[Resolution], cands: list[tuple[Candidate, ...]], backoff: bool
    ) -> None:
        """"August in New Orleans", "the CHU in Montpellier": a name the text puts in a town it
        names right after it lies within a town's reach of that town. An entry of the name
        there wins over a far namesake (a Californian August); with none, and with
        ``backoff``, the name is placed at the town itself, unless it names a big town in its
        own right ("refugees from Aleppo in Beirut" keep Aleppo where it is)."""
        by_start = {r.mention.start: r for r in out}
        for i, r in enumerate(out):
            m, c = r.mention, r.candidate
            if not m.host or r.via != "name" or c is None:
                continue
            if c.feature in ADMIN_FEATURES | POINT_FREE:
                continue
            host = next((by_start[s] for s in range(m.end + 4, m.end + 8) if s in by_start
                         and by_start[s].mention.text == m.host), None)
            town = host.candidate if host is not None else None
            if (town is None or host.via != "name" or town.match == "skeleton"
                    or not town.feature.startswith("PPL")):
                continue
            if haversine_km(c.lat, c.lon, town.lat, town.lon) <= OWNED_KM:
                continue
            close = [x for x in cands[i]
                     if haversine_km(x.lat, x.lon, town.lat, town.lon) <= OWNED_KM]
            if close:
                r.candidate = max(close, key=lambda x: x.population)
            elif backoff and c.population < BIG_PART:
                r.candidate, r.via = town, "near"

    @staticmethod
    def _owned(
        out: list[Resolution], cands: list[tuple[Candidate, ...]], backoff: bool
    ) -> None:
        """"London's Heathrow", "Cairo's Abbasiya": a name owned by a town the article names
        lies within a town's reach of it. An entry there wins over a namesake elsewhere (the
        airport, not Heathrow, Florida); with none, the name is placed at the town itself."""
        towns = {
            norm_key(r.mention.text): r.candidate for r in out
            if r.via == "name" and r.candidate is not None
            and r.candidate.feature.startswith("PPL")
        }
        for i, r in enumerate(out):
            town = towns.get(norm_key(r.mention.owner)) if r.mention.owner else None
            if town is None or r.candidate is town:
                continue
            c = r.candidate
            if c is not None and (
                haversine_km(c.lat, c.lon, town.lat, town.lon) <= OWNED_KM
                or (c.feature in ADMIN_FEATURES and _inside(town, c))
            ):
                continue
            close = [x for x in cands[i]
                     if haversine_km(x.lat, x.lon, town.lat, town.lon) <= OWNED_KM]
            if close and r.via in ("name", "part"):
                r.candidate = max(close, key=lambda x: x.population)
            elif c is not None or backoff:
                r.candidate, r.via = town, "near"

    def _back_off(
        self, out: list[Resolution], ev: _DocEvidence, parents_of: list[tuple[Candidate, ...]]
    ) -> None:
        """Unknown names go to the article's main place; a place name inside an unknown name
        ('Royal Street', 'Colorado State University') keeps its own place only when it is not
        a region around that main place and the rest of the article supports its country."""
        placed = [
            r.candidate is not None and r.via == "name"
            and self._local(r.candidate, i, ev, parents_of[i])
            for i, r in enumerate(out)
        ]
        main = _focus(out, ev, placed)
        if main is None:
            return
        # a town lends its point to the unknown names beside it only when something besides
        # its country places it in the story: it is the main place, a big town, or it has a
        # parent, its region named or another place of the article nearby ('Washington
        # Square' in a New Orleans story is not the Philadelphia neighbourhood's street corner)
        towns = [
            (r.mention.start, r.candidate) for i, r in enumerate(out)
            if _town_of_story(r, i, ev, len(out)) and (
                r.candidate is main or r.candidate.population >= BIG_PART or placed[i]
            )
        ]
        starts = {r.mention.start: i for i, r in enumerate(out)}
        for i, r in enumerate(out):
            c = r.candidate
            if (c is not None and r.via == "name" and c.match == "skeleton" and c.country
                    and ev.others_vote(i) and ev.country_votes(c.country, i) < 0.5):
                # a loose respelling in a country nothing else in the story supports is a
                # guess, no better than not knowing the name ('Madinaty' is not Medina)
                c = r.candidate = None
            town = self._town_after(out, starts, r, placed, main) if r.via != "name" else None
            if town is not None:
                r.candidate, r.via = town, "near"
                continue
            # the town named nearest in the text, within a paragraph, else the main place
            near = [(abs(start - r.mention.start), t) for start, t in towns
                    if abs(start - r.mention.start) <= LOCAL_CHARS]
            focus = min(near, key=lambda x: x[0])[1] if near else main
            how = "near" if near else "focus"
            if c is None:
                r.candidate, r.via = focus, how
            elif r.via == "part":
                region = c.feature in ADMIN_FEATURES | POINT_FREE and _inside(focus, c)
                stray = (c.country != focus.country and c.country is not None
                         and ev.country_votes(c.country, i) < 0.5)
                # 'Royal Street' is not Royal City, a small town far from the story
                small_far = (
                    c.feature not in ADMIN_FEATURES | POINT_FREE and c.population < BIG_PART
                    and haversine_km(c.lat, c.lon, focus.lat, focus.lon) > 200
                )
                if region or stray or small_far:
                    r.candidate, r.via = focus, how

    @staticmethod
    def _town_after(
        out: list[Resolution], starts: dict[int, int], r: Resolution, placed: list[bool],
        main: Candidate,
    ) -> Candidate | None:
        """'the Palais des Nations in Geneva', 'Le Bernardin in New York', 'Hampton Avenue,
        Richmond', 'Camp Murray, Wash.': a town or region named right after an unknown site
        (a comma, 'in', 'at' or 'on' between them) is where the text itself puts it; a town
        only if it is the story's main
        place, a big town or one the story places (not a stray namesake: 'Royal Street at
        Washington Square' in New Orleans is not at the Pennsylvania town of that name)."""
        for gap in range(1, TOWN_AFTER_GAP + 1):
            j = starts.get(r.mention.end + gap)
            if j is None:
                continue
            t = out[j]
            c = t.candidate
            if t.via != "name" or c is None or c.match == "skeleton":
                return None
            if c.feature in ("ADM1", "ADM2"):  # 'Camp Murray, Wash.': its region, at least
                return c
            if c.feature not in POINT_FREE | ADMIN_FEATURES and (
                c is main or c.population >= BIG_PART or placed[j]
            ):
                return c
            return None
        return None

    @staticmethod
    def _local(
        c: Candidate, index: int, ev: _DocEvidence, parents: tuple[Candidate, ...]
    ) -> bool:
        """Evidence that points at the place itself, not just its country: a parent, its
        region named, or another place of the article within 200 km."""
        if _has_parent(c, parents):
            return True
        if c.admin1 and c.country and ev.admin1_named(c.country, c.admin1, index):
            return True
        near = ev.nearest_km(c, index) if c.feature not in POINT_FREE else None
        return near is not None and near < 200

    @staticmethod
    def _placed(
        c: Candidate, index: int, ev: _DocEvidence, parents: tuple[Candidate, ...]
    ) -> bool:
        """Evidence that names the place itself: a parent ('Portland, Texas') or another
        place of the article within 50 km."""
        if _has_parent(c, parents):
            return True
        near = ev.nearest_km(c, index)
        return near is not None and near < 50

    def _compass_part(self, text: str) -> tuple[Candidate, ...]:
        """'South Venezuela', 'Western US': a compass word before a country or a sea the
        gazetteer knows names a part of it; with no entry of its own, the name is the
        country's. Not a state's or a province's: 'Southern California' lies hundreds of km
        from California's middle, nearer the story's own towns."""
        first, _, rest = text.partition(" ")
        if not rest or first.lower() not in _compass_words():
            return ()
        return tuple(c for c in self.gaz.candidates(rest, fuzzy=False)
                     if c.feature in POINT_FREE - {"RGN"} and c.match != "demonym")

    def _part_candidates(self, text: str) -> tuple[Candidate, ...]:
        """Candidates of the longest known place name inside an unknown multi-word name."""
        words = text.replace("\u2019", "'").split()
        for size in range(len(words) - 1, 0, -1):
            for start in range(len(words) - size + 1):
                part = words[start:start + size]
                if not part[0][:1].isupper() or all(_is_generic(w) for w in part):
                    continue
                # a county's bare name inside another name ('Fire Island', 'Craven Cottage')
                # is rarely the county: 'Island County', 'Craven County' are not candidates
                # an adjective names a place inside a name only when it is a continent's
                found = tuple(
                    c for c in self.gaz.candidates(" ".join(part), fuzzy=False)
                    if (c.match != "demonym" or c.feature in NAMED_BY_ADJECTIVE)
                    and not (c.feature == "ADM2" and c.match == "variant")
                )
                if found:
                    return found
        return ()

    def _parent(self, m: Mention) -> tuple[Candidate, ...]:
        if not m.parent:
            return ()
        found = tuple(c for c in self.gaz.candidates(m.parent, fuzzy=False)
                      if c.feature in ADMIN_FEATURES)
        # ', Ohio' is the state, not Kentucky's Ohio County: a region bearing the name as
        # written outranks those whose name only contains it
        exact = tuple(c for c in found if c.match == "name")
        return exact or found

    def _evidence(
        self, mentions: list[Mention], cands: list[tuple[Candidate, ...]],
        base: list[list[float]],
    ) -> _DocEvidence:
        ev = _DocEvidence([norm_key(m.text) for m in mentions])
        t = self.w.temperature
        for cs, scores in zip(cands, base, strict=True):
            if not cs:
                ev.votes.append({})
                ev.named_countries.append(None)
                ev.named_admin1.append(None)
                ev.points.append(None)
                continue
            top = max(scores)
            weights = [math.exp((s - top) / t) for s in scores]
            total = sum(weights)
            votes: dict[str, float] = defaultdict(float)
            for c, wt in zip(cs, weights, strict=True):
                if c.country:
                    votes[c.country] += wt / total
            ev.votes.append(votes)
            best = cs[scores.index(top)]
            sure = max(weights) / total > 0.5
            ev.named_countries.append(best.country if best.feature == "PCLI" and sure else None)
            ev.named_admin1.append(
                (best.country, best.admin1)
                if best.feature == "ADM1" and sure and best.country and best.admin1 else None
            )
            point_free = best.feature in POINT_FREE and not (
                best.feature == "PCLI" and best.population < CITY_STATE
            )
            ev.points.append(None if point_free else (best.lat, best.lon))
        return ev

    def _context(
        self,
        c: Candidate,
        index: int,
        ev: _DocEvidence,
        parents: tuple[Candidate, ...],
        outlet_country: str | None,
    ) -> float:
        w = self.w
        score = 0.0
        if c.country:
            score += w.country_vote * min(ev.country_votes(c.country, index), w.country_cap)
            if c.feature != "PCLI" and ev.country_named(c.country, index):
                score += w.country_named
            # a region counts as named when another name of it is ('Wash.' for 'Washington':
            # the state, not the capital), as a town's region does for the town
            if c.admin1 and ev.admin1_named(c.country, c.admin1, index):
                score += w.admin1_named
        for p in parents:
            if p.country == c.country and p.admin1 and c.admin1 and p.admin1 == c.admin1 \
                    and p.feature != "PCLI":
                score += w.parent_admin1
                break
            if p.feature == "PCLI" and p.country == c.country:
                score += w.parent_country
                break
        if c.feature not in POINT_FREE:
            near = ev.nearest_km(c, index)
            if near is not None:
                score += w.near_50km if near < 50 else w.near_200km if near < 200 else 0.0
        if outlet_country and c.country == outlet_country:
            score += w.outlet
        return score
