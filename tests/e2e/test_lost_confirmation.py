"""A submission's confirmation that never arrived is sent again when the vendor writes or
presses again, like a lost question; nothing is submitted twice."""

from __future__ import annotations

from sqlalchemy import func, select

from models.entities import StatusChange
from tests.e2e.test_products_telegram import add_product, registered_vendor
from tests.e2e.test_registration_telegram import register_until_summary, vendor_row
from tests.support.telegram_chat import TelegramBot

AGAIN = "pesan kami sebelumnya belum sampai"
SUBMITTED = "Pendaftaran Anda sudah dikirim ke"


async def submissions(bot: TelegramBot) -> int:
    async with bot.services.uow_factory() as uow:
        query = select(func.count()).where(StatusChange.to_status == "submitted")
        return int(await uow.session.scalar(query.select_from(StatusChange)) or 0)


async def test_sending_again_gets_the_lost_confirmation(telegram: TelegramBot) -> None:
    user = telegram.user(5201)
    await register_until_summary(user)
    telegram.fake.fail("sendMessage", 400, "Bad Request: chat not found")  # not retried
    assert await user.press("Kirim untuk diverifikasi") == []

    again = await user.say("kirim untuk diverifikasi")  # the button is gone: typed instead
    assert AGAIN in again[0].text
    assert SUBMITTED in again[0].text
    assert [label for row in again[0].inline for label, _ in row] == ["📋 Cek status"]
    assert (await vendor_row(telegram, 5201)).status == "submitted"
    assert await submissions(telegram) == 1


async def test_a_nudge_after_a_lost_confirmation_gets_it(telegram: TelegramBot) -> None:
    user = telegram.user(5202)
    await register_until_summary(user)
    telegram.fake.fail("sendMessage", 400, "Bad Request: chat not found")
    await user.press("Kirim untuk diverifikasi")
    again = await user.say("halo?")
    assert AGAIN in again[0].text and SUBMITTED in again[0].text
    # Delivered now: the next message is answered as usual.
    answered = await user.say("halo?")
    assert not any(AGAIN in message.text for message in answered)


async def test_a_delivered_confirmation_is_not_sent_again(telegram: TelegramBot) -> None:
    user = telegram.user(5203)
    await register_until_summary(user)
    await user.press("Kirim untuk diverifikasi")
    answered = await user.say("halo")
    assert not any(SUBMITTED in message.text for message in answered)


async def test_a_lost_product_confirmation_is_sent_again(telegram: TelegramBot) -> None:
    user = await registered_vendor(telegram, 5204)
    await add_product(user, "Keripik Apel Original 200 gram", "15000")
    telegram.fake.fail("sendMessage", 400, "Bad Request: chat not found")
    assert await user.press("Kirim untuk diverifikasi") == []
    again = await user.say("kok diam")
    assert AGAIN in again[0].text
    assert 'Produk "Keripik Apel Original 200 gram" sudah dikirim' in again[0].text
    assert await submissions(telegram) == 2  # the registration and the product, once each
