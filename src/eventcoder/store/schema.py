"""The database schema (SQLAlchemy Core), shared by SQLite and PostgreSQL.

Articles are keyed by the sha256 of their text, which is what makes ingest idempotent. Each
article event becomes a ``mentions`` row; the merge step points mentions at one canonical
``events`` row. JSON documents are stored as text so both backends read them the same way;
the columns beside them exist only to filter and block on.
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

articles = Table(
    "articles",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("sha256", String(64), nullable=False, unique=True),
    Column("article_id", Text, nullable=False),
    Column("title", Text),
    Column("outlet", Text),
    Column("url", Text),
    Column("published", Date),
    Column("language", String(16)),
    Column("text", Text, nullable=False),
    Column("warnings_json", Text, nullable=False, default="[]"),
    Column("ingested_at", DateTime, nullable=False),
)
Index("ix_articles_published", articles.c.published)

events = Table(
    "events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("uid", String(80), nullable=False, unique=True),
    Column("event_type", Text),
    Column("sub_event_type", Text),
    Column("kind", Text),
    Column("country", String(3)),
    Column("location", Text),
    Column("lat", Float),
    Column("lon", Float),
    Column("date_start", Date),
    Column("date_end", Date),
    Column("fatalities", Integer),
    Column("actors_text", Text, nullable=False, default=""),
    Column("sources_text", Text, nullable=False, default=""),
    Column("n_reports", Integer, nullable=False, default=0),
    Column("event_json", Text, nullable=False),
    Column("updated_at", DateTime, nullable=False),
)
Index("ix_events_block", events.c.kind, events.c.date_start)
Index("ix_events_country_date", events.c.country, events.c.date_start)

mentions = Table(
    "mentions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article", Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("event_id", Text, nullable=False),
    Column("status", String(16), nullable=False),
    Column("event_type", Text),
    Column("kind", Text),
    Column("country", String(3)),
    Column("date_start", Date),
    Column("evidence_json", Text, nullable=False, default="[]"),
    Column("event_json", Text, nullable=False),
    Column("canonical", Integer, ForeignKey("events.id", ondelete="SET NULL")),
)
Index("ix_mentions_article", mentions.c.article)
Index("ix_mentions_canonical", mentions.c.canonical)
# Background mentions read before their event's first new report wait here to be adopted.
Index("ix_mentions_orphans", mentions.c.status, mentions.c.kind, mentions.c.date_start)

sources = Table(
    "sources",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("mention", Integer, ForeignKey("mentions.id", ondelete="CASCADE"), nullable=False),
    Column("name", Text, nullable=False),
    Column("role", String(16), nullable=False),
    Column("channel", Text),
)
Index("ix_sources_mention", sources.c.mention)

figures = Table(
    "figures",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article", Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("value", Float, nullable=False),
    Column("scope", String(16), nullable=False),
    Column("figure_json", Text, nullable=False),
)
Index("ix_figures_article", figures.c.article)

framing = Table(
    "framing",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article", Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("text", Text, nullable=False),
    Column("refers_to", Text),
    Column("framing_json", Text, nullable=False),
)
Index("ix_framing_article", framing.c.article)

TABLES = ("articles", "mentions", "events", "sources", "figures", "framing")
