"""Vendors list, edit, delete and submit products with photos, through the real Application."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from models.entities import Product, ProductPhoto
from tests.e2e.test_registration_telegram import register_until_summary
from tests.support.clock import FakeClock
from tests.support.telegram_chat import TelegramBot, TelegramUser, jpeg_bytes


async def add_product(user: TelegramUser, name: str, price: str, photos: int = 1) -> None:
    """Lists one product from the main menu to its summary, answering like an owner would."""
    await user.press("Tambah produk")
    await user.say(name)
    await user.press("Makanan dan Minuman")
    await user.say("Keripik apel asli Batu tanpa pengawet. Berat 200 gram, kemasan pouch.")
    await user.press("Lewati")  # brand
    await user.press("pcs")
    await user.say(price)
    await user.press("Ya, benar")
    await user.say("10")
    await user.say("1.000 pcs")
    await user.press("Ya, produk dalam negeri")
    await user.say("45,5%")
    await user.press("Lewati")  # SNI
    await user.press("Lewati")  # KBKI
    for _ in range(photos):
        await user.send_photo()
    await user.press("Selesai")
    await user.say("3 hari")


async def registered_vendor(bot: TelegramBot, user_id: int) -> TelegramUser:
    user = bot.user(user_id)
    await register_until_summary(user)
    await user.press("Kirim untuk diverifikasi")
    await user.say("/start")
    return user


async def products_of(bot: TelegramBot) -> list[Product]:
    async with bot.services.uow_factory() as uow:
        rows = list((await uow.session.execute(select(Product).order_by(Product.id))).scalars())
        for row in rows:
            uow.session.expunge(row)
        return rows


async def test_list_three_products_edit_delete_submit_and_status(telegram: TelegramBot) -> None:
    user = await registered_vendor(telegram, 401)
    await add_product(user, "Keripik Apel Original 200 gram", "Rp15.000,-", photos=2)
    summary = user.last.text
    assert "Ringkasan produk (📝 Draf)" in summary
    assert "Harga: Rp15.000 per pcs" in summary
    assert "Kapasitas: 1.000 pcs per bulan" in summary
    assert "TKDN: 45,5% (belum diperiksa)" in summary
    assert "Foto: 2 foto" in summary
    await user.press("Simpan sebagai draf")

    await add_product(user, "Sari Apel 1 liter", "25rb")
    await user.press("Simpan sebagai draf")
    await add_product(user, "Dodol Apel 250 gram", "1,5 jt")
    assert "Harga: Rp1.500.000 per pcs" in user.last.text
    await user.press("Simpan sebagai draf")

    listing = await user.press("Produk saya")
    assert "3 produk" in listing[-1].text
    labels = listing[-1].labels
    assert "1. Dodol Apel 250 gram · 📝 Draf" in labels
    assert "📤 Kirim semua yang siap (3)" in labels

    card = await user.press("Keripik Apel Original 200 gram")
    assert "Foto: 2 foto" in card[-1].text
    [album] = telegram.fake.calls_to("sendMediaGroup")
    assert len(album.params["media"]) == 2  # the card's photos
    await user.press("Produk saya")

    await user.press("Sari Apel 1 liter")
    await user.press("Ubah")
    await user.press("Harga")
    await user.say("27.500")
    received = await user.press("Ya, benar")
    assert "Harga: Rp27.500 per pcs" in received[-1].text
    await user.press("Produk saya")

    await user.press("Dodol Apel 250 gram")
    await user.press("Hapus")
    received = await user.press("Ya, hapus")
    assert 'Draf "Dodol Apel 250 gram" sudah dihapus' in received[-1].text

    received = await user.press("Kirim semua yang siap (2)")
    assert "2 produk sudah dikirim untuk diverifikasi" in received[-1].text

    status = await user.say("/status")
    text = "\n".join(message.text for message in status)
    assert "⏳ Diajukan: 2" in text

    products = await products_of(telegram)
    assert [(p.name, p.status, p.price) for p in products] == [
        ("Keripik Apel Original 200 gram", "submitted", 15_000),
        ("Sari Apel 1 liter", "submitted", 27_500),
    ]
    async with telegram.services.uow_factory() as uow:
        paths = list((await uow.session.execute(select(ProductPhoto.stored_path))).scalars())
    assert len(paths) == 3
    assert all((Path(telegram.settings.media_dir) / path).is_file() for path in paths)


async def test_products_wait_for_the_registration_to_be_sent(telegram: TelegramBot) -> None:
    user = telegram.user(402)
    await user.say("/daftar")
    await user.press("Saya setuju")
    await user.say("/start")
    await user.press("Menu utama")
    await add_product(user, "Keripik Apel Original 200 gram", "15000")
    received = await user.press("Kirim untuk diverifikasi")
    assert "setelah pendaftaran usaha Anda dikirim" in received[-1].text
    assert (await products_of(telegram))[0].status == "draft"


async def test_restart_in_the_middle_of_a_product_draft(
    telegram: TelegramBot, clock: FakeClock
) -> None:
    user = await registered_vendor(telegram, 403)
    await user.press("Tambah produk")
    await user.say("Keripik Apel Original 200 gram")
    await user.press("Makanan dan Minuman")
    await telegram.stop()

    restarted = await TelegramBot(telegram.settings, clock).start()
    try:
        same = restarted.user(403)
        received = await same.say("Keripik apel asli Batu tanpa pengawet, berat 200 gram.")
        assert "Apa merek produknya?" in received[-1].text
        product = (await products_of(restarted))[0]
        assert product.description == "Keripik apel asli Batu tanpa pengawet, berat 200 gram."
    finally:
        await restarted.stop()


async def test_photo_checks(telegram: TelegramBot) -> None:
    user = await registered_vendor(telegram, 404)
    await user.press("Tambah produk")
    await user.say("Keripik Apel Original 200 gram")
    await user.press("Makanan dan Minuman")
    await user.say("Keripik apel asli Batu tanpa pengawet. Berat 200 gram.")
    await user.press("Lewati")
    await user.press("pcs")
    await user.say("15000")
    await user.press("Ya, benar")
    await user.say("10")
    await user.say("100")
    await user.press("Bukan (impor)")  # no TKDN question for imports
    assert "SNI" in user.last.text
    await user.press("Lewati")
    await user.press("Lewati")

    received = await user.say("ini fotonya")
    assert "kirim foto produk (minimal satu)" in received[-1].text
    received = await user.send_document(b"%PDF-1.4 not a picture", "application/pdf", "a.pdf")
    assert "File ini bukan foto" in received[-1].text
    received = await user.send_photo(b"\xff\xd8\xff garbage")
    assert "File ini bukan foto" in received[-1].text
    received = await user.send_photo(jpeg_bytes(4000, 3000))
    assert "Foto 1 dari 5 tersimpan" in received[-1].text
    for _ in range(4):
        received = await user.send_photo()
    assert "Foto 5 dari 5 tersimpan" in received[-1].text
    assert "waktu pengiriman" in received[-1].text
    received = await user.press("Lewati")
    assert "TKDN: tidak ada" in received[-1].text
    assert "Waktu kirim: tidak ada" in received[-1].text
    assert "Produk dalam negeri: Bukan (impor)" in received[-1].text
