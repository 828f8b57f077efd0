"""The per-article function: Article in, ArticleReport out, batched over one loaded pipeline.

This is what the CLI, the store's ingest, the evaluators and the Dask workers all call, so
every path produces identical reports.
"""

from __future__ import annotations

import hashlib
from collections import deque
from collections.abc import Iterable, Iterator
from datetime import date

from eventcoder.assemble import assemble_report
from eventcoder.assemble.report import article_meta
from eventcoder.geo.outlet import outlet_country
from eventcoder.model import Article, ArticleReport
from eventcoder.nlp import DEFAULT_MODEL, load_pipeline, make_docs
from eventcoder.readers.hits import DocContext

# Events scored below this are dropped unless the caller asks for more (``min_confidence=0``):
# an act named with nothing that anchors it (no place, date, named actor, toll) scores lower.
DEFAULT_MIN_CONFIDENCE = 0.5


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def make_article(
    text: str,
    id: str = "text",
    published: date | str | None = None,
    outlet: str | None = None,
    title: str | None = None,
    url: str | None = None,
) -> Article:
    if isinstance(published, str):
        published = date.fromisoformat(published)
    return Article(
        id=id,
        text=text,
        published=published,
        outlet=outlet,
        title=title,
        url=url,
        sha256=sha256_text(text),
    )


def extract_articles(
    articles: Iterable[Article],
    model: str = DEFAULT_MODEL,
    batch_size: int = 32,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
) -> Iterator[ArticleReport]:
    """Run the pipeline over many articles with one model load; reports come in input order.

    A failure inside one article's assembly becomes a warning on that report, so a corpus run
    never loses the rest of the batch to one odd text.
    """
    nlp = load_pipeline(model)
    pending: deque[Article] = deque()

    def contexts() -> Iterator[tuple[str, DocContext]]:
        for article in articles:
            if not article.sha256:
                article.sha256 = sha256_text(article.text)
            pending.append(article)
            yield article.text, DocContext(
                published=article.published, outlet=article.outlet,
                extra={"outlet_country": outlet_country(article.url)}, title=article.title,
            )

    docs = nlp.pipe(make_docs(nlp, contexts()), batch_size=batch_size)
    for doc in docs:
        article = pending.popleft()
        try:
            report = assemble_report(article, doc)
        except Exception as exc:  # noqa: BLE001 - reported on the article, batch goes on
            report = ArticleReport(
                article=article_meta(article),
                warnings=[f"internal error while assembling events: {type(exc).__name__}: {exc}"],
            )
        if min_confidence > 0:
            report.events = [e for e in report.events if e.confidence >= min_confidence]
        yield report


def extract(
    text: str,
    published: date | str | None = None,
    outlet: str | None = None,
    id: str = "text",
    model: str = DEFAULT_MODEL,
) -> ArticleReport:
    """Read one article: ``eventcoder.extract(text, published="2024-01-18")``."""
    article = make_article(text, id=id, published=published, outlet=outlet)
    return next(extract_articles([article], model=model))
