"""Ingest throughput vs extract throughput on ../shared/data/synthetic-news (4,500 stories).

    .venv/bin/python benchmarks/ingest_synthetic.py [--limit N] [--postgres URL]

Prints articles/s for extract alone (reports discarded) and for ingest into a fresh SQLite
file, their ratio (goal >= 0.90), and with --postgres the table counts after ingesting twice.
Each side loads the model before its clock starts.
"""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
import time
from pathlib import Path

from eventcoder.nlp import load_pipeline
from eventcoder.pipeline import extract_articles, make_article
from eventcoder.store import ingest_articles, open_store, table_counts

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "synthetic-news"


def stories(limit: int | None) -> list:
    path = DATA / "ngec_synthetic_stories.csv"
    if not path.exists():
        sys.exit(f"missing {path}")
    csv.field_size_limit(10_000_000)
    with path.open(newline="") as fh:
        rows = list(csv.DictReader(fh))[:limit]
    return [make_article(r["text"], id=f"ngec-{i}", outlet=r.get("source") or None)
            for i, r in enumerate(rows)]  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int)
    ap.add_argument("--postgres")
    args = ap.parse_args()
    articles = stories(args.limit)
    load_pipeline()
    t = time.perf_counter()
    n = sum(1 for _ in extract_articles(articles))
    extract_rate = n / (time.perf_counter() - t)
    with tempfile.TemporaryDirectory() as tmp:
        engine = open_store(Path(tmp) / "bench.sqlite")
        stats = ingest_articles(articles, engine)
        counts = table_counts(engine)
    print(f"articles: {n}")
    print(f"extract: {extract_rate:.1f} articles/s")
    print(f"ingest (SQLite): {stats.rate:.1f} articles/s  ratio {stats.rate / extract_rate:.3f}")
    print(f"SQLite counts: {counts}")
    if args.postgres:
        engine = open_store(args.postgres)
        ingest_articles(articles, engine)
        first = table_counts(engine)
        again = ingest_articles(articles, engine)
        second = table_counts(engine)
        print(f"PostgreSQL after one ingest: {first}")
        print(f"PostgreSQL after two: {second} (identical: {first == second}, "
              f"second run stored {again.articles})")  # fmt: skip


if __name__ == "__main__":
    main()
