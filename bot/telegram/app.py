"""The python-telegram-bot ``Application``: updates in, engine, messages out."""

from __future__ import annotations

import logging
from datetime import time, timedelta
from pathlib import Path

from telegram import BotCommand, Update
from telegram.error import BadRequest, TelegramError
from telegram.ext import Application, ContextTypes, TypeHandler
from telegram.request import BaseRequest

from bot.maintenance_rights import DraftPurge
from bot.outbox import INLINE_DELIVERY_SECONDS, OutboxDispatcher
from bot.telegram.outbox import TelegramDelivery
from bot.telegram.sending import CHANNEL, send_messages
from bot.telegram.updates import incoming_from_update
from handlers.commands import VENDOR_MENU
from handlers.engine import ConversationEngine
from handlers.i18n import SUPPORTED_LANGUAGES, Locales, Translator

log = logging.getLogger(__name__)

OUTBOX_SWEEP_SECONDS = 30
DRAFT_PURGE_EVERY = timedelta(days=1)
DRAFT_PURGE_FIRST = timedelta(minutes=1)


class TelegramChannel:
    """Connects one ``Application`` to the conversation engine."""

    def __init__(
        self,
        engine: ConversationEngine,
        locales: Locales,
        outbox: OutboxDispatcher,
        *,
        default_language: str,
        media_dir: Path,
        daily_round_at: time,
        drafts: DraftPurge | None = None,
    ) -> None:
        self._engine = engine
        self._locales = locales
        self.outbox = outbox
        self._default_language = default_language
        self._media_dir = media_dir
        self.daily_round_at = daily_round_at
        """When mentors get their digest and vendors their reminders (with its time zone)."""
        self.drafts = drafts
        """Deletes abandoned drafts once a day (the ``DRAFT_RETENTION_DAYS`` setting)."""

    async def on_update(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Handles one update: the engine commits the new state before anything is sent."""
        incoming = incoming_from_update(update)
        if incoming is None:
            return
        query = update.callback_query
        if query is not None:
            await quietly(query.answer())
        handled = await self._engine.handle(
            incoming.sender, incoming.event, update_id=incoming.update_id
        )
        if query is not None and handled.messages:
            await quietly(query.edit_message_reply_markup(None))
        await send_messages(context.bot, incoming.chat_id, handled.messages, self._media_dir)
        if handled.outbox_queued:
            await self.outbox.deliver(within=INLINE_DELIVERY_SECONDS)

    async def on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Logs the failure and apologises; the update's transaction was rolled back."""
        log.error("failed to handle an update", exc_info=context.error)
        if isinstance(update, Update) and (incoming := incoming_from_update(update)) is not None:
            text = self._locales.translator(self._default_language)("error-internal")
            await quietly(context.bot.send_message(incoming.chat_id, text))

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


def commands(tr: Translator) -> list[BotCommand]:
    return [BotCommand(command.name, tr.render(command.about)) for command in VENDOR_MENU]


async def quietly(call: object) -> None:
    """Awaits a cosmetic API call whose failure must not fail the update."""
    try:
        await call  # type: ignore[misc]
    except (BadRequest, TelegramError) as error:
        log.debug("ignored Telegram error: %s", error)


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
    if request is not None:
        builder = builder.request(request).get_updates_request(request)
    application = builder.build()
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
