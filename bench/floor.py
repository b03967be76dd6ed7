"""The floor of one update's database work on each stack the bot could use.

    python -m bench.floor --db sqlite
    python -m bench.floor --db postgres

One "minimal update" is what any design must do at least: open a transaction, load the
conversation row, write it back, commit. It is timed with the ORM and with Core, on the async
engine the bot uses, and (SQLite) with aiosqlite's thread hand-off removed and on a plain
synchronous engine. The bot itself does about 13 statements per update (see bench.profile).
"""

from __future__ import annotations

import argparse
import asyncio
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any

from sqlalchemy import Table, select, update
from sqlalchemy import create_engine as create_sync_engine
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine
from sqlalchemy.orm import sessionmaker

from bench.database import DEFAULT_POSTGRES, fresh_database
from bench.stats import machine
from models.db import _configure_sqlite, create_engine
from models.entities import Conversation, User

ROUNDS = 2_000
TABLE: Table = Conversation.__table__  # type: ignore[assignment]


async def setup(engine: AsyncEngine) -> int:
    sessions = async_sessionmaker(engine, expire_on_commit=False)
    async with sessions() as session:
        user = User(language="id")
        session.add(user)
        await session.flush()
        offered = [["menu.register", "Daftar"]] * 6
        session.add(
            Conversation(
                user_id=user.id,
                data={"status": "waiting"},
                offered=offered,
                turn=1,
                updated_at=datetime.now(UTC),
            )
        )
        await session.commit()
        return user.id


async def timed_async(function: Callable[[], Awaitable[Any]]) -> float:
    for _ in range(100):
        await function()
    started = time.perf_counter()
    for _ in range(ROUNDS):
        await function()
    return (time.perf_counter() - started) / ROUNDS * 1e6


def timed_sync(function: Callable[[], Any]) -> float:
    for _ in range(100):
        function()
    started = time.perf_counter()
    for _ in range(ROUNDS):
        function()
    return (time.perf_counter() - started) / ROUNDS * 1e6


async def async_variants(engine: AsyncEngine, user_id: int) -> tuple[float, float]:
    sessions = async_sessionmaker(engine, expire_on_commit=False)

    async def orm() -> None:
        async with sessions() as session:
            query = select(Conversation).where(Conversation.user_id == user_id).with_for_update()
            conversation = (await session.execute(query)).scalar_one()
            conversation.turn += 1
            conversation.updated_at = datetime.now(UTC)
            await session.commit()

    async def core() -> None:
        async with engine.begin() as connection:
            query = select(TABLE.c.turn).where(TABLE.c.user_id == user_id)
            turn = (await connection.execute(query)).scalar_one()
            values = {"turn": turn + 1, "updated_at": datetime.now(UTC)}
            await connection.execute(update(TABLE).where(TABLE.c.user_id == user_id), values)

    return await timed_async(orm), await timed_async(core)


def sync_variants(url: str, user_id: int) -> tuple[float, float]:
    engine = create_sync_engine(url.replace("+aiosqlite", ""))
    _configure_sqlite(SimpleNamespace(sync_engine=engine), "BEGIN IMMEDIATE")  # type: ignore[arg-type]  # same pragmas
    sessions = sessionmaker(engine, expire_on_commit=False)

    def orm() -> None:
        with sessions() as session:
            query = select(Conversation).where(Conversation.user_id == user_id)
            conversation = session.execute(query).scalar_one()
            conversation.turn += 1
            conversation.updated_at = datetime.now(UTC)
            session.commit()

    def core() -> None:
        with engine.begin() as connection:
            query = select(TABLE.c.turn).where(TABLE.c.user_id == user_id)
            turn = connection.execute(query).scalar_one()
            values = {"turn": turn + 1, "updated_at": datetime.now(UTC)}
            connection.execute(update(TABLE).where(TABLE.c.user_id == user_id), values)

    result = timed_sync(orm), timed_sync(core)
    engine.dispose()
    return result


async def async_rows(url: str) -> tuple[list[tuple[str, float, float]], int]:
    engine = create_engine(url)
    user_id = await setup(engine)
    rows = [("async engine as the bot builds it", *await async_variants(engine, user_id))]
    await engine.dispose()
    if url.startswith("sqlite"):
        threaded = create_async_engine(url, connect_args={"timeout": 30})  # aiosqlite itself
        _configure_sqlite(threaded, "BEGIN IMMEDIATE")
        rows.append(
            ("async, on aiosqlite's worker thread", *await async_variants(threaded, user_id))
        )
        await threaded.dispose()
    else:
        pinging = create_async_engine(url, pool_pre_ping=True)
        rows.append(("async, pinging at every checkout", *await async_variants(pinging, user_id)))
        await pinging.dispose()
    return rows, user_id


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.floor", description=__doc__)
    parser.add_argument("--db", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--postgres-url", default=DEFAULT_POSTGRES)
    args = parser.parse_args(argv)
    started_on = machine()
    with fresh_database(args.db, "umkm_bench_floor", args.postgres_url) as db:
        rows, user_id = asyncio.run(async_rows(db.url))
        if args.db == "sqlite":
            sync = sync_variants(db.url, user_id)
            rows.append(("synchronous engine (pysqlite), same pragmas", *sync))
    print(f"Minimal update (BEGIN, SELECT conversation, UPDATE it, COMMIT), database {args.db}")
    print(started_on)
    print(f"  {'stack':<48} {'ORM µs':>8} {'Core µs':>8}")
    for name, orm, core in rows:
        print(f"  {name:<48} {orm:>8.0f} {core:>8.0f}")


if __name__ == "__main__":
    main()
