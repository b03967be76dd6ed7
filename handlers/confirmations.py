"""Deliveries confirmed by the channel, written a moment later: with the chat's next update if
it comes first (its conversation row is written anyway), else in one batch for every chat.

A transaction of its own for each reply cost as much as a fifth of an update. Until written, a
confirmation lives in this process only: a crash before the write means the question is asked
once more, which is what confirming is for. With several processes a chat's next update may
reach another one within that moment; it then takes a repeated answer for a lost reply and asks
the question again, which is harmless.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass

from models.uow import UnitOfWorkFactory

log = logging.getLogger(__name__)

WRITE_AFTER_SECONDS = 0.5


@dataclass(frozen=True, slots=True)
class Receipt:
    """Identifies the turn whose replies were sent."""

    user_id: int
    turn: int


class DeliveryConfirmations:
    def __init__(self, uow_factory: UnitOfWorkFactory) -> None:
        self._uow_factory = uow_factory
        self._pending: dict[int, int] = {}
        """Turn confirmed, per user, not yet written."""
        self._writing: dict[int, int] = {}
        """The batch being written: still not on disk until its commit."""
        self._writer: asyncio.Task[None] | None = None
        self._lock = asyncio.Lock()

    def add(self, receipt: Receipt) -> None:
        if self._pending.get(receipt.user_id, -1) < receipt.turn:
            self._pending[receipt.user_id] = receipt.turn
        if self._writer is None or self._writer.done():
            self._writer = asyncio.create_task(self._write_soon())

    def delivered_turn(self, user_id: int) -> int | None:
        """The turn confirmed for the user and not yet written, if any."""
        turn = max(self._pending.get(user_id, -1), self._writing.get(user_id, -1))
        return turn if turn >= 0 else None

    def written(self, user_id: int, turn: int) -> None:
        """The chat's update wrote ``turn`` with its own changes."""
        if self._pending.get(user_id, turn + 1) <= turn:
            del self._pending[user_id]

    async def _write_soon(self) -> None:
        """Writes what comes in meanwhile too; after a refusal, the next confirmation (or the
        sweep) tries again."""
        while self._pending:
            await asyncio.sleep(WRITE_AFTER_SECONDS)
            if not await self.write():
                return

    async def write(self) -> bool:
        """Writes every pending confirmation in one transaction, after a write already on its
        way; False when the database refused (they are kept for the next try)."""
        async with self._lock:
            if not self._pending:
                return True
            batch = self._writing = self._pending
            self._pending = {}
            try:
                async with self._uow_factory() as uow:
                    await uow.commit_without_waiting_for_disk()
                    await uow.conversations.confirm_delivered(sorted(batch.items()))
                    await uow.commit()
            except Exception:
                log.warning("%d delivery confirmations not written yet", len(batch), exc_info=True)
                for user_id, turn in batch.items():
                    if self._pending.get(user_id, -1) < turn:
                        self._pending[user_id] = turn
                return False
            finally:
                self._writing = {}
            return True
