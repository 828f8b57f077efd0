"""Cross-article merge inside the database: block with an indexed query, decide with ``assign``.

Runs in the caller's transaction, so an article's rows and its merge commit together: a crash
leaves either both or neither.
"""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import datetime, timedelta

from sqlalchemy import Connection, bindparam, func, insert, or_, select, update

from eventcoder.merge.canonical import build_merged
from eventcoder.merge.cluster import adopt, assign, event_uid
from eventcoder.merge.model import MergedEvent, Related
from eventcoder.merge.records import MentionRecord, event_kind
from eventcoder.merge.score import DATE_WINDOW_DAYS
from eventcoder.model import Event
from eventcoder.store.schema import articles, events, mentions

SLACK = timedelta(days=DATE_WINDOW_DAYS)


def _record(row) -> MentionRecord:  # noqa: ANN001 - a Row of mentions joined to articles
    return MentionRecord(
        article_id=row.article_id,
        sha256=row.sha256,
        outlet=row.outlet,
        published=row.published,
        event=Event.model_validate_json(row.event_json),
        evidence=json.loads(row.evidence_json),
    )


def _member_query():  # noqa: ANN202
    return select(
        mentions.c.id,
        mentions.c.canonical,
        mentions.c.event_json,
        mentions.c.evidence_json,
        articles.c.article_id,
        articles.c.sha256,
        articles.c.outlet,
        articles.c.published,
    ).join(articles, articles.c.id == mentions.c.article)


def _candidates(conn: Connection, rec: MentionRecord) -> list[tuple[int, list[MentionRecord]]]:
    days = rec.day_range()
    if days is None or rec.kind is None:
        return []
    country = rec.event.location.country if rec.event.location else None
    query = select(events.c.id).where(
        events.c.kind == rec.kind,
        events.c.date_start <= days[1] + SLACK,
        func.coalesce(events.c.date_end, events.c.date_start) >= days[0] - SLACK,
    )
    if country:
        query = query.where(or_(events.c.country == country, events.c.country.is_(None)))
    ids = [r.id for r in conn.execute(query.order_by(events.c.id))]
    if not ids:
        return []
    members: dict[int, list[MentionRecord]] = defaultdict(list)
    rows = conn.execute(
        _member_query().where(mentions.c.canonical.in_(ids)).order_by(mentions.c.id)
    )
    for row in rows:
        members[row.canonical].append(_record(row))
    return [(i, members[i]) for i in ids if members[i]]


def _event_row(merged: MergedEvent) -> dict:
    loc = merged.location
    start, end = merged.date.start, merged.date.end
    if start is None:
        days = [r.published for r in merged.reports if r.published]
        start, end = (min(days), max(days)) if days else (None, None)
    names = [a.name for a in merged.actors]
    outlets = [s.name for s in merged.sources] + [r.outlet for r in merged.reports if r.outlet]
    return {
        "event_type": merged.acled.event_type if merged.acled else None,
        "sub_event_type": merged.acled.sub_event_type if merged.acled else None,
        "kind": event_kind(merged),
        "country": loc.country if loc else None,
        "location": loc.name if loc else None,
        "lat": loc.lat if loc else None,
        "lon": loc.lon if loc else None,
        "date_start": start,
        "date_end": end or start,
        "fatalities": merged.fatalities.killed,
        "actors_text": "|" + "|".join(dict.fromkeys(names)) + "|",
        "sources_text": "|" + "|".join(dict.fromkeys(outlets)) + "|",
        "n_reports": len(merged.reports),
        "event_json": merged.model_dump_json(),
        "updated_at": datetime.now(),
    }


# Built once: statements with bound parameters compile once and hit SQLAlchemy's cache.
_SET_CANONICAL = update(mentions).where(mentions.c.id == bindparam("pk"))
_UPDATE_EVENT = update(events).where(events.c.id == bindparam("pk"))
_INSERT_EVENT = insert(events).returning(events.c.id)


def merge_mention(conn: Connection, mention_pk: int, rec: MentionRecord) -> str:
    """Attach one stored mention to its canonical event; 'joined', 'new' or 'skipped'."""
    cands = _candidates(conn, rec)
    decision = assign(rec, [members for _, members in cands])
    if decision.join is not None:
        event_pk, members = cands[decision.join]
        old = conn.execute(select(events.c.uid, events.c.event_json).where(events.c.id == event_pk))
        uid, old_json = old.one()
        related = [Related(**r) for r in json.loads(old_json).get("related", [])]
        group = [*members, rec]
        merged = build_merged(uid, group, related)
        conn.execute(_UPDATE_EVENT, {"pk": event_pk, **_event_row(merged)})
        conn.execute(_SET_CANONICAL, {"pk": mention_pk, "canonical": event_pk})
        return "joined"
    if rec.event.status != "new":
        return "skipped"  # background mentions may join an event but never found one
    related = [
        Related(event_id=event_uid(cands[i][1][0]), relation=rel)  # type: ignore[arg-type]
        for i, rel in decision.related
    ]
    uid = event_uid(rec)
    group = [rec]
    adopted = [pk for pk, orphan in _orphans(conn, rec, mention_pk) if adopt(orphan, group)]
    merged = build_merged(uid, group, related)
    event_pk = conn.execute(_INSERT_EVENT, {"uid": uid, **_event_row(merged)}).scalar_one()
    for pk in (mention_pk, *adopted):
        conn.execute(_SET_CANONICAL, {"pk": pk, "canonical": event_pk})
    return "new"


def _orphans(
    conn: Connection, rec: MentionRecord, before: int
) -> list[tuple[int, MentionRecord]]:
    """Unattached background mentions in ``rec``'s block merged before it, oldest first."""
    days = rec.day_range()
    if days is None or rec.kind is None:
        return []
    lo, hi = days[0] - SLACK - timedelta(days=1), days[1] + SLACK
    day = func.coalesce(mentions.c.date_start, articles.c.published)
    query = _member_query().where(
        mentions.c.status == "background",
        mentions.c.kind == rec.kind,
        mentions.c.canonical.is_(None),
        mentions.c.id < before,
        or_(mentions.c.date_start.between(lo, hi), mentions.c.date_start.is_(None)),
        day.between(lo, hi),
    )
    return [(row.id, _record(row)) for row in conn.execute(query.order_by(mentions.c.id))]
