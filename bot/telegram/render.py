"""Rendered engine messages turned into Telegram markup."""

from __future__ import annotations

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
)

from handlers.replies import OutMessage

Markup = InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove | None


def markup_for(message: OutMessage) -> Markup:
    """Inline buttons normally; a reply keyboard when the message asks for the user's contact.

    A reply keyboard's buttons send their labels as text, which the engine matches against the
    choices it offered, so the other choices still work next to the contact button.
    """
    if message.contact_label is not None:
        rows: list[list[KeyboardButton]] = [
            [KeyboardButton(message.contact_label, request_contact=True)]
        ]
        rows += [[KeyboardButton(button.label) for button in row] for row in message.buttons]
        return ReplyKeyboardMarkup(rows, resize_keyboard=True, one_time_keyboard=True)
    if message.buttons:
        return InlineKeyboardMarkup(
            [
                [
                    InlineKeyboardButton(button.label, url=button.url)
                    if button.url
                    else InlineKeyboardButton(button.label, callback_data=button.token)
                    for button in row
                ]
                for row in message.buttons
            ]
        )
    if message.remove_keyboard:
        return ReplyKeyboardRemove()
    return None
