"""Incoming events: what a user did, in terms every channel can produce."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field, replace
from typing import Literal

from models.validators.chat import visible


@dataclass(frozen=True, slots=True)
class TextReceived:
    """The user typed a message (or tapped a reply-keyboard button, which sends its label)."""

    text: str


@dataclass(frozen=True, slots=True)
class CommandReceived:
    """A slash command such as ``/status``; ``name`` is without the slash, lower case."""

    name: str
    args: str = ""
    about_user: str | None = None
    """The channel id of the person whose forwarded message this command replies to."""
    about_name: str | None = None
    """That person's name as the channel shows it."""


@dataclass(frozen=True, slots=True)
class ButtonPressed:
    """The user pressed a choice button; ``token`` is the opaque id the engine gave it."""

    token: str


@dataclass(frozen=True, slots=True)
class ContactShared:
    """The user shared a phone contact; ``is_own`` is true when it is the sender's own number."""

    phone: str
    is_own: bool


@dataclass(frozen=True, slots=True)
class MediaReceived:
    """A photo or document; ``file_ref`` is the channel's durable reference to the file, and
    ``download`` fetches its bytes when a flow decides to keep it."""

    kind: Literal["photo", "document"]
    file_ref: str
    mime_type: str | None = None
    size: int | None = None
    file_name: str | None = None
    download: Callable[[], Awaitable[bytes]] | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class UnsupportedReceived:
    """Anything the flows cannot use (sticker, voice note, location, ...)."""

    kind: str


@dataclass(frozen=True, slots=True)
class PendingResent:
    """Not from the user: the channel never confirmed the last replies, so the question they
    are waiting for is sent again (see ``handlers/recovery.py``)."""


Event = (
    TextReceived
    | CommandReceived
    | ButtonPressed
    | ContactShared
    | MediaReceived
    | UnsupportedReceived
    | PendingResent
)


@dataclass(frozen=True, slots=True)
class Sender:
    """Who sent an event on which channel; ``external_id`` is the channel's user id."""

    channel: str
    external_id: str
    language_hint: str | None = None
    display_name: str | None = None
    """The name the channel shows; kept only for staff, so colleagues see who decided."""
    verified_phone: str | None = None
    """The sender's own number as the channel verified it (WhatsApp), in E.164."""


@dataclass(frozen=True, slots=True)
class ChoiceMade:
    """A button press (or a typed button label) resolved by the engine to a stable choice id."""

    choice_id: str


def text_or_command(typed: str) -> TextReceived | CommandReceived:
    """A slash command (``/status``, ``/status@SomeBot args``) or plain text."""
    text = without_control(typed)
    if text.startswith("/") and len(text) > 1:
        head, _, args = text[1:].partition(" ")
        name = head.split("@", 1)[0].lower()
        if name.isascii() and name.replace("_", "").isalnum():
            return CommandReceived(name, args.strip())
    return TextReceived(text)


def without_control(text: str) -> str:
    """``text`` without control characters other than line breaks and tabs, nor format
    (bidi overrides, zero-width), private-use or lone surrogate code points: nobody types them
    on purpose, a NUL byte cannot even be stored in PostgreSQL, a surrogate cannot be encoded
    in a reply, and the others make one name look like another or reverse a reviewer's line."""
    return visible(text)


def sanitized(event: Event) -> Event:
    """The event with its typed text cleaned by :func:`without_control`."""
    match event:
        case TextReceived(text=text):
            return TextReceived(without_control(text))
        case CommandReceived(args=args, about_user=about):
            return replace(
                event,
                name=without_control(event.name),
                args=without_control(args),
                about_user=None if about is None else without_control(about),
            )
        case MediaReceived(file_name=name) if name is not None:
            return replace(event, file_name=without_control(name))
        case ContactShared(phone=phone):
            return replace(event, phone=without_control(phone))
    return event


def sanitized_sender(sender: Sender) -> Sender:
    """The sender with the display name the channel gave cleaned like typed text."""
    name = sender.display_name
    if name is None:
        return sender
    cleaned = " ".join(without_control(name).split())
    return replace(sender, display_name=cleaned or None)
