"""The database side of a backup: a consistent copy taken while the bot writes, its row counts
and schema revision from that same copy, and putting a copy back.

SQLite: the online backup API copies the file page by page inside one read transaction (WAL
lets the bot go on writing meanwhile). PostgreSQL: a repeatable-read transaction exports its
snapshot, counts the rows in it, and ``pg_dump -Fc --snapshot`` dumps exactly that snapshot.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.ext.asyncio import AsyncConnection

from models.db import create_engine

VERSION_TABLE = "alembic_version"


class BackupFailed(RuntimeError):
    """A database tool failed; the message is its own (no personal data: no rows are shown)."""


@dataclass(frozen=True)
class Snapshot:
    revision: str | None
    rows: dict[str, int]


def is_sqlite(database_url: str) -> bool:
    return make_url(database_url).get_backend_name() == "sqlite"


def sqlite_path(database_url: str) -> Path:
    database = make_url(database_url).database
    if not database or database == ":memory:":
        raise BackupFailed("an in-memory SQLite database has nothing to back up")
    return Path(database)


def copy_sqlite(database_url: str, target: Path) -> Snapshot:
    """A copy of the live file through SQLite's online backup API, and what it holds."""
    path = sqlite_path(database_url)
    if not path.is_file():
        raise BackupFailed(f"no database at {path}")
    # Read-write, though only read: a read-only connection to a WAL database fails when the
    # bot is stopped and its shared-memory file is gone.
    source = sqlite3.connect(path, timeout=30)
    copy = sqlite3.connect(target)
    try:
        source.backup(copy)
        return sqlite_snapshot(copy)
    finally:
        copy.close()
        source.close()


def sqlite_snapshot(connection: sqlite3.Connection) -> Snapshot:
    names = [
        name
        for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    rows = {
        name: connection.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names
    }
    revision = None
    if VERSION_TABLE in rows:
        found = connection.execute(f"SELECT version_num FROM {VERSION_TABLE}").fetchone()
        revision = found[0] if found else None
    return Snapshot(revision, dict(sorted(rows.items())))


def count_sqlite(path: Path) -> Snapshot:
    connection = sqlite3.connect(path)
    try:
        return sqlite_snapshot(connection)
    finally:
        connection.close()


def put_back_sqlite(copy: Path, database_url: str) -> None:
    """Replaces the database file with the copy (the bot is stopped); SQLite's journal files of
    the old one go with it."""
    target = sqlite_path(database_url)
    target.parent.mkdir(parents=True, exist_ok=True)
    staged = target.with_name(target.name + ".restoring")
    shutil.copyfile(copy, staged)
    for journal in ("-wal", "-shm", "-journal"):
        target.with_name(target.name + journal).unlink(missing_ok=True)
    os.replace(staged, target)


def libpq(database_url: str) -> tuple[list[str], dict[str, str]]:
    """Connection options for pg_dump and pg_restore; the password goes in the environment,
    never on a command line others can read."""
    url: URL = make_url(database_url)
    options = [f"--dbname={url.database}"]
    if url.host:
        options.append(f"--host={url.host}")
    if url.port:
        options.append(f"--port={url.port}")
    if url.username:
        options.append(f"--username={url.username}")
    env = dict(os.environ)
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    return options, env


async def run_tool(*command: str, env: dict[str, str]) -> None:
    try:
        process = await asyncio.create_subprocess_exec(
            *command, env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
        )
    except FileNotFoundError:
        raise BackupFailed(f"{command[0]} is not installed (Debian: postgresql-client)") from None
    _, errors = await process.communicate()
    if process.returncode != 0:
        raise BackupFailed(f"{command[0]} failed: {errors.decode(errors='replace').strip()}")


async def dump_postgres(database_url: str, target: Path) -> Snapshot:
    """``pg_dump -Fc`` of the snapshot whose rows are counted."""
    options, env = libpq(database_url)
    engine = create_engine(database_url)
    try:
        async with engine.connect() as connection:
            await connection.execution_options(isolation_level="REPEATABLE READ")
            async with connection.begin():
                snapshot_id = await connection.scalar(text("SELECT pg_export_snapshot()"))
                counted = await postgres_snapshot(connection)
                await run_tool(
                    "pg_dump",
                    "-Fc",
                    f"--snapshot={snapshot_id}",
                    f"--file={target}",
                    *options,
                    env=env,
                )
                return counted
    finally:
        await engine.dispose()


async def postgres_snapshot(connection: AsyncConnection) -> Snapshot:
    names = (
        await connection.scalars(
            text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
        )
    ).all()
    rows = {}
    for name in names:
        rows[name] = int(await connection.scalar(text(f'SELECT count(*) FROM "{name}"')) or 0)
    revision = None
    if VERSION_TABLE in rows:
        revision = await connection.scalar(text(f"SELECT version_num FROM {VERSION_TABLE}"))
    return Snapshot(revision, dict(sorted(rows.items())))


async def count_postgres(database_url: str) -> Snapshot:
    engine = create_engine(database_url)
    try:
        async with engine.connect() as connection:
            return await postgres_snapshot(connection)
    finally:
        await engine.dispose()


async def put_back_postgres(dump: Path, database_url: str) -> None:
    """Empties the schema (tables with their sequences, the tallies' trigger functions), then
    ``pg_restore`` in one transaction."""
    engine = create_engine(database_url)
    try:
        async with engine.begin() as connection:
            tables = (
                await connection.scalars(
                    text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
                )
            ).all()
            for name in tables:
                await connection.execute(text(f'DROP TABLE IF EXISTS "{name}" CASCADE'))
            functions = (
                await connection.scalars(
                    text(
                        "SELECT p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n "
                        "ON n.oid = p.pronamespace WHERE n.nspname = current_schema()"
                    )
                )
            ).all()
            for function in functions:
                await connection.execute(text(f"DROP FUNCTION IF EXISTS {function} CASCADE"))
    finally:
        await engine.dispose()
    options, env = libpq(database_url)
    await run_tool(
        "pg_restore",
        "--no-owner",
        "--no-privileges",
        "--single-transaction",
        "--exit-on-error",
        *options,
        str(dump),
        env=env,
    )
