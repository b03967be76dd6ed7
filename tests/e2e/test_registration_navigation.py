"""Moving around the registration: back, keep, pause and resume, help, language, summary edits."""

from __future__ import annotations

import pytest

from tests.e2e.test_registration_bad_input import (
    QUESTION,
    SUMMARY_LINES,
    answer_from,
    answer_until,
)
from tests.e2e.test_registration_telegram import register_until_summary, vendor_row
from tests.support.clock import FakeClock
from tests.support.fake_telegram import BotMessage
from tests.support.telegram_chat import TelegramBot, TelegramUser

SUBMIT = "✅ Kirim untuk diverifikasi"


async def register_without_nib_until_summary(user: TelegramUser) -> list[BotMessage]:
    await answer_until(user, "nib")
    received = await user.press("Belum punya NIB")
    await user.press("Lewati")
    await answer_from(user, "npwp")
    return received


async def test_back_asks_the_previous_question_offering_to_keep_the_old_answer(
    telegram: TelegramBot,
) -> None:
    user = telegram.user(401)
    await answer_until(user, "business_name")

    received = await user.press("Kembali")
    assert QUESTION["phone"] in received[-1].text
    assert "✔️ Tetap: +6281234567890" in received[-1].labels

    received = await user.press("Tetap: +6281234567890")
    assert QUESTION["business_name"] in received[-1].text
    vendor = await vendor_row(telegram, 401)
    assert (vendor.owner_name, vendor.nik, vendor.phone) == (
        "Siti Aminah",
        "3579014101850001",
        "+6281234567890",
    )


async def test_back_then_a_new_answer_replaces_the_old_one(telegram: TelegramBot) -> None:
    user = telegram.user(402)
    await answer_until(user, "nik")

    received = await user.press("Kembali")
    assert QUESTION["owner_name"] in received[-1].text
    assert "✔️ Tetap: Siti Aminah" in received[-1].labels
    received = await user.say("Siti Rahayu")
    assert QUESTION["nik"] in received[-1].text
    assert (await vendor_row(telegram, 402)).owner_name == "Siti Rahayu"


@pytest.mark.parametrize(("step", "answered"), [("business_name", 3), ("scale_confirm", 7)])
@pytest.mark.parametrize("stop", ["Berhenti dulu", "/batal"])
async def test_stopping_saves_and_daftar_resumes_at_the_same_question(
    telegram: TelegramBot, clock: FakeClock, step: str, answered: int, stop: str
) -> None:
    user = telegram.user(403)
    await answer_until(user, step)

    received = await (user.say(stop) if stop.startswith("/") else user.press(stop))
    assert f"💾 Tersimpan. {answered} dari 13 data sudah terisi." in received[-1].text
    assert "Lanjutkan kapan saja dengan /daftar" in received[-1].text

    clock.advance(days=3)
    received = await user.say("/daftar")
    assert QUESTION[step] in received[-1].text
    await answer_from(user, step)
    assert all(line in user.last.text for line in SUMMARY_LINES), user.last.text


async def test_status_mid_flow_shows_progress_then_repeats_the_question(
    telegram: TelegramBot,
) -> None:
    user = telegram.user(404)
    await answer_until(user, "phone")

    received = await user.say("/status")
    assert "📝 Pendaftaran belum selesai: 2 dari 13 data sudah terisi." in received[0].text
    assert "Berikutnya: Nomor HP." in received[0].text
    assert QUESTION["phone"] in received[-1].text

    received = await user.share_contact("+6281234567890")
    assert QUESTION["business_name"] in received[-1].text


@pytest.mark.parametrize(
    ("step", "ask", "help_text"),
    [
        ("nib", "/bantuan", 'NIB ada di lembar "Nomor Induk Berusaha" dari OSS'),
        ("kecamatan", "Bantuan", "Jika tidak ada di daftar, hubungi bpbj@batukota.go.id."),
        ("scale_confirm", "/bantuan", "Ukuran usaha dihitung menurut PP No. 7 Tahun 2021"),
    ],
)
async def test_help_mid_flow_explains_the_question_and_repeats_it(
    telegram: TelegramBot, step: str, ask: str, help_text: str
) -> None:
    user = telegram.user(405)
    await answer_until(user, step)

    received = await (user.say(ask) if ask.startswith("/") else user.press(ask))
    assert help_text in received[-1].text
    assert received[-1].text.index(help_text) < received[-1].text.index(QUESTION[step])


async def test_bahasa_mid_flow_switches_to_english_and_sets_the_chat_menu(
    telegram: TelegramBot,
) -> None:
    user = telegram.user(406)
    await answer_until(user, "nik")
    menus_before = len(telegram.fake.calls_to("setMyCommands"))

    received = await user.say("/bahasa")
    assert received[-1].text == "Pilih bahasa:"
    received = await user.press("English")
    assert received[0].text == "All right, we will continue in English."
    assert "What is the business owner's NIK?" in received[-1].text
    assert "⬅️ Back" in received[-1].labels

    (call,) = telegram.fake.calls_to("setMyCommands")[menus_before:]
    assert call.params["scope"] == {"type": "chat", "chat_id": 406}
    descriptions = {item["command"]: item["description"] for item in call.params["commands"]}
    assert descriptions["daftar"] == "Register or continue registering"
    assert descriptions["batal"] == "Take a break (data is saved)"

    received = await user.say("3579014101850001")
    assert "Step 3 of 13" in received[-1].text


async def test_typed_button_labels_work_like_pressing_them(telegram: TelegramBot) -> None:
    user = telegram.user(407)
    await answer_until(user, "npwp")

    received = await user.say("lewati")
    assert QUESTION["scale"] in received[-1].text
    received = await user.say("KEMBALI")
    assert QUESTION["npwp"] in received[-1].text
    assert "✔️ Tetap: tidak ada" in received[-1].labels
    received = await user.say("Tetap: tidak ada")
    assert QUESTION["scale"] in received[-1].text

    vendor = await vendor_row(telegram, 407)
    assert (vendor.npwp, vendor.npwp_skipped) == (None, True)


async def test_without_nib_the_bot_explains_how_to_get_one_and_warns_in_the_summary(
    telegram: TelegramBot,
) -> None:
    user = telegram.user(408)
    received = await register_without_nib_until_summary(user)
    assert "Cara membuat NIB (gratis):" in received[-1].text
    assert "Buka oss.go.id" in received[-1].text
    assert "Jika sudah tahu kode KBLI usaha Anda (5 angka)" in received[-1].text

    summary = user.last.text
    assert "NIB: belum punya" in summary
    assert "KBLI: tidak ada" in summary
    assert "⚠️ Belum ada NIB. Pendaftaran bisa dikirim" in summary
    assert SUBMIT in user.last.labels


async def test_etalase_not_fitting_the_kbli_is_warned_not_refused(telegram: TelegramBot) -> None:
    user = telegram.user(409)
    await answer_until(user, "etalase")

    received = await user.press("Jasa Keamanan")
    assert (
        '⚠️ Perhatian: KBLI 10792, 47211 tidak sesuai dengan etalase "Jasa Keamanan".'
        in received[-1].text
    )
    assert QUESTION["kecamatan"] in received[-1].text

    await answer_from(user, "kecamatan")
    assert "Etalase: Jasa Keamanan" in user.last.text
    assert "⚠️ KBLI 10792, 47211 tidak sesuai dengan etalase pilihan." in user.last.text
    assert (await vendor_row(telegram, 409)).etalase_code == "jasa-keamanan"


async def test_capital_instead_of_turnover_classifies_by_capital(telegram: TelegramBot) -> None:
    user = telegram.user(410)
    await answer_until(user, "scale")

    received = await user.press("Saya isi modal saja")
    assert "Berapa modal usaha Anda, di luar tanah dan bangunan?" in received[-1].text
    assert "Saya isi omzet saja" in received[-1].labels
    received = await user.say("3 miliar")
    assert (
        "Dengan modal usaha sekitar Rp3.000.000.000, usaha Anda termasuk usaha kecil. Benar?"
        in received[-1].text
    )
    await user.press("Ya, benar")

    vendor = await vendor_row(telegram, 410)
    assert (vendor.scale, vendor.scale_basis, vendor.scale_amount) == (
        "kecil",
        "capital",
        3_000_000_000,
    )


async def test_monthly_turnover_is_converted_to_a_yearly_amount(telegram: TelegramBot) -> None:
    user = telegram.user(411)
    await answer_until(user, "scale")

    received = await user.say("25 jt sebulan")
    assert (
        "Dengan omzet sekitar Rp300.000.000 per tahun (Rp25.000.000 sebulan × 12), usaha Anda"
        " termasuk usaha mikro." in received[-1].text
    )
    received = await user.press("Ubah jawaban")
    assert QUESTION["scale"] in received[-1].text
    await user.say("25 jt sebulan")
    await user.press("Ya, benar")
    vendor = await vendor_row(telegram, 411)
    assert (vendor.scale, vendor.scale_basis, vendor.scale_amount) == (
        "mikro",
        "turnover",
        300_000_000,
    )


async def test_editing_kecamatan_asks_the_kelurahan_again_then_returns_to_summary(
    telegram: TelegramBot,
) -> None:
    user = telegram.user(412)
    await register_until_summary(user)

    received = await user.press("Kecamatan")
    assert QUESTION["kecamatan"] in received[-1].text
    assert "✔️ Tetap: Bumiaji" in received[-1].labels
    received = await user.press("Junrejo")
    assert "Di desa/kelurahan mana (Kecamatan Junrejo)?" in received[-1].text
    assert "Beji" in received[-1].labels and "Punten" not in received[-1].labels

    received = await user.press("Beji")
    assert "📄 Ringkasan pendaftaran" in received[-1].text
    assert "Kecamatan: Junrejo" in received[-1].text
    assert "Desa/kelurahan: Beji" in received[-1].text
    vendor = await vendor_row(telegram, 412)
    assert (vendor.kecamatan_code, vendor.kelurahan_code) == ("35.79.03", "35.79.03.2002")


async def test_submit_appears_only_when_complete_and_lengkapi_walks_the_missing_fields(
    telegram: TelegramBot,
) -> None:
    user = telegram.user(413)
    await register_without_nib_until_summary(user)
    # A new kecamatan clears the kelurahan; leaving with Kembali leaves it unanswered.
    await user.press("Kecamatan")
    await user.press("Junrejo")
    received = await user.press("Kembali")
    assert "Desa/kelurahan: — belum diisi" in received[-1].text
    assert "✏️ Lengkapi 1 data lagi" in received[-1].labels
    # An NIB makes the KBLI required again.
    await user.press("NIB")
    await user.say("9120001234567")
    received = await user.press("Kembali")
    assert "KBLI: — belum diisi" in received[-1].text
    assert "✏️ Lengkapi 2 data lagi" in received[-1].labels
    assert SUBMIT not in received[-1].labels

    received = await user.press("Lengkapi 2 data lagi")
    assert QUESTION["kbli"] in received[-1].text
    received = await user.say("10792")
    assert "Di desa/kelurahan mana (Kecamatan Junrejo)?" in received[-1].text
    received = await user.press("Beji")
    assert "📄 Ringkasan pendaftaran" in received[-1].text
    assert SUBMIT in received[-1].labels
    assert not any("Lengkapi" in label for label in received[-1].labels)

    received = await user.press("Kirim untuk diverifikasi")
    assert "sudah dikirim ke BPBJ Kota Batu untuk diverifikasi" in received[-1].text


async def test_leaving_the_turnover_question_forgets_the_ambiguous_readings(
    telegram: TelegramBot,
) -> None:
    user = telegram.user(414)
    await answer_until(user, "scale")
    await user.say("15,000")
    await user.press("Kembali")

    received = await user.press("Lewati")
    assert QUESTION["scale"] in received[-1].text
    assert "Rp15.000" not in received[-1].labels


async def test_without_nib_the_kbli_question_offers_skipping_not_keeping(
    telegram: TelegramBot,
) -> None:
    user = telegram.user(431)
    await answer_until(user, "nib")
    await user.press("Belum punya NIB")
    kbli_question = next(m for m in reversed(user.inbox) if m.labels)
    assert "KBLI" in kbli_question.text
    assert any("Lewati" in label for label in kbli_question.labels)
    assert not any("Tetap" in label for label in kbli_question.labels)
