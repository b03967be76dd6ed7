"""Rendered engine messages turned into WhatsApp messages within the Cloud API's limits.

- Without choices, the text goes as plain text messages of at most 4096 characters, split
  between paragraphs (or lines, or words) when longer.
- Up to three choices whose labels fit a reply button title (20 characters) become reply buttons.
- Otherwise the choices become a list message of at most 10 rows. A label longer than a row
  title (24) shows its short form, the ``.whatsapp`` attribute of its locale message, with the
  whole label in the row's description (72); a label without one (a product's name) is
  shortened after a word, and also shown whole in the description.
- More than 10 choices are sent as several list messages of balanced sizes (11 rows are 6 and
  5, never 10 and a lone one): the first one carries the question and the message's main
  actions ("Kirim untuk diverifikasi", "Simpan dulu") at its top, the next ones say "more
  choices (2/2)", and navigation (Kembali, Bantuan, Berhenti dulu) always comes last. Every
  row carries the engine's token for this turn, so a row of any of these messages is a valid
  answer, and no paging state is kept anywhere: the engine decides every press from the
  database, as on Telegram.
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
    titles = [fitting(choice, BUTTON_TITLE_LIMIT) for choice in choices]
    if len(choices) <= MAX_BUTTONS and all(title is not None for title in titles):
        return [
            Outgoing(
                body, tuple(Button(t or "", c.token) for c, t in zip(choices, titles, strict=True))
            )
        ]
    pages = balanced(choices, MAX_ROWS)
    return [
        Outgoing(
            body if number == 1 else tr("whatsapp-more-choices", current=number, total=len(pages)),
            choice_list(page, tr("whatsapp-choices")),
        )
        for number, page in enumerate(pages, start=1)
    ]


def balanced(choices: Sequence[OutButton], size: int) -> list[Sequence[OutButton]]:
    """``choices`` in as few pages of at most ``size`` as can be, their sizes differing by at
    most one, in order."""
    count = -(-len(choices) // size)
    smaller, larger = divmod(len(choices), count)
    pages: list[Sequence[OutButton]] = []
    start = 0
    for number in range(count):
        end = start + smaller + (1 if number < larger else 0)
        pages.append(choices[start:end])
        start = end
    return pages


def fitting(choice: OutButton, limit: int) -> str | None:
    """The label, or else its short form, that fits ``limit``; None when neither does."""
    for title in (choice.label, choice.short_label):
        if title is not None and len(title) <= limit:
            return title
    return None


def choice_list(choices: Sequence[OutButton], title: str) -> SectionList:
    rows = tuple(row(choice) for choice in choices)
    return SectionList(button_title=title, sections=(Section(title=title, rows=rows),))


def row(choice: OutButton) -> SectionRow:
    title = fitting(choice, ROW_TITLE_LIMIT)
    if title == choice.label:
        return SectionRow(choice.label, choice.token)
    return SectionRow(
        title or shorten(choice.label, ROW_TITLE_LIMIT),
        choice.token,
        shorten(choice.label, ROW_DESCRIPTION_LIMIT),
    )


def shorten(text: str, limit: int) -> str:
    """``text`` if it fits, else cut after its last whole word that fits, with "…"."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut.strip() and not text[limit - 1].isspace():
        cut = cut[: cut.rstrip().rfind(" ")]
    return cut.rstrip() + "…"


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
