"""A progress bar for long ingests: articles done, articles/s and time left (when known)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text


class RateColumn(ProgressColumn):
    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text("-- articles/s" if speed is None else f"{speed:,.1f} articles/s")


def count_articles(paths: Iterable[str | Path]) -> int | None:
    """Articles in ``paths`` without parsing them; None when a feed/archive hides its count."""
    from eventcoder import ingest

    total = 0
    for item in ingest.walk(paths):
        if isinstance(item, ingest.InputError):
            continue
        kind = ingest._reader_for(item)  # the dispatcher's own rule, so counts agree
        if kind == "document":
            total += 1
        elif kind == "jsonl":
            with item.open("rb") as fh:
                total += sum(1 for line in fh if line.strip())
        else:
            return None
    return total


@contextmanager
def progress_bar(total: int | None, enabled: bool = True) -> Iterator[Callable[[int], None]]:
    """Yields ``advance(n)``; draws on stderr only when enabled and stderr is a terminal."""
    if not enabled or not sys.stderr.isatty():
        yield lambda n: None
        return
    columns = [
        TextColumn("ingest"),
        BarColumn(),
        MofNCompleteColumn(),
        RateColumn(),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
    ]
    with Progress(*columns, transient=False) as bar:
        task = bar.add_task("ingest", total=total)
        yield lambda n: bar.advance(task, n)
