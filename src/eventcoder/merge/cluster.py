"""Greedy incremental clustering: each report joins the best-matching event or starts one.

The same ``assign`` decides in memory (tests, ``merge_reports``) and in the store, where the
candidate events come from a blocking query instead of a list.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from eventcoder.merge.canonical import build_merged
from eventcoder.merge.model import MergedEvent, Related
from eventcoder.merge.records import MentionRecord, records_from_report
from eventcoder.merge.score import score_pair
from eventcoder.model import ArticleReport

FOLLOW_UP_DAYS = 7


@dataclass(slots=True)
class Decision:
    join: int | None  # index of the candidate cluster joined, or None for a new event
    related: list[tuple[int, str]] = field(default_factory=list)  # (candidate, relation)


def assign(rec: MentionRecord, candidates: Sequence[Sequence[MentionRecord]]) -> Decision:
    """Join the candidate cluster with the best single-link pair score, if any pair matches."""
    best, best_score = None, 0.0
    related: list[tuple[int, str]] = []
    for i, members in enumerate(candidates):
        if any(m.sha256 == rec.sha256 for m in members):
            continue  # one article never reports the same event twice
        scores = [score_pair(rec, m) for m in members]
        matches = [s for s in scores if s.match]
        if matches:
            top = max(s.score + s.text for s in matches)
            if best is None or top > best_score:
                best, best_score = i, top
        elif _follows(rec, members, scores):
            related.append((i, _relation(rec, members)))
    if best is not None:
        return Decision(join=best)
    return Decision(join=None, related=related)


def _follows(rec: MentionRecord, members: Sequence[MentionRecord], scores: list) -> bool:
    """A later event at the same place between the same sides: linked, not merged."""
    for m, s in zip(members, scores, strict=True):
        if s.place is None or s.place < 0.6 or s.days_apart is None:
            continue
        later = (rec.day_range() or (None, None))[0] > (m.day_range() or (None, None))[1]
        if later and s.days_apart <= FOLLOW_UP_DAYS and _shares_actor(rec, m):
            return True
    return False


def _shares_actor(a: MentionRecord, b: MentionRecord) -> bool:
    na = {x.name for x in a.event.actors}
    return bool(na & {x.name for x in b.event.actors})


def _relation(rec: MentionRecord, members: Sequence[MentionRecord]) -> str:
    return "updates" if any(m.kind == rec.kind for m in members) else "follows_up"


def event_uid(rec: MentionRecord) -> str:
    """Stable id of the canonical event a report founds: same corpus order, same ids."""
    return f"ev-{rec.sha256[:16]}-{rec.event.id}"


def cluster_records(
    records: Iterable[MentionRecord],
) -> tuple[list[list[MentionRecord]], dict[int, list[Related]]]:
    """Clusters of records, each one real-world event, and each cluster's related events.

    No blocking index: every cluster is a candidate, which is right for small sets only.
    Background mentions may join an event but never found one; one read before the event's
    first new report waits as an orphan and is offered to each event founded after it.
    """
    related: dict[int, list[Related]] = {}
    clusters: list[list[MentionRecord]] = []
    orphans: list[MentionRecord] = []
    for rec in records:
        decision = assign(rec, clusters)
        if decision.join is not None:
            clusters[decision.join].append(rec)
        elif rec.event.status == "new":
            related[len(clusters)] = [
                Related(event_id=event_uid(clusters[i][0]), relation=rel)  # type: ignore[arg-type]
                for i, rel in decision.related
            ]
            cluster = [rec]
            orphans = [o for o in orphans if not adopt(o, cluster)]
            clusters.append(cluster)
        else:
            orphans.append(rec)
    return clusters, related


def adopt(orphan: MentionRecord, cluster: list[MentionRecord]) -> bool:
    """Add a waiting background mention to a newly founded ``cluster`` if it matches."""
    if assign(orphan, [cluster]).join is None:
        return False
    cluster.append(orphan)
    return True


def merge_reports(
    reports: Iterable[ArticleReport], texts: dict[str, str] | None = None
) -> list[MergedEvent]:
    """Cross-article merge of many reports in memory; ``texts`` maps sha256 to article text."""
    texts = texts or {}
    records = [
        r for rep in reports for r in records_from_report(rep, texts.get(rep.article.sha256))
    ]
    clusters, related = cluster_records(records)
    return [
        build_merged(event_uid(c[0]), c, related.get(i, [])) for i, c in enumerate(clusters)
    ]
