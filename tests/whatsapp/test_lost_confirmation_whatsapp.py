"""On WhatsApp too, a submission's confirmation that never arrived is sent again when the
vendor writes again."""

from __future__ import annotations

from typing import Any

from tests.whatsapp.chat import WhatsAppServer
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
