"""Serves the metrics on ``METRICS_HOST``:``METRICS_PORT``, an address of its own: the webhook
port faces the internet through the proxy, the metrics only the bureau's Prometheus.

One process serves them: the bot itself (``run``, ``serve`` with one worker), or the parent of
``serve``'s worker processes, which sums what every worker wrote to its files
(:mod:`bot.metrics`). Beside them, figures the database holds are read at each scrape, a few
small queries: the outbox's waiting messages and the age of the oldest, and registrations and
products by status from the statistics' tallies (never a count over every row); and the time of
the newest backup, from the names in ``BACKUP_DIR``.
"""

from __future__ import annotations

import asyncio
import logging
import os
import tempfile
import threading
from collections.abc import Iterable, Iterator
from contextlib import ExitStack, contextmanager
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

from prometheus_client import REGISTRY, CollectorRegistry, multiprocess, start_http_server
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.backup import PREFIX as BACKUP_PREFIX
from bot.backup import SUFFIX as BACKUP_SUFFIX
from bot.backup import TIME_FORMAT as BACKUP_TIME
from bot.settings import Settings
from models.db import create_engine, utcnow
from models.entities import OutboxMessage, ProductTally, VendorTally

log = logging.getLogger(__name__)

MULTIPROCESS_DIR = "PROMETHEUS_MULTIPROC_DIR"
WAITING = ("pending", "sending")
DISTRIBUTION = "umkm-katalog-bot"


class DatabaseFigures(Collector):
    """The outbox and the tallies, read when Prometheus asks, on an event loop and a database
    connection of their own (scrapes take turns on them)."""

    def __init__(self, database_url: str) -> None:
        self._database_url = database_url
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._engine: AsyncEngine | None = None

    def collect(self) -> Iterable[Metric]:
        up = GaugeMetricFamily("umkm_bot_database_up", "Whether the last scrape read the database")
        try:
            with self._lock:
                self._loop = self._loop or asyncio.new_event_loop()
                figures = self._loop.run_until_complete(self._read(utcnow()))
        except Exception as error:
            log.warning("metrics: the database could not be read: %s", type(error).__name__)
            up.add_metric([], 0)
            return [up]
        up.add_metric([], 1)
        return [up, *figures]

    async def _read(self, now: datetime) -> list[Metric]:
        self._engine = self._engine or create_engine(self._database_url, read_only=True)
        async with self._engine.connect() as connection:
            waiting = select(func.count(), func.min(OutboxMessage.created_at)).where(
                OutboxMessage.status.in_(WAITING)
            )
            count, oldest = (await connection.execute(waiting)).one()
            vendors: Iterable[Any] = await connection.execute(
                select(VendorTally.status, func.sum(VendorTally.registrations)).group_by(
                    VendorTally.status
                )
            )
            products: Iterable[Any] = await connection.execute(
                select(ProductTally.status, func.sum(ProductTally.products)).group_by(
                    ProductTally.status
                )
            )
            return [
                gauge("umkm_bot_outbox_waiting", "Queued messages not yet sent", count),
                gauge(
                    "umkm_bot_outbox_oldest_age_seconds",
                    "Age of the oldest queued message not yet sent (0: none waiting)",
                    age(now, oldest),
                ),
                by_status("umkm_bot_registrations", "Registrations by status", vendors),
                by_status("umkm_bot_products", "Products by status", products),
            ]


def gauge(name: str, documentation: str, value: float) -> GaugeMetricFamily:
    return GaugeMetricFamily(name, documentation, value=value)


def age(now: datetime, oldest: datetime | str | None) -> float:
    """Seconds since ``oldest``; SQLite answers an aggregate's timestamp as text."""
    if oldest is None:
        return 0.0
    if isinstance(oldest, str):
        oldest = datetime.fromisoformat(oldest)
    if oldest.tzinfo is None:
        oldest = oldest.replace(tzinfo=now.tzinfo)
    return max((now - oldest).total_seconds(), 0.0)


def by_status(
    name: str, documentation: str, rows: Iterable[tuple[str, int | None]]
) -> GaugeMetricFamily:
    family = GaugeMetricFamily(name, documentation, labels=["status"])
    for status, total in rows:
        family.add_metric([status], float(total or 0))
    return family


class LastBackup(Collector):
    """The time of the newest archive in ``BACKUP_DIR``, read at each scrape from the archives'
    names, which carry their manifest's time (an archive gets its name only once written
    whole): no archive is opened. 0 when there is none."""

    def __init__(self, folder: Path) -> None:
        self._folder = folder

    def collect(self) -> Iterable[Metric]:
        return [
            gauge(
                "umkm_bot_last_backup_timestamp_seconds",
                "When the newest backup in BACKUP_DIR was taken (Unix time; 0: none)",
                newest_backup(self._folder),
            )
        ]


def newest_backup(folder: Path) -> float:
    try:
        names = [path.name for path in folder.glob(f"{BACKUP_PREFIX}*{BACKUP_SUFFIX}")]
    except OSError:
        return 0.0
    times = [taken for name in names if (taken := backup_time(name)) is not None]
    return max(times, default=0.0)


def backup_time(name: str) -> float | None:
    """The time in an archive's name (``umkm-bot-backup-20261206T020000Z.tar.gz``)."""
    stamp = name.removeprefix(BACKUP_PREFIX).removesuffix(BACKUP_SUFFIX)
    try:
        return datetime.strptime(stamp, BACKUP_TIME).replace(tzinfo=UTC).timestamp()
    except ValueError:
        return None


class BuildInfo(Collector):
    def __init__(self) -> None:
        try:
            self._version = metadata.version(DISTRIBUTION)
        except metadata.PackageNotFoundError:
            self._version = "unknown"

    def collect(self) -> Iterable[Metric]:
        info = GaugeMetricFamily("umkm_bot_build_info", "The bot's version", labels=["version"])
        info.add_metric([self._version], 1)
        return [info]


class WorkerFigures(Collector):
    """Every worker's values, once: those of workers that died stay in the counters and
    histograms (nothing counted goes backwards), and leave the gauges."""

    def __init__(self, directory: str) -> None:
        self._directory = directory
        self._files = multiprocess.MultiProcessCollector(None, directory)  # type: ignore[no-untyped-call]

    def collect(self) -> Iterable[Metric]:
        for file in Path(self._directory).glob("gauge_live*_*.db"):
            pid = int(file.stem.rsplit("_", 1)[1])
            if not alive(pid):
                multiprocess.mark_process_dead(pid, self._directory)  # type: ignore[no-untyped-call]
        metrics: Iterable[Metric] = self._files.collect()  # type: ignore[no-untyped-call]
        return metrics


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def registry(settings: Settings, *, workers: int) -> CollectorRegistry:
    served = CollectorRegistry()
    directory = os.environ.get(MULTIPROCESS_DIR)
    if workers > 1 and directory:
        served.register(WorkerFigures(directory))
    else:
        served.register(REGISTRY)  # this process's own metrics
    served.register(DatabaseFigures(settings.database_url))
    served.register(LastBackup(settings.backup_dir))
    served.register(BuildInfo())
    return served


@contextmanager
def metrics_served(settings: Settings, *, workers: int = 1) -> Iterator[None]:
    """Serves the metrics while the bot runs; with several worker processes, before they start,
    gives them a fresh folder for their values. A port already taken is logged, and the bot
    runs without metrics (Prometheus shows the target down)."""
    port = settings.metrics_port
    if not port:
        yield
        return
    with ExitStack() as stack:
        if workers > 1 and not os.environ.get(MULTIPROCESS_DIR):
            folder = stack.enter_context(tempfile.TemporaryDirectory(prefix="umkm-bot-metrics-"))
            os.environ[MULTIPROCESS_DIR] = folder
            stack.callback(os.environ.pop, MULTIPROCESS_DIR, None)
        try:
            server, _ = start_http_server(
                port, settings.metrics_host, registry(settings, workers=workers)
            )
        except OSError as error:
            log.error("metrics not served on %s:%d: %s", settings.metrics_host, port, error)
        else:
            log.info("metrics on http://%s:%d/metrics", settings.metrics_host, port)
            stack.callback(server.server_close)
            stack.callback(server.shutdown)
        yield
