"""The outbox against a Bot API that fails: 429 with ``retry_after``, 502, refused connections
and timeouts; claims of a process that died; Telegram's rate limits; two processes at once.
Time is faked throughout: nothing sleeps."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import aiohttp
import pytest
from aiohttp import ServerDisconnectedError
from aiohttp.client_reqrep import ConnectionKey
from sqlalchemy import select
from telegram import Bot
from telegram.error import NetworkError, TimedOut
from telegram.request import RequestData

from bot.outbox import LEASE, OutboxDispatcher
from bot.ratelimit import RateLimiter
from bot.settings import Settings
from bot.telegram.errors import may_have_arrived
from bot.telegram.outbox import TelegramDelivery
from bot.wiring import Services, build_services
from models.entities import OutboxMessage
from tests.support.clock import FakeClock
from tests.support.fake_telegram import FakeTelegram

TOKEN = "123456:TEST-TOKEN-never-sent-anywhere"


class FakeTimer:
    """A monotonic clock that moves only when someone sleeps on it."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.slept: list[float] = []

    def monotonic(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.slept.append(round(seconds, 3))
        self.now += seconds


class FlakyTelegram(FakeTelegram):
    """Answers ``sendMessage`` with the scripted outcomes first, then like Telegram."""

    def __init__(self, *outcomes: str) -> None:
        super().__init__()
        self.outcomes = list(outcomes)

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
        if url.endswith("/sendMessage") and self.outcomes:
            match self.outcomes.pop(0):
                case "429":
                    flood = {"ok": False, "error_code": 429, "description": "Too Many Requests"}
                    return 429, json.dumps({**flood, "parameters": {"retry_after": 7}}).encode()
                case "502":
                    return 502, b"<html>502 Bad Gateway</html>"
                case "refused":
                    raise NetworkError("aiohttp.ClientConnectorError") from refused()
                case "timeout":
                    raise TimedOut() from aiohttp.SocketTimeoutError("no answer")
        return await super().do_request(url, method, request_data)

    def texts_to(self, chat_id: int) -> list[str]:
        return [message.text for message in self.messages if message.chat_id == chat_id]


@pytest.fixture
async def services(settings: Settings, clock: FakeClock) -> AsyncIterator[Services]:
    services = build_services(settings, clock)
    yield services
    await services.close()


@pytest.fixture
def timer() -> FakeTimer:
    return FakeTimer()


async def dispatcher(
    services: Services, clock: FakeClock, timer: FakeTimer, api: FakeTelegram
) -> OutboxDispatcher:
    """A process's dispatcher: Telegram's pace (25 a second), on the fake timer."""
    limiter = RateLimiter(25, monotonic=timer.monotonic, sleep=timer.sleep)
    outbox = OutboxDispatcher(
        services.uow_factory, clock, limiters={"telegram": limiter}, monotonic=timer.monotonic
    )
    bot = Bot(TOKEN, base_url="http://bot-api.invalid/bot", request=api)
    await bot.initialize()
    outbox.register("telegram", TelegramDelivery(bot))
    return outbox


async def queue(services: Services, clock: FakeClock, *chats: int) -> list[int]:
    """One pending message for each chat (repeat a chat for several); their ids."""
    messages = []
    async with services.uow_factory() as uow:
        for chat in chats:
            user = await uow.users.by_identity("telegram", str(chat))
            user = user or await uow.users.add("telegram", str(chat), "id", clock())
            payload = {"text": f"Kabar untuk {chat}", "buttons": []}
            message = uow.outbox.queue(
                user_id=user.id, channel="telegram", address=str(chat), payload=payload, now=clock()
            )
            messages.append(message)
        await uow.session.flush()
        await uow.commit()
    return [message.id for message in messages]


async def row(services: Services, message_id: int) -> OutboxMessage:
    async with services.uow_factory() as uow:
        found = await uow.outbox.get(message_id)
        assert found is not None
        uow.session.expunge(found)
        return found


@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")  # RetryAfter's
async def test_429_then_502_then_success_sends_exactly_once(
    services: Services, clock: FakeClock, timer: FakeTimer
) -> None:
    api = FlakyTelegram("429", "502")
    outbox = await dispatcher(services, clock, timer, api)
    (message_id,) = await queue(services, clock, 8001)

    assert await outbox.deliver() == 0
    flooded = await row(services, message_id)
    assert (flooded.status, flooded.attempts) == ("pending", 0)  # a wait asked for, not a failure
    assert flooded.available_at == clock() + timedelta(seconds=7)
    assert await outbox.deliver() == 0  # not before retry_after

    clock.advance(seconds=7)
    assert await outbox.deliver() == 0  # 502: refused, so safe to retry after a backoff
    assert timer.slept == [7.0]  # the whole channel waited out the flood control
    refused = await row(services, message_id)
    assert (refused.status, refused.attempts) == ("pending", 1)
    assert refused.available_at == clock() + timedelta(seconds=10)

    clock.advance(seconds=10)
    assert await outbox.deliver() == 1
    sent = await row(services, message_id)
    assert (sent.status, sent.sent_at, sent.available_at) == ("sent", clock(), None)
    assert api.texts_to(8001) == ["Kabar untuk 8001"]


async def test_refused_connections_back_off_exponentially_then_fail(
    services: Services, clock: FakeClock, timer: FakeTimer
) -> None:
    outbox = await dispatcher(services, clock, timer, FlakyTelegram(*["refused"] * 5))
    (message_id,) = await queue(services, clock, 8002)
    waits = []
    for _ in range(5):
        await outbox.deliver()
        stored = await row(services, message_id)
        if stored.available_at is not None:
            waits.append(stored.available_at - clock())
            clock.advance(seconds=(stored.available_at - clock()).total_seconds())
    assert waits == [timedelta(seconds=seconds) for seconds in (10, 20, 40, 80)]
    assert (stored.status, stored.attempts) == ("failed", 5)


async def test_a_timed_out_send_is_flagged_and_never_repeated(
    services: Services, clock: FakeClock, timer: FakeTimer, caplog: pytest.LogCaptureFixture
) -> None:
    api = FlakyTelegram("timeout")
    outbox = await dispatcher(services, clock, timer, api)
    (message_id,) = await queue(services, clock, 8003)

    with caplog.at_level(logging.WARNING):
        assert await outbox.deliver() == 0
    clock.advance(hours=1)
    assert await outbox.deliver() == 0
    stored = await row(services, message_id)
    assert (stored.status, stored.attempts) == ("unknown", 1)
    assert "may have been delivered" in caplog.text
    assert api.calls_to("sendMessage") == []  # the one attempt timed out; none followed
    async with services.uow_factory() as uow:
        assert await uow.outbox.counts() == {"unknown": 1}


async def test_a_claim_of_a_dead_process_is_flagged_after_its_lease(
    services: Services, clock: FakeClock, timer: FakeTimer
) -> None:
    api = FlakyTelegram()
    (message_id,) = await queue(services, clock, 8004)
    async with services.uow_factory() as uow:  # claimed, then the process died
        assert await uow.outbox.claim(message_id, now=clock(), lease_until=clock() + LEASE)
        await uow.commit()

    outbox = await dispatcher(services, clock, timer, api)  # the restarted process's sweep
    clock.advance(seconds=LEASE.total_seconds() - 1)
    await outbox.deliver()
    assert (await row(services, message_id)).status == "sending"  # maybe still sending
    clock.advance(seconds=1)
    await outbox.deliver()
    expired = await row(services, message_id)
    assert (expired.status, expired.last_error) == ("unknown", "lease expired while sending: "
                                                    "it may have been delivered")  # fmt: skip
    assert api.texts_to(8004) == []


async def test_pending_messages_are_resumed_by_the_next_process(
    services: Services, clock: FakeClock, timer: FakeTimer
) -> None:
    await queue(services, clock, 8005, 8006)
    api = FlakyTelegram()
    assert await (await dispatcher(services, clock, timer, api)).deliver() == 2
    assert api.texts_to(8005) == ["Kabar untuk 8005"]


async def test_rate_limits_pace_one_chat_and_everything(
    services: Services, clock: FakeClock, timer: FakeTimer
) -> None:
    api = FlakyTelegram()
    outbox = await dispatcher(services, clock, timer, api)
    await queue(services, clock, *[8100] * 5, *range(8200, 8250))

    assert await outbox.deliver() == 55
    # In order: three to one chat at once, then one a second; 25 a second overall.
    assert timer.slept[:4] == [0.04, 0.04, 0.92, 1.0]
    assert timer.now - 1000.0 == pytest.approx(2 + 50 / 25)
    assert len(api.texts_to(8100)) == 5


async def test_handling_an_update_sends_only_what_fits_in_its_time(
    services: Services, clock: FakeClock, timer: FakeTimer
) -> None:
    api = FlakyTelegram()
    outbox = await dispatcher(services, clock, timer, api)
    await queue(services, clock, *range(8300, 8360))

    assert await outbox.deliver(within=1.02) == 26  # at 25 a second: the rest for the sweep
    assert await outbox.deliver() == 34
    assert len(api.calls_to("sendMessage")) == 60


async def test_two_processes_never_send_the_same_message(
    services: Services, settings: Settings, clock: FakeClock, timer: FakeTimer
) -> None:
    api = FlakyTelegram()
    other = build_services(settings, clock)  # another process: its own database pool
    try:
        first = await dispatcher(services, clock, timer, api)
        second = await dispatcher(other, clock, FakeTimer(), api)
        await queue(services, clock, *range(8400, 8420))
        sent = await asyncio.gather(first.deliver(), second.deliver())
    finally:
        await other.close()
    assert sum(sent) == 20
    assert sorted(int(call.params["chat_id"]) for call in api.calls_to("sendMessage")) == list(
        range(8400, 8420)
    )
    async with services.uow_factory() as uow:
        statuses = (await uow.session.execute(select(OutboxMessage.status))).scalars()
        assert set(statuses) == {"sent"}


def refused() -> aiohttp.ClientConnectorError:
    """What aiohttp raises when the Bot API's port does not answer."""
    key = ConnectionKey("127.0.0.1", 9, False, True, None, None, None, None)
    return aiohttp.ClientConnectorError(key, ConnectionRefusedError(111, "refused"))


def failure(error: NetworkError, cause: BaseException | None) -> NetworkError:
    error.__cause__ = cause
    return error


@pytest.mark.parametrize(
    ("error", "arrived"),
    [
        (failure(TimedOut(), aiohttp.SocketTimeoutError("no answer")), True),
        (failure(NetworkError("aiohttp.ServerDisconnectedError"), ServerDisconnectedError()), True),
        (failure(NetworkError("aiohttp.ClientOSError"), aiohttp.ClientOSError(104, "reset")), True),
        (failure(TimedOut(), aiohttp.ConnectionTimeoutError("no free connection")), False),
        (failure(NetworkError("aiohttp.ClientConnectorError"), refused()), False),
        (failure(NetworkError("Bad Gateway (502)"), None), False),
    ],
)
def test_only_failures_after_the_request_left_may_have_arrived(
    error: NetworkError, arrived: bool
) -> None:
    assert may_have_arrived(error) is arrived
