"""Initial store: articles, mentions, events, sources, figures, framing.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _id() -> sa.Column:
    return sa.Column("id", sa.Integer, primary_key=True, autoincrement=True)


def upgrade() -> None:
    op.create_table(
        "articles",
        _id(),
        sa.Column("sha256", sa.String(64), nullable=False, unique=True),
        sa.Column("article_id", sa.Text, nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("outlet", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("published", sa.Date),
        sa.Column("language", sa.String(16)),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("warnings_json", sa.Text, nullable=False),
        sa.Column("ingested_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_articles_published", "articles", ["published"])
    op.create_table(
        "events",
        _id(),
        sa.Column("uid", sa.String(80), nullable=False, unique=True),
        sa.Column("event_type", sa.Text),
        sa.Column("sub_event_type", sa.Text),
        sa.Column("kind", sa.Text),
        sa.Column("country", sa.String(3)),
        sa.Column("location", sa.Text),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
        sa.Column("date_start", sa.Date),
        sa.Column("date_end", sa.Date),
        sa.Column("fatalities", sa.Integer),
        sa.Column("actors_text", sa.Text, nullable=False),
        sa.Column("sources_text", sa.Text, nullable=False),
        sa.Column("n_reports", sa.Integer, nullable=False),
        sa.Column("event_json", sa.Text, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_events_block", "events", ["kind", "date_start"])
    op.create_index("ix_events_country_date", "events", ["country", "date_start"])
    op.create_table(
        "mentions",
        _id(),
        sa.Column(
            "article",
            sa.Integer,
            sa.ForeignKey("articles.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("event_id", sa.Text, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("event_type", sa.Text),
        sa.Column("kind", sa.Text),
        sa.Column("country", sa.String(3)),
        sa.Column("date_start", sa.Date),
        sa.Column("evidence_json", sa.Text, nullable=False),
        sa.Column("event_json", sa.Text, nullable=False),
        sa.Column("canonical", sa.Integer, sa.ForeignKey("events.id", ondelete="SET NULL")),
    )
    op.create_index("ix_mentions_article", "mentions", ["article"])
    op.create_index("ix_mentions_canonical", "mentions", ["canonical"])
    op.create_table(
        "sources",
        _id(),
        sa.Column(
            "mention",
            sa.Integer,
            sa.ForeignKey("mentions.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("channel", sa.Text),
    )
    op.create_index("ix_sources_mention", "sources", ["mention"])
    for table, extra in (
        ("figures", [
            sa.Column("kind", sa.String(16), nullable=False),
            sa.Column("value", sa.Float, nullable=False),
            sa.Column("scope", sa.String(16), nullable=False),
            sa.Column("figure_json", sa.Text, nullable=False),
        ]),
        ("framing", [
            sa.Column("kind", sa.String(16), nullable=False),
            sa.Column("text", sa.Text, nullable=False),
            sa.Column("refers_to", sa.Text),
            sa.Column("framing_json", sa.Text, nullable=False),
        ]),
    ):
        op.create_table(
            table,
            _id(),
            sa.Column(
                "article",
                sa.Integer,
                sa.ForeignKey("articles.id", ondelete="CASCADE"),
                nullable=False,
            ),
            *extra,
        )
        op.create_index(f"ix_{table}_article", table, ["article"])


def downgrade() -> None:
    for table in ("framing", "figures", "sources", "mentions", "events", "articles"):
        op.drop_table(table)
