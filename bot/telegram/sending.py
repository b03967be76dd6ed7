"""Sends rendered messages to a Telegram chat: attachments first, then the text and buttons.

Direct replies go through :class:`ReplySender`: every Bot API call is paced by the limiter the
outbox shares, waits out a 429's ``retry_after``, and is retried with a growing delay while
retrying cannot show the user a message twice (a refusal by a failing server, a connection that
never opened). A call that may have arrived or was refused for good ends the reply: the engine
then treats the pending question as possibly unseen.
"""

from __future__ import annotations

import contextlib
import logging
import warnings
from collections.abc import Awaitable, Callable
from functools import partial
from pathlib import Path
from typing import Protocol, TypeVar

from telegram import (
    Bot,
    BotCommand,
    BotCommandScopeChat,
    InputFile,
    InputMediaPhoto,
    ReplyKeyboardRemove,
)
from telegram.error import RetryAfter, TelegramError
from telegram.warnings import PTBUserWarning
from tenacity import (
    AsyncRetrying,
    RetryCallState,
    retry_if_exception,
    stop_after_attempt,
    stop_after_delay,
    wait_exponential,
)

from bot.ratelimit import RateLimiter
from bot.telegram.errors import retry_after, safe_to_retry
from bot.telegram.render import Markup, markup_for
from handlers.replies import Attachment, OutMessage

log = logging.getLogger(__name__)

CHANNEL = "telegram"
MEDIA_GROUP_MAX = 10
REPLY_ATTEMPTS = 6
REPLY_GIVE_UP_SECONDS = 120
"""After this long a reply is given up; the user gets the question again when they write."""

T = TypeVar("T")


class Attempt(Protocol):
    """How a Bot API call is made: once, or retried while that is safe."""

    def __call__(self, call: Callable[[], Awaitable[T]], /) -> Awaitable[T]: ...


async def once(call: Callable[[], Awaitable[T]]) -> T:
    """One attempt: the outbox keeps its own record of retries."""
    return await call()


async def send_messages(
    bot: Bot,
    chat_id: int,
    messages: list[OutMessage],
    media_dir: Path | None = None,
    attempt: Attempt = once,
) -> None:
    for message in messages:
        if message.command_menu is not None:
            await attempt(partial(set_chat_menu, bot, chat_id, message.command_menu))
            continue
        await send_attachments(bot, chat_id, message.attachments, media_dir, attempt)
        if message.remove_keyboard and message.buttons:
            # A message cannot both remove a reply keyboard and carry inline buttons: remove
            # the keyboard with a short message that is deleted at once.
            placeholder = await attempt(
                partial(bot.send_message, chat_id, "…", reply_markup=ReplyKeyboardRemove())
            )
            with contextlib.suppress(TelegramError):
                await placeholder.delete()
        markup = markup_for(message)
        await attempt(partial(post_message, bot, chat_id, message.text, markup))


async def post_message(bot: Bot, chat_id: int, text: str, markup: Markup) -> None:
    """``sendMessage``, leaving Telegram's answer unparsed: python-telegram-bot would build a
    ``Message`` of a hundred attributes from it (about a tenth of an update's CPU, by cProfile
    on ``bench.conversation``), and nothing here reads it. ``do_api_request`` then warns that
    ``send_message`` exists: :func:`allow_unparsed_sends` silences that one warning."""
    await bot.do_api_request(
        "send_message", api_kwargs={"chat_id": chat_id, "text": text, "reply_markup": markup}
    )


async def remove_buttons(bot: Bot, chat_id: int, message_id: int) -> None:
    """``editMessageReplyMarkup`` without a markup, its answer unparsed (see post_message)."""
    await bot.do_api_request(
        "edit_message_reply_markup", api_kwargs={"chat_id": chat_id, "message_id": message_id}
    )


def allow_unparsed_sends() -> None:
    """Called by each sender as it is built (a warning filter set at import would be undone by
    test runners, which reset the filters around each test)."""
    warnings.filterwarnings(
        "ignore", r"Please use 'Bot\.(send_message|edit_message_reply_markup)'", PTBUserWarning
    )


async def set_chat_menu(bot: Bot, chat_id: int, menu: tuple[tuple[str, str], ...]) -> None:
    """This chat's command menu (the roles of the person in it, in their language)."""
    commands = [BotCommand(name, about) for name, about in menu]
    await bot.set_my_commands(commands, scope=BotCommandScopeChat(chat_id))


async def send_attachments(
    bot: Bot,
    chat_id: int,
    attachments: tuple[Attachment, ...],
    media_dir: Path | None,
    attempt: Attempt = once,
) -> None:
    photos = [item for item in attachments if item.kind == "photo"]
    for start in range(0, len(photos), MEDIA_GROUP_MAX):
        group = photos[start : start + MEDIA_GROUP_MAX]
        if len(group) == 1:
            await attempt(partial(bot.send_photo, chat_id, source(group[0], media_dir)))
        else:
            media = [InputMediaPhoto(source(item, media_dir)) for item in group]
            await attempt(partial(bot.send_media_group, chat_id, media))
    for document in (item for item in attachments if item.kind == "document"):
        await attempt(partial(bot.send_document, chat_id, source(document, media_dir)))


def source(attachment: Attachment, media_dir: Path | None) -> str | InputFile:
    """Telegram's own file id when the file came through Telegram, else the file itself."""
    if attachment.channel == CHANNEL and attachment.file_ref:
        return attachment.file_ref
    if attachment.data is not None:
        return InputFile(attachment.data, filename=attachment.filename)
    if attachment.path is not None and media_dir is not None:
        path = media_dir / attachment.path
        return InputFile(path.read_bytes(), filename=attachment.filename or path.name)
    raise ValueError(f"attachment without content: {attachment!r}")


class ReplySender:
    """Sends an update's replies reliably and says whether they all arrived."""

    def __init__(
        self,
        limiter: RateLimiter | None,
        media_dir: Path | None,
        *,
        backoff: float = 0.5,
    ) -> None:
        self._limiter = limiter
        self._media_dir = media_dir
        self._backoff = backoff
        allow_unparsed_sends()

    async def send(self, bot: Bot, chat_id: int, messages: list[OutMessage]) -> bool:
        """True when every message was delivered; False when one may not have arrived."""
        if not messages:
            return True
        try:
            await send_messages(bot, chat_id, messages, self._media_dir, self._attempts(chat_id))
        except TelegramError as error:
            log.warning("reply to chat %s not delivered", chat_id, exc_info=error)
            return False
        return True

    def _attempts(self, chat_id: int) -> Attempt:
        async def attempt(call: Callable[[], Awaitable[T]]) -> T:
            retrying = AsyncRetrying(
                retry=retry_if_exception(safe_to_retry),
                wait=self._wait,
                stop=stop_after_attempt(REPLY_ATTEMPTS) | stop_after_delay(REPLY_GIVE_UP_SECONDS),
                reraise=True,
            )
            async for trying in retrying:
                with trying:
                    if self._limiter is not None:
                        await self._limiter.acquire(str(chat_id), reply=True)
                    return await self._call(call)
            raise AssertionError("unreachable: tenacity re-raises the last error")

        return attempt

    async def _call(self, call: Callable[[], Awaitable[T]]) -> T:
        try:
            return await call()
        except RetryAfter as flood:
            if self._limiter is not None:  # every send of this process waits with this one
                self._limiter.pause(retry_after(flood).total_seconds())
            raise

    def _wait(self, state: RetryCallState) -> float:
        error = state.outcome.exception() if state.outcome is not None else None
        if isinstance(error, RetryAfter):
            return 0.0 if self._limiter is not None else retry_after(error).total_seconds()
        return float(wait_exponential(multiplier=self._backoff, max=30)(state))
