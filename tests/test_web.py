"""The web application: Telegram webhooks with their secret header, routes per configuration,
and the ``serve`` command."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
import pytest
import uvicorn
from pydantic import SecretStr
from sqlalchemy.exc import OperationalError

from bot import web
from bot.cli import parser
from bot.settings import Settings
from bot.telegram import app as telegram_app
from bot.web import build_web_app
from bot.wiring import build_services
from tests.support.clock import FakeClock
from tests.support.fake_telegram import FakeTelegram

TOKEN = "123456:TEST-TOKEN-never-sent-anywhere"
SECRET = "webhook-secret_42"
HEADER = "X-Telegram-Bot-Api-Secret-Token"


@asynccontextmanager
async def web_client(
    settings: Settings, clock: FakeClock, fake: FakeTelegram | None = None
) -> AsyncIterator[httpx.AsyncClient]:
    """The web application, started; leaving stops it, which finishes queued updates."""
    app = build_web_app(settings, build_services(settings, clock), telegram_request=fake)
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(transport=httpx.ASGITransport(app), base_url="https://bot.test") as c,
    ):
        yield c


def telegram_settings(settings: Settings) -> Settings:
    update = {"telegram_bot_token": SecretStr(TOKEN), "telegram_webhook_secret": SecretStr(SECRET)}
    return settings.model_copy(update=update)


def start_update(chat_id: int) -> dict[str, Any]:
    user = {"id": chat_id, "is_bot": False, "first_name": "Siti", "language_code": "id"}
    message = {
        "message_id": 1,
        "date": 1_790_000_000,
        "chat": {"id": chat_id, "type": "private"},
        "from": user,
        "text": "/start",
        "entities": [{"type": "bot_command", "offset": 0, "length": 6}],
    }
    return {"update_id": chat_id, "message": message}


async def test_telegram_update_with_the_secret_is_processed(
    settings: Settings, clock: FakeClock
) -> None:
    fake = FakeTelegram()
    async with web_client(telegram_settings(settings), clock, fake) as client:
        response = await client.post(
            "/telegram/webhook", json=start_update(301), headers={HEADER: SECRET}
        )
        assert response.status_code == 200
    assert "Selamat datang" in next(m.text for m in fake.messages if m.chat_id == 301)


@pytest.mark.parametrize("headers", [{}, {HEADER: "guessed"}, {HEADER: SECRET + "x"}])
async def test_telegram_update_without_the_secret_is_refused(
    settings: Settings, clock: FakeClock, headers: dict[str, str]
) -> None:
    fake = FakeTelegram()
    async with web_client(telegram_settings(settings), clock, fake) as client:
        response = await client.post("/telegram/webhook", json=start_update(302), headers=headers)
        assert response.status_code == 403
    assert fake.messages == []


async def test_only_configured_webhooks_are_served(settings: Settings, clock: FakeClock) -> None:
    without_secret = settings.model_copy(update={"telegram_bot_token": SecretStr(TOKEN)})
    async with web_client(without_secret, clock) as client:
        assert (await client.get("/healthz")).status_code == 200
        assert (await client.post("/telegram/webhook", json={})).status_code == 404
        assert (await client.get("/whatsapp/webhook")).status_code == 404


def test_half_configured_whatsapp_is_an_error(settings: Settings, clock: FakeClock) -> None:
    half = settings.model_copy(update={"whatsapp_phone_number_id": "106540352242922"})
    with pytest.raises(ValueError, match="WHATSAPP_ACCESS_TOKEN"):
        build_web_app(half, build_services(half, clock))


def test_serve_runs_uvicorn_on_the_configured_address(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    served: dict[str, Any] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: served.update(options))
    web.serve(settings.model_copy(update={"web_host": "0.0.0.0", "web_port": 8443}))
    assert (served["host"], served["port"]) == ("0.0.0.0", 8443)
    assert parser().parse_args(["serve"]).command == "serve"


async def test_telegram_webhook_answers_once_the_update_is_stored_not_sent(
    settings: Settings, clock: FakeClock
) -> None:
    """The answer waits for the commit, never for sending: a slow Bot API delays only the
    reply, and an update answered 200 is in the database."""
    fake = FakeTelegram()
    fake.gate = asyncio.Event()  # every sendMessage hangs until opened
    services = build_services(telegram_settings(settings), clock)
    app = build_web_app(telegram_settings(settings), services, telegram_request=fake)
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(transport=httpx.ASGITransport(app), base_url="https://bot.test") as c,
    ):
        response = await asyncio.wait_for(
            c.post("/telegram/webhook", json=start_update(311), headers={HEADER: SECRET}), 5
        )
        assert response.status_code == 200
        assert fake.messages == []  # not sent yet
        async with services.uow_factory() as uow:
            assert not await uow.processed_updates.claim("telegram", "311")  # committed
        fake.gate.set()
    assert "Selamat datang" in next(m.text for m in fake.messages if m.chat_id == 311)


async def test_with_several_processes_the_webhook_answers_once_the_replies_are_sent(
    settings: Settings, clock: FakeClock
) -> None:
    """Telegram sends a chat's next update only after the answer to the one before: answering
    after the replies keeps another process from answering the next one first."""
    fake = FakeTelegram()
    fake.gate = asyncio.Event()
    several = telegram_settings(settings).model_copy(update={"web_workers": 2})
    async with web_client(several, clock, fake) as client:
        post = client.post("/telegram/webhook", json=start_update(312), headers={HEADER: SECRET})
        answer = asyncio.create_task(post)
        await asyncio.sleep(0.3)
        assert not answer.done()  # stored, but its reply still on its way
        fake.gate.set()
        response = await asyncio.wait_for(answer, 5)
        assert response.status_code == 200
        assert any("Selamat datang" in m.text for m in fake.messages if m.chat_id == 312)


async def test_replies_held_up_do_not_hold_the_webhook_answer_for_long(
    settings: Settings, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Telegram's connections are shared by all chats: one chat's stuck replies give theirs
    back after a while."""
    monkeypatch.setattr(telegram_app, "ACK_AT_MOST_AFTER_SECONDS", 0.2)
    fake = FakeTelegram()
    fake.gate = asyncio.Event()
    several = telegram_settings(settings).model_copy(update={"web_workers": 2})
    async with web_client(several, clock, fake) as client:
        post = client.post("/telegram/webhook", json=start_update(313), headers={HEADER: SECRET})
        response = await asyncio.wait_for(post, 5)
        assert response.status_code == 200
        assert fake.messages == []  # the reply still waits for the Bot API
        fake.gate.set()


@pytest.mark.parametrize(
    ("body", "status"),
    [
        (b"{not json", 400),
        (b"[1, 2, 3]", 400),
        (b'{"hello": "world"}', 400),
        (b'{"update_id": "seven"}', 400),
        (b"x" * 2_000_000, 413),
    ],
)
async def test_telegram_webhook_refuses_what_is_not_an_update(
    settings: Settings, clock: FakeClock, body: bytes, status: int
) -> None:
    fake = FakeTelegram()
    async with web_client(telegram_settings(settings), clock, fake) as client:
        headers = {HEADER: SECRET, "Content-Type": "application/json"}
        response = await client.post("/telegram/webhook", content=body, headers=headers)
        assert response.status_code == status
        assert "Traceback" not in response.text
    assert fake.messages == []


async def test_an_update_the_database_could_not_store_is_asked_for_again(
    settings: Settings, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """503 without an apology, so Telegram delivers it again; that redelivery is applied."""
    fake = FakeTelegram()
    services = build_services(telegram_settings(settings), clock)
    handle = services.engine.handle
    failures = [OperationalError("BEGIN", {}, Exception("database is locked"))]

    async def flaky(*args: Any, **kwargs: Any) -> Any:
        if failures:
            raise failures.pop()
        return await handle(*args, **kwargs)

    monkeypatch.setattr(services.engine, "handle", flaky)
    app = build_web_app(telegram_settings(settings), services, telegram_request=fake)
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(transport=httpx.ASGITransport(app), base_url="https://bot.test") as c,
    ):
        post = {"json": start_update(312), "headers": {HEADER: SECRET}}
        assert (await c.post("/telegram/webhook", **post)).status_code == 503  # type: ignore[arg-type]
        assert fake.messages == []
        assert (await c.post("/telegram/webhook", **post)).status_code == 200  # type: ignore[arg-type]
    assert [m.chat_id for m in fake.messages if "Selamat datang" in m.text] == [312]


async def test_a_full_backlog_asks_for_the_update_again_later(
    settings: Settings, clock: FakeClock
) -> None:
    """Past ``MAX_PENDING_UPDATES`` accepted and unfinished, the webhook answers 503 with
    Retry-After, handling nothing; once the backlog shrinks the same update is taken."""
    fake = FakeTelegram()
    one = telegram_settings(settings).model_copy(update={"max_pending_updates": 1})
    services = build_services(one, clock)
    app = build_web_app(one, services, telegram_request=fake)
    release = asyncio.Event()
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(transport=httpx.ASGITransport(app), base_url="https://bot.test") as c,
    ):
        services.lanes.submit("busy", release.wait)
        post = {"json": start_update(314), "headers": {HEADER: SECRET}}
        refused = await c.post("/telegram/webhook", **post)  # type: ignore[arg-type]
        assert (refused.status_code, refused.headers["Retry-After"]) == (503, "1")
        release.set()
        await services.lanes.drain()
        assert (await c.post("/telegram/webhook", **post)).status_code == 200  # type: ignore[arg-type]
    assert [m.chat_id for m in fake.messages if "Selamat datang" in m.text] == [314]
