"""Rendered engine messages turned into WhatsApp messages within the Cloud API's limits.

- Without choices, the text goes as plain text messages of at most 4096 characters, split
  between paragraphs (or lines, or words) when longer.
- Up to three choices whose labels fit a reply button title (20 characters) become reply buttons.
- Otherwise the choices become a list message of at most 10 rows. A label longer than a row
  title (24) is shortened with "…" and shown whole in the row's description (72).
- More than 10 choices are sent as several list messages of up to 10 rows each: the first one
  carries the question and the message's main actions ("Kirim untuk diverifikasi", "Simpan
  dulu") at its top, the next ones say "more choices (2/2)". Every row carries the engine's
  token for this turn, so a row of any of these messages is a valid answer, and no paging state
  is kept anywhere: the engine decides every press from the database, as on Telegram.
- An interactive message's body holds at most 1024 characters: a longer text is sent first as
  plain text, and the interactive message carries its last paragraphs.
- WhatsApp has no share-contact keyboard. The engine's contact request becomes one more
  choice, :data:`OWN_NUMBER`, labelled like Telegram's button; pressing it shares the number
  WhatsApp already knows (see :mod:`bot.whatsapp.channel`). There are no reply keyboards, so
  ``remove_keyboard`` needs nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pywa.types.callback import Button, Section, SectionList, SectionRow

from handlers.i18n import Translator
from handlers.replies import OutButton, OutMessage

TEXT_LIMIT = 4096
BODY_LIMIT = 1024
MAX_BUTTONS = 3
BUTTON_TITLE_LIMIT = 20
MAX_ROWS = 10
ROW_TITLE_LIMIT = 24
ROW_DESCRIPTION_LIMIT = 72
SEPARATORS = ("\n\n", "\n", " ")

OWN_NUMBER = "own-number"
"""The reply id of the "send my number" choice; never a token the engine gives out."""


@dataclass(frozen=True, slots=True)
class Outgoing:
    """One WhatsApp message: the arguments of ``WhatsApp.send_message``."""

    text: str
    buttons: tuple[Button, ...] | SectionList | None = None


def render(message: OutMessage, tr: Translator) -> list[Outgoing]:
    if message.command_menu is not None:  # no command menu: the main menu is a list instead
        return []
    choices = (
        [OutButton(OWN_NUMBER, message.contact_label)] if message.contact_label is not None else []
    )
    buttons = message.flat_buttons
    if len(choices) + len(buttons) > MAX_ROWS:  # several lists: main actions not on a later one
        buttons = message.actions_first
    choices += buttons
    if not choices:
        return [Outgoing(part) for part in split_text(message.text, TEXT_LIMIT)]
    head, body = split_tail(message.text, BODY_LIMIT)
    return [Outgoing(part) for part in split_text(head, TEXT_LIMIT)] + interactive(
        body, choices, tr
    )


def interactive(body: str, choices: Sequence[OutButton], tr: Translator) -> list[Outgoing]:
    """Reply buttons when they fit, else list messages of at most ``MAX_ROWS`` rows each."""
    if len(choices) <= MAX_BUTTONS and all(len(c.label) <= BUTTON_TITLE_LIMIT for c in choices):
        return [Outgoing(body, tuple(Button(c.label, c.token) for c in choices))]
    pages = [choices[start : start + MAX_ROWS] for start in range(0, len(choices), MAX_ROWS)]
    return [
        Outgoing(
            body if number == 1 else tr("whatsapp-more-choices", current=number, total=len(pages)),
            choice_list(page, tr("whatsapp-choices")),
        )
        for number, page in enumerate(pages, start=1)
    ]


def choice_list(choices: Sequence[OutButton], title: str) -> SectionList:
    rows = tuple(row(choice) for choice in choices)
    return SectionList(button_title=title, sections=(Section(title=title, rows=rows),))


def row(choice: OutButton) -> SectionRow:
    if len(choice.label) <= ROW_TITLE_LIMIT:
        return SectionRow(choice.label, choice.token)
    return SectionRow(
        shorten(choice.label, ROW_TITLE_LIMIT),
        choice.token,
        shorten(choice.label, ROW_DESCRIPTION_LIMIT),
    )


def shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def split_text(text: str, limit: int) -> list[str]:
    """``text`` in pieces of at most ``limit`` characters, cut as :func:`split_tail` does."""
    pieces: list[str] = []
    while text:
        text, tail = split_tail(text, limit)
        if tail:
            pieces.insert(0, tail)
    return pieces


def split_tail(text: str, limit: int) -> tuple[str, str]:
    """``text`` cut in two so that the tail fits ``limit``: after a paragraph if one ends late
    enough, else after a line, else after a word, else anywhere."""
    text = text.strip()
    if len(text) <= limit:
        return "", text
    for separator in SEPARATORS:
        cut = text.find(separator, max(len(text) - limit - len(separator), 0))
        if cut != -1:
            return text[:cut], text[cut + len(separator) :].strip()
    return text[:-limit], text[-limit:]
