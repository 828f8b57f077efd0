"""Pairwise merge precision and recall on the multi-outlet set (tests/data/multi_outlet).

    .venv/bin/python benchmarks/ingest_merge.py

Merges the hand-coded reports (what a perfect extractor would give), so this measures the
merger alone; wrong and missed pairs are listed.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from eventcoder.merge import merge_reports  # noqa: E402
from test_merge_data import load_set, pairwise  # noqa: E402


def main() -> None:
    articles, reports, gold = load_set()
    merged = merge_reports(reports, {a.sha256: a.text for a in articles})
    clusters = [{(r.article_id, r.event_id) for r in e.reports} for e in merged]
    precision, recall, wrong, missed = pairwise(clusters, gold)
    stories = len(set(gold.values()))
    print(f"reports: {len(articles)}  event mentions: {len(gold)}  gold stories: {stories}")
    print(f"merged events: {len(merged)}  precision {precision:.3f}  recall {recall:.3f}")
    for pair in sorted(map(sorted, wrong)):
        print("  wrongly merged:", pair)
    for pair in sorted(map(sorted, missed)):
        print("  missed:", pair)


if __name__ == "__main__":
    main()
