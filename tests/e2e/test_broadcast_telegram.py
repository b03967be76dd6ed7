"""A superadmin broadcasts to vendors in Telegram: choose the group, type, check, send, and
follow the delivery; anyone else is answered as if ``/siaran`` did not exist."""

from __future__ import annotations

import pytest

from bot.settings import Settings
from models.services.access import AccessService
from models.services.broadcast import BroadcastService, Segment, SegmentKind
from models.status import Status
from tests.support.catalog_data import JUNREJO, CatalogData
from tests.support.clock import FakeClock
from tests.support.telegram_chat import TelegramBot, TelegramUser

ADMIN_ID = 9101
VENDORS = {9201: "Keripik Apel Bu Siti", 9202: "Batik Budi", 9203: "Sari Apel Junrejo"}
NEWS = "Besok ada pelatihan e-Katalog di kantor kecamatan, jam 09.00. Bawa NIB, ya."


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return settings.model_copy(update={"admin_telegram_ids": str(ADMIN_ID)})


@pytest.fixture
async def vendors(telegram: TelegramBot, clock: FakeClock) -> dict[int, TelegramUser]:
    """Two drafts in Bumiaji and an approved registration in Junrejo."""
    async with telegram.services.uow_factory() as uow:
        data = CatalogData(uow, clock)
        for chat_id, business in VENDORS.items():
            fields = {"kecamatan_code": JUNREJO} if chat_id == 9203 else {}
            vendor = await data.vendor(str(chat_id), business, **fields)
            if chat_id == 9203:
                await data.approved(vendor)
        await uow.commit()
    return {chat_id: telegram.user(chat_id) for chat_id in VENDORS}


async def test_broadcast_to_one_kecamatan_reaches_exactly_its_vendors(
    telegram: TelegramBot, vendors: dict[int, TelegramUser]
) -> None:
    admin = telegram.user(ADMIN_ID, first_name="Rina")
    received = await admin.say("/siaran")
    assert "Pesan ini mau dikirim ke siapa?" in received[-1].text
    assert received[-1].labels[0] == "👥 Semua pelaku usaha (3)"

    received = await admin.press("Menurut kecamatan")
    assert received[-1].labels[:2] == ["Kecamatan Bumiaji (2)", "Kecamatan Junrejo (1)"]
    received = await admin.press("Kecamatan Bumiaji")
    assert "ketik pesan untuk 2 pelaku usaha (Kecamatan Bumiaji)" in received[-1].text

    received = await admin.say("Pelatihan besok.")
    received = await admin.say(NEWS)  # typed again: the new text replaces the first
    preview, confirm = received[-2:]
    assert preview.text == f"📢 Pengumuman dari BPBJ Kota Batu\n\n{NEWS}"
    assert "Kirim ke 2 pelaku usaha (Kecamatan Bumiaji) sekarang?" in confirm.text

    received = await admin.press("Kirim sekarang")
    assert "masuk antrean untuk 2 pelaku usaha" in received[-1].text
    for chat_id in (9201, 9202):
        assert [m.text for m in vendors[chat_id].inbox] == [preview.text]
    assert vendors[9203].inbox == []

    received = await admin.say("/siaran status")
    assert "terkirim 2 dari 2" in received[-1].text
    assert "antrean" not in received[-1].text


async def test_broadcast_by_status_and_cancelling(
    telegram: TelegramBot, vendors: dict[int, TelegramUser]
) -> None:
    admin = telegram.user(ADMIN_ID, first_name="Rina")
    await admin.say("/siaran")
    received = await admin.press("Menurut status pendaftaran")
    assert received[-1].labels[:2] == ["status ✅ Disetujui (1)", "status 📝 Draf (2)"]
    await admin.press("Disetujui")
    await admin.say(NEWS)
    received = await admin.press("Batal")
    assert "Siaran dibatalkan" in received[-1].text
    assert all(vendor.inbox == [] for vendor in vendors.values())
    received = await admin.say("/siaran status")
    assert "belum pernah mengirim siaran" in received[-1].text


async def test_only_superadmins_may_broadcast(
    telegram: TelegramBot, vendors: dict[int, TelegramUser]
) -> None:
    vendor = vendors[9201]
    unknown = await vendor.say("/tidakada")
    assert [m.text for m in await vendor.say("/siaran")] == [m.text for m in unknown]
    assert [m.text for m in await vendor.say("/siaran status")] == [m.text for m in unknown]
    assert await vendor.say("Kirim sekarang") != []  # a label typed: not a broadcast either
    assert all("Pengumuman" not in m.text for v in vendors.values() for m in v.inbox)


async def test_progress_counts_what_is_still_queued(
    telegram: TelegramBot, vendors: dict[int, TelegramUser], clock: FakeClock
) -> None:
    admin = telegram.user(ADMIN_ID, first_name="Rina")
    await admin.say("/start")
    async with telegram.services.uow_factory() as uow:
        sender = await uow.users.by_identity("telegram", str(ADMIN_ID))
        assert sender is not None
        broadcasts = BroadcastService(uow, AccessService(uow, clock, ()))
        segment = Segment(SegmentKind.STATUS, Status.DRAFT.value)
        sent = await broadcasts.send(sender, segment, NEWS, lambda _: NEWS, clock())
        await uow.commit()
    assert sent.recipients == 2

    received = await admin.say("/siaran status")
    assert "terkirim 0 dari 2" in received[-1].text
    assert "Masih dalam antrean: 2" in received[-1].text
    await telegram.services.outbox.deliver()
    received = await admin.say("/siaran status")
    assert "terkirim 2 dari 2" in received[-1].text
