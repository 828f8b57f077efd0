"""Index for background mentions waiting for their event (status, kind, date).

Revision ID: 0002
Revises: 0001
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_mentions_orphans", "mentions", ["status", "kind", "date_start"])


def downgrade() -> None:
    op.drop_index("ix_mentions_orphans", table_name="mentions")
