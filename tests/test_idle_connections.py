"""PostgreSQL: a pooled connection the server dropped while it sat idle is replaced before
use, without pinging every connection on every update."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine

import models.db
from models.db import create_engine


async def _pooled_connection_dropped_by_the_server(url: str) -> AsyncEngine:
    """An engine whose one pooled connection the server has since terminated."""
    engine = create_engine(url)
    async with engine.connect() as connection:
        pid = (await connection.execute(text("SELECT pg_backend_pid()"))).scalar_one()
    admin = create_engine(url)
    async with admin.connect() as connection:
        await connection.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
    await admin.dispose()
    return engine


@pytest.fixture
def postgres_url(database_url: str) -> str:
    if not database_url.startswith("postgresql"):
        pytest.skip("SQLite has no server to drop connections")
    return database_url


async def test_an_idle_connection_dropped_by_the_server_is_replaced(
    postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = await _pooled_connection_dropped_by_the_server(postgres_url)
    monkeypatch.setattr(models.db, "PING_AFTER_IDLE_SECONDS", 0.0)  # it has been idle long enough
    try:
        async with engine.connect() as connection:
            assert (await connection.execute(text("SELECT 1"))).scalar_one() == 1
    finally:
        await engine.dispose()


async def test_a_connection_in_steady_use_is_not_pinged(
    postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The other side of the trade: within the idle time the connection is used unchecked (a
    drop during steady use fails that one transaction, as it would mid-transaction anyway)."""
    engine = await _pooled_connection_dropped_by_the_server(postgres_url)
    monkeypatch.setattr(models.db, "PING_AFTER_IDLE_SECONDS", 3600.0)
    try:
        with pytest.raises(DBAPIError):
            async with engine.connect() as connection:
                await connection.execute(text("SELECT 1"))
    finally:
        await engine.dispose()
