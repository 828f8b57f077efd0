"""WARC archives of news pages: each HTML response is an Article (main text via trafilatura).

The crawl date is not the publication date, so ``published`` comes from the page's own
metadata, or stays unknown.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from eventcoder.ingest.decode import UndecodableInput, decode_bytes
from eventcoder.ingest.errors import InputError
from eventcoder.ingest.html import html_to_text
from eventcoder.ingest.limits import MAX_FILE_BYTES, MAX_TEXT_CHARS
from eventcoder.model import Article
from eventcoder.pipeline import make_article

Result = Article | InputError


def _page_date(html: str) -> date | None:
    import trafilatura

    meta = trafilatura.extract_metadata(html)
    if meta is None or not meta.date:
        return None
    try:
        return date.fromisoformat(str(meta.date)[:10])
    except ValueError:
        return None


def _is_html(record) -> bool:  # noqa: ANN001 - a warcio record
    if record.rec_type == "response" and record.http_headers is not None:
        if record.http_headers.get_statuscode() != "200":
            return False
        ctype = record.http_headers.get_header("Content-Type") or ""
    elif record.rec_type == "resource":
        ctype = record.rec_headers.get_header("Content-Type") or ""
    else:
        return False
    return "html" in ctype.lower()


def read(path: Path, published: date | None = None, outlet: str | None = None) -> Iterator[Result]:
    """Every readable HTML page in a ``.warc`` or ``.warc.gz`` file, in archive order."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        fh = open(path, "rb")  # noqa: SIM115 - closed below; warcio streams from it
    except OSError as exc:
        yield InputError(str(path), f"cannot read: {exc.strerror or exc}")
        return
    with fh:
        try:
            for n, record in enumerate(ArchiveIterator(fh), 1):
                if not _is_html(record):
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI") or f"{path}#{n}"
                body = record.content_stream().read(MAX_FILE_BYTES + 1)
                if len(body) > MAX_FILE_BYTES:
                    yield InputError(str(path), f"page {url} is over the size cap", line=n)
                    continue
                try:
                    html = decode_bytes(body)
                except UndecodableInput as exc:
                    yield InputError(str(path), f"page {url}: {exc}", line=n)
                    continue
                text, title = html_to_text(html)
                if not text:
                    continue  # navigation pages, galleries: no article to read
                yield make_article(
                    text[:MAX_TEXT_CHARS],
                    id=url,
                    published=_page_date(html) or published,
                    outlet=outlet or urlsplit(url).hostname,
                    title=title,
                    url=url,
                )
        except (ArchiveLoadFailed, OSError, ValueError, AttributeError, EOFError) as exc:
            # warcio raises assorted errors on truncated or malformed records
            yield InputError(str(path), f"not a readable WARC file ({exc})")
