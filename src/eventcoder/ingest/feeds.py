"""RSS and Atom feed files: one Article per entry, dated by the entry, outlet = feed title.

feedparser is only ever given bytes we read ourselves, so it never fetches anything.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

from eventcoder.ingest.errors import InputError
from eventcoder.ingest.html import html_to_text, looks_like_html
from eventcoder.ingest.limits import MAX_FILE_BYTES, MAX_TEXT_CHARS
from eventcoder.model import Article
from eventcoder.pipeline import make_article

Result = Article | InputError


def read_capped(path: Path, cap: int = MAX_FILE_BYTES) -> bytes | InputError:
    try:
        size = path.stat().st_size
        if size > cap:
            return InputError(str(path), f"file is {size:,} bytes, over the {cap:,}-byte cap")
        return path.read_bytes()
    except OSError as exc:
        return InputError(str(path), f"cannot read: {exc.strerror or exc}")


def plain_text(markup: str) -> str:
    """Article text from an HTML fragment; short snippets fall back to the bare text content."""
    if not looks_like_html(markup):
        return markup.strip()
    text, _ = html_to_text(markup)
    if text:
        return text
    import lxml.html

    try:
        return " ".join(lxml.html.fromstring(markup).text_content().split())
    except (ValueError, lxml.etree.ParserError):
        return ""


def _entry_date(entry) -> date | None:  # noqa: ANN001 - a feedparser entry
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    return date(*parsed[:3])  # feedparser normalises to UTC


def _entry_body(entry) -> str:  # noqa: ANN001
    contents = entry.get("content") or []
    bodies = [c.get("value", "") for c in contents if c.get("value")]
    return max(bodies, key=len) if bodies else entry.get("summary", "")


def read(path: Path, published: date | None = None, outlet: str | None = None) -> Iterator[Result]:
    """Every entry of an RSS/Atom file with readable text; a broken feed is one InputError."""
    import feedparser

    data = read_capped(Path(path))
    if isinstance(data, InputError):
        yield data
        return
    feed = feedparser.parse(data)
    if feed.bozo and not feed.entries:
        yield InputError(str(path), f"not a readable RSS/Atom feed ({feed.bozo_exception})")
        return
    source = outlet or feed.feed.get("title") or None
    for i, entry in enumerate(feed.entries, 1):
        text = plain_text(_entry_body(entry))
        where = f"{path}#{i}"
        if not text:
            yield InputError(str(path), "feed entry has no text", line=i)
            continue
        if len(text) > MAX_TEXT_CHARS:
            yield InputError(str(path), "feed entry text is too long", line=i)
            continue
        yield make_article(
            text,
            id=entry.get("id") or entry.get("link") or where,
            published=_entry_date(entry) or published,
            outlet=source,
            title=entry.get("title"),
            url=entry.get("link"),
        )
