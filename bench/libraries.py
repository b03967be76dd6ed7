"""A sampling profile by py-spy (if installed) summed by library: where the event-loop thread
spends its time, and how busy the database driver's own thread is.

py-spy samples from outside the process, so the bot runs at nearly full speed while profiled.
"""

from __future__ import annotations

import inspect
import os
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

CATEGORIES: tuple[tuple[str, str], ...] = (
    ("/selectors.py", "idle: epoll wait (DB server or driver thread)"),
    ("/queue.py", "idle: waiting for work"),
    ("/threading.py", "idle: waiting for work"),
    ("sqlalchemy", "SQLAlchemy ORM + Core"),
    ("/greenlet/", "SQLAlchemy ORM + Core"),
    ("/aiosqlite/", "aiosqlite (thread hand-off, cursor)"),
    ("/asyncpg/", "asyncpg driver"),
    ("/sqlite3/", "sqlite3"),
    ("/telegram/", "python-telegram-bot"),
    ("fluent", "Fluent / Babel (message rendering)"),
    ("/babel/", "Fluent / Babel (message rendering)"),
    ("/pydantic", "pydantic"),
    ("/PIL/", "Pillow (photo decode / encode)"),
    ("/cryptography/", "cryptography (Fernet: NIK / NPWP)"),
    ("/phonenumbers/", "validator libraries"),
    ("/email_validator/", "validator libraries"),
    ("/rapidfuzz/", "validator libraries"),
    ("/json/", "json"),
    ("/uvicorn/", "uvicorn, starlette, httptools (webhook HTTP)"),
    ("/starlette/", "uvicorn, starlette, httptools (webhook HTTP)"),
    ("/httptools/", "uvicorn, starlette, httptools (webhook HTTP)"),
    ("/aiohttp/", "aiohttp (Bot API requests)"),
    ("/yarl/", "aiohttp (Bot API requests)"),
    ("/multidict/", "aiohttp (Bot API requests)"),
    ("/asyncio/", "asyncio event loop"),
    ("/handlers/", "project: handlers (engine, flows)"),
    ("/models/", "project: models (services, repositories)"),
    ("/bot/", "project: bot (Telegram adapter)"),
    ("/bench/", "bench harness"),
)


def category(file_path: str) -> str:
    path = "/" + file_path
    for fragment, name in CATEGORIES:
        if fragment in path:
            return name
    return "other (stdlib, misc)"


@dataclass
class Samples:
    """Samples by category: the event-loop (main) thread and all other threads apart."""

    rate: int
    main: Counter[str] = field(default_factory=Counter)
    others: Counter[str] = field(default_factory=Counter)


def py_spy_path() -> str | None:
    beside = Path(sys.executable).with_name("py-spy")
    return str(beside) if beside.exists() else shutil.which("py-spy")


@contextmanager
def py_spy(output: Path, rate: int = 250, pid: int | None = None) -> Iterator[None]:
    """Samples this process (or ``pid``) with py-spy while the block runs (raw stacks, idle
    included)."""
    executable = py_spy_path()
    if executable is None:
        raise RuntimeError("py-spy is not installed (pip install py-spy)")
    target = str(pid or os.getpid())
    command = [executable, "record", "--pid", target, "--format", "raw", "--subprocesses"]
    command += ["--threads", "--idle", "--rate", str(rate), "-o", str(output)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1.5)  # let it attach before the measured work starts
    try:
        yield
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=120)


HARNESS = "bench/libraries.py"
"""Samples of py-spy's own start and stop (this module) are left out."""


def idle_leaves() -> set[str]:
    """Frames (``file:line``) where a driver thread waits for work: aiosqlite's ``tx.get()``."""
    try:
        import aiosqlite.core
    except ImportError:
        return set()
    lines, first = inspect.getsourcelines(aiosqlite.core._connection_worker_thread)
    return {
        f"aiosqlite/core.py:{first + offset}"
        for offset, text in enumerate(lines)
        if ".get()" in text
    }


def read_samples(raw: Path, rate: int) -> Samples:
    """Sums py-spy's raw stacks by the library of the innermost frame."""
    samples = Samples(rate)
    idle = idle_leaves()
    for line in raw.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        thread, *frames = stack.split(";")
        if not frames or not count.isdigit() or any(HARNESS in frame for frame in frames):
            continue
        leaf = frames[-1]
        position = leaf[leaf.rfind("(") + 1 : leaf.rfind(")")]
        name = "idle: waiting for work" if position in idle else category(position)
        target = samples.main if thread.endswith("MainThread") else samples.others
        target[name] += int(count)
    return samples
