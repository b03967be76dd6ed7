"""Telegram updates translated into the engine's channel-free events."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace

from telegram import Bot, Message, MessageOriginUser, Update

from handlers.events import (
    ButtonPressed,
    CommandReceived,
    ContactShared,
    Event,
    MediaReceived,
    Sender,
    UnsupportedReceived,
    text_or_command,
)

CHANNEL = "telegram"


@dataclass(frozen=True, slots=True)
class Incoming:
    """An update the engine can handle: who, what, and where to answer."""

    sender: Sender
    event: Event
    chat_id: int
    update_id: str


def incoming_from_update(update: Update) -> Incoming | None:
    """The event of a private-chat update, or None for updates the bot ignores."""
    user = update.effective_user
    chat = update.effective_chat
    if user is None or chat is None or chat.type != chat.PRIVATE or user.is_bot:
        return None
    if update.callback_query is not None:
        event: Event | None = ButtonPressed(update.callback_query.data or "")
    elif update.message is not None:
        event = event_from_message(update.message)
    else:
        event = None
    if event is None:
        return None
    sender = Sender(CHANNEL, str(user.id), user.language_code, user.full_name)
    return Incoming(sender, event, chat.id, str(update.update_id))


def event_from_message(message: Message) -> Event:
    if message.text is not None:
        event = text_or_command(message.text)
        forwarded_from = forwarded_user(message.reply_to_message)
        if isinstance(event, CommandReceived) and forwarded_from is not None:
            return replace(event, about_user=forwarded_from[0], about_name=forwarded_from[1])
        return event
    if message.contact is not None:
        own = message.from_user is not None and message.contact.user_id == message.from_user.id
        return ContactShared(message.contact.phone_number, is_own=own)
    if message.photo:
        largest = message.photo[-1]
        return MediaReceived(
            "photo",
            largest.file_id,
            "image/jpeg",
            largest.file_size,
            download=downloader(message.get_bot(), largest.file_id),
        )
    if message.document is not None:
        document = message.document
        return MediaReceived(
            "document",
            document.file_id,
            document.mime_type,
            document.file_size,
            document.file_name,
            download=downloader(message.get_bot(), document.file_id),
        )
    return UnsupportedReceived(unsupported_kind(message))


def forwarded_user(message: Message | None) -> tuple[str, str] | None:
    """The original sender of a forwarded message (id and name), when Telegram reveals them."""
    origin = message.forward_origin if message is not None else None
    if isinstance(origin, MessageOriginUser):
        return str(origin.sender_user.id), origin.sender_user.full_name
    return None


def downloader(bot: Bot, file_id: str) -> Callable[[], Awaitable[bytes]]:
    """Fetches a file's bytes through the Bot API, only when a flow keeps the file."""

    async def download() -> bytes:
        file = await bot.get_file(file_id)
        return bytes(await file.download_as_bytearray())

    return download


def unsupported_kind(message: Message) -> str:
    for kind in ("sticker", "voice", "audio", "video", "video_note", "location", "animation"):
        if getattr(message, kind, None):
            return kind
    return "other"
