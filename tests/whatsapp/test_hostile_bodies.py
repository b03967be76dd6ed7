"""Hostile bodies at the WhatsApp webhook, signed as Meta signs them (see
tests/test_strict_door.py for Telegram's): answered 200 or 4xx, never a failure."""

from __future__ import annotations

import pytest

from bot.whatsapp.client import WEBHOOK_PATH
from tests.support.hostile import APOLOGY, NOT_UPDATES, assert_no_failure, mutations
from tests.whatsapp.chat import WhatsAppServer, load_payload, signature


def whatsapp_bodies() -> list[bytes]:
    text, press = load_payload("text"), load_payload("button_reply")
    status = load_payload("status_read")
    return [*NOT_UPDATES, *(b for p in (text, press, status) for b in mutations(p))]


async def test_hostile_whatsapp_bodies_get_an_answer_never_a_failure(
    whatsapp: WhatsAppServer, caplog: pytest.LogCaptureFixture
) -> None:
    answered: dict[int, int] = {}
    for body in whatsapp_bodies():
        headers = {"X-Hub-Signature-256": signature(body), "Content-Type": "application/json"}
        response = await whatsapp.client.post(WEBHOOK_PATH, content=body, headers=headers)
        assert response.status_code == 200 or 400 <= response.status_code < 500, body[:200]
        assert "Traceback" not in response.text
        answered[response.status_code] = answered.get(response.status_code, 0) + 1
    await whatsapp.settled()
    assert_no_failure(caplog)
    assert not any(APOLOGY in m.text for m in whatsapp.graph.sent)
    assert answered.get(400, 0) > 100 and answered.get(200, 0) > 10, answered
