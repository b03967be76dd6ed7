"""Hostile bodies at both webhooks, and hostile numbers typed in the chat.

Telegram's webhook gets the bodies of tests/support/hostile.py (WhatsApp's:
tests/whatsapp/test_hostile_bodies.py): whatever arrives is answered 200 (an update it could
read) or a 4xx, never a 500; nothing is logged as an error and no apology is sent. Numbers too
long for Python to convert, typed at steps that read numbers or choices, are asked again.
"""

from __future__ import annotations

from typing import Any

import pytest

from bot.settings import Settings
from tests.e2e.test_registration_telegram import register_until_summary
from tests.support.clock import FakeClock
from tests.support.fake_telegram import FakeTelegram
from tests.support.hostile import APOLOGY, DIGITS, NOT_UPDATES, assert_no_failure, mutations
from tests.support.telegram_chat import TelegramBot
from tests.test_web import HEADER, SECRET, start_update, telegram_settings, web_client


def telegram_updates() -> list[dict[str, Any]]:
    """A typed message and a pressed button."""
    press = {
        "update_id": 7002,
        "callback_query": {
            "id": "4382bfdwdsb323b2d9",
            "chat_instance": "-1",
            "data": "reg.consent.yes",
            "from": {"id": 7001, "is_bot": False, "first_name": "Siti", "language_code": "id"},
            "message": {
                "message_id": 5,
                "date": 1_790_000_000,
                "chat": {"id": 7001, "type": "private"},
                "text": "Setuju?",
            },
        },
    }
    return [start_update(7001), press]


TELEGRAM_BODIES = [*NOT_UPDATES, *(b for u in telegram_updates() for b in mutations(u))]


async def test_hostile_telegram_bodies_get_an_answer_never_a_failure(
    settings: Settings, clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    fake = FakeTelegram()
    answered: dict[int, int] = {}
    async with web_client(telegram_settings(settings), clock, fake) as client:
        headers = {HEADER: SECRET, "Content-Type": "application/json"}
        for body in TELEGRAM_BODIES:
            response = await client.post("/telegram/webhook", content=body, headers=headers)
            assert response.status_code == 200 or 400 <= response.status_code < 500, body[:200]
            assert "Traceback" not in response.text
            answered[response.status_code] = answered.get(response.status_code, 0) + 1
    assert_no_failure(caplog)
    assert not any(APOLOGY in m.text for m in fake.messages)
    assert answered.get(400, 0) > 100 and answered.get(200, 0) > 10, answered


LONG_NUMBERS = (DIGITS, "1" + "0" * 4400, "٣" * 5000, "²" * 10, "-" + DIGITS, DIGITS + " juta")


@pytest.mark.parametrize("typed", LONG_NUMBERS, ids=lambda t: f"{t[:3]}…{len(t)}")
async def test_long_numbers_typed_at_every_kind_of_step_are_asked_again(
    telegram: TelegramBot, typed: str, caplog: pytest.LogCaptureFixture
) -> None:
    user = telegram.user(861)
    await user.say("/daftar")
    received = await user.say(typed)  # the consent: a choice
    assert received and APOLOGY not in received[-1].text
    await user.press("Saya setuju")
    for answer in ("Siti Aminah", typed, "3579014101850001"):  # a name, then the NIK
        received = await user.say(answer)
        assert received and APOLOGY not in received[-1].text
    user = telegram.user(862)
    await register_until_summary(user)
    received = await user.say(typed)  # the summary: a choice among its fields
    assert received and APOLOGY not in received[-1].text
    received = await user.say("/status")
    assert received and APOLOGY not in received[-1].text
    assert_no_failure(caplog)
