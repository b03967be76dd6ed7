"""Per-user flood control, counted in the database: a flood gets one polite answer, then
silence until its window has passed, and nothing of it is applied."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.settings import Settings
from handlers.flood import FloodLimit, Verdict
from models.entities import Conversation
from tests.e2e.test_registration_telegram import vendor_row
from tests.support.clock import FakeClock
from tests.support.telegram_chat import TelegramBot, TelegramUser

SLOW_DOWN = "pesan Anda masuk terlalu cepat"


@pytest.fixture
def settings(settings: Settings) -> Settings:
    """The production limit: more than 20 updates within 10 seconds."""
    return settings.model_copy(update={"flood_max_updates": 20, "flood_window_seconds": 10})


async def at_owner_name(user: TelegramUser) -> None:
    """Two updates: the registration waits for the owner's name."""
    await user.say("/daftar")
    await user.press("Saya setuju")


async def test_a_flood_gets_one_polite_answer_and_is_not_applied(
    telegram: TelegramBot, clock: FakeClock
) -> None:
    user = telegram.user(801)
    await at_owner_name(user)
    for _ in range(18):
        assert await user.say("/status")
        clock.advance(seconds=0.1)
    question = user.last  # the question, asked again after each /status

    received = await user.say("Siti Aminah")
    assert [message.text for message in received] == [
        "Mohon maaf, pesan Anda masuk terlalu cepat. 🙏 Pesan yang dikirim dalam beberapa detik "
        "ini tidak kami proses. Tunggu sekitar 10 detik, lalu kirim lagi pesan terakhir Anda."
    ]
    flood = (
        user.say("Siti Aminah"),
        user.send_photo(),
        user.share_contact("+62 812-3456-7890"),
        user.press("Bantuan", question),
    )
    for action in flood:
        assert await action == []
    assert (await vendor_row(telegram, 801)).owner_name is None
    async with telegram.services.uow_factory() as uow:
        identity = await uow.users.identity("telegram", "801")
        assert identity is not None and identity.phone is None  # not even the verified number

    clock.advance(seconds=9)  # ten seconds since the window opened with /daftar
    received = await user.press("Bantuan", question)  # the question's buttons still work
    assert "Tombol itu sudah tidak berlaku" not in received[0].text
    received = await user.say("Siti Aminah")
    assert "Berapa NIK pemilik usaha?" in received[-1].text
    assert (await vendor_row(telegram, 801)).owner_name == "Siti Aminah"


async def test_the_count_is_shared_by_every_process(
    telegram: TelegramBot, clock: FakeClock
) -> None:
    """Two bots on one database, like two webhook workers, count the same user's updates."""
    other_process = await TelegramBot(telegram.settings, clock).start()
    try:
        here, there = telegram.user(802), other_process.user(802)
        for _ in range(10):
            assert await here.say("halo")
            assert await there.say("halo")
        assert SLOW_DOWN in (await here.say("halo"))[0].text
        assert await there.say("halo") == []
        assert await telegram.user(803).say("halo")  # others are not affected
    finally:
        await other_process.stop()


def test_windows_are_fixed_and_survive_a_clock_going_back() -> None:
    limit = FloodLimit(max_updates=2, window=timedelta(seconds=10))
    conversation = Conversation(flood_count=0)
    start = datetime(2026, 11, 24, 2, 0, tzinfo=UTC)
    verdicts = []
    for offset in (0, 1, 2, 3, 9.9, 10, -60):
        verdict, window = limit.check(conversation, start + timedelta(seconds=offset))
        window.save(conversation)  # as the engine does, with the update's other changes
        verdicts.append(verdict)
    assert verdicts == [
        Verdict.ADMIT,
        Verdict.ADMIT,
        Verdict.WARN,
        Verdict.DROP,
        Verdict.DROP,
        Verdict.ADMIT,  # a new window
        Verdict.ADMIT,  # the clock went back: a new window rather than silence for ever
    ]
