"""A local fake of the WhatsApp Cloud API (Graph API), plugged into pywa's httpx session.

Every call lands here: sent messages are checked against WhatsApp's limits and recorded as the
user's phone would show them; media lookups and downloads are answered from ``media``; uploads
(``POST /<phone id>/media``) are kept in ``uploads`` and images and documents sent by their
media id are checked against WhatsApp's types and sizes. Nothing reaches the network.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from email.message import Message
from email.parser import BytesParser
from typing import Any

import httpx

MEDIA_HOST = "lookaside.fbsbx.test"

LIMITS = {
    "text": 4096,
    "body": 1024,
    "buttons": 3,
    "button title": 20,
    "list button": 20,
    "rows": 10,
    "section title": 24,
    "row title": 24,
    "row description": 72,
    "image bytes": 5 * 1024 * 1024,
    "document bytes": 100 * 1024 * 1024,
}
IMAGE_TYPES = frozenset({"image/jpeg", "image/png"})
DOCUMENT_TYPES = frozenset(
    {
        "text/plain",
        "application/pdf",
        "application/vnd.ms-excel",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/msword",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    }
)


@dataclass(frozen=True)
class Row:
    id: str
    title: str
    description: str | None = None


@dataclass
class SentMessage:
    """A message the bot sent, as the user's phone would show it."""

    to: str
    kind: str
    """``text``, ``button`` (reply buttons), ``list`` or ``request_contact_info``."""
    text: str
    buttons: list[Row] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    list_button: str | None = None
    section_titles: list[str] = field(default_factory=list)
    template: str | None = None
    """The template's name and language (``name/id``) for a template message."""
    id: str = ""
    """The ``wamid`` the Cloud API answered with."""
    media: Media | None = None
    """The uploaded file an image or document message shows."""
    filename: str | None = None

    @property
    def choices(self) -> list[Row]:
        return self.buttons + self.rows

    @property
    def labels(self) -> list[str]:
        return [choice.title for choice in self.choices]


@dataclass
class Media:
    data: bytes
    mime_type: str
    filename: str | None = None


class FakeGraph:
    """Answers Graph API requests like the Cloud API would, and records sent messages."""

    def __init__(self) -> None:
        self.sent: list[SentMessage] = []
        self.problems: list[str] = []
        self.media: dict[str, Media] = {}
        self.requests: list[httpx.Request] = []
        self.uploads: dict[str, Media] = {}
        self.expired: set[str] = set()
        """Uploaded media ids the Cloud API no longer knows (more than 30 days old)."""
        self.refuse_uploads = False
        self._ids = itertools.count(1)
        self.refuse: Callable[[dict[str, Any]], str | None] | None = None
        """Given a message to send, the Cloud API's error message to answer with, or None."""
        self.refuse_code = 131_000
        """The error code of a refusal (131000 is retried; 131026, undeliverable, is not)."""
        self._media_ids = itertools.count(8_800_000_000_001)

    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self.handle)

    def handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        path = request.url.path.strip("/").split("/")
        if request.url.host == MEDIA_HOST:
            return httpx.Response(200, content=self.media[request.url.params["mid"]].data)
        if request.method == "POST" and path[-1] == "messages":
            return self._send(json.loads(request.content))
        if request.method == "POST" and path[-1] == "media":
            return self._upload(request)
        if request.method == "GET" and path[-1] in self.media:
            return self._media_info(path[-1])
        self.problems.append(f"unexpected call {request.method} {request.url}")
        return httpx.Response(400, json={"error": {"code": 100, "message": "unexpected call"}})

    def _send(self, payload: dict[str, Any]) -> httpx.Response:
        if self.refuse is not None and (reason := self.refuse(payload)) is not None:
            error = {
                "code": self.refuse_code,
                "message": reason,
                "type": "OAuthException",
                "error_data": {"details": reason},
                "fbtrace_id": "AtraceId42",
            }
            return httpx.Response(400, json={"error": error})
        to = payload.get("to") or payload["recipient"]
        message = parse_message(to, payload)
        if message.kind in ("image", "document"):
            media_id = payload[message.kind]["id"]
            if media_id in self.expired:
                error = {"code": 131053, "message": "Media upload error", "type": "OAuthException"}
                return httpx.Response(400, json={"error": error})
            message.media = self.uploads.get(media_id)
            if message.media is None:
                self.problems.append(f"unknown media id {media_id}")
        self.problems += [f"{problem} in {message}" for problem in check_limits(message)]
        message.id = f"wamid.OUT{next(self._ids)}"
        self.sent.append(message)
        key = "user_id" if "recipient" in payload else "wa_id"
        return httpx.Response(
            200,
            json={
                "messaging_product": "whatsapp",
                "contacts": [{"input": to, key: to}],
                "messages": [{"id": message.id}],
            },
        )

    def _upload(self, request: httpx.Request) -> httpx.Response:
        """A multipart upload: the file, ``messaging_product`` and its ``type``."""
        if self.refuse_uploads:
            error = {"code": 131053, "message": "Media upload error", "type": "OAuthException"}
            return httpx.Response(400, json={"error": error})
        head = f"Content-Type: {request.headers['content-type']}\r\n\r\n".encode()
        parts: dict[str, Message] = {
            str(part.get_param("name", header="content-disposition")): part
            for part in BytesParser().parsebytes(head + request.content).get_payload()
            if isinstance(part, Message)
        }
        file = parts["file"]
        data = file.get_payload(decode=True)
        assert isinstance(data, bytes)
        media_id = str(next(self._media_ids))
        self.uploads[media_id] = Media(data, file.get_content_type(), file.get_filename())
        if parts["messaging_product"].get_payload() != "whatsapp":
            self.problems.append("upload without messaging_product=whatsapp")
        return httpx.Response(200, json={"id": media_id})

    def requests_for_media(self) -> list[httpx.Request]:
        """Lookups and downloads of received media (uploads are not counted)."""
        return [request for request in self.requests if request.method == "GET"]

    def _media_info(self, media_id: str) -> httpx.Response:
        media = self.media[media_id]
        return httpx.Response(
            200,
            json={
                "messaging_product": "whatsapp",
                "url": f"https://{MEDIA_HOST}/whatsapp_business/attachments/?mid={media_id}",
                "mime_type": media.mime_type,
                "sha256": "0" * 64,
                "file_size": len(media.data),
                "id": media_id,
            },
        )

    def sent_to(self, recipient: str) -> list[SentMessage]:
        return [message for message in self.sent if message.to == recipient]


def parse_message(to: str, payload: dict[str, Any]) -> SentMessage:
    if payload["type"] == "text":
        return SentMessage(to, "text", payload["text"]["body"])
    if payload["type"] in ("image", "document"):
        kind = payload["type"]
        content = payload[kind]
        return SentMessage(to, kind, content.get("caption", ""), filename=content.get("filename"))
    if payload["type"] == "template":
        template = payload["template"]
        body = next(c for c in template["components"] if c["type"] == "body")
        name = f"{template['name']}/{template['language']['code']}"
        return SentMessage(to, "template", body["parameters"][0]["text"], template=name)
    interactive = payload["interactive"]
    kind, action = interactive["type"], interactive["action"]
    message = SentMessage(to, kind, interactive.get("body", {}).get("text", ""))
    if kind == "button":
        message.buttons = [
            Row(button["reply"]["id"], button["reply"]["title"]) for button in action["buttons"]
        ]
    elif kind == "list":
        message.list_button = action["button"]
        message.rows = [
            Row(row["id"], row["title"], row.get("description"))
            for section in action["sections"]
            for row in section["rows"]
        ]
        message.section_titles = [section["title"] for section in action["sections"]]
    return message


def check_media(message: SentMessage) -> list[str]:
    """What the Cloud API refuses in an image or document message."""
    media = message.media
    if media is None:
        return []
    if message.kind == "image":
        problems = [] if media.mime_type in IMAGE_TYPES else [f"image type {media.mime_type}"]
    else:
        problems = [] if media.mime_type in DOCUMENT_TYPES else [f"document type {media.mime_type}"]
        problems += [] if message.filename else ["document without a file name"]
    name = f"{message.kind} bytes"
    if len(media.data) > LIMITS[name]:
        problems.append(f"{name} of {len(media.data)} > {LIMITS[name]}")
    return problems


def check_limits(message: SentMessage) -> list[str]:
    """Every limit of the Cloud API a sent message exceeds."""
    if message.kind in ("image", "document"):
        return check_media(message)
    sizes: list[tuple[str, int]] = [
        ("text" if message.kind == "text" else "body", len(message.text)),
        ("buttons", len(message.buttons)),
        ("rows", len(message.rows)),
        ("list button", len(message.list_button or "")),
    ]
    sizes += [("button title", len(button.title)) for button in message.buttons]
    sizes += [("row title", len(row.title)) for row in message.rows]
    sizes += [("row description", len(row.description or "")) for row in message.rows]
    sizes += [("section title", len(title)) for title in message.section_titles]
    problems = [f"{name} of {size} > {LIMITS[name]}" for name, size in sizes if size > LIMITS[name]]
    if not message.text.strip():
        problems.append("empty text")
    if message.kind == "list" and not message.rows:
        problems.append("list without rows")
    problems += [
        f"row title {row.title!r} cut without the whole label below it"
        for row in message.rows
        if row.title.endswith("…") and not (row.description or "").startswith(row.title[:-1])
    ]
    return problems
