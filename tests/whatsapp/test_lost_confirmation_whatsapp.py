"""On WhatsApp too, a submission's confirmation that never arrived is sent again when the
vendor writes again, or by the sweep if they say nothing."""

from __future__ import annotations

from typing import Any

from tests.support.clock import FakeClock
from tests.whatsapp.chat import WhatsAppServer, WhatsAppUser
from tests.whatsapp.test_products_whatsapp import send_photo
from tests.whatsapp.test_registration_whatsapp import register_until_summary, vendor_row


async def test_writing_again_gets_the_lost_confirmation(whatsapp: WhatsAppServer) -> None:
    user = whatsapp.user()
    await register_until_summary(user)
    refused: list[dict[str, Any]] = []

    def refuse_once(payload: dict[str, Any]) -> str | None:
        refused.append(payload)
        return "Recipient unavailable" if len(refused) == 1 else None

    whatsapp.graph.refuse = refuse_once
    whatsapp.graph.refuse_code = 131_026  # undeliverable: not retried
    assert await user.press("Kirim untuk diverifikasi") == []
    assert (await vendor_row(whatsapp, user)).status == "submitted"

    again = await user.say("halo kak, sudah terkirim belum?")
    assert "pesan kami sebelumnya belum sampai" in again[0].text
    assert "Pendaftaran Anda sudah dikirim ke" in again[0].text
    assert "Cek status" in " ".join(again[0].labels)


def refuse_next(whatsapp: WhatsAppServer) -> None:
    """The next message is refused as undeliverable (not retried); later ones go."""
    refused: list[dict[str, Any]] = []

    def refuse_once(payload: dict[str, Any]) -> str | None:
        refused.append(payload)
        return "Recipient unavailable" if len(refused) == 1 else None

    whatsapp.graph.refuse = refuse_once
    whatsapp.graph.refuse_code = 131_026


async def test_the_sweep_sends_the_lost_confirmation_once(
    whatsapp: WhatsAppServer, clock: FakeClock
) -> None:
    user = whatsapp.user()
    await register_until_summary(user)
    refuse_next(whatsapp)
    assert await user.press("Kirim untuk diverifikasi") == []

    clock.advance(minutes=2)
    await whatsapp.sweep()
    assert "pesan kami sebelumnya belum sampai" in user.last.text
    assert "Pendaftaran Anda sudah dikirim ke" in user.last.text
    assert "Cek status" in " ".join(user.last.labels)

    clock.advance(minutes=2)
    sent = len(user.inbox)
    await whatsapp.sweep()
    assert len(user.inbox) == sent


async def test_the_sweep_sends_the_lost_confirmation_of_all_products(
    whatsapp: WhatsAppServer, clock: FakeClock
) -> None:
    user = whatsapp.user()
    await register_until_summary(user)
    await user.press("Kirim untuk diverifikasi")
    await add_draft(whatsapp, user)
    await user.say("produk saya")
    refuse_next(whatsapp)
    assert await user.press("Kirim semua (1)") == []

    clock.advance(minutes=2)
    await whatsapp.sweep()
    assert "pesan kami sebelumnya belum sampai" in user.last.text
    assert "1 produk sudah dikirim untuk diverifikasi" in user.last.text


async def add_draft(whatsapp: WhatsAppServer, user: WhatsAppUser) -> None:
    """One complete product, saved as a draft."""
    await user.say("tambah produk")
    await user.say("Keripik Apel Original 200 gram")
    await user.press("Makanan dan Minuman")
    await user.say("Keripik apel asli Batu tanpa pengawet. Berat 200 gram, kemasan pouch.")
    await user.press("Lewati")
    await user.press("pcs")
    await user.say("15000")
    await user.press("Ya, benar")
    await user.say("10")
    await user.say("1.000")
    await user.press("Ya, produk dalam negeri")
    await user.press("Lewati")
    await user.press("Lewati")
    await user.press("Lewati")
    await send_photo(whatsapp, user, "9101")
    await user.press("Selesai")
    await user.say("2")
    await user.press("Simpan sebagai draf")
