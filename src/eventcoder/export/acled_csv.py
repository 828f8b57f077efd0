"""Events as rows with ACLED's CSV columns, so tools written for ACLED data read ours.

Only what ACLED itself would code becomes a row: an ACLED event type, a date known to the
month, a place with coordinates and a country, and a modality ACLED codes. The rest is left
out (and counted by the writer) rather than filled with guesses.
"""

from __future__ import annotations

import csv
import time
from collections.abc import Iterable
from datetime import date
from functools import cache
from importlib import resources
from typing import IO

import pycountry

from eventcoder.kb.loader import load_yaml
from eventcoder.model import ArticleMeta, Event

COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
]  # fmt: skip
INT_COLUMNS = ("year", "time_precision", "inter1", "inter2", "interaction", "iso",
               "geo_precision", "fatalities", "timestamp")  # fmt: skip
FLOAT_COLUMNS = ("latitude", "longitude")
# What pandas should read each column as (strings stay strings even when a column is empty).
ACLED_DTYPES: dict[str, str] = {
    c: ("int64" if c in INT_COLUMNS else "float64" if c in FLOAT_COLUMNS else "str")
    for c in COLUMNS
}
TIME_PRECISION = {"day": 1, "week": 2, "month": 3}
SOURCE_ROLES = ("relay", "original", "official", "claimant", "monitor")


@cache
def _acled_kb() -> dict:
    return load_yaml("acled")


@cache
def _regions() -> dict[str, str]:
    """alpha-3 -> ACLED region, from kb/acled_regions.csv when the knowledge base has it."""
    path = resources.files("eventcoder.kb").joinpath("acled_regions.csv")
    if not path.is_file():
        return {}
    lines = [ln for ln in path.read_text().splitlines() if not ln.startswith("#")]
    rows = csv.DictReader(lines)
    return {r["iso3"]: r["region"] for r in rows}


def country_facts(alpha3: str) -> tuple[int, str] | None:
    """(ISO numeric, short name) of an alpha-3 code."""
    hit = pycountry.countries.get(alpha_3=alpha3)
    if hit is None:
        return None
    return int(hit.numeric), getattr(hit, "common_name", None) or hit.name


def _inter(kind: str | None) -> int:
    return _acled_kb()["inter_codes"].get(kind, 0) if kind else 0


def _default_actor1(event: Event, country: str) -> tuple[str, int]:
    """Who ACLED names when the report names nobody: the crowd, or an unidentified group."""
    etype = event.acled.event_type if event.acled else ""
    if etype == "Protests":
        return f"Protesters ({country})", 6
    if etype == "Riots":
        return f"Rioters ({country})", 5
    return f"Unidentified Armed Group ({country})", 3


def _event_date(event: Event) -> date | None:
    """The coded day: the day itself, or the middle of the week or month ACLED-style."""
    start, end = event.date.start, event.date.end
    if start is None or event.date.precision not in TIME_PRECISION:
        return None
    if end is None or end <= start:
        return start
    return start + (end - start) / 2


def _source_names(event: Event, outlets: Iterable[str]) -> str:
    names = [o for o in outlets if o]
    names += [s.name for s in event.sources if s.role in SOURCE_ROLES]
    return "; ".join(dict.fromkeys(names))


def acled_row(
    event: Event,
    article: ArticleMeta | None = None,
    *,
    text: str | None = None,
    event_id: str | None = None,
    outlets: Iterable[str] = (),
    notes: str | None = None,
    timestamp: int | None = None,
) -> dict | None:
    """One ACLED-column row for ``event``, or None when ACLED would not code it.

    ``article`` gives the publisher; ``text`` (the article text) lets notes quote the evidence.
    """
    loc = event.location
    day = _event_date(event)
    uncoded = set(_acled_kb()["uncoded_modalities"])
    if (
        event.acled is None
        or event.modality in uncoded
        or event.status != "new"
        or day is None
        or loc is None
        or loc.lat is None
        or loc.lon is None
        or loc.country is None
        or (facts := country_facts(loc.country)) is None
    ):
        return None
    iso, country = facts
    by_role = {r: [a for a in event.actors if a.role == r] for r in
               ("actor1", "actor2", "assoc_actor1", "assoc_actor2")}  # fmt: skip
    if by_role["actor1"]:
        actor1, inter1 = by_role["actor1"][0].name, _inter(by_role["actor1"][0].kind)
    else:
        actor1, inter1 = _default_actor1(event, country)
    actor2 = by_role["actor2"][0].name if by_role["actor2"] else ""
    inter2 = _inter(by_role["actor2"][0].kind) if by_role["actor2"] else 0
    pair = sorted((inter1, inter2)) if inter2 else [inter1, 0]
    if notes is None and text:
        notes = " ".join(text[s.start : s.end] for s in event.evidence[:2]) or None
    publisher = [article.outlet] if article and article.outlet else []
    return {
        "event_id_cnty": event_id or f"{loc.country}{event.id}",
        "event_date": day.isoformat(),
        "year": day.year,
        "time_precision": TIME_PRECISION[event.date.precision],
        "disorder_type": event.acled.disorder_type,
        "event_type": event.acled.event_type,
        "sub_event_type": event.acled.sub_event_type,
        "actor1": actor1,
        "assoc_actor_1": "; ".join(a.name for a in by_role["assoc_actor1"]),
        "inter1": inter1,
        "actor2": actor2,
        "assoc_actor_2": "; ".join(a.name for a in by_role["assoc_actor2"]),
        "inter2": inter2,
        "interaction": int(f"{pair[0]}{pair[1]}"),
        "civilian_targeting": "Civilian targeting" if event.acled.civilian_targeting else "",
        "iso": iso,
        "region": _regions().get(loc.country, ""),
        "country": country,
        "admin1": loc.admin1 or "",
        "admin2": loc.admin2 or "",
        "admin3": "",
        "location": loc.name,
        "latitude": round(loc.lat, 4),
        "longitude": round(loc.lon, 4),
        "geo_precision": loc.geo_precision or 1,
        "source": _source_names(event, [*publisher, *outlets]),
        "source_scale": "",
        "notes": " ".join((notes or event.trigger.text).split()),
        "fatalities": event.fatalities.killed or 0,
        "tags": "",
        "timestamp": timestamp if timestamp is not None else int(time.time()),
    }


def merged_acled_row(event, timestamp: int | None = None) -> dict | None:  # noqa: ANN001
    """A row for a merged event (``eventcoder.merge.MergedEvent``): every outlet is a source."""
    notes = " ".join(e.text for e in event.evidence[:2] if e.text) or None
    return acled_row(
        event,
        event_id=event.id,
        outlets=[r.outlet for r in event.reports if r.outlet],
        notes=notes,
        timestamp=timestamp,
    )


def write_acled_csv(rows: Iterable[dict | None], fh: IO[str]) -> tuple[int, int]:
    """Write the header and every row; returns (rows written, events left out as uncodable)."""
    writer = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    written = skipped = 0
    for row in rows:
        if row is None:
            skipped += 1
            continue
        writer.writerow(row)
        written += 1
    return written, skipped
