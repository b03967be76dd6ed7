"""The python-telegram-bot ``Application``: updates in, engine, messages out."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from datetime import time, timedelta
from functools import partial

from telegram import Bot, BotCommand, Update
from telegram.ext import Application, ContextTypes, TypeHandler
from telegram.request import BaseRequest

from bot.acks import Acknowledgements, transient
from bot.lanes import ChatLanes, LaneUpdateProcessor
from bot.log_format import handling_update
from bot.maintenance_rights import DraftPurge
from bot.metrics import Handling, event_kind
from bot.outbox import OutboxDispatcher
from bot.tallies import TallyCompaction
from bot.telegram.outbox import TelegramDelivery
from bot.telegram.request import AiohttpRequest
from bot.telegram.sending import CHANNEL, ReplySender, remove_buttons
from bot.telegram.updates import (
    Incoming,
    NotAnUpdate,
    Pressed,
    downloads_through,
    read_update,
)
from handlers.commands import VENDOR_MENU
from handlers.engine import ConversationEngine, Handled
from handlers.events import PendingResent, Sender
from handlers.i18n import SUPPORTED_LANGUAGES, Locales, Translator

log = logging.getLogger(__name__)

OUTBOX_SWEEP_SECONDS = 30
DRAFT_PURGE_EVERY = timedelta(days=1)
DRAFT_PURGE_FIRST = timedelta(minutes=1)
RESEND_QUIET = timedelta(minutes=1)
"""How long a chat's replies stay unconfirmed before its question is sent again: far longer
than sending takes, so a reply still on its way is not doubled."""


ACK_AT_MOST_AFTER_SECONDS = 5.0
"""With several processes, how long an update's answer may wait for its replies to be sent."""


class TelegramChannel:
    """Connects one ``Application`` to the conversation engine."""

    def __init__(
        self,
        engine: ConversationEngine,
        locales: Locales,
        outbox: OutboxDispatcher,
        replies: ReplySender,
        *,
        default_language: str,
        daily_round_at: time,
        lanes: ChatLanes,
        drafts: DraftPurge | None = None,
        tallies: TallyCompaction | None = None,
        ack_after_replies: bool = False,
    ) -> None:
        self._engine = engine
        self._locales = locales
        self.outbox = outbox
        self._replies = replies
        self._default_language = default_language
        self.daily_round_at = daily_round_at
        """When mentors get their digest and vendors their reminders (with its time zone)."""
        self.lanes = lanes
        """One lane per chat; the update processor and the resends share it."""
        self.acks = Acknowledgements()
        """Receivers (webhook, polling) wait here until an update is durable."""
        self.ack_after_replies = ack_after_replies
        """With several processes: an update is acknowledged once its replies are sent, not
        once it is committed. Telegram sends a chat's next update only after the answer to the
        one before, so the chat's updates are then applied and answered in order whichever
        process each reaches (the lanes keep that order within one process)."""
        self.drafts = drafts
        """Deletes abandoned drafts once a day (the ``DRAFT_RETENTION_DAYS`` setting)."""
        self.tallies = tallies

    async def on_update(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Handles one update python-telegram-bot received (polling; counted and timed by
        :class:`~bot.lanes.LaneUpdateProcessor`); failures go to :meth:`on_error`."""
        await self.process(context.bot, str(update.update_id), incoming_from(update, context.bot))

    def accept(self, bot: Bot, update_id: str, incoming: Incoming | None) -> None:
        """Queues an update the webhook read in its chat's lane; ``acks`` tells when it is
        durable. A failure is logged and apologised for as :meth:`on_error` does."""
        measured = Handling(CHANNEL, event_kind(incoming.event if incoming else None))
        if incoming is None:
            measured.done()
            self.acks.durable(update_id)
            return
        job = partial(self._process_or_apologise, bot, incoming, measured)
        self.lanes.submit(incoming.chat_id, job)

    async def _process_or_apologise(self, bot: Bot, incoming: Incoming, measured: Handling) -> None:
        try:
            await self.process(bot, incoming.update_id, incoming)
        except Exception as error:
            await self._failed(bot, incoming.update_id, incoming, error)
        finally:
            measured.done()

    async def process(self, bot: Bot, update_id: str, incoming: Incoming | None) -> None:
        """Handles one update, its log lines naming it and its chat's lane."""
        lane = str(incoming.chat_id) if incoming is not None else "-"
        with handling_update(CHANNEL, update_id, lane):
            await self._process(bot, update_id, incoming)

    async def _process(self, bot: Bot, update_id: str, incoming: Incoming | None) -> None:
        """Handles one update: the engine commits the new state, the receiver is told it is
        durable, and only then are the replies sent. Answering a pressed button and removing
        its message's buttons go beside the reply, not before it."""
        if incoming is None:
            self.acks.durable(update_id)
            return
        try:
            handled = await self._engine.handle(
                incoming.sender, incoming.event, update_id=incoming.update_id
            )
        except Exception as error:
            self.acks.failed(update_id, error)
            raise
        if not self.ack_after_replies:
            self.acks.durable(update_id)
            await self._deliver(bot, incoming.chat_id, handled, incoming.pressed)
            return
        # Replies held up (a 429, a failing Bot API) must not keep one of Telegram's connections,
        # which all chats share, for minutes: past this, the update is acknowledged anyway.
        cap = asyncio.get_running_loop().call_later(
            ACK_AT_MOST_AFTER_SECONDS, self.acks.durable, update_id
        )
        sent = partial(self.acks.durable, update_id)
        try:
            await self._deliver(bot, incoming.chat_id, handled, incoming.pressed, sent)
        finally:
            cap.cancel()

    async def _deliver(
        self,
        bot: Bot,
        chat_id: int,
        handled: Handled,
        pressed: Pressed | None,
        sent: Callable[[], None] | None = None,
    ) -> None:
        """Sends the replies; then calls ``sent``, and only then runs the long follow-up."""
        cosmetic = []
        if pressed is not None:
            cosmetic.append(quietly(bot.answer_callback_query(pressed.query_id)))
            if handled.messages and pressed.chat_id is not None and pressed.message_id is not None:
                removal = remove_buttons(bot, pressed.chat_id, pressed.message_id)
                cosmetic.append(quietly(removal))
        delivered, *_ = await asyncio.gather(
            self._replies.send(bot, chat_id, handled.messages), *cosmetic
        )
        if delivered:
            self._engine.confirm_delivery(handled.receipt)
        if sent is not None:
            sent()
        if handled.outbox_queued:
            self.outbox.kick()
        if handled.follow_up is not None:
            await self._replies.send(bot, chat_id, await handled.follow_up())

    async def on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Logs the failure and apologises; the update's transaction was rolled back. A failure
        of the database itself is not apologised for: the update is delivered again."""
        error = context.error
        if not isinstance(update, Update) or error is None:
            log.error("failed to handle an update", exc_info=error)
            return
        incoming = incoming_from(update, context.bot)
        await self._failed(context.bot, str(update.update_id), incoming, error)

    async def _failed(
        self, bot: Bot, update_id: str, incoming: Incoming | None, error: BaseException
    ) -> None:
        if transient(error):
            log.warning(
                "update %s not handled, to be delivered again: %s", update_id, type(error).__name__
            )
            return
        log.error("failed to handle update %s", update_id, exc_info=error)
        if incoming is not None:
            text = self._locales.translator(self._default_language)("error-internal")
            await quietly(bot.send_message(incoming.chat_id, text))

    async def resend_unconfirmed(self, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Asks again the pending question, or sends again the final confirmation, of chats whose
        last replies were never confirmed (the process stopped after its commit, or the sends
        failed for good)."""
        await self.resend_pending(context.bot)

    async def resend_pending(self, bot: Bot) -> None:
        for sender in await self._engine.unconfirmed_chats(quiet_for=RESEND_QUIET):
            if sender.channel != CHANNEL:
                continue
            chat_id = int(sender.external_id)
            self.lanes.submit(chat_id, partial(self._resend, bot, sender, chat_id))

    async def _resend(self, bot: Bot, sender: Sender, chat_id: int) -> None:
        handled = await self._engine.handle(sender, PendingResent())
        await self._deliver(bot, chat_id, handled, None)

    async def purge_drafts(self, context: ContextTypes.DEFAULT_TYPE) -> None:
        if self.drafts is not None:
            await self.drafts.run()

    async def daily_round(self, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Mentors' digests and vendors' reminders, then their delivery."""
        if await self._engine.run_daily_round():
            await self.outbox.deliver()

    async def sweep_outbox(self, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Delivers what is still pending (after a restart, or a failed attempt); at most one
        interval's worth, so runs never overlap and stopping never waits long."""
        await self.outbox.deliver(within=OUTBOX_SWEEP_SECONDS)
        await self.resend_pending(context.bot)
        if self.tallies is not None:
            await self.tallies.run_if_due()

    async def set_command_menus(self, application: Application) -> None:  # type: ignore[type-arg]
        """The vendors' command menu in Bahasa Indonesia by default and in English for English
        clients; staff get their own per chat when a role is given or taken."""
        bot = application.bot
        if self._engine.links.telegram_username is None:
            self._engine.links.telegram_username = bot.username
        await bot.set_my_commands(commands(self._locales.translator(self._default_language)))
        for language in SUPPORTED_LANGUAGES:
            await bot.set_my_commands(
                commands(self._locales.translator(language)), language_code=language
            )


def incoming_from(update: Update, bot: Bot) -> Incoming | None:
    """The event of an update python-telegram-bot parsed (polling); None if the bot ignores
    it."""
    try:
        return read_update(update.to_dict(), downloads_through(bot))
    except NotAnUpdate:
        return None


def commands(tr: Translator) -> list[BotCommand]:
    return [BotCommand(command.name, tr.render(command.about)) for command in VENDOR_MENU]


async def quietly(call: Awaitable[object]) -> None:
    """Awaits a cosmetic API call whose failure, of whatever kind, must not fail the update."""
    try:
        await call
    except Exception as error:
        log.debug("ignored failure of a cosmetic call: %s", type(error).__name__)


def build_application(
    token: str,
    channel: TelegramChannel,
    *,
    base_url: str,
    base_file_url: str,
    request: BaseRequest | None = None,
) -> Application:  # type: ignore[type-arg]
    """The ``Application`` with one handler for every update; tests pass a fake ``request``."""
    builder = (
        Application.builder()
        .token(token)
        .base_url(base_url)
        .base_file_url(base_file_url)
        .post_init(channel.set_command_menus)
    )
    builder = builder.request(request or AiohttpRequest()).get_updates_request(
        request or AiohttpRequest(connections=1)
    )
    application = builder.concurrent_updates(LaneUpdateProcessor(channel.lanes)).build()
    channel.outbox.register(CHANNEL, TelegramDelivery(application.bot))
    application.add_handler(TypeHandler(Update, channel.on_update))
    application.add_error_handler(channel.on_error)
    if application.job_queue is not None:
        application.job_queue.run_repeating(
            channel.sweep_outbox, interval=OUTBOX_SWEEP_SECONDS, first=1
        )
        application.job_queue.run_daily(channel.daily_round, channel.daily_round_at)
        if channel.drafts is not None:
            application.job_queue.run_repeating(
                channel.purge_drafts,
                interval=DRAFT_PURGE_EVERY,
                first=DRAFT_PURGE_FIRST,
                name="purge-drafts",
            )
    return application


@asynccontextmanager
async def running(application: Application) -> AsyncIterator[None]:  # type: ignore[type-arg]
    """Starts the application's update processing; stopping finishes the accepted updates."""
    async with application:
        if application.post_init is not None:
            await application.post_init(application)
        await application.start()
        try:
            yield
        finally:
            await application.stop()
