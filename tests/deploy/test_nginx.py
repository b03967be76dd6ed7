"""nginx, configured by ``deploy/nginx`` as a bureau that already runs it would (with a
certificate where certbot puts one), in front of a real ``serve``: ``nginx -t`` accepts it, both
webhooks reach the bot over HTTPS and the users are answered, every other path is 404, a body
over the cap is refused, and certbot's challenges are served on port 80."""

from __future__ import annotations

import json
import subprocess
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from bot.settings import Settings
from tests.conftest import POSTGRES_URL
from tests.deploy.graph_server import GraphServer
from tests.deploy.nginx import Nginx, command, configure, running_nginx
from tests.deploy.test_caddy import BSUID, post_telegram, whatsapp_text
from tests.support.bot_api_server import BotApiServer
from tests.support.bot_process import (
    SECRET,
    SECRET_HEADER,
    BotProcess,
    free_port,
    process_settings,
    text_update,
)
from tests.test_processes import reply, until
from tests.whatsapp.chat import signature, whatsapp_settings

pytestmark = pytest.mark.skipif(
    bool(POSTGRES_URL), reason="one database is enough for the front: runs in the SQLite run"
)

CHAT = 82_001


@pytest.fixture
def api() -> Iterator[BotApiServer]:
    with BotApiServer() as server:
        yield server


@pytest.fixture
def graph() -> Iterator[GraphServer]:
    with GraphServer() as server:
        yield server


@pytest.fixture
async def host(
    settings: Settings, api: BotApiServer, graph: GraphServer, tmp_path: Path
) -> AsyncIterator[BotProcess]:
    """A ``serve`` host on Telegram and WhatsApp, started."""
    on_both = whatsapp_settings(process_settings(settings, api.base_url)).model_copy(
        update={"whatsapp_api_base_url": graph.base_url}
    )
    bot = BotProcess(on_both, tmp_path, "host", free_port())
    try:
        yield await bot.start()
    finally:
        await bot.close()


@contextmanager
def started_nginx(folder: Path, upstream: int) -> Iterator[Nginx]:
    """nginx in front of ``upstream``, once ``nginx -t`` accepted its configuration."""
    config, served = configure(folder, upstream)
    tested = subprocess.run(
        command(config, "-t"), capture_output=True, text=True, timeout=30, check=False
    )
    assert tested.returncode == 0, tested.stderr
    assert "test is successful" in tested.stderr
    with running_nginx(config, served) as running:
        yield running


@pytest.fixture
def nginx(host: BotProcess, tmp_path: Path) -> Iterator[Nginx]:
    with started_nginx(tmp_path / "nginx", host.port) as running:
        yield running


async def test_both_webhooks_reach_the_bot_over_https_and_nothing_else_does(
    nginx: Nginx, host: BotProcess, api: BotApiServer, graph: GraphServer
) -> None:
    async with nginx.client() as client:
        assert await post_telegram(client, text_update(CHAT, "/start")) == 200
        await reply(api, CHAT, 0, "Selamat datang")

        body = json.dumps(whatsapp_text("halo")).encode()
        signed = {"Content-Type": "application/json", "X-Hub-Signature-256": signature(body)}
        response = await client.post("/whatsapp/webhook", content=body, headers=signed)
        assert response.status_code == 200, response.text
        await until(lambda: bool(graph.sent_to(BSUID)), "the WhatsApp user's answer")
        assert not graph.graph.problems

        assert (await client.post("/whatsapp/webhook", content=body)).status_code == 401
        assert (await client.get("/telegram/webhook")).status_code == 405  # the bot: POST only
        for path in ("/", "/healthz", "/readyz", "/telegram", "/telegram/webhook/x", "/.env"):
            assert (await client.get(path)).status_code == 404, path
        assert (await client.post("/admin", content=b"{}")).status_code == 404
        too_big = await client.post(
            "/telegram/webhook", content=b"x" * 2_000_000, headers={SECRET_HEADER: SECRET}
        )
        assert too_big.status_code == 413
    assert '"POST /telegram/webhook HTTP/1.1" 413' not in host.log.read_text()  # nginx's cap
    assert len(api.messages_to(CHAT)) == 1


async def test_port_80_serves_certbots_challenges_only(tmp_path: Path) -> None:
    with started_nginx(tmp_path, free_port()) as nginx:  # no bot behind it
        (nginx.challenges / "token-42").write_text("token-42.thumbprint")
        async with httpx.AsyncClient(base_url=nginx.http_url, timeout=10) as client:
            challenge = await client.get("/.well-known/acme-challenge/token-42")
            assert (challenge.status_code, challenge.text) == (200, "token-42.thumbprint")
            for path in ("/", "/telegram/webhook", "/whatsapp/webhook"):
                assert (await client.get(path)).status_code == 404, path
            assert (await client.post("/telegram/webhook", json={})).status_code == 404
