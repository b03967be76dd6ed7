"""A local console chat on the same engine and database: try the bot without a token.

Buttons are shown as numbered choices; type the number to press one. ``/kontak NUMBER`` shares
a phone number and ``/foto PATH`` sends a picture file. Photos and files the bot sends are named
with the path where they can be opened: a stored photo where it is kept, any other file written
to ``<media folder>/console/``.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path

from handlers.choices import MAX_POSITION_DIGITS
from handlers.engine import ConversationEngine
from handlers.events import (
    ButtonPressed,
    CommandReceived,
    ContactShared,
    Event,
    MediaReceived,
    Sender,
    text_or_command,
)
from handlers.i18n import Locales
from handlers.replies import Attachment, OutButton, OutMessage

CHANNEL = "console"
QUIT_COMMANDS = frozenset({"/keluar", "/exit", "/quit"})

ReadLine = Callable[[], Awaitable[str | None]]
Write = Callable[[str], None]


async def read_stdin() -> str | None:
    """One line from the terminal, or None at end of input (Ctrl-D)."""
    try:
        return await asyncio.to_thread(input, "> ")
    except EOFError:
        return None


def photo_event(path: Path) -> MediaReceived:
    """A photo given as a file path; its size is None when there is no such file."""

    async def download() -> bytes:
        return await asyncio.to_thread(path.read_bytes)

    size = path.stat().st_size if path.is_file() else None
    return MediaReceived("photo", f"file:{path}", None, size, path.name, download=download)


class ConsoleChat:
    """One console user talking to the engine."""

    def __init__(
        self,
        engine: ConversationEngine,
        locales: Locales,
        user: str,
        write: Write,
        media_dir: Path = Path("media"),
    ) -> None:
        self._engine = engine
        self._media_dir = media_dir
        self._locales = locales
        self._sender = Sender(CHANNEL, user)
        self._write = write
        self._buttons: tuple[OutButton, ...] = ()
        self._language = "id"

    async def run(self, read_line: ReadLine) -> None:
        self._write(self._locales.translator(self._language)("console-intro"))
        await self.send(CommandReceived("start"))
        while (line := await read_line()) is not None:
            line = line.strip()
            if line.lower() in QUIT_COMMANDS:
                break
            if line:
                await self.send_line(line)

    def event_for(self, line: str) -> Event:
        """A number picks a shown button; ``/kontak NUMBER`` shares a phone contact."""
        number = line.isascii() and line.isdigit() and len(line) <= MAX_POSITION_DIGITS
        if number and 1 <= int(line) <= len(self._buttons):
            return ButtonPressed(self._buttons[int(line) - 1].token)
        command, _, argument = line.partition(" ")
        if command.lower() in ("/kontak", "/contact") and argument.strip():
            return ContactShared(argument.strip(), is_own=True)
        if command.lower() in ("/foto", "/photo") and argument.strip():
            return photo_event(Path(argument.strip()).expanduser())
        return text_or_command(line)

    async def send(self, event: Event) -> None:
        handled = await self._engine.handle(self._sender, event)
        self._language = handled.language
        if handled.messages:
            self._buttons = ()
        for message in handled.messages:
            if message.command_menu is None:  # the console has no command menu
                self._write(self.render(message))
        self._engine.confirm_delivery(handled.receipt)  # shown on the screen
        if handled.follow_up is not None:
            for message in await handled.follow_up():
                self._write(self.render(message))

    async def send_line(self, line: str) -> None:
        event = self.event_for(line)
        if isinstance(event, MediaReceived) and event.size is None:
            self._write(self._locales.translator(self._language)("console-file-missing"))
            return
        await self.send(event)

    def render(self, message: OutMessage) -> str:
        tr = self._locales.translator(self._language)
        lines = [""]
        lines += [tr("console-file", path=str(self.saved(item))) for item in message.attachments]
        lines.append(message.text)
        for row in message.buttons:
            cells = []
            for button in row:
                self._buttons += (button,)
                cells.append(f"[{len(self._buttons)}] {button.label}")
            lines.append("   ".join(cells))
        if message.contact_label is not None:
            lines.append(tr("console-contact-hint"))
        return "\n".join(lines)

    def saved(self, attachment: Attachment) -> Path:
        """Where the attachment can be opened: a stored photo in place, else a new file."""
        if attachment.data is None and attachment.path is not None:
            return self._media_dir / attachment.path
        target = self._media_dir / CHANNEL / Path(attachment.filename or "lampiran").name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(attachment.data or b"")
        return target
