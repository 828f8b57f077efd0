"""Pick one gazetteer entry per toponym using the whole article as context.

Principled additive scoring (log-odds style), in two passes: a prior from the entry alone
(feature class, population, how the name matched), then evidence from the document: countries
and regions the article names, explicit parents ("Anbar, Iraq", "Iraq's province of Anbar"),
nearness to the other places resolved in pass one, a feature hint from the wording ("the port
of X" wants a port) and the outlet's home country.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from eventcoder.geo.gazetteer import Candidate, Gazetteer
from eventcoder.geo.normalise import norm_key

FEATURE_PRIOR = {
    "PCLI": 4.0, "CONT": 3.0, "ADM1": 1.2, "PPLC": 1.8, "PPLA": 0.8, "PPL": 0.0, "ADM2": -0.6,
    "AIRP": -2.0, "AIRB": -1.0, "RGN": 1.5, "SEA": 1.5, "GULF": 1.0, "STRT": 1.0,
}
# "variant": a spelling of the entry's own name; "alias": another name GeoNames lists for it
# (often a former name or a neighbouring place's name, so weaker evidence).
MATCH_PRIOR = {"name": 0.0, "variant": -0.2, "alias": -1.2, "demonym": 0.0, "skeleton": -1.5}
ADMIN_FEATURES = frozenset({"ADM1", "ADM2", "PCLI", "RGN"})


@dataclass(slots=True)
class Mention:
    """A toponym to resolve; ``hint`` is a wanted feature family, ``parent`` a containing place."""

    start: int
    end: int
    text: str
    hint: str | None = None  # PRT | AIRB | ADM | CMP | OILF | GASF | PSTB | MILB
    parent: str | None = None


@dataclass(slots=True)
class Resolution:
    mention: Mention
    candidate: Candidate | None
    score: float = 0.0
    alternatives: int = 0


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(a)))


def prior(c: Candidate) -> float:
    score = FEATURE_PRIOR.get(c.feature, -0.3) + MATCH_PRIOR.get(c.match, 0.0)
    score += 0.55 * math.log10(c.population + 10)
    if c.source.startswith("curated"):
        score += 2.0
    return score


def _hint_bonus(c: Candidate, hint: str | None) -> float:
    if not hint:
        return 0.0
    if hint == "ADM":
        return 2.5 if c.feature in ADMIN_FEATURES else -1.0
    if hint == "AIRB":
        return 3.0 if c.feature in ("AIRB", "AIRP", "MILB", "AIRF") else -1.0
    return 3.0 if c.feature == hint or (hint == "PRT" and c.feature == "HBR") else -0.5


@dataclass(slots=True)
class _DocEvidence:
    countries: Counter
    by_mention: list[tuple[str | None, float]]  # each mention's own country vote
    admin1: set[str]
    points: list[tuple[int, float, float]]  # (mention index, lat, lon)

    def support(self, country: str | None, index: int) -> float:
        """Votes for ``country`` from the other mentions of the document."""
        if not country:
            return 0.0
        own_country, own_vote = self.by_mention[index]
        total = self.countries.get(country, 0.0)
        return total - own_vote if own_country == country else total


class Resolver:
    """Resolves every toponym of one document together."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer

    def resolve(
        self, mentions: list[Mention], outlet_country: str | None = None
    ) -> list[Resolution]:
        cands = [self.gaz.candidates(m.text) for m in mentions]
        parents = [self._parent(m) for m in mentions]
        first = [
            max(cs, key=lambda c, m=m: prior(c) + _hint_bonus(c, m.hint)) if cs else None
            for m, cs in zip(mentions, cands, strict=True)
        ]
        evidence = self._evidence(first, cands)
        out = []
        for i, (m, cs) in enumerate(zip(mentions, cands, strict=True)):
            if not cs:
                out.append(Resolution(m, None))
                continue
            scored = [
                (self._score(c, i, m, evidence, parents[i], outlet_country), c) for c in cs
            ]
            best_score, best = max(scored, key=lambda t: t[0])
            out.append(Resolution(m, best, best_score, len(cs)))
        return out

    def _parent(self, m: Mention) -> tuple[Candidate, ...]:
        if not m.parent:
            return ()
        return tuple(c for c in self.gaz.candidates(m.parent, fuzzy=False)
                     if c.feature in ADMIN_FEATURES)

    @staticmethod
    def _evidence(
        first: list[Candidate | None], cands: list[tuple[Candidate, ...]]
    ) -> _DocEvidence:
        countries: Counter = Counter()
        by_mention: list[tuple[str | None, float]] = []
        admin1: set[str] = set()
        points = []
        for i, (c, cs) in enumerate(zip(first, cands, strict=True)):
            if c is None:
                by_mention.append((None, 0.0))
                continue
            # a name that could be in several countries is weak evidence for any one of them
            vote = 2.0 if c.feature == "PCLI" else 1.0
            if len({x.country for x in cs}) > 1:
                vote *= 0.5
            by_mention.append((c.country, vote))
            if c.country:
                countries[c.country] += vote
            if c.feature in ("ADM1", "ADM2", "RGN"):
                admin1.add(norm_key(c.admin1 or c.name))
            if c.feature != "PCLI" and c.feature != "CONT":
                points.append((i, c.lat, c.lon))
        return _DocEvidence(countries, by_mention, admin1, points)

    @staticmethod
    def _score(
        c: Candidate,
        index: int,
        m: Mention,
        ev: _DocEvidence,
        parents: tuple[Candidate, ...],
        outlet_country: str | None,
    ) -> float:
        score = prior(c) + _hint_bonus(c, m.hint)
        support = ev.support(c.country, index)
        if support > 0:
            score += 2.0 + 0.6 * min(support, 5)
        if c.admin1 and norm_key(c.admin1) in ev.admin1 and c.feature not in ADMIN_FEATURES:
            score += 1.5
        for p in parents:
            if p.feature == "PCLI" and p.country == c.country:
                score += 4.0
                break
            if p.country == c.country and p.admin1 and c.admin1 and p.admin1 == c.admin1:
                score += 5.0
                break
        if c.feature not in ("PCLI", "CONT") and ev.points:
            near = min(
                (haversine_km(c.lat, c.lon, lat, lon) for j, lat, lon in ev.points if j != index),
                default=None,
            )
            if near is not None:
                score += 1.2 if near < 50 else 0.6 if near < 200 else 0.0
        if outlet_country and c.country == outlet_country:
            score += 0.5
        return score
