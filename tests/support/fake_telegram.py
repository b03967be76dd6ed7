"""A local fake of the Telegram Bot API, plugged into python-telegram-bot as its request object.

The real ``Application`` and ``Bot`` run unchanged; every API call lands here, is recorded, and
gets a plausible answer. Nothing reaches the network.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from telegram.request import BaseRequest, RequestData

BOT_ID = 7000000001
BOT_USERNAME = "umkm_katalog_test_bot"

Refusal = Callable[[str, dict[str, Any]], str | None]
"""Given a Bot API method and its parameters, Telegram's error description to answer with
(``400 Bad Request``), or None to carry the call out."""


@dataclass
class ApiCall:
    method: str
    params: dict[str, Any]


@dataclass
class BotMessage:
    """A message the bot sent, as the user's phone would show it."""

    message_id: int
    chat_id: int
    text: str
    inline: list[list[tuple[str, str]]] = field(default_factory=list)
    """Inline keyboard rows of (label, callback data)."""
    keyboard: list[list[str]] = field(default_factory=list)
    """Reply keyboard rows of labels."""
    requests_contact: bool = False
    removes_keyboard: bool = False
    deleted: bool = False
    kind: str = "text"
    """"text", or "photo" / "document" for attachments (``text`` is then empty)."""
    file_name: str | None = None
    file_data: bytes | None = None
    """An uploaded file's name and bytes (a photo sent by file id has none)."""

    @property
    def labels(self) -> list[str]:
        """Every button label, inline or reply keyboard, in reading order."""
        inline = [label for row in self.inline for label, _ in row]
        return inline + [label for row in self.keyboard for label in row]


class FakeTelegram(BaseRequest):
    """Records Bot API calls and answers them like Telegram would."""

    def __init__(self) -> None:
        self.calls: list[ApiCall] = []
        self.messages: list[BotMessage] = []
        self._next_message_id = 1
        self.files: dict[str, bytes] = {}
        """Files users sent, by file id, served by getFile and the file download URL."""
        self.failures: list[tuple[str, int, dict[str, Any]]] = []
        """Scripted refusals, each answering the next call of its method (see :meth:`fail`)."""
        self.updates: list[dict[str, Any]] = []
        """What ``getUpdates`` returns: every update at or above the offset asked for."""
        self.gate: asyncio.Event | None = None
        """While set and not open, ``sendMessage`` waits for it: a slow network."""
        self.file_gate: asyncio.Event | None = None
        """The same for file downloads."""
        self.refuse: Refusal | None = None

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
            if self.file_gate is not None:
                await self.file_gate.wait()
            return 200, self.files[url.rsplit("/", 1)[-1]]
        api_method = url.rsplit("/", 1)[-1]
        params = dict(request_data.parameters) if request_data else {}
        uploads = (request_data.multipart_data or {}) if request_data else {}
        self.calls.append(ApiCall(api_method, params))
        if api_method == "sendMessage" and self.gate is not None:
            await self.gate.wait()
        for position, (method, status, answer) in enumerate(self.failures):
            if method == api_method:
                del self.failures[position]
                return status, json.dumps(answer).encode()
        if (refused := self.refusal(api_method, params)) is not None:
            return refused
        result = self._answer(api_method, params, uploads)
        return 200, json.dumps({"ok": True, "result": result}).encode()

    def fail(
        self, method: str, status: int, description: str, retry_after: int | None = None
    ) -> None:
        """Makes the next call of ``method`` fail as Telegram would answer it."""
        answer: dict[str, Any] = {"ok": False, "error_code": status, "description": description}
        if retry_after is not None:
            answer["parameters"] = {"retry_after": retry_after}
        self.failures.append((method, status, answer))

    def refusal(self, method: str, params: dict[str, Any]) -> tuple[int, bytes] | None:
        """The error answer ``refuse`` asks for, if any."""
        description = self.refuse(method, params) if self.refuse is not None else None
        if description is None:
            return None
        answer = {"ok": False, "error_code": 400, "description": description}
        return 400, json.dumps(answer).encode()

    def _answer(self, method: str, params: dict[str, Any], uploads: dict[str, Any]) -> Any:
        match method:
            case "sendPhoto" | "sendDocument":
                kind = "photo" if method == "sendPhoto" else "document"
                return self._record_file(int(params["chat_id"]), kind, uploads)
            case "sendMediaGroup":
                return [
                    self._record_file(int(params["chat_id"]), "photo", {}) for _ in params["media"]
                ]
            case "getMe":
                return {
                    "id": BOT_ID,
                    "is_bot": True,
                    "first_name": "Katalog UMKM",
                    "username": BOT_USERNAME,
                }
            case "sendMessage":
                return self._record_message(params)
            case "deleteMessage":
                for message in self.messages:
                    if message.message_id == int(params["message_id"]):
                        message.deleted = True
                return True
            case "editMessageReplyMarkup":
                for message in self.messages:
                    if message.message_id == int(params["message_id"]):
                        message.inline = []
                return True
            case "getUpdates":
                offset = int(params.get("offset") or 0)
                return [update for update in self.updates if update["update_id"] >= offset]
            case "getFile":
                file_id = str(params["file_id"])
                return {
                    "file_id": file_id,
                    "file_unique_id": f"u-{file_id}",
                    "file_size": len(self.files[file_id]),
                    "file_path": f"photos/{file_id}",
                }
        return True

    def _record_message(self, params: dict[str, Any]) -> dict[str, Any]:
        markup = params.get("reply_markup") or {}
        message = BotMessage(
            message_id=self._next_message_id,
            chat_id=int(params["chat_id"]),
            text=str(params["text"]),
            inline=[
                [(button["text"], button.get("callback_data") or button["url"]) for button in row]
                for row in markup.get("inline_keyboard", [])
            ],
            keyboard=[[button["text"] for button in row] for row in markup.get("keyboard", [])],
            requests_contact=any(
                button.get("request_contact")
                for row in markup.get("keyboard", [])
                for button in row
            ),
            removes_keyboard=bool(markup.get("remove_keyboard")),
        )
        self._next_message_id += 1
        self.messages.append(message)
        return {
            "message_id": message.message_id,
            "date": 1_790_000_000,
            "chat": {"id": message.chat_id, "type": "private"},
            "from": {"id": BOT_ID, "is_bot": True, "first_name": "Katalog UMKM"},
            "text": message.text,
        }

    def _record_file(self, chat_id: int, kind: str, uploads: dict[str, Any]) -> dict[str, Any]:
        upload = next(iter(uploads.values()), None)
        message = BotMessage(
            message_id=self._next_message_id,
            chat_id=chat_id,
            text="",
            kind=kind,
            file_name=upload[0] if upload else None,
            file_data=upload[1] if upload else None,
        )
        self._next_message_id += 1
        self.messages.append(message)
        return {
            "message_id": message.message_id,
            "date": 1_790_000_000,
            "chat": {"id": chat_id, "type": "private"},
            "from": {"id": BOT_ID, "is_bot": True, "first_name": "Katalog UMKM"},
        }

    def calls_to(self, method: str) -> list[ApiCall]:
        return [call for call in self.calls if call.method == method]
