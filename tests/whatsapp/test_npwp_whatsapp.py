"""On WhatsApp too, "sama kyk nik" at the NPWP question takes the NIK as the NPWP once confirmed."""

from __future__ import annotations

from tests.whatsapp.chat import WhatsAppServer
from tests.whatsapp.test_registration_whatsapp import answer_until_phone, vendor_row

NIK = "3579014101850001"


async def test_whatsapp_npwp_same_as_nik(whatsapp: WhatsAppServer) -> None:
    user = whatsapp.user()
    await answer_until_phone(user)
    await user.press("Kirim nomor saya")
    await user.say("Keripik Apel Bu Siti")
    await user.say("9120001234567")
    await user.say("10792")
    shown = await user.say("sama kyk nik")
    assert f"NPWP Anda sama dengan NIK: {NIK}" in shown[-1].text
    await user.press("Ya, benar")
    assert (await vendor_row(whatsapp, user)).npwp == NIK
