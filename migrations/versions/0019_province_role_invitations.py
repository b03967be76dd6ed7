"""Role invitations: a single-use, expiring link to a role of a unit

Revision ID: 0019_province_role_invitations
Revises: 0018_vendor_search_name
Create Date: 2026-12-06 15:00:00.000000

Only a hash of the invitation's code is stored.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import models.db

revision: str = "0019_province_role_invitations"
down_revision: str | None = "0018_vendor_search_name"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "role_invitation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code_hash", sa.String(length=64), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("unit_code", sa.String(length=16), nullable=True),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("created_at", models.db.UtcDateTime(timezone=True), nullable=False),
        sa.Column("expires_at", models.db.UtcDateTime(timezone=True), nullable=False),
        sa.Column("used_by", sa.Integer(), nullable=True),
        sa.Column("used_at", models.db.UtcDateTime(timezone=True), nullable=True),
        sa.Column("withdrawn_at", models.db.UtcDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["created_by"],
            ["app_user.id"],
            name=op.f("fk_role_invitation_created_by_app_user"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["used_by"],
            ["app_user.id"],
            name=op.f("fk_role_invitation_used_by_app_user"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_role_invitation")),
        sa.UniqueConstraint("code_hash", name=op.f("uq_role_invitation_code_hash")),
    )
    with op.batch_alter_table("role_invitation", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_role_invitation_created_by"), ["created_by"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("role_invitation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_role_invitation_created_by"))
    op.drop_table("role_invitation")
