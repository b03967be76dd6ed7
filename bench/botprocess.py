"""The bot under test as its own process, started the way production starts it (`umkm-bot
serve` for the webhook, `umkm-bot run` for polling), configured only through the environment,
against the local fake Bot API server."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from bench.ourbot import ENCRYPTION_KEY, INDEX_KEY, TOKEN

WEBHOOK_SECRET = "bench-webhook-secret"
BIN = Path(sys.executable).parent
ROOT = Path(__file__).resolve().parent.parent
TICKS = os.sysconf("SC_CLK_TCK")


@dataclass
class BotProcess:
    """``command`` is ``serve`` (webhook), ``run`` (polling), ``minimal`` (the baseline bot) or
    ``aiogram`` (the peer, `bench/aiogram_bot.py`)."""

    command: str
    database_url: str
    workdir: Path
    api_port: int
    web_port: int
    workers: int = 1
    admin_ids: str = ""
    extra_env: dict[str, str] = field(default_factory=dict)
    process: subprocess.Popen[bytes] | None = None

    @property
    def webhook_url(self) -> str:
        return f"http://127.0.0.1:{self.web_port}/telegram/webhook"

    def environment(self) -> dict[str, str]:
        api = f"http://127.0.0.1:{self.api_port}"
        return {
            "PATH": os.environ.get("PATH", ""),
            "PYTHONPATH": str(ROOT),  # the baseline bot is a module of `bench`
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "TELEGRAM_API_BASE_URL": f"{api}/bot",
            "TELEGRAM_API_FILE_URL": f"{api}/file/bot",
            "TELEGRAM_BOT_USERNAME": "umkm_katalog_bench_bot",
            "DATABASE_URL": self.database_url,
            "WEB_PORT": str(self.web_port),
            "WEB_WORKERS": str(self.workers),
            "DATA_ENCRYPTION_KEYS": ENCRYPTION_KEY.decode(),
            "BLIND_INDEX_KEY": INDEX_KEY.decode(),
            "FLOOD_MAX_UPDATES": "1000000",  # scripted users answer faster than people
            "ADMIN_TELEGRAM_IDS": self.admin_ids,
            "MEDIA_DIR": str(self.workdir / "media"),
            "LOG_LEVEL": "WARNING",
            **({"TELEGRAM_WEBHOOK_SECRET": WEBHOOK_SECRET} if self.command == "serve" else {}),
            **self.extra_env,
        }

    def arguments(self) -> list[str]:
        if self.command == "minimal":
            api = f"http://127.0.0.1:{self.api_port}/bot"
            return [
                sys.executable,
                "-m",
                "bench.minimal_bot",
                "--port",
                str(self.web_port),
                "--api",
                api,
            ]
        if self.command == "aiogram":
            api = f"http://127.0.0.1:{self.api_port}"
            return [
                sys.executable,
                "-m",
                "bench.aiogram_bot",
                "--port",
                str(self.web_port),
                "--api",
                api,
                "--database",
                self.database_url,
            ]
        return [str(BIN / "umkm-bot"), self.command]

    async def start(self) -> None:
        """Starts the process and waits until it takes updates."""
        self.spawn()
        await self._ready()

    def spawn(self) -> None:
        log = (self.workdir / f"{self.command}.log").open("ab")
        self.process = subprocess.Popen(
            self.arguments(),
            env=self.environment(),
            cwd=self.workdir,  # no `.env` there: the environment above is the whole config
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: workers are stopped with it
        )

    async def _ready(self) -> None:
        deadline = time.monotonic() + 60
        async with httpx.AsyncClient() as client:
            while time.monotonic() < deadline:
                if self.process is not None and self.process.poll() is not None:
                    raise RuntimeError(f"the bot exited: see {self.workdir}/{self.command}.log")
                try:
                    if self.command == "run":
                        await asyncio.sleep(3)  # polling has no port: give it time to start
                        return
                    await client.post(self.webhook_url, content=b"{}")
                    return
                except httpx.TransportError:
                    pass
                await asyncio.sleep(0.2)
        raise RuntimeError("the bot did not start within 60 s")

    def cpu_seconds(self) -> float:
        """User + system CPU of the process and every descendant still alive."""
        if self.process is None:
            return 0.0
        return sum(_cpu(pid) for pid in _tree(self.process.pid))

    def kill(self) -> None:
        """SIGKILL to the whole process group: no clean-up of any kind runs."""
        if self.process is not None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
            self.process = None

    def stop(self) -> None:
        if self.process is not None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill()
            self.process = None


def _tree(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def _cpu(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / TICKS
