"""A local Bot API *server*: the bot under test reaches it over real HTTP, as it would reach
api.telegram.org, and every call is answered after a configurable round-trip time.

A send is recorded when half the round trip has passed (the moment Telegram would have it) and
answered after the other half. ``refuse_fraction`` answers that share of sends with 429 Too Many
Requests (``retry_after`` 1 s) instead, recording nothing. ``getUpdates`` serves the updates the
benchmark queued with :meth:`FakeBotApiServer.queue_update`, for the polling path.

The benchmark runs this server in its own process, so every recorded message is seen the moment
it arrives, with the same clock as the updates it answers.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import random
import time
from collections import defaultdict
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from email.parser import BytesParser
from email.policy import HTTP
from typing import Any
from urllib.parse import parse_qsl

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from bench.fake_api import BOT_ID, BOT_USERNAME, DATE, jpeg_bytes

SENDS = frozenset({"sendMessage", "sendPhoto", "sendDocument", "sendMediaGroup"})
_BOT_USER = {
    "id": BOT_ID,
    "is_bot": True,
    "first_name": "Katalog UMKM",
    "username": BOT_USERNAME,
    "can_join_groups": True,
    "can_read_all_group_messages": False,
    "supports_inline_queries": False,
}


@dataclass(frozen=True, slots=True)
class Sent:
    """One message as the user would see it, with the moment it reached "Telegram"."""

    chat_id: int
    method: str
    text: str
    inline: tuple[tuple[str, str], ...]
    """(label, callback data) of inline buttons."""
    keyboard: tuple[str, ...]
    """Labels of a reply keyboard."""
    at: float
    """``time.perf_counter()`` when half the round trip had passed."""


@dataclass
class FakeBotApiServer:
    rtt: float
    """Round-trip time of every call, in seconds."""
    refuse_fraction: float = 0.0
    seed: int = 7
    photo: bytes = field(default_factory=jpeg_bytes)
    on_send: Callable[[Sent], None] | None = None
    refused: int = 0
    sent: dict[int, list[Sent]] = field(default_factory=lambda: defaultdict(list))
    _next_message_id: int = 1
    _random: random.Random = field(init=False)
    _updates: list[dict[str, Any]] = field(default_factory=list)
    _new_update: asyncio.Event = field(default_factory=asyncio.Event)

    def __post_init__(self) -> None:
        self._random = random.Random(self.seed)

    def app(self) -> Starlette:
        return Starlette(
            routes=[
                Route("/bot{token}/{method}", self._call, methods=["POST", "GET"]),
                Route("/file/bot{token}/{path:path}", self._file, methods=["GET"]),
            ]
        )

    @contextlib.asynccontextmanager
    async def serving(self, port: int) -> AsyncIterator[None]:
        """Runs the server on 127.0.0.1:``port`` for the duration of the block."""
        config = uvicorn.Config(
            self.app(), host="127.0.0.1", port=port, log_level="warning", lifespan="off"
        )
        server = uvicorn.Server(config)
        task = asyncio.create_task(server.serve())
        while not server.started:  # noqa: ASYNC110 (uvicorn offers no event for it)
            await asyncio.sleep(0.01)
        try:
            yield
        finally:
            server.should_exit = True
            await task

    def queue_update(self, update: dict[str, Any]) -> None:
        """An update for ``getUpdates`` (polling), as if a user had just sent it."""
        self._updates.append(update)
        self._new_update.set()

    def inbox(self, chat_id: int) -> list[Sent]:
        return self.sent.get(chat_id, [])

    async def _call(self, request: Request) -> Response:
        method = request.path_params["method"]
        params = await _parameters(request)
        if method == "getUpdates":
            return _ok(await self._get_updates(params))
        await asyncio.sleep(self.rtt / 2)
        if method in SENDS and self._random.random() < self.refuse_fraction:
            self.refused += 1
            await asyncio.sleep(self.rtt / 2)
            return _too_many_requests()
        result = self._answer(method, params)
        await asyncio.sleep(self.rtt / 2)
        return _ok(result)

    async def _file(self, _: Request) -> Response:
        await asyncio.sleep(self.rtt)
        return Response(self.photo, media_type="image/jpeg")

    async def _get_updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        offset = int(params.get("offset") or 0)
        self._updates = [update for update in self._updates if update["update_id"] >= offset]
        if not self._updates:
            self._new_update.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._new_update.wait(), float(params.get("timeout") or 0))
        await asyncio.sleep(self.rtt)
        limit = int(params.get("limit") or 100)
        return [update for update in self._updates if update["update_id"] >= offset][:limit]

    def _answer(self, method: str, params: dict[str, Any]) -> Any:
        if method == "getMe":
            return _BOT_USER
        if method == "getFile":
            file_id = str(params.get("file_id", "file"))
            return {
                "file_id": file_id,
                "file_unique_id": file_id,
                "file_size": len(self.photo),
                "file_path": f"photos/{file_id}.jpg",
            }
        if method in SENDS:
            return self._record(method, params)
        if method in {"editMessageText", "editMessageReplyMarkup", "editMessageCaption"}:
            return self._message(params, int(params.get("chat_id") or 0))
        return True

    def _record(self, method: str, params: dict[str, Any]) -> Any:
        chat_id = int(params["chat_id"])
        markup = _json(params.get("reply_markup")) or {}
        inline = tuple(
            (button.get("text", ""), button.get("callback_data", ""))
            for row in markup.get("inline_keyboard", [])
            for button in row
        )
        keyboard = tuple(
            button if isinstance(button, str) else button.get("text", "")
            for row in markup.get("keyboard", [])
            for button in row
        )
        text = str(params.get("text") or params.get("caption") or "")
        sent = Sent(chat_id, method, text, inline, keyboard, time.perf_counter())
        self.sent[chat_id].append(sent)
        if self.on_send is not None:
            self.on_send(sent)
        message = self._message(params, chat_id)
        if method == "sendMediaGroup":
            return [message]
        if method == "sendPhoto":
            message["photo"] = [
                {
                    "file_id": f"sent-{message['message_id']}",
                    "file_unique_id": "s",
                    "width": 800,
                    "height": 600,
                }
            ]
        if method == "sendDocument":
            message["document"] = {
                "file_id": f"doc-{message['message_id']}",
                "file_unique_id": f"doc-{message['message_id']}",
            }
        return message

    def _message(self, params: dict[str, Any], chat_id: int) -> dict[str, Any]:
        message_id = self._next_message_id
        self._next_message_id += 1
        message: dict[str, Any] = {
            "message_id": message_id,
            "date": DATE,
            "chat": {"id": chat_id, "type": "private"},
            "from": {"id": BOT_ID, "is_bot": True, "first_name": "Katalog UMKM"},
        }
        if params.get("text"):
            message["text"] = str(params["text"])
        return message


async def _parameters(request: Request) -> dict[str, Any]:
    """python-telegram-bot posts a form (urlencoded, or multipart with files): values that are
    not strings arrive JSON-encoded, and are left so."""
    body = await request.body()
    content_type = request.headers.get("content-type", "")
    if content_type.startswith("application/json"):
        return dict(json.loads(body or b"{}"))
    if content_type.startswith("multipart/form-data"):
        message = BytesParser(policy=HTTP).parsebytes(
            b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + body
        )
        fields: dict[str, Any] = {}
        for part in message.iter_parts():
            name = part.get_param("name", header="content-disposition")
            if isinstance(name, str) and part.get_filename() is None:
                payload = part.get_payload(decode=True)
                fields[name] = payload.decode() if isinstance(payload, bytes) else ""
        return fields
    return dict(parse_qsl(body.decode()))


def _json(value: Any) -> Any:
    if isinstance(value, str) and value:
        try:
            return json.loads(value)
        except ValueError:
            return None
    return value


def _ok(result: Any) -> Response:
    return JSONResponse({"ok": True, "result": result})


def _too_many_requests() -> Response:
    body = {
        "ok": False,
        "error_code": 429,
        "description": "Too Many Requests: retry after 1",
        "parameters": {"retry_after": 1},
    }
    return JSONResponse(body, status_code=429)
