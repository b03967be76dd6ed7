"""Covering indexes for the statistics

Revision ID: 0010_statistics_indexes
Revises: 0009
Create Date: 2026-11-24 06:00:00.000000

The statistics count registrations by status and place, drafts by the step their chat waits at,
and products by etalase and status; these indexes let each count read an index instead of the
table. ``ix_vendor_status_user`` replaces ``ix_vendor_status`` and ``ix_product_etalase_status``
replaces ``ix_product_etalase_code``: each begins with the column the old one held, so lookups on
that column keep their index. The vendor table gains one index, the product table none.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0010_statistics_indexes"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("vendor", schema=None) as batch_op:
        batch_op.create_index("ix_vendor_status_user", ["status", "user_id"], unique=False)
        batch_op.create_index(
            "ix_vendor_places",
            ["status", "etalase_code", "kecamatan_code", "submitted_at"],
            unique=False,
        )
        batch_op.drop_index("ix_vendor_status")
    with op.batch_alter_table("product", schema=None) as batch_op:
        batch_op.create_index(
            "ix_product_etalase_status", ["etalase_code", "status"], unique=False
        )
        batch_op.drop_index("ix_product_etalase_code")


def downgrade() -> None:
    with op.batch_alter_table("product", schema=None) as batch_op:
        batch_op.create_index("ix_product_etalase_code", ["etalase_code"], unique=False)
        batch_op.drop_index("ix_product_etalase_status")
    with op.batch_alter_table("vendor", schema=None) as batch_op:
        batch_op.create_index("ix_vendor_status", ["status"], unique=False)
        batch_op.drop_index("ix_vendor_places")
        batch_op.drop_index("ix_vendor_status_user")
