"""Runs background jobs (exports, statistics) in worker processes, off the bot's event loop.

Each worker is started once (``spawn``: nothing of the bot's loop or connections is inherited),
loads the settings' keys and catalogue, and runs every job on an event loop and a read-only
database engine of its own. With ``REPORT_PROCESSES=0`` jobs run in one thread of the bot's own
process instead: the same code, without a process to start (the tests, small machines).
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from typing import Any, TypeVar

from bot.metrics import report_job
from bot.redaction import configure_logging
from bot.settings import Settings
from handlers.background import Job, WorkerServices
from models.catalog import Catalog, load_catalog
from models.crypto import install_keyring
from models.db import create_engine, session_factory, utcnow
from models.units import Units
from models.uow import UnitOfWorkFactory

T = TypeVar("T")

_worker: tuple[Settings, Catalog, Units] | None = None
"""The settings and catalogue of this worker process, set by :func:`_start_worker`."""


class BackgroundRunner:
    """The bot's :class:`handlers.background.Background`."""

    def __init__(self, settings: Settings, catalog: Catalog, units: Units) -> None:
        self._settings = settings
        self._catalog = catalog
        self._units = units
        self._executor: Executor | None = None

    async def run(self, job: Job[T], *args: Any) -> T:
        loop = asyncio.get_running_loop()
        with report_job(getattr(job, "__name__", "job")):
            result: T = await loop.run_in_executor(self._pool(), _run_job, job, args)
        return result

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None

    def _pool(self) -> Executor:
        """Started at the first job, so a bot that never reports starts no process."""
        if self._executor is None:
            processes = self._settings.report_processes
            if processes == 0:
                global _worker
                _worker = (self._settings, self._catalog, self._units)
                self._executor = ThreadPoolExecutor(1, thread_name_prefix="reports")
            else:
                self._executor = ProcessPoolExecutor(
                    processes,
                    mp_context=multiprocessing.get_context("spawn"),
                    initializer=_start_worker,
                    initargs=(self._settings,),
                )
        return self._executor


WORKER_NICENESS = 10
"""Reports are long and nobody waits for them by the millisecond: on a machine with few cores
the chats' process gets the CPU first (``bench/load.py --reviewer``)."""


def _start_worker(settings: Settings) -> None:
    global _worker
    from bot.wiring import units_of  # the composition root imports this module

    os.nice(WORKER_NICENESS)
    configure_logging(settings)
    install_keyring(settings.keyring())
    catalog = load_catalog(settings.etalase_file, settings.region_file, settings.served)
    _worker = (settings, catalog, units_of(settings, catalog))


def _run_job(job: Job[T], args: tuple[Any, ...]) -> T:
    assert _worker is not None, "background worker not started"
    settings, catalog, units = _worker

    async def main() -> T:
        database = create_engine(
            settings.reports_database_url or settings.database_url, read_only=True
        )
        try:
            uow_factory = UnitOfWorkFactory(session_factory(database))
            services = WorkerServices(uow_factory, catalog, units, settings.admin_ids, utcnow)
            return await job(services, *args)
        finally:
            await database.dispose()

    return asyncio.run(main())
