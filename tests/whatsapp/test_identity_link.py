"""One person on two channels: a draft started on one channel is finished on the other."""

from __future__ import annotations

from sqlalchemy import func, select

from models.entities import ChannelIdentity, User, Vendor
from tests.support.telegram_chat import TelegramBot
from tests.whatsapp.chat import WhatsAppServer
from tests.whatsapp.test_registration_whatsapp import answer_until_phone

NUMBER = "+6281234567890"


async def counts(server: WhatsAppServer) -> tuple[int, int, int]:
    async with server.services.uow_factory() as uow:
        users = await uow.session.scalar(select(func.count()).select_from(User))
        identities = await uow.session.scalar(select(func.count()).select_from(ChannelIdentity))
        vendors = await uow.session.scalar(select(func.count()).select_from(Vendor))
    return users or 0, identities or 0, vendors or 0


async def test_started_on_whatsapp_finished_on_telegram(
    whatsapp: WhatsAppServer, telegram: TelegramBot
) -> None:
    wa = whatsapp.user(number=NUMBER.removeprefix("+"))
    await answer_until_phone(wa)
    await wa.press("Kirim nomor saya")
    await wa.say("Keripik Apel Bu Siti")

    tg = telegram.user(701)
    await tg.say("/start")
    await tg.press("Sudah mulai daftar")
    assert tg.last.requests_contact
    received = await tg.share_contact(NUMBER)
    assert "Berhasil! Akun ini sudah tersambung" in received[0].text
    assert "Selamat datang kembali" in received[-1].text
    assert "Terakhir di bagian: NIB" in received[-1].text
    received = await tg.press("Lanjutkan pendaftaran")
    assert "Berapa NIB" in received[-1].text
    await tg.say("9120001234567")

    assert await counts(whatsapp) == (1, 2, 1)
    async with whatsapp.services.uow_factory() as uow:
        vendor = (await uow.session.execute(select(Vendor))).scalar_one()
        assert (vendor.business_name, vendor.nib) == ("Keripik Apel Bu Siti", "9120001234567")


async def test_started_on_telegram_continued_on_whatsapp(
    whatsapp: WhatsAppServer, telegram: TelegramBot
) -> None:
    tg = telegram.user(702)
    await tg.say("/daftar")
    await tg.press("Saya setuju")
    await tg.say("Siti Aminah")
    await tg.say("3579014101850001")
    await tg.share_contact(NUMBER)
    # The two channels are two processes here: what one confirmed as delivered is written
    # within half a second, before a person could switch to the other app.
    await telegram.services.engine.write_confirmations()

    wa = whatsapp.user(number=NUMBER.removeprefix("+"))
    received = await wa.say("halo")
    assert "Selamat datang kembali" in received[-1].text
    assert await counts(whatsapp) == (1, 2, 1)


async def test_a_typed_number_links_nothing(
    whatsapp: WhatsAppServer, telegram: TelegramBot
) -> None:
    tg = telegram.user(703)
    await tg.say("/daftar")
    await tg.press("Saya setuju")
    await tg.say("Siti Aminah")
    await tg.say("3579014101850001")
    await tg.say("0812 3456 7890")  # typed, not verified by Telegram

    wa = whatsapp.user(number=NUMBER.removeprefix("+"))
    received = await wa.say("halo")
    assert "Selamat datang di layanan" in received[-1].text
    assert await counts(whatsapp) == (2, 2, 1)


async def test_someone_elses_contact_links_nothing(
    whatsapp: WhatsAppServer, telegram: TelegramBot
) -> None:
    wa = whatsapp.user(number=NUMBER.removeprefix("+"))
    await answer_until_phone(wa)
    tg = telegram.user(704)
    await tg.say("/start")
    await tg.press("Sudah mulai daftar")
    received = await tg.share_contact(NUMBER, own=False)
    assert "nomor Anda sendiri" in received[-1].text
    assert await counts(whatsapp) == (2, 2, 1)
