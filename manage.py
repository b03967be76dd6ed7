#!/usr/bin/env python3
"""Quick start with nothing but Python 3.11+ and pip.

    python3 manage.py start   # set up, then run the bot (console chat when no token is set)
    python3 manage.py test    # set up, then lint, type-check and run the whole test suite

Setting up means: a virtual environment in `.venv`, with the project installed into it, redone
only when `pyproject.toml` changes. Extra arguments go to the bot or to pytest.
"""

from __future__ import annotations

import base64
import hashlib
import os
import socket
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / "python"
STAMP = VENV / ".installed"
POSTGRES_HOST, POSTGRES_PORT = "127.0.0.1", 5432
POSTGRES_TEST_URL = "postgresql+asyncpg://postgres@127.0.0.1:5432/umkm_bot_test"
ENV_FILE = ROOT / ".env"
KEY_SETTINGS = ("DATA_ENCRYPTION_KEYS", "BLIND_INDEX_KEY")


def main() -> int:
    command, *rest = sys.argv[1:] or ["start"]
    if command == "start":
        setup(dev=False)
        ensure_keys()
        return run([str(BIN / "umkm-bot"), *rest])
    if command == "test":
        setup(dev=True)
        return test(rest)
    print(__doc__)
    return 2


def setup(*, dev: bool) -> None:
    """Creates `.venv` and installs the project, unless it is already current."""
    if sys.version_info < (3, 11):  # noqa: UP036 (this script may run on an older Python)
        sys.exit("Python 3.11 or newer is needed.")
    extras = ".[dev]" if dev else "."
    project = (ROOT / "pyproject.toml").read_bytes()
    wanted = hashlib.sha256(project + extras.encode()).hexdigest()
    with_dev = hashlib.sha256(project + b".[dev]").hexdigest()
    installed = STAMP.read_text().split() if STAMP.exists() else []
    if wanted in installed or with_dev in installed:  # the dev install serves `start` too
        return
    if not PYTHON.exists():
        print("Creating the virtual environment in .venv ...", flush=True)
        venv.create(VENV, with_pip=True)
    print("Installing dependencies ...", flush=True)
    pip = [str(PYTHON), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    subprocess.run([*pip, "-e", extras], cwd=ROOT, check=True)
    STAMP.write_text(wanted + "\n")


def ensure_keys() -> None:
    """On the first start, writes fresh keys for NIK and NPWP into `.env` and says so.

    Only when neither key is set (in the environment or `.env`): a half-configured or lost key
    is never replaced, since data encrypted with it would become unreadable; the bot then stops
    with a message instead.
    """
    lines = ENV_FILE.read_text(encoding="utf-8").splitlines() if ENV_FILE.exists() else []
    values = dict(line.split("=", 1) for line in lines if "=" in line and line[0] != "#")
    if any(os.environ.get(name) or values.get(name, "").strip() for name in KEY_SETTINGS):
        return
    new = {name: base64.urlsafe_b64encode(os.urandom(32)).decode() for name in KEY_SETTINGS}
    lines = [line for line in lines if line.split("=", 1)[0] not in KEY_SETTINGS]
    lines += [f"{name}={key}" for name, key in new.items()]
    ENV_FILE.write_text("\n".join(lines) + "\n", encoding="utf-8")
    ENV_FILE.chmod(0o600)
    print(
        "Wrote new DATA_ENCRYPTION_KEYS and BLIND_INDEX_KEY into .env. Keep a copy somewhere "
        "safe: without them the stored NIK and NPWP cannot be read.",
        flush=True,
    )


def test(pytest_args: list[str]) -> int:
    """Lint and type-check, then the test suite on SQLite and, when a local server answers,
    on PostgreSQL."""
    checks = (
        ["ruff", "check", "."],
        ["ruff", "format", "--check", "."],
        ["mypy", "bot", "handlers", "models", "tests"],
    )
    for check in checks:
        if run([str(BIN / check[0]), *check[1:]]) != 0:
            return 1
    environment = {k: v for k, v in os.environ.items() if k != "TEST_DATABASE_URL"}
    print("== tests on SQLite", flush=True)
    status = run([str(PYTHON), "-m", "pytest", *pytest_args], env=environment)
    if status != 0:
        return status
    if not postgres_reachable():
        print("== PostgreSQL is not running on 127.0.0.1:5432: skipped the PostgreSQL run")
        return 0
    print("== tests on PostgreSQL", flush=True)
    ensure_postgres_database()
    environment["TEST_DATABASE_URL"] = POSTGRES_TEST_URL
    return run([str(PYTHON), "-m", "pytest", *pytest_args], env=environment)


def postgres_reachable() -> bool:
    try:
        with socket.create_connection((POSTGRES_HOST, POSTGRES_PORT), timeout=1):
            return True
    except OSError:
        return False


def ensure_postgres_database() -> None:
    """Creates the test database next to the server's `test` database if it is missing."""
    script = (
        "import asyncio, asyncpg\n"
        "async def main():\n"
        "    c = await asyncpg.connect(host='127.0.0.1', user='postgres', database='test')\n"
        "    query = \"select 1 from pg_database where datname = 'umkm_bot_test'\"\n"
        "    if not await c.fetchval(query):\n"
        "        await c.execute('create database umkm_bot_test')\n"
        "    await c.close()\n"
        "asyncio.run(main())\n"
    )
    subprocess.run([str(PYTHON), "-c", script], check=True)


def run(arguments: list[str], env: dict[str, str] | None = None) -> int:
    return subprocess.run(arguments, cwd=ROOT, env=env).returncode


if __name__ == "__main__":
    sys.exit(main())
