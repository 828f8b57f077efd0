"""HTML to article text with trafilatura: main text only, scripts never run or echoed."""

from __future__ import annotations

import re

import trafilatura

_TAG = re.compile(r"<[^>]+>")
_HTML_HINT = re.compile(r"<\s*(html|body|p|div|article|head|script|!doctype)\b", re.I)


def looks_like_html(text: str) -> bool:
    return bool(_HTML_HINT.search(text[:2000]))


def html_to_text(html: str) -> tuple[str, str | None]:
    """(main text, title). Empty text when the page has no readable article."""
    text = trafilatura.extract(
        html,
        include_comments=False,
        include_tables=False,
        include_links=False,
        favor_precision=True,
        deduplicate=True,
    )
    title = None
    meta = trafilatura.extract_metadata(html)
    if meta is not None:
        title = meta.title
    if not text:
        return "", title
    # trafilatura returns text, but be strict: no markup may survive into our output.
    return _TAG.sub("", text).strip(), title
