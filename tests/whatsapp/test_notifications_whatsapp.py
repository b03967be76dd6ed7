"""A review outcome reaches a WhatsApp vendor on WhatsApp, through the outbox: free-form within
the 24-hour window, as the approved template outside it."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.settings import Settings
from models.entities import OutboxMessage
from tests.support.clock import FakeClock
from tests.support.telegram_chat import TelegramBot
from tests.whatsapp.chat import WhatsAppServer, WhatsAppUser
from tests.whatsapp.test_registration_whatsapp import register_until_summary

ADMIN_ID = 9001


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return settings.model_copy(
        update={
            "admin_telegram_ids": str(ADMIN_ID),
            "whatsapp_notification_template": "status_update",
        }
    )


async def submitted(whatsapp: WhatsAppServer) -> WhatsAppUser:
    vendor = whatsapp.user()
    await register_until_summary(vendor)
    await vendor.press("Kirim untuk diverifikasi")
    return vendor


async def approve_first(telegram: TelegramBot) -> None:
    admin = telegram.user(ADMIN_ID, first_name="Admin")
    await admin.say("/antrian")
    await admin.press("Keripik Apel Bu Siti")
    await admin.press("Setujui")
    await admin.press("Ya, setujui")


async def test_outcome_within_the_window_is_a_normal_message(
    whatsapp: WhatsAppServer, telegram: TelegramBot
) -> None:
    vendor = await submitted(whatsapp)
    await approve_first(telegram)
    assert await whatsapp.services.outbox.deliver() == 1
    assert "Selamat! Pendaftaran usaha Keripik Apel Bu Siti sudah disetujui" in vendor.last.text
    assert vendor.last.labels == ["➕ Tambah produk"]
    assert await whatsapp.services.outbox.deliver() == 0  # sent once, never again

    received = await vendor.press("Tambah produk")
    assert "Apa nama produk" in received[-1].text


async def test_outcome_after_the_window_uses_the_template(
    whatsapp: WhatsAppServer, telegram: TelegramBot, clock: FakeClock
) -> None:
    vendor = await submitted(whatsapp)
    clock.advance(hours=30)
    await approve_first(telegram)
    await whatsapp.services.outbox.deliver()
    assert vendor.last.kind == "template"
    assert vendor.last.template == "status_update/id"
    assert "sudah disetujui" in vendor.last.text
    async with whatsapp.services.uow_factory() as uow:
        status = (await uow.session.execute(select(OutboxMessage.status))).scalar_one()
    assert status == "sent"
