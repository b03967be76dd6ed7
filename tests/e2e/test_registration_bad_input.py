"""Wrong answers at every question: explained, asked again, and nothing already entered lost."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest

from tests.e2e.test_registration_telegram import register_until_summary, vendor_row
from tests.support.fake_telegram import BotMessage
from tests.support.telegram_chat import TelegramBot, TelegramUser

Action = Callable[[TelegramUser], Awaitable[list[BotMessage]]]


def say(text: str) -> Action:
    return lambda user: user.say(text)


def press(label: str) -> Action:
    return lambda user: user.press(label)


def share_contact(phone: str, *, own: bool = True) -> Action:
    return lambda user: user.share_contact(phone, own=own)


def send_photo() -> Action:
    return lambda user: user.send_photo()


def send_sticker() -> Action:
    return lambda user: user.send_sticker()


SKIP = "⏭ Lewati"

# Every question after /daftar: its name, a distinctive part of its text, and a valid answer
# (the same answers as register_until_summary).
FLOW: list[tuple[str, str, Action | None]] = [
    ("consent", "Apakah Anda setuju?", press("Saya setuju")),
    ("owner_name", "Siapa nama lengkap pemilik usaha, sesuai KTP?", say("Siti Aminah")),
    ("nik", "Berapa NIK pemilik usaha?", say("3579 0141 0185 0001")),
    ("phone", "Berapa nomor HP (WhatsApp)", share_contact("+62 812-3456-7890")),
    ("business_name", "Apa nama usaha Anda?", say("Keripik Apel Bu Siti")),
    ("nib", "Berapa NIB (Nomor Induk Berusaha) usaha Anda?", say("9120001234567")),
    ("kbli", "Apa kode KBLI usaha Anda?", say("10792, 47211")),
    ("npwp", "Berapa NPWP usaha atau pemilik?", press("Lewati")),
    ("scale", "Berapa kira-kira omzet (hasil penjualan)", say("25 juta per bulan")),
    ("scale_confirm", "Dengan omzet sekitar Rp300.000.000 per tahun", press("Ya, benar")),
    ("etalase", "Pilih etalase (kategori katalog)", press("Makanan dan Minuman")),
    ("kecamatan", "Usaha Anda berada di kecamatan mana di Kota Batu?", press("Bumiaji")),
    ("kelurahan", "Di desa/kelurahan mana (Kecamatan Bumiaji)?", press("Punten")),
    ("address", "Tulis alamat lengkap usaha", say("Jl. Raya Punten No. 12, RT 02/RW 05")),
    ("email", "Apa alamat email usaha Anda?", say("keripikapel@gmail.com")),
    ("summary", "📄 Ringkasan pendaftaran", None),
]
QUESTION = {name: question for name, question, _ in FLOW}

SUMMARY_LINES = (
    "Nama pemilik: Siti Aminah",
    "NIK: 3579014101850001",
    "Nomor HP: +6281234567890",
    "Nama usaha: Keripik Apel Bu Siti",
    "NIB: 9120001234567",
    "KBLI: 10792, 47211",
    "NPWP: tidak ada",
    "Omzet/modal: usaha mikro (omzet per tahun Rp300.000.000)",
    "Etalase: Makanan dan Minuman",
    "Kecamatan: Bumiaji",
    "Desa/kelurahan: Punten",
    "Alamat: Jl. Raya Punten No. 12, RT 02/RW 05",
    "Email: keripikapel@gmail.com",
)

USE_BUTTONS = "Silakan pilih salah satu tombol di bawah."
NO_CHOICE = "Kami belum menemukan pilihan yang cocok"
NOT_A_PHOTO = "mohon ketik jawabannya (bukan foto atau file)"
UNSUPPORTED = "Terima kasih stikernya 😊 Untuk melanjutkan, silakan ketik jawaban"


async def answer_until(user: TelegramUser, step: str) -> None:
    """Starts the registration and answers every question before ``step`` correctly."""
    await user.say("/daftar")
    for name, _, answer in FLOW:
        if name == step:
            return
        assert answer is not None
        await answer(user)
    raise AssertionError(f"unknown step {step}")


async def answer_from(user: TelegramUser, step: str) -> None:
    """Answers ``step`` and every later question correctly, ending at the summary."""
    names = [name for name, _, _ in FLOW]
    for _, _, answer in FLOW[names.index(step) :]:
        if answer is not None:
            await answer(user)


async def press_exact(user: TelegramUser, label: str) -> list[BotMessage]:
    """Presses the button labelled exactly ``label`` (``press`` matches substrings)."""
    message = user.last
    data = next(data for row in message.inline for text, data in row if text == label)
    return await user.press_data(message, data)


WRONG_ANSWERS = [
    pytest.param("consent", say("hmm entahlah"), "Mohon jawab dulu", id="consent-typed"),
    pytest.param("owner_name", say("Siti 123"), "hanya huruf dan tanpa angka", id="name-digits"),
    pytest.param("owner_name", say("   "), "Nama belum bisa kami terima", id="name-blank"),
    pytest.param("owner_name", send_photo(), NOT_A_PHOTO, id="name-photo"),
    pytest.param(
        "nik",
        say("357901410185000"),
        "NIK harus 16 angka, sedangkan yang Anda kirim berisi 15 angka",
        id="nik-15-digits",
    ),
    pytest.param(
        "nik",
        say("3579013102850001"),  # 31 February
        "Tanggal lahir di dalam NIK (angka ke-7 sampai ke-12) tidak sesuai",
        id="nik-impossible-date",
    ),
    pytest.param(
        "nik",
        say("9979014101850001"),
        "Dua angka pertama NIK tidak sesuai dengan kode provinsi mana pun",
        id="nik-province-99",
    ),
    pytest.param(
        "phone", say("0341 123456"), "Itu nomor telepon rumah atau kantor", id="phone-landline"
    ),
    pytest.param("phone", say("nanti saja ya"), "Data ini wajib diisi", id="phone-none"),
    pytest.param("phone", say("hp saya rusak"), "Nomor HP belum benar", id="phone-garbage"),
    pytest.param(
        "phone",
        share_contact("+6281298765432", own=False),
        "Mohon kirim nomor Anda sendiri",
        id="phone-contact-not-own",
    ),
    pytest.param(
        "business_name",
        say("   "),
        "Nama usaha harus 2 sampai 100 karakter",
        id="business-name-blank",
    ),
    pytest.param(
        "nib",
        say("912000123456"),
        "NIB harus 13 angka, sedangkan yang Anda kirim berisi 12 angka",
        id="nib-12-digits",
    ),
    pytest.param(
        "nib",
        share_contact("+6281234567890"),
        "mohon ketik jawabannya (bukan kontak)",
        id="nib-contact",
    ),
    pytest.param("kbli", say("123"), '"123" bukan kode KBLI', id="kbli-3-digits"),
    pytest.param(
        "kbli",
        say("04123"),
        "Kode KBLI 04123 tidak ada di KBLI 2020",
        id="kbli-unknown-division",
    ),
    pytest.param("kbli", say("  "), "Tulis paling sedikit satu kode KBLI", id="kbli-blank"),
    pytest.param(
        "npwp",
        say("0123456789"),
        "NPWP harus 15 atau 16 angka, sedangkan yang Anda kirim berisi 10 angka",
        id="npwp-10-digits",
    ),
    pytest.param(
        "scale", say("banyak"), "Tulis jumlahnya dalam rupiah, dengan angka", id="turnover-words"
    ),
    pytest.param(
        "scale_confirm",
        say("entahlah"),
        "Tulis jumlahnya dalam rupiah, dengan angka",
        id="scale-confirm-words",
    ),
    pytest.param("etalase", say("qwerty zxcv"), NO_CHOICE, id="etalase-typed"),
    pytest.param(
        "kecamatan",
        say("kec. surabaya"),
        "Kecamatan itu tidak kami temukan di Kota Batu",
        id="kecamatan-unknown",
    ),
    pytest.param(
        "kelurahan",
        say("desa tegalsari"),
        "Desa/kelurahan itu tidak kami temukan di Kecamatan Bumiaji",
        id="kelurahan-unknown",
    ),
    pytest.param("address", say("Jl. 1"), "Alamat belum lengkap", id="address-too-short"),
    pytest.param("address", send_photo(), NOT_A_PHOTO, id="address-photo"),
    pytest.param("email", say("siti@"), "Alamat email belum benar", id="email-invalid"),
    pytest.param("summary", say("asdfgh"), "ketik nama datanya", id="summary-typed"),
]


@pytest.mark.parametrize(("step", "send", "error"), WRONG_ANSWERS)
async def test_wrong_answer_is_explained_and_asked_again_without_losing_data(
    telegram: TelegramBot, step: str, send: Action, error: str
) -> None:
    user = telegram.user(301)
    await answer_until(user, step)

    received = await send(user)
    shown = "\n\n".join(message.text for message in received)
    assert error in shown
    assert QUESTION[step] in received[-1].text
    assert shown.index(error) < shown.rindex(QUESTION[step])

    await answer_from(user, step)
    assert all(line in user.last.text for line in SUMMARY_LINES), user.last.text


@pytest.mark.parametrize(
    "step", ["consent", "owner_name", "phone", "scale_confirm", "etalase", "summary"]
)
async def test_sticker_is_refused_kindly_and_the_question_repeated(
    telegram: TelegramBot, step: str
) -> None:
    user = telegram.user(302)
    await answer_until(user, step)

    received = await send_sticker()(user)
    assert [UNSUPPORTED in message.text for message in received] == [True, False]
    assert QUESTION[step] in received[-1].text

    await answer_from(user, step)
    assert all(line in user.last.text for line in SUMMARY_LINES), user.last.text


@pytest.mark.parametrize(("label", "annual"), [("Rp15.000", 15_000), ("Rp15", 15)])
async def test_ambiguous_turnover_offers_both_readings_as_buttons(
    telegram: TelegramBot, label: str, annual: int
) -> None:
    user = telegram.user(303)
    await answer_until(user, "scale")

    received = await user.say("15,000")
    assert "Angka itu bisa dibaca lebih dari satu cara" in received[-1].text
    assert QUESTION["scale"] in received[-1].text
    assert received[-1].labels[:2] == ["Rp15.000", "Rp15"]

    received = await press_exact(user, label)
    assert f"Dengan omzet sekitar {label} per tahun, usaha Anda termasuk usaha mikro." in (
        received[-1].text
    )
    await user.press("Ya, benar")
    vendor = await vendor_row(telegram, 303)
    assert (vendor.scale_amount, vendor.scale_basis) == (annual, "turnover")


async def test_skip_is_offered_only_on_npwp_and_email_when_the_owner_has_an_nib(
    telegram: TelegramBot,
) -> None:
    user = telegram.user(304)
    await user.say("/daftar")
    skippable = []
    for name, _, answer in FLOW:
        if SKIP in user.last.labels:
            skippable.append(name)
        if answer is not None:
            await answer(user)
    assert skippable == ["npwp", "email"]


async def test_kbli_is_skippable_only_after_belum_punya_nib(telegram: TelegramBot) -> None:
    user = telegram.user(305)
    await answer_until(user, "nib")

    received = await user.press("Belum punya NIB")
    assert 'Jika belum, tekan "Lewati"' in received[-1].text
    assert SKIP in received[-1].labels

    await user.press("Kembali")
    received = await user.say("9120001234567")
    assert QUESTION["kbli"] in received[-1].text
    assert SKIP not in received[-1].labels

    received = await user.say("Lewati")  # typed, but not offered here: not a skip
    assert "KBLI wajib diisi jika sudah punya NIB" in received[-1].text
    vendor = await vendor_row(telegram, 305)
    assert (vendor.nib, vendor.no_nib, vendor.kbli) == ("9120001234567", False, [])


async def test_summary_after_many_wrong_answers_is_intact(telegram: TelegramBot) -> None:
    user = telegram.user(306)
    await register_until_summary(user)
    for wrong in ("asdfgh", "   ", "hmm"):
        await user.say(wrong)
    await user.send_photo()
    await user.send_sticker()
    assert all(line in user.last.text for line in SUMMARY_LINES), user.last.text
    assert "✅ Kirim untuk diverifikasi" in user.last.labels
    vendor = await vendor_row(telegram, 306)
    assert vendor.status == "draft"


@pytest.mark.parametrize(
    "send", [send_photo(), share_contact("+6281234567890")], ids=["photo", "contact"]
)
async def test_photo_or_contact_at_a_button_question_asks_for_a_button(
    telegram: TelegramBot, send: Action
) -> None:
    user = telegram.user(307)
    await answer_until(user, "etalase")
    received = await send(user)
    assert USE_BUTTONS in received[-1].text
    assert QUESTION["etalase"] in received[-1].text
