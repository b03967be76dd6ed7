"""The Graph API transport, timing and counting every message sent (``bot.metrics``)."""

from __future__ import annotations

import json
import time

import httpx

from bot.metrics import record_send, send_failure_reason
from bot.whatsapp.updates import CHANNEL

SLOW_DOWN_CODES = frozenset({4, 80007, 130429, 131056})
"""Cloud API errors that ask to send less (rate and throughput limits): counted as a 429."""


class MeasuredSends(httpx.AsyncHTTPTransport):
    """Times each ``POST …/messages`` and counts its outcome; other calls pass untouched."""

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if request.method != "POST" or not request.url.path.endswith("/messages"):
            return await super().handle_async_request(request)
        started = time.perf_counter()
        try:
            response = await super().handle_async_request(request)
        except httpx.TransportError:
            record_send(CHANNEL, time.perf_counter() - started, "network")
            raise
        failure = None
        if response.status_code >= 400:
            await response.aread()
            failure = reason(response)
        record_send(CHANNEL, time.perf_counter() - started, failure)
        return response


def reason(response: httpx.Response) -> str:
    """A refusal that asks to slow down is a 429 whatever its HTTP status."""
    try:
        code = json.loads(response.content)["error"]["code"]
    except (ValueError, KeyError, TypeError):
        code = None
    if code in SLOW_DOWN_CODES:
        return "429"
    return send_failure_reason(response.status_code)
