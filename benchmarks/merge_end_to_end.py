"""Pairwise merge precision and recall, hand-coded and end to end, on both multi-outlet sets.

    .venv/bin/python benchmarks/merge_end_to_end.py [--show]

Hand-coded: the merger alone, fed the events a careful coder wrote (tests/data/multi_outlet*).
End to end: ``extract_articles`` reads the same texts, its events are merged, and each
extracted event is mapped to a gold event so the pairs can be scored:

* an extracted event maps to the gold event of the same article whose evidence sentence its
  own evidence spans (or, without evidence, its trigger) overlap most, preferring a gold event
  of the same ACLED event type when several sentences overlap; an extracted event that
  overlaps no gold sentence is spurious and every pair it is merged into is a wrong pair;
* precision: share of merged pairs (two extracted events in one merged event) whose gold
  events are the same story;
* recall: share of gold pairs (two reports of one story) for which some extracted event of
  each sits in one merged event; a gold event the extractor missed loses all its pairs.

The held-out set (multi_outlet_heldout) was written before any result on it was seen and is
not used to tune anything; the tuning set is the one the scorer was adjusted on.
"""

from __future__ import annotations

import argparse
import sys
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from eventcoder.merge import merge_reports  # noqa: E402
from eventcoder.merge.records import event_kind  # noqa: E402
from eventcoder.model import ArticleReport, Event  # noqa: E402
from eventcoder.pipeline import extract_articles  # noqa: E402
from test_merge_data import HELDOUT, SET, load_set, pairwise  # noqa: E402

Key = tuple[str, str]  # (article_id, event_id)


def _spans(ev: Event) -> list[tuple[int, int]]:
    spans = [(s.start, s.end) for s in ev.evidence]
    return spans or [(ev.trigger.start, ev.trigger.end)]


def _overlap(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def map_to_gold(
    extracted: list[ArticleReport], coded: list[ArticleReport]
) -> dict[Key, Key | None]:
    """Each extracted event's gold event (article_id, event_id), or None when spurious."""
    gold_by_article = {r.article.id: r.events for r in coded}
    out: dict[Key, Key | None] = {}
    for rep in extracted:
        golds = gold_by_article.get(rep.article.id, [])
        for ev in rep.events:
            scored = [
                (_overlap(_spans(ev), _spans(g)), event_kind(g) == event_kind(ev), g.id)
                for g in golds
            ]
            hits = [s for s in scored if s[0] > 0]
            best = max(hits, key=lambda s: (s[1], s[0])) if hits else None
            out[(rep.article.id, ev.id)] = (rep.article.id, best[2]) if best else None
    return out


def end_to_end_pr(
    clusters: list[set[Key]], mapping: dict[Key, Key | None], gold: dict[Key, str]
) -> tuple[float, float, list, list]:
    predicted = [p for c in clusters for p in combinations(sorted(c), 2)]
    wrong = [
        p for p in predicted
        if None in (mapping.get(p[0]), mapping.get(p[1]))
        or gold[mapping[p[0]]] != gold[mapping[p[1]]]  # type: ignore[index]
    ]  # fmt: skip
    covered = {
        frozenset((mapping[a], mapping[b]))
        for a, b in predicted
        if mapping.get(a) and mapping.get(b)
    }
    true = [
        frozenset(p) for p in combinations(sorted(gold), 2) if gold[p[0]] == gold[p[1]]
    ]
    missed = [sorted(p) for p in true if p not in covered]
    precision = 1 - len(wrong) / len(predicted) if predicted else 1.0
    recall = 1 - len(missed) / len(true) if true else 1.0
    return precision, recall, wrong, missed


def _clusters(merged) -> list[set[Key]]:  # noqa: ANN001
    return [{(r.article_id, r.event_id) for r in ev.reports} for ev in merged]


def measure(path: Path, show: bool = False) -> dict[str, float]:
    articles, coded, gold = load_set(path)
    texts = {a.sha256: a.text for a in articles}
    hp, hr, hw, hm = pairwise(_clusters(merge_reports(coded, texts)), gold)
    extracted = list(extract_articles(articles))
    mapping = map_to_gold(extracted, coded)
    ep, er, ew, em = end_to_end_pr(_clusters(merge_reports(extracted, texts)), mapping, gold)
    found = {g for g in mapping.values() if g}
    print(f"{path.parent.name}: {len(articles)} reports, {len(gold)} gold mentions, "
          f"{len(set(gold.values()))} stories")  # fmt: skip
    print(f"  hand-coded  precision {hp:.3f}  recall {hr:.3f}")
    print(f"  end to end  precision {ep:.3f}  recall {er:.3f}  "
          f"(extracted {len(mapping)} events, {len(found)}/{len(gold)} gold found, "
          f"{sum(v is None for v in mapping.values())} spurious)")  # fmt: skip
    if show:
        for label, items in (("hand wrong", hw), ("hand missed", hm), ("e2e wrong", ew),
                             ("e2e missed", em)):  # fmt: skip
            for item in sorted(map(sorted, items)):
                print(f"    {label}: {item}")
        for key, g in sorted(mapping.items(), key=lambda kv: kv[0]):
            print(f"    map {key} -> {g and (g, gold[g])}")
        missing = sorted(set(gold) - found)
        print(f"    gold not extracted: {missing}")
    return {"hand_p": hp, "hand_r": hr, "e2e_p": ep, "e2e_r": er}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--show", action="store_true", help="list wrong/missed pairs and mapping")
    args = ap.parse_args()
    for path in (SET, HELDOUT):
        measure(path, show=args.show)


if __name__ == "__main__":
    main()
