"""The `eventcoder` command: extract, info, gazetteer, ingest/events/export, eval."""

from __future__ import annotations

import importlib
import json
import sys
from collections.abc import Iterator
from datetime import date
from enum import StrEnum
from typing import Annotated

import typer

from eventcoder import __version__
from eventcoder.ingest import InputError, read_inputs
from eventcoder.ingest.files import read_stdin_text
from eventcoder.model import Article, ArticleReport
from eventcoder.nlp import DEFAULT_MODEL

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Read conflict and politics news; write sourced, geocoded event records.",
    pretty_exceptions_enable=False,
)
eval_app = typer.Typer(no_args_is_help=True, help="Measure eventcoder on gold sets.")
app.add_typer(eval_app, name="eval")


class Format(StrEnum):
    json = "json"
    jsonl = "jsonl"
    table = "table"
    csv = "csv"
    geojson = "geojson"


def fail(message: str, code: int = 2) -> typer.Exit:
    """One line on stderr, no traceback."""
    typer.echo(f"eventcoder: {message}", err=True)
    return typer.Exit(code)


def _published(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise fail(f"--published must be YYYY-MM-DD, got {value!r}") from None


def _articles(
    files: list[str], published: date | None, outlet: str | None, errors: list[InputError]
) -> Iterator[Article]:
    """Articles from files and '-' (stdin); errors are printed as they come and remembered."""
    def results():
        for name in files:
            if name == "-":
                yield from read_stdin_text(sys.stdin.buffer.read(), published, outlet)
            else:
                yield from read_inputs([name], published, outlet)

    for item in results():
        if isinstance(item, InputError):
            errors.append(item)
            typer.echo(item.message(), err=True)
        else:
            yield item


def _write(reports: Iterator[ArticleReport], fmt: Format) -> None:
    if fmt is Format.table:
        from eventcoder.export.table import print_tables

        print_tables(reports)
    elif fmt is Format.jsonl:
        for report in reports:
            sys.stdout.write(json.dumps(report.to_json_dict(), ensure_ascii=False) + "\n")
    elif fmt is Format.json:
        for report in reports:
            sys.stdout.write(json.dumps(report.to_json_dict(), ensure_ascii=False, indent=2) + "\n")
    elif fmt is Format.csv:
        from eventcoder.export.acled_csv import acled_row, write_acled_csv

        rows = (acled_row(e, r.article) for r in reports for e in r.events)
        write_acled_csv(rows, sys.stdout)
    elif fmt is Format.geojson:
        from eventcoder.export.geojson import event_feature, write_geojson

        write_geojson((event_feature(e, r.article) for r in reports for e in r.events), sys.stdout)
        sys.stdout.write("\n")


@app.command()
def extract(
    files: Annotated[list[str], typer.Argument(help="Text, HTML or JSONL files; '-' for stdin.")],
    published: Annotated[
        str | None, typer.Option(help="Publication date YYYY-MM-DD (a record's own wins).")
    ] = None,
    outlet: Annotated[str | None, typer.Option(help="Outlet that published the text.")] = None,
    format: Annotated[Format, typer.Option("--format", "-f")] = Format.json,
    model: Annotated[str, typer.Option(help="Any installed spaCy pipeline.")] = DEFAULT_MODEL,
    min_confidence: Annotated[
        float, typer.Option(help="Drop events below this confidence (0..1); 0 keeps all.")
    ] = 0.5,
    batch_size: Annotated[int, typer.Option(min=1)] = 32,
) -> None:
    """Read articles and print one report each (CONTRACT.md)."""
    from eventcoder.nlp.pipeline import ModelNotInstalled
    from eventcoder.pipeline import extract_articles

    day = _published(published)
    errors: list[InputError] = []
    try:
        reports = extract_articles(
            _articles(files, day, outlet, errors),
            model=model,
            batch_size=batch_size,
            min_confidence=min_confidence,
        )
        _write(reports, format)
    except ModelNotInstalled as exc:
        raise fail(str(exc)) from None
    except BrokenPipeError:
        return
    if errors:
        raise typer.Exit(2)


@app.command()
def info(
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
    model: Annotated[str, typer.Option(help="spaCy pipeline to describe.")] = DEFAULT_MODEL,
) -> None:
    """Version, spaCy pipeline and gazetteer size."""
    import spacy.util

    facts: dict[str, object] = {"version": __version__, "spacy_model": model}
    try:
        meta = spacy.util.get_package_version(model)
        facts["spacy_model_version"] = meta
    except Exception:  # noqa: BLE001 - a missing model is reported, not raised
        facts["spacy_model_version"] = None
    try:
        from eventcoder.geo import default_gazetteer_path, gazetteer_size

        facts["gazetteer"] = str(default_gazetteer_path())
        facts["gazetteer_size"] = gazetteer_size()
    except Exception as exc:  # noqa: BLE001
        facts["gazetteer_size"] = None
        facts["gazetteer_error"] = str(exc)
    if as_json:
        typer.echo(json.dumps(facts, indent=2))
    else:
        for key, value in facts.items():
            typer.echo(f"{key}: {value}")


def _register_plugins() -> None:
    """Sub-commands that live beside the code they drive (geo, store, evaluate)."""
    for module, args in (
        ("eventcoder.geo.cli", (app,)),
        ("eventcoder.store.cli", (app,)),
        ("eventcoder.evaluate.cli", (eval_app,)),
    ):
        try:
            register = importlib.import_module(module).register
        except (ImportError, AttributeError):
            continue
        register(*args)


_register_plugins()


def main() -> None:
    """Entry point: a bug surfaces as one line (set EVENTCODER_DEBUG=1 for the traceback)."""
    import os

    try:
        app()
    except KeyboardInterrupt:
        typer.echo("eventcoder: interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001 - users get one line, developers can opt in
        if os.environ.get("EVENTCODER_DEBUG"):
            raise
        typer.echo(f"eventcoder: internal error: {type(exc).__name__}: {exc}", err=True)
        sys.exit(1)


if __name__ == "__main__":
    main()
