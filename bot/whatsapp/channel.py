"""pywa's handlers for WhatsApp updates: event in, engine, rendered messages out."""

from __future__ import annotations

import logging

from pywa import filters
from pywa.handlers import CallbackButtonHandler, CallbackSelectionHandler, MessageHandler
from pywa.types.message import Message
from pywa.types.user import User
from pywa_async.client import WhatsApp

from bot.outbox import INLINE_DELIVERY_SECONDS, OutboxDispatcher
from bot.whatsapp.render import OWN_NUMBER
from bot.whatsapp.sending import WhatsAppSender
from bot.whatsapp.updates import (
    Choice,
    event_from_choice,
    event_from_message,
    own_number,
    sender_of,
)
from handlers.engine import ConversationEngine
from handlers.events import Event
from handlers.i18n import Locales

log = logging.getLogger(__name__)


class WhatsAppChannel:
    """Connects a pywa client to the conversation engine.

    Message statuses are applied to the outbox (:mod:`bot.whatsapp.statuses`); reactions,
    edits and group messages are dropped.
    """

    def __init__(
        self,
        wa: WhatsApp,
        engine: ConversationEngine,
        locales: Locales,
        outbox: OutboxDispatcher,
        default_language: str,
        sender: WhatsAppSender,
        max_download_bytes: int | None = None,
    ) -> None:
        self._wa = wa
        self._sender = sender
        self._max_download_bytes = max_download_bytes
        self._engine = engine
        self._locales = locales
        self._outbox = outbox
        self._default_language = default_language

    def register(self) -> None:
        self._wa.add_handlers(
            MessageHandler(self.on_message, filters.private & ~filters.reaction),
            CallbackButtonHandler(self.on_choice),
            CallbackSelectionHandler(self.on_choice),
        )

    async def on_message(self, _: object, message: Message) -> None:
        event = await event_from_message(self._wa, message, self._max_download_bytes)
        await self.handle(message.from_user, event, message.id)

    async def on_choice(self, _: object, choice: Choice) -> None:
        """A reply button or list row. "Send my number" from a user whose number WhatsApp
        hides (usernames) is answered with WhatsApp's own request to share it."""
        if choice.data == OWN_NUMBER and own_number(choice.from_user) is None:
            await self._wa.request_contact_info(choice.from_user.preferred_id, choice.title)
            return
        await self.handle(choice.from_user, event_from_choice(choice), choice.id)

    async def handle(self, user: User, event: Event, message_id: str) -> None:
        """The engine commits the new state before anything is sent; the WhatsApp message id
        is the update id, so a redelivered message is applied once."""
        try:
            handled = await self._engine.handle(sender_of(user), event, update_id=message_id)
        except Exception:
            log.exception("failed to handle WhatsApp message %s", message_id)
            text = self._locales.translator(self._default_language)("error-internal")
            await self._wa.send_message(user.preferred_id, text)
            return
        tr = self._locales.translator(handled.language)
        for message in handled.messages:
            await self._sender.send(user.preferred_id, message, tr)
        if handled.outbox_queued:
            await self._outbox.deliver(within=INLINE_DELIVERY_SECONDS)
