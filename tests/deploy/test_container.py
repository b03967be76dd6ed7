"""The container image, built from the Dockerfile with podman and started as an operator would:
``umkm-bot migrate`` on its own, then the default command (``serve``) as a user without
privileges, its HEALTHCHECK passing, a Telegram webhook answered through the fake Bot API, and
a graceful stop; and, without settings, its SQLite database written into a new volume.

It runs once, in the PostgreSQL run (``TEST_DATABASE_URL``), against a database of its own on
that server, as compose runs the image. Deselect it with ``-k "not container"``. A cold run
(debootstrap and the whole build) takes a few minutes; later runs reuse the cached base image
and podman's layers (tests/support/podman.py).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path

import asyncpg
import httpx
import pytest
from alembic.script import ScriptDirectory
from sqlalchemy.engine import URL, make_url

from bot.migrate import alembic_config
from tests.conftest import POSTGRES_URL
from tests.support.bot_api_server import BotApiServer
from tests.support.bot_process import SECRET, SECRET_HEADER, TOKEN, free_port, text_update
from tests.support.components import require_program
from tests.support.keys import TEST_BLIND_INDEX_KEY, TEST_ENCRYPTION_KEY
from tests.support.podman import Podman, base_image, build_image, tail

pytestmark = pytest.mark.skipif(
    not POSTGRES_URL, reason="runs once, in the PostgreSQL run (TEST_DATABASE_URL)"
)

START_SECONDS = 90.0
REPLY_SECONDS = 30.0


@pytest.fixture(scope="module")
def podman(tmp_path_factory: pytest.TempPathFactory) -> Podman:
    require_program("runc")
    return Podman(require_program("podman"), tmp_path_factory.mktemp("podman"))


@pytest.fixture(scope="module")
def image(podman: Podman, tmp_path_factory: pytest.TempPathFactory) -> str:
    base = base_image(podman, require_program("debootstrap"))
    return build_image(podman, base, tmp_path_factory.mktemp("build"))


@pytest.fixture
async def database() -> AsyncIterator[URL]:
    """An empty database of the image's own on the test server, dropped afterwards."""
    server = make_url(POSTGRES_URL)
    url = server.set(database=f"{server.database}_image")
    admin = await asyncpg.connect(
        host=server.host, port=server.port, user=server.username, database=server.database
    )
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{url.database}" WITH (FORCE)')
        await admin.execute(f'CREATE DATABASE "{url.database}"')
        yield url
        await admin.execute(f'DROP DATABASE IF EXISTS "{url.database}" WITH (FORCE)')
    finally:
        await admin.close()


@pytest.fixture
def api() -> Iterator[BotApiServer]:
    with BotApiServer() as server:
        yield server


def env_file(path: Path, database: URL, api: BotApiServer, port: int) -> Path:
    """The settings an operator puts in `.env`, here for the fake Bot API on the host."""
    settings = {
        "DATABASE_URL": database.render_as_string(hide_password=False),
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_WEBHOOK_SECRET": SECRET,
        "TELEGRAM_API_BASE_URL": api.base_url,
        "TELEGRAM_API_FILE_URL": api.base_url.replace("/bot", "/file/bot"),
        "DATA_ENCRYPTION_KEYS": TEST_ENCRYPTION_KEY,
        "BLIND_INDEX_KEY": TEST_BLIND_INDEX_KEY,
        "WEB_HOST": "127.0.0.1",
        "WEB_PORT": str(port),
    }
    path.write_text("".join(f"{name}={value}\n" for name, value in settings.items()))
    return path


async def schema_revisions(database: URL) -> set[str]:
    connection = await asyncpg.connect(
        host=database.host, port=database.port, user=database.username, database=database.database
    )
    try:
        return {row[0] for row in await connection.fetch("select version_num from alembic_version")}
    finally:
        await connection.close()


def process_user_ids(podman: Podman, container: str) -> list[int]:
    """The real, effective, saved and file-system user ids of the container's main process."""
    pid = podman("inspect", "--format={{.State.Pid}}", container).stdout.strip()
    status = Path(f"/proc/{pid}/status").read_text().splitlines()
    uid_line = next(line for line in status if line.startswith("Uid:"))
    return [int(value) for value in uid_line.split()[1:]]


async def until_answered(client: httpx.AsyncClient, path: str, logs: Callable[[], str]) -> None:
    for _ in range(int(START_SECONDS / 0.2)):
        try:
            if (await client.get(path)).status_code == 200:
                return
        except httpx.TransportError:
            pass
        await asyncio.sleep(0.2)
    raise AssertionError(f"{path} never answered 200:\n{logs()}")


async def test_the_image_migrates_then_serves_webhooks_as_a_user_without_privileges(
    podman: Podman, image: str, database: URL, api: BotApiServer, tmp_path: Path
) -> None:
    port = free_port()
    settings = env_file(tmp_path / ".env", database, api, port)
    run = ("run", "--network=host", f"--env-file={settings}")

    migrated = podman(*run, "--rm", image, "migrate", timeout=180)
    script = ScriptDirectory.from_config(
        alembic_config(database.render_as_string(hide_password=False))
    )
    assert await schema_revisions(database) == set(script.get_heads()), tail(migrated)

    name = f"umkm-bot-test-{port}"
    podman(*run, "--detach", f"--name={name}", image)
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=10) as client:
            await until_answered(client, "/healthz", lambda: tail(podman("logs", name)))
            await until_answered(client, "/readyz", lambda: tail(podman("logs", name)))
            healthcheck = podman("healthcheck", "run", name, check=False)
            assert healthcheck.returncode == 0, tail(healthcheck)
            assert all(uid != 0 for uid in process_user_ids(podman, name))

            chat = 88_001
            update = text_update(chat, "/daftar")
            answer = await client.post(
                "/telegram/webhook", json=update, headers={SECRET_HEADER: SECRET}
            )
            assert answer.status_code == 200
            for _ in range(int(REPLY_SECONDS / 0.1)):
                if any("pemberitahuan privasi" in m.text for m in api.messages_to(chat)):
                    break
                await asyncio.sleep(0.1)
            else:
                raise AssertionError(f"no reply to the webhook:\n{tail(podman('logs', name))}")

        # `docker stop` (SIGTERM): the process finishes and exits by itself, long before the
        # stop timeout would kill it.
        podman("stop", "--time=60", name, timeout=90)
        logs = tail(podman("logs", name))
        assert podman("inspect", "--format={{.State.ExitCode}}", name).stdout.strip() == "0", logs
        assert "Application shutdown complete" in logs
    finally:
        podman("rm", "--force", "--time=0", name, check=False)


def test_a_new_volume_takes_the_sqlite_database_of_the_user_without_privileges(
    podman: Podman, image: str, tmp_path: Path
) -> None:
    volume = f"umkm-bot-test-{tmp_path.name}"
    mount = f"--volume={volume}:/var/lib/umkm-bot"
    try:
        migrated = podman("run", "--rm", mount, image, "migrate", timeout=180)
        listed = podman("run", "--rm", mount, "--entrypoint=ls", image, "-ln", "database")
        database = next(line for line in listed.stdout.splitlines() if "umkm-bot.sqlite3" in line)
        assert database.split()[2] == "999", tail(migrated)  # the user `umkm-bot`
    finally:
        podman("volume", "rm", "--force", volume, check=False)
