"""A fresh, migrated database for one benchmark run, removed afterwards.

SQLite gets a file in a temporary folder; PostgreSQL gets its own database, dropped and created
again. Migrations run through ``bot.migrate.upgrade``, which must be called outside an event loop,
so :func:`fresh_database` is a plain (synchronous) context manager.
"""

from __future__ import annotations

import asyncio
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import asyncpg  # type: ignore[import-untyped]

from bot.migrate import upgrade

DEFAULT_POSTGRES = "postgresql://postgres@127.0.0.1:5432/test"
"""Any database on the server, used only to drop and create the benchmark's own database."""


@dataclass(frozen=True, slots=True)
class BenchDatabase:
    url: str
    """SQLAlchemy URL of the migrated database."""
    workdir: Path
    """A temporary folder for the run (SQLite file, media, pickles), removed afterwards."""
    kind: str


@contextmanager
def fresh_database(
    kind: str, name: str, admin_url: str = DEFAULT_POSTGRES
) -> Iterator[BenchDatabase]:
    """Yields a migrated, empty database of ``kind`` (``sqlite`` or ``postgres``)."""
    workdir = Path(tempfile.mkdtemp(prefix=f"{name}-"))
    try:
        if kind == "sqlite":
            url = f"sqlite+aiosqlite:///{workdir / 'bench.sqlite3'}"
        elif kind == "postgres":
            asyncio.run(_recreate(admin_url, name))
            base = admin_url.rsplit("/", 1)[0].replace("postgresql://", "postgresql+asyncpg://")
            url = f"{base}/{name}"
        else:
            raise ValueError(f"unknown database kind {kind!r}")
        upgrade(url)
        yield BenchDatabase(url, workdir, kind)
    finally:
        if kind == "postgres":
            asyncio.run(_drop(admin_url, name))
        shutil.rmtree(workdir, ignore_errors=True)


async def _recreate(admin_url: str, name: str) -> None:
    connection = await asyncpg.connect(admin_url)
    try:
        await connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await connection.execute(f'CREATE DATABASE "{name}"')
    finally:
        await connection.close()


async def _drop(admin_url: str, name: str) -> None:
    connection = await asyncpg.connect(admin_url)
    try:
        await connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await connection.close()
