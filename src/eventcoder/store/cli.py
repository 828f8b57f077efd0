"""``eventcoder ingest | events | export``: the store's commands, registered on the main app."""

from __future__ import annotations

import json
import sys
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from eventcoder.export.table import output_console
from eventcoder.nlp import DEFAULT_MODEL
from eventcoder.store.db import DEFAULT_DB

DbOpt = Annotated[
    str,
    typer.Option("--db", help="SQLite file path, or a postgresql:// URL", envvar="EVENTCODER_DB"),
]


class EventsFormat(StrEnum):
    jsonl = "jsonl"
    json = "json"
    table = "table"
    csv = "csv"
    geojson = "geojson"


class ExportFormat(StrEnum):
    csv = "csv"
    jsonl = "jsonl"
    geojson = "geojson"
    parquet = "parquet"


def _fail(message: str) -> typer.Exit:
    typer.echo(f"eventcoder: {message}", err=True)
    return typer.Exit(2)


def _day(value: str | None, name: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise _fail(f"{name} must be YYYY-MM-DD, got {value!r}") from None


def _filter(since, until, country, bbox, actor, event_type, source, limit):  # noqa: ANN001, ANN202
    from eventcoder.store.query import EventFilter, country_code, parse_bbox

    try:
        return EventFilter(
            start=_day(since, "--since"),
            end=_day(until, "--until"),
            country=country_code(country) if country else None,
            bbox=parse_bbox(bbox) if bbox else None,
            actor=actor,
            event_type=event_type,
            source=source,
            limit=limit,
        )
    except ValueError as exc:
        raise _fail(str(exc)) from None


def _open(db: str):  # noqa: ANN202
    from eventcoder.store.db import open_store

    try:
        return open_store(db)
    except Exception as exc:  # noqa: BLE001 - any driver error becomes one line
        reason = str(getattr(exc, "orig", None) or exc).splitlines()[0]  # drivers add hint lines
        raise _fail(f"cannot open database {db!r}: {reason}") from None


def _table(events) -> None:  # noqa: ANN001
    from rich.table import Table

    table = Table("event", "date", "type", "where", "killed", "reports", "outlets")
    for ev in events:
        loc = ev.location
        table.add_row(
            ev.id,
            str(ev.date.start or "?"),
            ev.acled.sub_event_type if ev.acled else (ev.plover.event_type if ev.plover else "—"),
            f"{loc.name} ({loc.country or '?'})" if loc else "—",
            "—" if ev.fatalities.killed is None else str(ev.fatalities.killed),
            str(len(ev.reports)),
            "; ".join(dict.fromkeys(r.outlet for r in ev.reports if r.outlet)),
        )
    output_console().print(table)


def _write(events, fmt: str, out: Path | None) -> int:  # noqa: ANN001
    """Write ``events`` in ``fmt`` to ``out`` (stdout when None); returns the count written."""
    if fmt == "parquet":
        from eventcoder.export.parquet import write_parquet

        assert out is not None
        return write_parquet(events, out)
    fh = out.open("w", encoding="utf-8", newline="") if out else sys.stdout
    try:
        if fmt == "csv":
            from eventcoder.export.acled_csv import merged_acled_row, write_acled_csv

            written, skipped = write_acled_csv((merged_acled_row(e) for e in events), fh)
            if skipped:
                typer.echo(
                    f"eventcoder: {skipped} events left out of the ACLED CSV "
                    "(not coded by ACLED, or no date/coordinates)",
                    err=True,
                )
            return written
        if fmt == "geojson":
            from eventcoder.export.geojson import event_feature, write_geojson

            return write_geojson((event_feature(e) for e in events), fh)
        if fmt == "json":
            items = [e.model_dump(mode="json") for e in events]
            json.dump(items, fh, ensure_ascii=False, indent=2)
            fh.write("\n")
            return len(items)
        n = 0
        for e in events:
            fh.write(e.model_dump_json() + "\n")
            n += 1
        return n
    finally:
        if out:
            fh.close()


Since = Annotated[str | None, typer.Option("--since", help="events on or after YYYY-MM-DD")]
Until = Annotated[str | None, typer.Option("--until", help="events on or before YYYY-MM-DD")]
Country = Annotated[str | None, typer.Option("--country", help="ISO code or country name")]
Bbox = Annotated[str | None, typer.Option("--bbox", help="min_lon,min_lat,max_lon,max_lat")]
ActorOpt = Annotated[str | None, typer.Option("--actor", help="part of an actor's name")]
TypeOpt = Annotated[
    str | None, typer.Option("--type", help="ACLED event or sub-event type, or PLOVER type")
]
SourceOpt = Annotated[str | None, typer.Option("--source", help="part of an outlet/source name")]
OutOpt = Annotated[Path | None, typer.Option("--out", "-o", help="file (stdout if absent)")]
Limit = Annotated[int | None, typer.Option("--limit", min=1)]


def register(app: typer.Typer) -> None:
    """Add ``ingest``, ``events`` and ``export`` to the ``eventcoder`` app."""

    @app.command()
    def ingest(
        paths: Annotated[list[str], typer.Argument(help="files and directories to ingest")],
        db: DbOpt = DEFAULT_DB,
        dask: Annotated[
            str | None, typer.Option("--dask", help="Dask scheduler address (tcp://host:8786)")
        ] = None,
        model: Annotated[str, typer.Option(help="spaCy pipeline")] = DEFAULT_MODEL,
        published: Annotated[str | None, typer.Option(help="default YYYY-MM-DD")] = None,
        outlet: Annotated[str | None, typer.Option(help="default outlet name")] = None,
        batch_size: Annotated[int, typer.Option(min=1)] = 32,
        commit_every: Annotated[int, typer.Option(min=1, help="articles per transaction")] = 64,
        progress: Annotated[bool, typer.Option(help="progress bar on stderr")] = True,
    ) -> None:
        """Extract events from PATHS into the database; re-running skips what is stored."""
        from eventcoder.store.ingest import ingest_paths

        day = _day(published, "--published")
        try:
            stats = ingest_paths(
                paths,
                db,
                model=model,
                batch_size=batch_size,
                commit_every=commit_every,
                scheduler=dask,
                published=day,
                outlet=outlet,
                progress=progress,
                on_error=lambda e: typer.echo(e.message(), err=True),
            )
        except Exception as exc:  # noqa: BLE001 - database/cluster failures: one line
            raise _fail(f"ingest failed: {exc.__class__.__name__}: {exc}") from None
        typer.echo(
            f"eventcoder: {stats.articles} articles stored ({stats.already_stored} already "
            f"there), {stats.mentions} event mentions, {stats.events_new} new events, "
            f"{stats.events_joined} merged into existing ones; {stats.rate:.1f} articles/s",
            err=True,
        )
        if stats.input_errors:
            raise typer.Exit(2)

    @app.command()
    def events(
        db: DbOpt = DEFAULT_DB,
        since: Since = None,
        until: Until = None,
        country: Country = None,
        bbox: Bbox = None,
        actor: ActorOpt = None,
        event_type: TypeOpt = None,
        source: SourceOpt = None,
        limit: Limit = None,
        format: Annotated[EventsFormat, typer.Option("--format")] = EventsFormat.jsonl,
    ) -> None:
        """Merged events from the database, one per real-world event, with every report."""
        from eventcoder.store.query import query_events

        flt = _filter(since, until, country, bbox, actor, event_type, source, limit)
        found = query_events(_open(db), flt)
        if format == EventsFormat.table:
            _table(found)
        else:
            _write(found, format.value, None)

    @app.command()
    def export(
        db: DbOpt = DEFAULT_DB,
        format: Annotated[ExportFormat, typer.Option("--format")] = ExportFormat.csv,
        out: OutOpt = None,
        since: Since = None,
        until: Until = None,
        country: Country = None,
        bbox: Bbox = None,
        actor: ActorOpt = None,
        event_type: TypeOpt = None,
        source: SourceOpt = None,
    ) -> None:
        """Merged events as ACLED-column CSV, JSONL, GeoJSON or Parquet."""
        from eventcoder.store.query import query_events

        if format == ExportFormat.parquet and out is None:
            raise _fail("--format parquet needs --out FILE")
        flt = _filter(since, until, country, bbox, actor, event_type, source, None)
        n = _write(query_events(_open(db), flt), format.value, out)
        if out:
            typer.echo(f"eventcoder: {n} events written to {out}", err=True)
