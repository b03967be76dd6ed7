"""sensitive data: NIK and NPWP encrypted at rest with a blind index, audit of reveals

Existing plain numbers are encrypted and indexed with the keys from the settings
(DATA_ENCRYPTION_KEYS, BLIND_INDEX_KEY); without keys the migration stops, but only when there
is something to encrypt. The downgrade decrypts them again.

Revision ID: 0005_sensitive
Revises: 0004
Create Date: 2026-11-24 04:00:00.000000
"""

from collections.abc import Callable, Sequence

import sqlalchemy as sa
from alembic import op

import models.db
from models.crypto import Keyring, KeysMissing


revision: str = '0005_sensitive'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NUMBERS = ('nik', 'npwp')
vendor = sa.table(
    'vendor',
    sa.column('id', sa.Integer),
    *(sa.column(name, sa.String) for name in NUMBERS),
    *(sa.column(f'{name}_hash', sa.String) for name in NUMBERS),
)


def upgrade() -> None:
    with op.batch_alter_table('vendor', schema=None) as batch_op:
        batch_op.drop_index('ix_vendor_nik')
        for name in NUMBERS:
            batch_op.alter_column(name, existing_type=sa.String(length=16), type_=sa.String(length=255))
            batch_op.add_column(sa.Column(f'{name}_hash', sa.String(length=64), nullable=True))
            batch_op.create_index(batch_op.f(f'ix_vendor_{name}_hash'), [f'{name}_hash'], unique=False)

    _convert('encrypt', lambda keyring, name, value: {
        name: keyring.encrypt(value), f'{name}_hash': keyring.blind_index(name, value)
    })

    op.create_table('data_reveal',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('vendor_id', sa.Integer(), nullable=True),
    sa.Column('field', sa.String(length=16), nullable=False),
    sa.Column('actor_user_id', sa.Integer(), nullable=True),
    sa.Column('revealed_at', models.db.UtcDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['actor_user_id'], ['app_user.id'], name=op.f('fk_data_reveal_actor_user_id_app_user'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['vendor_id'], ['vendor.id'], name=op.f('fk_data_reveal_vendor_id_vendor'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_data_reveal'))
    )
    with op.batch_alter_table('data_reveal', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_data_reveal_vendor_id'), ['vendor_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('data_reveal', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_data_reveal_vendor_id'))
    op.drop_table('data_reveal')

    _convert('decrypt', lambda keyring, name, value: {name: keyring.decrypt(value)})

    with op.batch_alter_table('vendor', schema=None) as batch_op:
        for name in NUMBERS:
            batch_op.drop_index(batch_op.f(f'ix_vendor_{name}_hash'))
            batch_op.drop_column(f'{name}_hash')
            batch_op.alter_column(name, existing_type=sa.String(length=255), type_=sa.String(length=16))
        batch_op.create_index('ix_vendor_nik', ['nik'], unique=False)


Change = Callable[[Keyring, str, str], dict[str, str]]


def _convert(what: str, change: Change) -> None:
    """Applies ``change`` to every stored number, asking for the keys only if there is one."""
    connection = op.get_bind()
    numbers = sa.or_(*(vendor.c[name].is_not(None) for name in NUMBERS))
    rows = connection.execute(sa.select(vendor.c.id, *(vendor.c[n] for n in NUMBERS)).where(numbers)).all()
    if not rows:
        return
    keyring = _keyring(what, len(rows))
    for row in rows:
        values: dict[str, str] = {}
        for name in NUMBERS:
            if (value := getattr(row, name)) is not None:
                values |= change(keyring, name, value)
        connection.execute(sa.update(vendor).where(vendor.c.id == row.id).values(**values))


def _keyring(what: str, count: int) -> Keyring:
    from bot.settings import Settings

    try:
        return Settings().keyring()
    except KeysMissing as error:
        raise KeysMissing(
            f'Migration 0005_sensitive must {what} the NIK/NPWP of {count} registration(s) '
            f'and needs the keys for it: {error}'
        ) from None
