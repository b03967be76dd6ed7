"""Telegram updates, as the Bot API's JSON, read into the engine's channel-free events.

The webhook reads the JSON straight into an :class:`Incoming` (python-telegram-bot's object
graph is not built for it); polling hands over python-telegram-bot's ``Update`` as a dict. Every
field the bot reads is checked for its type, so a body that only looks like an update is
refused (:class:`NotAnUpdate`) instead of failing half-way through its handling.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from telegram import Bot

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
MAX_ID = 2**63
"""Telegram's ids fit in a signed 64-bit integer."""
UNSUPPORTED_KINDS = ("sticker", "voice", "audio", "video", "video_note", "location", "animation")

Downloader = Callable[[str], Callable[[], Awaitable[bytes]]]
"""Given a file id, what fetches the file's bytes through the Bot API."""


class NotAnUpdate(ValueError):
    """A body that is not a Telegram update, or one with a field of the wrong type."""


@dataclass(frozen=True, slots=True)
class Pressed:
    """The button press an update answers: its query, and the message whose button it was."""

    query_id: str
    chat_id: int | None
    message_id: int | None


@dataclass(frozen=True, slots=True)
class Incoming:
    """An update the engine can handle: who, what, and where to answer."""

    sender: Sender
    event: Event
    chat_id: int
    update_id: str
    pressed: Pressed | None = None


def update_id_of(data: object) -> int:
    """The id of an update; refuses anything that is not a JSON object with one."""
    if not isinstance(data, dict):
        raise NotAnUpdate("not an object")
    return _id(data, "update_id")


def read_update(data: object, download: Downloader) -> Incoming | None:
    """The event of a private-chat update, or None for updates the bot ignores."""
    update_id = update_id_of(data)
    assert isinstance(data, dict)
    query = _object(data, "callback_query")
    if query is not None:
        return _pressed(query, update_id)
    message = _object(data, "message")
    if message is None:
        return None
    chat, user = _object(message, "chat"), _object(message, "from")
    if chat is None or user is None or not _private(chat) or _bool(user, "is_bot"):
        return None
    event = event_from_message(message, download)
    return Incoming(_sender(user), event, _id(chat, "id"), str(update_id))


def _pressed(query: Mapping[str, Any], update_id: int) -> Incoming | None:
    user, message = _object(query, "from"), _object(query, "message")
    chat = _object(message, "chat") if message is not None else None
    query_id = _str(query, "id")
    if user is None or chat is None or query_id is None or not _private(chat):
        return None
    if _bool(user, "is_bot"):
        return None
    assert message is not None
    pressed = Pressed(query_id, _id(chat, "id"), _optional_id(message, "message_id"))
    event = ButtonPressed(_str(query, "data") or "")
    return Incoming(_sender(user), event, _id(chat, "id"), str(update_id), pressed)


def event_from_message(message: Mapping[str, Any], download: Downloader) -> Event:
    text = _str(message, "text")
    if text is not None:
        event = text_or_command(text)
        forwarded_from = forwarded_user(_object(message, "reply_to_message"))
        if isinstance(event, CommandReceived) and forwarded_from is not None:
            return replace(event, about_user=forwarded_from[0], about_name=forwarded_from[1])
        return event
    contact = _object(message, "contact")
    if contact is not None:
        user = _object(message, "from")
        contact_user = _optional_id(contact, "user_id")
        own = user is not None and contact_user is not None and contact_user == _id(user, "id")
        return ContactShared(_required_str(contact, "phone_number"), is_own=own)
    photo = _list(message, "photo")
    if photo:
        largest = photo[-1]
        if not isinstance(largest, dict):
            raise NotAnUpdate("photo")
        file_id = _required_str(largest, "file_id")
        size = _optional_id(largest, "file_size")
        return MediaReceived("photo", file_id, "image/jpeg", size, download=download(file_id))
    document = _object(message, "document")
    if document is not None:
        file_id = _required_str(document, "file_id")
        return MediaReceived(
            "document",
            file_id,
            _str(document, "mime_type"),
            _optional_id(document, "file_size"),
            _str(document, "file_name"),
            download=download(file_id),
        )
    return UnsupportedReceived(unsupported_kind(message))


def forwarded_user(message: Mapping[str, Any] | None) -> tuple[str, str] | None:
    """The original sender of a forwarded message (id and name), when Telegram reveals them."""
    origin = _object(message, "forward_origin") if message is not None else None
    if origin is None or origin.get("type") != "user":
        return None
    user = _object(origin, "sender_user")
    if user is None:
        raise NotAnUpdate("sender_user")
    return str(_id(user, "id")), _full_name(user)


def unsupported_kind(message: Mapping[str, Any]) -> str:
    for kind in UNSUPPORTED_KINDS:
        if message.get(kind):
            return kind
    return "other"


def _sender(user: Mapping[str, Any]) -> Sender:
    return Sender(CHANNEL, str(_id(user, "id")), _str(user, "language_code"), _full_name(user))


def _full_name(user: Mapping[str, Any]) -> str:
    first, last = _str(user, "first_name") or "", _str(user, "last_name")
    return f"{first} {last}" if last else first


def _private(chat: Mapping[str, Any]) -> bool:
    _id(chat, "id")
    return _str(chat, "type") == "private"


def _object(data: Mapping[str, Any], key: str) -> Mapping[str, Any] | None:
    value = data.get(key)
    if value is None or isinstance(value, dict):
        return value
    raise NotAnUpdate(key)


def _list(data: Mapping[str, Any], key: str) -> list[Any]:
    value = data.get(key)
    if value is None:
        return []
    if isinstance(value, list):
        return value
    raise NotAnUpdate(key)


def _str(data: Mapping[str, Any], key: str) -> str | None:
    value = data.get(key)
    if value is None or isinstance(value, str):
        return value
    raise NotAnUpdate(key)


def _required_str(data: Mapping[str, Any], key: str) -> str:
    value = _str(data, key)
    if value is None:
        raise NotAnUpdate(key)
    return value


def _bool(data: Mapping[str, Any], key: str) -> bool:
    value = data.get(key, False)
    if isinstance(value, bool):
        return value
    raise NotAnUpdate(key)


def _optional_id(data: Mapping[str, Any], key: str) -> int | None:
    return None if data.get(key) is None else _id(data, key)


def _id(data: Mapping[str, Any], key: str) -> int:
    value = data.get(key)
    if type(value) is int and -MAX_ID < value < MAX_ID:
        return value
    raise NotAnUpdate(key)


def downloads_through(bot: Bot) -> Downloader:
    """Fetches a file's bytes through the Bot API, only when a flow keeps the file."""

    def downloader(file_id: str) -> Callable[[], Awaitable[bytes]]:
        async def download() -> bytes:
            file = await bot.get_file(file_id)
            return bytes(await file.download_as_bytearray())

        return download

    return downloader
