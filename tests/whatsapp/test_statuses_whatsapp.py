"""WhatsApp's status webhooks update the outbox: a notice refused as outside the 24-hour window
goes again as the approved template, an undeliverable one counts as failed in /siaran status,
and a passing failure is retried."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.settings import Settings
from bot.whatsapp import statuses
from models.entities import OutboxMessage
from tests.support.clock import FakeClock
from tests.support.telegram_chat import TelegramBot
from tests.whatsapp.chat import WhatsAppServer, WhatsAppUser
from tests.whatsapp.test_notifications_whatsapp import ADMIN_ID, approve_first, submitted

NEWS = "Besok ada pelatihan e-Katalog di kantor kecamatan, jam 09.00."


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return settings.model_copy(
        update={
            "admin_telegram_ids": str(ADMIN_ID),
            "whatsapp_notification_template": "status_update",
        }
    )


@pytest.fixture(autouse=True)
def _quick_lookups(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(statuses, "LOOKUP_DELAYS", (0.0, 0.01))


async def outbox_rows(whatsapp: WhatsAppServer) -> list[OutboxMessage]:
    async with whatsapp.services.uow_factory() as uow:
        rows = list((await uow.session.execute(select(OutboxMessage))).scalars())
        uow.session.expunge_all()
        return rows


async def approved_and_notified(whatsapp: WhatsAppServer, telegram: TelegramBot) -> WhatsAppUser:
    vendor = await submitted(whatsapp)
    await approve_first(telegram)
    assert await whatsapp.services.outbox.deliver() == 1
    assert "sudah disetujui" in vendor.last.text and vendor.last.kind != "template"
    return vendor


async def test_a_notice_outside_the_window_goes_again_as_the_template(
    whatsapp: WhatsAppServer, telegram: TelegramBot
) -> None:
    vendor = await approved_and_notified(whatsapp, telegram)
    [row] = await outbox_rows(whatsapp)
    assert (row.status, row.external_id) == ("sent", vendor.last.id)

    await whatsapp.status("status_failed_reengagement", vendor.last)

    assert vendor.last.kind == "template" and vendor.last.template == "status_update/id"
    assert "sudah disetujui" in vendor.last.text
    [row] = await outbox_rows(whatsapp)
    assert (row.status, row.external_id) == ("sent", vendor.last.id)
    assert row.last_error == "WhatsApp error 131047: Re-engagement message"

    await whatsapp.status("status_failed_reengagement", vendor.last)  # the template failed too
    [row] = await outbox_rows(whatsapp)
    assert row.status == "failed"
    assert [message.kind for message in vendor.inbox].count("template") == 1  # not a third time


async def test_an_undeliverable_broadcast_counts_as_failed(
    whatsapp: WhatsAppServer, telegram: TelegramBot
) -> None:
    vendor = await submitted(whatsapp)
    admin = telegram.user(ADMIN_ID, first_name="Rina")
    await admin.say("/siaran")
    await admin.press("Semua pelaku usaha")
    await admin.say(NEWS)
    await admin.press("Kirim sekarang")
    await whatsapp.services.outbox.deliver()
    assert NEWS in vendor.last.text
    assert "terkirim 1 dari 1" in (await admin.say("/siaran status"))[-1].text

    await whatsapp.status("status_failed_undeliverable", vendor.last)

    progress = (await admin.say("/siaran status"))[-1].text
    assert "terkirim 0 dari 1" in progress and "❌ Gagal terkirim: 1" in progress
    [row] = await outbox_rows(whatsapp)
    assert (row.status, row.last_error) == (
        "failed",
        "WhatsApp error 131026: Message undeliverable",
    )


async def test_a_passing_failure_is_sent_again_after_a_while(
    whatsapp: WhatsAppServer, telegram: TelegramBot, clock: FakeClock
) -> None:
    vendor = await approved_and_notified(whatsapp, telegram)
    sent = len(vendor.inbox)
    payload_error = {"code": 131000, "title": "Something went wrong"}  # no message: completed

    await whatsapp.status("status_failed_undeliverable", vendor.last, error=payload_error)

    [row] = await outbox_rows(whatsapp)
    assert row.status == "pending" and row.available_at is not None
    assert len(vendor.inbox) == sent
    clock.advance(minutes=1)
    assert await whatsapp.services.outbox.deliver() == 1
    assert "sudah disetujui" in vendor.last.text and len(vendor.inbox) > sent


async def test_a_failed_direct_reply_changes_nothing(whatsapp: WhatsAppServer) -> None:
    vendor = whatsapp.user()
    await vendor.say("halo")
    await whatsapp.status("status_failed_undeliverable", vendor.last)
    assert await outbox_rows(whatsapp) == []


async def test_status_without_contacts_is_read(
    whatsapp: WhatsAppServer, caplog: pytest.LogCaptureFixture
) -> None:
    """Cloud API status webhooks carry no ``contacts``; pywa needs one to parse them."""
    vendor = whatsapp.user()
    await vendor.say("halo")
    await whatsapp.status("status_read", vendor.last)
    await whatsapp.status("status_failed_undeliverable", vendor.last)
    assert "Failed to construct update" not in caplog.text
    assert "not delivered (WhatsApp error 131026: Message undeliverable)" in caplog.text
