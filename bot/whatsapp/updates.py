"""WhatsApp webhook updates (parsed by pywa) translated into the engine's channel-free events.

Updates are typed with pywa's base classes, which pywa_async's subclass; every API call goes
through the pywa_async client.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Literal

from pywa.types.callback import CallbackButton, CallbackSelection
from pywa.types.media import Document, Image
from pywa.types.message import Message
from pywa.types.others import ContactsOrigin
from pywa.types.user import User
from pywa_async.client import WhatsApp

from bot.whatsapp.render import OWN_NUMBER
from handlers.events import (
    ButtonPressed,
    ContactShared,
    Event,
    MediaReceived,
    Sender,
    UnsupportedReceived,
    text_or_command,
)
from models.errors import InvalidInput

CHANNEL = "whatsapp"

Choice = CallbackButton[str] | CallbackSelection[str]
"""A reply button pressed or a list row chosen."""


class Unreadable(ValueError):
    """A field the bot reads is missing or of the wrong type: pywa checks no types."""


def text(value: object) -> str:
    """``value``, which must be a non-empty string."""
    if isinstance(value, str) and value:
        return value
    raise Unreadable(type(value).__name__)


def optional_text(value: object) -> str | None:
    return None if value is None else text(value)


MAX_PHONE_DIGITS = 15
"""E.164: a country code and number of at most 15 digits."""
MAX_ID_LENGTH = 64
"""The longest message or user id the database keeps (Meta's are about 60 characters)."""


def identifier(value: object) -> str:
    """``value``, which must be an id: a non-empty string of at most :data:`MAX_ID_LENGTH`."""
    if len(text(value)) <= MAX_ID_LENGTH:
        return str(value)
    raise Unreadable("id too long")


def sender_of(user: User) -> Sender:
    """The sender keyed by the business-scoped user id (BSUID).

    Meta includes the BSUID in every message webhook, while the phone number (``wa_id``) is
    left out for users who turned on WhatsApp usernames, and changes when a user changes number.
    """
    identifier(user.preferred_id)
    return Sender(CHANNEL, identifier(user.bsuid), verified_phone=own_number(user))


def own_number(user: User) -> str | None:
    """The sender's phone number as WhatsApp verified it, when WhatsApp shares it."""
    if not user.wa_id:
        return None
    number = text(user.wa_id)
    if number.isascii() and number.isdigit() and len(number) <= MAX_PHONE_DIGITS:
        return f"+{number}"
    raise Unreadable("not a phone number")


def event_from_choice(choice: Choice) -> Event:
    """A reply button or list row: its id is the engine's token, or :data:`OWN_NUMBER`."""
    identifier(choice.id), text(choice.data)
    phone = own_number(choice.from_user)
    if choice.data == OWN_NUMBER and phone is not None:
        return ContactShared(phone, is_own=True)
    return ButtonPressed(choice.data)


async def event_from_message(wa: WhatsApp, message: Message, max_bytes: int | None = None) -> Event:
    """The message as an event; nothing is fetched from WhatsApp here (see :func:`media_event`)."""
    identifier(message.id)
    if message.text is not None:
        return text_or_command(text(message.text))
    if message.contacts is not None:
        return contact_event(message)
    if message.image is not None:
        return media_event(wa, "photo", message.image, max_bytes)
    if message.document is not None:
        return media_event(wa, "document", message.document, max_bytes)
    return UnsupportedReceived(unsupported_kind(message))


def unsupported_kind(message: Message) -> str:
    """The kind the engine answers to, as Telegram names them: a voice note is ``voice``."""
    if message.audio is not None:
        return "voice" if message.audio.voice else "audio"
    return str(message.type)


def contact_event(message: Message) -> Event:
    """A shared contact card, or the answer to WhatsApp's own "share your number" request."""
    contacts = message.contacts
    phone = next((phone for contact in contacts or () for phone in contact.phones), None)
    if contacts is None or phone is None:
        return UnsupportedReceived("contacts")
    number = f"+{text(phone.wa_id)}" if phone.wa_id else optional_text(phone.phone) or ""
    own = contacts.origin == ContactsOrigin.CONTACT_REQUEST or (
        number == own_number(message.from_user)
    )
    return ContactShared(number, is_own=own)


def media_event(
    wa: WhatsApp,
    kind: Literal["photo", "document"],
    media: Image | Document,
    max_bytes: int | None = None,
) -> MediaReceived:
    """The media id is the durable reference. The file is looked up and downloaded only when
    a flow keeps it, so a photo sent where a text is expected costs no request."""
    return MediaReceived(
        kind,
        identifier(media.id),
        optional_text(media.mime_type),
        None,
        optional_text(getattr(media, "filename", None)),
        download=downloader(wa, media.id, max_bytes),
    )


def downloader(
    wa: WhatsApp, media_id: str, max_bytes: int | None
) -> Callable[[], Awaitable[bytes]]:
    """Fetches a file's bytes through the media API, refusing one over ``max_bytes`` before
    its download."""

    async def download() -> bytes:
        info = await wa.get_media_url(media_id)
        if max_bytes is not None and info.file_size is not None and info.file_size > max_bytes:
            raise InvalidInput("error-photo-too-large", max_mb=max_bytes // 1_000_000)
        return await info.get_bytes()

    return download
