"""The fake Graph API (:class:`tests.whatsapp.fake_graph.FakeGraph`) behind a real HTTP server on
127.0.0.1, for ``serve`` processes the tests start (their ``WHATSAPP_API_BASE_URL`` points here)."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, Self

import httpx

from tests.whatsapp.fake_graph import FakeGraph, SentMessage


class GraphServer:
    """Serves every Graph API request from one :class:`FakeGraph`; use it as a context manager."""

    def __init__(self) -> None:
        self.graph = FakeGraph()
        self.lock = threading.Lock()
        graph, lock = self.graph, self.lock

        class Handler(BaseHTTPRequestHandler):
            def _handle(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                request = httpx.Request(
                    self.command,
                    f"http://{self.headers.get('Host', 'graph')}{self.path}",
                    headers=dict(self.headers),
                    content=body,
                )
                with lock:
                    response = graph.handle(request)
                self.send_response(response.status_code)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(response.content)))
                self.end_headers()
                self.wfile.write(response.content)

            do_GET = do_POST = _handle

            def log_message(self, format: str, *args: Any) -> None:
                return None

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def sent_to(self, recipient: str) -> list[SentMessage]:
        with self.lock:
            return list(self.graph.sent_to(recipient))

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._server.shutdown()
        self._server.server_close()
