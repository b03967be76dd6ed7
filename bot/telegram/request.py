"""python-telegram-bot's HTTP transport on aiohttp instead of httpx.

With replies of many chats in flight at once, httpx's connection pool (httpcore 1.0) walks every
connection, probing each socket, for every request it queues or finishes: at 50 updates per
second and a 100 ms round trip it took 40 % of the bot's CPU (``bench/load.py``, py-spy).
aiohttp's connector hands out a free connection without that walk.
"""

from __future__ import annotations

import time
from typing import Any

import aiohttp
from telegram._utils.defaultvalue import DefaultValue
from telegram._utils.types import ODVInput
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData

from bot.metrics import record_send, send_failure_reason
from bot.telegram.updates import CHANNEL

CONNECTIONS = 256
"""Open connections to the Bot API at most (python-telegram-bot's default pool size)."""


class AiohttpRequest(BaseRequest):
    """A ``BaseRequest`` with the timeouts of python-telegram-bot's ``HTTPXRequest``.

    Failures are raised as python-telegram-bot raises them (``TimedOut``, ``NetworkError``),
    with aiohttp's exception as the cause, which ``bot.telegram.errors`` reads to tell a request
    that never left from one that may have arrived.
    """

    __slots__ = ("_connections", "_session", "_timeouts")

    def __init__(
        self,
        connections: int = CONNECTIONS,
        *,
        read_timeout: float | None = 5.0,
        write_timeout: float | None = 5.0,
        connect_timeout: float | None = 5.0,
        pool_timeout: float | None = 1.0,
    ) -> None:
        self._connections = connections
        self._timeouts = {
            "read": read_timeout,
            "write": write_timeout,
            "connect": connect_timeout,
            "pool": pool_timeout,
        }
        self._session: aiohttp.ClientSession | None = None

    @property
    def read_timeout(self) -> float | None:
        return self._timeouts["read"]

    async def initialize(self) -> None:
        if self._session is None or self._session.closed:
            connector = aiohttp.TCPConnector(limit=self._connections, ttl_dns_cache=300)
            self._session = aiohttp.ClientSession(
                connector=connector, headers={"User-Agent": self.USER_AGENT}
            )

    async def shutdown(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        write_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        connect_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        pool_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        if self._session is None or self._session.closed:
            raise RuntimeError("AiohttpRequest is not initialized")
        pool, connect = self._given(pool_timeout, "pool"), self._given(connect_timeout, "connect")
        read, write = self._given(read_timeout, "read"), self._given(write_timeout, "write")
        timeout = aiohttp.ClientTimeout(
            connect=_sum(pool, connect),  # a free connection, opened: nothing sent yet
            sock_read=_sum(read, write),  # aiohttp does not time the writing on its own
        )
        measured = url.rsplit("/", 1)[-1].startswith("send")
        started = time.perf_counter()
        status: int | None = None
        try:
            async with self._session.request(
                method, url, data=_body(request_data), timeout=timeout
            ) as response:
                body = await response.read()
                status = response.status  # a body cut off half-way counts as a network failure
                return status, body
        except aiohttp.ConnectionTimeoutError as error:
            raise TimedOut("no connection to the Bot API in time (not sent)") from error
        except TimeoutError as error:
            raise TimedOut from error
        except aiohttp.ClientError as error:
            raise NetworkError(f"aiohttp.{type(error).__name__}: {error}") from error
        finally:
            if measured:
                failure = None if status == 200 else send_failure_reason(status)
                record_send(CHANNEL, time.perf_counter() - started, failure)

    def _given(self, value: ODVInput[float], name: str) -> float | None:
        return self._timeouts[name] if isinstance(value, DefaultValue) else value


def _sum(first: float | None, second: float | None) -> float | None:
    return None if first is None or second is None else first + second


def _body(request_data: RequestData | None) -> Any:
    """The form python-telegram-bot would post: urlencoded, or multipart with its files."""
    if request_data is None:
        return None
    parameters = request_data.json_parameters
    if not request_data.contains_files:
        return parameters
    form = aiohttp.FormData(quote_fields=False)
    for name, value in parameters.items():
        form.add_field(name, value)
    for name, (filename, content, mime_type) in request_data.multipart_data.items():
        form.add_field(name, content, filename=filename, content_type=mime_type)
    return form
