"""Shared by the story tests: each test article's ACLED-coded events, read in one batch."""

from __future__ import annotations

from datetime import date

from eventcoder.model import Event
from eventcoder.pipeline import extract_articles, make_article


def acled_events_by_article(texts: dict[str, str], published: date) -> dict[str, list[Event]]:
    """Every event ACLED codes in each text, at any confidence, keyed by the text's key."""
    articles = [make_article(text, id=key, published=published) for key, text in texts.items()]
    return {r.article.id: [e for e in r.events if e.acled is not None]
            for r in extract_articles(articles, min_confidence=0.0)}
