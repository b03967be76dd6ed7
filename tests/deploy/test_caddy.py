"""Caddy, configured by ``deploy/Caddyfile``, in front of real ``serve`` processes: both webhooks
reach the bot over HTTPS and the users are answered, every other path is 404, and two hosts on
one PostgreSQL answer a chat in order, the second taking everything once the first stops."""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import AsyncExitStack
from pathlib import Path
from typing import Any

import httpx
import pytest

from bot.settings import Settings
from tests.conftest import POSTGRES_URL
from tests.deploy.caddy import Caddy, running_caddy
from tests.deploy.graph_server import GraphServer
from tests.support.bot_api_server import BotApiServer
from tests.support.bot_process import (
    SECRET,
    SECRET_HEADER,
    BotProcess,
    free_port,
    process_settings,
    text_update,
)
from tests.test_processes import reply, script, until
from tests.whatsapp.chat import load_payload, signature, whatsapp_settings

CHAT = 81_001
BSUID = "ID.9988776655443322"


@pytest.fixture(scope="module")
def ports() -> tuple[int, int]:
    """Where the two ``serve`` hosts listen, known to Caddy before they start."""
    return free_port(), free_port()


@pytest.fixture(scope="module")
def caddy(tmp_path_factory: pytest.TempPathFactory, ports: tuple[int, int]) -> Iterator[Caddy]:
    with running_caddy(tmp_path_factory.mktemp("caddy"), list(ports)) as served:
        yield served


@pytest.fixture
async def api() -> AsyncIterator[BotApiServer]:
    with BotApiServer() as server:
        yield server


@pytest.fixture
async def graph() -> AsyncIterator[GraphServer]:
    with GraphServer() as server:
        yield server


@pytest.fixture
async def hosts(
    settings: Settings,
    api: BotApiServer,
    graph: GraphServer,
    ports: tuple[int, int],
    tmp_path: Path,
) -> AsyncIterator[list[BotProcess]]:
    """The two ``serve`` hosts (not started), on Telegram and WhatsApp, killed at the end."""
    on_both = whatsapp_settings(process_settings(settings, api.base_url)).model_copy(
        update={"whatsapp_api_base_url": graph.base_url, "serve_hosts": 2}
    )
    async with AsyncExitStack() as stack:
        bots = [BotProcess(on_both, tmp_path, f"host-{n}", port) for n, port in enumerate(ports)]
        for bot in bots:
            stack.push_async_callback(bot.close)
        yield bots


def whatsapp_text(text: str) -> dict[str, Any]:
    """A WhatsApp user's text message as the Cloud API posts it."""
    payload = load_payload("text")
    value = payload["entry"][0]["changes"][0]["value"]
    value["contacts"][0]["user_id"] = BSUID
    value["messages"][0].update(
        id=f"wamid.DEPLOY{uuid.uuid4().hex}", from_user_id=BSUID, text={"body": text}
    )
    return payload


ANSWERED = '"POST /telegram/webhook HTTP/1.1" 200'


async def until_routed(client: httpx.AsyncClient, hosts: list[BotProcess]) -> None:
    """Waits until Caddy's health checks found every host ready: each got a request without
    the secret (until then Caddy answers 503 or sends it to another host)."""
    for _ in range(100):
        await client.post("/telegram/webhook", json={})
        if all('"POST /telegram/webhook HTTP/1.1" 403' in host.log.read_text() for host in hosts):
            return
        await asyncio.sleep(0.1)
    raise AssertionError("Caddy never found the hosts ready")


async def post_telegram(client: httpx.AsyncClient, update: dict[str, Any]) -> int:
    response = await client.post("/telegram/webhook", json=update, headers={SECRET_HEADER: SECRET})
    return response.status_code


async def test_both_webhooks_reach_the_bot_over_https_and_nothing_else_does(
    caddy: Caddy, hosts: list[BotProcess], api: BotApiServer, graph: GraphServer
) -> None:
    await hosts[0].start()  # the other host is down: Caddy skips it
    async with caddy.client() as client:
        await until_routed(client, hosts[:1])
        assert await post_telegram(client, text_update(CHAT, "/start")) == 200
        await reply(api, CHAT, 0, "Selamat datang")

        body = json.dumps(whatsapp_text("halo")).encode()
        signed = {"Content-Type": "application/json", "X-Hub-Signature-256": signature(body)}
        response = await client.post("/whatsapp/webhook", content=body, headers=signed)
        assert response.status_code == 200, response.text
        await until(lambda: bool(graph.sent_to(BSUID)), "the WhatsApp user's answer")
        assert not graph.graph.problems

        unsigned = await client.post("/whatsapp/webhook", content=body)
        assert unsigned.status_code == 401  # the bot's own check, behind the proxy
        assert (await client.get("/telegram/webhook")).status_code == 405  # the bot: POST only
        for path in ("/", "/healthz", "/readyz", "/telegram", "/telegram/webhook/x", "/.env"):
            assert (await client.get(path)).status_code == 404, path
        assert (await client.post("/admin", content=b"{}")).status_code == 404
        too_big = await client.post(
            "/telegram/webhook", content=b"x" * 2_000_000, headers={SECRET_HEADER: SECRET}
        )
        assert too_big.status_code in (413, 502)  # over 1 MB: refused by the proxy or the bot
    assert SECRET not in caddy.log.read_text()


@pytest.mark.skipif(not POSTGRES_URL, reason="several hosts share one PostgreSQL")
async def test_two_hosts_answer_a_chat_in_order_and_one_carries_on_alone(
    caddy: Caddy, hosts: list[BotProcess], api: BotApiServer
) -> None:
    for host in hosts:
        await host.start()
    steps = script(0)
    async with caddy.client() as client:
        await until_routed(client, hosts)
        # As Telegram does: a chat's next update once the webhook answered the one before.
        for answer in steps[:3]:
            assert await post_telegram(client, text_update(CHAT, answer.text)) == 200
        assert await hosts[1].terminate()
        for answer in steps[3:]:
            assert await post_telegram(client, text_update(CHAT, answer.text)) == 200
    await reply(api, CHAT, 0, steps[-1].reply)

    texts = [message.text for message in api.messages_to(CHAT) if not message.deleted]
    position = -1
    for answer in steps:  # each reply after the one to the answer before
        position = next(n for n, text in enumerate(texts) if n > position and answer.reply in text)
    served = [host.log.read_text().count(ANSWERED) for host in hosts]
    assert all(served), f"round robin: each host took some updates, not {served}"
