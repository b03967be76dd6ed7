"""Bureau staff review submissions in Telegram; vendors are told at once and can fix."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.settings import Settings
from models.entities import StatusChange, Vendor
from tests.e2e.test_products_telegram import add_product
from tests.e2e.test_registration_telegram import register_until_summary
from tests.support.clock import FakeClock
from tests.support.telegram_chat import TelegramBot, TelegramUser

ADMIN_ID = 9001


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return settings.model_copy(update={"admin_telegram_ids": str(ADMIN_ID)})


async def submitted_vendor(bot: TelegramBot, user_id: int, business: str) -> TelegramUser:
    user = bot.user(user_id)
    await register_until_summary(user)
    await user.press("Nama usaha")
    await user.say(business)
    await user.press("Kirim untuk diverifikasi")
    return user


async def reviewer(bot: TelegramBot, admin: TelegramUser, user_id: int, name: str) -> TelegramUser:
    await admin.say(f"/peran tambah {user_id} verifikator")
    assert f"Peran verifikator diberikan kepada pengguna ID {user_id}" in admin.last.text
    return bot.user(user_id, first_name=name)


async def test_reviewer_approves_asks_fixes_and_rejects(
    telegram: TelegramBot, clock: FakeClock
) -> None:
    siti = await submitted_vendor(telegram, 601, "Keripik Apel Bu Siti")
    clock.advance(hours=1)
    budi = await submitted_vendor(telegram, 602, "Batik Budi")
    clock.advance(hours=1)
    admin = telegram.user(ADMIN_ID, first_name="Admin")
    await admin.say("/start")
    rina = await reviewer(telegram, admin, 603, "Rina")

    queue = await rina.say("/antrian")
    assert "2 pendaftaran usaha, 0 produk" in queue[-1].text
    assert [label.split(" ·")[0] for label in queue[-1].labels[:2]] == [
        "🏪 Keripik Apel Bu Siti",
        "🏪 Batik Budi",
    ]

    card = await rina.press("Keripik Apel Bu Siti")
    assert "NIK: 3579 01•• •••• 0001" in card[-1].text
    assert "3579014101850001" not in card[-1].text
    assert "NIK yang sama dipakai juga oleh: Batik Budi" in card[-1].text
    await rina.press("Setujui")
    decided = await rina.press("Ya, setujui")
    assert "Disetujui. Penyedia sudah diberi tahu." in decided[-1].text
    assert "Selamat! Pendaftaran usaha Keripik Apel Bu Siti sudah disetujui" in siti.last.text
    assert "➕ Tambah produk" in siti.last.labels

    await rina.press("Pengajuan berikutnya")
    await rina.press("Perlu perbaikan")
    await rina.press("NIB")
    await rina.press("Alamat")
    await rina.press("Lanjut")
    await rina.press("NIB tidak valid")
    await rina.say("NIB tidak terdaftar di OSS.")
    await rina.press("Kirim keputusan")
    notice = budi.last.text
    assert "Pendaftaran usaha Batik Budi perlu diperbaiki" in notice
    assert "• NIB\n• Alamat" in notice
    assert "Catatan petugas: NIB tidak valid. NIB tidak terdaftar di OSS." in notice

    received = await budi.press("Perbaiki sekarang")
    assert "Ada 2 data yang perlu diperbaiki" in received[-1].text
    assert "Berapa NIB" in received[-1].text
    await budi.say("9120001234568")
    received = await budi.say("Jl. Diponegoro No. 5, RT 01/RW 02")
    assert "Ringkasan pendaftaran" in received[-1].text
    await budi.press("Kirim untuk diverifikasi")

    queue = await rina.say("/antrian")
    assert "1 pendaftaran usaha" in queue[-1].text
    await rina.press("Batik Budi")
    await rina.press("Tolak")
    await rina.press("Terdaftar ganda")
    await rina.press("Kirim keputusan")
    assert "pendaftaran usaha Batik Budi tidak dapat disetujui" in budi.last.text
    assert "Alasan: Terdaftar ganda" in budi.last.text

    history = await rina.press("Riwayat")
    assert "oleh Rina" in history[-1].text
    async with telegram.services.uow_factory() as uow:
        changes = (await uow.session.execute(select(StatusChange.to_status))).scalars().all()
        statuses = (await uow.session.execute(select(Vendor.status))).scalars().all()
    assert sorted(statuses) == ["approved", "rejected"]
    assert changes.count("needs_fix") == 1


async def test_product_sent_back_for_photos_and_resubmitted(telegram: TelegramBot) -> None:
    siti = await submitted_vendor(telegram, 611, "Keripik Apel Bu Siti")
    await siti.say("/start")
    await add_product(siti, "Keripik Apel Original 200 gram", "15000", photos=2)
    await siti.press("Kirim untuk diverifikasi")
    admin = telegram.user(ADMIN_ID, first_name="Admin")

    await admin.say("/antrian")
    card = await admin.press("Keripik Apel Original 200 gram")
    sent_photos = telegram.fake.calls_to("sendMediaGroup")
    assert len(sent_photos) == 1 and len(sent_photos[0].params["media"]) == 2
    assert "TKDN adalah klaim penyedia" in card[-1].text
    await admin.press("Perlu perbaikan")
    await admin.press("Foto")
    await admin.press("Lanjut")
    await admin.press("Foto kurang jelas")
    await admin.press("Kirim keputusan")
    assert 'Produk "Keripik Apel Original 200 gram" perlu diperbaiki' in siti.last.text

    await siti.press("Perbaiki sekarang")
    await siti.press("Ulangi foto")
    await siti.send_photo()
    received = await siti.press("Selesai")
    assert "Ringkasan produk (🛠 Perlu perbaikan)" in received[-1].text
    received = await siti.press("Kirim untuk diverifikasi")
    assert "sudah dikirim untuk diverifikasi" in received[-1].text
    queue = await admin.say("/antrian")
    assert "1 pendaftaran usaha, 1 produk" in queue[-1].text


async def test_second_reviewer_is_told_who_decided(telegram: TelegramBot) -> None:
    await submitted_vendor(telegram, 621, "Keripik Apel Bu Siti")
    admin = telegram.user(ADMIN_ID, first_name="Admin")
    await admin.say("/start")
    rina = await reviewer(telegram, admin, 622, "Rina")
    await admin.say("/antrian")
    await admin.press("Keripik Apel Bu Siti")
    await rina.say("/antrian")
    await rina.press("Keripik Apel Bu Siti")
    await rina.press("Setujui")
    await rina.press("Ya, setujui")

    await admin.press("Tolak")
    await admin.press("Harga tidak wajar")
    received = await admin.press("Kirim keputusan")
    assert "sudah diputuskan oleh Rina (status sekarang: disetujui)" in received[-1].text


async def test_no_admin_action_without_the_role(telegram: TelegramBot) -> None:
    siti = await submitted_vendor(telegram, 631, "Keripik Apel Bu Siti")
    admin = telegram.user(ADMIN_ID, first_name="Admin")
    await admin.say("/start")
    rina = await reviewer(telegram, admin, 632, "Rina")
    await admin.say("/peran tambah 633 pendamping")
    mentor = telegram.user(633, first_name="Mentor")
    await rina.say("/antrian")
    card = await rina.press("Keripik Apel Bu Siti")
    approve_token = next(
        data for row in card[-1].inline for label, data in row if "Setujui" in label
    )
    await admin.say("/peran cabut 632 verifikator")

    unknown = "Perintah itu tidak kami kenal."
    for outsider in (siti, mentor, rina):
        assert (await outsider.say("/antrian"))[0].text == unknown
        assert (await outsider.say("/peran tambah 634 superadmin"))[0].text == unknown
    replayed = await rina.press_data(card[-1], approve_token)
    assert "tidak berlaku" in replayed[0].text or replayed[0].text == unknown
    async with telegram.services.uow_factory() as uow:
        assert (await uow.session.execute(select(Vendor.status))).scalar_one() == "submitted"


async def test_superadmin_lists_staff(telegram: TelegramBot) -> None:
    admin = telegram.user(ADMIN_ID, first_name="Admin")
    await admin.say("/start")
    await reviewer(telegram, admin, 641, "Rina")
    received = await admin.say("/peran")
    assert "• Admin (9001): superadmin" in received[0].text
    assert "(641): verifikator" in received[0].text
