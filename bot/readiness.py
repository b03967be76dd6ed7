"""``GET /readyz``: whether this host should get webhooks, for a load balancer or Docker.

``/healthz`` only says the process answers. ``/readyz`` answers 503 while the database cannot
be reached or its schema is not the one this code's migrations end at (not migrated yet, or
migrated by a newer release during a rolling upgrade), so the proxy sends the updates to a
host that can store them. It costs one pooled connection and two small queries, so it can be
polled every few seconds.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from sqlalchemy.ext.asyncio import AsyncEngine
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from bot.migrate import schema_state

READY_TIMEOUT_SECONDS = 3.0
"""Longer than a healthy database ever takes; a proxy's check gives up soon after."""


def readiness(database: AsyncEngine) -> Callable[[Request], Awaitable[Response]]:
    async def readyz(_: Request) -> Response:
        """200 ``ready`` or 503 with the reason in a few words."""
        try:
            async with asyncio.timeout(READY_TIMEOUT_SECONDS), database.connect() as connection:
                state = await schema_state(connection)
        except Exception:  # unreachable, refused, timed out: not ready, whatever the cause
            return PlainTextResponse("database unreachable", status_code=503)
        if not state.current:
            return PlainTextResponse("schema not current", status_code=503)
        return PlainTextResponse("ready")

    return readyz
