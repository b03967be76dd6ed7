"""``/readyz`` of a real ``serve`` process: 503 while its database cannot be reached (a TCP proxy
in front of PostgreSQL, closed and opened again, so the shared server keeps running) or while
the schema is one migration behind, and 200 again once that is over. ``/healthz`` stays 200."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from alembic import command
from sqlalchemy.engine import make_url

from bot.migrate import alembic_config
from bot.settings import Settings
from tests.conftest import POSTGRES_URL
from tests.support.bot_process import BotProcess, free_port

READY_SECONDS = 15.0


class TcpProxy:
    """Forwards 127.0.0.1:``port`` to a target port until closed, cutting every connection."""

    def __init__(self, target: int) -> None:
        self.target = target
        self.port = free_port()
        self._server: asyncio.Server | None = None
        self._streams: set[asyncio.StreamWriter] = set()

    async def open(self) -> None:
        self._server = await asyncio.start_server(self._connect, "127.0.0.1", self.port)

    async def close(self) -> None:
        if self._server is None:
            return
        self._server.close()
        self._server = None
        for stream in self._streams:
            stream.transport.abort()
        self._streams.clear()

    async def _connect(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            upstream_reader, upstream_writer = await asyncio.open_connection(
                "127.0.0.1", self.target
            )
        except OSError:
            writer.transport.abort()
            return
        self._streams |= {writer, upstream_writer}
        await asyncio.gather(
            self._pipe(reader, upstream_writer), self._pipe(upstream_reader, writer)
        )

    @staticmethod
    async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        with contextlib.suppress(OSError):
            while data := await reader.read(65536):
                writer.write(data)
                await writer.drain()
        writer.transport.abort()


@pytest.fixture
async def proxy(settings: Settings) -> AsyncIterator[TcpProxy | None]:
    """On PostgreSQL, a proxy in front of the test's server; None on SQLite."""
    if not POSTGRES_URL:
        yield None
        return
    proxy = TcpProxy(make_url(settings.database_url).port or 5432)
    await proxy.open()
    yield proxy
    await proxy.close()


@pytest.fixture
async def serve(
    settings: Settings, proxy: TcpProxy | None, tmp_path: Path
) -> AsyncIterator[BotProcess]:
    """A ``serve`` process, on PostgreSQL reaching its database through ``proxy``."""
    if proxy is not None:
        url = make_url(settings.database_url).set(host="127.0.0.1", port=proxy.port)
        settings = settings.model_copy(
            update={"database_url": url.render_as_string(hide_password=False)}
        )
    bot = BotProcess(settings, tmp_path, "serve")
    try:
        yield await bot.start()
    finally:
        await bot.close()


async def readiness(bot: BotProcess, expected: int, reason: str = "") -> None:
    """Waits until ``/readyz`` answers ``expected`` (with ``reason``); ``/healthz`` stays 200."""
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{bot.port}", timeout=10) as client:
        answer = None
        for _ in range(int(READY_SECONDS / 0.1)):
            answer = await client.get("/readyz")
            if answer.status_code == expected and reason in answer.text:
                assert (await client.get("/healthz")).status_code == 200
                return
            await asyncio.sleep(0.1)
        assert answer is not None
        raise AssertionError(f"/readyz answered {answer.status_code} {answer.text!r}")


async def test_readyz_is_503_while_the_schema_is_behind(
    serve: BotProcess, settings: Settings
) -> None:
    await readiness(serve, 200, "ready")
    config = alembic_config(settings.database_url)
    await asyncio.to_thread(command.downgrade, config, "-1")
    try:
        await readiness(serve, 503, "schema not current")
    finally:
        await asyncio.to_thread(command.upgrade, config, "heads")
    await readiness(serve, 200, "ready")


@pytest.mark.skipif(not POSTGRES_URL, reason="a PostgreSQL server that can become unreachable")
async def test_readyz_is_503_while_postgresql_cannot_be_reached(
    serve: BotProcess, proxy: TcpProxy
) -> None:
    await readiness(serve, 200, "ready")
    await proxy.close()
    await readiness(serve, 503, "database unreachable")
    await proxy.open()
    await readiness(serve, 200, "ready")
