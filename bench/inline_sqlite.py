"""What-if helper: an aiosqlite look-alike that runs sqlite3 calls inline on the event loop
instead of handing each one to a worker thread.

SQLAlchemy's aiosqlite dialect is kept as is (greenlets, ``await_``); only the driver's
thread hand-off (one queue put, one thread wake-up and one ``call_soon_threadsafe`` per cursor
call) is removed, which measures what that hand-off costs. SQLite calls on a local file take
microseconds, so running them inline blocks the loop far less than the hand-off costs.
"""

from __future__ import annotations

import asyncio
import sqlite3
import types
from collections.abc import Callable
from typing import Any

from sqlalchemy.dialects.sqlite.aiosqlite import AsyncAdapt_aiosqlite_dbapi


class Cursor:
    def __init__(self, cursor: sqlite3.Cursor) -> None:
        self._cursor = cursor

    async def __aenter__(self) -> Cursor:
        return self

    async def __aexit__(self, *_exc: object) -> None:
        self._cursor.close()

    async def execute(self, sql: str, parameters: Any = ()) -> Cursor:
        self._cursor.execute(sql, parameters)
        return self

    async def executemany(self, sql: str, parameters: Any) -> Cursor:
        self._cursor.executemany(sql, parameters)
        return self

    async def fetchall(self) -> list[Any]:
        return self._cursor.fetchall()

    async def fetchone(self) -> Any:
        return self._cursor.fetchone()

    async def fetchmany(self, size: int | None = None) -> list[Any]:
        return self._cursor.fetchmany(size or self._cursor.arraysize)

    async def close(self) -> None:
        self._cursor.close()

    @property
    def description(self) -> Any:
        return self._cursor.description

    @property
    def rowcount(self) -> int:
        return self._cursor.rowcount

    @property
    def lastrowid(self) -> int | None:
        return self._cursor.lastrowid

    @property
    def arraysize(self) -> int:
        return self._cursor.arraysize

    @arraysize.setter
    def arraysize(self, value: int) -> None:
        self._cursor.arraysize = value


class InlineQueue:
    """Stands in for aiosqlite's queue to its thread (SQLAlchemy uses it directly)."""

    def put_nowait(self, item: tuple[asyncio.Future[Any] | None, Callable[[], Any]]) -> None:
        future, function = item
        try:
            result = function()
        except BaseException as error:
            if future is not None:
                future.set_exception(error)
            return
        if future is not None:
            future.set_result(result)


class Connection:
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.pop("loop", None)
        kwargs["check_same_thread"] = False
        self._conn = sqlite3.connect(*args, **kwargs)
        self._connection: sqlite3.Connection | None = self._conn
        self._tx = InlineQueue()
        self._running = True
        self._thread = types.SimpleNamespace(daemon=True)  # SQLAlchemy marks it a daemon

    def __await__(self) -> Any:
        return self._self().__await__()

    async def _self(self) -> Connection:
        return self

    def cursor(self) -> Cursor:
        return Cursor(self._conn.cursor())

    async def execute(self, sql: str, parameters: Any = ()) -> Cursor:
        return await self.cursor().execute(sql, parameters)

    async def commit(self) -> None:
        self._conn.commit()

    async def rollback(self) -> None:
        self._conn.rollback()

    async def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def stop(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    async def create_function(self, *args: Any, **kwargs: Any) -> None:
        self._conn.create_function(*args, **kwargs)

    @property
    def isolation_level(self) -> str | None:
        return self._conn.isolation_level

    @isolation_level.setter
    def isolation_level(self, value: str | None) -> None:
        self._conn.isolation_level = value


def _module() -> types.ModuleType:
    module = types.ModuleType("inline_aiosqlite")
    for name in (
        "DatabaseError",
        "Error",
        "IntegrityError",
        "NotSupportedError",
        "OperationalError",
        "ProgrammingError",
        "sqlite_version",
        "sqlite_version_info",
    ):
        setattr(module, name, getattr(sqlite3, name))
    module.Connection = Connection  # type: ignore[attr-defined]
    module.connect = Connection  # type: ignore[attr-defined]
    module.__version__ = "0.22.1"  # type: ignore[attr-defined]
    return module


def dbapi() -> AsyncAdapt_aiosqlite_dbapi:
    """The ``module=`` argument for ``create_async_engine`` on a ``sqlite+aiosqlite`` URL."""
    return AsyncAdapt_aiosqlite_dbapi(_module(), sqlite3)
