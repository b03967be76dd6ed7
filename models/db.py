"""Database plumbing: declarative base, portable column types and the engine factory."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime, MetaData, event
from sqlalchemy.engine import Dialect, make_url
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.pool import ConnectionPoolEntry
from sqlalchemy.types import TypeDecorator

from models import sqlite_inline

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class UtcDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC timestamp on every database (SQLite stores it naive)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given for a UTC column")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def utcnow() -> datetime:
    return datetime.now(UTC)


APPLICATION_NAME = "umkm-bot"
"""How the bot's PostgreSQL connections name themselves (``pg_stat_activity``):
``umkm-bot restore`` looks for them."""


def create_engine(
    url: str,
    *,
    echo: bool = False,
    read_only: bool = False,
    pool_size: int = 5,
    application_name: str | None = None,
) -> AsyncEngine:
    """Creates the async engine. On SQLite, calls run on the event loop
    (:mod:`models.sqlite_inline`), and WAL, immediate write transactions and waiting up to 30 s
    for another writer let several processes share one file without 'database is locked'
    failures. A ``read_only`` engine (reports) begins its transactions deferred: in WAL mode
    such a reader never holds the write lock, so the chats go on writing beside it. Statement
    parameters (what users typed) appear in no log and no error message. The pool keeps
    ``pool_size`` connections and opens no others: a connection opened for a peak and closed
    after costs PostgreSQL a backend's start each time, and SQLite its pragmas. PostgreSQL
    connections carry ``application_name`` (:data:`APPLICATION_NAME` by default)."""
    pool = {"pool_size": pool_size, "max_overflow": 0}
    if url.startswith("sqlite"):
        if make_url(url).database in (None, "", ":memory:"):
            pool = {}  # one connection, kept: the database lives in it
        engine = create_async_engine(
            url,
            echo=echo,
            hide_parameters=True,
            module=sqlite_inline.dbapi(),
            connect_args={"timeout": 30},
            **pool,
        )
        _configure_sqlite(engine, "BEGIN DEFERRED" if read_only else "BEGIN IMMEDIATE")
        return engine
    settings = {"application_name": application_name or APPLICATION_NAME}
    engine = create_async_engine(
        url,
        echo=echo,
        hide_parameters=True,
        connect_args={"server_settings": settings},
        **pool,
    )
    _ping_after_idle(engine)
    return engine


PING_AFTER_IDLE_SECONDS = 10.0
"""A pooled connection unused for longer is checked with a round trip before it is handed out."""


def _ping_after_idle(engine: AsyncEngine) -> None:
    """Checks a pooled connection before use only when it has been idle for a while.

    ``pool_pre_ping`` would cost a round trip on every checkout, that is on every update (about a
    tenth of an update's time on PostgreSQL). A connection in steady use does not need it; one
    that sat idle may have been dropped by a database restart or a firewall, and handing it out
    would fail the update. A failed ping raises ``DisconnectionError``: the pool discards the
    connection and opens a new one, so the caller never sees it.
    """

    @event.listens_for(engine.sync_engine, "checkin")
    def on_checkin(_dbapi_connection: Any, record: ConnectionPoolEntry) -> None:
        record.info["idle_since"] = time.monotonic()

    @event.listens_for(engine.sync_engine, "checkout")
    def on_checkout(dbapi_connection: Any, record: ConnectionPoolEntry, _proxy: Any) -> None:
        idle_since = record.info.get("idle_since")
        if idle_since is None or time.monotonic() - idle_since < PING_AFTER_IDLE_SECONDS:
            return
        try:
            engine.dialect.do_ping(dbapi_connection)
        except Exception as error:
            dropped = DisconnectionError("the idle connection was dropped")
            dropped.invalidate_pool = True  # a restart dropped its idle siblings too
            raise dropped from error


def _configure_sqlite(engine: AsyncEngine, begin: str) -> None:
    @event.listens_for(engine.sync_engine, "connect")
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # let the "begin" hook below decide
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def on_begin(connection: Any) -> None:
        connection.exec_driver_sql(begin)


def session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False)
