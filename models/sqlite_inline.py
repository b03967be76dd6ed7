"""SQLite on the event loop: a stand-in for aiosqlite that runs each sqlite3 call inline.

aiosqlite hands every call to a worker thread and wakes the event loop when it is done; for a
local SQLite file the hand-off costs far more than the call (the conversation benchmark spent a
third of the event loop's time handing work over and waiting for it, while the thread itself
was 98 % idle). Here SQLAlchemy's ``sqlite+aiosqlite`` dialect is kept as it is, and this
module takes aiosqlite's place (``create_async_engine(..., module=dbapi())``): its coroutines
do the sqlite3 call directly and return.

The one place where SQLite may wait for long is another connection's write lock. That wait
never blocks the loop here: connections have no busy timeout, and a statement refused with
``SQLITE_BUSY`` is retried after an ``asyncio.sleep`` until the connection's ``timeout`` has
passed, so every other task (the lock holder included) keeps running meanwhile. What remains
is that a long query (a large export, statistics over a big table), opening a connection, and
the commit that crosses SQLite's automatic WAL checkpoint (every 1,000 pages, with an fsync)
hold the loop for their own duration; deployments with many concurrent users use PostgreSQL.
"""

from __future__ import annotations

import asyncio
import sqlite3
import sys
import time
from collections.abc import AsyncIterator, Callable, Iterable
from sqlite3 import (
    DatabaseError,
    Error,
    IntegrityError,
    NotSupportedError,
    OperationalError,
    ProgrammingError,
    sqlite_version,
    sqlite_version_info,
)
from typing import Any, TypeVar

from sqlalchemy.dialects.sqlite.aiosqlite import AsyncAdapt_aiosqlite_dbapi

__all__ = [  # with the names SQLAlchemy's aiosqlite dialect reads from a driver module
    "Connection",
    "DatabaseError",
    "Error",
    "IntegrityError",
    "NotSupportedError",
    "OperationalError",
    "ProgrammingError",
    "connect",
    "dbapi",
    "sqlite_version",
    "sqlite_version_info",
]

__version__ = "0.22.1"
"""The aiosqlite version whose interface this module follows."""

DEFAULT_TIMEOUT = 30.0
FIRST_PAUSE, LONGEST_PAUSE = 0.001, 0.05

T = TypeVar("T")


def _is_busy(error: sqlite3.OperationalError) -> bool:
    """SQLITE_BUSY and its extended codes, except BUSY_SNAPSHOT (retrying cannot help it)."""
    code: int | None = getattr(error, "sqlite_errorcode", None)
    if code is None:
        return "database is locked" in str(error)
    return code & 0xFF == sqlite3.SQLITE_BUSY and code != sqlite3.SQLITE_BUSY_SNAPSHOT


async def _retry_busy(call: Callable[[], T], patience: float) -> T:
    """Runs ``call``; while the database is locked by another connection, sleeps and retries."""
    try:
        return call()
    except sqlite3.OperationalError as error:
        if not _is_busy(error):
            raise
    deadline = time.monotonic() + patience
    pause = FIRST_PAUSE
    while True:
        await asyncio.sleep(pause)
        try:
            return call()
        except sqlite3.OperationalError as error:
            if not _is_busy(error) or time.monotonic() >= deadline:
                raise
        pause = min(pause * 2, LONGEST_PAUSE)


class Cursor:
    """aiosqlite's cursor interface over a sqlite3 cursor."""

    def __init__(self, cursor: sqlite3.Cursor, timeout: float) -> None:
        self._cursor = cursor
        self._timeout = timeout

    async def __aenter__(self) -> Cursor:
        return self

    async def __aexit__(self, *_exc: object) -> None:
        self._cursor.close()

    def __aiter__(self) -> AsyncIterator[Any]:
        return self._rows()

    async def _rows(self) -> AsyncIterator[Any]:
        while (row := self._cursor.fetchone()) is not None:
            yield row

    async def execute(self, sql: str, parameters: Any = ()) -> Cursor:
        await _retry_busy(lambda: self._cursor.execute(sql, parameters), self._timeout)
        return self

    async def executemany(self, sql: str, parameters: Iterable[Any]) -> Cursor:
        """Not retried: rows applied before a refusal would be applied twice. Inside the
        engine's ``BEGIN IMMEDIATE`` transactions a refusal cannot happen here."""
        self._cursor.executemany(sql, parameters)
        return self

    async def fetchone(self) -> Any:
        return self._cursor.fetchone()

    async def fetchmany(self, size: int | None = None) -> list[Any]:
        return self._cursor.fetchmany(size or self._cursor.arraysize)

    async def fetchall(self) -> list[Any]:
        return self._cursor.fetchall()

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


class _Calls:
    """Takes the place of aiosqlite's queue to its thread, which SQLAlchemy's dialect uses
    directly to set the isolation level: the call runs at once and settles its future."""

    def put_nowait(self, item: tuple[asyncio.Future[Any] | None, Callable[[], Any]]) -> None:
        future, call = item
        try:
            result = call()
        except Exception as error:
            if future is not None:
                future.set_exception(error)
            return
        if future is not None:
            future.set_result(result)


class _NoThread:
    """SQLAlchemy marks aiosqlite's worker thread a daemon; there is no thread here."""

    daemon = True


class Connection:
    """aiosqlite's connection interface over a sqlite3 connection used on the event loop."""

    def __init__(self, database: Any, *, timeout: float = DEFAULT_TIMEOUT, **kwargs: Any) -> None:
        kwargs.pop("loop", None)
        kwargs["check_same_thread"] = False  # the loop's thread may differ between runs
        self._timeout = timeout
        self._conn = sqlite3.connect(database, timeout=0, **kwargs)
        self._connection: sqlite3.Connection | None = self._conn
        self._tx = _Calls()
        self._thread = _NoThread()

    def __await__(self) -> Any:
        return self._opened().__await__()

    async def _opened(self) -> Connection:
        return self

    def cursor(self) -> Cursor:
        return Cursor(self._conn.cursor(), self._timeout)

    async def execute(self, sql: str, parameters: Any = ()) -> Cursor:
        return await self.cursor().execute(sql, parameters)

    async def commit(self) -> None:
        await _retry_busy(self._conn.commit, self._timeout)

    async def rollback(self) -> None:
        self._conn.rollback()

    async def close(self) -> None:
        self.stop()

    def stop(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    async def create_function(self, *args: Any, **kwargs: Any) -> None:
        self._conn.create_function(*args, **kwargs)

    @property
    def isolation_level(self) -> str | None:
        level: str | None = self._conn.isolation_level
        return level

    @isolation_level.setter
    def isolation_level(self, value: str | None) -> None:
        self._conn.isolation_level = value


def connect(database: Any, **kwargs: Any) -> Connection:
    return Connection(database, **kwargs)


def dbapi() -> AsyncAdapt_aiosqlite_dbapi:
    """The ``module=`` argument of ``create_async_engine`` for a ``sqlite+aiosqlite`` URL."""
    return AsyncAdapt_aiosqlite_dbapi(sys.modules[__name__], sqlite3)
