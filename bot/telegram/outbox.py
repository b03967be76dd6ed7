"""Delivers queued messages (review outcomes, reminders) to Telegram after their commit.

Each message is first claimed in its own transaction, so two processes never send the same one;
a failed send is put back for a later attempt, up to a limit.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from telegram import Bot
from telegram.error import Forbidden, TelegramError

from bot.telegram.sending import send_messages
from handlers.render import from_payload
from models.entities import OutboxMessage
from models.uow import UnitOfWorkFactory

log = logging.getLogger(__name__)

CHANNEL = "telegram"
MAX_ATTEMPTS = 5


class OutboxSender:
    def __init__(self, uow_factory: UnitOfWorkFactory, clock: Callable[[], datetime]) -> None:
        self._uow_factory = uow_factory
        self._clock = clock

    async def deliver(self, bot: Bot) -> int:
        """Sends every pending Telegram message; returns how many were sent."""
        async with self._uow_factory() as uow:
            pending = await uow.outbox.pending_ids(CHANNEL)
        sent = 0
        for message_id in pending:
            sent += await self._deliver_one(bot, message_id)
        return sent

    async def _deliver_one(self, bot: Bot, message_id: int) -> int:
        async with self._uow_factory() as uow:
            message = await uow.outbox.claim(message_id)
            await uow.commit()
        if message is None:
            return 0
        error: str | None = None
        try:
            await send_messages(bot, int(message.address), [from_payload(message.payload)])
        except Forbidden as blocked:  # the user blocked the bot: retrying cannot help
            error = f"forbidden: {blocked.message}"[:200]
        except TelegramError as failure:
            error = f"{type(failure).__name__}: {failure.message}"[:200]
        async with self._uow_factory() as uow:
            stored = await uow.outbox.get(message_id)
            if stored is not None:
                self._record(stored, error)
            await uow.commit()
        return 1 if error is None else 0

    def _record(self, stored: OutboxMessage, error: str | None) -> None:
        if error is None:
            stored.status, stored.sent_at = "sent", self._clock()
            return
        log.warning("outbox message %s not sent: %s", stored.id, error)
        stored.last_error = error
        retry = not error.startswith("forbidden") and stored.attempts < MAX_ATTEMPTS
        stored.status = "pending" if retry else "failed"
