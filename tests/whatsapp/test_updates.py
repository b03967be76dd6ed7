"""Real Cloud API payloads, parsed by pywa, become the engine's events."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from pywa.types.base_update import RawUpdate
from pywa_async.client import WhatsApp
from pywa_async.types.callback import CallbackButton, CallbackSelection
from pywa_async.types.message import Message

from bot.whatsapp.client import complete_update
from bot.whatsapp.render import OWN_NUMBER
from bot.whatsapp.updates import event_from_choice, event_from_message, sender_of
from handlers.events import (
    ButtonPressed,
    CommandReceived,
    ContactShared,
    Event,
    MediaReceived,
    Sender,
    TextReceived,
    UnsupportedReceived,
)
from models.errors import InvalidInput
from tests.whatsapp.chat import PHONE_NUMBER_ID, load_payload
from tests.whatsapp.fake_graph import FakeGraph, Media

JPEG = b"\xff\xd8\xff\xe0 not really a photo"
PDF = b"%PDF-1.7 not really a document"


@pytest.fixture
def graph() -> FakeGraph:
    fake = FakeGraph()
    fake.media["1203741234567890"] = Media(JPEG, "image/jpeg")
    fake.media["1203749876543210"] = Media(PDF, "application/pdf")
    return fake


@pytest.fixture
def wa(graph: FakeGraph) -> WhatsApp:
    session = httpx.AsyncClient(transport=graph.transport(), base_url="https://graph.test")
    return WhatsApp(phone_id=PHONE_NUMBER_ID, token="test-token", session=session)


def raw(payload: dict[str, Any]) -> RawUpdate:
    return RawUpdate(json.dumps(payload).encode(), hmac_header=None, update_hash="test")


async def event_of(wa: WhatsApp, payload: dict[str, Any]) -> Event:
    return await event_from_message(wa, Message.from_update(client=wa, update=raw(payload)))


def with_message(payload: dict[str, Any], **fields: Any) -> dict[str, Any]:
    payload["entry"][0]["changes"][0]["value"]["messages"][0].update(fields)
    return payload


async def test_text_and_commands(wa: WhatsApp) -> None:
    assert await event_of(wa, load_payload("text")) == TextReceived("halo")
    command = with_message(load_payload("text"), text={"body": "/status"})
    assert await event_of(wa, command) == CommandReceived("status")


async def test_image_is_fetched_only_when_downloaded(wa: WhatsApp, graph: FakeGraph) -> None:
    event = await event_of(wa, load_payload("image"))
    assert event == MediaReceived("photo", "1203741234567890", "image/jpeg")
    assert graph.requests == []  # nothing looked up before a flow keeps the file
    assert isinstance(event, MediaReceived) and event.download is not None
    assert await event.download() == JPEG
    assert [request.method for request in graph.requests] == ["GET", "GET"]  # lookup, bytes


async def test_a_file_over_the_limit_is_refused_before_its_download(
    wa: WhatsApp, graph: FakeGraph
) -> None:
    message = Message.from_update(client=wa, update=raw(load_payload("document")))
    event = await event_from_message(wa, message, max_bytes=len(PDF) - 1)
    assert isinstance(event, MediaReceived) and event.download is not None
    with pytest.raises(InvalidInput) as refused:
        await event.download()
    assert refused.value.key == "error-photo-too-large"
    assert len(graph.requests) == 1  # the lookup only


async def test_document_keeps_its_file_name(wa: WhatsApp) -> None:
    event = await event_of(wa, load_payload("document"))
    expected = MediaReceived(
        "document", "1203749876543210", "application/pdf", None, "nib-keripik-apel.pdf"
    )
    assert event == expected


async def test_number_shared_on_whatsapps_request_is_own(wa: WhatsApp) -> None:
    event = await event_of(wa, load_payload("contacts"))
    assert event == ContactShared("+62 812-3456-7890", is_own=True)


async def test_contact_card_of_someone_else_is_not_own(wa: WhatsApp) -> None:
    card = [{"name": {"formatted_name": "Budi"}, "phones": [{"wa_id": "6281399998888"}]}]
    payload = with_message(load_payload("contacts"), origin="other", contacts=card)
    assert await event_of(wa, payload) == ContactShared("+6281399998888", is_own=False)


async def test_other_messages_are_unsupported(wa: WhatsApp) -> None:
    assert await event_of(wa, load_payload("sticker")) == UnsupportedReceived("sticker")
    assert await event_of(wa, load_payload("voice")) == UnsupportedReceived("voice")
    assert await event_of(wa, load_payload("location")) == UnsupportedReceived("location")
    assert await event_of(wa, load_payload("video")) == UnsupportedReceived("video")


async def test_a_contact_without_user_id_is_keyed_by_its_number(wa: WhatsApp) -> None:
    payload = load_payload("text_without_user_id")
    complete_update(payload)
    message = Message.from_update(client=wa, update=raw(payload))
    assert sender_of(message.from_user) == Sender(
        "whatsapp", "6281234567890", verified_phone="+6281234567890"
    )


async def test_reply_button_and_list_row_carry_the_engine_token(wa: WhatsApp) -> None:
    button = CallbackButton.from_update(client=wa, update=raw(load_payload("button_reply")))
    selection = CallbackSelection.from_update(client=wa, update=raw(load_payload("list_reply")))
    assert event_from_choice(button) == ButtonPressed("1.0")
    assert event_from_choice(selection) == ButtonPressed("1.0")


async def test_send_my_number_shares_the_number_whatsapp_verified(wa: WhatsApp) -> None:
    reply = {"type": "button_reply", "button_reply": {"id": OWN_NUMBER, "title": "📱 Kirim"}}
    payload = with_message(load_payload("button_reply"), interactive=reply)
    button = CallbackButton.from_update(client=wa, update=raw(payload))
    assert event_from_choice(button) == ContactShared("+6281234567890", is_own=True)


async def test_sender_is_keyed_by_the_business_scoped_user_id(wa: WhatsApp) -> None:
    message = Message.from_update(client=wa, update=raw(load_payload("text")))
    assert sender_of(message.from_user) == Sender(
        "whatsapp", "ID.1234567890123456", verified_phone="+6281234567890"
    )
