"""Javanese, Sundanese and emoji answers, complaints and questions over WhatsApp: the same
readings as on Telegram, and nothing that is not an answer stored."""

from __future__ import annotations

from sqlalchemy import select

from models.entities import Consent, Product
from tests.whatsapp.chat import WhatsAppServer, WhatsAppUser
from tests.whatsapp.test_registration_whatsapp import (
    register_until_summary,
    text_of,
    vendor_row,
)

ASK_BUSINESS = "Apa nama usaha Anda?"


async def until_business_name(user: WhatsAppUser) -> None:
    await user.say("/daftar")
    received = await user.say("👍")
    assert "Siapa nama lengkap pemilik usaha" in received[-1].text
    await user.say("Siti Aminah")
    await user.say("3579014101850001")
    await user.say("081234567890")


async def test_a_registration_answered_in_javanese_and_sundanese(
    whatsapp: WhatsAppServer,
) -> None:
    user = whatsapp.user()
    await until_business_name(user)
    received = await user.say("kok ribet ya")
    assert "nama usaha seperti yang dikenal pembeli" in text_of(received)
    assert ASK_BUSINESS in received[-1].text
    assert (await vendor_row(whatsapp, user)).business_name is None
    received = await user.say("apa itu nama usaha?")
    assert ASK_BUSINESS in received[-1].text
    assert "❗" not in text_of(received)  # help, not an error

    await user.say("Warung Pecel Mbok Darmi")
    await user.say("durung duwe")  # NIB
    await user.say("durung ngerti")  # KBLI
    await user.say("teu acan gaduh")  # NPWP
    await user.say("25 juta per bulan")
    received = await user.say("ora")
    assert "Tulis jumlahnya" not in received[-1].text
    await user.say("30 juta per bulan")
    await user.say("nggih")
    await user.say("makanan")
    await user.say("bumiaji")
    await user.say("sumberejo kec batu")
    vendor = await vendor_row(whatsapp, user)
    assert vendor.business_name == "Warung Pecel Mbok Darmi"
    assert (vendor.no_nib, vendor.npwp_skipped, vendor.scale_amount) == (True, True, 360_000_000)
    assert (vendor.kecamatan_code, vendor.kelurahan_code) == ("35.79.01", "35.79.01.2005")
    async with whatsapp.services.uow_factory() as uow:
        assert (await uow.session.execute(select(Consent.typed))).scalar_one() is True


async def test_tanpa_merk_at_the_brand_is_no_brand(whatsapp: WhatsAppServer) -> None:
    user = whatsapp.user()
    await register_until_summary(user)
    await user.press("Kirim untuk diverifikasi")
    await user.say("tambah produk")
    await user.say("Keripik Tempe Sagu 250 gram")
    await user.press("Makanan dan Minuman")
    await user.say("Keripik tempe renyah tanpa pengawet, berat bersih 250 gram per bungkus.")
    received = await user.say("tanpa merk kak")
    assert "Apa merek produknya?" not in received[-1].text
    async with whatsapp.services.uow_factory() as uow:
        product = (await uow.session.execute(select(Product))).scalar_one()
        assert (product.brand, product.brand_skipped) == (None, True)
