"""SQLite calls run on the event loop, yet waiting for another writer never blocks it."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from models import sqlite_inline
from models.db import create_engine


async def _make_table(engine: AsyncEngine) -> None:
    async with engine.begin() as connection:
        await connection.execute(text("CREATE TABLE counter (id INTEGER PRIMARY KEY, n INTEGER)"))
        await connection.execute(text("INSERT INTO counter VALUES (1, 0)"))


async def _ticks_while(work: asyncio.Task[object]) -> int:
    """How often a 5 ms ticker ran on the loop until ``work`` finished."""
    ticks = 0
    while not work.done():
        await asyncio.sleep(0.005)
        ticks += 1
    return ticks


async def test_a_writer_waiting_for_the_lock_leaves_the_loop_running(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'db.sqlite3'}"
    holder, waiter = create_engine(url), create_engine(url)
    await _make_table(holder)
    locked = asyncio.Event()

    async def hold_the_lock() -> None:
        async with holder.begin() as connection:  # BEGIN IMMEDIATE: the write lock
            await connection.execute(text("UPDATE counter SET n = n + 1"))
            locked.set()
            await asyncio.sleep(0.3)  # e.g. a photo download inside the transaction

    async def write_after_it() -> int:
        await locked.wait()
        async with waiter.begin() as connection:
            await connection.execute(text("UPDATE counter SET n = n + 10"))
            return int((await connection.execute(text("SELECT n FROM counter"))).scalar_one())

    try:
        first = asyncio.create_task(hold_the_lock())
        second = asyncio.create_task(write_after_it())
        ticks = await _ticks_while(second)
        await first
        assert await second == 11  # it waited for the first commit, then saw it
        assert ticks >= 20  # ~0.3 s of 5 ms ticks: the loop was never held
    finally:
        await holder.dispose()
        await waiter.dispose()


async def test_waiting_ends_with_an_error_after_the_timeout(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'db.sqlite3'}"
    holder = create_engine(url)
    impatient = create_async_engine(
        url, module=sqlite_inline.dbapi(), connect_args={"timeout": 0.1}
    )
    await _make_table(holder)
    try:
        async with holder.begin() as connection:  # BEGIN IMMEDIATE: the write lock
            await connection.execute(text("UPDATE counter SET n = n + 1"))
            with pytest.raises(OperationalError, match="database is locked"):
                async with impatient.connect() as other:
                    await other.exec_driver_sql("BEGIN IMMEDIATE")
    finally:
        await holder.dispose()
        await impatient.dispose()


async def test_rows_stream_in_batches(tmp_path: Path) -> None:
    """Server-side cursors (the export's ``yield_per``) read through the same connection."""
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'db.sqlite3'}")
    try:
        async with engine.begin() as connection:
            await connection.execute(text("CREATE TABLE item (id INTEGER PRIMARY KEY)"))
            await connection.execute(
                text("INSERT INTO item (id) VALUES (:id)"), [{"id": n} for n in range(1, 251)]
            )
            result = await connection.stream(text("SELECT id FROM item ORDER BY id"))
            batches = [len(batch) async for batch in result.partitions(100)]
        assert batches == [100, 100, 50]
    finally:
        await engine.dispose()
