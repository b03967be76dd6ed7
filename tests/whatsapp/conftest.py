"""A running web application with WhatsApp configured and a fake Graph API behind pywa."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.settings import Settings
from tests.support.clock import FakeClock
from tests.whatsapp.chat import WhatsAppServer, running_server, whatsapp_settings


@pytest.fixture
async def whatsapp(settings: Settings, clock: FakeClock) -> AsyncIterator[WhatsAppServer]:
    async with running_server(whatsapp_settings(settings), clock) as server:
        yield server
