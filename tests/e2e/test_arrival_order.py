"""With several processes, a chat's updates are applied in the order they arrived, whichever
process each reached: WhatsApp sends a chat's messages without waiting for the answer to the one
before, so the engine orders them by arrival (Telegram waits, see ``tests/test_web.py``)."""

from __future__ import annotations

import asyncio

from bot.settings import Settings
from handlers.events import Sender, TextReceived
from tests.e2e.test_reply_delivery import business_name
from tests.support.clock import FakeClock
from tests.support.telegram_chat import TelegramBot


async def test_an_update_waits_for_its_chats_earlier_one_at_another_process(
    settings: Settings, clock: FakeClock
) -> None:
    several = settings.model_copy(update={"web_workers": 2})
    first = await TelegramBot(several, clock).start()
    second = await TelegramBot(several, clock).start()
    try:
        owner = first.user(4401)
        await owner.say("/daftar")
        await owner.press("Saya setuju")
        await owner.say("Siti Aminah")
        await owner.say("3579 0141 0185 0001")
        # Two answers sent at once: the phone number reaches the first process, which is slow
        # to start it; the business name reaches the second.
        sender = Sender("telegram", "4401", "id", "Siti")
        phone = await first.services.engine.arrived(sender)
        name = await second.services.engine.arrived(sender)
        later = asyncio.create_task(
            second.services.engine.handle(
                sender, TextReceived("Keripik Apel Bu Siti"), update_id="2", arrival=name
            )
        )
        await asyncio.sleep(0.2)
        assert not later.done()  # it waits for the phone number, which arrived first
        await first.services.engine.handle(
            sender, TextReceived("081234567890"), update_id="1", arrival=phone
        )
        await asyncio.wait_for(later, 5)
        assert await business_name(first, 4401) == "Keripik Apel Bu Siti"
    finally:
        await first.stop()
        await second.stop()
