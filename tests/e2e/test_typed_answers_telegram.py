"""Answers typed the way vendors chat, end to end: typed consent, "belum punya", confirmations
with a word after them, questions mid-step, choices by name, buttons of older messages, fix
requests, and invisible characters."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.settings import Settings
from models.entities import Consent, User
from tests.e2e.test_products_telegram import add_product, products_of, registered_vendor
from tests.e2e.test_registration_telegram import register_until_summary, vendor_row
from tests.e2e.test_review_telegram import ADMIN_ID, reviewer, submitted_vendor
from tests.support.telegram_chat import TelegramBot, TelegramUser


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return settings.model_copy(update={"admin_telegram_ids": str(ADMIN_ID)})


async def typed_registration(user: TelegramUser) -> None:
    """The whole registration typed, as on WhatsApp, in everyday chat Indonesian."""
    await user.say("/daftar")
    await user.say("iya saya setuju")
    await user.say("nama saya bu siti aminah")
    await user.say("NIK saya 3579 0141 0185 0001")
    await user.say("no hp 0812-3456-7890")
    await user.say("nama usaha: Keripik Apel Bu Siti")
    await user.say("blm punya kak")
    await user.say("skip")
    await user.say("gak ada")
    await user.say("per bulan omzetnya kira2 25jt")
    await user.say("ya bener")
    await user.say("makanan")
    await user.say("kec. bumiaji")
    await user.say("desa punten")
    await user.say("alamat: Jl. Raya Punten No. 12, RT 02/RW 05")


async def test_a_registration_typed_in_chat_indonesian(telegram: TelegramBot) -> None:
    user = telegram.user(1401)
    await typed_registration(user)
    received = await user.say("emailnya keripikapel@gmail.com ya kak")
    summary = received[-1].text
    assert "Ringkasan pendaftaran" in summary
    for line in (
        "Nama pemilik: Siti Aminah",
        "NIK: 3579014101850001",
        "Nomor HP: +6281234567890",
        "NIB: belum punya",
        "KBLI: tidak ada",
        "NPWP: tidak ada",
        "omzet per tahun Rp300.000.000",
        "Etalase: Makanan dan Minuman",
        "Kecamatan: Bumiaji",
        "Desa/kelurahan: Punten",
        "Email: keripikapel@gmail.com",
    ):
        assert line in summary, line
    vendor = await vendor_row(telegram, 1401)
    assert (vendor.no_nib, vendor.kbli, vendor.npwp_skipped) == (True, [], True)
    assert vendor.scale_basis == "turnover" and vendor.scale_amount == 300_000_000
    async with telegram.services.uow_factory() as uow:
        typed = (await uow.session.execute(select(Consent.typed))).scalar_one()
    assert typed is True

    received = await user.say("kirim")
    assert "Pendaftaran Anda sudah dikirim" in received[-1].text


async def test_the_owner_name_is_stored_capitalised_without_the_form_of_address(
    telegram: TelegramBot,
) -> None:
    user = telegram.user(1402)
    await user.say("/daftar")
    await user.press("Saya setuju")
    received = await user.say("bu siti aminah")
    assert "Nama pemilik kami simpan seperti ini: Siti Aminah" in received[-1].text
    assert (await vendor_row(telegram, 1402)).owner_name == "Siti Aminah"


async def test_a_pressed_consent_is_recorded_as_pressed(telegram: TelegramBot) -> None:
    user = telegram.user(1403)
    await user.say("/daftar")
    await user.press("Saya setuju")
    async with telegram.services.uow_factory() as uow:
        typed = (await uow.session.execute(select(Consent.typed))).scalar_one()
    assert typed is False


async def test_another_answer_at_consent_is_asked_in_one_line(telegram: TelegramBot) -> None:
    user = telegram.user(1404)
    notice = (await user.say("/daftar"))[-1].text
    received = await user.say("hmm entahlah")
    assert len(received[-1].text) < 200 < len(notice)
    assert received[-1].labels == [
        "✅ Saya setuju",
        "Tidak setuju",
        "📄 Baca pemberitahuan privasi",
    ]
    received = await user.press("Baca pemberitahuan privasi")
    assert received[-1].text == notice


async def test_a_status_question_mid_step_is_answered_then_the_step_asked_again(
    telegram: TelegramBot,
) -> None:
    user = telegram.user(1405)
    await user.say("/daftar")
    await user.press("Saya setuju")
    received = await user.say("udah di acc belum?")
    assert "Pendaftaran belum selesai: 0 dari 13" in "\n".join(m.text for m in received)
    assert "Siapa nama lengkap pemilik usaha" in received[-1].text
    assert (await vendor_row(telegram, 1405)).owner_name is None

    received = await user.say("contohnya gimana?")
    assert "Siapa nama lengkap pemilik usaha" in received[-1].text
    assert (await vendor_row(telegram, 1405)).owner_name is None


async def test_a_typed_answer_while_continue_is_offered_continues(telegram: TelegramBot) -> None:
    user = telegram.user(1406)
    await user.say("/daftar")
    await user.press("Saya setuju")
    await user.say("Siti Aminah")
    received = await user.say("/start")
    assert "lanjut" in received[-1].text.lower()
    received = await user.say("3579014101850001")
    assert "Berapa nomor HP" in received[-1].text
    assert (await vendor_row(telegram, 1406)).nik == "3579014101850001"


async def test_several_close_choices_are_offered_back(telegram: TelegramBot) -> None:
    user = telegram.user(1407)
    await register_until_summary(user)
    await user.press("Etalase")
    received = await user.say("jasa")
    assert "Ada beberapa pilihan yang mirip" in received[-1].text
    assert "Jasa Boga (Katering)" in received[-1].labels
    assert "Makanan dan Minuman" not in received[-1].labels
    received = await user.press("Jasa Boga (Katering)")
    assert "Etalase: Jasa Boga (Katering)" in received[-1].text


async def test_action_buttons_of_older_messages_still_work(telegram: TelegramBot) -> None:
    user = telegram.user(1408)
    await register_until_summary(user)
    await user.press("Kirim untuk diverifikasi")
    submitted = user.last
    await user.say("/bantuan")
    await user.say("/bantuan")
    received = await user.press("Cek status", message=submitted)
    assert "sedang diperiksa" in received[-1].text or "sudah kami terima" in received[-1].text


async def test_a_fix_request_goes_to_the_asked_fields_from_status(telegram: TelegramBot) -> None:
    budi = await submitted_vendor(telegram, 1409, "Batik Budi")
    admin = telegram.user(ADMIN_ID, first_name="Admin")
    await admin.say("/start")
    rina = await reviewer(telegram, admin, 1410, "Rina")
    await rina.say("/antrian")
    await rina.press("Batik Budi")
    await rina.press("Perlu perbaikan")
    await rina.press("Alamat")
    await rina.press("Lanjut")
    await rina.say("Alamat belum lengkap, tulis RT/RW.")
    await rina.press("Kirim keputusan")
    notice = budi.last

    await budi.say("/status")
    received = await budi.press("Perbaiki")
    assert "Ada 1 data yang perlu diperbaiki" in received[-1].text
    assert "Tulis alamat lengkap usaha" in received[-1].text
    received = await budi.press("Tetap")
    assert "belum diubah" in received[-1].text
    received = await budi.press("Kirim untuk diverifikasi")
    assert "belum diubah" in received[-1].text
    assert "Tulis alamat lengkap usaha" in received[-1].text

    received = await budi.press("Perbaiki sekarang", message=notice)
    assert "Tulis alamat lengkap usaha" in received[-1].text
    received = await budi.say("Jl. Diponegoro No. 5, RT 01/RW 02")
    assert "Ringkasan pendaftaran" in received[-1].text
    assert "belum diubah" not in received[-1].text
    received = await budi.press("Kirim untuk diverifikasi")
    assert "sudah dikirim" in received[-1].text


async def test_invisible_characters_are_never_stored(telegram: TelegramBot) -> None:
    user = telegram.user(1411, first_name="Si\u202eti\udc00")
    await register_until_summary(user)
    await user.press("Nama usaha")
    received = await user.say("Keripik\u200b Apel\u202e Bu\ue000 Siti\ud800")
    assert "Nama usaha: Keripik Apel Bu Siti" in received[-1].text
    assert (await vendor_row(telegram, 1411)).business_name == "Keripik Apel Bu Siti"
    async with telegram.services.uow_factory() as uow:
        names = (await uow.session.execute(select(User.display_name))).scalars().all()
    assert all(name is None or name.isprintable() for name in names)


async def test_a_product_fix_request_goes_to_the_asked_field_from_status(
    telegram: TelegramBot,
) -> None:
    siti = await submitted_vendor(telegram, 1412, "Keripik Apel Bu Siti")
    await siti.say("/start")
    await add_product(siti, "Keripik Apel Original 200 gram", "15000")
    await siti.press("Kirim untuk diverifikasi")
    admin = telegram.user(ADMIN_ID, first_name="Admin")
    await admin.say("/antrian")
    await admin.press("Keripik Apel Original 200 gram")
    await admin.press("Perlu perbaikan")
    await admin.press("Harga")
    await admin.press("Lanjut")
    await admin.say("Harga terlalu tinggi dibanding pasar.")
    await admin.press("Kirim keputusan")

    await siti.say("/status")
    received = await siti.press("Keripik Apel Original 200 gram")
    assert "Ada 1 data yang perlu diperbaiki" in received[-1].text
    assert "Berapa harga" in received[-1].text
    await siti.press("Tetap")
    received = await siti.press("Kirim untuk diverifikasi")
    assert "belum diubah" in received[-1].text
    assert "Berapa harga" in received[-1].text

    await siti.say("harganya 12rb")
    received = await siti.say("iya betul")
    assert "Ringkasan produk" in received[-1].text
    received = await siti.say("kirim")
    assert "sudah dikirim untuk diverifikasi" in received[-1].text


async def test_numbers_in_words_units_and_periods_are_shown_back_then_stored(
    telegram: TelegramBot,
) -> None:
    """ "15 rebu" is Rp15.000 (not Rp15), "minimal 1 kodi" is 20 pcs, "100 per minggu" is 433
    a month, "seminggu" 7 days: each converted reading is confirmed before it is stored, and a
    "no" asks the question again with nothing stored."""
    user = await registered_vendor(telegram, 1420)
    await user.press("Tambah produk")
    await user.say("Keripik Apel Original 200 gram")
    await user.press("Makanan dan Minuman")
    await user.say("Keripik apel asli Batu tanpa pengawet. Berat 200 gram, kemasan pouch.")
    await user.press("Lewati")  # brand
    await user.press("pcs")
    received = await user.say("15 rebu")
    assert "Harga Rp15.000 per pcs. Benar?" in received[-1].text
    await user.say("iya")
    received = await user.say("minimal 1 kodi")
    assert 'Maksud Anda: pembelian minimal 20 pcs? (dari "1 kodi")' in received[-1].text
    received = await user.say("bukan")
    assert "Berapa pembelian minimal" in received[-1].text
    assert (await products_of(telegram))[0].min_order is None
    await user.say("minimal 1 kodi")
    await user.press("Ya, benar")
    received = await user.say("100 per minggu")
    assert "Maksud Anda: sanggup menyediakan 433 pcs per bulan?" in received[-1].text
    await user.say("ya betul")
    await user.press("Ya, produk dalam negeri")
    received = await user.say("empat puluh persen")
    assert "Maksud Anda: TKDN 40%?" in received[-1].text
    await user.say("ya")
    await user.press("Lewati")  # SNI
    await user.press("Lewati")  # KBKI
    await user.send_photo()
    await user.press("Selesai")
    received = await user.say("seminggu")
    assert "Maksud Anda: dikirim dalam 7 hari?" in received[-1].text
    received = await user.say("ya")
    assert "Ringkasan produk" in received[-1].text
    product = (await products_of(telegram))[0]
    assert (product.price, product.min_order, product.capacity) == (15_000, 20, 433)
    assert (product.tkdn_bp, product.lead_time_days) == (4_000, 7)


async def test_a_plain_number_in_the_steps_unit_is_stored_without_asking(
    telegram: TelegramBot,
) -> None:
    user = await registered_vendor(telegram, 1421)
    await add_product(user, "Keripik Apel Original 200 gram", "15rb")
    product = (await products_of(telegram))[0]
    assert (product.min_order, product.capacity, product.lead_time_days) == (10, 1_000, 3)
    assert not any("Maksud Anda" in message.text for message in user.inbox)


async def test_turnover_in_words_is_read_and_confirmed(telegram: TelegramBot) -> None:
    user = telegram.user(1422)
    await user.say("/daftar")
    await user.say("setuju")
    await user.say("Siti Aminah")
    await user.say("3579014101850001")
    await user.say("081234567890")
    await user.say("Keripik Apel Bu Siti")
    await user.say("belum punya")
    await user.say("skip")
    await user.say("skip")
    received = await user.say("dua juta setengah sebulan")
    assert "omzet sekitar Rp30.000.000 per tahun (Rp2.500.000 sebulan × 12)," in received[-1].text
    await user.say("iya")
    vendor = await vendor_row(telegram, 1422)
    assert vendor.scale_amount == 30_000_000
