"""The per-article function mapped over a Dask cluster, for corpora beyond one machine.

Workers run the same ``extract_articles`` as a local ingest; ``load_pipeline`` is cached per
process, so each worker loads the spaCy model once. Reports come back to the client, which
writes them through the ordinary store in input order, so a cluster run and a local run of
the same corpus build the same database.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Iterable, Iterator

from eventcoder.model import Article, ArticleReport
from eventcoder.nlp import DEFAULT_MODEL

_LOCK = threading.Lock()  # one spaCy pipeline per process is not safe to share across threads


def extract_batch(articles: list[dict], model: str = DEFAULT_MODEL) -> list[dict]:
    """Worker side: article dicts in, report dicts out (plain data crosses the wire)."""
    from eventcoder.pipeline import extract_articles

    parsed = [Article.model_validate(a) for a in articles]
    with _LOCK:
        return [r.to_json_dict() for r in extract_articles(parsed, model=model)]


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for art in articles:
        batch.append(art)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def extract_on_cluster(
    articles: Iterable[Article],
    scheduler: str,
    model: str = DEFAULT_MODEL,
    batch_size: int = 32,
    in_flight_per_worker: int = 2,
) -> Iterator[tuple[Article, ArticleReport]]:
    """(article, report) in input order, computed on the cluster at ``scheduler``.

    At most ``in_flight_per_worker`` batches per worker are pending, so memory stays bounded
    however large the corpus.
    """
    from distributed import Client

    with Client(scheduler) as client:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        window = workers * in_flight_per_worker
        pending: deque = deque()
        for batch in _batches(articles, batch_size):
            payload = [a.model_dump(mode="json") for a in batch]
            future = client.submit(extract_batch, payload, model, pure=False)
            pending.append((batch, future))
            while len(pending) >= window:
                yield from _collect(*pending.popleft())
        while pending:
            yield from _collect(*pending.popleft())


def _collect(batch: list[Article], future) -> Iterator[tuple[Article, ArticleReport]]:  # noqa: ANN001
    for art, rep in zip(batch, future.result(), strict=True):
        yield art, ArticleReport.model_validate(rep)


__all__ = ["extract_batch", "extract_on_cluster"]
