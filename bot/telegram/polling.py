"""Long polling that confirms only what is durable.

Telegram forgets every update below the ``offset`` of the next ``getUpdates``, so the offset
moves past an update only once it is committed, and of those only past the oldest still being
handled. Updates already handed on and returned again by Telegram are not handed on twice.
Different chats do not wait for each other: each batch is handed to the ``Application`` at once,
and the next ``getUpdates`` follows as soon as something new can be asked for.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

from telegram import Update
from telegram.error import Conflict, InvalidToken, NetworkError, RetryAfter, TelegramError
from telegram.ext import Application

from bot.acks import UpdateNotDurable
from bot.telegram.app import TelegramChannel
from bot.telegram.errors import retry_after

log = logging.getLogger(__name__)

POLL_TIMEOUT = 30
"""Seconds Telegram holds a ``getUpdates`` open while there is nothing new."""
BUSY_WAIT = 0.05
"""While updates are being handled, how long to wait for one to finish before asking anew."""
MAX_IN_FLIGHT = 1000
"""Updates handed on and not yet durable before polling waits (backpressure)."""
ALLOWED_UPDATES = ["message", "callback_query"]


class DurablePolling:
    """Fetches updates for an ``Application`` that handles them (its update processor)."""

    def __init__(
        self,
        application: Application,  # type: ignore[type-arg]
        channel: TelegramChannel,
        *,
        timeout: int = POLL_TIMEOUT,
        busy_wait: float = BUSY_WAIT,
    ) -> None:
        self._application = application
        self._acks = channel.acks
        self._timeout = timeout
        self._busy_wait = busy_wait
        self._in_flight: dict[int, asyncio.Future[None]] = {}
        self._retry: set[int] = set()
        self._offset: int | None = None
        self._stopping = asyncio.Event()

    def stop(self) -> None:
        self._stopping.set()

    async def run(self) -> None:
        """Polls until :meth:`stop`, then waits for what it handed on to become durable."""
        while not self._stopping.is_set():
            updates = await self._fetch()
            fresh = [update for update in updates if self._is_new(update)]
            for update in fresh:
                await self._hand_on(update)
            if not fresh and self._in_flight:
                await self._wait_for_progress()
            elif not updates and self._timeout == 0:
                await self._pause(self._busy_wait)  # no long poll to wait in: do not spin
        if self._in_flight:
            await asyncio.wait(set(self._in_flight.values()))
        self._settle()
        await self._confirm()

    def _is_new(self, update: Update) -> bool:
        known = update.update_id in self._in_flight and update.update_id not in self._retry
        return not known and (self._offset is None or update.update_id >= self._offset)

    async def _hand_on(self, update: Update) -> None:
        self._retry.discard(update.update_id)
        self._in_flight[update.update_id] = self._acks.expect(str(update.update_id))
        await self._application.update_queue.put(update)
        while len(self._in_flight) >= MAX_IN_FLIGHT and not self._stopping.is_set():
            await self._wait_for_progress()

    async def _fetch(self) -> list[Update]:
        self._settle()
        timeout = 0 if self._in_flight else self._timeout
        try:
            updates = await self._application.bot.get_updates(
                offset=self._offset,
                timeout=timeout,
                allowed_updates=ALLOWED_UPDATES,
                read_timeout=timeout + 10,
            )
        except RetryAfter as flood:
            await self._pause(retry_after(flood).total_seconds())
            return []
        except (InvalidToken, Conflict):
            raise
        except (NetworkError, TelegramError) as error:
            log.warning("getUpdates failed: %s", type(error).__name__)
            await self._pause(1.0)
            return []
        return list(updates)

    def _settle(self) -> None:
        """Moves the offset past the durable updates that precede every unfinished one; an
        update the database could not store is fetched again."""
        for update_id in sorted(self._in_flight):
            future = self._in_flight[update_id]
            if not future.done():
                break
            if isinstance(future.exception(), UpdateNotDurable):
                self._retry.add(update_id)
                break
            del self._in_flight[update_id]
            self._offset = update_id + 1

    async def _confirm(self) -> None:
        """Tells Telegram the offset reached, so a restart does not fetch those again."""
        if self._offset is not None:
            with contextlib.suppress(TelegramError):
                await self._application.bot.get_updates(offset=self._offset, timeout=0, limit=1)

    async def _wait_for_progress(self) -> None:
        pending = [future for future in self._in_flight.values() if not future.done()]
        if pending:
            await asyncio.wait(pending, timeout=self._busy_wait, return_when="FIRST_COMPLETED")
        else:
            await self._pause(self._busy_wait)  # only failed updates left: retry them shortly

    async def _pause(self, seconds: float) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._stopping.wait(), seconds)
