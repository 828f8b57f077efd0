"""Readers for every input kind: each yields Articles or InputErrors, never raises on bad input."""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from eventcoder.ingest.errors import InputError
from eventcoder.ingest.files import read_document, read_jsonl
from eventcoder.model import Article

Result = Article | InputError

TEXT_SUFFIXES = {".txt", ".text", ".md", ".html", ".htm", ".xhtml"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
WARC_SUFFIXES = (".warc", ".warc.gz")


def _reader_for(path: Path) -> str:
    """Name of the reader for a file: by name and suffix, never by trusting its content."""
    name = path.name.lower()
    if name == "result.json":
        return "telegram"
    if name.endswith(WARC_SUFFIXES):
        return "warc"
    if path.suffix.lower() == ".jsonl":
        return "jsonl"
    if path.suffix.lower() in FEED_SUFFIXES:
        return "feeds"
    return "document"


def _read_one(path: Path, published: date | None, outlet: str | None) -> Iterator[Result]:
    kind = _reader_for(path)
    if kind == "jsonl":
        yield from read_jsonl(path, published, outlet)
    elif kind == "document":
        yield from read_document(path, published, outlet)
    else:
        try:
            module = importlib.import_module(f"eventcoder.ingest.{kind}")
        except ImportError as exc:
            yield InputError(str(path), f"{kind} input needs an optional extra: {exc.name}")
            return
        yield from module.read(path)


def walk(paths: Iterable[str | Path]) -> Iterator[Path | InputError]:
    """Expand directories (sorted, hidden files skipped); report missing paths."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not any(p.startswith(".") for p in child.parts):
                    yield child
        elif path.exists():
            yield path
        else:
            yield InputError(str(raw), "no such file or directory")


def read_inputs(
    paths: Iterable[str | Path], published: date | None = None, outlet: str | None = None
) -> Iterator[Result]:
    """Every article in ``paths`` in order, with an InputError wherever something is unreadable."""
    for item in walk(paths):
        if isinstance(item, InputError):
            yield item
        else:
            yield from _read_one(item, published, outlet)


__all__ = ["InputError", "Result", "read_inputs", "walk"]
