"""Shared fixtures: a migrated database per test (SQLite by default, PostgreSQL when
``TEST_DATABASE_URL`` is set), a controllable clock, and bots driven through the real
python-telegram-bot ``Application``."""

from __future__ import annotations

import asyncio
import os
import shutil
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from pydantic import SecretStr
from sqlalchemy import text

from bot.migrate import upgrade
from bot.settings import Settings
from models.crypto import install_keyring
from models.db import Base, create_engine
from tests.support.clock import FakeClock
from tests.support.keys import TEST_BLIND_INDEX_KEY, TEST_ENCRYPTION_KEY, keyring_with
from tests.support.telegram_chat import TelegramBot

POSTGRES_URL = os.environ.get("TEST_DATABASE_URL", "")


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path | str:
    """Runs the Alembic migrations once: into a template SQLite file, or a fresh PostgreSQL
    schema."""
    if POSTGRES_URL:
        asyncio.run(_reset_postgres_schema(POSTGRES_URL))
        upgrade(POSTGRES_URL)
        return POSTGRES_URL
    template = tmp_path_factory.mktemp("template") / "template.sqlite3"
    upgrade(f"sqlite+aiosqlite:///{template}")
    return template


async def _reset_postgres_schema(url: str) -> None:
    engine = create_engine(url)
    async with engine.begin() as connection:
        await connection.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        await connection.execute(text("CREATE SCHEMA public"))
    await engine.dispose()


async def _truncate_postgres(url: str) -> None:
    engine = create_engine(url)
    tables = ", ".join(table.name for table in Base.metadata.sorted_tables)
    async with engine.begin() as connection:
        await connection.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
    await engine.dispose()


@pytest.fixture
async def database_url(migrated_template: Path | str, tmp_path: Path) -> str:
    """A migrated, empty database for one test."""
    if isinstance(migrated_template, str):
        await _truncate_postgres(migrated_template)
        return migrated_template
    target = tmp_path / "bot.sqlite3"
    shutil.copyfile(migrated_template, target)
    return f"sqlite+aiosqlite:///{target}"


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> Settings:
    return Settings(
        _env_file=None,
        database_url=database_url,
        telegram_bot_token=None,
        bureau_name="BPBJ Kota Batu",
        bureau_contact="bpbj@batukota.go.id",
        media_dir=tmp_path / "media",
        data_encryption_keys=SecretStr(TEST_ENCRYPTION_KEY),
        blind_index_key=SecretStr(TEST_BLIND_INDEX_KEY),
        # The fake clock stands still, so every scripted conversation would look like a flood;
        # tests/e2e/test_flood_control.py uses the real limit.
        flood_max_updates=1_000_000,
        # Exports and statistics in a thread: the same code without starting a process per
        # test; tests/e2e/test_reports_telegram.py runs them in a worker process once.
        report_processes=0,
        # Tests deliver the outbox when they mean to; tests/whatsapp/test_cross_process.py
        # turns the watcher on.
        outbox_watch=False,
        # Bot processes of tests run side by side: tests/deploy/test_metrics.py serves metrics
        # on ports of its own.
        metrics_port=0,
    )


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
async def telegram(settings: Settings, clock: FakeClock) -> AsyncIterator[TelegramBot]:
    """A started bot; tests that restart it stop this one and start another on the same
    database."""
    bot = await TelegramBot(settings, clock).start()
    yield bot
    await bot.stop()


@pytest.fixture(autouse=True)
def _no_env_file(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Keeps a developer's `.env` (and its token) out of the tests."""
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    monkeypatch.delenv("DATA_ENCRYPTION_KEYS", raising=False)
    monkeypatch.delenv("BLIND_INDEX_KEY", raising=False)
    yield


@pytest.fixture(autouse=True)
def _test_keyring() -> None:
    """Installs the test keys, also for tests that use the database without building services
    (and replaces keys a previous test installed)."""
    install_keyring(keyring_with())
