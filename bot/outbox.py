"""Delivers queued messages (review outcomes, reminders, broadcasts) after their commit, on
every channel, at most once each.

A message moves through these states, each change committed in its own transaction:

- ``pending``: waiting to be sent, not before ``available_at`` when that is set (the backoff
  after a failed attempt, or Telegram's ``retry_after``).
- ``sending``: claimed by one process (an ``UPDATE … WHERE status = 'pending'``, so two
  processes never both take it) until ``available_at``, the claim's lease. The send follows the
  claim at once; the limiter's wait comes before the claim, so the lease never covers it.
- ``sent``, or ``failed`` when retrying cannot help or after :data:`MAX_ATTEMPTS`.
- ``unknown``: the send may have reached the user, or may not: a timeout after the request went
  out, or a claim whose lease ran out because its process died (or hung) while sending. Neither
  is sent again automatically: nobody gets a message twice. They are logged and counted
  (``/siaran status``) for staff to follow up.

A channel that reports on delivery later (WhatsApp's status webhooks, by the id the send
returned, kept in ``external_id``) can still turn a ``sent`` or ``unknown`` message into
``failed``, or put it back to ``pending``: to be sent again as the notification template when
WhatsApp's 24-hour window had closed, or after a backoff when the failure was passing
(:meth:`OutboxDispatcher.report_failure`).

A refusal (HTTP error answer) or a connection that never opened is safe to retry: the message
goes back to ``pending`` with an exponential backoff. Channels with a rate limiter are paced
by it, and a 429 pauses the whole channel for ``retry_after``.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal, Protocol

from bot.ratelimit import RateLimiter
from handlers.render import from_payload
from handlers.replies import OutMessage
from models.entities import OutboxMessage
from models.uow import UnitOfWork, UnitOfWorkFactory

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
RETRY_BACKOFF = timedelta(seconds=10)
"""The wait after the first failed attempt; it doubles with every further one."""
LEASE = timedelta(minutes=2)
"""How long a claim lasts: far longer than one send takes (python-telegram-bot gives up within
about 20 seconds). A claim still held after that belongs to a process that died or hung."""
LEASE_EXPIRED = "lease expired while sending: it may have been delivered"
KICKED_DELIVERY_SECONDS = 5.0
"""How long a delivery started by an update (see :meth:`OutboxDispatcher.kick`) keeps sending
(a broadcast's first recipients); the sweep sends the rest."""
SERVICE_WINDOW = timedelta(hours=24)
"""WhatsApp lets a business write freely only within 24 hours of the user's last message."""
OUTSIDE_WINDOW = "outside_window"
"""A payload flag: WhatsApp refused the free-form message as outside the window, so it is
sent again as the notification template."""


Resend = Literal["template", "retry"]
"""How a message reported undelivered is sent again: as the notification template (the
24-hour window had closed), or the same way after a backoff (a passing failure)."""


class DeliveryError(Exception):
    """A send failed; ``permanent`` when retrying cannot help (the user blocked the bot),
    ``retry_after`` when the channel asked to wait, ``maybe_sent`` when the message may have
    reached the user all the same (a timeout after the request went out)."""

    def __init__(
        self,
        reason: str,
        *,
        permanent: bool = False,
        retry_after: timedelta | None = None,
        maybe_sent: bool = False,
    ) -> None:
        super().__init__(reason)
        self.reason = reason[:200]
        self.permanent = permanent
        self.retry_after = retry_after
        self.maybe_sent = maybe_sent


@dataclass(frozen=True, slots=True)
class Recipient:
    address: str
    language: str
    window_open: bool
    """Whether the user wrote within :data:`SERVICE_WINDOW`."""


class Delivery(Protocol):
    async def __call__(self, recipient: Recipient, message: OutMessage) -> str | None:
        """Sends the message; returns the channel's id of it when the channel reports on
        delivery later (WhatsApp's status webhooks)."""
        ...


class OutboxDispatcher:
    """Sends pending messages through the deliveries registered for their channels."""

    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        clock: Callable[[], datetime],
        *,
        limiters: Mapping[str, RateLimiter] | None = None,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._uow_factory = uow_factory
        self._clock = clock
        self._deliveries: dict[str, Delivery] = {}
        self._limiters = dict(limiters or {})
        self._monotonic = monotonic
        self._stopping = False
        self._kicked: asyncio.Task[None] | None = None
        self._again = False

    def register(self, channel: str, delivery: Delivery) -> None:
        self._deliveries[channel] = delivery

    def kick(self) -> None:
        """Delivers what was just queued, in the background: an update's handling never waits
        for other users' messages. A kick while one runs makes it go round once more."""
        self._again = True
        if self._kicked is None or self._kicked.done():
            self._kicked = asyncio.create_task(self._run_kicked())

    async def settled(self) -> None:
        """Waits until the kicked deliveries have finished."""
        while self._kicked is not None and not self._kicked.done():
            await asyncio.wait({self._kicked})

    async def _run_kicked(self) -> None:
        while self._again and not self._stopping:
            self._again = False
            try:
                await self.deliver(within=KICKED_DELIVERY_SECONDS)
            except Exception:
                log.exception("outbox delivery failed")

    def stop(self) -> None:
        """Running deliveries finish the message they are sending and start no other."""
        self._stopping = True

    async def deliver(self, *, within: float | None = None) -> int:
        """Sends the messages that are due; returns how many were sent. With ``within``, only
        those the rate limits let go within that many seconds: the sweep sends the rest."""
        deadline = None if within is None else self._monotonic() + within
        await self._expire_leases()
        sent = 0
        for channel, delivery in self._deliveries.items():
            sent += await self._deliver_channel(channel, delivery, deadline)
        return sent

    async def report_failure(
        self, channel: str, external_id: str, reason: str, resend: Resend | None
    ) -> bool:
        """A message the channel accepted was not delivered after all: it is sent again
        (``resend``) or flagged failed. False when no queued message has that id (a direct
        reply, or a status that came before the send was recorded)."""
        async with self._uow_factory() as uow:
            stored = await uow.outbox.by_external_id(channel, external_id)
            if stored is None:
                return False
            if stored.status in ("sent", "unknown"):
                self._record_failure(stored, reason, resend)
            await uow.commit()
        return True

    def _record_failure(self, stored: OutboxMessage, reason: str, resend: Resend | None) -> None:
        stored.last_error = reason[:200]
        stored.sent_at = None
        if resend == "template" and not stored.payload.get(OUTSIDE_WINDOW):
            stored.payload = {**stored.payload, OUTSIDE_WINDOW: True}
            stored.status, stored.available_at = "pending", None
        elif resend == "retry" and stored.attempts < MAX_ATTEMPTS:
            stored.status = "pending"
            stored.available_at = self._clock() + RETRY_BACKOFF * 2 ** (stored.attempts - 1)
        else:
            stored.status = "failed"
        log.warning("outbox message %s not delivered (%s): %s", stored.id, reason, stored.status)

    async def _expire_leases(self) -> None:
        async with self._uow_factory() as uow:
            expired = await uow.outbox.expire_leases(self._clock(), LEASE_EXPIRED)
            await uow.commit()
        for message_id in expired:
            log.warning(
                "outbox message %s: %s; flagged unknown, not resent", message_id, LEASE_EXPIRED
            )

    async def _deliver_channel(
        self, channel: str, delivery: Delivery, deadline: float | None
    ) -> int:
        limiter = self._limiters.get(channel)
        tried: set[int] = set()
        sent = 0
        while due := await self._due(channel, tried):
            for message_id, address in due:
                tried.add(message_id)
                wait = limiter.delay(address) if limiter else 0.0
                if self._stopping or (deadline is not None and self._monotonic() + wait > deadline):
                    return sent
                if limiter is not None:
                    await limiter.acquire(address)
                sent += await self._deliver_one(delivery, message_id, limiter)
        return sent

    async def _due(self, channel: str, tried: set[int]) -> list[tuple[int, str]]:
        async with self._uow_factory() as uow:
            due = await uow.outbox.due(channel, now=self._clock())
        return [(message_id, address) for message_id, address in due if message_id not in tried]

    async def _deliver_one(
        self, delivery: Delivery, message_id: int, limiter: RateLimiter | None
    ) -> int:
        now = self._clock()
        async with self._uow_factory() as uow:
            message = await uow.outbox.claim(message_id, now=now, lease_until=now + LEASE)
            recipient = await self._recipient(uow, message) if message else None
            await uow.commit()
        if message is None or recipient is None:
            return 0
        error: DeliveryError | None = None
        external_id: str | None = None
        try:
            external_id = await delivery(recipient, from_payload(message.payload))
        except DeliveryError as failure:
            error = failure
        except Exception:  # a bug, or an error the delivery does not know: it may have been sent
            log.exception("outbox message %s: unexpected error while sending", message_id)
            error = DeliveryError("unexpected error while sending", maybe_sent=True)
        if error is not None and error.retry_after is not None and limiter is not None:
            limiter.pause(error.retry_after.total_seconds())
        async with self._uow_factory() as uow:
            stored = await uow.outbox.get(message_id)
            if stored is not None:
                self._record(stored, error, external_id)
            await uow.commit()
        return 1 if error is None else 0

    async def _recipient(self, uow: UnitOfWork, message: OutboxMessage) -> Recipient:
        identity = await uow.users.identity(message.channel, message.address)
        last_seen = identity.last_seen_at if identity else message.created_at
        language = identity.user.language if identity else "id"
        window_open = self._clock() - last_seen < SERVICE_WINDOW
        if message.payload.get(OUTSIDE_WINDOW):  # the channel said so when it was sent
            window_open = False
        return Recipient(message.address, language, window_open)

    def _record(
        self, stored: OutboxMessage, error: DeliveryError | None, external_id: str | None
    ) -> None:
        now = self._clock()
        stored.available_at = None
        if error is None:
            stored.status, stored.sent_at, stored.external_id = "sent", now, external_id
            return
        stored.last_error = error.reason
        if error.maybe_sent:
            log.warning(
                "outbox message %s may have been delivered (%s): flagged unknown, not resent",
                stored.id,
                error.reason,
            )
            stored.status = "unknown"
            return
        log.warning("outbox message %s not sent: %s", stored.id, error.reason)
        if error.retry_after is not None:  # asked to wait: not a failed attempt
            stored.status, stored.available_at = "pending", now + error.retry_after
            stored.attempts -= 1
        elif error.permanent or stored.attempts >= MAX_ATTEMPTS:
            stored.status = "failed"
        else:
            stored.status = "pending"
            stored.available_at = now + RETRY_BACKOFF * 2 ** (stored.attempts - 1)
