"""One lane per chat, many chats at once.

Work of one chat runs one job at a time, in the order it was submitted; jobs of different chats
run concurrently, at most ``limit`` at once. A chat waiting for its own earlier job does not
hold one of those slots, so a busy chat never slows the others. ``drain`` waits for everything
accepted, which is how a graceful stop finishes its work.

:class:`LaneUpdateProcessor` plugs the lanes into python-telegram-bot's ``Application``: its
update fetcher hands every update to the processor without waiting, and the processor keeps
each chat's updates in their arrival order.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Hashable
from typing import Any, TypeVar

from telegram import Update
from telegram.ext import BaseUpdateProcessor

from bot.metrics import event_kind, handling
from bot.telegram.updates import CHANNEL as TELEGRAM
from bot.telegram.updates import NotAnUpdate, read_update

T = TypeVar("T")


class ChatLanes:
    """Runs jobs in per-key order with bounded concurrency across keys."""

    def __init__(self, limit: int, backlog: int | None = None) -> None:
        self.limit = limit
        self.backlog = backlog
        """Jobs accepted and not finished beyond which :attr:`full` says to take no more."""
        self._slots = asyncio.Semaphore(limit)
        self._tails: dict[Hashable, asyncio.Future[Any]] = {}
        self._running: set[asyncio.Future[Any]] = set()

    @property
    def pending(self) -> int:
        """Jobs accepted and not finished, across every chat."""
        return len(self._running)

    @property
    def full(self) -> bool:
        """Whether the backlog is reached: a receiver should ask for the update again later
        rather than queue it behind more than a few seconds of work."""
        return self.backlog is not None and len(self._running) >= self.backlog

    def submit(self, key: Hashable, job: Callable[[], Awaitable[T]]) -> asyncio.Task[T]:
        """Starts ``job`` after every job submitted earlier for ``key``; returns its task."""
        previous = self._tails.get(key)
        task = asyncio.ensure_future(self._run(key, previous, job))
        self._tails[key] = task
        self._running.add(task)
        task.add_done_callback(self._running.discard)
        return task

    async def run(self, key: Hashable, job: Callable[[], Awaitable[T]]) -> T:
        """Runs ``job`` in the lane of ``key`` and returns its result."""
        return await self.submit(key, job)

    async def drain(self) -> None:
        """Waits until every job accepted so far (and those they submit) has finished."""
        while self._running:
            await asyncio.wait(set(self._running))

    async def _run(
        self, key: Hashable, previous: asyncio.Future[Any] | None, job: Callable[[], Awaitable[T]]
    ) -> T:
        me = asyncio.current_task()
        try:
            if previous is not None and not previous.done():
                await asyncio.wait({previous})  # its failure is its own, not this job's
            async with self._slots:
                return await job()
        finally:
            if self._tails.get(key) is me:
                del self._tails[key]


def chat_key(update: object) -> Hashable:
    """The lane of an update: its chat, or the update itself when it has none."""
    if isinstance(update, Update) and update.effective_chat is not None:
        return update.effective_chat.id
    return id(update)


def update_kind(update: object) -> str:
    """The kind of a Telegram update, as the metrics count it."""
    if not isinstance(update, Update):
        return event_kind(None)
    try:
        incoming = read_update(update.to_dict(), _never_downloaded)
    except NotAnUpdate:
        return event_kind(None)
    return event_kind(incoming.event if incoming is not None else None)


def _never_downloaded(file_id: str) -> Callable[[], Awaitable[bytes]]:
    """Counting an update reads its kind only: no file is fetched."""

    async def refuse() -> bytes:
        raise RuntimeError("an update's kind is read without its files")

    return refuse


PENDING_PER_SLOT = 16
"""Updates accepted per running slot before python-telegram-bot's own bound holds the next."""


class LaneUpdateProcessor(BaseUpdateProcessor):
    """python-telegram-bot's extension point for concurrency, with one lane per chat.

    python-telegram-bot's own semaphore only bounds the updates accepted and not yet finished;
    the lanes decide which of them run.
    """

    def __init__(self, lanes: ChatLanes) -> None:
        super().__init__(max_concurrent_updates=max(2, lanes.limit * PENDING_PER_SLOT))
        self.lanes = lanes

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        with handling(TELEGRAM, update_kind(update)):
            await self.lanes.run(chat_key(update), lambda: coroutine)

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        await self.lanes.drain()
