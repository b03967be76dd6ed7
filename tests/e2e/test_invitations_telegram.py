"""Role invitations on Telegram: a superadmin invites by link instead of by id, for their own
unit only; a link works once, until it expires or is withdrawn; the inviter hears who took it."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator

import pytest
from sqlalchemy import select

from bot.settings import Settings
from models.entities import RoleGrant, RoleInvitation
from tests.support.clock import FakeClock
from tests.support.fake_telegram import BOT_USERNAME
from tests.support.telegram_chat import TelegramBot, TelegramUser

ADMIN_ID, MALANG_ADMIN = 5701, 5702
INVALID = "sudah dipakai, ditarik, atau kedaluwarsa"
UNKNOWN = "Perintah itu tidak kami kenal"


@pytest.fixture
async def province(settings: Settings, clock: FakeClock) -> AsyncIterator[TelegramBot]:
    configured = settings.model_copy(
        update={
            "regions_served": "35",
            "admin_telegram_ids": str(ADMIN_ID),
            "whatsapp_number": "6281100005700",
        }
    )
    bot = await TelegramBot(configured, clock).start()
    admin = bot.user(ADMIN_ID, first_name="Admin")
    await admin.say(f"/peran tambah {MALANG_ADMIN} superadmin kota malang")
    yield bot
    await bot.stop()


async def invite(inviter: TelegramUser, args: str) -> str | None:
    """The start parameter of the invitation made, or None when none was."""
    received = await inviter.say(f"/peran undang {args}")
    text = "\n".join(message.text for message in received)
    found = re.search(rf"https://t\.me/{BOT_USERNAME}\?start=(i-[\w-]+)", text)
    return found[1] if found else None


async def grants(bot: TelegramBot, telegram_id: int) -> list[tuple[str, str | None]]:
    async with bot.services.uow_factory() as uow:
        user = await uow.users.by_identity("telegram", str(telegram_id))
        if user is None:
            return []
        query = select(RoleGrant.role, RoleGrant.unit_code).where(RoleGrant.user_id == user.id)
        return [(role, unit) for role, unit in await uow.session.execute(query)]


async def test_a_unit_superadmin_invites_to_their_unit(province: TelegramBot) -> None:
    inviter = province.user(MALANG_ADMIN, first_name="Bu Rina")
    received = await inviter.say("/peran undang verifikator")  # their one unit by default
    created = received[-1]
    assert "Undangan sebagai verifikator untuk BPBJ Kota Malang sudah dibuat" in created.text
    assert "https://wa.me/6281100005700?text=%2Fstart%20i-" in created.text
    assert [message.kind for message in received] == ["photo", "text"]  # the QR code first
    parameter = re.search(r"start=(i-[\w-]+)", created.text)
    assert parameter is not None

    sri = province.user(5703, first_name="Sri")
    offered = await sri.say(f"/start {parameter[1]}")
    assert "Bu Rina mengundang Anda menjadi verifikator untuk BPBJ Kota Malang" in offered[-1].text
    assert await grants(province, 5703) == []  # nothing before the confirmation
    accepted = await sri.press("Terima peran")
    assert "Anda sekarang verifikator" in accepted[0].text
    assert await grants(province, 5703) == [("reviewer", "35.73")]
    await province.services.outbox.deliver()
    assert "diterima oleh Sri (ID 5703) lewat Telegram" in inviter.last.text
    queue = await sri.say("/antrian")
    assert UNKNOWN not in queue[-1].text


async def test_another_units_invitation_is_refused(province: TelegramBot) -> None:
    inviter = province.user(MALANG_ADMIN, first_name="Bu Rina")
    assert await invite(inviter, "verifikator kab malang") is None
    assert await invite(inviter, "superadmin semua") is None  # the whole province
    async with province.services.uow_factory() as uow:
        assert (await uow.session.scalars(select(RoleInvitation))).all() == []


async def test_the_province_invites_to_any_unit(province: TelegramBot) -> None:
    admin = province.user(ADMIN_ID, first_name="Admin")
    parameter = await invite(admin, "pendamping kab malang")
    assert parameter is not None
    budi = province.user(5704, first_name="Budi")
    await budi.say(f"/start {parameter}")
    await budi.press("Terima peran")
    assert await grants(province, 5704) == [("mentor", "35.07")]


async def test_an_invitation_works_once(province: TelegramBot) -> None:
    parameter = await invite(province.user(ADMIN_ID), "verifikator kota batu")
    first, second = province.user(5705), province.user(5706)
    await first.say(f"/start {parameter}")
    await second.say(f"/start {parameter}")
    await first.press("Terima peran")
    late = await second.press("Terima peran")  # opened before it was taken
    assert INVALID in late[-1].text
    again = await second.say(f"/start {parameter}")
    assert INVALID in again[-1].text
    assert await grants(province, 5706) == []


async def test_an_invitation_expires(province: TelegramBot, clock: FakeClock) -> None:
    parameter = await invite(province.user(ADMIN_ID), "verifikator kota batu")
    clock.advance(days=7, minutes=1)
    opened = await province.user(5707).say(f"/start {parameter}")
    assert INVALID in opened[-1].text
    assert await grants(province, 5707) == []


async def test_an_invitation_is_listed_and_withdrawn(province: TelegramBot) -> None:
    admin = province.user(ADMIN_ID)
    own = await invite(province.user(MALANG_ADMIN), "pendamping")
    provincial = await invite(admin, "verifikator kota batu")
    listed = await province.user(MALANG_ADMIN).say("/peran undangan")
    assert "pendamping, BPBJ Kota Malang" in listed[-1].text
    assert "Kota Batu" not in listed[-1].text  # another unit's invitation is not theirs
    everything = await admin.say("/peran undangan")
    assert "BPBJ Kota Malang" in everything[-1].text and "Kota Batu" in everything[-1].text

    withdrawn = await admin.press("Tarik no. 2")
    assert "Undangan no. 2 sudah ditarik" in withdrawn[-1].text
    opened = await province.user(5708).say(f"/start {provincial}")
    assert INVALID in opened[-1].text
    opened = await province.user(5709).say(f"/start {own}")
    assert "mengundang Anda menjadi pendamping" in opened[-1].text


async def test_nobody_else_may_invite(province: TelegramBot) -> None:
    stranger = province.user(5710)
    refused = await stranger.say("/peran undang superadmin")
    assert UNKNOWN in refused[0].text


async def test_an_invitation_stops_with_its_inviters_role(province: TelegramBot) -> None:
    parameter = await invite(province.user(MALANG_ADMIN), "verifikator")
    await province.user(ADMIN_ID).say(f"/peran cabut {MALANG_ADMIN} superadmin kota malang")
    opened = await province.user(5711).say(f"/start {parameter}")
    assert INVALID in opened[-1].text


async def test_a_role_already_held_leaves_the_invitation_unused(province: TelegramBot) -> None:
    inviter = province.user(MALANG_ADMIN)
    parameter = await invite(inviter, "superadmin")
    await inviter.say(f"/start {parameter}")
    refused = await inviter.press("Terima peran")
    assert "Anda sudah punya peran superadmin ini" in refused[-1].text
    colleague = province.user(5712)
    await colleague.say(f"/start {parameter}")
    await colleague.press("Terima peran")
    assert await grants(province, 5712) == [("superadmin", "35.73")]
    listed = await inviter.say("/peran")
    assert "(5712): superadmin, BPBJ Kota Malang" in listed[-1].text
