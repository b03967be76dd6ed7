"""Drives the web application as WhatsApp users would: signed Cloud API webhooks in (built from
the JSON payloads in ``payloads/``), and what the fake Graph API received out."""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from pydantic import SecretStr

from bot.settings import Settings
from bot.web import build_web_app
from bot.whatsapp.client import WEBHOOK_PATH
from bot.wiring import Services, build_services
from tests.support.clock import FakeClock
from tests.whatsapp.fake_graph import FakeGraph, Row, SentMessage

PAYLOADS = Path(__file__).parent / "payloads"
PHONE_NUMBER_ID = "106540352242922"
APP_SECRET = "test-app-secret"
VERIFY_TOKEN = "test-verify-token"

_MESSAGE_IDS = itertools.count(1)
"""WhatsApp message ids are unique, across restarts too."""


def whatsapp_settings(settings: Settings) -> Settings:
    return settings.model_copy(
        update={
            "whatsapp_phone_number_id": PHONE_NUMBER_ID,
            "whatsapp_access_token": SecretStr("test-access-token-never-sent-anywhere"),
            "whatsapp_app_secret": SecretStr(APP_SECRET),
            "whatsapp_verify_token": SecretStr(VERIFY_TOKEN),
            "whatsapp_api_base_url": "https://graph.test",
        }
    )


def load_payload(name: str) -> dict[str, Any]:
    result: dict[str, Any] = json.loads((PAYLOADS / f"{name}.json").read_text(encoding="utf-8"))
    return result


def signature(body: bytes, secret: str = APP_SECRET) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


@dataclass
class WhatsAppServer:
    """The running web application, its fake Graph API, and an HTTP client that reaches it
    in process."""

    client: httpx.AsyncClient
    graph: FakeGraph
    services: Services
    resends: list[Callable[[], Awaitable[None]]]

    async def sweep(self) -> None:
        """What the background sweep does besides the outbox: asks again what never arrived."""
        for resend in self.resends:
            await resend()
        await self.settled()

    async def post(self, payload: dict[str, Any], *, sign: bool = True) -> httpx.Response:
        body = json.dumps(payload).encode()
        headers = {"Content-Type": "application/json"}
        if sign:
            headers["X-Hub-Signature-256"] = signature(body)
        return await self.client.post(WEBHOOK_PATH, content=body, headers=headers)

    async def settled(self) -> None:
        """Waits for the replies, sent after the webhook's answer, and the notices."""
        await self.services.lanes.drain()
        await self.services.outbox.settled()

    async def status(
        self, name: str, message: SentMessage, error: dict[str, Any] | None = None
    ) -> None:
        """Posts the status webhook ``name`` (a payload fixture) about a message the bot sent,
        with ``error`` instead of the fixture's."""
        payload = load_payload(name)
        value = payload["entry"][0]["changes"][0]["value"]
        value.pop("contacts", None)  # status webhooks name the recipient in the status
        status = value["statuses"][0]
        status.update(id=message.id, recipient_user_id=message.to)
        if error is not None:
            status["errors"] = [error]
        response = await self.post(payload)
        assert response.status_code == 200, response.text
        assert not self.graph.problems, self.graph.problems

    def user(
        self, bsuid: str = "ID.1234567890123456", number: str | None = "6281234567890"
    ) -> WhatsAppUser:
        """A user; ``number=None`` is one who turned on usernames, so WhatsApp hides it."""
        return WhatsAppUser(self, bsuid, number)


@asynccontextmanager
async def running_server(settings: Settings, clock: FakeClock) -> AsyncIterator[WhatsAppServer]:
    """The web application as ``serve`` builds it, with a fake Graph API behind pywa."""
    graph = FakeGraph()
    services = build_services(settings, clock)
    app = build_web_app(
        settings, services, graph_session=httpx.AsyncClient(transport=graph.transport())
    )
    transport = httpx.ASGITransport(app)
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(transport=transport, base_url="https://bot.test") as client,
    ):
        yield WhatsAppServer(client, graph, services, app.state.resends)


@dataclass
class WhatsAppUser:
    """A WhatsApp user chatting with the bot; each action returns the messages received."""

    server: WhatsAppServer
    bsuid: str
    number: str | None

    @property
    def inbox(self) -> list[SentMessage]:
        return self.server.graph.sent_to(self.bsuid)

    @property
    def last(self) -> SentMessage:
        return self.inbox[-1]

    def payload(self, name: str, **fields: Any) -> dict[str, Any]:
        """The payload fixture ``name`` as sent by this user, a new message id, and ``fields``
        replacing fields of the message."""
        payload = load_payload(name)
        value = payload["entry"][0]["changes"][0]["value"]
        message, contact = value["messages"][0], value["contacts"][0]
        message.update(fields, id=f"wamid.TEST{next(_MESSAGE_IDS)}", from_user_id=self.bsuid)
        contact["user_id"] = self.bsuid
        if self.number is None:
            message.pop("from", None)
            contact.pop("wa_id", None)
        else:
            message["from"] = contact["wa_id"] = self.number
        return payload

    async def deliver(self, payload: dict[str, Any]) -> list[SentMessage]:
        """Posts a signed webhook and returns what the bot sent back, checked against limits."""
        before = len(self.inbox)
        response = await self.server.post(payload)
        assert response.status_code == 200, response.text
        await self.server.settled()
        assert not self.server.graph.problems, self.server.graph.problems
        return self.inbox[before:]

    async def send(self, name: str, **fields: Any) -> list[SentMessage]:
        return await self.deliver(self.payload(name, **fields))

    async def say(self, text: str) -> list[SentMessage]:
        return await self.send("text", text={"body": text})

    async def press(self, label: str) -> list[SentMessage]:
        """Presses the reply button or list row showing ``label`` on the newest message
        offering it (a shortened row title counts by its description)."""
        for message in reversed(self.inbox):
            for choice in message.choices:
                if label in choice.title or label in (choice.description or ""):
                    return await self.choose(message, choice)
        raise AssertionError(f"no choice {label!r}; last message: {self.last}")

    async def choose(self, message: SentMessage, choice: Row) -> list[SentMessage]:
        """Sends the reply WhatsApp sends when ``choice`` of ``message`` is tapped."""
        selected = {"id": choice.id, "title": choice.title}
        if choice.description:
            selected["description"] = choice.description
        kind = "button_reply" if message.kind == "button" else "list_reply"
        return await self.send(kind, interactive={"type": kind, kind: selected})

    async def share_number(self, phone: str) -> list[SentMessage]:
        """Answers WhatsApp's "share your phone number" request."""
        card = [{"name": {"formatted_name": "Siti Aminah"}, "phones": [{"phone": phone}]}]
        return await self.send("contacts", origin="contact_request", contacts=card)
