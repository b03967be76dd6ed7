"""On WhatsApp, which has no command menu, each role's menu comes as a list with /start."""

from __future__ import annotations

from models.services.access import AccessService, Role
from tests.whatsapp.chat import WhatsAppServer


async def test_mentor_menu_is_a_list_on_whatsapp(whatsapp: WhatsAppServer) -> None:
    sri = whatsapp.user()
    received = await sri.say("/start")
    assert "📝 Daftar sekarang" in received[-1].labels
    async with whatsapp.services.uow_factory() as uow:
        access = AccessService(uow, whatsapp.services.clock, ())
        account = await uow.users.by_identity("whatsapp", sri.bsuid)
        assert account is not None
        await access.grant(None, account, Role.MENTOR)
        await uow.commit()

    received = await sri.say("/start")
    assert all(message.text for message in received)  # no empty message for a command menu
    assert "Anda masuk sebagai pendamping" in received[-1].text
    assert received[-1].kind == "list"
    assert received[-1].labels[:2] == ["👥 Binaan saya", "📝 Daftarkan UMKM"]
    received = await sri.say("/bantuan")
    assert "• /binaan: " in received[-1].text
    received = await sri.press("Binaan saya")
    assert "Belum ada UMKM binaan" in received[-1].text
