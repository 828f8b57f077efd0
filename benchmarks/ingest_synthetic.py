"""Ingest throughput vs extract throughput on ../shared/data/synthetic-news (4,500 stories).

    .venv/bin/python benchmarks/ingest_synthetic.py [--limit 1500] [--rounds 2] [--postgres URL]
    .venv/bin/python benchmarks/ingest_synthetic.py --profile ingest --limit 300

Runs extract alone (reports discarded) and ingest into a fresh SQLite file alternately,
A B A B, each in a fresh process over the same texts, so a busy machine's load drifts across
both sides alike. Each process loads the model and warms it on a few other stories before its
clock starts. Prints every round's rates and ratio, and the median ratio (goal >= 0.90).
With --postgres, also the table counts after ingesting twice into that database.
"""

from __future__ import annotations

import argparse
import csv
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "synthetic-news"
WARMUP = 32  # stories after the measured ones, parsed before the clock starts


def stories(limit: int | None, offset: int = 0) -> list:
    from eventcoder.pipeline import make_article

    path = DATA / "ngec_synthetic_stories.csv"
    if not path.exists():
        sys.exit(f"missing {path}")
    csv.field_size_limit(10_000_000)
    with path.open(newline="") as fh:
        rows = list(csv.DictReader(fh))
    rows = rows[offset : offset + limit] if limit else rows[offset:]
    return [make_article(r["text"], id=f"ngec-{offset + i}", outlet=r.get("source") or None)
            for i, r in enumerate(rows)]  # fmt: skip


def run_one(side: str, limit: int | None) -> tuple[float, float]:
    """(articles/s, share of the time in the store) of one side, after warming the model."""
    from eventcoder.pipeline import extract_articles
    from eventcoder.store import ingest_articles, open_store

    articles = stories(limit)
    for _ in extract_articles(stories(WARMUP, offset=len(articles))):
        pass
    if side == "extract":
        t = time.perf_counter()
        n = sum(1 for _ in extract_articles(articles))
        return n / (time.perf_counter() - t), 0.0
    with tempfile.TemporaryDirectory() as tmp:
        engine = open_store(Path(tmp) / "bench.sqlite")
        stats = ingest_articles(articles, engine)
        engine.dispose()
    return stats.rate, stats.store_seconds / stats.seconds


def fresh(side: str, limit: int | None) -> tuple[float, float]:
    cmd = [sys.executable, __file__, "--run", side]
    if limit:
        cmd += ["--limit", str(limit)]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    got = json.loads(out.strip().splitlines()[-1])
    return got["rate"], got["store_share"]


def postgres_twice(url: str, limit: int | None) -> None:
    from eventcoder.store import ingest_articles, open_store, table_counts

    articles = stories(limit)
    engine = open_store(url)
    ingest_articles(articles, engine)
    first = table_counts(engine)
    again = ingest_articles(articles, engine)
    second = table_counts(engine)
    print(f"PostgreSQL after one ingest: {first}")
    print(f"PostgreSQL after two: {second} (identical: {first == second}, "
          f"second run stored {again.articles})")  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=1500)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--postgres")
    ap.add_argument("--run", choices=["extract", "ingest"], help=argparse.SUPPRESS)
    ap.add_argument("--profile", choices=["extract", "ingest"], help="cProfile one side")
    args = ap.parse_args()
    if args.run:
        rate, share = run_one(args.run, args.limit)
        print(json.dumps({"rate": rate, "store_share": share}))
        return
    if args.profile:
        import cProfile
        import pstats

        cProfile.runctx("run_one(args.profile, args.limit)", globals(), locals(), "/tmp/ec.prof")
        pstats.Stats("/tmp/ec.prof").sort_stats("cumulative").print_stats(40)
        return
    ratios = []
    for i in range(args.rounds):
        (extract, _), (ingest, share) = fresh("extract", args.limit), fresh("ingest", args.limit)
        ratios.append(ingest / extract)
        print(f"round {i + 1}: extract {extract:.1f}/s  ingest {ingest:.1f}/s  "
              f"ratio {ratios[-1]:.3f}  (store {share:.1%} of ingest)", flush=True)  # fmt: skip
    print(f"articles: {args.limit}  median ratio {statistics.median(ratios):.3f}  "
          f"min {min(ratios):.3f}  max {max(ratios):.3f}")  # fmt: skip
    if args.postgres:
        postgres_twice(args.postgres, args.limit)


if __name__ == "__main__":
    main()
