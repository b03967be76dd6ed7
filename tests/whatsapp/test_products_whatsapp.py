"""A vendor registers and lists a product with a photo entirely over WhatsApp."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from bot.settings import Settings
from models.entities import Product, ProductPhoto
from tests.support.telegram_chat import jpeg_bytes
from tests.whatsapp.chat import WhatsAppServer, WhatsAppUser
from tests.whatsapp.fake_graph import Media, SentMessage
from tests.whatsapp.test_registration_whatsapp import register_until_summary


async def send_photo(
    whatsapp: WhatsAppServer, user: WhatsAppUser, media_id: str
) -> list[SentMessage]:
    whatsapp.graph.media[media_id] = Media(jpeg_bytes(), "image/jpeg")
    image = {"id": media_id, "mime_type": "image/jpeg", "sha256": "0" * 64}
    return await user.send("image", image=image)


async def test_register_and_list_a_product_over_whatsapp(
    whatsapp: WhatsAppServer, settings: Settings
) -> None:
    user = whatsapp.user()
    await register_until_summary(user)
    await user.press("Kirim untuk diverifikasi")
    await user.say("tambah produk")
    await user.say("Keripik Apel Original 200 gram")
    await user.press("Makanan dan Minuman")
    await user.say("Keripik apel asli Batu tanpa pengawet. Berat 200 gram, kemasan pouch.")
    await user.press("Lewati")
    await user.press("pcs")
    received = await user.say("Rp15.000,-")
    assert "Harga Rp15.000 per pcs. Benar?" in received[-1].text
    await user.press("Ya, benar")
    await user.say("10")
    await user.say("1.000")
    await user.press("Ya, produk dalam negeri")
    await user.press("Lewati")
    await user.press("Lewati")
    await user.press("Lewati")
    received = await send_photo(whatsapp, user, "9001")
    assert "Foto 1 dari 5 tersimpan" in received[-1].text
    await user.press("Selesai")
    received = await user.say("2")
    assert "Ringkasan produk" in received[0].text
    assert "Foto: 1 foto" in received[0].text
    await user.press("Kirim untuk diverifikasi")

    status = await user.say("cek status")
    assert any("⏳ Diajukan: 1" in message.text for message in status)
    async with whatsapp.services.uow_factory() as uow:
        product = (await uow.session.execute(select(Product))).scalar_one()
        photo = (await uow.session.execute(select(ProductPhoto))).scalar_one()
        assert (product.status, product.price) == ("submitted", 15_000)
        assert (photo.channel, photo.file_ref) == ("whatsapp", "9001")
        assert (Path(settings.media_dir) / photo.stored_path).is_file()


async def test_converted_numbers_are_confirmed_over_whatsapp(whatsapp: WhatsAppServer) -> None:
    """ "sekodi" is 20 pcs and "20 per hari" 600 a month: shown back, stored after "ya"."""
    user = whatsapp.user()
    await register_until_summary(user)
    await user.press("Kirim untuk diverifikasi")
    await user.say("tambah produk")
    await user.say("Keripik Apel Original 200 gram")
    await user.press("Makanan dan Minuman")
    await user.say("Keripik apel asli Batu tanpa pengawet. Berat 200 gram, kemasan pouch.")
    await user.press("Lewati")
    await user.press("pcs")
    received = await user.say("15 rebu")
    assert "Harga Rp15.000 per pcs. Benar?" in received[-1].text
    await user.say("ya")
    received = await user.say("sekodi")
    assert 'Maksud Anda: pembelian minimal 20 pcs? (dari "sekodi")' in received[-1].text
    await user.press("Ya, benar")
    received = await user.say("20 per hari")
    assert "Maksud Anda: sanggup menyediakan 600 pcs per bulan?" in received[-1].text
    await user.say("iya")
    await user.press("Bukan (impor)")
    await user.press("Lewati")
    await user.press("Lewati")
    await send_photo(whatsapp, user, "9002")
    await user.press("Selesai")
    received = await user.say("dua minggu")
    assert "Maksud Anda: dikirim dalam 14 hari?" in received[-1].text
    received = await user.say("ya")
    assert "Ringkasan produk" in received[0].text
    async with whatsapp.services.uow_factory() as uow:
        product = (await uow.session.execute(select(Product))).scalar_one()
        assert (product.price, product.min_order, product.capacity) == (15_000, 20, 600)
        assert product.lead_time_days == 14
