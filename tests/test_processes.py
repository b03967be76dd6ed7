"""Real ``serve`` processes on one database: two workers handling interleaved and duplicated
webhooks, a worker killed (SIGKILL) mid-stream and restarted, and a graceful stop (SIGTERM)
that finishes every update it accepted. Runs on SQLite, and on PostgreSQL with
``TEST_DATABASE_URL``."""

from __future__ import annotations

import asyncio
import random
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AsyncExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from sqlalchemy import func, select

from bot import web
from bot.settings import Settings
from bot.wiring import build_services
from models.entities import Conversation, ProcessedUpdate, User, Vendor
from tests.support.bot_api_server import BotApiServer
from tests.support.bot_process import BotProcess, process_settings, text_update

REPLY_SECONDS = 15.0
NAMES = ("Siti Aminah", "Budi Santoso", "Rina Wati", "Agus Salim", "Dewi Lestari", "Joko Susilo")


@dataclass(frozen=True)
class Answer:
    text: str
    reply: str
    """A fragment of the bot's answer, which shows the step the answer was taken at."""


def script(index: int) -> list[Answer]:
    """The first registration answers of vendor number ``index``: one reply each."""
    return [
        Answer("/daftar", "pemberitahuan privasi"),
        Answer("Saya setuju", "Langkah 1 dari"),
        Answer(NAMES[index], "Langkah 2 dari"),
        Answer(f"357901410185{index + 1:04d}", "Langkah 3 dari"),
        Answer(f"0812345678{index:02d}", "Nomor +62812345678"),
        Answer(f"Keripik Apel {NAMES[index]}", "Langkah 5 dari"),
    ]


def chat_of(index: int) -> int:
    return 70_001 + index


@pytest.fixture
async def api() -> AsyncIterator[BotApiServer]:
    with BotApiServer() as server:
        yield server


@pytest.fixture
async def spawn(
    settings: Settings, api: BotApiServer, tmp_path: Path
) -> AsyncIterator[Callable[[str], Awaitable[BotProcess]]]:
    """Starts bot processes on the test's database; all are killed at the end."""
    async with AsyncExitStack() as stack:

        async def start(name: str) -> BotProcess:
            bot = BotProcess(process_settings(settings, api.base_url), tmp_path, name)
            stack.push_async_callback(bot.close)
            return await bot.start()

        yield start


async def until(condition: Callable[[], bool], what: str) -> None:
    for _ in range(int(REPLY_SECONDS / 0.02)):
        if condition():
            return
        await asyncio.sleep(0.02)
    raise AssertionError(f"timed out waiting for {what}")


async def reply(api: BotApiServer, chat_id: int, seen: int, fragment: str) -> None:
    """Waits for a message after the first ``seen`` ones of the chat containing ``fragment``."""
    await until(
        lambda: any(fragment in message.text for message in api.messages_to(chat_id)[seen:]),
        f"{fragment!r} in chat {chat_id} after {seen} messages",
    )


async def converse(
    api: BotApiServer, workers: list[BotProcess], index: int, steps: list[Answer], seed: int
) -> None:
    """Sends ``steps`` in order, each to both workers at once (a redelivery racing the original)
    and now and then once more; the next answer goes after the reply."""
    rng = random.Random(seed)
    chat_id = chat_of(index)
    for answer in steps:
        update = text_update(chat_id, answer.text)
        seen = len(api.messages_to(chat_id))
        first, second = rng.sample(workers, 2) if len(workers) > 1 else workers * 2
        assert list(await asyncio.gather(first.post(update), second.post(update))) == [200, 200]
        if rng.random() < 0.3:
            assert await first.post(update) == 200
        await reply(api, chat_id, seen, answer.reply)


async def stored(settings: Settings) -> dict[int, dict[str, Any]]:
    """Per chat: the user's conversation turn (one per applied update) and draft answers."""
    services = build_services(settings)
    try:
        async with services.uow_factory() as uow:
            query = (
                select(User, Conversation.turn, Vendor)
                .join(Conversation, Conversation.user_id == User.id)
                .outerjoin(Vendor, Vendor.user_id == User.id)
            )
            found = {}
            for user, turn, vendor in (await uow.session.execute(query)).all():
                identity = await uow.users.latest_identity(user.id)
                assert identity is not None
                found[int(identity.external_id)] = {"turn": turn, "draft": draft(vendor)}
            found[0] = {"updates": await count(uow.session, ProcessedUpdate)}
            return found
    finally:
        await services.close()


async def count(session: Any, entity: type[Any]) -> int:
    return int((await session.execute(select(func.count()).select_from(entity))).scalar_one())


def draft(vendor: Vendor | None) -> list[str | None]:
    """The answers the script gives, as stored."""
    if vendor is None:
        return [None] * 4
    return [vendor.owner_name, vendor.nik, vendor.phone, vendor.business_name]


def assert_draft(stored_draft: list[str | None], index: int, answered: int) -> None:
    """The draft holds exactly the first ``answered`` answers of the script (two go before)."""
    steps = script(index)
    expected = [NAMES[index], steps[3].text, f"+62{steps[4].text[1:]}", steps[5].text]
    given = max(answered - 2, 0)
    assert stored_draft == expected[:given] + [None] * (4 - given)


async def test_two_workers_apply_each_update_once_in_order(
    settings: Settings, api: BotApiServer, spawn: Callable[[str], Awaitable[BotProcess]]
) -> None:
    workers = list(await asyncio.gather(spawn("worker-1"), spawn("worker-2")))
    users = range(len(NAMES))
    # First contact on both workers at once: two processes create the same new user.
    await asyncio.gather(
        *(worker.post(text_update(chat_of(i), "/start")) for i in users for worker in workers)
    )
    for i in users:
        for seen in (0, 1):
            await reply(api, chat_of(i), seen, "Selamat datang")
    # Whole answers in order, users interleaved, each update delivered to both workers.
    await asyncio.gather(*(converse(api, workers, i, script(i), seed=i) for i in users))
    # A burst: four updates of each chat at once on both workers, handled one at a time.
    burst = [text_update(chat_of(i), "/status") for i in users for _ in range(4)]
    await asyncio.gather(*(workers[n % 2].post(update) for n, update in enumerate(burst)))
    assert [await worker.terminate() for worker in workers] == [True, True]

    state = await stored(settings)
    assert state.pop(0) == {"updates": len(users) * (2 + 6 + 4)}
    assert set(state) == {chat_of(i) for i in users}  # one user per chat
    for i in users:
        assert state[chat_of(i)]["turn"] == 2 + 6 + 4  # no update lost or applied twice
        assert_draft(state[chat_of(i)]["draft"], i, answered=6)
        texts = [message.text for message in api.messages_to(chat_of(i)) if not message.deleted]
        assert len(texts) == 2 + 6 + 4 * 2  # one reply per update (two for /status)
        assert not any("Maaf" in text for text in texts)


async def test_killed_worker_loses_nothing_committed_and_everyone_continues(
    settings: Settings, api: BotApiServer, spawn: Callable[[str], Awaitable[BotProcess]]
) -> None:
    users = range(5)
    worker = await spawn("before-crash")
    progress = dict.fromkeys(users, 0)  # answers each user saw the reply to

    async def until_crash(i: int) -> None:
        for n, answer in enumerate(script(i)):
            seen = len(api.messages_to(chat_of(i)))
            try:
                await worker.post(text_update(chat_of(i), answer.text))
                await reply(api, chat_of(i), seen, answer.reply)
            except (httpx.TransportError, AssertionError):
                return
            progress[i] = n + 1

    talking = [asyncio.create_task(until_crash(i)) for i in users]
    await until(lambda: sum(progress.values()) >= 12, "a dozen answers")
    await worker.kill()
    for task in talking:
        task.cancel()
    await asyncio.gather(*talking, return_exceptions=True)

    state = await stored(settings)
    for i in users:
        applied = state[chat_of(i)]["turn"] if chat_of(i) in state else 0
        assert progress[i] <= applied <= progress[i] + 1  # every reply seen was committed
        assert_draft(state[chat_of(i)]["draft"] if applied else [None] * 4, i, applied)
        progress[i] = applied
    assert sum(progress.values()) < len(users) * 6, "the crash came after the end"

    worker = await spawn("after-crash")
    await asyncio.gather(
        *(converse(api, [worker], i, script(i)[progress[i] :], seed=i) for i in users)
    )
    state = await stored(settings)
    for i in users:
        assert state[chat_of(i)]["turn"] == 6
        assert_draft(state[chat_of(i)]["draft"], i, answered=6)


async def test_sigterm_finishes_every_accepted_update(
    settings: Settings, api: BotApiServer, spawn: Callable[[str], Awaitable[BotProcess]]
) -> None:
    worker = await spawn("draining")
    api.send_seconds = 0.5  # so that replies are still on their way when SIGTERM comes
    updates = [text_update(chat_of(i), text) for text in ("/start", "/daftar") for i in range(6)]
    statuses = [await worker.post(update) for update in updates]
    replied_before_sigterm = api.message_count()
    assert await worker.terminate()

    assert statuses == [200] * len(updates)
    # Each answer came once its update was committed: the replies to /daftar were still being
    # sent when SIGTERM came.
    assert replied_before_sigterm <= len(updates) / 2
    state = await stored(settings)
    assert state.pop(0) == {"updates": len(updates)}
    for i in range(6):
        assert state[chat_of(i)]["turn"] == 2
        texts = [message.text for message in api.messages_to(chat_of(i))]
        assert len(texts) == 2
        assert "pemberitahuan privasi" in texts[1]


def test_serve_starts_web_workers_processes(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    served: dict[str, Any] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: served.update(app=app, **options))
    web.serve(settings.model_copy(update={"web_workers": 3, "web_port": 8443}))
    # Several processes need the application as an import string; each worker builds its own.
    assert (served["app"], served["factory"], served["workers"]) == ("bot.web:worker_app", True, 3)
    assert served["port"] == 8443
