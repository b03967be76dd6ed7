"""New submissions are announced in the staff group, with a link that opens the review card in
a private chat for reviewers only."""

from __future__ import annotations

import pytest

from bot.settings import Settings
from tests.e2e.test_products_telegram import add_product
from tests.e2e.test_review_telegram import ADMIN_ID, reviewer, submitted_vendor
from tests.support.fake_telegram import BOT_USERNAME, BotMessage
from tests.support.telegram_chat import TelegramBot

STAFF_GROUP = -1001234567890


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return settings.model_copy(
        update={"admin_telegram_ids": str(ADMIN_ID), "staff_group_chat_id": str(STAFF_GROUP)}
    )


def announcements(bot: TelegramBot) -> list[BotMessage]:
    return [message for message in bot.fake.messages if message.chat_id == STAFF_GROUP]


def start_parameter(message: BotMessage) -> str:
    """The ``/start`` parameter of the announcement's one link button."""
    [[(_label, url)]] = message.inline
    prefix = f"https://t.me/{BOT_USERNAME}?start="
    assert url.startswith(prefix), url
    return url.removeprefix(prefix)


async def test_a_submission_is_announced_and_opens_its_card_for_reviewers(
    telegram: TelegramBot,
) -> None:
    await submitted_vendor(telegram, 701, "Keripik Apel Bu Siti")
    [announcement] = announcements(telegram)
    assert "Pendaftaran baru menunggu verifikasi: Keripik Apel Bu Siti" in announcement.text
    parameter = start_parameter(announcement)

    admin = telegram.user(ADMIN_ID, first_name="Admin")
    await admin.say("/start")
    rina = await reviewer(telegram, admin, 702, "Rina")
    await rina.say(f"/start {parameter}")
    assert "Keripik Apel Bu Siti" in rina.last.text
    assert any("Setujui" in label for label in rina.last.labels)

    stranger = telegram.user(703)
    await stranger.say(f"/start {parameter}")
    assert "Keripik Apel Bu Siti" not in stranger.last.text
    assert not any("Setujui" in label for label in stranger.last.labels)


async def test_products_submitted_together_are_announced_once(telegram: TelegramBot) -> None:
    vendor = await submitted_vendor(telegram, 711, "Sari Apel Batu")
    await vendor.say("/start")
    for name in ("Keripik Apel 100 g", "Sari Apel 250 ml"):
        await add_product(vendor, name, "15000")
        await vendor.press("Simpan sebagai draf")
    await vendor.press("Produk saya")
    await vendor.press("Kirim semua yang siap (2)")
    latest = announcements(telegram)[-1]
    assert "2 produk baru dari Sari Apel Batu menunggu verifikasi" in latest.text
    assert start_parameter(latest) == "r-queue"
