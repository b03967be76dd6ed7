"""The console chat runs the same flows on the same database."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

from bot.console import ConsoleChat
from bot.settings import Settings
from bot.wiring import build_services
from tests.support.clock import FakeClock
from tests.support.telegram_chat import jpeg_bytes

REGISTRATION = [
    "1",  # Daftar sekarang
    "1",  # Saya setuju
    "Siti Aminah",
    "3579014101850001",
    "/kontak 0812 3456 7890",
    "Keripik Apel Bu Siti",
    "Belum punya NIB",  # a button label typed as text
    "lewati",
    "lewati",
    "25 juta per bulan",
    "1",  # Ya, benar
    "Makanan dan Minuman",
    "Bumiaji",
    "Punten",
    "Jl. Raya Punten No. 12, RT 02/RW 05",
    "lewati",
]


def scripted(lines: list[str]) -> Callable[[], Awaitable[str | None]]:
    remaining = iter(lines)

    async def read_line() -> str | None:
        return next(remaining, None)

    return read_line


async def run_console(settings: Settings, clock: FakeClock, user: str, lines: list[str]) -> str:
    services = build_services(settings, clock)
    output: list[str] = []
    try:
        chat = ConsoleChat(
            services.engine, services.locales, user, output.append, settings.media_dir
        )
        await chat.run(scripted(lines))
    finally:
        await services.close()
    return "\n".join(output)


async def test_console_registration_to_submission(settings: Settings, clock: FakeClock) -> None:
    transcript = await run_console(settings, clock, "siti", REGISTRATION)
    assert "[1] 📝 Daftar sekarang" in transcript
    assert "(Untuk mengirim nomor, ketik: /kontak 081234567890)" in transcript
    assert "Nomor +6281234567890 sudah tersimpan" in transcript
    assert "Cara membuat NIB (gratis)" in transcript
    assert "Nama usaha: Keripik Apel Bu Siti" in transcript
    assert "Kirim untuk diverifikasi" in transcript.rsplit("Ringkasan pendaftaran", 1)[1]

    submitted = await run_console(settings, clock, "siti", ["/daftar", "Kirim untuk diverifikasi"])
    assert "Selamat datang kembali" in submitted
    assert "sudah dikirim ke BPBJ Kota Batu" in submitted


async def test_console_users_are_separate_and_state_survives_restarts(
    settings: Settings, clock: FakeClock
) -> None:
    await run_console(settings, clock, "siti", REGISTRATION[:5])
    other = await run_console(settings, clock, "budi", ["/status"])
    assert "Anda belum mendaftar" in other
    again = await run_console(settings, clock, "siti", ["/status"])
    assert "3 dari 13 data sudah terisi" in again


async def test_console_lists_a_product_with_a_photo_file(
    settings: Settings, clock: FakeClock, tmp_path: Path
) -> None:
    await run_console(settings, clock, "siti", [*REGISTRATION, "Kirim untuk diverifikasi"])
    photo = tmp_path / "keripik.jpg"
    photo.write_bytes(jpeg_bytes())
    transcript = await run_console(
        settings,
        clock,
        "siti",
        [
            "Tambah produk",
            "Keripik Apel Original 200 gram",
            "Makanan dan Minuman",
            "Keripik apel asli Batu tanpa pengawet. Berat 200 gram, kemasan pouch.",
            "lewati",
            "pcs",
            "Rp 15.000",
            "Ya, benar",
            "10",
            "500",
            "Bukan (impor)",
            "lewati",
            "lewati",
            f"/foto {tmp_path / 'missing.jpg'}",
            f"/foto {photo}",
            "Selesai",
            "2",
            "Kirim untuk diverifikasi",
            "/status",
        ],
    )
    assert "Harga Rp15.000 per pcs. Benar?" in transcript
    assert "File tidak ditemukan" in transcript
    assert "Foto 1 dari 5 tersimpan" in transcript
    assert 'Produk "Keripik Apel Original 200 gram" sudah dikirim' in transcript
    assert "⏳ Diajukan: 1" in transcript


async def test_console_names_where_a_sent_file_is(settings: Settings, clock: FakeClock) -> None:
    await run_console(settings, clock, "siti", REGISTRATION[:3])
    transcript = await run_console(settings, clock, "siti", ["/datasaya"])
    saved = Path(settings.media_dir) / "console" / "data-saya-2026-11-24.json"
    assert f"📎 File: {saved}" in transcript
    assert '"owner_name": "Siti Aminah"' in saved.read_text(encoding="utf-8")
