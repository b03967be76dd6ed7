"""Consent records say whether the agreement was typed or pressed; fields still to fix

Revision ID: 0013_typed_consent
Revises: 0012_whatsapp_media
Create Date: 2026-12-02 18:00:00.000000

A vendor may agree to the privacy notice by typing ("setuju", "saya setuju") instead of pressing
the button; the proof of consent keeps which it was. Earlier records were all pressed.

Registrations and products sent back for fixes keep the asked fields the vendor has not changed
yet (``fix_pending``), so submitting is refused until each was edited.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013_typed_consent"
down_revision: str | None = "0012_whatsapp_media"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("consent", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("typed", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
    for table in ("vendor", "product"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(
                sa.Column("fix_pending", sa.JSON(), server_default="[]", nullable=False)
            )


def downgrade() -> None:
    for table in ("product", "vendor"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("fix_pending")
    with op.batch_alter_table("consent", schema=None) as batch_op:
        batch_op.drop_column("typed")
