"""Applies the Alembic migrations, so the schema is current before the bot starts, and tells
how the database's schema compares with the code's.

Hosts that start together may all migrate: on PostgreSQL the migration's transaction first
takes an advisory lock (``migrations/env.py``), so one applies them and the others then find
nothing left to do. A schema newer than the code knows (a newer release migrated it) is
refused, never touched.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncConnection

from models.db import create_engine

ROOT = Path(__file__).resolve().parent.parent

MIGRATION_LOCK_KEY = 0x756D6B6D_6D696772
"""The PostgreSQL advisory lock ("umkmmigr") every migration run holds while it migrates."""


VERSION_TABLE = "alembic_version"


class SchemaTooNew(RuntimeError):
    """The database was migrated by a newer release than this one."""


@dataclass(frozen=True)
class SchemaState:
    """The revisions the database is at, and those the code's migrations end at."""

    database: frozenset[str]
    code: frozenset[str]
    known: frozenset[str]
    """Every revision the code's migrations define."""

    @property
    def current(self) -> bool:
        return self.database == self.code

    @property
    def ahead(self) -> bool:
        """The database holds a revision this code does not know."""
        return not self.database <= self.known

    @property
    def behind(self) -> bool:
        return not self.current and not self.ahead

    def describe(self) -> str:
        """Plain words for an operator, naming the command or step that fixes it."""
        at, needs = _names(self.database) or "no schema", _names(self.code)
        if self.ahead:
            return (
                f"the database schema ({at}) is newer than this version of umkm-bot knows "
                f"(its newest is {needs}): a newer release migrated it. Install that release "
                "again, or restore the backup taken before the upgrade (README: rolling back)"
            )
        if self.behind:
            return (
                f"the database schema is behind ({at}, the code needs {needs}): "
                "run `umkm-bot migrate`"
            )
        return f"the database schema is current ({at})"


def _names(revisions: frozenset[str]) -> str:
    return ", ".join(sorted(revisions))


def alembic_config(database_url: str) -> Config:
    config = Config(str(ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(ROOT / "migrations"))
    config.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))
    config.attributes["configure_logger"] = False
    return config


@cache
def _scripts() -> ScriptDirectory:
    config = Config()
    config.set_main_option("script_location", str(ROOT / "migrations"))
    return ScriptDirectory.from_config(config)


def code_heads() -> frozenset[str]:
    """The revisions the code's migrations end at."""
    return frozenset(_scripts().get_heads())


def known_revisions() -> frozenset[str]:
    return frozenset(script.revision for script in _scripts().walk_revisions())


def database_revisions(connection: Connection) -> frozenset[str]:
    """The revisions stamped in the database; none for an empty one. (Alembic's
    ``MigrationContext`` would log a line each time, and ``/readyz`` is polled.)"""
    if not inspect(connection).has_table(VERSION_TABLE):
        return frozenset()
    return frozenset(connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalars())


async def schema_state(connection: AsyncConnection) -> SchemaState:
    database = await connection.run_sync(database_revisions)
    return SchemaState(database, code_heads(), known_revisions())


async def read_schema_state(database_url: str) -> SchemaState:
    engine = create_engine(database_url)
    try:
        async with engine.connect() as connection:
            return await schema_state(connection)
    finally:
        await engine.dispose()


def upgrade(database_url: str) -> None:
    """Brings the database to the newest schema; must run outside an event loop. Raises
    :class:`SchemaTooNew` on a schema a newer release migrated."""
    state = asyncio.run(read_schema_state(database_url))
    if state.ahead:
        raise SchemaTooNew(state.describe())
    command.upgrade(alembic_config(database_url), "heads")
