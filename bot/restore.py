"""``umkm-bot restore FILE``: puts a backup (:mod:`bot.backup`) back, with the bot stopped (a
bot still serving the database is refused, unless ``--force``).

Every file is checked against the manifest's checksum before anything is touched. The target
database must be empty (no rows in any table; a fresh database or one only migrated) and the
media folder too, unless ``--force``. A backup of a newer schema than this version of the bot
knows is refused; an older one is migrated after the restore. The rows of every table are then
counted against the manifest, and the stored NIK and NPWP decrypted with this deployment's keys.
"""

from __future__ import annotations

import asyncio
import hashlib
import shutil
import tarfile
import tempfile
from pathlib import Path, PurePosixPath

from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import text

from bot.backup import MANIFEST, MEDIA, POSTGRES_MEMBER, SQLITE_MEMBER, Manifest
from bot.backup_db import (
    Snapshot,
    count_postgres,
    count_sqlite,
    is_sqlite,
    put_back_postgres,
    put_back_sqlite,
    sqlite_path,
)
from bot.migrate import alembic_config, upgrade
from bot.serving import bots_serving
from bot.settings import Settings
from models.crypto import Keyring, KeysMissing, UndecryptableValue
from models.db import create_engine


class RestoreRefused(RuntimeError):
    """Why nothing was restored."""


def restore(settings: Settings, archive: Path, *, force: bool = False) -> Manifest:
    """Restores ``archive`` into ``DATABASE_URL`` and ``MEDIA_DIR``; returns its manifest."""
    if not force:
        refuse_while_served(settings.database_url)
    with tempfile.TemporaryDirectory(prefix="umkm-bot-restore-") as work:
        manifest = unpack(archive, Path(work))
        check_revision(settings.database_url, manifest.schema_revision)
        if not force:
            refuse_non_empty(settings)
        sqlite = manifest.database == "sqlite"
        if sqlite != is_sqlite(settings.database_url):
            raise RestoreRefused(
                f"the backup is of a {manifest.database} database; DATABASE_URL names another kind"
            )
        copy = Path(work) / (SQLITE_MEMBER if sqlite else POSTGRES_MEMBER)
        if sqlite:
            put_back_sqlite(copy, settings.database_url)
        else:
            asyncio.run(put_back_postgres(copy, settings.database_url))
        put_back_media(Path(work) / MEDIA, settings.media_dir)
    restored = counts(settings.database_url)
    if restored.rows != manifest.rows:
        different = sorted(
            name
            for name in manifest.rows.keys() | restored.rows.keys()
            if manifest.rows.get(name) != restored.rows.get(name)
        )
        raise RestoreRefused(f"rows restored differ from the manifest in {', '.join(different)}")
    upgrade(settings.database_url)
    return manifest


def unpack(archive: Path, work: Path) -> Manifest:
    """Extracts the archive into ``work``, every file checked against the manifest."""
    with tarfile.open(archive, "r:gz") as tar:
        member = tar.extractfile(MANIFEST)
        if member is None:
            raise RestoreRefused(f"{archive} is not a backup of this bot (no manifest)")
        manifest = Manifest.from_json(member.read())
        files = [info for info in tar.getmembers() if info.name != MANIFEST]
        if sorted(info.name for info in files) != sorted(manifest.files):
            raise RestoreRefused("the archive's files are not those its manifest lists")
        for info in files:
            extract(tar, info, work, manifest.files[info.name])
    return manifest


def extract(tar: tarfile.TarFile, info: tarfile.TarInfo, work: Path, checksum: str) -> None:
    """One regular file, inside ``work``, with the checksum the manifest gives."""
    name = PurePosixPath(info.name)
    if not info.isfile() or name.is_absolute() or ".." in name.parts:
        raise RestoreRefused(f"{info.name}: not a file this bot's backups hold")
    source = tar.extractfile(info)
    assert source is not None  # a regular file
    target = work.joinpath(*name.parts)
    target.parent.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    with source, target.open("wb") as output:
        for block in iter(lambda: source.read(1 << 20), b""):
            digest.update(block)
            output.write(block)
    if digest.hexdigest() != checksum:
        raise RestoreRefused(f"{info.name} is damaged (its checksum differs from the manifest)")


def check_revision(database_url: str, revision: str | None) -> None:
    """Refuses a backup whose schema this version does not know (made by a newer one)."""
    script = ScriptDirectory.from_config(alembic_config(database_url))
    if revision is None:
        raise RestoreRefused("the backup has no schema revision")
    try:
        known = script.get_revision(revision)
    except CommandError:
        known = None
    if known is None:
        heads = ", ".join(script.get_heads())
        raise RestoreRefused(
            f"the backup's schema {revision} is newer than this version of the bot knows "
            f"({heads}): install the version that made it, or a newer one, first"
        )


def counts(database_url: str) -> Snapshot:
    if is_sqlite(database_url):
        path = sqlite_path(database_url)
        return count_sqlite(path) if path.exists() else Snapshot(None, {})
    return asyncio.run(count_postgres(database_url))


def refuse_while_served(database_url: str) -> None:
    """Refuses to replace the data under a running bot (:mod:`bot.serving`)."""
    found = bots_serving(database_url)
    if not found:
        return
    using = "" if is_sqlite(database_url) else f" ({found} connections named umkm-bot)"
    raise RestoreRefused(
        f"the bot is running on this database{using}. Stop it first (sudo systemctl stop "
        "umkm-bot, or docker compose stop bot), then restore; --force restores anyway"
    )


def refuse_non_empty(settings: Settings) -> None:
    filled = sorted(
        name
        for name, rows in counts(settings.database_url).rows.items()
        if rows and name != "alembic_version"
    )
    if filled:
        raise RestoreRefused(
            f"the database is not empty ({len(filled)} tables have rows): restore into an empty "
            "one, or add --force to replace what it holds"
        )
    media = settings.media_dir
    if media.is_dir() and any(path.is_file() for path in media.rglob("*")):
        raise RestoreRefused(f"{media} is not empty: add --force to replace its files")


def put_back_media(source: Path, media_dir: Path) -> None:
    if not source.is_dir():
        return
    media_dir.mkdir(parents=True, exist_ok=True)
    shutil.copytree(source, media_dir, dirs_exist_ok=True)


async def keys_read_stored_numbers(database_url: str, keyring: Keyring) -> bool | None:
    """Whether the keys decrypt a stored NIK or NPWP; None when none is stored."""
    engine = create_engine(database_url, read_only=True)
    try:
        async with engine.connect() as connection:
            sample = await connection.scalar(
                text(
                    "SELECT COALESCE(nik, npwp) FROM vendor "
                    "WHERE nik IS NOT NULL OR npwp IS NOT NULL LIMIT 1"
                )
            )
    finally:
        await engine.dispose()
    if sample is None:
        return None
    try:
        keyring.decrypt(str(sample))
    except UndecryptableValue:
        return False
    return True


def keys_verdict(settings: Settings) -> str:
    """A line for the operator on whether this deployment's keys read the restored numbers."""
    try:
        keyring = settings.keyring()
    except KeysMissing:
        return "DATA_ENCRYPTION_KEYS or BLIND_INDEX_KEY is not set: no NIK or NPWP can be read"
    readable = asyncio.run(keys_read_stored_numbers(settings.database_url, keyring))
    if readable is None:
        return "no NIK or NPWP stored yet"
    if readable:
        return "the keys read the stored NIK and NPWP"
    return (
        "DATA_ENCRYPTION_KEYS cannot read the stored NIK and NPWP: set the keys the backup's "
        "deployment used"
    )
