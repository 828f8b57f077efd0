"""``eventcoder eval`` commands: one per shared gold set, all printing the same kinds of tables.

The lead wires them in with ``register(eval_app)``; ``python -m eventcoder.evaluate.cli`` runs
them standalone (used by benchmarks/eval_all.sh).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer

from eventcoder.evaluate import runs
from eventcoder.evaluate.report import render, write_json
from eventcoder.evaluate.scorers import EvalResult
from eventcoder.export.table import output_console
from eventcoder.nlp import DEFAULT_MODEL
from eventcoder.nlp.pipeline import ModelNotInstalled
from eventcoder.pipeline import DEFAULT_MIN_CONFIDENCE

Errors = Annotated[int, typer.Option("--errors", min=0, help="Show the N worst cases with gold.")]
MinConf = Annotated[
    float,
    typer.Option(
        "--min-confidence",
        min=0.0,
        max=1.0,
        help="Drop events below this confidence before scoring.",
    ),
]
JsonOut = Annotated[Path | None, typer.Option("--json", help="Also write the result as JSON.")]
Limit = Annotated[int | None, typer.Option("--limit", min=1, help="Score only the first N items.")]
Model = Annotated[str, typer.Option("--model", help="spaCy pipeline to load.")]
GoldFile = Annotated[Path, typer.Argument(exists=True, dir_okay=False, readable=True)]


def _evaluate(
    path: Path,
    runner: Callable[..., EvalResult],
    extra: tuple,
    model: str,
    min_confidence: float,
    n_errors: int,
    limit: int | None,
    json_out: Path | None,
) -> None:
    """Run, print and save one evaluation; bad input is a one-line error and exit code 2."""
    try:
        result = runner(
            path,
            *extra,
            model=model,
            min_confidence=min_confidence,
            n_errors=n_errors,
            limit=limit,
            progress=True,
        )
    except (ValueError, KeyError, UnicodeDecodeError, ModelNotInstalled) as exc:
        typer.echo(f"eventcoder eval: {path}: {exc}", err=True)
        raise typer.Exit(2) from None
    # piped output (benchmarks, logs) gets wide tables instead of rich's 80 columns
    console = output_console()
    render(result, console, show_errors=n_errors > 0)
    if json_out is not None:
        write_json(result, json_out)


def _labelled_command(runner: Callable[..., EvalResult]) -> Callable[..., None]:
    """One command for a set whose gold is a label per text (same options for each)."""

    def command(
        file: GoldFile,
        errors: Errors = 0,
        min_confidence: MinConf = DEFAULT_MIN_CONFIDENCE,
        json_out: JsonOut = None,
        limit: Limit = None,
        model: Model = DEFAULT_MODEL,
    ) -> None:
        _evaluate(file, runner, (), model, min_confidence, errors, limit, json_out)

    return command


def register(eval_app: typer.Typer) -> None:
    """Add ``case2021``, ``plover``, ``synthetic``, ``articles`` and ``geo`` to ``eval_app``."""
    from eventcoder.evaluate import geo

    geo.register(eval_app)

    labelled = (
        ("case2021", runs.run_case2021,
         "CASE 2021 task 2 TSV: weighted F1 over ACLED sub-types, no-event and claim shares."),
        ("plover", runs.run_plover,
         "PLOVER GSR JSON: event type accuracy, source/target country match, tolls."),
        ("synthetic", runs.run_synthetic,
         "NGEC synthetic stories CSV: document-level PLOVER type and mode accuracy."),
    )
    for name, runner, doc in labelled:
        eval_app.command(name, help=doc)(_labelled_command(runner))

    @eval_app.command("articles")
    def articles(
        file: GoldFile,
        gold: Annotated[
            Path,
            typer.Option(
                "--gold",
                exists=True,
                dir_okay=False,
                help="Gold events JSONL (annotation-guide.md).",
            ),
        ],
        errors: Errors = 0,
        min_confidence: MinConf = DEFAULT_MIN_CONFIDENCE,
        json_out: JsonOut = None,
        limit: Limit = None,
        model: Model = DEFAULT_MODEL,
    ) -> None:
        """Articles JSONL end to end: event P/R/F1; for matches sub-type, actor, toll, modality."""
        _evaluate(file, runs.run_articles, (gold,), model, min_confidence, errors, limit, json_out)


def main() -> None:
    app = typer.Typer(help="Measure eventcoder on the shared gold sets.", no_args_is_help=True)
    register(app)
    app()


if __name__ == "__main__":
    main()
