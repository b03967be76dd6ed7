"""A local Bot API for python-telegram-bot: every call is answered in-process, nothing is sent.

The bot still builds and JSON-encodes each request and parses each answer, as it would against
Telegram, so only the network itself is left out. With ``record=True`` the sent messages and
their buttons are kept per chat (used to learn a scripted conversation before timing); without
it only calls are counted, so the fake adds as little work as possible.
"""

from __future__ import annotations

import io
import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from PIL import Image
from telegram.request import BaseRequest, RequestData

BOT_ID = 7_000_000_001
BOT_USERNAME = "umkm_katalog_bench_bot"
DATE = 1_790_000_000
_BOT_USER = {"id": BOT_ID, "is_bot": True, "first_name": "Katalog UMKM"}
_TRUE = b'{"ok":true,"result":true}'


def jpeg_bytes(width: int = 800, height: int = 600, color: str = "orange") -> bytes:
    """A real JPEG image, as a phone camera would send (same size as the end-to-end tests)."""
    output = io.BytesIO()
    Image.new("RGB", (width, height), color).save(output, "JPEG")
    return output.getvalue()


@dataclass
class SentMessage:
    """A message the bot sent, with its buttons, as a phone would show it."""

    chat_id: int
    text: str
    inline: list[tuple[str, str]] = field(default_factory=list)
    """Inline buttons as (label, callback data), in reading order."""
    keyboard: list[str] = field(default_factory=list)
    """Reply-keyboard labels, in reading order."""


class FakeBotApi(BaseRequest):
    """Answers Bot API calls locally; ``photo`` is served for every file download."""

    def __init__(self, photo: bytes, *, record: bool = False) -> None:
        self.photo = photo
        self.record = record
        self.calls: Counter[str] = Counter()
        self.sent: dict[int, list[SentMessage]] = {}
        self._next_message_id = 1
        self._get_file = json.dumps(
            {
                "ok": True,
                "result": {
                    "file_id": "f",
                    "file_unique_id": "uf",
                    "file_size": len(photo),
                    "file_path": "photos/f.jpg",
                },
            }
        ).encode()
        self._get_me = json.dumps(
            {"ok": True, "result": {**_BOT_USER, "username": BOT_USERNAME}}
        ).encode()

    @property
    def read_timeout(self) -> float | None:
        return 1.0

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = None,
        write_timeout: Any = None,
        connect_timeout: Any = None,
        pool_timeout: Any = None,
    ) -> tuple[int, bytes]:
        if "/file/bot" in url:
            self.calls["download"] += 1
            return 200, self.photo
        api_method = url.rsplit("/", 1)[-1]
        self.calls[api_method] += 1
        # What the HTTP request object would put on the wire: each parameter JSON-encoded.
        body = request_data.json_parameters if request_data is not None else {}
        if api_method == "sendMediaGroup":
            media = json.loads(body["media"])
            return 200, self._answer([self._result(body, "") for _ in media])
        if api_method.startswith("send") and api_method != "sendChatAction":
            return 200, self._answer(self._result(body, body.get("text", "")))
        if api_method == "getFile":
            return 200, self._get_file
        if api_method == "getMe":
            return 200, self._get_me
        return 200, _TRUE

    @staticmethod
    def _answer(result: Any) -> bytes:
        return json.dumps({"ok": True, "result": result}).encode()

    def _result(self, body: dict[str, str], text: str) -> dict[str, Any]:
        """The sent message as Telegram returns it (text messages, photos, documents)."""
        chat_id = int(body["chat_id"])
        if self.record:
            self._record(chat_id, text, body.get("reply_markup"))
        message_id = self._next_message_id
        self._next_message_id += 1
        return {
            "message_id": message_id,
            "date": DATE,
            "chat": {"id": chat_id, "type": "private"},
            "from": _BOT_USER,
            "text": text,
        }

    def _record(self, chat_id: int, text: str, markup_json: str | None) -> None:
        markup = json.loads(markup_json) if markup_json else {}
        self.sent.setdefault(chat_id, []).append(
            SentMessage(
                chat_id,
                text,
                inline=[
                    (button["text"], button["callback_data"])
                    for row in markup.get("inline_keyboard", [])
                    for button in row
                ],
                keyboard=[button["text"] for row in markup.get("keyboard", []) for button in row],
            )
        )

    def inbox(self, chat_id: int) -> list[SentMessage]:
        return self.sent.get(chat_id, [])

    @property
    def total_calls(self) -> int:
        return sum(self.calls.values())
