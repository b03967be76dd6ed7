"""Retention of abandoned drafts: registrations and product drafts never submitted, whose owner
has been away longer than ``DRAFT_RETENTION_DAYS``, are deleted with their photos.

Runs daily in the Telegram application's job queue and as ``umkm-bot purge-drafts`` (for a
deployment that only serves webhooks, from cron). Several processes may run it at once: each
deletion is one transaction and a row already gone is simply not found.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from bot.settings import Settings
from models.db import create_engine, session_factory, utcnow
from models.media import MediaStore
from models.services.rights import PurgeResult, RightsService
from models.uow import UnitOfWorkFactory

log = logging.getLogger(__name__)


class DraftPurge:
    """Deletes abandoned drafts in one unit of work, then their stored photos."""

    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        media: MediaStore,
        clock: Callable[[], datetime],
        retention: timedelta,
    ) -> None:
        self._uow_factory = uow_factory
        self._media = media
        self._clock = clock
        self._retention = retention

    async def run(self) -> PurgeResult:
        async with self._uow_factory() as uow:
            rights = RightsService(uow, self._clock, self._media)
            result = await rights.purge_abandoned_drafts(self._clock() - self._retention)
            await uow.commit()
        rights.remove_files(result.files)
        if result.registrations or result.products:
            log.info(
                "purged %d abandoned registrations and %d product drafts",
                result.registrations,
                result.products,
            )
        return result


def draft_purge(
    settings: Settings, uow_factory: UnitOfWorkFactory, clock: Callable[[], datetime] = utcnow
) -> DraftPurge:
    return DraftPurge(
        uow_factory,
        MediaStore(settings.media_dir, settings.max_photo_mb * 1_000_000),
        clock,
        timedelta(days=settings.draft_retention_days),
    )


async def purge_drafts_command(settings: Settings) -> PurgeResult:
    """``umkm-bot purge-drafts``: one purge with its own database connection."""
    database = create_engine(settings.database_url)
    try:
        return await draft_purge(settings, UnitOfWorkFactory(session_factory(database))).run()
    finally:
        await database.dispose()
