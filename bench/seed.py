"""Fast seeding of registered vendors with SQLAlchemy Core bulk inserts (executemany in batches):
a user, its Telegram identity, its consent, an idle conversation and a submitted registration."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Table, func, insert, select, text
from sqlalchemy.ext.asyncio import AsyncConnection

from models.crypto import Keyring, blind_index, install_keyring
from models.db import Base

BATCH = 5_000
NOW = datetime.now(UTC).replace(microsecond=0)
SEEDED_ID_BASE = 50_000_000
"""Telegram user id of seeded vendor ``n`` is ``SEEDED_ID_BASE + n``."""


def table(name: str) -> Table:
    import models.entities  # noqa: F401  (registers the tables)

    return Base.metadata.tables[name]


def vendor_rows(first: int, count: int) -> Iterator[dict[str, list[dict[str, Any]]]]:
    """Rows for vendors ``first`` … ``first + count - 1``, in batches, keyed by table."""
    for start in range(first, first + count, BATCH):
        numbers = range(start, min(start + BATCH, first + count))
        created = NOW - timedelta(days=30)
        yield {
            "app_user": [
                {"id": n, "language": "id", "created_at": created, "last_seen_at": created}
                for n in numbers
            ],
            "channel_identity": [
                {
                    "id": n,
                    "user_id": n,
                    "channel": "telegram",
                    "external_id": str(SEEDED_ID_BASE + n),
                    "created_at": created,
                    "last_seen_at": created,
                }
                for n in numbers
            ],
            "consent": [
                {
                    "id": n,
                    "user_id": n,
                    "notice_version": "2026-11",
                    "channel": "telegram",
                    "given_at": created,
                }
                for n in numbers
            ],
            "conversation": [
                {"user_id": n, "data": {}, "turn": 20, "offered": [], "updated_at": created}
                for n in numbers
            ],
            "vendor": [vendor(n, created) for n in numbers],
        }


def install_bench_keys() -> None:
    """NIK and NPWP are encrypted at rest: seed with the keys the bot processes will use."""
    from bench.ourbot import ENCRYPTION_KEY, INDEX_KEY

    install_keyring(Keyring.parse(ENCRYPTION_KEY.decode(), INDEX_KEY.decode()))


def vendor(n: int, created: datetime) -> dict[str, Any]:
    nik = f"3579014101{n % 1_000_000:06d}"
    return {
        "id": n,
        "user_id": n,
        "status": "submitted",
        "owner_name": f"Pemilik Usaha {n}",
        "nik": nik,
        "nik_hash": blind_index("nik", nik),
        "phone": f"+62812{n % 100_000_000:08d}",
        "business_name": f"Usaha Bench {n}",
        "nib": f"{9_120_000_000_000 + n}",
        "kbli": ["10792", "47211"],
        "npwp_skipped": True,
        "scale": "mikro",
        "scale_basis": "turnover",
        "scale_amount": 300_000_000,
        "etalase_code": "makanan-minuman",
        "kecamatan_code": "35.79.02",
        "kelurahan_code": "35.79.02.2001",
        "address": f"Jl. Raya Punten No. {n % 500}, RT 02/RW 05",
        "email": f"usaha{n}@example.com",
        "created_at": created,
        "updated_at": created,
        "submitted_at": created,
    }


async def seeded_count(connection: AsyncConnection) -> int:
    return int(await connection.scalar(select(func.count()).select_from(table("vendor"))) or 0)


async def seed_vendors(connection: AsyncConnection, first: int, count: int) -> None:
    """Inserts vendors ``first`` … (ids are explicit; sequences are moved past them)."""
    install_bench_keys()
    for batch in vendor_rows(first, count):
        for name, rows in batch.items():
            await connection.execute(insert(table(name)), rows)
    if connection.dialect.name == "postgresql":
        for name in ("app_user", "channel_identity", "consent", "vendor"):
            await connection.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                    f"(SELECT max(id) FROM {name}))"
                )
            )
