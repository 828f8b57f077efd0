"""One canonical record from every report of an event, keeping each source and disagreement.

ACLED's rules: the lowest credible toll, the most precise place and date. Whatever the
reports disagree on is listed with who said what, rather than silently picked.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Sequence
from datetime import date

from eventcoder.merge.model import (
    Disagreement,
    DisagreeValue,
    EvidenceRef,
    MergedEvent,
    Related,
    ReportRef,
)
from eventcoder.merge.records import MentionRecord
from eventcoder.merge.score import unidentified
from eventcoder.model import Actor, Location, Source, Toll, When

_PRECISION = {"day": 0, "week": 1, "month": 2, "year": 3, "unknown": 4}
_MODALITY = ["asserted", "reported", "claimed", "alleged", "denied", "planned", "threatened"]


def _ordered(members: Sequence[MentionRecord]) -> list[MentionRecord]:
    return sorted(members, key=lambda m: (m.published or date.max, m.article_id, m.event.id))


def _most_common(values: list[Hashable]) -> Hashable:
    """The most frequent value; ties go to the earliest report."""
    counts = Counter(values)
    return max(values, key=lambda v: (counts[v], -values.index(v)))


def _location(members: list[MentionRecord]) -> Location | None:
    placed = [m.event.location for m in members if m.event.location is not None]
    if not placed:
        return None
    names = [p.name for p in placed]
    return min(
        placed,
        key=lambda p: (p.lat is None, p.geo_precision or 9, -names.count(p.name)),
    )


def _date(members: list[MentionRecord]) -> When:
    dated = [m.event.date for m in members if m.event.date.start is not None]
    if not dated:
        return members[0].event.date
    best = min(_PRECISION[d.precision] for d in dated)
    precise = [d for d in dated if _PRECISION[d.precision] == best]
    start = _most_common([d.start for d in precise])
    return next(d for d in precise if d.start == start)


def _toll(members: list[MentionRecord]) -> Toll:
    """Lowest credible figure for killed and for injured, each from the report that gave it."""
    out = Toll()
    for attr in ("killed", "injured"):
        tolls = [m.event.fatalities for m in members]
        given = [t for t in tolls if getattr(t, attr) is not None]
        if given:
            low = min(given, key=lambda t: getattr(t, attr))
            setattr(out, attr, getattr(low, attr))
            if out.qualifier is None or attr == "killed":
                out.qualifier = low.qualifier
                out.mention = low.mention
    return out


def _actors(members: list[MentionRecord]) -> list[Actor]:
    out: list[Actor] = []
    for role in ("actor1", "actor2"):
        given = [a for m in members for a in m.event.actors if a.role == role]
        named = [a for a in given if not unidentified(a.name)] or given
        if named:
            name = _most_common([a.name for a in named])
            out.append(next(a for a in named if a.name == name))
    seen: set[tuple[str, str]] = set()
    for m in members:
        for a in m.event.actors:
            if a.role.startswith("assoc") and (a.role, a.name) not in seen:
                seen.add((a.role, a.name))
                out.append(a)
    return out


def _sources(members: list[MentionRecord]) -> list[Source]:
    out: dict[tuple[str, str, str | None], Source] = {}
    for m in members:
        if m.outlet:
            out.setdefault((m.outlet, "publisher", None), Source(name=m.outlet, role="publisher"))
        for s in m.event.sources:
            out.setdefault((s.name, s.role, s.channel), s)
    return list(out.values())


def _disagree(
    members: list[MentionRecord], field: str, get: Callable[[MentionRecord], object]
) -> Disagreement | None:
    values = [(m, get(m)) for m in members]
    known = [(m, v) for m, v in values if v is not None]
    if len({str(v) for _, v in known}) < 2:
        return None
    return Disagreement(
        field=field,
        values=[
            DisagreeValue(
                value=v if isinstance(v, int | str) else str(v),
                article_id=m.article_id,
                outlet=m.outlet,
            )
            for m, v in known
        ],
    )


def _actor_name(role: str) -> Callable[[MentionRecord], str | None]:
    def get(m: MentionRecord) -> str | None:
        return next((a.name for a in m.event.actors if a.role == role), None)

    return get


DISAGREEMENT_FIELDS: list[tuple[str, Callable[[MentionRecord], object]]] = [
    ("fatalities.killed", lambda m: m.event.fatalities.killed),
    ("fatalities.injured", lambda m: m.event.fatalities.injured),
    ("actor1", _actor_name("actor1")),
    ("actor2", _actor_name("actor2")),
    ("date", lambda m: m.event.date.start),
    ("location", lambda m: m.event.location.name if m.event.location else None),
]


def build_merged(
    uid: str,
    members: Sequence[MentionRecord],
    related: Sequence[Related] = (),
) -> MergedEvent:
    """The canonical record of ``members``, keeping every report's evidence sentences."""
    ms = _ordered(members)
    first = ms[0].event
    coded = [m.event.acled for m in ms if m.event.acled]
    acled = None
    if coded:
        keys = [(a.event_type, a.sub_event_type) for a in coded]
        acled = coded[keys.index(_most_common(keys))]
    evidence = [
        EvidenceRef(
            article_id=m.article_id,
            start=s.start,
            end=s.end,
            text=m.evidence[i] if i < len(m.evidence) else None,
        )
        for m in ms
        for i, s in enumerate(m.event.evidence)
    ]
    conf = max(m.event.confidence for m in ms)
    return MergedEvent(
        id=uid,
        status="new" if any(m.event.status == "new" for m in ms) else "background",
        modality=min((m.event.modality for m in ms), key=_MODALITY.index),
        acled=acled,
        plover=first.plover,
        cameo=first.cameo,
        trigger=first.trigger,
        actors=_actors(ms),
        target=next((m.event.target for m in ms if m.event.target), None),
        location=_location(ms),
        date=_date(ms),
        fatalities=_toll(ms),
        sources=_sources(ms),
        evidence=evidence,
        confidence=min(1.0, conf + 0.05 * (len({m.sha256 for m in ms}) - 1)),
        reports=[
            ReportRef(
                article_id=m.article_id, outlet=m.outlet, published=m.published, event_id=m.event.id
            )
            for m in ms
        ],
        disagreements=[d for f, get in DISAGREEMENT_FIELDS if (d := _disagree(ms, f, get))],
        related=list(related),
    )
