"""The fake Telegram Bot API behind a real HTTP server on 127.0.0.1, for bot processes the tests
start (their ``TELEGRAM_API_BASE_URL`` points here). It answers like :class:`FakeTelegram`,
whose records it keeps, from a thread of its own, so it answers while a test awaits."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, Self
from urllib.parse import parse_qsl

from tests.support.fake_telegram import ApiCall, BotMessage, FakeTelegram


class _RecordingApi(FakeTelegram):
    def __init__(self) -> None:
        super().__init__()
        self.lock = threading.Lock()

    def answer(self, method: str, params: dict[str, Any]) -> tuple[int, bytes]:
        with self.lock:
            self.calls.append(ApiCall(method, params))
            if (refused := self.refusal(method, params)) is not None:
                return refused
            result = self._answer(method, params, {})
        return 200, json.dumps({"ok": True, "result": result}).encode()


def _form_value(value: str) -> Any:
    """python-telegram-bot sends strings as they are and anything else as JSON."""
    return json.loads(value) if value[:1] in ("{", "[") else value


class BotApiServer:
    """Serves ``POST /bot<token>/<method>`` until closed; use it as a context manager."""

    def __init__(self) -> None:
        self.api = _RecordingApi()
        self.send_seconds = 0.0
        """How long every send takes, as with a distant or busy Bot API."""
        self.token: str | None = None
        """The only bot token accepted (401 Unauthorized for another), when set."""
        self.webhook_info: dict[str, Any] = {"url": "", "pending_update_count": 0}
        """What ``getWebhookInfo`` answers."""
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                params = {k: _form_value(v) for k, v in parse_qsl(body.decode(), True)}
                method = self.path.rsplit("/", 1)[-1]
                if method.startswith("send"):
                    time.sleep(server.send_seconds)
                status, answer = server.answer(self.path, method, params)
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

            def log_message(self, format: str, *args: Any) -> None:
                return None

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def answer(self, path: str, method: str, params: dict[str, Any]) -> tuple[int, bytes]:
        if self.token is not None and not path.startswith(f"/bot{self.token}/"):
            refused = {"ok": False, "error_code": 401, "description": "Unauthorized"}
            return 401, json.dumps(refused).encode()
        if method == "getWebhookInfo":
            return 200, json.dumps({"ok": True, "result": self.webhook_info}).encode()
        return self.api.answer(method, params)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/bot"

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

    def message_count(self) -> int:
        with self.api.lock:
            return len(self.api.messages)

    def messages_to(self, chat_id: int) -> list[BotMessage]:
        with self.api.lock:
            return [message for message in self.api.messages if message.chat_id == chat_id]
