"""Javanese, Sundanese and emoji answers, complaints, refusals and questions at free-text steps,
end to end through the real Application: nothing that is not an answer is stored, and the same
question is asked again."""

from __future__ import annotations

from sqlalchemy import select

from models.entities import Consent
from tests.e2e.test_products_telegram import products_of, registered_vendor
from tests.e2e.test_registration_telegram import vendor_row
from tests.support.telegram_chat import TelegramBot, TelegramUser

ASK_OWNER = "Siapa nama lengkap pemilik usaha"
ASK_BUSINESS = "Apa nama usaha Anda?"
ASK_NPWP = "Berapa NPWP usaha atau pemilik?"


async def until_business_name(user: TelegramUser) -> None:
    await user.say("/daftar")
    await user.say("nggih")
    await user.say("Siti Aminah")
    await user.say("3579014101850001")
    await user.say("081234567890")


async def test_nggih_and_a_thumb_at_the_consent_agree(telegram: TelegramBot) -> None:
    for user_id, typed in ((2601, "nggih"), (2602, "👍")):
        user = telegram.user(user_id)
        await user.say("/daftar")
        received = await user.say(typed)
        assert ASK_OWNER in received[-1].text, typed
    async with telegram.services.uow_factory() as uow:
        consents = (await uow.session.execute(select(Consent.typed))).scalars().all()
    assert consents == [True, True]


async def test_mboten_at_the_consent_declines(telegram: TelegramBot) -> None:
    user = telegram.user(2603)
    await user.say("/daftar")
    received = await user.say("mboten")
    assert "tidak ada data Anda yang kami simpan" in received[-1].text
    async with telegram.services.uow_factory() as uow:
        assert (await uow.session.execute(select(Consent))).first() is None


async def test_a_complaint_at_the_business_name_is_not_stored(telegram: TelegramBot) -> None:
    user = telegram.user(2604)
    await until_business_name(user)
    received = await user.say("kok ribet ya")
    texts = "\n".join(message.text for message in received)
    assert "Maaf kalau terasa merepotkan" in texts
    assert "nama usaha seperti yang dikenal pembeli" in texts  # the step's help
    assert ASK_BUSINESS in received[-1].text
    assert (await vendor_row(telegram, 2604)).business_name is None

    received = await user.say("belum ada nama usaha")
    assert "wajib diisi" in received[-1].text and ASK_BUSINESS in received[-1].text
    assert (await vendor_row(telegram, 2604)).business_name is None

    received = await user.say("Warung Pecel Mbok Darmi")
    assert (await vendor_row(telegram, 2604)).business_name == "Warung Pecel Mbok Darmi"


async def test_a_question_at_a_free_text_step_gets_help_then_the_question(
    telegram: TelegramBot,
) -> None:
    user = telegram.user(2605)
    await user.say("/daftar")
    await user.say("nggih")
    received = await user.say("harus nama lengkap ya?")
    texts = "\n".join(message.text for message in received)
    assert "❗" not in texts and "Nama belum bisa kami terima" not in texts
    assert ASK_OWNER in received[-1].text
    assert (await vendor_row(telegram, 2605)).owner_name is None


async def test_durung_duwe_at_a_skippable_step_skips_it(telegram: TelegramBot) -> None:
    user = telegram.user(2606)
    await until_business_name(user)
    await user.say("Warung Pecel Mbok Darmi")
    await user.say("durung duwe")  # NIB: the no-NIB path
    received = await user.say("durung ngerti")  # KBLI, skippable without a NIB
    assert ASK_NPWP in received[-1].text
    received = await user.say("teu acan gaduh")
    assert "omzet" in received[-1].text.lower()
    vendor = await vendor_row(telegram, 2606)
    assert (vendor.no_nib, vendor.kbli, vendor.npwp, vendor.npwp_skipped) == (True, [], None, True)


async def test_ora_at_a_confirmation_is_no(telegram: TelegramBot) -> None:
    user = telegram.user(2607)
    await until_business_name(user)
    await user.say("Warung Pecel Mbok Darmi")
    await user.say("9120001234567")
    await user.say("10792")
    await user.say("lewati")
    await user.say("25 juta per bulan")
    received = await user.say("ora")
    assert "Tulis jumlahnya" not in received[-1].text
    assert "omzet" in received[-1].text.lower()
    assert (await vendor_row(telegram, 2607)).scale_amount is None
    await user.say("30 juta per bulan")
    received = await user.say("nggih leres")
    assert "etalase" in received[-1].text.lower()
    assert (await vendor_row(telegram, 2607)).scale_amount == 360_000_000


async def test_a_desa_typed_with_its_kecamatan_is_narrowed_by_both(telegram: TelegramBot) -> None:
    user = telegram.user(2608)
    await until_business_name(user)
    for answer in ("Warung Pecel Mbok Darmi", "9120001234567", "10792", "lewati"):
        await user.say(answer)
    await user.say("25 juta per bulan")
    await user.say("👍")
    await user.say("makanan")
    await user.say("bumiaji")
    received = await user.say("sumberejo kec batu")
    assert "Tulis alamat lengkap usaha" in received[-1].text
    vendor = await vendor_row(telegram, 2608)
    assert (vendor.kecamatan_code, vendor.kelurahan_code) == ("35.79.01", "35.79.01.2005")


async def test_tanpa_merk_at_the_brand_is_no_brand(telegram: TelegramBot) -> None:
    user = await registered_vendor(telegram, 2609)
    await user.press("Tambah produk")
    await user.say("Keripik Tempe Sagu 250 gram")
    await user.press("Makanan dan Minuman")
    await user.say("Keripik tempe renyah tanpa pengawet, berat bersih 250 gram per bungkus.")
    received = await user.say("merk iku wajib ta?")
    assert "Merek adalah nama dagang produk" in "\n".join(m.text for m in received)
    assert "Apa merek produknya?" in received[-1].text
    received = await user.say("tanpa merk kak")
    assert "Apa merek produknya?" not in received[-1].text
    product = (await products_of(telegram))[-1]
    assert (product.brand, product.brand_skipped) == (None, True)


async def test_chat_words_alone_are_not_stored_as_an_address(telegram: TelegramBot) -> None:
    user = telegram.user(2610)
    await until_business_name(user)
    for answer in ("Warung Pecel Mbok Darmi", "9120001234567", "10792", "lewati"):
        await user.say(answer)
    await user.say("25 juta per bulan")
    await user.say("nggih")
    await user.say("makanan")
    await user.say("bumiaji")
    await user.say("punten")
    received = await user.say("sama kayak ktp")
    assert "Itu belum bisa kami simpan sebagai jawaban" in received[-1].text
    assert "Tulis alamat lengkap usaha" in received[-1].text
    assert (await vendor_row(telegram, 2610)).address is None
