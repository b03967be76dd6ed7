"""Personal data rights (UU No. 27 Tahun 2022) through the real Application: a vendor sees and
downloads everything stored about them, erases it after a confirmation, and withdraws consent."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from bot.settings import Settings
from models.entities import (
    ChannelIdentity,
    Consent,
    Conversation,
    DataRequest,
    Product,
    ProductPhoto,
    StatusChange,
    User,
    Vendor,
)
from models.services.lifecycle import transition
from models.status import Status
from tests.e2e.test_products_telegram import add_product, registered_vendor
from tests.e2e.test_registration_telegram import register_until_summary, vendor_row
from tests.support.clock import FakeClock
from tests.support.telegram_chat import TelegramBot, TelegramUser

ADMIN_ID = 9101


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return settings.model_copy(update={"admin_telegram_ids": str(ADMIN_ID)})


async def vendor_with_product(bot: TelegramBot, user_id: int) -> TelegramUser:
    """A submitted registration and one product draft with two photos."""
    user = await registered_vendor(bot, user_id)
    await add_product(user, "Keripik Apel Original 200 gram", "15000", photos=2)
    await user.press("Simpan sebagai draf")
    return user


async def count(bot: TelegramBot, entity: Any, *conditions: Any) -> int:
    async with bot.services.uow_factory() as uow:
        query = select(func.count()).select_from(entity).where(*conditions)
        return int(await uow.session.scalar(query) or 0)


async def requests(bot: TelegramBot) -> list[DataRequest]:
    async with bot.services.uow_factory() as uow:
        rows = list((await uow.session.execute(select(DataRequest))).scalars())
        uow.session.expunge_all()
        return rows


async def test_my_data_shows_everything_and_sends_it_as_a_file(
    telegram: TelegramBot, clock: FakeClock
) -> None:
    user = await vendor_with_product(telegram, 701)

    received = await user.say("/datasaya")

    document, text = received[0], received[-1].text
    assert document.kind == "document" and document.file_name == "data-saya-2026-11-24.json"
    for expected in (
        "Berikut semua data pribadi Anda yang kami simpan",
        "Pendaftaran usaha (⏳ Diajukan)",
        "Nama pemilik: Siti Aminah",
        "Email: keripikapel@gmail.com",
        "Versi 2026-11, diberikan 24 November 2026 lewat Telegram (masih berlaku)",
        "Telegram: 701 (nomor terverifikasi +6281234567890)",
        "Produk (1)",
        "Keripik Apel Original 200 gram · 📝 Draf",
        "Riwayat status: 1 catatan",
    ):
        assert expected in text
    assert received[-1].labels == ["🗑 Hapus data saya", "✋ Tarik persetujuan", "🏠 Menu utama"]

    assert document.file_data is not None
    exported = json.loads(document.file_data)
    registration = exported["registration"]
    assert (registration["owner_name"], registration["nik"]) == ("Siti Aminah", "3579014101850001")
    assert registration["status"] == "submitted" and "nik_hash" not in registration
    assert [item["notice_version"] for item in exported["consents"]] == ["2026-11"]
    assert exported["channel_identities"][0]["external_id"] == "701"
    (product,) = exported["products"]
    assert product["name"] == "Keripik Apel Original 200 gram" and len(product["photos"]) == 2
    (change,) = exported["status_history"]
    assert (change["from_status"], change["to_status"]) == ("draft", "submitted")
    assert "actor_user_id" not in change
    (request,) = exported["data_requests"]
    assert request["kind"] == "access"
    assert request["due_at"] == (clock.now + timedelta(hours=72)).isoformat()

    (stored,) = await requests(telegram)
    assert (stored.kind, stored.channel) == ("access", "telegram")
    assert stored.received_at == stored.answered_at == clock.now
    assert stored.due_at == clock.now + timedelta(hours=72)


async def test_my_data_for_someone_who_never_registered(telegram: TelegramBot) -> None:
    user = telegram.user(702)
    received = await user.say("/datasaya")
    assert "Pendaftaran usaha: belum ada" in received[-1].text
    assert "belum pernah diberikan" in received[-1].text
    assert "Tarik persetujuan" not in " ".join(received[-1].labels)


async def test_erasure_after_confirmation_keeps_only_anonymous_audit_records(
    telegram: TelegramBot, clock: FakeClock
) -> None:
    other = await registered_vendor(telegram, 704)
    user = await vendor_with_product(telegram, 703)
    vendor = await vendor_row(telegram, 703)
    async with telegram.services.uow_factory() as uow:
        row = await uow.vendors.by_user(vendor.user_id)
        assert row is not None
        transition(uow, row, Status.NEEDS_FIX, actor=None, now=clock(), note="NIK Siti Aminah?")
        await uow.commit()
        paths = list((await uow.session.execute(select(ProductPhoto.stored_path))).scalars())
    media = Path(telegram.settings.media_dir)
    assert paths and all((media / path).is_file() for path in paths)

    confirm = await user.say("/hapusdata")
    assert "Yakin ingin menghapus semua data pribadi Anda?" in confirm[-1].text
    received = await user.press("Ya, hapus semua data saya")
    assert "Data pribadi Anda sudah kami hapus" in received[-1].text

    assert await count(telegram, User, User.id == vendor.user_id) == 0
    for entity in (Vendor, ChannelIdentity, Consent, Conversation):
        assert await count(telegram, entity, entity.user_id == vendor.user_id) == 0
    assert await count(telegram, Product, Product.vendor_id == vendor.id) == 0
    assert await count(telegram, ProductPhoto) == 0
    assert not any((media / path).exists() for path in paths)
    assert not (media / "products").exists() or not any((media / "products").iterdir())
    async with telegram.services.uow_factory() as uow:
        query = select(StatusChange).order_by(StatusChange.id)
        history = list((await uow.session.execute(query)).scalars())
        uow.session.expunge_all()
    mine = [change for change in history if change.subject_id == vendor.id]
    assert [(change.to_status, change.note, change.actor_user_id) for change in mine] == [
        ("submitted", None, None),
        ("needs_fix", None, None),
    ]
    (erasure,) = await requests(telegram)
    assert (erasure.kind, erasure.user_id, erasure.answered_at) == ("erasure", None, clock.now)

    assert (await vendor_row(telegram, 704)).owner_name == "Siti Aminah"  # others untouched
    assert "sedang diperiksa" in (await other.say("/status"))[0].text
    welcome = await user.say("/start")
    assert "Selamat datang di layanan pendaftaran" in welcome[-1].text


async def test_erasure_needs_the_confirmation(telegram: TelegramBot) -> None:
    user = await registered_vendor(telegram, 705)
    await user.say("/hapusdata")
    received = await user.press("Batal, jangan dihapus")
    assert "data Anda tidak kami hapus" in received[-1].text

    confirm = (await user.say("/hapusdata"))[-1]
    await user.say("/status")
    stale = await user.press("Ya, hapus semua data saya", message=confirm)
    assert "Tombol itu sudah tidak berlaku" in stale[0].text
    assert (await vendor_row(telegram, 705)).status == "submitted"
    assert await requests(telegram) == []


async def test_erasure_from_my_data_in_the_middle_of_a_registration(
    telegram: TelegramBot,
) -> None:
    user = telegram.user(706)
    await user.say("/daftar")
    await user.press("Saya setuju")
    await user.say("Siti Aminah")
    await user.say("/datasaya")
    await user.press("Hapus data saya")
    await user.press("Ya, hapus semua data saya")
    assert await count(telegram, Vendor) == 0
    assert [request.kind for request in await requests(telegram)] == ["access", "erasure"]
    assert all(request.user_id is None for request in await requests(telegram))


async def test_staff_cannot_erase_their_account_by_chat(telegram: TelegramBot) -> None:
    admin = telegram.user(ADMIN_ID, first_name="Admin")
    received = await admin.say("/hapusdata")
    assert "akun petugas dan pendamping tidak bisa dihapus lewat chat" in received[-1].text
    assert await count(telegram, ChannelIdentity) == 1


async def test_withdrawn_consent_stops_storing_answers_until_given_again(
    telegram: TelegramBot, clock: FakeClock
) -> None:
    user = telegram.user(707)
    await user.say("/daftar")
    await user.press("Saya setuju")
    await user.say("Siti Aminah")

    received = await user.say("/tarikpersetujuan")
    assert "Persetujuan Anda sudah kami tarik" in received[-1].text
    assert "Setujui lagi" in " ".join(received[-1].labels)
    async with telegram.services.uow_factory() as uow:
        consent = (await uow.session.execute(select(Consent))).scalar_one()
        uow.session.expunge(consent)
    assert consent.withdrawn_at == clock.now
    assert [request.kind for request in await requests(telegram)] == ["withdrawal"]

    await user.press("Menu utama")
    await user.press("Tambah produk")
    received = await user.say("Keripik Apel Original 200 gram")
    assert "jawaban tadi tidak kami simpan" in received[-1].text
    assert "UU No. 27 Tahun 2022" in received[-1].text
    async with telegram.services.uow_factory() as uow:
        names = list((await uow.session.execute(select(Product.name))).scalars())
    assert names == [None]

    received = await user.press("Saya setuju")
    assert "Berapa NIK pemilik usaha?" in received[-1].text
    assert (await vendor_row(telegram, 707)).owner_name == "Siti Aminah"


async def test_withdrawing_from_my_data_and_without_consent(telegram: TelegramBot) -> None:
    user = telegram.user(708)
    received = await user.say("/tarikpersetujuan")
    assert "tidak ada yang perlu ditarik" in received[-1].text

    await register_until_summary(user)
    await user.say("/datasaya")
    await user.press("Tarik persetujuan")
    received = await user.press("Setujui lagi")
    assert "UU No. 27 Tahun 2022" in received[-1].text
    received = await user.press("Saya setuju")
    assert "Ringkasan pendaftaran" in received[-1].text
