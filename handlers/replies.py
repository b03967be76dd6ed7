"""Outgoing replies: what flows answer, before and after translation.

Flows build :class:`Reply` objects that name locale keys (:class:`Msg`) and offer
:class:`Choice` objects with stable ids. The engine translates them into
:class:`OutMessage` objects whose buttons carry opaque tokens; channel adapters only
render those.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal


@dataclass(frozen=True, slots=True)
class Msg:
    """A localisable text: a key in ``locales/`` and its arguments."""

    key: str
    args: Mapping[str, Any] = field(default_factory=dict)


def msg(key: str, **args: Any) -> Msg:
    """Shorthand for :class:`Msg`."""
    return Msg(key, args)


@dataclass(frozen=True, slots=True)
class Choice:
    """A button the user may press; ``id`` is stable and never shown, ``label`` is translated."""

    id: str
    label: Msg


@dataclass(frozen=True, slots=True)
class Attachment:
    """A photo or document sent before a message's text.

    A channel reuses ``file_ref`` when the file came through that same channel; otherwise it
    uploads the stored copy at ``path`` (relative to the media folder) or the bytes in ``data``.
    """

    kind: Literal["photo", "document"]
    channel: str | None = None
    file_ref: str | None = None
    path: str | None = None
    data: bytes | None = field(default=None, repr=False)
    filename: str | None = None


@dataclass(frozen=True, slots=True)
class Reply:
    """One message to the user: text parts joined by blank lines, with optional choices."""

    parts: tuple[Msg, ...]
    choices: tuple[Choice, ...] = ()
    columns: int = 1
    request_contact: bool = False
    footer: tuple[Choice, ...] = ()
    """Navigation (back, help, stop, pages) shown after every other choice."""
    attachments: tuple[Attachment, ...] = ()
    actions: tuple[Choice, ...] = ()
    """The message's main actions (submit, save for later), shown after the choices; a
    channel that cannot show every button at once shows these first."""
    command_menu: tuple[tuple[str, Msg], ...] | None = None
    """Instead of a message: the chat's command menu to set, each command with its description
    (channels without a command menu ignore it)."""


def reply(
    *parts: Msg,
    choices: tuple[Choice, ...] | list[Choice] = (),
    columns: int = 1,
    request_contact: bool = False,
    footer: tuple[Choice, ...] | list[Choice] = (),
    actions: tuple[Choice, ...] | list[Choice] = (),
) -> Reply:
    """Shorthand for :class:`Reply`."""
    return Reply(
        tuple(parts), tuple(choices), columns, request_contact, tuple(footer), (), tuple(actions)
    )


@dataclass(frozen=True, slots=True)
class OutButton:
    """A rendered button: the translated label and the opaque token it sends back, or a link
    it opens instead (Telegram only: messages to the staff group). ``short_label`` is the
    label's shorter form for channels with tight limits (the ``.whatsapp`` attribute of its
    locale message), when it has one."""

    token: str
    label: str
    url: str | None = None
    short_label: str | None = None


@dataclass(frozen=True, slots=True)
class OutMessage:
    """A rendered message, ready for a channel adapter.

    ``contact_label`` asks the adapter for a share-contact button; ``remove_keyboard`` asks it
    to take away a reply keyboard shown earlier. The buttons are the choices, then
    ``action_count`` main actions (submit, save for later), then ``navigation_count``
    navigation buttons (back, help, stop): a channel that cannot show every button at once
    shows the main actions first and the navigation last.
    """

    text: str
    buttons: tuple[tuple[OutButton, ...], ...] = ()
    contact_label: str | None = None
    remove_keyboard: bool = False
    attachments: tuple[Attachment, ...] = ()
    action_count: int = 0
    navigation_count: int = 0
    command_menu: tuple[tuple[str, str], ...] | None = None
    """Instead of a message: the chat's command menu to set (command, description)."""

    @property
    def flat_buttons(self) -> tuple[OutButton, ...]:
        """All buttons in reading order."""
        return tuple(button for row in self.buttons for button in row)

    @property
    def actions_first(self) -> tuple[OutButton, ...]:
        """All buttons, the main actions before the choices and the navigation last."""
        buttons = self.flat_buttons
        end = len(buttons) - self.navigation_count
        start = end - self.action_count
        return buttons[start:end] + buttons[:start] + buttons[end:]
