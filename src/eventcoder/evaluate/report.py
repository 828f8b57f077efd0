"""Rich rendering of an EvalResult: headline metrics, per-class table, confusions, errors."""

from __future__ import annotations

import json
from pathlib import Path

from rich.console import Console
from rich.table import Table

from eventcoder.evaluate.scorers import EvalResult


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def metrics_table(result: EvalResult) -> Table:
    table = Table(title=f"{result.name}: {result.n} items")
    table.add_column("metric")
    table.add_column("value", justify="right")
    table.add_column("target", justify="right")
    for name, value in result.metrics.items():
        target = result.targets.get(name)
        mark = ""
        if target is not None and value is not None:
            mark = " ✓" if value >= target else " ✗"
        table.add_row(name, _fmt(value), (f"{target:.2f}{mark}" if target is not None else ""))
    return table


def class_table(result: EvalResult) -> Table:
    table = Table(title="per class")
    for col in ("class", "P", "R", "F1", "gold", "predicted"):
        table.add_column(col, justify="left" if col == "class" else "right")
    for s in result.per_class:
        if s.support or s.predicted:
            table.add_row(s.label, _fmt(s.precision), _fmt(s.recall), _fmt(s.f1),
                          str(s.support), str(s.predicted))
    return table


def confusion_table(result: EvalResult) -> Table:
    table = Table(title="most frequent confusions (gold → predicted)")
    table.add_column("gold")
    table.add_column("predicted")
    table.add_column("n", justify="right")
    for gold, pred, n in result.confusions:
        table.add_row(gold, pred, str(n))
    return table


def errors_table(result: EvalResult) -> Table:
    table = Table(title=f"worst {len(result.errors)} cases (most confident first)",
                  show_lines=True)
    table.add_column("id")
    table.add_column("text", ratio=3)
    table.add_column("gold", ratio=1)
    table.add_column("predicted", ratio=1)
    table.add_column("conf", justify="right")
    for e in result.errors:
        conf = "" if e.confidence is None else f"{e.confidence:.2f}"
        table.add_row(e.id, e.text, e.gold, e.predicted, conf)
    return table


def dict_table(title: str, rows: list[dict]) -> Table:
    table = Table(title=title)
    if not rows:
        return table
    for col in rows[0]:
        table.add_column(col, justify="right")
    for row in rows:
        table.add_row(*(f"{v:.3f}" if isinstance(v, float) else str(v) for v in row.values()))
    return table


def render(result: EvalResult, console: Console | None = None, show_errors: bool = True) -> None:
    """Print everything an evaluation found."""
    console = console or Console()
    console.print(metrics_table(result))
    for note in result.notes:
        console.print(f"  · {note}", style="dim")
    console.print(class_table(result))
    if result.confusions:
        console.print(confusion_table(result))
    for title, rows in result.extra_tables.items():
        console.print(dict_table(title, rows))
    if show_errors and result.errors:
        console.print(errors_table(result))


def write_json(result: EvalResult, path: str | Path) -> None:
    """Machine-readable result, for BENCHMARKS.md and regressions."""
    Path(path).write_text(json.dumps(result.to_json(), indent=2, default=str) + "\n",
                          encoding="utf-8")
