#!/usr/bin/env python3
"""Quick start with nothing but Python 3.11+ and pip.

    python3 manage.py start   # set up, then run the bot (console chat when no token is set)
    python3 manage.py test    # set up, then lint, type-check and run the whole test suite

Setting up means: a virtual environment in `.venv`, with the project installed into it, redone
only when `pyproject.toml` changes. Extra arguments go to the bot or to pytest.
"""

from __future__ import annotations

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


def main() -> int:
    command, *rest = sys.argv[1:] or ["start"]
    if command == "start":
        setup(dev=False)
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
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + extras.encode()).hexdigest()
    installed = STAMP.read_text().split() if STAMP.exists() else []
    if wanted in installed or (not dev and any(installed)):
        return
    if not PYTHON.exists():
        print("Creating the virtual environment in .venv ...", flush=True)
        venv.create(VENV, with_pip=True)
    print("Installing dependencies ...", flush=True)
    pip = [str(PYTHON), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    subprocess.run([*pip, "-e", extras], cwd=ROOT, check=True)
    STAMP.write_text(wanted + "\n")


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
