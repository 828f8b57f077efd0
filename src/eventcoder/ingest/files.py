"""Plain text, HTML and JSONL article files → Articles (or InputErrors, never exceptions)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from eventcoder.ingest.decode import UndecodableInput, decode_bytes
from eventcoder.ingest.errors import InputError
from eventcoder.ingest.html import html_to_text, looks_like_html
from eventcoder.ingest.limits import MAX_FILE_BYTES, MAX_LINE_BYTES, MAX_TEXT_CHARS
from eventcoder.model import Article
from eventcoder.pipeline import make_article

Result = Article | InputError


def _text_article(
    path: str, raw: str, published: date | None, outlet: str | None
) -> Result:
    title = None
    if looks_like_html(raw) or path.lower().endswith((".html", ".htm")):
        raw, title = html_to_text(raw)
        if not raw:
            return InputError(path, "HTML page has no readable article text")
    if not raw.strip():
        return InputError(path, "empty file (no article text)")
    if len(raw) > MAX_TEXT_CHARS:
        return InputError(path, f"article text longer than {MAX_TEXT_CHARS:,} characters")
    return make_article(raw, id=path, published=published, outlet=outlet, title=title)


def read_document(
    path: Path, published: date | None = None, outlet: str | None = None
) -> Iterator[Result]:
    """One text or HTML file is one article; its id is its path."""
    name = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            yield InputError(name, f"file is {size:,} bytes, over the {MAX_FILE_BYTES:,}-byte cap")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(name, f"cannot read: {exc.strerror or exc}")
        return
    try:
        raw = decode_bytes(data)
    except UndecodableInput as exc:
        yield InputError(name, str(exc))
        return
    yield _text_article(name, raw, published, outlet)


def _parse_date(value: object) -> date | None:
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise ValueError(f"'published' must be an ISO date string, not {type(value).__name__}")
    try:
        return date.fromisoformat(value[:10])
    except ValueError as exc:
        raise ValueError(f"'published' is not an ISO date: {value!r}") from exc


def record_to_article(
    record: object, published: date | None = None, outlet: str | None = None
) -> Article:
    """A contract JSONL record → Article; raises ValueError with a user-readable reason."""
    if not isinstance(record, dict):
        raise ValueError("record is not a JSON object")
    rid, text = record.get("id"), record.get("text")
    if rid is None or rid == "":
        raise ValueError("record has no 'id'")
    if not isinstance(text, str):
        raise ValueError("record has no 'text' string")
    title = record.get("title")
    if looks_like_html(text):
        text, found_title = html_to_text(text)
        title = title or found_title
    if not text.strip():
        raise ValueError("record's 'text' is empty")
    if len(text) > MAX_TEXT_CHARS:
        raise ValueError(f"record's text is longer than {MAX_TEXT_CHARS:,} characters")
    own = _parse_date(record.get("published"))
    return make_article(
        text,
        id=str(rid),
        published=own or published,
        outlet=record.get("outlet") or outlet,
        title=title,
        url=record.get("url"),
    )


def read_jsonl(
    path: Path, published: date | None = None, outlet: str | None = None
) -> Iterator[Result]:
    """Stream a JSONL file; a broken line is reported by number and the rest still read."""
    name = str(path)
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield InputError(name, f"cannot read: {exc.strerror or exc}")
        return
    with handle:
        for number, line in enumerate(handle, start=1):
            if len(line) > MAX_LINE_BYTES:
                yield InputError(name, f"line is over the {MAX_LINE_BYTES:,}-byte cap", number)
                continue
            if not line.strip():
                continue
            try:
                record = json.loads(decode_bytes(line))
            except UndecodableInput as exc:
                yield InputError(name, str(exc), number)
                continue
            except json.JSONDecodeError as exc:
                yield InputError(name, f"invalid JSON ({exc.msg})", number)
                continue
            try:
                yield record_to_article(record, published, outlet)
            except ValueError as exc:
                yield InputError(name, str(exc), number)


def read_stdin_text(data: bytes, published: date | None, outlet: str | None) -> Iterator[Result]:
    try:
        raw = decode_bytes(data)
    except UndecodableInput as exc:
        yield InputError("-", str(exc))
        return
    yield _text_article("-", raw, published, outlet)
