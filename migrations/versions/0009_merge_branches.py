"""Merge the branches of sensitive data, data rights, outbox retries and mentoring

Revision ID: 0009
Revises: 0005_sensitive, 0006_data_rights, 0007_outbox, 0008_mentoring
Create Date: 2026-11-24 04:54:53.160044
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import models.db


revision: str = '0009'
down_revision: str | None = ('0005_sensitive', '0006_data_rights', '0007_outbox', '0008_mentoring')
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
