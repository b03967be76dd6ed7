"""A submission's confirmation that never arrived is sent again when the vendor writes or
presses again, or by the sweep if they say nothing, like a lost question; nothing is submitted
twice."""

from __future__ import annotations

from sqlalchemy import func, select

from models.entities import StatusChange
from tests.e2e.test_products_telegram import add_product, registered_vendor
from tests.e2e.test_registration_telegram import register_until_summary, vendor_row
from tests.support.clock import FakeClock
from tests.support.telegram_chat import TelegramBot, TelegramUser

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


async def sweep(bot: TelegramBot) -> None:
    await bot.channel.resend_pending(bot.application.bot)
    await bot.channel.lanes.drain()


async def test_the_sweep_sends_a_lost_confirmation_once(
    telegram: TelegramBot, clock: FakeClock
) -> None:
    """A vendor who says nothing more gets the confirmation, with its next step, from the
    sweep; should that one be lost too, it is not sent a third time."""
    user = telegram.user(5205)
    await register_until_summary(user)
    telegram.fake.fail("sendMessage", 400, "Bad Request: chat not found")
    assert await user.press("Kirim untuk diverifikasi") == []

    await sweep(telegram)
    assert SUBMITTED not in user.last.text  # maybe still being sent: not yet
    clock.advance(minutes=2)
    await sweep(telegram)
    assert AGAIN in user.last.text and SUBMITTED in user.last.text
    assert [label for row in user.last.inline for label, _ in row] == ["📋 Cek status"]

    clock.advance(minutes=2)
    sent = len(user.inbox)
    await sweep(telegram)
    assert len(user.inbox) == sent  # delivered: never sent twice
    assert await submissions(telegram) == 1


async def test_the_sweep_gives_up_after_one_resend(telegram: TelegramBot, clock: FakeClock) -> None:
    user = telegram.user(5206)
    await register_until_summary(user)
    telegram.fake.fail("sendMessage", 400, "Bad Request: chat not found")
    await user.press("Kirim untuk diverifikasi")
    clock.advance(minutes=2)
    telegram.fake.fail("sendMessage", 400, "Bad Request: chat not found")
    await sweep(telegram)
    clock.advance(minutes=2)
    await sweep(telegram)
    assert not any(SUBMITTED in message.text for message in user.inbox)
    answered = await user.say("/status")  # a command is answered as usual
    assert not any(AGAIN in message.text for message in answered)


async def ready_drafts(bot: TelegramBot, user_id: int) -> TelegramUser:
    user = await registered_vendor(bot, user_id)
    await add_product(user, "Keripik Apel Original 200 gram", "15000")
    await user.press("Simpan sebagai draf")
    await add_product(user, "Sari Apel 1 liter", "25rb")
    await user.press("Simpan sebagai draf")
    await user.press("Produk saya")
    return user


async def test_a_lost_confirmation_of_all_products_is_sent_again(telegram: TelegramBot) -> None:
    user = await ready_drafts(telegram, 5207)
    telegram.fake.fail("sendMessage", 400, "Bad Request: chat not found")
    assert await user.press("Kirim semua yang siap (2)") == []

    again = await user.say("kok diam")
    assert AGAIN in again[-1].text
    assert "2 produk sudah dikirim untuk diverifikasi" in again[-1].text
    assert "➕ Tambah produk" in again[-1].labels
    assert await submissions(telegram) == 3


async def test_the_sweep_sends_a_lost_confirmation_of_all_products(
    telegram: TelegramBot, clock: FakeClock
) -> None:
    user = await ready_drafts(telegram, 5208)
    telegram.fake.fail("sendMessage", 400, "Bad Request: chat not found")
    await user.press("Kirim semua yang siap (2)")
    clock.advance(minutes=2)
    await sweep(telegram)
    assert AGAIN in user.last.text
    assert "2 produk sudah dikirim untuk diverifikasi" in user.last.text
    assert await submissions(telegram) == 3


async def test_a_lost_confirmation_from_the_product_card_is_sent_again(
    telegram: TelegramBot, clock: FakeClock
) -> None:
    user = await registered_vendor(telegram, 5209)
    await add_product(user, "Keripik Apel Original 200 gram", "15000")
    await user.press("Simpan sebagai draf")
    await user.press("Produk saya")
    await user.press("Keripik Apel Original 200 gram")
    telegram.fake.fail("sendMessage", 400, "Bad Request: chat not found")
    assert await user.press("Kirim untuk diverifikasi") == []
    clock.advance(minutes=2)
    await sweep(telegram)
    assert AGAIN in user.last.text
    assert 'Produk "Keripik Apel Original 200 gram" sudah dikirim' in user.last.text
