"""Prometheus (Debian's package) scrapes a real ``serve`` under a short load, with one worker
process and with two: its HTTP API answers the updates counted by kind, the handling histogram's
count, the messages sent and refused and the registrations by status, each update counted once
whichever worker handled it. The metrics are never on the webhook port."""

from __future__ import annotations

import asyncio
import json
import os
import socket
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from bot.metrics_server import MULTIPROCESS_DIR, metrics_served
from bot.settings import Settings
from bot.wiring import build_services
from models.entities import Vendor
from tests.support.bot_api_server import BotApiServer
from tests.support.bot_process import (
    SECRET,
    SECRET_HEADER,
    BotProcess,
    free_port,
    process_settings,
    text_update,
)
from tests.support.components import require_program

CHATS = range(8)
SCRIPT = (("/start", "Selamat datang"), ("/daftar", "pemberitahuan privasi"))
ANSWER = ("Saya setuju", "Langkah 1 dari")
REFUSED_CHAT = 80_100
"""Telegram refuses every message to this chat (as a chat that no longer exists)."""
SCRAPE_SECONDS = 15.0


@pytest.fixture
async def api() -> AsyncIterator[BotApiServer]:
    with BotApiServer() as server:
        yield server


class Prometheus:
    """A Prometheus server scraping one target every second, with its own storage."""

    def __init__(self, workdir: Path, target: str) -> None:
        self.port = free_port()
        self._workdir = workdir
        config = workdir / "prometheus.yml"
        config.write_text(
            "global: {scrape_interval: 1s, evaluation_interval: 1s}\n"
            "scrape_configs:\n"
            f"  - job_name: umkm-bot\n    static_configs: [{{targets: ['{target}']}}]\n"
        )
        self._command = [
            require_program("prometheus"),
            f"--config.file={config}",
            f"--storage.tsdb.path={workdir / 'tsdb'}",
            f"--web.listen-address=127.0.0.1:{self.port}",
        ]
        self._process: asyncio.subprocess.Process | None = None
        self._client = httpx.AsyncClient(base_url=f"http://127.0.0.1:{self.port}", timeout=5)

    async def __aenter__(self) -> Prometheus:
        with (self._workdir / "prometheus.log").open("ab") as log:
            self._process = await asyncio.create_subprocess_exec(
                "timeout", "120", *self._command, stdout=log, stderr=log
            )
        return self

    async def __aexit__(self, *_: object) -> None:
        if self._process is not None and self._process.returncode is None:
            self._process.terminate()
            await self._process.wait()
        await self._client.aclose()

    async def value(self, query: str) -> float | None:
        """The query's single value now; None before the first scrape answers it."""
        try:
            response = await self._client.get("/api/v1/query", params={"query": query})
        except httpx.TransportError:
            return None
        result = response.json()["data"]["result"] if response.status_code == 200 else []
        return float(result[0]["value"][1]) if result else None

    async def until(self, query: str, expected: float) -> None:
        """Waits until the query answers ``expected``: never more, never stuck below."""
        seen = None
        for _ in range(int(SCRAPE_SECONDS / 0.25)):
            seen = await self.value(query)
            if seen == expected:
                return
            await asyncio.sleep(0.25)
        raise AssertionError(f"{query} = {seen}, expected {expected}")


async def post(bot: BotProcess, update: dict[str, object]) -> None:
    """A new connection for each update, so that every worker of the port gets some."""
    async with httpx.AsyncClient(timeout=10) as client:
        url = f"http://127.0.0.1:{bot.port}/telegram/webhook"
        response = await client.post(url, json=update, headers={SECRET_HEADER: SECRET})
        assert response.status_code == 200


async def converse(bot: BotProcess, api: BotApiServer, chat: int) -> None:
    for text, reply in (*SCRIPT, ANSWER):
        seen = len(api.messages_to(chat))
        await post(bot, text_update(chat, text))
        for _ in range(500):
            if any(reply in message.text for message in api.messages_to(chat)[seen:]):
                break
            await asyncio.sleep(0.02)
        else:
            raise AssertionError(f"no reply to {text!r} in chat {chat}")


async def refused_once(api: BotApiServer) -> None:
    for _ in range(500):
        with api.api.lock:
            if any(int(call.params.get("chat_id", 0)) == REFUSED_CHAT for call in api.api.calls):
                return
        await asyncio.sleep(0.02)
    raise AssertionError("the bot never tried to answer the refused chat")


def refusing(chat_id: int) -> Any:
    def refuse(method: str, params: dict[str, Any]) -> str | None:
        if method.startswith("send") and int(params.get("chat_id", 0)) == chat_id:
            return "Bad Request: chat not found"
        return None

    return refuse


async def vendors_by_status(settings: Settings) -> dict[str, int]:
    services = build_services(settings)
    try:
        async with services.uow_factory() as uow:
            query = select(Vendor.status, func.count()).group_by(Vendor.status)
            return {str(status): n for status, n in (await uow.session.execute(query)).all()}
    finally:
        await services.close()


@pytest.mark.parametrize("workers", [1, 2])
async def test_prometheus_reads_every_workers_counts_once(
    settings: Settings, api: BotApiServer, tmp_path: Path, workers: int
) -> None:
    require_program("prometheus")
    metrics_port = free_port()
    served = process_settings(settings, api.base_url).model_copy(
        update={
            "web_workers": workers,
            "metrics_port": metrics_port,
            "log_format": "json",
            "log_level": "DEBUG",
        }
    )
    bot = BotProcess(served, tmp_path, "serve")
    try:
        await bot.start()  # first: starting both at once on a busy machine takes long
        async with Prometheus(tmp_path, f"127.0.0.1:{metrics_port}") as prometheus:
            await asyncio.gather(*(converse(bot, api, 80_001 + chat) for chat in CHATS))
            api.api.refuse = refusing(REFUSED_CHAT)
            await post(bot, text_update(REFUSED_CHAT, "/start"))
            await refused_once(api)
            updates = len(CHATS) * 3 + 1

            await prometheus.until("sum(umkm_bot_updates_total)", updates)
            await prometheus.until('umkm_bot_updates_total{kind="command"}', len(CHATS) * 2 + 1)
            await prometheus.until('umkm_bot_updates_total{kind="text"}', len(CHATS))
            await prometheus.until("sum(umkm_bot_update_handling_seconds_count)", updates)
            await prometheus.until("umkm_bot_updates_in_flight", 0)
            sends = [call for call in api.api.calls if call.method.startswith("send")]
            refused = [call for call in sends if int(call.params["chat_id"]) == REFUSED_CHAT]
            await prometheus.until(
                'umkm_bot_messages_sent_total{channel="telegram"}', len(sends) - len(refused)
            )
            await prometheus.until(
                'umkm_bot_send_failures_total{channel="telegram",reason="refused"}', len(refused)
            )
            for status, count in (await vendors_by_status(settings)).items():
                await prometheus.until(f'umkm_bot_registrations{{status="{status}"}}', count)
            await prometheus.until("umkm_bot_outbox_waiting", 0)
            await prometheus.until("umkm_bot_database_up", 1)
            await prometheus.until('up{job="umkm-bot"}', 1)
            async with httpx.AsyncClient() as client:
                public = await client.get(f"http://127.0.0.1:{bot.port}/metrics")
            assert public.status_code == 404
    finally:
        await bot.close()
    handled_by = {
        line["process"]
        for line in map(json.loads, bot.log.read_text().splitlines())
        if line.get("channel") == "telegram" and "update_id" in line
    }
    assert len(handled_by) == workers


def test_a_taken_metrics_port_is_logged_and_the_bot_runs_on(
    settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with metrics_served(settings.model_copy(update={"metrics_port": port})):
            served = True
    assert served
    assert f"metrics not served on 127.0.0.1:{port}" in caplog.text


def test_workers_values_live_in_a_folder_of_this_run_only(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(MULTIPROCESS_DIR, raising=False)
    port = free_port()
    with metrics_served(settings.model_copy(update={"metrics_port": port}), workers=2):
        folder = Path(os.environ[MULTIPROCESS_DIR])
        assert folder.is_dir()
        page = httpx.get(f"http://127.0.0.1:{port}/metrics", timeout=5).text
        assert 'umkm_bot_build_info{version="' in page
        assert "umkm_bot_database_up 1.0" in page
    assert not folder.exists() and MULTIPROCESS_DIR not in os.environ
