"""Real ``umkm-bot serve`` processes on local ports, fed Telegram webhooks by the tests.

Each process gets the test's settings as environment variables (with the Bot API pointed at a
:class:`~tests.support.bot_api_server.BotApiServer`), runs in the test's folder so no developer
`.env` is read, and logs to a file shown when it fails to start.
"""

from __future__ import annotations

import asyncio
import itertools
import os
import signal
import socket
import sys
from pathlib import Path
from typing import Any

import httpx
from pydantic import SecretStr

from bot.settings import Settings

TOKEN = "123456:TEST-TOKEN-never-sent-anywhere"
SECRET = "webhook-secret_42"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
START_SECONDS = 20.0

_UPDATE_IDS = itertools.count(50_000)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def process_settings(settings: Settings, bot_api_url: str) -> Settings:
    """The test's settings for a bot process on Telegram webhooks against the fake Bot API."""
    return settings.model_copy(
        update={
            "telegram_bot_token": SecretStr(TOKEN),
            "telegram_webhook_secret": SecretStr(SECRET),
            "telegram_api_base_url": bot_api_url,
            "telegram_api_file_url": bot_api_url.replace("/bot", "/file/bot"),
        }
    )


def environment(settings: Settings) -> dict[str, str]:
    """``settings`` as the environment a bot process reads; inherited settings are dropped."""
    names = {name.upper() for name in Settings.model_fields}
    env = {key: value for key, value in os.environ.items() if key.upper() not in names}
    for name, value in settings.model_dump().items():
        if value is None:
            continue
        if isinstance(value, SecretStr):
            value = value.get_secret_value()
        elif isinstance(value, bool):
            value = "true" if value else "false"
        env[name.upper()] = str(value)
    return env


def text_update(chat_id: int, text: str) -> dict[str, Any]:
    """A private-chat text message (a command when it starts with a slash), with a new id."""
    update_id = next(_UPDATE_IDS)
    entities = (
        [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
        if text.startswith("/")
        else []
    )
    sender = {"id": chat_id, "is_bot": False, "first_name": "Siti", "language_code": "id"}
    message = {
        "message_id": update_id,
        "date": 1_790_000_000,
        "chat": {"id": chat_id, "type": "private"},
        "from": sender,
        "text": text,
        "entities": entities,
    }
    return {"update_id": update_id, "message": message}


class BotProcess:
    """One ``python -m bot serve`` process; start, post updates, and stop it in any way."""

    def __init__(
        self, settings: Settings, workdir: Path, name: str, port: int | None = None
    ) -> None:
        self.port = port or free_port()
        self._env = environment(settings.model_copy(update={"web_port": self.port}))
        self._workdir = workdir
        self.log = workdir / f"{name}.log"
        self._process: asyncio.subprocess.Process | None = None
        self._client = httpx.AsyncClient(base_url=f"http://127.0.0.1:{self.port}", timeout=10)

    async def start(self) -> BotProcess:
        with self.log.open("ab") as log:
            self._process = await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                "bot",
                "serve",
                env=self._env,
                cwd=self._workdir,
                stdout=log,
                stderr=log,
            )
        await self._wait_until_healthy()
        return self

    async def _wait_until_healthy(self) -> None:
        for _ in range(int(START_SECONDS / 0.05)):
            if self.process.returncode is not None:
                raise RuntimeError(f"bot process exited:\n{self.log.read_text()[-3000:]}")
            try:
                if (await self._client.get("/healthz")).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            await asyncio.sleep(0.05)
        raise TimeoutError(f"bot process did not start:\n{self.log.read_text()[-3000:]}")

    @property
    def process(self) -> asyncio.subprocess.Process:
        assert self._process is not None, "not started"
        return self._process

    async def post(self, update: dict[str, Any]) -> int:
        """Delivers an update like Telegram does; the HTTP status of the answer."""
        response = await self._client.post(
            "/telegram/webhook", json=update, headers={SECRET_HEADER: SECRET}
        )
        return response.status_code

    async def kill(self) -> None:
        """SIGKILL: no shutdown of any kind, like a crash or the OOM killer."""
        self.process.kill()
        await self.process.wait()

    async def terminate(self) -> bool:
        """SIGTERM, as systemd or Docker stop a service; whether the process then shut down by
        itself (uvicorn re-raises the signal once it is done, so that is the exit status)."""
        self.process.send_signal(signal.SIGTERM)
        status = await asyncio.wait_for(self.process.wait(), START_SECONDS)
        return status in (0, -signal.SIGTERM) and "Application shutdown complete" in (
            self.log.read_text()
        )

    async def close(self) -> None:
        if self._process is not None and self._process.returncode is None:
            await self.kill()
        await self._client.aclose()
