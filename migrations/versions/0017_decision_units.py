"""Each status change records the unit of its item

Revision ID: 0017_decision_units
Revises: 0016_status_tallies
Create Date: 2026-12-03 15:00:00.000000

A unit's median review time took its latest decisions by looking up every item of the unit
(thousands in a large kota). ``status_change.regency_code`` holds the item's kabupaten/kota
when its status changed, and partial indexes on decisions give the latest ones, of one unit or
of all, directly.
Existing rows take their item's current kabupaten/kota.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0017_decision_units"
down_revision: str | None = "0016_status_tallies"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

DECIDED = "from_status = 'submitted' AND to_status IN ('approved', 'needs_fix', 'rejected')"


def upgrade() -> None:
    op.add_column("status_change", sa.Column("regency_code", sa.String(length=16), nullable=True))
    for subject_type, table in (("vendor", "vendor"), ("product", "product")):
        op.execute(
            f"UPDATE status_change SET regency_code = (SELECT {table}.regency_code FROM {table} "
            f"WHERE {table}.id = status_change.subject_id) WHERE subject_type = '{subject_type}'"
        )
    op.create_index(
        "ix_status_change_decisions",
        "status_change",
        ["subject_type", "id"],
        postgresql_where=sa.text(DECIDED),
        sqlite_where=sa.text(DECIDED),
    )
    op.create_index(
        "ix_status_change_unit_decisions",
        "status_change",
        ["subject_type", "regency_code", "id"],
        postgresql_where=sa.text(DECIDED),
        sqlite_where=sa.text(DECIDED),
    )


def downgrade() -> None:
    op.drop_index("ix_status_change_unit_decisions", table_name="status_change")
    op.drop_index("ix_status_change_decisions", table_name="status_change")
    with op.batch_alter_table("status_change") as batch_op:
        batch_op.drop_column("regency_code")
