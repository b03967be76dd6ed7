"""The Bot API transport (``bot.telegram.request``) against a local HTTP server: what
python-telegram-bot posts arrives whole, and failures carry what retrying needs to know."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiohttp import BodyPartReader, web
from telegram import Bot
from telegram.error import NetworkError, TimedOut

from bot.telegram.errors import may_have_arrived, safe_to_retry
from bot.telegram.request import AiohttpRequest
from tests.support.bot_process import free_port

TOKEN = "123:TEST"
BOT = {"id": 1, "is_bot": True, "first_name": "Katalog", "username": "katalog_bot"}


class BotApi:
    """Records each call's form fields and files; ``delay`` holds every answer back."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.delay = 0.0

    async def answer(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        fields: dict[str, Any] = {}
        if request.content_type == "multipart/form-data":
            async for part in await request.multipart():
                assert isinstance(part, BodyPartReader)
                content = await part.read()
                fields[part.name or ""] = (
                    (part.filename, bytes(content)) if part.filename else (content.decode())
                )
        else:
            fields = dict(await request.post())
        self.calls.append((method, fields))
        await asyncio.sleep(self.delay)
        if method == "getMe":
            return web.json_response({"ok": True, "result": BOT})
        message = {"message_id": 5, "date": 0, "chat": {"id": 42, "type": "private"}}
        return web.json_response({"ok": True, "result": message})


@pytest.fixture
async def api() -> AsyncIterator[tuple[BotApi, str]]:
    recorder = BotApi()
    application = web.Application()
    application.router.add_post("/bot{token}/{method}", recorder.answer)
    runner = web.AppRunner(application)
    await runner.setup()
    port = free_port()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    yield recorder, f"http://127.0.0.1:{port}/bot"
    await runner.cleanup()


async def test_a_message_and_a_document_arrive_as_python_telegram_bot_posts_them(
    api: tuple[BotApi, str],
) -> None:
    recorder, base_url = api
    async with Bot(TOKEN, base_url=base_url, request=AiohttpRequest()) as bot:
        await bot.send_message(42, "Halo, Bapak/Ibu", reply_markup=None)
        await bot.send_document(42, b"a;b\n1;2\n", filename="produk.csv", caption="Ekspor")

    assert [method for method, _ in recorder.calls] == ["getMe", "sendMessage", "sendDocument"]
    assert recorder.calls[1][1] == {"chat_id": "42", "text": "Halo, Bapak/Ibu"}
    document = recorder.calls[2][1]
    assert document["caption"] == "Ekspor"
    assert document["document"] == ("produk.csv", b"a;b\n1;2\n")


async def test_an_answer_that_never_comes_is_a_timeout_that_may_have_arrived(
    api: tuple[BotApi, str],
) -> None:
    recorder, base_url = api
    request = AiohttpRequest(read_timeout=0.2, write_timeout=0.0)
    async with Bot(TOKEN, base_url=base_url, request=request) as bot:
        recorder.delay = 1.0
        with pytest.raises(TimedOut) as failure:
            await bot.send_message(42, "Halo")

    assert may_have_arrived(failure.value)
    assert not safe_to_retry(failure.value)


async def test_a_refused_connection_was_never_sent_and_is_safe_to_retry() -> None:
    request = AiohttpRequest()
    await request.initialize()
    try:
        with pytest.raises(NetworkError) as failure:
            await request.post(f"http://127.0.0.1:{free_port()}/bot{TOKEN}/sendMessage")
    finally:
        await request.shutdown()

    assert not may_have_arrived(failure.value)
    assert safe_to_retry(failure.value)
