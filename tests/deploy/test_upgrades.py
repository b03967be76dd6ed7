"""Upgrades: hosts starting together on a fresh PostgreSQL take turns migrating, and ``serve``
refuses a schema that a newer release migrated, saying so and leaving it untouched."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from bot.migrate import VERSION_TABLE, code_heads, read_schema_state
from bot.settings import Settings
from models.db import create_engine
from tests.conftest import POSTGRES_URL, _reset_postgres_schema
from tests.support.bot_process import environment

NEWER = "0099_from_a_newer_release"


async def run(settings: Settings, folder: Path, *args: str) -> tuple[int, str]:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        *args,
        env=environment(settings),
        cwd=folder,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    output, _ = await asyncio.wait_for(process.communicate(), 120)
    assert process.returncode is not None
    return process.returncode, output.decode()


async def stamp(url: str, revision: str) -> None:
    engine = create_engine(url)
    async with engine.begin() as connection:
        await connection.execute(
            text(f"UPDATE {VERSION_TABLE} SET version_num = :v"), {"v": revision}
        )
    await engine.dispose()


async def test_serve_refuses_a_schema_newer_than_it_knows(
    settings: Settings, tmp_path: Path
) -> None:
    [head] = code_heads()
    await stamp(settings.database_url, NEWER)
    try:
        status, output = await run(settings, tmp_path, "serve")
        state = await read_schema_state(settings.database_url)
    finally:
        await stamp(settings.database_url, head)
    assert status == 1
    assert "umkm-bot serve does not start" in output
    assert f"the database schema ({NEWER}) is newer than this version" in output
    assert "Traceback" not in output
    assert state.database == {NEWER}  # untouched


@pytest.mark.skipif(not POSTGRES_URL, reason="the advisory lock is PostgreSQL's")
async def test_hosts_starting_together_take_turns_migrating(
    settings: Settings, tmp_path: Path
) -> None:
    await _reset_postgres_schema(settings.database_url)
    results = await asyncio.gather(*(run(settings, tmp_path, "migrate") for _ in range(2)))
    for status, output in results:
        assert status == 0, output
    assert (await read_schema_state(settings.database_url)).current
    ran_first = [output for _, output in results if "Running upgrade  -> 0001" in output]
    assert len(ran_first) == 1, "one host migrated, the others found nothing left to do"
