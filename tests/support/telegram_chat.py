"""Drives the real python-telegram-bot ``Application`` as Telegram users would."""

from __future__ import annotations

import io
import itertools
from dataclasses import dataclass
from typing import Any

from PIL import Image
from telegram import Update
from telegram.ext import Application

from bot.settings import Settings
from bot.telegram.app import build_application
from bot.wiring import Services, build_services, telegram_channel
from tests.support.clock import FakeClock
from tests.support.fake_telegram import BOT_ID, BotMessage, FakeTelegram

TOKEN = "123456:TEST-TOKEN-never-sent-anywhere"


def jpeg_bytes(width: int = 800, height: int = 600, color: str = "orange") -> bytes:
    """A real JPEG image, as a phone camera would send."""
    output = io.BytesIO()
    Image.new("RGB", (width, height), color).save(output, "JPEG")
    return output.getvalue()


_UPDATE_IDS = itertools.count(1000)
"""Telegram's update ids only grow, across restarts too."""


class TelegramBot:
    """One running bot process: services, the ``Application`` and its fake Bot API."""

    def __init__(self, settings: Settings, clock: FakeClock) -> None:
        self.settings = settings
        self.clock = clock
        self.fake = FakeTelegram()
        self.services: Services = build_services(settings, clock)
        self.channel = telegram_channel(self.services, settings)
        self.application: Application = build_application(  # type: ignore[type-arg]
            TOKEN,
            self.channel,
            base_url="http://bot-api.invalid/bot",
            base_file_url="http://bot-api.invalid/file/bot",
            request=self.fake,
        )

    async def start(self) -> TelegramBot:
        await self.application.initialize()
        await self.channel.set_command_menus(self.application)
        return self

    async def stop(self) -> None:
        await self.application.shutdown()
        await self.services.close()

    def next_update_id(self) -> int:
        return next(_UPDATE_IDS)

    async def feed(self, payload: dict[str, Any]) -> None:
        update = Update.de_json(payload, self.application.bot)
        await self.application.process_update(update)
        await self.services.outbox.settled()  # notices for others go out in the background

    def user(self, user_id: int, first_name: str = "Siti", language: str = "id") -> TelegramUser:
        return TelegramUser(self, user_id, first_name, language)


@dataclass
class TelegramUser:
    """A user in a private chat with the bot; each action returns the messages it received."""

    bot: TelegramBot
    user_id: int
    first_name: str
    language: str

    @property
    def _from(self) -> dict[str, Any]:
        return {
            "id": self.user_id,
            "is_bot": False,
            "first_name": self.first_name,
            "language_code": self.language,
        }

    @property
    def inbox(self) -> list[BotMessage]:
        return [m for m in self.bot.fake.messages if m.chat_id == self.user_id and not m.deleted]

    @property
    def last(self) -> BotMessage:
        return self.inbox[-1]

    async def _send(self, message_fields: dict[str, Any]) -> list[BotMessage]:
        before = len(self.bot.fake.messages)
        update_id = self.bot.next_update_id()
        await self.bot.feed(
            {
                "update_id": update_id,
                "message": {
                    "message_id": update_id,
                    "date": 1_790_000_000,
                    "chat": {"id": self.user_id, "type": "private"},
                    "from": self._from,
                    **message_fields,
                },
            }
        )
        return self._received_since(before)

    def _received_since(self, before: int) -> list[BotMessage]:
        return [
            m
            for m in self.bot.fake.messages[before:]
            if m.chat_id == self.user_id and not m.deleted
        ]

    def text_update(self, text: str) -> dict[str, Any]:
        """A raw text-message update with a fresh update id, for ``TelegramBot.feed`` (tests that
        redeliver the same update)."""
        update_id = self.bot.next_update_id()
        return {
            "update_id": update_id,
            "message": {
                "message_id": update_id,
                "date": 1_790_000_000,
                "chat": {"id": self.user_id, "type": "private"},
                "from": self._from,
                "text": text,
            },
        }

    async def say(self, text: str) -> list[BotMessage]:
        entities = (
            [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
            if text.startswith("/")
            else []
        )
        return await self._send({"text": text, "entities": entities})

    async def share_contact(self, phone: str, *, own: bool = True) -> list[BotMessage]:
        contact = {
            "phone_number": phone,
            "first_name": self.first_name,
            "user_id": self.user_id if own else self.user_id + 1,
        }
        return await self._send({"contact": contact})

    async def send_photo(self, data: bytes | None = None) -> list[BotMessage]:
        """Sends a photo; Telegram offers it in several sizes, the largest last."""
        content = data if data is not None else jpeg_bytes()
        file_id = f"photo-{self.user_id}-{len(self.bot.fake.files)}"
        self.bot.fake.files[file_id] = content
        photo = [
            {"file_id": f"{file_id}-thumb", "file_unique_id": "t", "width": 90, "height": 90},
            {
                "file_id": file_id,
                "file_unique_id": file_id,
                "width": 800,
                "height": 600,
                "file_size": len(content),
            },
        ]
        return await self._send({"photo": photo})

    async def send_document(self, data: bytes, mime_type: str, name: str) -> list[BotMessage]:
        file_id = f"doc-{self.user_id}-{len(self.bot.fake.files)}"
        self.bot.fake.files[file_id] = data
        document = {
            "file_id": file_id,
            "file_unique_id": file_id,
            "file_name": name,
            "mime_type": mime_type,
            "file_size": len(data),
        }
        return await self._send({"document": document})

    async def send_sticker(self) -> list[BotMessage]:
        sticker = {
            "file_id": "sticker-1",
            "file_unique_id": "s1",
            "type": "regular",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
        }
        return await self._send({"sticker": sticker})

    async def press(self, label: str, message: BotMessage | None = None) -> list[BotMessage]:
        """Presses the button whose label contains ``label`` on the newest message showing it.

        A reply-keyboard button sends its label as text, like Telegram does.
        """
        for candidate in [message] if message else reversed(self.inbox):
            for text, data in (pair for row in candidate.inline for pair in row):
                if label in text:
                    return await self._press_inline(candidate, data)
            for text in (cell for row in candidate.keyboard for cell in row):
                if label in text:
                    return await self.say(text)
        raise AssertionError(f"no button {label!r}; last message: {self.last.text!r}")

    async def press_data(self, message: BotMessage, data: str) -> list[BotMessage]:
        """Sends a callback query with arbitrary data, as a forged or replayed press would."""
        return await self._press_inline(message, data)

    async def _press_inline(self, message: BotMessage, data: str) -> list[BotMessage]:
        before = len(self.bot.fake.messages)
        update_id = self.bot.next_update_id()
        await self.bot.feed(
            {
                "update_id": update_id,
                "callback_query": {
                    "id": str(update_id),
                    "from": self._from,
                    "chat_instance": str(self.user_id),
                    "data": data,
                    "message": {
                        "message_id": message.message_id,
                        "date": 1_790_000_000,
                        "chat": {"id": self.user_id, "type": "private"},
                        "from": {"id": BOT_ID, "is_bot": True, "first_name": "Katalog UMKM"},
                        "text": message.text,
                    },
                },
            }
        )
        return self._received_since(before)
