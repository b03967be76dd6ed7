"""Whether a bot process is serving a database, so that ``umkm-bot restore`` does not replace
the data under it.

On PostgreSQL the bot's connections carry the ``application_name`` ``umkm-bot``
(:func:`models.db.create_engine`), and ``pg_stat_activity`` lists them. On SQLite every bot
process holds a shared lock on a file beside the database (``<database>.serving``) while it
runs; the system releases it when the process ends, however it ends.
"""

from __future__ import annotations

import asyncio
import fcntl
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import make_url

from models.db import APPLICATION_NAME, create_engine

LOCK_SUFFIX = ".serving"
RESTORING = "umkm-bot-restore"
"""The restore's own connection, which is not a bot's."""
OTHER_BOT_CONNECTIONS = text(
    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
    "AND application_name = :name AND pid <> pg_backend_pid()"
)


def lock_file(database_url: str) -> Path | None:
    """The lock file of a SQLite database file; None for PostgreSQL or an in-memory one."""
    url = make_url(database_url)
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(f"{url.database}{LOCK_SUFFIX}")


@contextmanager
def serving(database_url: str) -> Iterator[None]:
    """Marks the database as served by this process for as long as the block runs."""
    path = lock_file(database_url)
    if path is None:
        yield
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a") as held:
        fcntl.flock(held, fcntl.LOCK_SH)
        yield


def bots_serving(database_url: str) -> int:
    """How many bot processes (SQLite: at least one, counted as 1) or connections (PostgreSQL)
    are using the database now."""
    path = lock_file(database_url)
    if path is not None:
        return int(_locked(path))
    if make_url(database_url).get_backend_name() == "sqlite":
        return 0
    return asyncio.run(_bot_connections(database_url))


def _locked(path: Path) -> bool:
    if not path.exists():
        return False
    with path.open("r") as probe:  # a lock needs no write access
        try:
            fcntl.flock(probe, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(probe, fcntl.LOCK_UN)
    return False


async def _bot_connections(database_url: str) -> int:
    engine = create_engine(database_url, application_name=RESTORING)
    try:
        async with engine.connect() as connection:
            found = await connection.scalar(OTHER_BOT_CONNECTIONS, {"name": APPLICATION_NAME})
    finally:
        await engine.dispose()
    return int(found or 0)
