"""The WhatsApp webhook: verify challenge, signatures, redeliveries, and updates that are
ignored."""

from __future__ import annotations

import asyncio
import json

from sqlalchemy import func, select

from models.entities import ChannelIdentity, ProcessedUpdate
from tests.whatsapp.chat import VERIFY_TOKEN, WhatsAppServer, load_payload, signature


async def identities(server: WhatsAppServer) -> int:
    async with server.services.uow_factory() as uow:
        query = select(func.count()).select_from(ChannelIdentity)
        return (await uow.session.execute(query)).scalar_one()


def challenge(token: str) -> dict[str, str]:
    return {"hub.mode": "subscribe", "hub.verify_token": token, "hub.challenge": "1158201444"}


async def test_verify_challenge_is_echoed_for_the_right_token(whatsapp: WhatsAppServer) -> None:
    response = await whatsapp.client.get("/whatsapp/webhook", params=challenge(VERIFY_TOKEN))
    assert (response.status_code, response.text) == (200, "1158201444")


async def test_verify_challenge_with_a_wrong_token_is_refused(whatsapp: WhatsAppServer) -> None:
    response = await whatsapp.client.get("/whatsapp/webhook", params=challenge("guessed"))
    assert response.status_code == 403
    assert "1158201444" not in response.text


async def test_unsigned_update_is_refused_and_not_processed(whatsapp: WhatsAppServer) -> None:
    response = await whatsapp.post(whatsapp.user().payload("text"), sign=False)
    assert response.status_code == 401
    assert whatsapp.graph.sent == []
    assert await identities(whatsapp) == 0


async def test_wrongly_signed_update_is_refused_and_not_processed(
    whatsapp: WhatsAppServer,
) -> None:
    body = json.dumps(whatsapp.user().payload("text")).encode()
    forged = {"X-Hub-Signature-256": signature(body, secret="not-the-app-secret")}
    tampered = {"X-Hub-Signature-256": signature(body + b" ")}
    for headers in (forged, tampered):
        response = await whatsapp.client.post("/whatsapp/webhook", content=body, headers=headers)
        assert response.status_code == 403
    assert whatsapp.graph.sent == []
    assert await identities(whatsapp) == 0


async def test_redelivered_message_is_processed_once(whatsapp: WhatsAppServer) -> None:
    user = whatsapp.user()
    payload = user.payload("text", text={"body": "/daftar"})
    first = await user.deliver(payload)
    again = await user.deliver(payload)
    assert first and "UU No. 27 Tahun 2022" in first[0].text
    assert again == []
    async with whatsapp.services.uow_factory() as uow:
        claimed = (await uow.session.execute(select(ProcessedUpdate.update_id))).scalars()
        assert list(claimed) == [payload["entry"][0]["changes"][0]["value"]["messages"][0]["id"]]


async def test_status_callbacks_and_reactions_are_ignored(whatsapp: WhatsAppServer) -> None:
    user = whatsapp.user()
    assert await user.deliver(load_payload("status_read")) == []
    assert await user.send("reaction") == []
    assert await identities(whatsapp) == 0


async def test_updates_for_another_number_are_ignored(whatsapp: WhatsAppServer) -> None:
    user = whatsapp.user()
    payload = user.payload("text")
    payload["entry"][0]["changes"][0]["value"]["metadata"]["phone_number_id"] = "999999999999999"
    assert await user.deliver(payload) == []


async def test_every_message_type_gets_a_fitting_answer(whatsapp: WhatsAppServer) -> None:
    user = whatsapp.user()
    received = await user.send("sticker")
    assert "Terima kasih stikernya" in received[0].text
    received = await user.send("voice")
    assert "pesan suara belum bisa kami dengarkan. Mohon ketik jawaban Anda" in received[0].text
    received = await user.send("location")
    assert "Mohon ketik alamatnya sebagai teks" in received[0].text
    received = await user.send("video")
    assert "video belum bisa kami proses" in received[0].text
    assert whatsapp.graph.requests_for_media() == []  # nothing downloaded


async def test_a_contact_without_user_id_is_answered(whatsapp: WhatsAppServer) -> None:
    """Meta's payloads before business-scoped user ids: the number keys the user."""
    response = await whatsapp.post(load_payload("text_without_user_id"))
    assert response.status_code == 200
    received = whatsapp.graph.sent_to("6281234567890")
    assert received and "Selamat datang" in received[0].text


async def test_an_image_where_a_text_is_expected_is_not_downloaded(
    whatsapp: WhatsAppServer,
) -> None:
    user = whatsapp.user()
    await user.say("/daftar")
    received = await user.send("image")
    assert received  # answered
    assert whatsapp.graph.requests_for_media() == []


async def test_healthz(whatsapp: WhatsAppServer) -> None:
    response = await whatsapp.client.get("/healthz")
    assert (response.status_code, response.text) == (200, "ok")


async def test_a_full_backlog_asks_for_the_message_again_later(whatsapp: WhatsAppServer) -> None:
    lanes = whatsapp.services.lanes
    release = asyncio.Event()
    lanes.backlog = 1
    lanes.submit("busy", release.wait)
    user = whatsapp.user()
    payload = user.payload("text", text={"body": "/daftar"})
    refused = await whatsapp.post(payload)
    assert (refused.status_code, refused.headers["Retry-After"]) == (503, "1")
    assert whatsapp.graph.sent == []
    release.set()
    await lanes.drain()
    received = await user.deliver(payload)
    assert received and "UU No. 27 Tahun 2022" in received[0].text
