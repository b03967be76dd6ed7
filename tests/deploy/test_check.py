"""``umkm-bot check``, run as an operator runs it, against a local fake Bot API: each injected
fault is named with the setting or command that fixes it and the exit status is 1; a ready
deployment passes with 0. No secret appears in what it prints."""

from __future__ import annotations

import asyncio
import sys
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from alembic import command
from cryptography.fernet import Fernet
from pydantic import SecretStr

from bot.migrate import alembic_config
from bot.settings import Settings
from bot.wiring import build_services
from tests.support.bot_api_server import BotApiServer
from tests.support.bot_process import SECRET, TOKEN, environment, process_settings
from tests.support.catalog_data import CatalogData
from tests.support.clock import FakeClock

DOMAIN = "katalog.bpbj.example.test"
WEBHOOK = f"https://{DOMAIN}/telegram/webhook"


@pytest.fixture
async def api() -> AsyncIterator[BotApiServer]:
    with BotApiServer() as server:
        server.token = TOKEN
        yield server


@pytest.fixture
async def deployment(settings: Settings, api: BotApiServer) -> Settings:
    """A deployment on Telegram webhooks with one registration's NIK stored."""
    services = build_services(settings)
    try:
        async with services.uow_factory() as uow:
            await CatalogData(uow, FakeClock()).vendor("5001", "Keripik", nik="3579014101850001")
            await uow.commit()
    finally:
        await services.close()
    return process_settings(settings, api.base_url).model_copy(update={"bot_domain": DOMAIN})


async def check(settings: Settings, folder: Path) -> tuple[int, str]:
    """Runs ``umkm-bot check``; its exit status and everything it printed."""
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "check",
        env=environment(settings),
        cwd=folder,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    output, _ = await asyncio.wait_for(process.communicate(), 60)
    assert process.returncode is not None
    return process.returncode, output.decode()


def problems(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("PROBLEM")]


async def test_check_names_a_wrong_token_a_wrong_key_and_migrations_behind(
    deployment: Settings, tmp_path: Path
) -> None:
    wrong_key = Fernet.generate_key().decode()
    wrong_token = "654321:ANOTHER-token-refused-by-telegram_xyz"
    faulty = deployment.model_copy(
        update={
            "telegram_bot_token": SecretStr(wrong_token),
            "data_encryption_keys": SecretStr(wrong_key),
        }
    )
    config = alembic_config(deployment.database_url)
    await asyncio.to_thread(command.downgrade, config, "-1")
    try:
        status, output = await check(faulty, tmp_path)
    finally:
        await asyncio.to_thread(command.upgrade, config, "heads")

    assert status == 1
    found = problems(output)
    assert len(found) == 3, output
    assert any("Telegram refuses TELEGRAM_BOT_TOKEN" in line for line in found)
    assert any("schema is behind" in line and "umkm-bot migrate" in line for line in found)
    assert any("cannot be decrypted with DATA_ENCRYPTION_KEYS" in line for line in found)
    for secret in (wrong_token, wrong_key, SECRET):
        assert secret not in output


async def test_check_names_a_webhook_elsewhere_then_passes_once_it_is_right(
    deployment: Settings, api: BotApiServer, tmp_path: Path
) -> None:
    api.webhook_info = {
        "url": "https://old-server.example.test/telegram/webhook",
        "pending_update_count": 12,
        "last_error_date": int(time.time()) - 60,
        "last_error_message": "Connection refused",
    }
    status, output = await check(deployment, tmp_path)
    assert status == 1
    [mismatch] = problems(output)
    assert "old-server.example.test" in mismatch and WEBHOOK in mismatch
    assert "setWebhook" in mismatch

    api.webhook_info = {"url": WEBHOOK, "pending_update_count": 3, "max_connections": 100}
    status, output = await check(deployment, tmp_path)
    assert (status, problems(output)) == (0, []), output
    assert f"Telegram sends updates to {WEBHOOK} (3 waiting, max_connections 100)" in output
    assert "the stored NIK read back" in output
    assert "the clock agrees" in output
    assert TOKEN not in output and SECRET not in output
