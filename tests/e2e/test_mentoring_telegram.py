"""Mentors register vendors by proxy, see who is stuck, get a daily digest, and exchange
messages with their vendors through the bot."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from bot.settings import Settings
from models.entities import ReminderLog, Vendor
from models.errors import NotPermitted
from models.services.access import AccessService
from models.services.mentoring import MentoringRules, MentoringService
from models.uow import UnitOfWork
from tests.support.clock import FakeClock
from tests.support.fake_telegram import BOT_USERNAME
from tests.support.telegram_chat import TelegramBot, TelegramUser

ADMIN_ID = 9001


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return settings.model_copy(update={"admin_telegram_ids": str(ADMIN_ID)})


async def mentor(bot: TelegramBot, user_id: int, name: str = "Rina") -> TelegramUser:
    admin = bot.user(ADMIN_ID, first_name="Admin")
    await admin.say(f"/peran tambah {user_id} pendamping")
    person = bot.user(user_id, first_name=name)
    await person.say("/binaan")
    return person


async def deliver(bot: TelegramBot) -> None:
    await bot.services.outbox.deliver()


async def test_proxy_registration_claimed_and_submitted_by_the_vendor(
    telegram: TelegramBot,
) -> None:
    rina = await mentor(telegram, 801)
    received = await rina.say("/daftarkan")
    assert "atas nama pemiliknya" in received[-1].text
    for answer in ("Siti Aminah", "3579014101850001"):
        await rina.say(answer)
    received = await rina.say("0812 3456 7890")  # typed: no share-contact for someone else
    assert not any(message.requests_contact for message in rina.inbox)
    for answer in ("Keripik Apel Bu Siti", "9120001234567", "10792"):
        await rina.say(answer)
    await rina.press("Lewati")
    await rina.say("300 juta")
    await rina.press("Ya, benar")
    await rina.press("Makanan dan Minuman")
    await rina.press("Bumiaji")
    await rina.press("Punten")
    await rina.say("Jl. Raya Punten No. 12")
    received = await rina.press("Lewati")
    assert "Ringkasan pendaftaran" in received[-1].text
    received = await rina.press("Buat tautan untuk pemilik")
    assert received[0].kind == "photo" and received[0].file_data  # the QR code
    link = re.search(rf"https://t\.me/{BOT_USERNAME}\?start=(c-[\w-]+)", received[-1].text)
    assert link is not None

    siti = telegram.user(802)
    received = await siti.say(f"/start {link[1]}")
    assert "Pendamping UMKM sudah mengisi pendaftaran" in received[0].text
    received = await siti.press("Saya setuju")
    assert "Pendaftaran sekarang milik Anda" in received[-1].text
    assert "Nama usaha: Keripik Apel Bu Siti" in received[-1].text
    await siti.press("Kirim untuk diverifikasi")

    budi = telegram.user(803)
    received = await budi.say(f"/start {link[1]}")
    assert "sudah dipakai atau sudah kedaluwarsa" in received[0].text

    received = await rina.say("/binaan")
    assert any(
        "Keripik Apel Bu Siti" in label and "Diajukan" in label for label in received[-1].labels
    )
    async with telegram.services.uow_factory() as uow:
        vendor = (await uow.session.execute(select(Vendor))).scalar_one()
        owner = await uow.users.by_identity("telegram", "802")
        assert owner is not None and vendor.user_id == owner.id
        assert vendor.status == "submitted"


async def test_expired_link_does_not_work(telegram: TelegramBot, clock: FakeClock) -> None:
    rina = await mentor(telegram, 811)
    await rina.say("/daftarkan")
    await rina.say("Siti Aminah")
    await rina.press("Berhenti dulu")
    received = await rina.press("Lanjutkan pendaftaran")
    assert "Berapa NIK pemilik usaha?" in received[-1].text
    await rina.say("/binaan")
    await rina.press("Siti Aminah")
    async with telegram.services.uow_factory() as uow:
        vendor = (await uow.session.execute(select(Vendor))).scalar_one()
        mentor_user = await uow.users.by_identity("telegram", "811")
        assert mentor_user is not None
        token = await telegram_mentoring(telegram, uow).claim_link_token(mentor_user, vendor)
        await uow.commit()
    clock.advance(hours=73)
    received = await telegram.user(812).say(f"/start c-{token}")
    assert "sudah dipakai atau sudah kedaluwarsa" in received[0].text


def telegram_mentoring(bot: TelegramBot, uow: UnitOfWork) -> MentoringService:
    rules = MentoringRules(timedelta(days=3), timedelta(days=3), timedelta(hours=72))
    return MentoringService(uow, AccessService(uow, bot.clock, set()), bot.clock, rules)


async def stuck_vendor(bot: TelegramBot, user_id: int) -> TelegramUser:
    vendor = bot.user(user_id)
    await vendor.say("/daftar")
    await vendor.press("Saya setuju")
    for answer in ("Siti Aminah", "3579014101850001", "081234567890", "Keripik Apel Bu Siti"):
        await vendor.say(answer)
    await vendor.press("Belum punya NIB")
    await vendor.press("Lewati")
    await vendor.press("Lewati")
    await vendor.say("300 juta")
    await vendor.press("Ya, benar")
    await vendor.press("Makanan dan Minuman")
    await vendor.press("Bumiaji")
    return vendor


async def test_idle_vendor_gives_one_digest_line_and_one_reminder(
    telegram: TelegramBot, clock: FakeClock
) -> None:
    rina = await mentor(telegram, 821)
    admin = telegram.user(ADMIN_ID, first_name="Admin")
    received = await admin.say("/pendamping wilayah 821 Bumiaji")
    assert "sekarang mendampingi UMKM di Kecamatan Bumiaji" in received[0].text
    siti = await stuck_vendor(telegram, 822)
    status = await siti.say("/status")
    assert any("Pendamping Anda: Rina" in message.text for message in status)

    clock.advance(days=4)
    assert await telegram.services.engine.run_daily_round() == 2
    await deliver(telegram)
    assert "Ringkasan harian: 1 UMKM binaan perlu dibantu" in rina.last.text
    assert "⚠️ Keripik Apel Bu Siti · 10/13 data · 4 hari" in rina.last.text
    assert "Pendaftaran usaha Anda belum selesai (10 dari 13 data)" in siti.last.text

    assert await telegram.services.engine.run_daily_round() == 0  # same day: nothing twice
    await telegram.stop()
    restarted = await TelegramBot(telegram.settings, clock).start()
    try:
        assert await restarted.services.engine.run_daily_round() == 0  # nor after a restart
        clock.advance(days=1)
        assert await restarted.services.engine.run_daily_round() == 1  # a new digest only
        same_siti = restarted.user(822)
        await same_siti.say("/start")
        clock.advance(days=4)
        await restarted.services.engine.run_daily_round()
        await restarted.services.outbox.deliver()
        received = await same_siti.press("Jangan ingatkan lagi")
        assert "tidak akan mengirim pengingat lagi" in received[-1].text
        clock.advance(days=10)
        await restarted.services.engine.run_daily_round()
        async with restarted.services.uow_factory() as uow:
            reminders = await uow.session.scalar(
                select(func.count()).select_from(ReminderLog).where(ReminderLog.kind == "reminder")
            )
        assert reminders == 2
    finally:
        await restarted.stop()


async def test_vendor_and_mentor_exchange_messages(telegram: TelegramBot) -> None:
    rina = await mentor(telegram, 831)
    admin = telegram.user(ADMIN_ID, first_name="Admin")
    await admin.say("/pendamping wilayah 831 Bumiaji")
    siti = await stuck_vendor(telegram, 832)

    await siti.say("/pendamping")
    received = await siti.say("Bu, KBLI saya apa ya?")
    assert "Pesan terkirim" in received[-1].text
    assert "💬 Pesan dari Keripik Apel Bu Siti:\nBu, KBLI saya apa ya?" in rina.last.text
    assert "6281234567890" not in rina.last.text

    await rina.press("Balas")
    received = await rina.say("Lihat lembar NIB, bagian KBLI.")
    assert "Pesan terkirim" in received[-1].text
    assert "Pesan dari pendamping Anda, Rina" in siti.last.text
    await siti.press("Balas")
    assert "Tulis pesan untuk pendamping Anda (Rina)" in siti.last.text


async def test_mentor_commands_need_the_role(telegram: TelegramBot) -> None:
    siti = await stuck_vendor(telegram, 841)
    for command in ("/binaan", "/daftarkan"):
        assert (await siti.say(command))[0].text == "Perintah itu tidak kami kenal."
    await mentor(telegram, 842, "Dewi")
    async with telegram.services.uow_factory() as uow:
        vendor = (await uow.session.execute(select(Vendor))).scalar_one()
        dewi = await uow.users.by_identity("telegram", "842")
        outsider = await uow.users.by_identity("telegram", "841")
        assert dewi is not None and outsider is not None
        service = telegram_mentoring(telegram, uow)
        assert await service.vendor_for(dewi, vendor.id) is None  # not her vendor
        with pytest.raises(NotPermitted):
            await service.my_vendors(outsider)
