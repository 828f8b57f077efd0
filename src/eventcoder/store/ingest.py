"""``eventcoder ingest``: read inputs, extract reports, write them to the store.

Idempotent and resumable because articles are keyed by the sha256 of their text: anything
already stored is skipped before the NLP runs, so a re-run after a crash only pays for what
is missing. The per-article work is the same ``extract_articles`` the CLI uses, locally or
on a Dask cluster.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import Engine

from eventcoder.ingest.errors import InputError
from eventcoder.model import Article, ArticleReport
from eventcoder.nlp import DEFAULT_MODEL
from eventcoder.pipeline import extract_articles, sha256_text
from eventcoder.store.db import DEFAULT_DB, open_store
from eventcoder.store.progress import count_articles, progress_bar
from eventcoder.store.writer import WriteStats, stored_hashes, write_batch

Pairs = Iterator[tuple[Article, ArticleReport]]
LOOKUP_CHUNK = 256  # articles checked against the store per query


@dataclass
class IngestStats(WriteStats):
    read: int = 0
    seconds: float = 0.0
    store_seconds: float = 0.0  # of ``seconds``, spent writing and merging (not extracting)
    input_errors: list[str] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0


def extract_pairs(articles: Iterable[Article], model: str, batch_size: int) -> Pairs:
    """(article, report) in input order, with one model load in this process."""
    queue: deque[Article] = deque()

    def feed() -> Iterator[Article]:
        for article in articles:
            queue.append(article)
            yield article

    for report in extract_articles(feed(), model=model, batch_size=batch_size):
        yield queue.popleft(), report


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    chunk: list = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def unstored(
    items: Iterable[Article | InputError],
    engine: Engine,
    stats: IngestStats,
    on_error: Callable[[InputError], None],
    advance: Callable[[int], None],
) -> Iterator[Article]:
    """Articles not yet in the store (nor earlier in this run); errors reported on the way."""
    seen: set[str] = set()
    for chunk in _chunks(items, LOOKUP_CHUNK):
        arts: list[Article] = []
        for item in chunk:
            if isinstance(item, InputError):
                stats.input_errors.append(item.message())
                on_error(item)
                continue
            if not item.sha256:
                item.sha256 = sha256_text(item.text)
            arts.append(item)
        stats.read += len(arts)
        with engine.connect() as conn:
            known = stored_hashes(conn, [a.sha256 for a in arts])
        skipped = 0
        for art in arts:
            if art.sha256 in known or art.sha256 in seen:
                skipped += 1
                continue
            seen.add(art.sha256)
            yield art
        stats.already_stored += skipped
        advance(skipped)


def ingest_articles(
    items: Iterable[Article | InputError],
    engine: Engine,
    model: str = DEFAULT_MODEL,
    batch_size: int = 32,
    commit_every: int = 64,
    scheduler: str | None = None,
    on_error: Callable[[InputError], None] = lambda e: None,
    advance: Callable[[int], None] = lambda n: None,
) -> IngestStats:
    """Extract and store every article of ``items`` that the store does not hold yet."""
    stats = IngestStats()
    started = time.perf_counter()
    fresh = unstored(items, engine, stats, on_error, advance)
    if scheduler:
        from eventcoder.distributed import extract_on_cluster

        pairs = extract_on_cluster(fresh, scheduler, model=model, batch_size=batch_size)
    else:
        pairs = extract_pairs(fresh, model, batch_size)
    for batch in _chunks(pairs, commit_every):
        t = time.perf_counter()
        stats.add(write_batch(engine, batch))
        stats.store_seconds += time.perf_counter() - t
        advance(len(batch))
    stats.seconds = time.perf_counter() - started
    return stats


def ingest_paths(
    paths: Iterable[str | Path],
    db: str | Path = DEFAULT_DB,
    model: str = DEFAULT_MODEL,
    batch_size: int = 32,
    commit_every: int = 64,
    scheduler: str | None = None,
    published: date | None = None,
    outlet: str | None = None,
    progress: bool = True,
    on_error: Callable[[InputError], None] = lambda e: None,
) -> IngestStats:
    """Ingest files and directories into ``db`` (a SQLite path or a database URL)."""
    from eventcoder.ingest import read_inputs

    paths = list(paths)
    engine = open_store(db)
    try:
        total = count_articles(paths) if progress else None
        with progress_bar(total, enabled=progress) as advance:
            return ingest_articles(
                read_inputs(paths, published=published, outlet=outlet),
                engine,
                model=model,
                batch_size=batch_size,
                commit_every=commit_every,
                scheduler=scheduler,
                on_error=on_error,
                advance=advance,
            )
    finally:
        engine.dispose()
