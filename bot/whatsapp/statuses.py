"""WhatsApp's message status webhooks applied to the outbox.

``sent``, ``delivered`` and ``read`` confirm what the outbox already counts as sent. ``failed``
names the message by the id the send returned and gives an error code:

- 131047 (re-engagement: the user last wrote more than 24 hours ago): the message is queued
  again, to go as the notification template (``WHATSAPP_NOTIFICATION_TEMPLATE``); without a
  template it is failed.
- a passing failure (WhatsApp's own error, a rate limit): queued again after a backoff, up to
  the outbox's attempts.
- anything else (an undeliverable number, a user who blocked the business): failed, with the
  code kept as its error for staff (``/siaran status`` counts it).

A status can come before the sending process recorded the message's id; it is looked up again a
few times before being taken for a direct reply, which is only logged.
"""

from __future__ import annotations

import asyncio
import logging

from pywa.handlers import MessageStatusHandler
from pywa.types.message_status import MessageStatus, MessageStatusType
from pywa_async.client import WhatsApp

from bot.outbox import OutboxDispatcher, Resend
from bot.whatsapp.updates import CHANNEL

log = logging.getLogger(__name__)

REENGAGEMENT = 131047
PASSING = frozenset({1, 2, 4, 130429, 131000, 131016, 131048, 131056, 133004})
"""Errors that say nothing about the message itself: temporary faults and rate limits."""
LOOKUP_DELAYS = (0.0, 0.5, 1.0, 2.0)
"""Seconds to wait before each lookup of the message a status names."""


class DeliveryStatuses:
    def __init__(
        self,
        outbox: OutboxDispatcher,
        template: str | None,
        lookup_delays: tuple[float, ...] | None = None,
    ) -> None:
        self._outbox = outbox
        self._template = template
        self._lookup_delays = LOOKUP_DELAYS if lookup_delays is None else lookup_delays

    def register(self, wa: WhatsApp) -> None:
        wa.add_handlers(MessageStatusHandler(self.on_status))

    async def on_status(self, _: object, status: MessageStatus[str]) -> None:
        if status.status != MessageStatusType.FAILED:
            return
        code = status.error.code if status.error is not None else None
        title = status.error.message if status.error is not None else "no error given"
        reason = f"WhatsApp error {code}: {title}"
        resend = self.resend_for(code)
        if await self.apply(status.id, reason, resend) and resend is not None:
            await self._outbox.deliver()

    def resend_for(self, code: int | None) -> Resend | None:
        if code == REENGAGEMENT:
            return "template" if self._template else None
        return "retry" if code in PASSING else None

    async def apply(self, message_id: str, reason: str, resend: Resend | None) -> bool:
        for delay in self._lookup_delays:
            await asyncio.sleep(delay)
            if await self._outbox.report_failure(CHANNEL, message_id, reason, resend):
                return True
        log.warning(
            "WhatsApp message %s not delivered (%s): not a queued message", message_id, reason
        )
        return False
