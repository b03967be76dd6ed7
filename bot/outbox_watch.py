"""Delivers a message queued by any process within moments of its commit.

A reviewer deciding on Telegram (``run``) queues the notice of a vendor who chats on WhatsApp
(``serve``): the process that queued it has no WhatsApp delivery, so another process must
notice the row. On PostgreSQL a trigger (migration ``0012``) notifies the ``outbox_message``
channel whenever a message becomes pending, delivered at commit, and every process listens on
one connection of its own. SQLite has no notifications: each process asks every
:data:`POLL_SECONDS` whether a message is due, one row read through the status index. Either
way the wake-up only starts a delivery round; the outbox's claim still sends each message once.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from bot.wiring import Services

log = logging.getLogger(__name__)

NOTIFY_CHANNEL = "outbox_message"
POLL_SECONDS = 1.0
RECONNECT_SECONDS = 5.0
"""The wait before listening again after the listening connection was lost."""


class OutboxWatcher:
    def __init__(self, services: Services, poll_seconds: float = POLL_SECONDS) -> None:
        self._services = services
        self._poll_seconds = poll_seconds
        self._wake = asyncio.Event()
        self._stopping = asyncio.Event()

    async def run(self) -> None:
        """Until :meth:`stop`: waits for news of a queued message, then delivers."""
        if self._services.database.dialect.name == "postgresql":
            await self._listen_and_deliver()
        else:
            await self._poll_and_deliver()

    def stop(self) -> None:
        self._stopping.set()
        self._wake.set()

    async def _poll_and_deliver(self) -> None:
        while not self._stopping.is_set():
            try:
                if await self._any_due():
                    await self._services.outbox.deliver()
            except Exception:
                log.exception("outbox poll failed")
            await self._sleep(self._poll_seconds)

    async def _any_due(self) -> bool:
        async with self._services.uow_factory() as uow:
            return await uow.outbox.any_due(self._services.clock())

    async def _listen_and_deliver(self) -> None:
        while not self._stopping.is_set():
            try:
                async with self._services.database.connect() as connection:
                    raw = await connection.get_raw_connection()
                    driver: Any = raw.driver_connection
                    await driver.add_listener(NOTIFY_CHANNEL, self._notified)
                    try:
                        await self._deliver_on_notice(driver)
                    finally:
                        with contextlib.suppress(Exception):
                            await driver.remove_listener(NOTIFY_CHANNEL, self._notified)
            except Exception:
                log.exception("listening for queued messages failed; trying again")
                await self._sleep(RECONNECT_SECONDS)

    async def _deliver_on_notice(self, driver: Any) -> None:
        """Delivers once at start (what was queued while nobody listened), then on every
        notice, until stopped or the connection is lost."""
        self._wake.set()
        while not self._stopping.is_set() and not driver.is_closed():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), RECONNECT_SECONDS)
            if self._wake.is_set() and not self._stopping.is_set():
                self._wake.clear()
                try:
                    await self._services.outbox.deliver()
                except Exception:
                    log.exception("outbox delivery after a notice failed")

    def _notified(self, *_: object) -> None:
        self._wake.set()

    async def _sleep(self, seconds: float) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._stopping.wait(), seconds)


@asynccontextmanager
async def watching(services: Services) -> AsyncIterator[OutboxWatcher]:
    """Runs a watcher while the context is open; leaving it finishes the round under way."""
    watcher = OutboxWatcher(services)
    task = asyncio.create_task(watcher.run())
    try:
        yield watcher
    finally:
        watcher.stop()
        await task
