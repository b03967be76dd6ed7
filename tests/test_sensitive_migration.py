"""Migration 0005_sensitive encrypts and indexes the numbers already stored, with the keys from
the settings, and refuses to run without keys only when there is something to encrypt."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic import command

from bot.migrate import alembic_config
from models.crypto import KeysMissing
from tests.support.keys import TEST_BLIND_INDEX_KEY, TEST_ENCRYPTION_KEY, keyring_with

NIK, NPWP = "3579014101850001", "0012345678901000"


@pytest.fixture
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A database at revision 0004 (before encryption); no `.env` is found from here."""
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "old.sqlite3"
    command.upgrade(alembic_config(f"sqlite+aiosqlite:///{path}"), "0004")
    return path


def add_plain_vendor(path: Path) -> None:
    with sqlite3.connect(path) as connection:
        now = "2026-11-24 02:00:00"
        connection.execute(
            "INSERT INTO app_user (id, language, created_at, last_seen_at) VALUES (1, 'id', ?, ?)",
            (now, now),
        )
        connection.execute(
            "INSERT INTO vendor (user_id, status, nik, npwp, no_nib, kbli, npwp_skipped,"
            " email_skipped, created_at, updated_at)"
            " VALUES (1, 'submitted', ?, ?, 0, '[]', 0, 0, ?, ?)",
            (NIK, NPWP, now, now),
        )


def numbers(path: Path) -> tuple[str, ...]:
    with sqlite3.connect(path) as connection:
        row = connection.execute("SELECT nik, npwp, nik_hash, npwp_hash FROM vendor").fetchone()
    return tuple(row)


def set_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATA_ENCRYPTION_KEYS", TEST_ENCRYPTION_KEY)
    monkeypatch.setenv("BLIND_INDEX_KEY", TEST_BLIND_INDEX_KEY)


def test_stored_numbers_are_encrypted_and_indexed(
    database: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_plain_vendor(database)
    set_keys(monkeypatch)
    config = alembic_config(f"sqlite+aiosqlite:///{database}")

    command.upgrade(config, "0005_sensitive")

    nik, npwp, nik_hash, npwp_hash = numbers(database)
    keyring = keyring_with()
    assert NIK not in nik and keyring.decrypt(nik) == NIK
    assert NPWP not in npwp and keyring.decrypt(npwp) == NPWP
    assert (nik_hash, npwp_hash) == (
        keyring.blind_index("nik", NIK),
        keyring.blind_index("npwp", NPWP),
    )
    command.downgrade(config, "0004")
    with sqlite3.connect(database) as connection:
        assert connection.execute("SELECT nik, npwp FROM vendor").fetchone() == (NIK, NPWP)


def test_without_keys_the_migration_stops_and_changes_nothing(database: Path) -> None:
    add_plain_vendor(database)
    config = alembic_config(f"sqlite+aiosqlite:///{database}")

    with pytest.raises(KeysMissing, match="must encrypt the NIK/NPWP of 1 registration"):
        command.upgrade(config, "0005_sensitive")

    with sqlite3.connect(database) as connection:
        assert connection.execute("SELECT nik, npwp FROM vendor").fetchone() == (NIK, NPWP)
        version = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    assert version == ("0004",)


def test_without_stored_numbers_no_keys_are_needed(database: Path) -> None:
    command.upgrade(alembic_config(f"sqlite+aiosqlite:///{database}"), "0005_sensitive")
