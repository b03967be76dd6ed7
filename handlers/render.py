"""Replies translated into channel-ready messages, with button tokens for this turn."""

from __future__ import annotations

from typing import Any

from handlers.i18n import Translator
from handlers.replies import OutButton, OutMessage, Reply
from models.entities import Conversation

FOOTER_COLUMNS = 3


def render(
    replies: list[Reply],
    conversation: Conversation,
    tr: Translator,
    *,
    keep_current: bool = False,
) -> list[OutMessage]:
    """Translates replies and gives their buttons tokens valid for this turn only.

    The conversation records which choice each token stands for, so a press is decided from
    stored state, and tokens of earlier messages are recognised as stale. ``keep_current``
    (for notifications) adds the new buttons without invalidating those already shown.
    """
    menus = [reply for reply in replies if reply.command_menu is not None]
    replies = [reply for reply in replies if reply.command_menu is None]
    if not keep_current:
        conversation.turn += 1
    offered: list[list[str]] = list(conversation.offered) if keep_current else []
    remove_keyboard = conversation.contact_keyboard and not keep_current
    wants_contact = any(reply.request_contact for reply in replies)
    messages: list[OutMessage] = []
    for reply in replies:
        rows = []
        for choices, columns in ((reply.choices, reply.columns), (reply.footer, FOOTER_COLUMNS)):
            buttons = []
            for choice in choices:
                label = tr.render(choice.label)
                buttons.append(OutButton(f"{conversation.turn:x}.{len(offered)}", label))
                offered.append([choice.id, label])
            rows += [tuple(buttons[i : i + columns]) for i in range(0, len(buttons), columns)]
        messages.append(
            OutMessage(
                text="\n\n".join(tr.render(part) for part in reply.parts),
                buttons=tuple(rows),
                contact_label=tr("button-share-contact") if reply.request_contact else None,
                remove_keyboard=remove_keyboard and not wants_contact and not messages,
                attachments=reply.attachments,
                footer_size=len(reply.footer),
            )
        )
    conversation.offered = offered
    if not keep_current:
        conversation.contact_keyboard = wants_contact or (remove_keyboard and not messages)
    return messages + [command_menu(menu, tr) for menu in menus]  # after every message


def command_menu(menu: Reply, tr: Translator) -> OutMessage:
    entries = tuple((name, tr.render(about)) for name, about in menu.command_menu or ())
    return OutMessage(text="", command_menu=entries)


def to_payload(message: OutMessage) -> dict[str, Any]:
    """A message as JSON for the outbox (attachments are not queued)."""
    return {
        "text": message.text,
        "buttons": [
            [[button.token, button.label, *([button.url] if button.url else [])] for button in row]
            for row in message.buttons
        ],
        "footer_size": message.footer_size,
        **(
            {"command_menu": [list(entry) for entry in message.command_menu]}
            if message.command_menu is not None
            else {}
        ),
    }


def from_payload(payload: dict[str, Any]) -> OutMessage:
    return OutMessage(
        text=str(payload["text"]),
        buttons=tuple(tuple(OutButton(*button) for button in row) for row in payload["buttons"]),
        footer_size=int(payload.get("footer_size", 0)),  # absent in messages queued earlier
        command_menu=(
            tuple((str(name), str(about)) for name, about in payload["command_menu"])
            if "command_menu" in payload
            else None
        ),
    )
