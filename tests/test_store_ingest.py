"""End-to-end ingest through the real pipeline: idempotent, resumable, safe against kill -9."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from eventcoder.store import ingest_paths, open_store, table_counts
from eventcoder.store.schema import articles, events, mentions
from test_merge_data import load_set
from test_store import db  # noqa: F401 - the two-backend fixture


def write_corpus(path: Path, copies: int) -> Path:
    """JSONL of the multi-outlet texts, each copy made distinct by a closing line."""
    source, _, _ = load_set()
    with path.open("w") as fh:
        for i in range(copies):
            for art in source:
                record = {
                    "id": f"{art.id}-{i}",
                    "text": f"{art.text} Bulletin number {i} ends here.",
                    "published": art.published.isoformat(),
                    "outlet": art.outlet,
                }
                fh.write(json.dumps(record) + "\n")
    return path


def snapshot(db_path: str) -> tuple[dict, set, set]:
    """Counts, stored article hashes, and each event's set of reports."""
    engine = open_store(db_path)
    with engine.connect() as conn:
        shas = {r.sha256 for r in conn.execute(select(articles.c.sha256))}
        groups: dict[int, set] = {}
        rows = conn.execute(
            select(mentions.c.canonical, articles.c.article_id, mentions.c.event_id)
            .join(articles, articles.c.id == mentions.c.article)
            .where(mentions.c.canonical.is_not(None))
        )
        for row in rows:
            groups.setdefault(row.canonical, set()).add((row.article_id, row.event_id))
        uids = {r.uid for r in conn.execute(select(events.c.uid))}
    counts = table_counts(engine)
    engine.dispose()
    return counts, shas, {frozenset(g) for g in groups.values()} | {frozenset(uids)}


def test_ingesting_twice_stores_each_article_once(db, tmp_path):  # noqa: F811
    corpus = write_corpus(tmp_path / "corpus.jsonl", 2)
    first = ingest_paths([corpus], db, progress=False)
    assert first.articles == 58 and first.mentions > 0 and first.events_new > 0
    before = snapshot(db)
    again = ingest_paths([corpus], db, progress=False)
    assert again.articles == 0 and again.already_stored == 58
    assert snapshot(db) == before


def test_a_killed_ingest_resumes_without_losing_or_doubling_anything(db, tmp_path):  # noqa: F811
    corpus = write_corpus(tmp_path / "corpus.jsonl", 40)  # 1,160 articles
    reference = str(tmp_path / "reference.sqlite") if "://" not in db else None
    command = [sys.executable, "-c",
               "import sys; from eventcoder.store import ingest_paths; "
               "ingest_paths([sys.argv[1]], sys.argv[2], commit_every=8, progress=False)",
               str(corpus), db]  # fmt: skip
    proc = subprocess.Popen(command, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    engine = open_store(db)
    try:
        stored = 0
        while proc.poll() is None and stored < 100:
            time.sleep(0.05)
            stored = table_counts(engine)["articles"]
        assert proc.poll() is None, "ingest finished before it could be killed"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        partial = table_counts(engine)["articles"]
        assert 0 < partial < 1160
    finally:
        engine.dispose()
    resumed = ingest_paths([corpus], db, progress=False)
    assert resumed.already_stored == partial and resumed.articles == 1160 - partial
    ingest_paths([corpus], reference or str(tmp_path / "reference.sqlite"), progress=False)
    assert snapshot(db) == snapshot(reference or str(tmp_path / "reference.sqlite"))


@pytest.mark.parametrize("copies", [1])
def test_bad_inputs_are_reported_and_the_rest_is_stored(tmp_path, copies):
    corpus = write_corpus(tmp_path / "corpus.jsonl", copies)
    missing = tmp_path / "nowhere.txt"
    seen = []
    stats = ingest_paths(
        [missing, corpus], str(tmp_path / "x.sqlite"), progress=False, on_error=seen.append
    )
    assert [e.path for e in seen] == [str(missing)]
    assert stats.articles == 29 and len(stats.input_errors) == 1
