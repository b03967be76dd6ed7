"""The heavy part of ``/ekspor`` and ``/statistik``, run by :class:`handlers.background.Background`
on a read-only connection of its own. Permissions are checked again there."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from handlers.background import WorkerServices
from handlers.i18n import Locales
from handlers.review.chart import stats_chart
from models.entities import User
from models.services.access import AccessService
from models.services.export import ExportService
from models.services.stats import Stats, StatsService
from models.uow import UnitOfWork


@dataclass(frozen=True, slots=True)
class ExportResult:
    rows: int
    documents: list[tuple[str, bytes]]
    """The files' names and contents."""


@dataclass(frozen=True, slots=True)
class StatsResult:
    stats: Stats
    chart: bytes
    """The PNG of the funnel and the targets."""


async def export_job(
    services: WorkerServices, user_id: int, basename: str, unit: str | None
) -> ExportResult:
    """Approved products with their vendors (of ``unit``, or every unit the user reviews), as
    CSV and XLSX files."""
    async with services.uow_factory() as uow:
        actor = await _actor(uow, user_id)
        export = ExportService(uow, _access(uow, services), services.catalog)
        with tempfile.TemporaryDirectory(prefix="ekspor-") as folder:
            files = await export.write(actor, Path(folder), basename, unit)
            documents = [(path.name, path.read_bytes()) for path in files.paths]
    return ExportResult(files.rows, documents)


async def stats_job(
    services: WorkerServices,
    user_id: int,
    language: str,
    targets: tuple[int, int],
    unit: str | None,
) -> StatsResult:
    """Every figure of ``/statistik`` (of ``unit``, or of the user's units), and its chart."""
    async with services.uow_factory() as uow:
        actor = await _actor(uow, user_id)
        stats = await StatsService(uow, _access(uow, services)).overview(actor, unit)
    chart = stats_chart(_locales().translator(language), stats, *targets)
    return StatsResult(stats, chart)


def _access(uow: UnitOfWork, services: WorkerServices) -> AccessService:
    return AccessService(uow, services.clock, services.admin_ids, services.units)


async def _actor(uow: UnitOfWork, user_id: int) -> User:
    user = await uow.session.get(User, user_id)
    if user is None:  # erased meanwhile: nothing to report to
        raise LookupError(f"user {user_id} no longer exists")
    return user


@cache
def _locales() -> Locales:
    return Locales()
