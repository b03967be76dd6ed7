"""Long work (an export, the statistics) done after the update's commit, away from the chats.

A flow that needs it replies at once and leaves a *follow-up*: the channel runs it after sending
the update's replies, in the chat's own lane, and sends what it returns. The follow-up hands the
heavy part to :class:`Background`, which runs a job in a worker (another process in production)
on a read-only connection: the event loop, and on SQLite the write lock, stay free for the
other chats.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol, TypeVar

from handlers.replies import Reply
from models.catalog import Catalog
from models.units import Units
from models.uow import UnitOfWorkFactory

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class WorkerServices:
    """What a background job gets: its own read-only units of work, and the reference data."""

    uow_factory: UnitOfWorkFactory
    catalog: Catalog
    units: Units
    admin_ids: frozenset[str]
    clock: Callable[[], datetime]


Job = Callable[..., Awaitable[T]]
"""A module-level coroutine function taking :class:`WorkerServices` first; its arguments and
result cross a process boundary, so they are plain picklable values."""


class Background(Protocol):
    async def run(self, job: Job[T], *args: Any) -> T:
        """Runs ``job(services, *args)`` in a worker and returns its result."""
        ...


FollowUp = Callable[[], Awaitable[list[Reply]]]
"""Replies worked out after the commit; they carry no buttons (no turn stands behind them)."""
