"""No log line carries what users typed, their names or e-mails, or a secret, at DEBUG with every
library logging: a registration, a product, review decisions, sends Telegram and the Graph API
refuse quoting the text, and a statement the database refuses; in this process and in the
worker processes of ``serve``; as text and as JSON lines (``LOG_FORMAT=json``), every one of
which parses. The lines still say what happened, to which id."""

from __future__ import annotations

import asyncio
import json
import logging
import re
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
from pydantic import SecretStr
from sqlalchemy import text

from bot.log_format import JsonFormatter, UpdateContext
from bot.redaction import RedactingFilter, install, secrets_of, uninstall
from bot.settings import Settings
from models.db import create_engine
from tests.e2e.test_products_telegram import add_product
from tests.e2e.test_registration_telegram import register_until_summary
from tests.e2e.test_review_telegram import ADMIN_ID, reviewer
from tests.support.bot_api_server import BotApiServer
from tests.support.bot_process import SECRET, BotProcess, process_settings, text_update
from tests.support.bot_process import TOKEN as PROCESS_TOKEN
from tests.support.clock import FakeClock
from tests.support.telegram_chat import TOKEN, TelegramBot
from tests.whatsapp.chat import running_server, whatsapp_settings
from tests.whatsapp.test_registration_whatsapp import answer_until_phone

TYPED = [
    "Siti Aminah",
    "3579014101850001",
    "3579 0141 0185 0001",
    "812-3456-7890",
    "81234567890",
    "Keripik Apel Bu Siti",
    "9120001234567",
    "10792, 47211",
    "25 juta per bulan",
    "Raya Punten",
    "keripikapel@gmail.com",
    "Keripik Apel Original",
    "tanpa pengawet",
    "1.000 pcs",
    "45,5%",
    "Fotonya kurang terang",
    "Toko Gagal Makmur",
]
"""What the users type (also the WhatsApp profile name), and what the bot writes from it."""
DISPLAY_NAMES = ["Sulastri", "Hartono", "Kusumawati", "Wulandari"]
"""Telegram first names, and a name a refusing API quotes."""
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
REFUSED_NAME = "Gagal"
"""The database refuses a business name containing this (a trigger the test adds)."""


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return settings.model_copy(update={"admin_telegram_ids": str(ADMIN_ID)})


def deployment(settings: Settings) -> Settings:
    """``settings`` with every secret a deployment has set."""
    return whatsapp_settings(settings).model_copy(
        update={
            "telegram_bot_token": SecretStr(TOKEN),
            "telegram_webhook_secret": SecretStr(SECRET),
        }
    )


class CapturedLog:
    """What the test's records look like in one ``LOG_FORMAT``."""

    def __init__(self, caplog: pytest.LogCaptureFixture, log_format: str) -> None:
        self._caplog = caplog
        self.format = log_format

    @property
    def text(self) -> str:
        """The lines as written; JSON lines followed by each one's message and error read
        back, so that the same assertions hold in both formats."""
        if self.format == "text":
            return self._caplog.text
        return written_and_read([JsonFormatter().format(r) for r in self._caplog.records])


def written_and_read(lines: list[str]) -> str:
    """JSON lines, each parsed (a line that is not JSON fails), then their messages read back."""
    parsed = [json.loads(line) for line in lines]
    assert all({"time", "level", "logger", "message", "process"} <= set(p) for p in parsed)
    assert any("update_id" in p and "lane" in p and "channel" in p for p in parsed)
    read = [p["message"] + (f"\n{p['error']}" if "error" in p else "") for p in parsed]
    return "\n".join(lines + read)


@pytest.fixture(params=["text", "json"])
def debug_log(
    request: pytest.FixtureRequest, settings: Settings, caplog: pytest.LogCaptureFixture
) -> Iterator[CapturedLog]:
    """Every logger at DEBUG, records cleaned as ``configure_logging`` has every process clean
    them (with this deployment's secrets), in each format."""
    install(RedactingFilter(secrets_of(deployment(settings))))
    caplog.handler.addFilter(UpdateContext())
    for name in ["", *logging.root.manager.loggerDict]:
        caplog.set_level(logging.DEBUG, logger=name)
    try:
        yield CapturedLog(caplog, request.param)
    finally:
        uninstall()


def leaks(log: str, settings: Settings) -> list[str]:
    secrets = [*secrets_of(deployment(settings)), PROCESS_TOKEN]
    found = [value for value in TYPED + DISPLAY_NAMES + secrets if value in log]
    return found + EMAIL.findall(log)


@asynccontextmanager
async def refusing_business_names(database_url: str) -> AsyncIterator[None]:
    """The database refuses to store a business name containing ``REFUSED_NAME``."""
    engine = create_engine(database_url)
    condition = f"NEW.business_name LIKE '%{REFUSED_NAME}%'"
    if database_url.startswith("sqlite"):
        create = [
            f"CREATE TRIGGER refuse_{when} BEFORE {when} ON vendor WHEN {condition} "
            "BEGIN SELECT RAISE(ABORT, 'business name refused'); END"
            for when in ("INSERT", "UPDATE")
        ]
        drop = ["DROP TRIGGER refuse_INSERT", "DROP TRIGGER refuse_UPDATE"]
    else:
        create = [
            "CREATE OR REPLACE FUNCTION refuse_name() RETURNS trigger LANGUAGE plpgsql AS "
            "$$ BEGIN RAISE EXCEPTION 'business name refused'; END $$",
            "DROP TRIGGER IF EXISTS refuse_name ON vendor",
            f"CREATE TRIGGER refuse_name BEFORE INSERT OR UPDATE ON vendor FOR EACH ROW "
            f"WHEN ({condition}) EXECUTE FUNCTION refuse_name()",
        ]
        drop = ["DROP TRIGGER refuse_name ON vendor", "DROP FUNCTION refuse_name()"]
    async with engine.begin() as connection:
        for statement in create:
            await connection.execute(text(statement))
    try:
        yield
    finally:
        async with engine.begin() as connection:
            for statement in drop:
                await connection.execute(text(statement))
        await engine.dispose()


def echoing_refusal(chat_id: int) -> Any:
    """Telegram refuses every message to ``chat_id``, quoting it."""

    def refuse(method: str, params: dict[str, Any]) -> str | None:
        if method.startswith("send") and int(params.get("chat_id", 0)) == chat_id:
            return f'Bad Request: can\'t deliver "{params.get("text", "")}" to Sulastri'
        return None

    return refuse


async def test_telegram_conversations_and_failures_log_no_personal_data(
    settings: Settings, clock: FakeClock, debug_log: CapturedLog
) -> None:
    bot = await TelegramBot(settings, clock).start()
    try:
        async with refusing_business_names(settings.database_url):
            siti = bot.user(731, first_name="Sulastri")
            await register_until_summary(siti)
            await siti.press("Kirim untuk diverifikasi")
            await siti.say("/start")
            await add_product(siti, "Keripik Apel Original 200 gram", "15000")
            await siti.press("Kirim untuk diverifikasi")
            admin = bot.user(ADMIN_ID, first_name="Hartono")
            await admin.say("/start")
            rina = await reviewer(bot, admin, 732, "Kusumawati")
            await rina.say("/antrian")
            await rina.press("Keripik Apel Original 200 gram")
            await rina.press("Setujui")
            await rina.press("Ya, setujui")
            assert "sudah disetujui" in siti.last.text

            bot.fake.refuse = echoing_refusal(731)  # the decision's notice cannot be sent
            await rina.say("/antrian")
            await rina.press("🏪 Keripik Apel Bu Siti")
            await rina.press("Perlu perbaikan")
            await rina.press("NIB")
            await rina.press("Lanjut")
            await rina.press("NIB tidak valid")
            await rina.say("Fotonya kurang terang, mohon difoto ulang di siang hari.")
            await rina.press("Kirim keputusan")
            await siti.say("/status")  # the reply cannot be sent either

            budi = bot.user(733, first_name="Wulandari")
            await budi.say("/daftar")
            await budi.press("Saya setuju")
            await budi.say("Siti Aminah")
            await budi.say("3579 0141 0185 0001")
            await budi.share_contact("+62 812-3456-7890")
            refused = await budi.say("Toko Gagal Makmur")
            assert "Maaf" in refused[-1].text
    finally:
        await bot.stop()

    log = debug_log.text
    assert not leaks(log, settings)
    # Still useful: which update of which chat, which call, what failed and where.
    assert re.search(r"telegram update \d+: \w+ of user \d+, now registration/", log)
    assert "Bot API sendMessage {chat_id=731, text, reply_markup}" in log
    assert re.search(r"outbox message \d+ not sent: BadRequest: description not logged", log)
    assert "telegram.error.BadRequest: description not logged" in log
    assert "sqlalchemy.exc.IntegrityError: IntegrityError, business name refused" in log or (
        "sqlstate P0001" in log
    )
    assert "UPDATE vendor SET business_name=" in log or "UPDATE vendor SET business_name =" in log
    assert 'File "' in log and "in on_update" in log
    assert re.search(r"failed to handle update \d+\nTraceback", log)


async def test_whatsapp_refused_send_logs_no_personal_data(
    settings: Settings, clock: FakeClock, debug_log: CapturedLog
) -> None:
    async with running_server(whatsapp_settings(settings), clock) as server:
        user = server.user()
        await answer_until_phone(user)
        server.graph.refuse = lambda payload: f"Cannot send {payload} to Wulandari"
        await user.press("Kirim nomor saya")

    log = debug_log.text
    assert not leaks(log, settings)
    assert "pywa.errors.UnknownError: code 131000, trace AtraceId42" in log
    assert "WhatsApp reply not delivered\nTraceback" in log


@pytest.mark.parametrize("log_format", ["text", "json"])
async def test_worker_processes_log_no_personal_data(
    settings: Settings, tmp_path: Path, log_format: str
) -> None:
    """``serve`` with two worker processes at ``LOG_LEVEL=DEBUG``, as deployed."""
    chat = 70_101
    with BotApiServer() as api:
        workers = whatsapp_settings(settings).model_copy(
            update={"web_workers": 2, "log_level": "DEBUG", "log_format": log_format}
        )
        process = BotProcess(process_settings(workers, api.base_url), tmp_path, "serve")
        try:
            async with refusing_business_names(settings.database_url):
                await process.start()
                for answer, reply in (
                    ("/daftar", "pemberitahuan privasi"),
                    ("Saya setuju", "Langkah 1 dari"),
                    ("Siti Aminah", "Langkah 2 dari"),
                    ("3579014101850001", "Langkah 3 dari"),
                    ("081234567890", "Langkah 4 dari"),
                    ("Toko Gagal Makmur", "Maaf"),  # the database refuses the name
                ):
                    await answered(process, api, chat, answer, reply)
                api.api.refuse = echoing_refusal(chat)
                assert await process.post(text_update(chat, "Keripik Apel Bu Siti")) == 200
                await until_logged(process.log, "description not logged")
                # A request line with secrets in it, as every worker's access log shows it.
                secrets = secrets_of(deployment(settings))
                query = "&".join(f"s{n}={secret}" for n, secret in enumerate(secrets))
                for _ in range(4):  # new connections, for both workers
                    async with httpx.AsyncClient() as client:
                        await client.get(f"http://127.0.0.1:{process.port}/healthz?{query}")
            assert await process.terminate()
        finally:
            await process.close()

    written = process.log.read_text()
    log = written_and_read(written.splitlines()) if log_format == "json" else written
    assert not leaks(log, settings)
    assert re.search(r"telegram update \d+: \w+ of user \d+", log)
    assert f"Bot API sendMessage {{chat_id={chat}, text" in log
    assert "sqlstate P0001" in log or "business name refused" in log
    assert written.count("Started server process") == 2
    assert '"GET /healthz?s0=[redacted]&s1=[redacted]' in log


async def answered(
    process: BotProcess, api: BotApiServer, chat: int, answer: str, reply: str
) -> None:
    """Posts an answer and waits for the bot's reply, which contains ``reply``."""
    seen = len(api.messages_to(chat))
    assert await process.post(text_update(chat, answer)) == 200
    for _ in range(500):
        if any(reply in message.text for message in api.messages_to(chat)[seen:]):
            return
        await asyncio.sleep(0.02)
    raise AssertionError(f"no reply to {answer!r}")


async def until_logged(path: Path, fragment: str) -> None:
    for _ in range(500):
        if fragment in path.read_text():  # noqa: ASYNC240  # a small file, read at once
            return
        await asyncio.sleep(0.02)
    raise AssertionError(f"{fragment!r} never logged")
