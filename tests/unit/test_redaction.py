"""The log filter removes secrets, identity numbers and phone numbers from every record."""

from __future__ import annotations

import logging

import httpx
import pytest
from pydantic import SecretStr
from sqlalchemy import text

from bot.cli import configure_logging
from bot.redaction import REDACTED, SQL_LOGGER, RedactingFilter, install, secrets_of
from bot.settings import Settings
from models.db import create_engine
from tests.support.keys import NEXT_ENCRYPTION_KEY, TEST_ENCRYPTION_KEY
from tests.support.telegram_chat import TOKEN

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
        raise ValueError("bad phone 081234567890")
    except ValueError:
        log.exception("failed")
    text = caplog.text
    assert "owner [redacted], phone [redacted]" in text
    assert "ValueError: bad phone [redacted]" in text
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


async def test_the_cli_installs_the_filter_on_the_root_handlers(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    root, sql = logging.getLogger(), logging.getLogger(SQL_LOGGER)
    monkeypatch.setattr(root, "handlers", [])
    monkeypatch.setattr(root, "level", root.level)
    monkeypatch.setattr(sql, "filters", [])
    monkeypatch.setattr(sql, "handlers", [])
    for name in ("httpx", "httpcore"):
        monkeypatch.setattr(logging.getLogger(name), "level", logging.getLogger(name).level)

    configure_logging(verbose=False, secrets=[TOKEN])
    logging.getLogger("bot.test").info("token %s, NIK %s", TOKEN, "3579014101850001")
    engine = create_engine("sqlite+aiosqlite://", echo=True)  # DATABASE_ECHO=true
    async with engine.connect() as connection:
        await connection.execute(text("SELECT :phone"), {"phone": "+6281234567890"})
    await engine.dispose()

    assert [type(f) for h in root.handlers for f in h.filters] == [RedactingFilter]
    printed = capsys.readouterr()
    assert "token [redacted], NIK [redacted]" in printed.err
    assert "('[redacted]',)" in printed.out  # through SQLAlchemy's own handler
    assert "+6281234567890" not in printed.out + printed.err
    assert logging.getLogger("httpx").level == logging.WARNING
