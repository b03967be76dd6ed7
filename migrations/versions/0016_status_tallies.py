"""Counts for the statistics kept by triggers

Revision ID: 0016_status_tallies
Revises: 0015_update_arrival
Create Date: 2026-12-03 14:00:00.000000

Counting a province's registrations and products by status, etalase and place read every row
(a million products: over a tenth of a second). ``vendor_tally`` (by kabupaten/kota, status
and etalase), ``vendor_place_tally`` (by kecamatan) and ``product_tally`` hold changes to those
counts instead: each insert, delete or change of a counted column adds +1/-1
rows, written by triggers, so no path that changes a row (flows, review, erasure, cascades,
bulk loads) can forget it. Rows are only ever added, so concurrent transactions never wait for
each other on a counter; the sweep folds them into one row per key
(``TallyRepository.compact``). The existing rows are counted once here.

The indexes that served those counts go. On SQLite, a later migration that rebuilds ``vendor``
or ``product`` (a batch "move and copy") drops their triggers and must create them again.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0016_status_tallies"
down_revision: str | None = "0015_update_arrival"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None



def upgrade() -> None:
    op.create_table(
        "vendor_tally",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("regency_code", sa.String(length=16), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("etalase_code", sa.String(length=64), nullable=True),
        sa.Column("registrations", sa.Integer(), nullable=False),
        sa.Column("submitted", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vendor_tally")),
    )
    op.create_table(
        "vendor_place_tally",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("regency_code", sa.String(length=16), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("kecamatan_code", sa.String(length=32), nullable=True),
        sa.Column("registrations", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vendor_place_tally")),
    )
    op.create_table(
        "product_tally",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("regency_code", sa.String(length=16), nullable=True),
        sa.Column("etalase_code", sa.String(length=64), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("products", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_product_tally")),
    )
    postgresql = op.get_bind().dialect.name == "postgresql"
    for tally in TALLIES:
        tally.count_existing()
        if postgresql:
            tally.create_postgresql_triggers()
        else:
            tally.create_sqlite_triggers()
    op.drop_index("ix_vendor_places", table_name="vendor")
    op.drop_index("ix_vendor_unit_places", table_name="vendor")
    op.drop_index("ix_product_unit_etalase", table_name="product")


def downgrade() -> None:
    op.create_index(
        "ix_product_unit_etalase", "product", ["regency_code", "etalase_code", "status"]
    )
    op.create_index(
        "ix_vendor_unit_places",
        "vendor",
        ["regency_code", "status", "etalase_code", "kecamatan_code", "submitted_at"],
    )
    op.create_index(
        "ix_vendor_places", "vendor", ["status", "etalase_code", "kecamatan_code", "submitted_at"]
    )
    postgresql = op.get_bind().dialect.name == "postgresql"
    for tally in TALLIES:
        if postgresql:
            op.execute(f"DROP TRIGGER {tally.name}_change ON {tally.table}")
            op.execute(f"DROP TRIGGER {tally.name}_update ON {tally.table}")
            op.execute(f"DROP FUNCTION {tally.name}()")
        else:
            for event in EVENTS:
                op.execute(f"DROP TRIGGER {tally.name}_{event}")
        op.drop_table(tally.name)


EVENTS = ("insert", "delete", "update")


class Tally:
    """The triggers adding each change of ``table`` to the tally ``name``, keyed by ``key``;
    ``counts`` gives each count column's value for a row (``{row}`` stands for NEW or OLD)."""

    def __init__(
        self,
        table: str,
        name: str,
        key: Sequence[str],
        counts: dict[str, str],
        changed_also: str | None = None,
    ) -> None:
        self.table = table
        self.name = name
        self.key = key
        self.counts = counts
        changed = [f"{{old}}.{column} IS DISTINCT FROM {{new}}.{column}" for column in key]
        self._changed = " OR ".join([*changed, *([changed_also] if changed_also else [])])
        self._columns = ", ".join([*key, *counts])

    def count_existing(self) -> None:
        sums = ", ".join(f"SUM({value.format(row=self.table)})" for value in self.counts.values())
        key = ", ".join(self.key)
        op.execute(
            f"INSERT INTO {self.name} ({self._columns}) "
            f"SELECT {key}, {sums} FROM {self.table} GROUP BY {key}"
        )

    def _insert(self, row: str, sign: str) -> str:
        key = [f"{row}.{column}" for column in self.key]
        counts = [f"{sign}({value.format(row=row)})" for value in self.counts.values()]
        return f"INSERT INTO {self.name} ({self._columns}) VALUES ({', '.join(key + counts)});"

    def create_postgresql_triggers(self) -> None:
        """One function for every event; an UPDATE runs it only when a counted value changed
        (the WHEN is checked without calling it)."""
        op.execute(
            f"""
            CREATE FUNCTION {self.name}() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP <> 'INSERT' THEN {self._insert("OLD", "-")} END IF;
                IF TG_OP <> 'DELETE' THEN {self._insert("NEW", "+")} END IF;
                RETURN NULL;
            END $$
            """
        )
        op.execute(
            f"CREATE TRIGGER {self.name}_change AFTER INSERT OR DELETE ON {self.table} "
            f"FOR EACH ROW EXECUTE FUNCTION {self.name}()"
        )
        changed = self._changed.format(old="OLD", new="NEW")
        op.execute(
            f"CREATE TRIGGER {self.name}_update AFTER UPDATE ON {self.table} "
            f"FOR EACH ROW WHEN ({changed}) EXECUTE FUNCTION {self.name}()"
        )

    def create_sqlite_triggers(self) -> None:
        changed = self._changed.format(old="OLD", new="NEW").replace("IS DISTINCT FROM", "IS NOT")
        statements = {
            "insert": ("", self._insert("NEW", "+")),
            "delete": ("", self._insert("OLD", "-")),
            "update": (f" WHEN {changed}", self._insert("OLD", "-") + self._insert("NEW", "+")),
        }
        for event in EVENTS:
            when, body = statements[event]
            op.execute(
                f"CREATE TRIGGER {self.name}_{event} AFTER {event.upper()} ON {self.table}"
                f"{when} BEGIN {body} END"
            )


SUBMITTED = "CASE WHEN {row}.submitted_at IS NULL THEN 0 ELSE 1 END"
TALLIES = (
    Tally(
        "vendor",
        "vendor_tally",
        ("regency_code", "status", "etalase_code"),
        {"registrations": "1", "submitted": SUBMITTED},
        changed_also="({old}.submitted_at IS NULL) <> ({new}.submitted_at IS NULL)",
    ),
    Tally(
        "vendor",
        "vendor_place_tally",
        ("regency_code", "status", "kecamatan_code"),
        {"registrations": "1"},
    ),
    Tally(
        "product",
        "product_tally",
        ("regency_code", "etalase_code", "status"),
        {"products": "1"},
    ),
)
