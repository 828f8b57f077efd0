"""Readers for the gold formats in ../shared/data, each returning plain dataclasses.

Gold files are read for measuring only; nothing here feeds back into the readers.
"""

from __future__ import annotations

import csv
import json
import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from eventcoder.model import Article
from eventcoder.pipeline import make_article

SHARED_DATA_ENV = "EVENTCODER_SHARED_DATA"


def shared_data_dir() -> Path:
    """Where the shared gold sets live: ``$EVENTCODER_SHARED_DATA`` or ``<repo>/../shared/data``."""
    env = os.environ.get(SHARED_DATA_ENV)
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[3].parent / "shared" / "data"


@dataclass(slots=True)
class LabelledText:
    """One text with a single gold label (CASE snippet, synthetic story)."""

    id: str
    text: str
    label: str
    mode: str | None = None
    title: str | None = None


def load_case2021(path: str | Path) -> list[LabelledText]:
    """CASE 2021 Task 2 TSV: ``id, EventSnippet, SubType`` with a header row."""
    rows: list[LabelledText] = []
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader, None)
        if header is None or [h.strip() for h in header[:3]] != ["id", "EventSnippet", "SubType"]:
            raise ValueError(f"not a CASE 2021 task 2 file (header {header!r})")
        for row in reader:
            if len(row) < 3 or not row[1].strip():
                continue
            rows.append(LabelledText(id=row[0].strip(), text=_unquote(row[1]),
                                     label=row[-1].strip()))
    return rows


def _unquote(field: str) -> str:
    """A snippet written CSV-style inside the TSV (wrapped in quotes, inner quotes doubled) is
    read as its text: left as is, the stray quote makes the whole snippet look quoted speech."""
    if len(field) >= 2 and field[0] == field[-1] == '"':
        return field[1:-1].replace('""', '"')
    return field


def load_synthetic(path: str | Path, limit: int | None = None) -> list[LabelledText]:
    """NGEC synthetic stories CSV: document-level PLOVER ``label`` and ``mode`` per story.

    The story's headline is the first line of ``prompt`` (the title the story was written
    under, its place names filled in; ``title`` holds the same line with ``{country_1}``-style
    slots), else ``title``. The file is sorted by label, so ``limit`` takes evenly spaced
    stories, not the first ones.
    """
    csv.field_size_limit(sys.maxsize)
    rows: list[LabelledText] = []
    with open(path, encoding="utf-8", newline="") as fh:
        for i, rec in enumerate(csv.DictReader(fh)):
            if "text" not in rec or "label" not in rec:
                raise ValueError("expected columns text, label, mode")
            mode = (rec.get("mode") or "").strip() or None
            title = (rec.get("prompt") or "").strip().split("\n", 1)[0].strip()
            rows.append(LabelledText(id=f"synthetic-{i}", text=rec["text"], label=rec["label"],
                                     mode=mode, title=title or rec.get("title") or None))
    if limit is not None and limit < len(rows):
        step = len(rows) / limit
        rows = [rows[int(k * step)] for k in range(limit)]
    return rows


@dataclass(slots=True)
class PloverRecord:
    """One PLOVER GSR sentence: event, mode, actor country codes and casualties."""

    id: str
    text: str
    event: str
    mode: str | None
    source_codes: list[str]
    target_codes: list[str]
    dead: int | None
    injured: int | None


def _codes(value: object) -> list[str]:
    if not isinstance(value, list):
        return []
    return [str(a.get("code", "")).strip().upper() for a in value if isinstance(a, dict)]


def _int_or_none(value: object) -> int | None:
    if value is None or value == "":
        return None
    try:
        return int(str(value).replace(",", "").strip())
    except ValueError:
        return None


def load_plover(path: str | Path) -> list[PloverRecord]:
    """PLOVER_GSR_CAMEO.json.txt: a JSON list; ``DOCUMENT`` records document the file."""
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    records: list[PloverRecord] = []
    for rec in data:
        if rec.get("event") == "DOCUMENT" or not rec.get("text"):
            continue
        records.append(
            PloverRecord(
                id=rec["id"],
                text=rec["text"],
                event=rec["event"],
                mode=(rec.get("mode") or None),
                source_codes=_codes(rec.get("source")),
                target_codes=_codes(rec.get("target")),
                dead=_int_or_none(rec.get("dead")),
                injured=_int_or_none(rec.get("injured")),
            )
        )
    return records


@dataclass(slots=True)
class GoldEvent:
    """One annotated event of guardian-dev (annotation-guide.md)."""

    article_id: str
    status: str
    event_type: str | None
    sub_event_type: str | None
    actor1: str | None
    actor2: str | None
    location_name: str | None
    lat: float | None
    lon: float | None
    date_start: date | None
    date_precision: str
    killed: int | None
    injured: int | None
    modality: str
    evidence: str
    sources: list[dict] = field(default_factory=list)


def load_jsonl_articles(path: str | Path) -> list[Article]:
    """Article records ``{id, text, published, outlet, url, title}``, one JSON object a line."""
    articles: list[Article] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            rec = json.loads(line)
            articles.append(
                make_article(
                    rec["text"],
                    id=str(rec["id"]),
                    published=rec.get("published") or None,
                    outlet=rec.get("outlet"),
                    title=rec.get("title"),
                    url=rec.get("url"),
                )
            )
    return articles


def _gold_event(article_id: str, ev: dict) -> GoldEvent:
    loc = ev.get("location") or {}
    when = ev.get("date") or {}
    start = when.get("start")
    return GoldEvent(
        article_id=article_id,
        status=ev.get("status", "new"),
        event_type=ev.get("event_type"),
        sub_event_type=ev.get("sub_event_type"),
        actor1=ev.get("actor1"),
        actor2=ev.get("actor2"),
        location_name=loc.get("name"),
        lat=loc.get("lat"),
        lon=loc.get("lon"),
        date_start=date.fromisoformat(start) if start else None,
        date_precision=when.get("precision") or "unknown",
        killed=_int_or_none(ev.get("killed")),
        injured=_int_or_none(ev.get("injured")),
        modality=ev.get("modality") or "asserted",
        evidence=ev.get("evidence") or "",
        sources=list(ev.get("sources") or []),
    )


def load_article_gold(path: str | Path) -> dict[str, list[GoldEvent]]:
    """guardian-dev gold.jsonl: ``{id, events: [...], doubtful: [...]}`` per article."""
    gold: dict[str, list[GoldEvent]] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            rec = json.loads(line)
            aid = str(rec["id"])
            gold[aid] = [_gold_event(aid, ev) for ev in rec.get("events", [])]
    return gold


def as_articles(items: Iterable[LabelledText | PloverRecord]) -> list[Article]:
    """Wrap gold texts as undated Articles for the pipeline."""
    return [make_article(item.text, id=item.id, title=getattr(item, "title", None))
            for item in items]
