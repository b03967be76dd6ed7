"""``umkm-bot backup`` while vendors are writing, and ``restore`` into an empty database: every
row, photo and consent back, a vendor's draft continued where it was, a NIK still decrypted.
Restore refuses a database with rows and a backup of a newer schema, and migrates an older
one. On SQLite, and on PostgreSQL with ``TEST_DATABASE_URL`` (restored into a second database
the test creates and drops)."""

from __future__ import annotations

import asyncio
import hashlib
import io
import os
import subprocess
import sys
import tarfile
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from cryptography.fernet import Fernet
from pydantic import SecretStr
from sqlalchemy import select, text
from sqlalchemy.engine import make_url

from bot.backup import KEYS_NOTICE, PREFIX, SUFFIX, Manifest, backup, prune
from bot.backup_db import count_sqlite
from bot.migrate import alembic_config, code_heads, upgrade
from bot.restore import RestoreRefused, keys_verdict, restore
from bot.serving import serving
from bot.settings import Settings
from models.db import Base, create_engine
from tests.e2e.test_products_telegram import add_product
from tests.support.bot_process import environment
from tests.support.clock import FakeClock
from tests.support.components import require_program
from tests.support.telegram_chat import TelegramBot, TelegramUser

NAMES = ("Siti Aminah", "Budi Santoso", "Rina Wati", "Agus Salim")
DRAFT_USER = 9_900


def nik(index: int) -> str:
    return f"357901410185{index + 1:04d}"


async def register(user: TelegramUser, index: int) -> None:
    """A whole registration, submitted, then a product with a photo."""
    await user.say("/daftar")
    await user.press("Saya setuju")
    await user.say(NAMES[index])
    await user.say(nik(index))
    await user.share_contact(f"+62 812-3456-78{index:02d}")
    await user.say(f"Keripik Apel {NAMES[index]}")
    await user.say(f"912000123456{index}")
    await user.say("10792, 47211")
    await user.press("Lewati")
    await user.say("25 juta per bulan")
    await user.press("Ya, benar")
    await user.press("Makanan dan Minuman")
    await user.press("Bumiaji")
    await user.press("Punten")
    await user.say("Jl. Raya Punten No. 12, RT 02/RW 05")
    await user.say(f"vendor{index}@example.id")
    await user.press("Kirim untuk diverifikasi")
    await user.say("/start")
    await add_product(user, f"Keripik Apel Original {index}", "15000")


async def register_more(bot: TelegramBot, indexes: tuple[int, ...], first: asyncio.Event) -> None:
    """Registers one vendor after the other; ``first`` is set once the first is done."""
    for index in indexes:
        await register(bot.user(9_001 + index), index)
        first.set()


async def start_draft(bot: TelegramBot) -> None:
    """A vendor who stops after their name: the next question is the NIK."""
    user = bot.user(DRAFT_USER)
    await user.say("/daftar")
    await user.press("Saya setuju")
    await user.say("Dewi Lestari")
    assert "Langkah 2 dari" in user.last.text


async def table_rows(database_url: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in primary key order (NIK and NPWP decrypted)."""
    engine = create_engine(database_url)
    try:
        async with engine.connect() as connection:
            return {
                table.name: [
                    tuple(row)
                    for row in await connection.execute(
                        select(table).order_by(*table.primary_key.columns)
                    )
                ]
                for table in Base.metadata.sorted_tables
            }
    finally:
        await engine.dispose()


async def tallies_match(database_url: str) -> bool:
    engine = create_engine(database_url)
    try:
        async with engine.connect() as connection:
            figures = [
                await connection.scalar(text(query))
                for query in (
                    "SELECT count(*) FROM vendor",
                    "SELECT COALESCE(sum(registrations), 0) FROM vendor_tally",
                    "SELECT count(*) FROM product",
                    "SELECT COALESCE(sum(products), 0) FROM product_tally",
                )
            ]
    finally:
        await engine.dispose()
    return bool(figures[0] == figures[1] and figures[2] == figures[3])


def media_files(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture
async def empty_database(settings: Settings, tmp_path: Path) -> AsyncIterator[str]:
    """A second, empty database (never migrated) to restore into."""
    if settings.database_url.startswith("sqlite"):
        yield f"sqlite+aiosqlite:///{tmp_path / 'restored.sqlite3'}"
        return
    require_program("pg_dump")
    require_program("pg_restore")
    url = make_url(settings.database_url)
    name = f"{url.database}_restored"
    admin = create_engine(url.set(database="postgres").render_as_string(hide_password=False))
    async with admin.connect() as connection:
        await connection.execution_options(isolation_level="AUTOCOMMIT")
        await connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        await connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        async with admin.connect() as connection:
            await connection.execution_options(isolation_level="AUTOCOMMIT")
            await connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        await admin.dispose()


def restored_settings(settings: Settings, database_url: str, tmp_path: Path) -> Settings:
    return settings.model_copy(
        update={"database_url": database_url, "media_dir": tmp_path / "restored-media"}
    )


async def test_backup_while_vendors_write_then_restore_everything(
    settings: Settings, clock: FakeClock, empty_database: str, tmp_path: Path
) -> None:
    bot = await TelegramBot(settings, clock).start()
    folder = tmp_path / "backups"
    target = restored_settings(settings, empty_database, tmp_path)
    try:
        await start_draft(bot)
        await register(bot.user(9_001), 0)
        first = asyncio.Event()
        writing = asyncio.create_task(register_more(bot, (1, 2, 3), first))
        await first.wait()
        during = await asyncio.to_thread(backup, settings, folder)
        await writing
    finally:
        await bot.stop()  # it writes the last delivery confirmations
    manifest = await asyncio.to_thread(restore, target, during)
    # The copy taken mid-way is consistent: restore counted what the manifest says, and the
    # tallies the triggers keep match the rows they count.
    assert 2 <= manifest.rows["vendor"] <= 5 and manifest.rows["product_photo"] >= 1
    assert await tallies_match(empty_database)

    after = await asyncio.to_thread(backup, settings, folder)
    with pytest.raises(RestoreRefused, match="not empty"):
        await asyncio.to_thread(restore, target, after)
    await asyncio.to_thread(restore, target, after, force=True)
    assert await table_rows(empty_database) == await table_rows(settings.database_url)
    assert media_files(target.media_dir) == media_files(settings.media_dir) != {}
    rows = await table_rows(empty_database)
    assert len(rows["consent"]) == 5 and len(rows["product_photo"]) == 4
    assert await asyncio.to_thread(keys_verdict, target) == "the keys read the stored NIK and NPWP"
    other_key = SecretStr(Fernet.generate_key().decode())
    lost = target.model_copy(update={"data_encryption_keys": other_key})
    assert "cannot read the stored NIK" in await asyncio.to_thread(keys_verdict, lost)
    restored = await TelegramBot(target, clock).start()
    try:
        async with restored.services.uow_factory() as uow:
            user = await uow.users.by_identity("telegram", "9001")
            assert user is not None
            vendor = await uow.vendors.by_user(user.id)
            assert vendor is not None and vendor.nik == nik(0)
        draft = restored.user(DRAFT_USER)
        await draft.say(nik(9))
        assert "Langkah 3 dari" in draft.last.text
    finally:
        await restored.stop()


async def test_restore_refuses_a_newer_schema(
    settings: Settings, empty_database: str, tmp_path: Path
) -> None:
    async with schema_revision(settings.database_url, "0999_newer"):
        archive = await asyncio.to_thread(backup, settings, tmp_path / "backups")
    target = restored_settings(settings, empty_database, tmp_path)
    with pytest.raises(RestoreRefused, match="newer than this version"):
        await asyncio.to_thread(restore, target, archive)
    assert not await asyncio.to_thread(has_tables, empty_database)


@asynccontextmanager
async def schema_revision(database_url: str, revision: str) -> AsyncIterator[None]:
    """The database claims ``revision`` meanwhile (PostgreSQL's test schema is shared)."""
    engine = create_engine(database_url)
    async with engine.begin() as connection:
        before = await connection.scalar(text("SELECT version_num FROM alembic_version"))
        await connection.execute(text(f"UPDATE alembic_version SET version_num = '{revision}'"))
    try:
        yield
    finally:
        async with engine.begin() as connection:
            await connection.execute(
                text("UPDATE alembic_version SET version_num = :before"), {"before": before}
            )
        await engine.dispose()


def has_tables(database_url: str) -> bool:
    if database_url.startswith("sqlite"):
        path = Path(make_url(database_url).database or "")
        return path.exists() and bool(count_sqlite(path).rows)
    engine = create_engine(database_url)

    async def tables() -> bool:
        async with engine.connect() as connection:
            found = await connection.scalar(
                text("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()")
            )
        await engine.dispose()
        return bool(found)

    return asyncio.run(tables())


def test_restore_migrates_a_backup_of_an_older_schema(settings: Settings, tmp_path: Path) -> None:
    older = f"sqlite+aiosqlite:///{tmp_path / 'older.sqlite3'}"
    command.upgrade(alembic_config(older), "0017_decision_units")
    source = settings.model_copy(update={"database_url": older, "media_dir": tmp_path / "none"})
    archive = backup(source, tmp_path / "backups")
    assert Manifest.from_json(read_member(archive, "manifest.json")).schema_revision == (
        "0017_decision_units"
    )
    restored = f"sqlite+aiosqlite:///{tmp_path / 'restored.sqlite3'}"
    restore(restored_settings(settings, restored, tmp_path), archive)
    upgraded = count_sqlite(tmp_path / "restored.sqlite3")
    assert frozenset({upgraded.revision}) == code_heads()
    upgrade(restored)  # nothing left to do


def read_member(archive: Path, name: str) -> bytes:
    with tarfile.open(archive, "r:gz") as tar:
        member = tar.extractfile(name)
        assert member is not None
        return member.read()


def test_backup_command_names_its_archive_and_where_the_keys_go(
    settings: Settings, tmp_path: Path
) -> None:
    folder = tmp_path / "backups"
    env = environment(settings.model_copy(update={"backup_keep": 2}))
    done = subprocess.run(
        [sys.executable, "-m", "bot", "backup", str(folder)],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    lines = done.stdout.splitlines()
    assert Path(lines[0]).parent == folder and Path(lines[0]).is_file()
    assert lines[1] == KEYS_NOTICE
    secrets = (os.environ.get("DATA_ENCRYPTION_KEYS"), env["DATA_ENCRYPTION_KEYS"])
    assert not any(secret and secret in done.stdout + done.stderr for secret in secrets)


def test_backup_keeps_the_newest(tmp_path: Path) -> None:
    names = [f"{PREFIX}2026120{day}T020000Z{SUFFIX}" for day in range(1, 6)]
    for name in names:
        (tmp_path / name).write_bytes(b"")
    (tmp_path / "other.tar.gz").write_bytes(b"")
    assert prune(tmp_path, 2) == [tmp_path / name for name in names[:3]]
    assert sorted(path.name for path in tmp_path.iterdir()) == ["other.tar.gz", *names[3:]]


async def test_restore_refuses_a_damaged_archive(
    settings: Settings, empty_database: str, tmp_path: Path
) -> None:
    photo = settings.media_dir / "vendor" / "1.jpg"
    photo.parent.mkdir(parents=True)
    photo.write_bytes(b"\xff\xd8\xff a photo")
    archive = await asyncio.to_thread(backup, settings, tmp_path / "backups")
    damaged = tmp_path / "damaged.tar.gz"
    with tarfile.open(archive, "r:gz") as source, tarfile.open(damaged, "w:gz") as copy:
        for info in source.getmembers():
            data = source.extractfile(info)
            assert data is not None
            content = data.read()
            if info.name == "media/vendor/1.jpg":
                content = content.replace(b"photo", b"phot0")
            copy.addfile(info, io.BytesIO(content))
    target = restored_settings(settings, empty_database, tmp_path)
    with pytest.raises(RestoreRefused, match=r"media/vendor/1\.jpg is damaged"):
        await asyncio.to_thread(restore, target, damaged)
    assert not await asyncio.to_thread(has_tables, empty_database)
    await asyncio.to_thread(restore, target, archive)
    assert (target.media_dir / "vendor" / "1.jpg").read_bytes() == photo.read_bytes()


@asynccontextmanager
async def bot_serving(database_url: str) -> AsyncIterator[None]:
    """What a running bot leaves visible: on SQLite the lock ``run`` and ``serve`` hold, on
    PostgreSQL a pooled connection of the bot's engine."""
    if database_url.startswith("sqlite"):
        with serving(database_url):
            yield
        return
    engine = create_engine(database_url)
    try:
        async with engine.connect() as connection:
            await connection.execute(text("SELECT 1"))
            yield
    finally:
        await engine.dispose()


async def test_restore_refuses_while_a_bot_serves_the_database(
    settings: Settings, empty_database: str, tmp_path: Path
) -> None:
    archive = await asyncio.to_thread(backup, settings, tmp_path / "backups")
    target = restored_settings(settings, empty_database, tmp_path)
    async with bot_serving(empty_database):
        with pytest.raises(RestoreRefused, match="the bot is running on this database"):
            await asyncio.to_thread(restore, target, archive)
        assert not await asyncio.to_thread(has_tables, empty_database)
    await asyncio.to_thread(restore, target, archive)  # stopped: restored
    assert await asyncio.to_thread(has_tables, empty_database)


async def test_restore_with_force_goes_on_beside_a_bot(
    settings: Settings, empty_database: str, tmp_path: Path
) -> None:
    archive = await asyncio.to_thread(backup, settings, tmp_path / "backups")
    target = restored_settings(settings, empty_database, tmp_path)
    async with bot_serving(empty_database):
        await asyncio.to_thread(restore, target, archive, force=True)
    assert await asyncio.to_thread(has_tables, empty_database)
