"""``umkm_bot_last_backup_timestamp_seconds``: the time of the newest backup in BACKUP_DIR, the
one its manifest gives, read at each scrape; 0 before any."""

from __future__ import annotations

import re
import tarfile
from datetime import datetime
from pathlib import Path

from prometheus_client import generate_latest

from bot.backup import PREFIX, SUFFIX, Manifest, backup
from bot.metrics_server import registry
from bot.settings import Settings

METRIC = re.compile(r"^umkm_bot_last_backup_timestamp_seconds (\S+)$", re.MULTILINE)


def scraped(settings: Settings) -> float:
    exposition = generate_latest(registry(settings, workers=1)).decode()
    match = METRIC.search(exposition)
    assert match is not None, exposition
    return float(match.group(1))


def manifest_time(archive: Path) -> float:
    with tarfile.open(archive, "r:gz") as tar:
        member = tar.extractfile("manifest.json")
        assert member is not None
        return datetime.fromisoformat(Manifest.from_json(member.read()).created_at).timestamp()


def test_the_newest_backup_is_scraped(settings: Settings, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    configured = settings.model_copy(update={"backup_dir": folder})
    assert scraped(configured) == 0  # no folder yet

    archive = backup(configured)
    assert scraped(configured) == int(manifest_time(archive))  # the name keeps whole seconds

    (folder / f"{PREFIX}20000101T000000Z{SUFFIX}").write_bytes(b"")  # older
    (folder / f"{PREFIX}not-a-time{SUFFIX}").write_bytes(b"")
    (folder / "notes.txt").write_text("20991231")
    assert scraped(configured) == int(manifest_time(archive))
    (folder / f"{PREFIX}20991231T235959Z{SUFFIX}").write_bytes(b"")
    assert scraped(configured) == datetime.fromisoformat("2099-12-31T23:59:59+00:00").timestamp()
