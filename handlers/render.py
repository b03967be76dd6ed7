"""Replies translated into channel-ready messages, with button tokens for this turn."""

from __future__ import annotations

from typing import Any

from handlers.i18n import Translator
from handlers.replies import OutButton, OutMessage, Reply
from models.entities import Conversation
from models.validators.chat import visible

FOOTER_COLUMNS = 3
ACTION_MARK = "!"
"""Starts the token of an action button: the choice id itself, valid on any message."""
MAX_TOKEN = 64
"""Telegram's limit for a button's data, in bytes."""

ACTION_KINDS = frozenset(
    {("menu", None), ("fix", None), ("mentor", None), ("lang", None), ("reminders", "off")}
    | {("products", "list"), ("products", "page"), ("products", "add")}
    | {("products", "submit_all"), ("product", "open"), ("product", "edit")}
    | {("product", "duplicate"), ("product", "submit"), ("product", "delete")}
    | {("product", "resume"), ("review", "open"), ("review", "approve"), ("review", "fix")}
    | {("review", "approveyes"), ("review", "reject"), ("review", "history")}
    | {("review", "page"), ("review", "reveal-nik"), ("review", "reveal-npwp")}
)
"""Choices that act on something (open an item, fix now, check status, a review decision)
rather than answer the question being asked; each handler checks the current state and the
user's rights when pressed, so they stay valid on older messages. ``None`` stands for any."""


def is_action(choice_id: str) -> bool:
    head, _, rest = choice_id.partition(".")
    second = rest.split(".", 1)[0]
    return (head, None) in ACTION_KINDS or (head, second) in ACTION_KINDS


def token_for(choice_id: str, turn: int, index: int) -> str:
    """A stable token for an action, else one valid for this turn only."""
    stable = ACTION_MARK + choice_id
    if is_action(choice_id) and len(stable.encode()) <= MAX_TOKEN:
        return stable
    return f"{turn:x}.{index}"


def render(
    replies: list[Reply],
    conversation: Conversation,
    tr: Translator,
    *,
    keep_current: bool = False,
) -> list[OutMessage]:
    """Translates replies and gives their buttons tokens: actions their own stable id, answers
    a token valid for this turn only.

    The conversation records which choice each token stands for, so a press is decided from
    stored state, and answer tokens of earlier messages are recognised as stale. ``keep_current``
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
        groups = (
            (reply.choices, reply.columns),
            (reply.actions, FOOTER_COLUMNS),
            (reply.footer, FOOTER_COLUMNS),
        )
        for choices, columns in groups:
            buttons = []
            for choice in choices:
                label = visible(tr.render(choice.label))
                token = token_for(choice.id, conversation.turn, len(offered))
                buttons.append(OutButton(token, label, short_label=tr.short(choice.label)))
                offered.append([choice.id, label])
            rows += [tuple(buttons[i : i + columns]) for i in range(0, len(buttons), columns)]
        messages.append(
            OutMessage(
                text=visible("\n\n".join(tr.render(part) for part in reply.parts)),
                buttons=tuple(rows),
                contact_label=tr("button-share-contact") if reply.request_contact else None,
                remove_keyboard=remove_keyboard and not wants_contact and not messages,
                attachments=reply.attachments,
                action_count=len(reply.actions),
                navigation_count=len(reply.footer),
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
        "buttons": [[button_payload(button) for button in row] for row in message.buttons],
        "action_count": message.action_count,
        "navigation_count": message.navigation_count,
        **(
            {"command_menu": [list(entry) for entry in message.command_menu]}
            if message.command_menu is not None
            else {}
        ),
    }


def button_payload(button: OutButton) -> list[str | None]:
    """``[token, label]``, then the link and the short label when there are any."""
    if button.short_label is not None:
        return [button.token, button.label, button.url, button.short_label]
    return [button.token, button.label, *([button.url] if button.url else [])]


def from_payload(payload: dict[str, Any]) -> OutMessage:
    return OutMessage(
        text=str(payload["text"]),
        buttons=tuple(tuple(OutButton(*button) for button in row) for row in payload["buttons"]),
        # messages queued earlier name their main actions, the last buttons, "footer_size"
        action_count=int(payload.get("action_count", payload.get("footer_size", 0))),
        navigation_count=int(payload.get("navigation_count", 0)),
        command_menu=(
            tuple((str(name), str(about)) for name, about in payload["command_menu"])
            if "command_menu" in payload
            else None
        ),
    )
