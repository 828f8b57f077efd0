"""Telegram Desktop channel exports (``result.json``): each text message is an Article.

The message date is its publication date and the channel its outlet, so a channel's posts
merge with press reports of the same events like any other outlet's.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

from eventcoder.ingest.errors import InputError
from eventcoder.ingest.feeds import read_capped
from eventcoder.ingest.limits import MAX_TEXT_CHARS
from eventcoder.model import Article
from eventcoder.pipeline import make_article

Result = Article | InputError
MAX_EXPORT_BYTES = 1024 * 1024 * 1024


def message_text(value: object) -> str:
    """Telegram stores text as a string or a list of strings and ``{type, text}`` pieces."""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return "".join(p if isinstance(p, str) else str(p.get("text", "")) for p in value
                       if isinstance(p, str | dict))  # fmt: skip
    return ""


def _day(value: object) -> date | None:
    try:
        return datetime.fromisoformat(str(value)).date()
    except ValueError:
        return None


def read(path: Path, published: date | None = None, outlet: str | None = None) -> Iterator[Result]:
    """Every non-empty text message of one exported channel, in export order."""
    data = read_capped(Path(path), MAX_EXPORT_BYTES)
    if isinstance(data, InputError):
        yield data
        return
    try:
        export = json.loads(data)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        yield InputError(str(path), f"not a Telegram export (invalid JSON: {exc})")
        return
    if not isinstance(export, dict) or not isinstance(export.get("messages"), list):
        yield InputError(str(path), "not a Telegram channel export (no 'messages' list)")
        return
    channel = outlet or export.get("name") or None
    key = export.get("id") or channel or str(path)
    for msg in export["messages"]:
        if not isinstance(msg, dict) or msg.get("type", "message") != "message":
            continue
        text = message_text(msg.get("text")).strip()
        if not text:
            continue  # photos, stickers, polls: nothing to read
        if len(text) > MAX_TEXT_CHARS:
            yield InputError(str(path), f"message {msg.get('id')} is too long")
            continue
        yield make_article(
            text,
            id=f"telegram:{key}/{msg.get('id')}",
            published=_day(msg.get("date")) or published,
            outlet=channel,
        )
