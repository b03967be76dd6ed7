"""Maintenance of stored data: ``umkm-bot rotate-keys`` re-encrypts identity numbers.

Rotating a key: put the new key first in ``DATA_ENCRYPTION_KEYS`` and keep the old ones after
it (the bot reads both meanwhile), run ``rotate-keys``, then remove the old keys. A new
``BLIND_INDEX_KEY`` is applied the same way, since every blind index is recomputed too (until
then, duplicates among older registrations are not found).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnClause, TableClause, column, or_, select, table, update
from sqlalchemy.ext.asyncio import AsyncConnection

import models.entities  # noqa: F401  (registers the tables on the metadata)
from bot.settings import Settings
from models.crypto import EncryptedString, Keyring
from models.db import Base, create_engine

BATCH = 500
"""Rows re-encrypted per transaction, so the bot keeps working during a long rotation."""


def encrypted_tables() -> list[tuple[TableClause, list[str]]]:
    """Every table with encrypted columns, as a plain view (values as stored, not decrypted)."""
    found = []
    for model_table in Base.metadata.sorted_tables:
        names = [c.name for c in model_table.columns if isinstance(c.type, EncryptedString)]
        if names:
            hashes = [f"{name}_hash" for name in names if f"{name}_hash" in model_table.c]
            columns: list[ColumnClause[Any]] = [column(n) for n in ("id", *names, *hashes)]
            found.append((table(model_table.name, *columns), names))
    return found


async def rotate_keys(settings: Settings) -> int:
    """Re-encrypts every stored number with the first key and recomputes its blind index;
    returns how many numbers were rewritten. Safe to run again after an interruption."""
    keyring = settings.keyring()
    engine = create_engine(settings.database_url)
    rewritten = 0
    try:
        for raw, names in encrypted_tables():
            last_id: int | None = 0
            while last_id is not None:
                async with engine.begin() as connection:
                    last_id, count = await _rotate_batch(connection, keyring, raw, names, last_id)
                rewritten += count
    finally:
        await engine.dispose()
    return rewritten


async def _rotate_batch(
    connection: AsyncConnection, keyring: Keyring, raw: TableClause, names: list[str], after: int
) -> tuple[int | None, int]:
    """Rewrites the next rows after id ``after``; returns the last id (None at the end) and how
    many numbers it rewrote."""
    stored: list[ColumnClause[Any]] = [raw.c[name] for name in names]
    query = (
        select(raw.c.id, *stored)
        .where(raw.c.id > after, or_(*(value.is_not(None) for value in stored)))
        .order_by(raw.c.id)
        .limit(BATCH)
        .with_for_update()
    )
    rows = (await connection.execute(query)).all()
    count = 0
    for row in rows:
        values: dict[str, str] = {}
        for name in names:
            if (token := row._mapping[name]) is not None:
                plain = keyring.decrypt(token)
                values[name] = keyring.encrypt(plain)
                if f"{name}_hash" in raw.c:
                    values[f"{name}_hash"] = keyring.blind_index(name, plain)
                count += 1
        await connection.execute(update(raw).where(raw.c.id == row.id).values(**values))
    return (rows[-1].id if rows else None), count
