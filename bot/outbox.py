"""Delivers queued messages (review outcomes, reminders) after their commit, on every channel.

Each message is first claimed in its own transaction, so two processes never send the same one;
a failed send is put back for a later attempt, up to a limit, unless retrying cannot help.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from handlers.render import from_payload
from handlers.replies import OutMessage
from models.entities import OutboxMessage
from models.uow import UnitOfWork, UnitOfWorkFactory

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
SERVICE_WINDOW = timedelta(hours=24)
"""WhatsApp lets a business write freely only within 24 hours of the user's last message."""


class DeliveryError(Exception):
    """A send failed; ``permanent`` when retrying cannot help (the user blocked the bot)."""

    def __init__(self, reason: str, *, permanent: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason[:200]
        self.permanent = permanent


@dataclass(frozen=True, slots=True)
class Recipient:
    address: str
    language: str
    window_open: bool
    """Whether the user wrote within :data:`SERVICE_WINDOW`."""


class Delivery(Protocol):
    async def __call__(self, recipient: Recipient, message: OutMessage) -> None: ...


class OutboxDispatcher:
    """Sends pending messages through the deliveries registered for their channels."""

    def __init__(self, uow_factory: UnitOfWorkFactory, clock: Callable[[], datetime]) -> None:
        self._uow_factory = uow_factory
        self._clock = clock
        self._deliveries: dict[str, Delivery] = {}

    def register(self, channel: str, delivery: Delivery) -> None:
        self._deliveries[channel] = delivery

    async def deliver(self) -> int:
        """Sends every pending message this process can deliver; returns how many were sent."""
        sent = 0
        for channel, delivery in self._deliveries.items():
            async with self._uow_factory() as uow:
                pending = await uow.outbox.pending_ids(channel)
            for message_id in pending:
                sent += await self._deliver_one(delivery, message_id)
        return sent

    async def _deliver_one(self, delivery: Delivery, message_id: int) -> int:
        async with self._uow_factory() as uow:
            message = await uow.outbox.claim(message_id)
            recipient = await self._recipient(uow, message) if message else None
            await uow.commit()
        if message is None or recipient is None:
            return 0
        error: DeliveryError | None = None
        try:
            await delivery(recipient, from_payload(message.payload))
        except DeliveryError as failure:
            error = failure
        async with self._uow_factory() as uow:
            stored = await uow.outbox.get(message_id)
            if stored is not None:
                self._record(stored, error)
            await uow.commit()
        return 1 if error is None else 0

    async def _recipient(self, uow: UnitOfWork, message: OutboxMessage) -> Recipient:
        identity = await uow.users.identity(message.channel, message.address)
        last_seen = identity.last_seen_at if identity else message.created_at
        language = identity.user.language if identity else "id"
        window_open = self._clock() - last_seen < SERVICE_WINDOW
        return Recipient(message.address, language, window_open)

    def _record(self, stored: OutboxMessage, error: DeliveryError | None) -> None:
        if error is None:
            stored.status, stored.sent_at = "sent", self._clock()
            return
        log.warning("outbox message %s not sent: %s", stored.id, error.reason)
        stored.last_error = error.reason
        retry = not error.permanent and stored.attempts < MAX_ATTEMPTS
        stored.status = "pending" if retry else "failed"
