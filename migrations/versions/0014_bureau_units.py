"""Bureau units: each vendor and product belongs to a kabupaten/kota, roles are given per unit

Revision ID: 0014_bureau_units
Revises: 0013_typed_consent
Create Date: 2026-12-02 18:00:00.000000

``vendor.regency_code`` is filled from each vendor's kecamatan (its code without the last group:
35.79.03 -> 35.79) and ``product.regency_code`` from its vendor, so existing registrations keep
their kecamatan and desa and belong to the one unit of a single-kota deployment. Existing roles
get no unit: they hold for the whole deployment, as before.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014_bureau_units"
down_revision: str | None = "0013_typed_consent"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("vendor", schema=None) as batch_op:
        batch_op.add_column(sa.Column("regency_code", sa.String(length=16), nullable=True))
        batch_op.create_index(
            "ix_vendor_unit_queue", ["regency_code", "status", "submitted_at"], unique=False
        )
        batch_op.create_index(
            "ix_vendor_unit_places",
            ["regency_code", "status", "etalase_code", "kecamatan_code", "submitted_at"],
            unique=False,
        )
    with op.batch_alter_table("product", schema=None) as batch_op:
        batch_op.add_column(sa.Column("regency_code", sa.String(length=16), nullable=True))
        batch_op.create_index(
            "ix_product_unit_queue", ["regency_code", "status", "submitted_at"], unique=False
        )
        batch_op.create_index(
            "ix_product_unit_etalase", ["regency_code", "etalase_code", "status"], unique=False
        )
    with op.batch_alter_table("role_grant", schema=None) as batch_op:
        batch_op.add_column(sa.Column("unit_code", sa.String(length=16), nullable=True))
    _fill_regency_codes()


def _fill_regency_codes() -> None:
    connection = op.get_bind()
    vendor = sa.table(
        "vendor", sa.column("regency_code", sa.String), sa.column("kecamatan_code", sa.String)
    )
    codes = connection.execute(
        sa.select(vendor.c.kecamatan_code).where(vendor.c.kecamatan_code.is_not(None)).distinct()
    ).scalars()
    for kecamatan in list(codes):
        connection.execute(
            vendor.update()
            .where(vendor.c.kecamatan_code == kecamatan)
            .values(regency_code=kecamatan.rsplit(".", 1)[0])
        )
    connection.execute(
        sa.text(
            "UPDATE product SET regency_code ="
            " (SELECT vendor.regency_code FROM vendor WHERE vendor.id = product.vendor_id)"
        )
    )


def downgrade() -> None:
    with op.batch_alter_table("role_grant", schema=None) as batch_op:
        batch_op.drop_column("unit_code")
    with op.batch_alter_table("product", schema=None) as batch_op:
        batch_op.drop_index("ix_product_unit_etalase")
        batch_op.drop_index("ix_product_unit_queue")
        batch_op.drop_column("regency_code")
    with op.batch_alter_table("vendor", schema=None) as batch_op:
        batch_op.drop_index("ix_vendor_unit_places")
        batch_op.drop_index("ix_vendor_unit_queue")
        batch_op.drop_column("regency_code")
