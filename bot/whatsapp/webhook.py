"""The WhatsApp Cloud API webhook: verified, signed, and answered only once stored.

Meta redelivers a message whose webhook was not answered with 200, so the answer waits until
every message of the request has been committed by the engine (sending the replies comes after,
in the chat's lane). A malformed body gets 400, an oversized one 413, a bad signature 401, and a
database that could not store the update 503, so Meta delivers it again. A body is malformed
when it is not JSON (nested too deep included), when its envelope (``entry``, ``changes``,
``value`` and its lists) is not shaped as the Cloud API shapes it, or when pywa or the bot cannot
read the message it carries (:func:`malformed`).
"""

from __future__ import annotations

import asyncio
import contextvars
import json
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from pywa import utils
from pywa_async.client import WhatsApp
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from bot.acks import UpdateNotDurable
from bot.lanes import ChatLanes

log = logging.getLogger(__name__)

MAX_BODY_BYTES = 1_000_000
"""Far above any Cloud API webhook (a few kB), far below what could exhaust memory."""

VALUE_LISTS = ("contacts", "messages", "statuses", "errors")
"""The lists a change's value may carry, each of JSON objects."""


@dataclass
class Received:
    """What handling the current webhook request found: the durability futures of the
    messages it carries, and whether one of them could not be read."""

    waiting: list[asyncio.Future[None]] = field(default_factory=list)
    malformed: bool = False


RECEIVED: contextvars.ContextVar[Received | None] = contextvars.ContextVar(
    "received_whatsapp_request", default=None
)


def accepted(durable: asyncio.Future[None]) -> None:
    """Makes the webhook request being handled wait for ``durable`` before it answers."""
    received = RECEIVED.get()
    if received is not None:
        received.waiting.append(durable)


def malformed() -> None:
    """Makes the webhook request being handled answer 400: what it carries cannot be read."""
    received = RECEIVED.get()
    if received is not None:
        received.malformed = True


def routes(wa: WhatsApp, lanes: ChatLanes) -> tuple[Callable[[Request], Awaitable[Response]], ...]:
    """The verification (GET) and update (POST) endpoints."""

    async def verify(request: Request) -> Response:
        params = request.query_params
        content, status = await wa.webhook_challenge_handler(
            vt=params.get(utils.HUB_VT), ch=params.get(utils.HUB_CH)
        )
        return PlainTextResponse(content or "", status_code=status)

    async def receive(request: Request) -> Response:
        if lanes.full:
            return busy()
        body = await read_body(request)
        if body is None:
            return PlainTextResponse("Payload Too Large", status_code=413)
        refused = await wa.webhook_update_validator(body, request.headers.get(utils.HUB_SIG))
        if refused is not None:
            return PlainTextResponse(refused[0], status_code=refused[1])
        if not is_envelope(read_json(body)):
            return PlainTextResponse("Bad Request", status_code=400)
        received = Received()
        token = RECEIVED.set(received)
        try:
            await wa.webhook_update_handler(body)
        finally:
            RECEIVED.reset(token)
        try:
            await asyncio.gather(*received.waiting)
        except UpdateNotDurable as failure:
            log.warning("WhatsApp update not stored (%s): asking for it again", failure)
            return PlainTextResponse("Service Unavailable", status_code=503)
        if received.malformed:
            return PlainTextResponse("Bad Request", status_code=400)
        return PlainTextResponse("ok")

    return verify, receive


RETRY_AFTER_SECONDS = 1


def busy() -> Response:
    """The answer while the process has a full backlog: deliver it again in a moment."""
    headers = {"Retry-After": str(RETRY_AFTER_SECONDS)}
    return PlainTextResponse("Service Unavailable", status_code=503, headers=headers)


async def read_body(request: Request) -> bytes | None:
    """The body, or None when it is larger than :data:`MAX_BODY_BYTES`."""
    declared = request.headers.get("content-length", "")
    if declared.isdecimal() and int(declared) > MAX_BODY_BYTES:
        return None
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_BODY_BYTES:
            return None
    return bytes(body)


def read_json(body: bytes) -> object:
    """The JSON document in a body; None for anything that is not JSON, or nested too deep for
    the parser."""
    try:
        return json.loads(body)
    except (ValueError, RecursionError):
        return None


def is_envelope(data: object) -> bool:
    """Whether ``data`` is shaped as the Cloud API's webhooks: entries of changes, each with a
    field and a value, whose lists hold objects."""
    if not isinstance(data, dict) or not _objects(data.get("entry")) or not data["entry"]:
        return False
    for entry in data["entry"]:
        if not _objects(entry.get("changes")) or not entry["changes"]:
            return False
        for change in entry["changes"]:
            value = change.get("value")
            if not isinstance(change.get("field"), str) or not isinstance(value, dict):
                return False
            if not all(_objects(value.get(name, [])) for name in VALUE_LISTS):
                return False
            statuses = value.get("statuses", [])
            if not all(_objects(status.get("errors", [])) for status in statuses):
                return False
    return True


def _objects(value: object) -> bool:
    """Whether ``value`` is a list of JSON objects."""
    return isinstance(value, list) and all(isinstance(item, dict) for item in value)
