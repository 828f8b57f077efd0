"""Is this the same real-world event? Blocking rules, then a weighted pair score.

ACLED's unit is one type, one place, one day, one pair of actors, so each of those is a
feature; MinHash over the evidence sentences catches wire copies whatever else differs.
"""

from __future__ import annotations

from dataclasses import dataclass

from eventcoder.geodesy import haversine_km
from eventcoder.merge.records import MentionRecord

DATE_WINDOW_DAYS = 2  # furthest apart two reports of one event's day may be
MATCH = 0.68  # pair score at or above which two reports are one event
WIRE_COPY = 0.5  # MinHash Jaccard of the evidence that marks a copied wire story
WEIGHTS = {"date": 0.25, "place": 0.30, "actors": 0.20, "type": 0.10, "text": 0.15}


@dataclass(slots=True)
class PairScore:
    score: float
    place: float | None  # None when either report has no place
    days_apart: int | None
    text: float
    blocked: str | None = None  # why the pair can never match

    @property
    def match(self) -> bool:
        return self.blocked is None and (self.score >= MATCH or self.text >= WIRE_COPY)


def days_apart(a: MentionRecord, b: MentionRecord) -> int | None:
    """0 when the possible days overlap, else the gap in days; None when a date is unknown."""
    ra, rb = a.day_range(), b.day_range()
    if ra is None or rb is None:
        return None
    if ra[1] < rb[0]:
        return (rb[0] - ra[1]).days
    if rb[1] < ra[0]:
        return (ra[0] - rb[1]).days
    return 0


def _date_score(a: MentionRecord, b: MentionRecord, gap: int | None) -> float:
    if gap is None:
        return 0.4
    exact = a.event.date.precision == "day" and b.event.date.precision == "day"
    if gap == 0:
        return 1.0 if exact else 0.7
    if exact:
        return 0.0  # both reports name the day and the days differ: ACLED's one event, one day
    return {1: 0.5, 2: 0.2}.get(gap, 0.0)


def place_score(a: MentionRecord, b: MentionRecord) -> float | None:
    la, lb = a.event.location, b.event.location
    if la is None or lb is None:
        return None
    if la.name.casefold() == lb.name.casefold():
        return 1.0
    if None in (la.lat, la.lon, lb.lat, lb.lon):
        return 0.3
    dist = haversine_km(la.lat, la.lon, lb.lat, lb.lon)  # type: ignore[arg-type]
    coarse = 3 in (la.geo_precision, lb.geo_precision)
    if la.geo_precision == lb.geo_precision == 1 and dist > 3:
        return 0.0  # two different named places: ACLED's one event, one place
    if dist <= 5:
        return 0.9
    if dist <= 25:
        return 0.6
    if coarse and dist <= 150:
        return 0.5
    return 0.0 if dist <= 60 else -1.0


def unidentified(name: str) -> bool:
    """ACLED's placeholder for a side nobody named: an unknown, not a claim about who acted."""
    return name.startswith("Unidentified")


def _names(rec: MentionRecord, role: str) -> set[str]:
    """The named actors in ``role``; placeholders are left out, so they never disagree."""
    return {
        a.name.casefold() for a in rec.event.actors if a.role == role and not unidentified(a.name)
    }


def actor_score(a: MentionRecord, b: MentionRecord) -> float:
    """Share of the roles both reports fill with the same actor; 0.5 when nothing to compare.

    Outlets often disagree on who attacked whom, so the same two sides with roles swapped
    still count as mostly agreeing.
    """
    both_a, both_b = (
        _names(a, "actor1") | _names(a, "actor2"),
        _names(b, "actor1") | _names(b, "actor2"),
    )
    if len(both_a) == 2 and both_a == both_b and _names(a, "actor1") != _names(b, "actor1"):
        return 0.8
    compared = agreed = 0
    for role in ("actor1", "actor2"):
        na, nb = _names(a, role), _names(b, role)
        if na and nb:
            compared += 1
            agreed += bool(na & nb)
    return 0.5 if compared == 0 else agreed / compared


def type_score(a: MentionRecord, b: MentionRecord) -> float:
    ea, eb = a.event, b.event
    score = 0.5
    if ea.acled is not None and eb.acled is not None:
        score = 1.0 if ea.acled.sub_event_type == eb.acled.sub_event_type else 0.3
    elif ea.plover is not None and eb.plover is not None:
        score = 1.0 if ea.plover.mode == eb.plover.mode else 0.6
    if ea.trigger.text.casefold() == eb.trigger.text.casefold():
        score = min(1.0, score + 0.2)
    return score


def blocked(a: MentionRecord, b: MentionRecord) -> str | None:
    """Hard rules: reasons two reports cannot be one event."""
    if a.sha256 == b.sha256:
        return "same article"  # the assembler already merged an article's own mentions
    if a.kind != b.kind:
        return "event type"
    if a.occurred != b.occurred:
        return "modality"
    ca = a.event.location.country if a.event.location else None
    cb = b.event.location.country if b.event.location else None
    if ca and cb and ca != cb:
        return "country"
    return None


def score_pair(a: MentionRecord, b: MentionRecord) -> PairScore:
    reason = blocked(a, b)
    gap = days_apart(a, b)
    text = a.minhash().jaccard(b.minhash()) if a.evidence_text and b.evidence_text else 0.0
    place = place_score(a, b)
    if reason is None and gap is not None and gap > DATE_WINDOW_DAYS:
        reason = "date window"
    if reason is None and place is not None and place < 0 and text < WIRE_COPY:
        reason = "place distance"
    parts = {
        "date": _date_score(a, b, gap),
        "place": 0.5 if place is None else max(place, 0.0),
        "actors": actor_score(a, b),
        "type": type_score(a, b),
        "text": text,
    }
    total = sum(WEIGHTS[k] * v for k, v in parts.items())
    return PairScore(score=total, place=place, days_apart=gap, text=text, blocked=reason)
