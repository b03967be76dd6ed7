"""``umkm-bot backup``: one archive file with a consistent copy of the database, the media
files and a manifest, taken while the bot runs; the oldest archives beyond ``BACKUP_KEEP`` are
deleted.

The archive holds no key: the NIK and NPWP in it are encrypted with ``DATA_ENCRYPTION_KEYS``,
which must be kept apart from it (a stolen backup then reveals no identity number, and a lost
key makes them unreadable for good). The manifest names the schema revision, the rows of every
table, the SHA-256 of every file, and the time.
"""

from __future__ import annotations

import asyncio
import hashlib
import io
import json
import tarfile
import tempfile
from dataclasses import asdict, dataclass, field
from datetime import datetime
from importlib import metadata
from pathlib import Path

from bot.backup_db import Snapshot, copy_sqlite, dump_postgres, is_sqlite
from bot.settings import Settings
from models.db import utcnow

PREFIX = "umkm-bot-backup-"
SUFFIX = ".tar.gz"
TIME_FORMAT = "%Y%m%dT%H%M%SZ"
"""An archive's name carries its manifest's time, in UTC."""
MANIFEST = "manifest.json"
SQLITE_MEMBER = "database.sqlite3"
POSTGRES_MEMBER = "database.pgdump"
MEDIA = "media"
FORMAT = 1
KEYS_NOTICE = (
    "This backup holds no keys. Keep DATA_ENCRYPTION_KEYS and BLIND_INDEX_KEY (from the bot's "
    "environment file or .env) in a separate safe place, such as the bureau's password "
    "manager or a sealed copy: without them no NIK or NPWP in any backup can be read."
)


@dataclass
class Manifest:
    created_at: str
    database: str
    schema_revision: str | None
    rows: dict[str, int]
    files: dict[str, str] = field(default_factory=dict)
    """Each member's SHA-256, the manifest's own aside."""
    version: str = ""
    format: int = FORMAT

    def to_json(self) -> bytes:
        return json.dumps(asdict(self), indent=2, sort_keys=True).encode()

    @classmethod
    def from_json(cls, data: bytes) -> Manifest:
        return cls(**json.loads(data))


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def backup(settings: Settings, folder: Path | None = None) -> Path:
    """Writes the archive into ``folder`` (``BACKUP_DIR``); returns its path."""
    folder = folder or settings.backup_dir
    folder.mkdir(parents=True, exist_ok=True)
    now = utcnow()
    target = folder / f"{PREFIX}{now.strftime(TIME_FORMAT)}{SUFFIX}"
    with tempfile.TemporaryDirectory(dir=folder, prefix=".backup-") as work:
        copy, snapshot = database_copy(settings.database_url, Path(work))
        manifest = Manifest(
            created_at=now.isoformat(),
            database="sqlite" if is_sqlite(settings.database_url) else "postgresql",
            schema_revision=snapshot.revision,
            rows=snapshot.rows,
            version=own_version(),
        )
        staged = Path(work) / target.name
        write_archive(staged, copy, settings.media_dir, manifest)
        staged.replace(target)
    prune(folder, settings.backup_keep)
    return target


def database_copy(database_url: str, work: Path) -> tuple[Path, Snapshot]:
    if is_sqlite(database_url):
        copy = work / SQLITE_MEMBER
        return copy, copy_sqlite(database_url, copy)
    copy = work / POSTGRES_MEMBER
    return copy, asyncio.run(dump_postgres(database_url, copy))


def write_archive(target: Path, database: Path, media_dir: Path, manifest: Manifest) -> None:
    """The database first, the media files (written before their rows were committed, so every
    photo the copy names is there), then the manifest with every member's checksum."""
    with tarfile.open(target, "w:gz") as archive:
        manifest.files[database.name] = sha256_of(database)
        archive.add(database, arcname=database.name)
        if media_dir.is_dir():
            for path in sorted(media_dir.rglob("*")):
                if path.is_file():
                    name = f"{MEDIA}/{path.relative_to(media_dir).as_posix()}"
                    manifest.files[name] = sha256_of(path)
                    archive.add(path, arcname=name)
        data = manifest.to_json()
        info = tarfile.TarInfo(MANIFEST)
        info.size, info.mtime = (
            len(data),
            int(datetime.fromisoformat(manifest.created_at).timestamp()),
        )
        archive.addfile(info, io.BytesIO(data))


def own_version() -> str:
    try:
        return metadata.version("umkm-katalog-bot")
    except metadata.PackageNotFoundError:
        return "unknown"


def prune(folder: Path, keep: int) -> list[Path]:
    """Deletes the archives beyond the newest ``keep`` (their names sort by time)."""
    archives = sorted(folder.glob(f"{PREFIX}*{SUFFIX}"))
    old = archives[:-keep] if keep > 0 else []
    for path in old:
        path.unlink()
    return old
