"""Concurrent users, stale and forged buttons, redelivered updates, and talk outside a flow."""

from __future__ import annotations

import pytest

from handlers.router import COMMANDS
from tests.e2e.test_registration_bad_input import (
    FLOW,
    QUESTION,
    SUMMARY_LINES,
    Action,
    answer_until,
    press,
    say,
)
from tests.e2e.test_registration_telegram import register_until_summary, vendor_row
from tests.support.clock import FakeClock
from tests.support.telegram_chat import TelegramBot, TelegramUser

STALE = "Tombol itu sudah tidak berlaku. Silakan pakai pesan terbaru."

SECOND_OWNER: list[Action] = [
    say("/daftar"),
    press("Saya setuju"),
    say("Budi Santoso"),
    say("3579010505900002"),
    say("0813-9876-5432"),
    say("Bakso Pak Budi"),
    say("8120009876543"),
    say("56101"),
    press("NPWP saya = NIK"),
    say("1,5 miliar"),
    press("Ya, benar"),
    press("Jasa Boga (Katering)"),
    press("Batu"),
    press("Temas"),
    say("Jl. Bukit Berbunga No. 3, RT 01/RW 02"),
    press("Lewati"),
]
SECOND_SUMMARY_LINES = (
    "Nama pemilik: Budi Santoso",
    "NIK: 3579010505900002",
    "Nomor HP: +6281398765432",
    "Nama usaha: Bakso Pak Budi",
    "NIB: 8120009876543",
    "KBLI: 56101",
    "NPWP: 3579010505900002",
    "Omzet/modal: usaha mikro (omzet per tahun Rp1.500.000.000)",
    "Etalase: Jasa Boga (Katering)",
    "Kecamatan: Batu",
    "Desa/kelurahan: Temas",
    "Alamat: Jl. Bukit Berbunga No. 3, RT 01/RW 02",
    "Email: tidak ada",
)


def current_turn(user: TelegramUser) -> str:
    """The turn part of the tokens on the user's newest buttons."""
    return user.last.inline[0][0][1].split(".")[0]


async def test_two_users_interleaved_each_end_with_their_own_data(telegram: TelegramBot) -> None:
    siti, budi = telegram.user(501, "Siti"), telegram.user(502, "Budi")
    first_owner = [say("/daftar")] + [answer for _, _, answer in FLOW if answer is not None]
    assert len(first_owner) == len(SECOND_OWNER)
    for siti_answers, budi_answers in zip(first_owner, SECOND_OWNER, strict=True):
        await siti_answers(siti)
        await budi_answers(budi)

    assert all(line in siti.last.text for line in SUMMARY_LINES), siti.last.text
    assert all(line in budi.last.text for line in SECOND_SUMMARY_LINES), budi.last.text
    assert (await vendor_row(telegram, 501)).business_name == "Keripik Apel Bu Siti"
    assert (await vendor_row(telegram, 502)).business_name == "Bakso Pak Budi"


async def test_stale_button_is_refused_and_the_current_question_repeated(
    telegram: TelegramBot, clock: FakeClock
) -> None:
    user = telegram.user(503)
    await answer_until(user, "nib")
    nib_question = user.last
    await user.say("9120001234567")
    clock.advance(minutes=5)

    received = await user.press("Belum punya NIB", message=nib_question)
    assert received[0].text == STALE
    assert QUESTION["kbli"] in received[-1].text
    vendor = await vendor_row(telegram, 503)
    assert (vendor.nib, vendor.no_nib) == ("9120001234567", False)


@pytest.mark.parametrize("data", ["zz.99", "", "{turn}.99", "{turn}.-1", "{turn}", "{turn}.0.0"])
async def test_forged_button_data_changes_nothing(telegram: TelegramBot, data: str) -> None:
    user = telegram.user(504)
    await answer_until(user, "nib")

    received = await user.press_data(user.last, data.format(turn=current_turn(user)))
    assert received[0].text == STALE
    assert QUESTION["nib"] in received[-1].text
    vendor = await vendor_row(telegram, 504)
    assert (vendor.nib, vendor.no_nib) == (None, False)


async def test_forged_button_data_with_a_unicode_digit_is_treated_as_stale(
    telegram: TelegramBot,
) -> None:
    user = telegram.user(505)
    await answer_until(user, "nib")
    received = await user.press_data(user.last, f"{current_turn(user)}.²")
    assert received[0].text == STALE


async def test_token_of_another_users_message_does_not_touch_either_user(
    telegram: TelegramBot,
) -> None:
    siti, budi = telegram.user(506), telegram.user(507)
    await answer_until(siti, "nib")
    await answer_until(budi, "owner_name")
    sitis_token = siti.last.inline[0][0][1]  # her "Belum punya NIB"
    sitis_messages = len(siti.inbox)

    received = await budi.press_data(budi.last, sitis_token)
    assert received[0].text == STALE
    assert QUESTION["owner_name"] in received[-1].text
    assert len(siti.inbox) == sitis_messages
    assert (await vendor_row(telegram, 506)).no_nib is False
    assert (await vendor_row(telegram, 507)).owner_name is None

    received = await siti.press("Belum punya NIB")
    assert "Cara membuat NIB (gratis):" in received[-1].text


async def test_the_same_update_delivered_twice_is_applied_once(telegram: TelegramBot) -> None:
    user = telegram.user(508)
    await answer_until(user, "nik")
    update = user.text_update("3579014101850001")
    before = len(user.inbox)

    await telegram.feed(update)
    await telegram.feed(update)
    received = user.inbox[before:]
    assert len(received) == 1
    assert QUESTION["phone"] in received[0].text

    received = await user.say("081234567890")
    assert QUESTION["business_name"] in received[-1].text


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("gmn cara daftar", "Apakah Anda setuju?"),
        ("udah di acc belum?", "Anda belum mendaftar. Pendaftaran hanya butuh sekitar 10 menit"),
        ("cek status", "Anda belum mendaftar."),
        ("bantuan", "Bot ini membantu UMKM mendaftar ke katalog elektronik BPBJ Kota Batu."),
        ("menu", "Apa yang bisa kami bantu?"),
    ],
)
async def test_free_text_outside_a_flow_is_understood(
    telegram: TelegramBot, text: str, answer: str
) -> None:
    user = telegram.user(509)
    received = await user.say(text)
    assert len(received) == 1
    assert answer in received[0].text


async def test_gibberish_gets_the_not_understood_message_and_the_menu(
    telegram: TelegramBot,
) -> None:
    user = telegram.user(510)
    received = await user.say("xq zzv blorp")
    assert received[0].text == "Maaf, kami belum paham maksud pesan Anda. 🙏"
    assert received[-1].text == "Apa yang bisa kami bantu?"
    assert received[-1].labels[0] == "📝 Daftar sekarang"


async def test_status_question_in_free_text_after_submission_tells_the_status(
    telegram: TelegramBot, clock: FakeClock
) -> None:
    user = telegram.user(511)
    await register_until_summary(user)
    await user.press("Kirim untuk diverifikasi")
    clock.advance(days=2)

    received = await user.say("udah di acc belum?")
    assert "⏳ Pendaftaran Keripik Apel Bu Siti sedang diperiksa petugas BPBJ Kota Batu" in (
        received[0].text
    )
    assert "sejak 24 November 2026" in received[0].text


async def test_unknown_command_is_named_and_help_shown(telegram: TelegramBot) -> None:
    user = telegram.user(512)
    received = await user.say("/hapus")
    assert received[0].text == "Perintah itu tidak kami kenal."
    assert "• /daftar: Daftar atau lanjutkan pendaftaran" in received[-1].text


async def test_unknown_command_mid_flow_repeats_the_current_question(
    telegram: TelegramBot,
) -> None:
    user = telegram.user(513)
    await answer_until(user, "npwp")
    received = await user.say("/hapus")
    assert received[0].text == "Perintah itu tidak kami kenal."
    assert QUESTION["npwp"] in received[-1].text
    assert "⏭ Lewati" in received[-1].labels


async def test_start_after_submission_shows_the_status_and_no_register_button(
    telegram: TelegramBot, clock: FakeClock
) -> None:
    user = telegram.user(514)
    await register_until_summary(user)
    await user.press("Kirim untuk diverifikasi")
    clock.advance(days=5)

    received = await user.say("/start")
    assert "sedang diperiksa petugas BPBJ Kota Batu sejak 24 November 2026" in received[0].text
    assert received[-1].text == "Apa yang bisa kami bantu?"
    assert "📋 Cek status" in received[-1].labels
    assert "📝 Daftar sekarang" not in received[-1].labels
    assert "▶️ Lanjutkan pendaftaran" not in received[-1].labels


async def test_command_menus_are_set_at_start_up_in_indonesian_and_english(
    telegram: TelegramBot,
) -> None:
    default, indonesian, english = (call.params for call in telegram.fake.calls_to("setMyCommands"))
    assert "language_code" not in default and "scope" not in default
    assert indonesian["language_code"] == "id"
    assert english["language_code"] == "en"
    for params in (default, indonesian, english):
        assert [item["command"] for item in params["commands"]] == list(COMMANDS)
    assert default["commands"] == indonesian["commands"]
    in_indonesian = {item["command"]: item["description"] for item in default["commands"]}
    in_english = {item["command"]: item["description"] for item in english["commands"]}
    assert in_indonesian["daftar"] == "Daftar atau lanjutkan pendaftaran"
    assert in_indonesian["batal"] == "Berhenti sejenak (data tersimpan)"
    assert in_english["daftar"] == "Register or continue registering"
    assert in_english["batal"] == "Take a break (data is saved)"
