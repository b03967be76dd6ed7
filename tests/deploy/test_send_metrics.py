"""WhatsApp sends as the metrics count them: the Graph API transport over real HTTP to a local
server answering as the Cloud API does, a success, a rate limit (HTTP 400 with code 130429, and
a plain 429), a failing server, a refusal, and a port nobody listens on."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import pytest
from prometheus_client import REGISTRY

from bot.whatsapp.measured import MeasuredSends
from tests.support.bot_process import free_port

ANSWERS: dict[str, tuple[int, dict[str, Any]]] = {
    "ok": (200, {"messages": [{"id": "wamid.1"}]}),
    "throughput": (400, {"error": {"code": 130429, "message": "Rate limit hit"}}),
    "too-many": (429, {"error": {"code": 80007}}),
    "failing": (503, {"error": {"code": 2}}),
    "refused": (400, {"error": {"code": 131026, "message": "Message undeliverable"}}),
}


@pytest.fixture
def graph() -> Iterator[str]:
    """A Cloud API stand-in: the answer is chosen by the phone number id in the path."""

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length", 0)))
            status, body = ANSWERS[self.path.split("/")[2]]
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: Any) -> None:
            return None

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def counted(name: str, **labels: str) -> float:
    return REGISTRY.get_sample_value(name, {"channel": "whatsapp", **labels}) or 0.0


async def test_graph_api_sends_are_counted_by_outcome(graph: str) -> None:
    before = {
        "sent": counted("umkm_bot_messages_sent_total"),
        "timed": counted("umkm_bot_send_seconds_count"),
        **{
            reason: counted("umkm_bot_send_failures_total", reason=reason)
            for reason in ("429", "5xx", "refused", "network")
        },
    }
    async with httpx.AsyncClient(transport=MeasuredSends()) as client:
        for number in ANSWERS:
            await client.post(f"{graph}/v21.0/{number}/messages", json={"to": "62812"})
        await client.get(f"{graph}/v21.0/ok/media")  # not a send
        with pytest.raises(httpx.ConnectError):
            await client.post(f"http://127.0.0.1:{free_port()}/v21.0/1/messages", json={})

    assert counted("umkm_bot_messages_sent_total") - before["sent"] == 1
    assert counted("umkm_bot_send_seconds_count") - before["timed"] == len(ANSWERS) + 1
    for reason, more in (("429", 2), ("5xx", 1), ("refused", 1), ("network", 1)):
        assert counted("umkm_bot_send_failures_total", reason=reason) - before[reason] == more
