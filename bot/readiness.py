"""``GET /readyz``: whether this host should get webhooks, for a load balancer or Docker.

``/healthz`` only says the process answers. ``/readyz`` answers 503 while the database cannot
be reached or its schema is not the one this code's migrations end at (not migrated yet, or
migrated by a newer release during a rolling upgrade), so the proxy sends the updates to a
host that can store them. It costs a connection of its own and two small queries, so it can be
polled every few seconds.
"""

from __future__ import annotations

import asyncio

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from bot.migrate import schema_state
from models.db import create_engine

READY_TIMEOUT_SECONDS = 3.0
"""Longer than a healthy database ever takes; a proxy's check gives up soon after."""


class Readiness:
    """The ``/readyz`` endpoint, on a connection pool of its own: webhooks holding every
    connection of the bot's pool under load must not make the host look down. On SQLite its
    transactions are deferred, so it never waits for a writer."""

    def __init__(self, database_url: str) -> None:
        self._database = create_engine(database_url, read_only=True)

    async def readyz(self, _: Request) -> Response:
        """200 ``ready`` or 503 with the reason in a few words."""
        try:
            async with (
                asyncio.timeout(READY_TIMEOUT_SECONDS),
                self._database.connect() as connection,
            ):
                state = await schema_state(connection)
        except Exception:  # unreachable, refused, timed out: not ready, whatever the cause
            return PlainTextResponse("database unreachable", status_code=503)
        if not state.current:
            return PlainTextResponse("schema not current", status_code=503)
        return PlainTextResponse("ready")

    async def close(self) -> None:
        await self._database.dispose()
