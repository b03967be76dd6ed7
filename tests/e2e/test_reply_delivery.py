"""Every reply reaches the user: retried while that is safe, and a question that may not have
arrived is asked again instead of taking the next message as its answer."""

from __future__ import annotations

import asyncio

from models.entities import Vendor
from tests.e2e.test_products_telegram import registered_vendor
from tests.support.clock import FakeClock
from tests.support.telegram_chat import TelegramBot, TelegramUser

BUSINESS_QUESTION = "Apa nama usaha"


async def answer_until_phone(user: TelegramUser) -> None:
    await user.say("/daftar")
    await user.press("Saya setuju")
    await user.say("Siti Aminah")
    await user.say("3579 0141 0185 0001")


async def business_name(bot: TelegramBot, user_id: int) -> str | None:
    async with bot.services.uow_factory() as uow:
        user = await uow.users.by_identity("telegram", str(user_id))
        assert user is not None
        vendor: Vendor | None = await uow.vendors.by_user(user.id)
        return vendor.business_name if vendor is not None else None


async def test_a_429_is_waited_out_and_the_reply_sent_once(telegram: TelegramBot) -> None:
    user = telegram.user(4301)
    await answer_until_phone(user)
    telegram.fake.fail("sendMessage", 429, "Too Many Requests: retry after 1", retry_after=1)
    received = await user.say("081234567890")
    assert [m.text for m in received if BUSINESS_QUESTION in m.text] != []
    assert len([m for m in received if BUSINESS_QUESTION in m.text]) == 1
    assert not any("gangguan" in m.text for m in user.inbox)


async def test_a_refusal_by_a_failing_server_is_retried(telegram: TelegramBot) -> None:
    user = telegram.user(4302)
    await answer_until_phone(user)
    telegram.fake.fail("sendMessage", 502, "Bad Gateway")
    telegram.fake.fail("sendMessage", 500, "Internal Server Error")
    received = await user.say("081234567890")
    assert len([m for m in received if BUSINESS_QUESTION in m.text]) == 1


async def test_a_failing_cosmetic_call_loses_no_reply(telegram: TelegramBot) -> None:
    user = telegram.user(4303)
    await user.say("/daftar")
    telegram.fake.fail("answerCallbackQuery", 400, "Bad Request: query is too old")
    telegram.fake.fail("editMessageReplyMarkup", 400, "Bad Request: message can't be edited")
    received = await user.press("Saya setuju")
    assert any("nama lengkap" in m.text.lower() for m in received)
    assert not any("gangguan" in m.text for m in user.inbox)


async def test_answering_the_button_goes_beside_the_reply(telegram: TelegramBot) -> None:
    user = telegram.user(4304)
    await user.say("/daftar")
    before = len(telegram.fake.calls)
    await user.press("Saya setuju")
    methods = [call.method for call in telegram.fake.calls[before:]]
    # The reply is sent before the pressed button is answered: one round trip, not three.
    assert methods.index("sendMessage") < methods.index("answerCallbackQuery")


async def test_an_answer_sent_again_after_a_lost_reply_gets_the_question_again(
    telegram: TelegramBot,
) -> None:
    user = telegram.user(4305)
    await answer_until_phone(user)
    telegram.fake.fail("sendMessage", 400, "Bad Request: chat not found")  # not retried
    lost = await user.say("081234567890")
    assert lost == []  # the phone number is saved; its next question never arrived

    # Not having seen the question, the owner sends the number again: it is not the name.
    again = await user.say("081234567890")
    assert "belum sampai" in again[0].text
    assert BUSINESS_QUESTION in again[-1].text
    assert await business_name(telegram, 4305) is None

    answered = await user.say("Keripik Apel Bu Siti")
    assert "NIB" in answered[-1].text
    assert await business_name(telegram, 4305) == "Keripik Apel Bu Siti"


async def test_a_nudge_after_a_lost_reply_gets_the_question_again(telegram: TelegramBot) -> None:
    user = telegram.user(4306)
    await answer_until_phone(user)
    telegram.fake.fail("sendMessage", 400, "Bad Request: chat not found")
    await user.say("081234567890")
    again = await user.say("halo??")
    assert BUSINESS_QUESTION in again[-1].text
    assert await business_name(telegram, 4306) is None


async def test_a_delivered_question_takes_any_answer(telegram: TelegramBot) -> None:
    """The same text twice is a fine answer when the question in between arrived."""
    user = telegram.user(4307)
    await answer_until_phone(user)
    await user.say("081234567890")
    await user.say("081234567890")  # a business named like its number: odd, but delivered
    assert await business_name(telegram, 4307) == "081234567890"


async def test_the_sweep_sends_a_question_whose_reply_never_arrived(
    telegram: TelegramBot, clock: FakeClock
) -> None:
    user = telegram.user(4308)
    await answer_until_phone(user)
    telegram.fake.fail("sendMessage", 400, "Bad Request: chat not found")
    await user.say("081234567890")

    await telegram.channel.resend_pending(telegram.application.bot)
    await telegram.channel.lanes.drain()
    assert BUSINESS_QUESTION not in user.last.text  # still being sent, maybe: not yet

    clock.advance(minutes=2)
    await telegram.channel.resend_pending(telegram.application.bot)
    await telegram.channel.lanes.drain()
    assert "belum sampai" in user.inbox[-2].text
    assert BUSINESS_QUESTION in user.last.text

    clock.advance(minutes=2)
    sent = len(user.inbox)
    await telegram.channel.resend_pending(telegram.application.bot)
    await telegram.channel.lanes.drain()
    assert len(user.inbox) == sent  # delivered now: never sent twice


async def test_a_photo_is_fetched_outside_the_transaction(telegram: TelegramBot) -> None:
    """While one vendor's photo is still downloading, other chats are answered."""
    vendor = await registered_vendor(telegram, 4310)
    await vendor.press("Tambah produk")
    await vendor.say("Keripik Apel Original 200 gram")
    await vendor.press("Makanan dan Minuman")
    await vendor.say("Keripik apel asli Batu tanpa pengawet. Berat 200 gram, kemasan pouch.")
    await vendor.press("Lewati")
    await vendor.press("pcs")
    await vendor.say("15000")
    await vendor.press("Ya, benar")
    await vendor.say("10")
    await vendor.say("1.000 pcs")
    await vendor.press("Ya, produk dalam negeri")
    await vendor.say("45,5%")
    await vendor.press("Lewati")
    await vendor.press("Lewati")
    telegram.fake.file_gate = asyncio.Event()
    photo = asyncio.create_task(vendor.send_photo())
    other = await asyncio.wait_for(telegram.user(4311).say("/start"), 5)
    assert "Selamat datang" in other[-1].text
    assert not photo.done()
    telegram.fake.file_gate.set()
    saved = await asyncio.wait_for(photo, 5)
    assert "Foto 1 dari 5 tersimpan" in saved[-1].text
