"""Updates received and not yet applied, for their order across processes

Revision ID: 0015_update_arrival
Revises: 0014_bureau_units
Create Date: 2026-12-02 19:00:00.000000

With several processes, an update waits until the updates of its chat that arrived before it
have been applied. The rows are hints that live for seconds: on PostgreSQL the table is
UNLOGGED (not written to the WAL, emptied after a crash, which only loses those hints).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from models.db import UtcDateTime

revision: str = "0015_update_arrival"
down_revision: str | None = "0014_bureau_units"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    unlogged = ["UNLOGGED"] if op.get_bind().dialect.name == "postgresql" else []
    op.create_table(
        "update_arrival",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("chat", sa.String(length=64), nullable=False),
        sa.Column("arrived_at", UtcDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_update_arrival")),
        prefixes=unlogged,
    )
    op.create_index("ix_update_arrival_chat", "update_arrival", ["channel", "chat", "id"])


def downgrade() -> None:
    op.drop_index("ix_update_arrival_chat", table_name="update_arrival")
    op.drop_table("update_arrival")
