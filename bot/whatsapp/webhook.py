"""The WhatsApp Cloud API webhook: verified, signed, and answered only once stored.

Meta redelivers a message whose webhook was not answered with 200, so the answer waits until
every message of the request has been committed by the engine (sending the replies comes after,
in the chat's lane). A malformed body gets 400, an oversized one 413, a bad signature 401, and a
database that could not store the update 503, so Meta delivers it again.
"""

from __future__ import annotations

import asyncio
import contextvars
import json
import logging
from collections.abc import Awaitable, Callable

from pywa import utils
from pywa_async.client import WhatsApp
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from bot.acks import UpdateNotDurable

log = logging.getLogger(__name__)

MAX_BODY_BYTES = 1_000_000
"""Far above any Cloud API webhook (a few kB), far below what could exhaust memory."""

ACCEPTED: contextvars.ContextVar[list[asyncio.Future[None]] | None] = contextvars.ContextVar(
    "accepted_whatsapp_updates", default=None
)
"""The durability futures of the messages the current webhook request carries."""


def accepted(durable: asyncio.Future[None]) -> None:
    """Makes the webhook request being handled wait for ``durable`` before it answers."""
    waiting = ACCEPTED.get()
    if waiting is not None:
        waiting.append(durable)


def routes(wa: WhatsApp) -> tuple[Callable[[Request], Awaitable[Response]], ...]:
    """The verification (GET) and update (POST) endpoints."""

    async def verify(request: Request) -> Response:
        params = request.query_params
        content, status = await wa.webhook_challenge_handler(
            vt=params.get(utils.HUB_VT), ch=params.get(utils.HUB_CH)
        )
        return PlainTextResponse(content or "", status_code=status)

    async def receive(request: Request) -> Response:
        body = await read_body(request)
        if body is None:
            return PlainTextResponse("Payload Too Large", status_code=413)
        refused = await wa.webhook_update_validator(body, request.headers.get(utils.HUB_SIG))
        if refused is not None:
            return PlainTextResponse(refused[0], status_code=refused[1])
        if not is_json_object(body):
            return PlainTextResponse("Bad Request", status_code=400)
        waiting: list[asyncio.Future[None]] = []
        token = ACCEPTED.set(waiting)
        try:
            await wa.webhook_update_handler(body)
        finally:
            ACCEPTED.reset(token)
        try:
            await asyncio.gather(*waiting)
        except UpdateNotDurable as failure:
            log.warning("WhatsApp update not stored (%s): asking for it again", failure)
            return PlainTextResponse("Service Unavailable", status_code=503)
        return PlainTextResponse("ok")

    return verify, receive


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


def is_json_object(body: bytes) -> bool:
    try:
        return isinstance(json.loads(body), dict)
    except ValueError:
        return False
