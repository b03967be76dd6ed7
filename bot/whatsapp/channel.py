"""pywa's handlers for WhatsApp updates: event in, engine, rendered messages out."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import timedelta
from functools import partial

import httpx
from pywa import filters
from pywa.errors import WhatsAppError
from pywa.handlers import CallbackButtonHandler, CallbackSelectionHandler, MessageHandler
from pywa.types.message import Message
from pywa.types.user import User
from pywa_async.client import WhatsApp
from tenacity import AsyncRetrying, retry_if_exception, stop_after_attempt, wait_exponential

from bot.acks import UpdateNotDurable, transient
from bot.lanes import ChatLanes
from bot.log_format import handling_update, whatsapp_lane
from bot.metrics import Handling, event_kind
from bot.outbox import OutboxDispatcher
from bot.whatsapp.render import OWN_NUMBER
from bot.whatsapp.sending import WhatsAppSender
from bot.whatsapp.updates import (
    CHANNEL,
    Choice,
    Unreadable,
    event_from_choice,
    event_from_message,
    own_number,
    sender_of,
)
from bot.whatsapp.webhook import accepted, malformed
from handlers.engine import ConversationEngine, Handled
from handlers.events import Event, PendingResent, Sender
from handlers.i18n import Locales, Translator
from handlers.replies import OutMessage

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
        lanes: ChatLanes,
        sender: WhatsAppSender,
        max_download_bytes: int | None = None,
        *,
        order_arrivals: bool = False,
    ) -> None:
        self._order_arrivals = order_arrivals
        self._wa = wa
        self._sender = sender
        self._max_download_bytes = max_download_bytes
        self._engine = engine
        self._locales = locales
        self._outbox = outbox
        self._default_language = default_language
        self._lanes = lanes

    def register(self) -> None:
        self._wa.add_handlers(
            MessageHandler(self.on_message, filters.private & ~filters.reaction),
            CallbackButtonHandler(self.on_choice),
            CallbackSelectionHandler(self.on_choice),
        )

    async def on_message(self, _: object, message: Message) -> None:
        try:
            sender = sender_of(message.from_user)
            event = await event_from_message(self._wa, message, self._max_download_bytes)
        except Unreadable:
            malformed()
            return
        await self.accept(message.from_user, sender, event, message.id)

    async def on_choice(self, _: object, choice: Choice) -> None:
        """A reply button or list row. "Send my number" from a user whose number WhatsApp
        hides (usernames) is answered with WhatsApp's own request to share it."""
        try:
            sender, event = sender_of(choice.from_user), event_from_choice(choice)
        except Unreadable:
            malformed()
            return
        if choice.data == OWN_NUMBER and own_number(choice.from_user) is None:
            await self._wa.request_contact_info(choice.from_user.preferred_id, choice.title)
            return
        await self.accept(choice.from_user, sender, event, choice.id)

    async def accept(self, user: User, sender: Sender, event: Event, message_id: str) -> None:
        """Queues the message in its chat's lane; the webhook answers once it is durable."""
        durable = asyncio.get_running_loop().create_future()
        accepted(durable)
        arrival = await self._engine.arrived(sender) if self._order_arrivals else None
        lane = (CHANNEL, sender.external_id)
        job = partial(self.handle, sender, user.preferred_id, event, message_id, durable, arrival)
        measured = Handling(CHANNEL, event_kind(event))
        self._lanes.submit(lane, partial(finished, job, measured))

    async def handle(
        self,
        sender: Sender,
        address: str,
        event: Event,
        message_id: str,
        durable: asyncio.Future[None],
        arrival: int | None = None,
    ) -> None:
        """The engine commits the new state before anything is sent; the WhatsApp message id
        is the update id, so a redelivered message is applied once."""
        with handling_update(CHANNEL, message_id, whatsapp_lane(sender.external_id)):
            await self._handle(sender, address, event, message_id, durable, arrival)

    async def _handle(
        self,
        sender: Sender,
        address: str,
        event: Event,
        message_id: str,
        durable: asyncio.Future[None],
        arrival: int | None,
    ) -> None:
        try:
            handled = await self._engine.handle(
                sender, event, update_id=message_id, arrival=arrival
            )
        except Exception as error:
            if transient(error):
                durable.set_exception(UpdateNotDurable(type(error).__name__))
                return
            durable.set_result(None)
            log.exception("failed to handle WhatsApp message %s", message_id)
            text = self._locales.translator(self._default_language)("error-internal")
            await self._reliably(partial(self._wa.send_message, address, text))
            return
        durable.set_result(None)
        await self._deliver(address, handled)

    async def resend_pending(self) -> None:
        """Asks again the pending question, or sends again the final confirmation, of chats
        whose last replies were never confirmed."""
        for sender in await self._engine.unconfirmed_chats(quiet_for=RESEND_QUIET):
            if sender.channel == CHANNEL:
                lane = (CHANNEL, sender.external_id)
                self._lanes.submit(lane, partial(self._resend, sender))

    async def _resend(self, sender: Sender) -> None:
        await self._deliver(sender.external_id, await self._engine.handle(sender, PendingResent()))

    async def _deliver(self, to: str, handled: Handled) -> None:
        """Sends the replies in order, stopping at one that fails; confirms them if all went."""
        tr = self._locales.translator(handled.language)
        if await self._send_all(to, handled.messages, tr):
            self._engine.confirm_delivery(handled.receipt)
        if handled.outbox_queued:
            self._outbox.kick()
        if handled.follow_up is not None:
            await self._send_all(to, await handled.follow_up(), tr)

    async def _send_all(self, to: str, messages: list[OutMessage], tr: Translator) -> bool:
        """Sends the messages in order, stopping at one that fails; True if all went."""
        for message in messages:
            if not await self._reliably(partial(self._sender.send, to, message, tr)):
                return False
        return True

    async def _reliably(self, send: Callable[[], Awaitable[object]]) -> bool:
        """Sends, retried while that cannot send twice; False if it failed for good."""
        try:
            async for attempt in AsyncRetrying(
                retry=retry_if_exception(safe_to_retry),
                wait=wait_exponential(multiplier=0.5, max=30),
                stop=stop_after_attempt(SEND_ATTEMPTS),
                reraise=True,
            ):
                with attempt:
                    await send()
        except Exception as error:
            log.warning("WhatsApp reply not delivered", exc_info=error)
            return False
        return True


async def finished(job: Callable[[], Awaitable[None]], measured: Handling) -> None:
    try:
        await job()
    finally:
        measured.done()


SEND_ATTEMPTS = 5
RESEND_QUIET = timedelta(minutes=1)
"""How long a chat's replies stay unconfirmed before its question is sent again."""
RETRYABLE_CODES = frozenset({1, 2, 4, 80007, 130429, 131000, 131016, 131056, 133004})
"""Cloud API errors that say "later": unknown or temporary errors, rate and throughput limits,
service unavailable."""


def safe_to_retry(error: BaseException) -> bool:
    """A refusal that asks to try later, or a request that never left."""
    if isinstance(error, WhatsAppError):
        return error.code in RETRYABLE_CODES
    return isinstance(error, httpx.ConnectError | httpx.ConnectTimeout | httpx.PoolTimeout)
