"""The event database: schema and migrations, idempotent ingest, merged-event queries."""

from eventcoder.store.db import DEFAULT_DB, db_url, open_store, table_counts
from eventcoder.store.ingest import IngestStats, ingest_articles, ingest_paths
from eventcoder.store.query import EventFilter, query_events

__all__ = [
    "DEFAULT_DB",
    "EventFilter",
    "IngestStats",
    "db_url",
    "ingest_articles",
    "ingest_paths",
    "open_store",
    "query_events",
    "table_counts",
]
