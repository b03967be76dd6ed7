"""A registration submitted on WhatsApp is announced in its unit's Telegram staff group and in
STAFF_GROUP_CHAT_ID's."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.settings import Settings
from models.entities import OutboxMessage
from tests.support.clock import FakeClock
from tests.whatsapp.chat import WhatsAppServer, running_server, whatsapp_settings
from tests.whatsapp.test_registration_whatsapp import register_until_summary

BATU_GROUP, DEPLOYMENT_GROUP = "-1000000003579", "-1000000000001"


@pytest.fixture
async def server(
    settings: Settings, clock: FakeClock, tmp_path: Path
) -> AsyncIterator[WhatsAppServer]:
    units = tmp_path / "units.toml"
    units.write_text(
        '[[unit]]\ncode = "35.79"\nname = "BPBJ Kota Batu"\ncontact = "bpbj@batukota.go.id"\n'
        f'staff_group = "{BATU_GROUP}"\n',
        encoding="utf-8",
    )
    configured = whatsapp_settings(settings).model_copy(
        update={
            "bureau_units_file": str(units),
            "staff_group_chat_id": DEPLOYMENT_GROUP,
            "telegram_bot_username": "katalog_umkm_bot",
        }
    )
    async with running_server(configured, clock) as running:
        yield running


async def test_a_whatsapp_submission_is_announced_in_the_unit_group(
    server: WhatsAppServer,
) -> None:
    user = server.user()
    await register_until_summary(user)
    await user.press("Kirim untuk diverifikasi")
    async with server.services.uow_factory() as uow:
        rows = (
            await uow.session.execute(
                select(OutboxMessage.address).where(OutboxMessage.channel == "telegram")
            )
        ).scalars()
        assert sorted(rows) == sorted([BATU_GROUP, DEPLOYMENT_GROUP])
