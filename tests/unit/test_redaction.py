"""The log filter removes secrets, identity numbers and phone numbers from every record."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import httpx
import pytest
from pydantic import SecretStr
from sqlalchemy import text

from bot import cli, web
from bot.log_format import UpdateContext
from bot.redaction import (
    REDACTED,
    SQL_LOGGER,
    RedactingFilter,
    configure_logging,
    install,
    secrets_of,
    uninstall,
)
from bot.settings import Settings
from models.db import create_engine
from tests.support.bot_process import environment
from tests.support.keys import NEXT_ENCRYPTION_KEY, TEST_ENCRYPTION_KEY
from tests.support.telegram_chat import TOKEN
from tests.whatsapp.chat import whatsapp_settings

WHATSAPP_TOKEN = "test-access-token-never-sent-anywhere"

REAL_LOOKING_TOKEN = "7123456789:AAHkq3x-9vZ_Qe7rT1uYb2nC4mD5fG6hJ8k"


@pytest.mark.parametrize(
    "text",
    [
        f"POST https://api.telegram.org/bot{TOKEN}/getMe",
        f"POST https://api.telegram.org/bot{REAL_LOOKING_TOKEN}/getUpdates",
        "NIK: 3579014101850001",
        "nik=3579 0141 0185 0001;",
        "NPWP 01.234.567.8-901.000",
        "npwp 0012345678901000",
        "text='Ringkasan\\n3579014101850001'",
        "phone +6281234567890",
        "kontak +62 812-3456-7890",
        "HP 081234567890 ya",
        "contact 6281234567890",
        "key +623579014101850001",
    ],
)
def test_sensitive_parts_are_redacted(text: str) -> None:
    redacted = RedactingFilter([TOKEN]).redact(text)
    assert REDACTED in redacted
    for secret in (TOKEN, REAL_LOOKING_TOKEN, "3579014101850001", "81234567890", "901.000"):
        assert secret not in redacted


@pytest.mark.parametrize(
    "text",
    [
        "2026-11-24 10:00:00,123 INFO skipping redelivered update telegram/1234",
        "vendor 12: nik shown in full to user 7",
        "chat 7000000001 took 0.000123456s",
        "NIB 9120001234567",
    ],
)
def test_ids_dates_and_durations_stay_readable(text: str) -> None:
    assert RedactingFilter([TOKEN]).redact(text) == text


def test_arguments_and_tracebacks_are_redacted(caplog: pytest.LogCaptureFixture) -> None:
    install(RedactingFilter(), [caplog.handler])
    log = logging.getLogger("tests.redaction")
    log.warning("owner %s, phone %s", "3579014101850001", "+6281234567890")
    try:
        raise OSError("no route to 081234567890")
    except OSError:
        log.exception("failed")
    text = caplog.text
    assert "owner [redacted], phone [redacted]" in text
    assert "OSError: no route to [redacted]" in text
    assert "3579014101850001" not in text and "81234567890" not in text


async def test_the_http_client_never_logs_the_token(caplog: pytest.LogCaptureFixture) -> None:
    install(RedactingFilter([TOKEN]), [caplog.handler])
    caplog.set_level(logging.DEBUG, logger="httpx")
    caplog.set_level(logging.DEBUG, logger="httpcore")
    transport = httpx.MockTransport(lambda request: httpx.Response(200, json={"ok": True}))
    async with httpx.AsyncClient(transport=transport) as client:
        await client.post(f"https://api.telegram.org/bot{TOKEN}/getMe")
    assert "HTTP Request: POST https://api.telegram.org/bot[redacted]/getMe" in caplog.text
    assert TOKEN not in caplog.text


def test_every_secret_setting_is_redacted() -> None:
    settings = Settings(
        _env_file=None,
        telegram_bot_token=SecretStr(TOKEN),
        whatsapp_access_token=SecretStr("EAAGm0PX4ZCpsBAKZCsecret"),
        data_encryption_keys=SecretStr(f"{NEXT_ENCRYPTION_KEY},{TEST_ENCRYPTION_KEY}"),
    )
    secrets = secrets_of(settings)
    for secret in (TOKEN, "EAAGm0PX4ZCpsBAKZCsecret", NEXT_ENCRYPTION_KEY, TEST_ENCRYPTION_KEY):
        assert secret in secrets
        assert secret not in RedactingFilter(secrets).redact(f"value {secret}.")


@pytest.fixture
def fresh_logging(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Logging as a new process has it, once the test starts; restored afterwards."""
    yield
    uninstall()


def start_afresh(monkeypatch: pytest.MonkeyPatch) -> None:
    """Called in the test itself: pytest adds its handlers to the root logger at each phase."""
    root, sql = logging.getLogger(), logging.getLogger(SQL_LOGGER)
    monkeypatch.setattr(root, "handlers", [])
    monkeypatch.setattr(root, "level", root.level)
    monkeypatch.setattr(sql, "filters", [])
    monkeypatch.setattr(sql, "handlers", [])
    for name in ("httpx", "httpcore", "sqlalchemy.engine.Engine"):
        monkeypatch.setattr(logging.getLogger(name), "level", logging.getLogger(name).level)


async def test_every_record_is_cleaned_with_the_deployments_secrets(
    fresh_logging: None, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    start_afresh(monkeypatch)
    settings = Settings(
        _env_file=None,
        telegram_bot_token=SecretStr(TOKEN),
        telegram_webhook_secret=SecretStr("hook-secret-42"),
        database_url="sqlite+aiosqlite://",
    )
    configure_logging(settings)
    logging.getLogger("bot.test").info("token %s, NIK %s", TOKEN, "3579014101850001")
    logging.getLogger("uvicorn.access").info("GET /healthz?s=%s", "hook-secret-42")
    logging.getLogger("telegram.ext.Application").info("Processing %s", "Siti Aminah")
    engine = create_engine(settings.database_url, echo=True)  # DATABASE_ECHO=true
    async with engine.connect() as connection:
        await connection.execute(text("SELECT :name"), {"name": "Siti Aminah"})
    await engine.dispose()

    filters = [type(f) for h in logging.getLogger().handlers for f in h.filters]
    assert filters == [UpdateContext, RedactingFilter]
    printed = capsys.readouterr()
    assert "token [redacted], NIK [redacted]" in printed.err
    assert "GET /healthz?s=[redacted]" in printed.err
    assert "Processing [text, 11 chars]" in printed.err
    assert "[SQL parameters hidden due to hide_parameters=True]" in printed.out  # its own handler
    assert "Siti Aminah" not in printed.out + printed.err
    assert logging.getLogger("httpx").level == logging.WARNING
    assert logging.getLogger().level == logging.INFO


def test_log_level_setting_and_verbose(
    fresh_logging: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    start_afresh(monkeypatch)
    configure_logging(Settings(_env_file=None, log_level="warning"))
    assert logging.getLogger().level == logging.WARNING
    configure_logging(Settings(_env_file=None), verbose=True)
    assert logging.getLogger().level == logging.DEBUG
    assert logging.getLogger("httpx").level == logging.INFO  # request lines, token redacted


def test_each_web_worker_logs_with_the_deployments_secrets_and_level(
    fresh_logging: None, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    deployed = whatsapp_settings(settings).model_copy(
        update={"telegram_webhook_secret": SecretStr("hook-secret-42"), "log_level": "DEBUG"}
    )
    for name, value in environment(deployed).items():
        monkeypatch.setenv(name, value)
    start_afresh(monkeypatch)

    web.worker_app()  # what uvicorn calls in each worker process

    assert logging.getLogger().level == logging.DEBUG
    (handler,) = [h for h in logging.getLogger().handlers if type(h) is logging.StreamHandler]
    record = logging.makeLogRecord(
        {"name": "uvicorn.access", "msg": f"GET /?a=hook-secret-42&b={WHATSAPP_TOKEN}"}
    )
    handler.filter(record)
    assert record.getMessage() == "GET /?a=[redacted]&b=[redacted]"


def test_verbose_on_the_command_line_reaches_the_worker_processes(
    fresh_logging: None, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, value in environment(settings).items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("LOG_LEVEL", "INFO")
    start_afresh(monkeypatch)

    cli.main(["-v", "migrate"])

    assert logging.getLogger().level == logging.DEBUG
    assert Settings().log_level == "DEBUG"  # as each worker process reads it
