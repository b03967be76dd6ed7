"""Long polling confirms an update (the next offset) only once it is committed."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from sqlalchemy.exc import OperationalError

from bot.telegram.app import running
from bot.telegram.polling import DurablePolling
from tests.support.telegram_chat import TelegramBot


def text_update(update_id: int, chat_id: int, text: str) -> dict[str, Any]:
    user = {"id": chat_id, "is_bot": False, "first_name": "Siti", "language_code": "id"}
    entities = [{"type": "bot_command", "offset": 0, "length": len(text)}] if text[0] == "/" else []
    message = {
        "message_id": update_id,
        "date": 1_790_000_000,
        "chat": {"id": chat_id, "type": "private"},
        "from": user,
        "text": text,
        "entities": entities,
    }
    return {"update_id": update_id, "message": message}


async def poll_until(telegram: TelegramBot, done: Any, seconds: float = 10) -> list[int | None]:
    """Runs the polling until ``done()``; returns the offsets it asked Telegram for."""
    polling = DurablePolling(telegram.application, telegram.channel, timeout=0, busy_wait=0.01)
    async with running(telegram.application):
        task = asyncio.create_task(polling.run())
        async with asyncio.timeout(seconds):
            while not done():  # noqa: ASYNC110 (the fake Bot API has no event to wait on)
                await asyncio.sleep(0.01)
        polling.stop()
        await task
    return [call.params.get("offset") for call in telegram.fake.calls_to("getUpdates")]


def welcomes(telegram: TelegramBot, chat_id: int) -> int:
    return sum(1 for m in telegram.fake.messages if m.chat_id == chat_id and "Selamat" in m.text)


async def test_each_update_is_applied_once_and_confirmed_after_its_commit(
    telegram: TelegramBot,
) -> None:
    telegram.fake.updates = [text_update(500 + n, 9100 + n % 3, "/start") for n in range(9)]
    offsets = await poll_until(
        telegram, lambda: all(welcomes(telegram, 9100 + c) == 3 for c in range(3))
    )
    assert offsets[-1] == 509  # everything confirmed at the end
    assert [welcomes(telegram, 9100 + chat) for chat in range(3)] == [3, 3, 3]


async def test_an_update_the_database_could_not_store_is_fetched_again(
    telegram: TelegramBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    handle = telegram.services.engine.handle
    failures = [OperationalError("BEGIN", {}, Exception("database is locked"))]

    async def flaky(*args: Any, **kwargs: Any) -> Any:
        if failures and kwargs.get("update_id") == "601":
            raise failures.pop()
        return await handle(*args, **kwargs)

    monkeypatch.setattr(telegram.services.engine, "handle", flaky)
    telegram.fake.updates = [text_update(600, 9201, "/start"), text_update(601, 9202, "/start")]
    offsets = await poll_until(telegram, lambda: welcomes(telegram, 9202) == 1)
    assert not failures
    assert welcomes(telegram, 9201) == 1 and welcomes(telegram, 9202) == 1
    # The offset stopped at the failed update until it was applied, and never went back.
    asked = [offset for offset in offsets if offset is not None]
    assert 601 in asked and asked == sorted(asked) and asked[-1] == 602
    assert not any("gangguan" in m.text for m in telegram.fake.messages)
