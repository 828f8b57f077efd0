"""Reading merged events back: the filters of ``eventcoder events`` as one indexed query."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

import pycountry
from sqlalchemy import Engine, Select, func, select

from eventcoder.merge.model import MergedEvent
from eventcoder.store.schema import events


@dataclass(slots=True)
class EventFilter:
    start: date | None = None  # events on or after this day
    end: date | None = None  # events on or before this day
    country: str | None = None  # ISO alpha-3, alpha-2 or a country name
    bbox: tuple[float, float, float, float] | None = None  # min_lon, min_lat, max_lon, max_lat
    actor: str | None = None  # substring of a canonical actor name
    event_type: str | None = None  # ACLED event_type or sub_event_type, or a PLOVER type
    source: str | None = None  # substring of an outlet or source name
    limit: int | None = None


def country_code(value: str) -> str:
    """'Israel', 'IL' or 'ISR' -> 'ISR'; unknown names raise ValueError (a usage error)."""
    text = value.strip()
    hit = pycountry.countries.get(alpha_3=text.upper()) or pycountry.countries.get(
        alpha_2=text.upper()
    )
    if hit is None:
        try:
            hit = pycountry.countries.lookup(text)
        except LookupError:
            raise ValueError(f"unknown country {value!r}") from None
    return hit.alpha_3


def parse_bbox(text: str) -> tuple[float, float, float, float]:
    """'min_lon,min_lat,max_lon,max_lat' as floats, checked."""
    parts = [float(p) for p in text.split(",")]
    if len(parts) != 4 or parts[0] > parts[2] or parts[1] > parts[3]:
        raise ValueError("bbox is min_lon,min_lat,max_lon,max_lat")
    return parts[0], parts[1], parts[2], parts[3]


def _like(text: str) -> str:
    escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def build_query(flt: EventFilter) -> Select:
    c = events.c
    query = select(c.event_json).order_by(c.date_start, c.id)
    if flt.start:
        query = query.where(func.coalesce(c.date_end, c.date_start) >= flt.start)
    if flt.end:
        query = query.where(c.date_start <= flt.end)
    if flt.country:
        query = query.where(c.country == country_code(flt.country))
    if flt.bbox:
        x0, y0, x1, y1 = flt.bbox
        query = query.where(c.lon.between(x0, x1), c.lat.between(y0, y1))
    if flt.actor:
        query = query.where(func.lower(c.actors_text).like(_like(flt.actor), escape="\\"))
    if flt.source:
        query = query.where(func.lower(c.sources_text).like(_like(flt.source), escape="\\"))
    if flt.event_type:
        t = flt.event_type
        query = query.where((c.event_type == t) | (c.sub_event_type == t) | (c.kind == t))
    if flt.limit:
        query = query.limit(flt.limit)
    return query


def query_events(engine: Engine, flt: EventFilter | None = None) -> Iterator[MergedEvent]:
    """Merged events matching ``flt``, by date."""
    with engine.connect() as conn:
        for row in conn.execute(build_query(flt or EventFilter())):
            yield MergedEvent.model_validate_json(row.event_json)
