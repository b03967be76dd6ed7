"""A message queued by another process reaches its WhatsApp user within 2 seconds, once: the
reviewer decides on Telegram (its own process and services), the webhook server delivers.
PostgreSQL wakes the server with LISTEN/NOTIFY, SQLite with a one-second poll."""

from __future__ import annotations

import asyncio
import time

import pytest

from bot.settings import Settings
from tests.support.telegram_chat import TelegramBot
from tests.whatsapp.chat import WhatsAppServer, WhatsAppUser
from tests.whatsapp.test_notifications_whatsapp import ADMIN_ID, approve_first, submitted

DEADLINE_SECONDS = 2.0


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return settings.model_copy(update={"admin_telegram_ids": str(ADMIN_ID), "outbox_watch": True})


async def arrival(vendor: WhatsAppUser, fragment: str) -> float:
    """Seconds until a message holding ``fragment`` reaches ``vendor``."""
    start = time.monotonic()
    while not any(fragment in message.text for message in vendor.inbox):
        elapsed = time.monotonic() - start
        assert elapsed < DEADLINE_SECONDS, f"not delivered within {DEADLINE_SECONDS} s"
        await asyncio.sleep(0.01)
    return time.monotonic() - start


async def test_a_decision_made_on_telegram_reaches_whatsapp_at_once(
    whatsapp: WhatsAppServer, telegram: TelegramBot
) -> None:
    vendor = await submitted(whatsapp)
    await approve_first(telegram)  # queued by the Telegram bot, which has no WhatsApp delivery

    seconds = await arrival(vendor, "sudah disetujui")

    assert seconds < DEADLINE_SECONDS
    await asyncio.sleep(1.5)  # more polls or notices: still sent once
    assert sum("sudah disetujui" in message.text for message in vendor.inbox) == 1
