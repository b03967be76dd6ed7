"""The vendor's names in lower case, for the name search

Revision ID: 0018_vendor_search_name
Revises: 0017_decision_units
Create Date: 2026-12-03 15:30:00.000000

The search scans every vendor of the scope for trigrams of the query. Lowering and joining the
two names for each row took half of a province's search on PostgreSQL; ``search_name`` is that
text, kept by the database (a generated column). It is stored on PostgreSQL. SQLite cannot add
a stored column to an existing table: there it is computed when read, and the search matches
the names themselves instead (SQLite's ``LIKE`` ignores case).
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0018_vendor_search_name"
down_revision: str | None = "0017_decision_units"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SEARCH_NAME = "lower(coalesce(business_name, '') || ' ' || coalesce(owner_name, ''))"


def upgrade() -> None:
    kept = "STORED" if op.get_bind().dialect.name == "postgresql" else "VIRTUAL"
    op.execute(f"ALTER TABLE vendor ADD COLUMN search_name TEXT GENERATED ALWAYS AS ({SEARCH_NAME}) {kept}")


def downgrade() -> None:
    op.execute("ALTER TABLE vendor DROP COLUMN search_name")
