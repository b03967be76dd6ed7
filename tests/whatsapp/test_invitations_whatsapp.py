"""A staff invitation taken on WhatsApp: the wa.me link's text, sent to the bot, offers the role;
confirming gives it, and the inviter hears who took it."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from urllib.parse import unquote

import pytest
from sqlalchemy import select

from bot.settings import Settings
from models.entities import RoleGrant
from tests.support.clock import FakeClock
from tests.whatsapp.chat import WhatsAppServer, running_server, whatsapp_settings

BOT_NUMBER = "6281100005800"


@pytest.fixture
async def server(settings: Settings, clock: FakeClock) -> AsyncIterator[WhatsAppServer]:
    configured = whatsapp_settings(settings).model_copy(
        update={"whatsapp_number": BOT_NUMBER, "telegram_bot_username": "katalog_umkm_bot"}
    )
    async with running_server(configured, clock) as running:
        yield running


async def test_an_invitation_is_taken_on_whatsapp(server: WhatsAppServer, clock: FakeClock) -> None:
    admin = server.user("ID.5801", "6281258010000")
    await admin.say("halo")
    async with server.services.uow_factory() as uow:
        account = await uow.users.by_identity("whatsapp", admin.bsuid)
        assert account is not None
        uow.session.add(RoleGrant(user_id=account.id, role="superadmin", granted_at=clock()))
        await uow.commit()

    created = await admin.say("/peran undang pendamping")
    text = "\n".join(message.text for message in created)
    assert "Undangan sebagai pendamping untuk BPBJ Kota Batu sudah dibuat" in text
    link = re.search(rf"https://wa\.me/{BOT_NUMBER}\?text=(\S+)", text)
    assert link is not None
    phrase = unquote(link[1])
    assert phrase.startswith("/start i-")

    sri = server.user("ID.5802", "6281258020000")
    offered = await sri.say(phrase)
    assert "mengundang Anda menjadi pendamping untuk BPBJ Kota Batu" in offered[-1].text
    accepted = await sri.press("Terima peran")
    assert "Anda sekarang pendamping" in accepted[0].text
    await server.settled()
    assert "ID +6281258020000 lewat WhatsApp" in admin.last.text
    async with server.services.uow_factory() as uow:
        account = await uow.users.by_identity("whatsapp", sri.bsuid)
        assert account is not None
        query = select(RoleGrant.role).where(RoleGrant.user_id == account.id)
        assert list(await uow.session.scalars(query)) == ["mentor"]
    listed = await admin.say("/peran")
    assert "(WhatsApp +6281258020000): pendamping" in listed[-1].text
    revoked = await admin.say("/peran cabut +6281258020000 pendamping")
    assert "✅ Peran pendamping dicabut" in revoked[0].text
    unknown = await admin.say("/peran cabut +6281299999999 pendamping")
    assert "Tidak ada pengguna WhatsApp dengan nomor +6281299999999" in unknown[-1].text
    again = await server.user("ID.5803", "6281258030000").say(phrase)
    assert "sudah dipakai, ditarik, atau kedaluwarsa" in again[-1].text
