"""Bureau staff search vendors, read statistics and export the catalogue, in Telegram."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook

from bot.settings import Settings
from models.services.export import COLUMNS
from tests.e2e.test_products_telegram import add_product
from tests.e2e.test_review_telegram import ADMIN_ID, reviewer, submitted_vendor
from tests.support.clock import FakeClock
from tests.support.fake_telegram import BotMessage
from tests.support.telegram_chat import TelegramBot, TelegramUser

UNKNOWN = "Perintah itu tidak kami kenal."
HEADERS = [header for header, _ in COLUMNS]


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return settings.model_copy(update={"admin_telegram_ids": str(ADMIN_ID), "target_vendors": 4})


async def approve(staff: TelegramUser, label: str) -> None:
    await staff.say("/antrian")
    await staff.press(label)
    await staff.press("Setujui")
    await staff.press("Ya, setujui")


async def vendor_with_product(bot: TelegramBot, user_id: int, business: str) -> TelegramUser:
    vendor = await submitted_vendor(bot, user_id, business)
    await vendor.say("/start")
    await add_product(vendor, "Keripik Apel Original 200 gram", "15000", photos=2)
    await vendor.press("Kirim untuk diverifikasi")
    return vendor


def texts(messages: list[BotMessage]) -> str:
    return "\n".join(message.text for message in messages)


async def test_reviewer_finds_vendors_despite_typos_and_by_phone(telegram: TelegramBot) -> None:
    await submitted_vendor(telegram, 701, "Keripik Apel Bu Siti")
    await submitted_vendor(telegram, 702, "Batik Budi")
    admin = telegram.user(ADMIN_ID, first_name="Admin")
    await admin.say("/start")
    rina = await reviewer(telegram, admin, 703, "Rina")

    found = await rina.say("/cari kripik apel")
    assert '1 penyedia cocok dengan "kripik apel"' in found[-1].text
    assert found[-1].labels[0] == "Keripik Apel Bu Siti · Siti Aminah · ⏳ Diajukan"
    assert not any("Batik Budi" in label for label in found[-1].labels)
    card = await rina.press("Keripik Apel Bu Siti")
    assert "Keripik Apel Bu Siti (⏳ Diajukan)" in card[-1].text
    assert "✅ Setujui" in card[-1].labels

    for typed in ("/cari 0812-3456-7890", "/cari +62 812 3456 7890", "/cari 9120001234567"):
        found = await rina.say(typed)
        assert "2 penyedia cocok" in found[-1].text, typed
        assert any("Keripik Apel Bu Siti" in label for label in found[-1].labels)

    found = await rina.say("/cari batk budi")
    assert found[-1].labels[0].startswith("Batik Budi")
    assert "Cari penyedia dengan nama usaha" in (await rina.say("/cari"))[-1].text
    assert "Tidak ada penyedia yang cocok" in (await rina.say("/cari xyzzy"))[-1].text


async def test_statistics_follow_registrations_and_decisions(
    telegram: TelegramBot, clock: FakeClock
) -> None:
    siti = await vendor_with_product(telegram, 711, "Keripik Apel Bu Siti")
    await submitted_vendor(telegram, 712, "Batik Budi")
    await telegram.user(713).say("/daftar")  # saw the privacy notice, went no further
    rudi = telegram.user(714, first_name="Rudi")
    await rudi.say("/daftar")
    await rudi.press("Saya setuju")
    await rudi.say("Rudi Hartono")  # now asked for the NIK
    admin = telegram.user(ADMIN_ID, first_name="Admin")
    clock.advance(hours=5)
    await approve(admin, "🏪 Keripik Apel Bu Siti")
    clock.advance(days=2)
    await approve(admin, "Keripik Apel Original 200 gram")
    assert "sudah disetujui" in siti.last.text

    received = await admin.say("/statistik")
    photo = received[0]
    assert photo.kind == "photo" and photo.file_data is not None
    assert photo.file_data.startswith(b"\x89PNG")
    text = texts(received)
    for expected in (
        "Pendaftaran usaha: 3\n• 📝 Draf: 1\n• ⏳ Diajukan: 1\n• 🛠 Perlu perbaikan: 0\n"
        "• ✅ Disetujui: 1\n• ❌ Ditolak: 0",
        "Produk: 1\n• 📝 Draf: 0\n• ⏳ Diajukan: 0",
        "Usaha disetujui: 1 dari 4 (25%)",
        "Produk disetujui: 1 dari 10.000 (0%)",
        "• Menghubungi bot: 4\n• Membuka pendaftaran: 4\n• Menyetujui privasi: 3\n"
        "• Mengirim pendaftaran: 2\n• Disetujui: 1",
        "• Pendaftaran usaha: 5 jam (dari 1 keputusan terakhir)",
        "• Produk: 2 hari (dari 1 keputusan terakhir)",
        "berhenti di:\n• persetujuan privasi: 1\n• NIK: 1",
        "• Makanan dan Minuman: 2 usaha (1 disetujui), 1 produk",
        "• Bumiaji: 2 usaha (1 disetujui)",
    ):
        assert expected in text


async def test_export_sends_csv_and_xlsx_of_approved_products(telegram: TelegramBot) -> None:
    await vendor_with_product(telegram, 721, "Keripik Apel Bu Siti")
    admin = telegram.user(ADMIN_ID, first_name="Admin")
    assert "Belum ada produk yang disetujui" in (await admin.say("/ekspor"))[-1].text
    await approve(admin, "🏪 Keripik Apel Bu Siti")
    await approve(admin, "Keripik Apel Original 200 gram")

    received = await admin.say("/ekspor")
    documents = [message for message in received if message.kind == "document"]
    assert [document.file_name for document in documents] == [
        "katalog-umkm-20261124-0900.csv",
        "katalog-umkm-20261124-0900.xlsx",
    ]
    assert "1 produk yang disetujui" in received[-1].text
    csv_data, xlsx_data = (document.file_data or b"" for document in documents)
    rows = list(csv.DictReader(io.StringIO(csv_data.decode("utf-8-sig"))))
    assert len(rows) == 1
    row = rows[0]
    assert list(row) == HEADERS
    assert {key: row[key] for key in EXPECTED_CSV} == EXPECTED_CSV
    assert len(row["Foto Produk"].split("; ")) == 2

    sheet = load_workbook(io.BytesIO(xlsx_data), read_only=True)["Produk"]
    header, *values = list(sheet.values)
    assert list(header) == HEADERS
    assert len(values) == 1
    cells = dict(zip(HEADERS, values[0], strict=True))
    assert cells["Harga Satuan (Rp)"] == 15_000
    assert cells["Nilai TKDN (%)"] == 45.5
    assert cells["Nomor HP"] == "081234567890"
    assert cells["Nama Usaha"] == "Keripik Apel Bu Siti"


EXPECTED_CSV = {
    "Etalase/Kategori": "Makanan dan Minuman",
    "Nama Produk": "Keripik Apel Original 200 gram",
    "Harga Satuan (Rp)": "15000",
    "Satuan": "pcs",
    "Minimal Pembelian": "10",
    "Kapasitas per Bulan": "1000",
    "Produk Dalam Negeri (PDN)": "Ya",
    "Nilai TKDN (%)": "45.5",
    "Waktu Pengiriman (hari)": "3",
    "Nama Usaha": "Keripik Apel Bu Siti",
    "Nama Pemilik": "Siti Aminah",
    "NIB": "9120001234567",
    "KBLI": "10792, 47211",
    "Skala Usaha": "Mikro",
    "Kecamatan": "Bumiaji",
    "Kelurahan/Desa": "Punten",
    "Alamat": "Jl. Raya Punten No. 12, RT 02/RW 05",
    "Nomor HP": "081234567890",
    "Email": "keripikapel@gmail.com",
}


async def test_reports_answer_like_unknown_commands_without_the_role(
    telegram: TelegramBot,
) -> None:
    siti = await submitted_vendor(telegram, 731, "Keripik Apel Bu Siti")
    admin = telegram.user(ADMIN_ID, first_name="Admin")
    await admin.say("/start")
    rina = await reviewer(telegram, admin, 732, "Rina")
    assert "1 penyedia cocok" in (await rina.say("/cari keripik"))[-1].text
    await admin.say("/peran cabut 732 verifikator")

    for outsider in (siti, rina):
        for command in ("/cari keripik", "/statistik", "/ekspor"):
            received = await outsider.say(command)
            assert received[0].text == UNKNOWN, command
            assert all(message.kind == "text" for message in received)


async def test_export_and_statistics_are_built_in_a_worker_process(
    settings: Settings, clock: FakeClock
) -> None:
    """As in production: the files come from another process, on a read-only connection,
    after the reviewer was told they are on their way."""
    bot = await TelegramBot(settings.model_copy(update={"report_processes": 1}), clock).start()
    try:
        await vendor_with_product(bot, 741, "Keripik Apel Bu Siti")
        admin = bot.user(ADMIN_ID, first_name="Admin")
        await approve(admin, "🏪 Keripik Apel Bu Siti")
        await approve(admin, "Keripik Apel Original 200 gram")

        received = await admin.say("/ekspor")
        assert "Sedang menyiapkan" in received[0].text
        assert [m.kind for m in received[1:]] == ["document", "document", "text"]
        assert "1 produk yang disetujui" in received[-1].text

        figures = await admin.say("/statistik")
        assert figures[0].kind == "photo" and (figures[0].file_data or b"")[:4] == b"\x89PNG"
        assert "Pendaftaran usaha: 1" in texts(figures)
    finally:
        await bot.stop()
