"""``umkm-bot check``: everything that would stop the bot working, in plain words, each with
the setting or command that fixes it; exit status 1 when anything is wrong.

This module checks what is on the server (the database, its schema, the keys against the
numbers already stored, the media folder); :mod:`bot.preflight_remote` asks Telegram and
Meta. Nothing secret is ever printed: settings are named, their values are not.
"""

from __future__ import annotations

import asyncio
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.key_help import installed_route, key_help, settings_file
from bot.migrate import schema_state
from bot.settings import Settings
from models.crypto import Keyring, KeysMissing, UndecryptableValue
from models.db import create_engine

DATABASE_TIMEOUT_SECONDS = 10.0
SAMPLED_NUMBERS = 5
"""Stored NIK read back from each end of the table (the oldest may be under an older key)."""


@dataclass(frozen=True)
class Finding:
    problem: bool
    text: str

    def line(self) -> str:
        return f"{'PROBLEM' if self.problem else 'ok     '}  {self.text}"


def ok(message: str) -> Finding:
    return Finding(False, message)


def problem(message: str) -> Finding:
    return Finding(True, message)


def settings_findings(error: ValidationError) -> list[Finding]:
    """Each invalid setting by its name (as in `.env`), without its value."""
    return [
        problem(f"setting {'.'.join(map(str, item['loc'])).upper()} is invalid: {item['msg']}")
        for item in error.errors()
    ]


async def local_findings(settings: Settings) -> list[Finding]:
    findings: list[Finding] = []
    keyring = keyring_finding(settings, findings)
    findings += await database_findings(settings, keyring)
    findings.append(media_finding(settings.media_dir))
    return findings


def keyring_finding(settings: Settings, findings: list[Finding]) -> Keyring | None:
    try:
        keyring = settings.keyring()
    except KeysMissing as missing:
        fix = (
            f" {key_help(installed_route(), settings=settings_file())}" if missing.generate else ""
        )
        findings.append(problem(f"encryption keys: {missing.reason}{fix}"))
        return None
    findings.append(ok("DATA_ENCRYPTION_KEYS and BLIND_INDEX_KEY are set"))
    return keyring


def database_name(url: str) -> str:
    """The database's address without its password, for a message."""
    return make_url(url).render_as_string(hide_password=True)


async def database_findings(settings: Settings, keyring: Keyring | None) -> list[Finding]:
    engine = create_engine(settings.database_url)
    where = database_name(settings.database_url)
    try:
        async with asyncio.timeout(DATABASE_TIMEOUT_SECONDS), engine.connect() as connection:
            state = await schema_state(connection)
            findings = [
                ok(f"the database {where} answers"),
                Finding(not state.current, state.describe()),
            ]
            if keyring is not None and state.database and not state.ahead:
                findings.append(await stored_numbers_finding(connection, keyring))
            return findings
    except Exception as error:  # any failure to reach it is the finding
        return [
            problem(
                f"the database {where} cannot be reached ({cause(error)}): check DATABASE_URL "
                "and that the database server runs"
            )
        ]
    finally:
        await engine.dispose()


def cause(error: BaseException) -> str:
    """The innermost error's kind, e.g. ``ConnectionRefusedError``; never its text, which may
    quote a password or a statement."""
    while error.__cause__ is not None:
        error = error.__cause__
    return "timed out" if isinstance(error, TimeoutError) else type(error).__name__


async def stored_numbers_finding(connection: AsyncConnection, keyring: Keyring) -> Finding:
    """Reads back a few stored NIK: each must decrypt, and its blind index must match."""
    query = "SELECT nik, nik_hash FROM vendor WHERE nik IS NOT NULL ORDER BY id {} LIMIT :n"
    rows: list[Sequence[str]] = []
    try:
        for order in ("ASC", "DESC"):
            result = await connection.execute(text(query.format(order)), {"n": SAMPLED_NUMBERS})
            rows += [tuple(row) for row in result]
    except DBAPIError as error:
        return problem(f"the stored NIK cannot be read ({cause(error)}): run `umkm-bot migrate`")
    if not rows:
        return ok("no NIK stored yet: nothing to read back with the keys")
    try:
        numbers = [(keyring.decrypt(stored), index) for stored, index in rows]
    except UndecryptableValue:
        return problem(
            "a stored NIK cannot be decrypted with DATA_ENCRYPTION_KEYS: the key it was "
            "encrypted with is missing. Put the old key back in the list (after the new one)"
        )
    if any(keyring.blind_index("nik", number) != index for number, index in numbers):
        return problem(
            "BLIND_INDEX_KEY is not the key the stored NIK were indexed with, so duplicates "
            "would go unnoticed: put the old key back, or run `umkm-bot rotate-keys`"
        )
    return ok("the stored NIK read back with DATA_ENCRYPTION_KEYS and BLIND_INDEX_KEY")


def media_finding(folder: Path) -> Finding:
    where = folder.resolve()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".check-"):
            pass
    except OSError as error:
        return problem(
            f"the media folder {where} is not writable ({type(error).__name__}): change "
            "MEDIA_DIR, or give the bot's user that folder"
        )
    return ok(f"the media folder {where} is writable")
