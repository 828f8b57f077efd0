"""Writes reports to the store, one transaction per batch, merging as it goes.

A batch's articles, mentions, sources, figures, framing and merge decisions commit together,
so a killed ingest loses at most the batch in flight, and re-running redoes exactly that batch.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Connection, Engine, insert, select

from eventcoder.merge.records import UNREAL, MentionRecord, event_kind, evidence_texts
from eventcoder.model import Article, ArticleReport
from eventcoder.store.merging import merge_mention
from eventcoder.store.schema import articles, figures, framing, mentions, sources


@dataclass
class WriteStats:
    articles: int = 0
    mentions: int = 0
    events_new: int = 0
    events_joined: int = 0
    already_stored: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, other: WriteStats) -> None:
        for name in ("articles", "mentions", "events_new", "events_joined", "already_stored"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def stored_hashes(conn: Connection, shas: Sequence[str]) -> set[str]:
    if not shas:
        return set()
    rows = conn.execute(select(articles.c.sha256).where(articles.c.sha256.in_(list(shas))))
    return {r.sha256 for r in rows}


def _article_row(article: Article, report: ArticleReport, now: datetime) -> dict:
    meta = report.article
    return {
        "sha256": meta.sha256,
        "article_id": meta.id,
        "title": meta.title,
        "outlet": meta.outlet,
        "url": meta.url,
        "published": meta.published,
        "language": meta.language,
        "text": article.text,
        "warnings_json": json.dumps(report.warnings),
        "ingested_at": now,
    }


def write_batch(engine: Engine, pairs: Sequence[tuple[Article, ArticleReport]]) -> WriteStats:
    """Store and merge ``pairs`` in one transaction; articles already stored are skipped."""
    stats = WriteStats()
    now = datetime.now()
    with engine.begin() as conn:
        known = stored_hashes(conn, [r.article.sha256 for _, r in pairs])
        fresh: list[tuple[Article, ArticleReport]] = []
        for art, rep in pairs:
            if rep.article.sha256 in known:
                stats.already_stored += 1
            else:
                known.add(rep.article.sha256)
                fresh.append((art, rep))
        if not fresh:
            return stats
        ids = conn.execute(
            insert(articles).returning(articles.c.id, sort_by_parameter_order=True),
            [_article_row(a, r, now) for a, r in fresh],
        ).scalars().all()
        stats.articles = len(fresh)
        todo: list[tuple[dict, MentionRecord]] = []
        fig_rows, frame_rows = [], []
        for pk, (art, rep) in zip(ids, fresh, strict=True):
            for ev in rep.events:
                evidence = evidence_texts(ev, art.text)
                row = {
                    "article": pk,
                    "event_id": ev.id,
                    "status": ev.status if ev.modality not in UNREAL else "unreal",
                    "event_type": ev.acled.event_type if ev.acled else None,
                    "kind": event_kind(ev),
                    "country": ev.location.country if ev.location else None,
                    "date_start": ev.date.start,
                    "evidence_json": json.dumps(evidence),
                    "event_json": ev.model_dump_json(),
                }
                rec = MentionRecord(
                    article_id=rep.article.id,
                    sha256=rep.article.sha256,
                    outlet=rep.article.outlet,
                    published=rep.article.published,
                    event=ev,
                    evidence=evidence,
                )
                todo.append((row, rec))
            fig_rows += [
                {"article": pk, "kind": f.kind, "value": f.value, "scope": f.scope,
                 "figure_json": f.model_dump_json()}
                for f in rep.figures
            ]
            frame_rows += [
                {"article": pk, "kind": f.kind, "text": f.text, "refers_to": f.refers_to,
                 "framing_json": f.model_dump_json()}
                for f in rep.framing
            ]
        if fig_rows:
            conn.execute(insert(figures), fig_rows)
        if frame_rows:
            conn.execute(insert(framing), frame_rows)
        if todo:
            mention_ids = conn.execute(
                insert(mentions).returning(mentions.c.id, sort_by_parameter_order=True),
                [row for row, _ in todo],
            ).scalars().all()
            stats.mentions = len(todo)
            src_rows = [
                {"mention": mid, "name": s.name, "role": s.role, "channel": s.channel}
                for mid, (_, rec) in zip(mention_ids, todo, strict=True)
                for s in rec.event.sources
            ]
            if src_rows:
                conn.execute(insert(sources), src_rows)
            for mid, (row, rec) in zip(mention_ids, todo, strict=True):
                if row["status"] == "unreal":
                    continue
                outcome = merge_mention(conn, mid, rec)
                stats.events_new += outcome == "new"
                stats.events_joined += outcome == "joined"
    return stats
