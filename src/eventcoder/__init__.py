"""eventcoder: conflict and politics news in, sourced and geocoded event records out."""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from eventcoder.model import ArticleReport


def extract(text: str, published=None, outlet: str | None = None, **kwargs) -> ArticleReport:
    """Read one article and return its report (see ``eventcoder.pipeline.extract``)."""
    from eventcoder.pipeline import extract as _extract

    return _extract(text, published=published, outlet=outlet, **kwargs)


__all__ = ["__version__", "extract"]
