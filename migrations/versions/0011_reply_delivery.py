"""Delivery of the last replies, and the last answer, on the conversation

Revision ID: 0011_reply_delivery
Revises: 0010_statistics_indexes
Create Date: 2026-12-02 18:00:00.000000

``delivered_turn`` tells whether the replies of the conversation's last turn were confirmed as
delivered; existing conversations count as delivered. ``last_answer`` is a digest of the last
answer, to recognise it when it is sent again because the question after it never arrived.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011_reply_delivery"
down_revision: str | None = "0010_statistics_indexes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("conversation", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("delivered_turn", sa.Integer(), server_default="0", nullable=False)
        )
        batch_op.add_column(sa.Column("last_answer", sa.String(length=16), nullable=True))
    op.execute("UPDATE conversation SET delivered_turn = turn")


def downgrade() -> None:
    with op.batch_alter_table("conversation", schema=None) as batch_op:
        batch_op.drop_column("last_answer")
        batch_op.drop_column("delivered_turn")
