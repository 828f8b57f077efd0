"""Throughput and peak memory of `extract` against bare spaCy on the same texts, same run.

    python benchmarks/extract_speed.py --limit 1000 --rounds 2
    python benchmarks/extract_speed.py --limit 1000 --interleaved 50

Each measurement runs in a fresh process (so peak RSS belongs to one side only) and the two
sides alternate A B A B; the figure that matters is the ratio spaCy_time / eventcoder_time
(issue: >= 0.80, i.e. eventcoder adds at most 25%) and eventcoder's peak memory (< 1 GiB).
Reads ../shared/data/synthetic-news/ngec_synthetic_stories.csv (MIT, synthetic stories).
"""

from __future__ import annotations

import argparse
import csv
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DATA = SHARED / "data/synthetic-news/ngec_synthetic_stories.csv"
WARMUP = 20  # stories run before timing starts (their time counts as load time)


def load_texts(path: Path, limit: int) -> list[str]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [row["text"] for row in csv.DictReader(handle) if row.get("text")]
    return rows[:limit]


def run_side(side: str, path: Path, limit: int, batch_size: int) -> dict:
    texts = load_texts(path, limit)
    warmup = texts[:WARMUP]  # first calls fill caches and lazy state on both sides alike
    start, cpu_start = time.perf_counter(), 0.0
    if side == "spacy":
        import spacy

        from eventcoder.nlp import DEFAULT_MODEL

        nlp = spacy.load(DEFAULT_MODEL)
        for _ in nlp.pipe(warmup, batch_size=batch_size):
            pass
        loaded, cpu_start = time.perf_counter(), time.process_time()
        for _ in nlp.pipe(texts, batch_size=batch_size):
            pass
    else:
        from eventcoder.nlp import load_pipeline
        from eventcoder.pipeline import extract_articles, make_article

        load_pipeline()
        for _ in extract_articles((make_article(t) for t in warmup), batch_size=batch_size):
            pass
        loaded, cpu_start = time.perf_counter(), time.process_time()
        articles = (make_article(t, id=str(i)) for i, t in enumerate(texts))
        events = sum(len(r.events) for r in extract_articles(articles, batch_size=batch_size))
    end, cpu_end = time.perf_counter(), time.process_time()
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    out = {
        "side": side,
        "articles": len(texts),
        "load_and_warmup_s": round(loaded - start, 3),
        "process_s": round(end - loaded, 3),
        "process_cpu_s": round(cpu_end - cpu_start, 3),
        "articles_per_s": round(len(texts) / (end - loaded), 2),
        "peak_rss_mib": round(peak_kib / 1024, 1),
    }
    if side == "eventcoder":
        out["events"] = events
    return out


def run_interleaved(path: Path, limit: int, batch_size: int, chunk: int) -> dict:
    """Both sides in one process, alternating chunk by chunk (spaCy, eventcoder, spaCy, ...).

    On a machine whose speed drifts (shared cores, frequency changes) two separate processes
    can differ by a quarter in CPU speed; alternating small chunks exposes both sides to the
    same drift, so their ratio is steadier. Caches persist across chunks as in a corpus run.
    """
    import spacy

    from eventcoder.nlp import DEFAULT_MODEL, load_pipeline
    from eventcoder.pipeline import extract_articles, make_article

    texts = load_texts(path, limit + WARMUP)
    warmup, texts = texts[:WARMUP], texts[WARMUP:]
    bare = spacy.load(DEFAULT_MODEL)
    load_pipeline(DEFAULT_MODEL)
    for _ in bare.pipe(warmup, batch_size=batch_size):
        pass
    for _ in extract_articles((make_article(t) for t in warmup), batch_size=batch_size):
        pass
    spent = {"spacy": 0.0, "eventcoder": 0.0}
    for start in range(0, len(texts), chunk):
        part = texts[start:start + chunk]
        began = time.process_time()
        for _ in bare.pipe(part, batch_size=batch_size):
            pass
        middle = time.process_time()
        articles = (make_article(t, id=str(start + i)) for i, t in enumerate(part))
        for _ in extract_articles(articles, batch_size=batch_size):
            pass
        spent["spacy"] += middle - began
        spent["eventcoder"] += time.process_time() - middle
    return {
        "articles": len(texts),
        "chunk": chunk,
        "spacy_cpu_s": round(spent["spacy"], 3),
        "eventcoder_cpu_s": round(spent["eventcoder"], 3),
        "ratio_spacy_cpu_over_eventcoder_cpu": round(spent["spacy"] / spent["eventcoder"], 3),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--limit", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--side", choices=["spacy", "eventcoder"], help=argparse.SUPPRESS)
    parser.add_argument("--interleaved", type=int, metavar="CHUNK", default=0,
                        help="one process, both sides alternating every CHUNK stories (ratio "
                             "only; steadier on a machine whose speed drifts)")
    args = parser.parse_args()
    if not args.data.exists():
        print(f"benchmark data not found: {args.data}", file=sys.stderr)
        return 2
    if args.interleaved:
        print(json.dumps(run_interleaved(args.data, args.limit, args.batch_size, args.interleaved),
                         indent=2))
        return 0
    if args.side:
        print(json.dumps(run_side(args.side, args.data, args.limit, args.batch_size)))
        return 0
    results: dict[str, list[dict]] = {"spacy": [], "eventcoder": []}
    for _ in range(args.rounds):
        for side in ("spacy", "eventcoder"):
            proc = subprocess.run(
                [sys.executable, __file__, "--side", side, "--data", str(args.data),
                 "--limit", str(args.limit), "--batch-size", str(args.batch_size)],
                check=True, capture_output=True, text=True,
            )
            results[side].append(json.loads(proc.stdout.strip().splitlines()[-1]))
    ratios = [s["process_s"] / e["process_s"]
              for s, e in zip(results["spacy"], results["eventcoder"], strict=True)]
    cpu_ratios = [s["process_cpu_s"] / e["process_cpu_s"]
                  for s, e in zip(results["spacy"], results["eventcoder"], strict=True)]
    summary = {
        "articles": args.limit,
        "spacy_articles_per_s": statistics.median(r["articles_per_s"] for r in results["spacy"]),
        "eventcoder_articles_per_s": statistics.median(
            r["articles_per_s"] for r in results["eventcoder"]),
        "ratio_spacy_time_over_eventcoder_time": round(statistics.median(ratios), 3),
        # CPU seconds of each process: steadier than wall time on a machine shared with other work
        "ratio_spacy_cpu_over_eventcoder_cpu": round(statistics.median(cpu_ratios), 3),
        "eventcoder_peak_rss_mib": max(r["peak_rss_mib"] for r in results["eventcoder"]),
        "spacy_peak_rss_mib": max(r["peak_rss_mib"] for r in results["spacy"]),
        "runs": results,
    }
    print(json.dumps(summary, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
