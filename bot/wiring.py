"""The composition root: builds the engine and its dependencies from settings."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncEngine

from bot.outbox import OutboxDispatcher
from bot.settings import Settings
from bot.telegram.app import TelegramChannel
from handlers.context import BureauInfo
from handlers.engine import ConversationEngine
from handlers.i18n import Locales
from models.catalog import load_catalog
from models.db import create_engine, session_factory, utcnow
from models.media import MediaStore
from models.uow import UnitOfWorkFactory


@dataclass
class Services:
    """Everything a channel adapter needs; ``close`` releases the database."""

    engine: ConversationEngine
    locales: Locales
    database: AsyncEngine
    uow_factory: UnitOfWorkFactory
    clock: Callable[[], datetime]
    outbox: OutboxDispatcher
    """Delivers messages for other users; each channel registers its delivery."""

    async def close(self) -> None:
        await self.database.dispose()


def build_services(settings: Settings, clock: Callable[[], datetime] = utcnow) -> Services:
    database = create_engine(settings.database_url, echo=settings.database_echo)
    uow_factory = UnitOfWorkFactory(session_factory(database))
    locales = Locales()
    engine = ConversationEngine(
        uow_factory,
        locales,
        load_catalog(settings.etalase_file, settings.region_file),
        BureauInfo(
            name=settings.bureau_name,
            contact=settings.bureau_contact,
            retention_years=settings.data_retention_years,
            timezone=ZoneInfo(settings.timezone),
        ),
        MediaStore(settings.media_dir, settings.max_photo_mb * 1_000_000),
        default_language=settings.default_language,
        resume_after=settings.resume_after,
        admin_ids=settings.admin_ids,
        clock=clock,
    )
    outbox = OutboxDispatcher(uow_factory, clock)
    return Services(engine, locales, database, uow_factory, clock, outbox)


def telegram_channel(services: Services, settings: Settings) -> TelegramChannel:
    """The Telegram side of the bot, shared by polling, webhooks and the tests."""
    return TelegramChannel(
        services.engine,
        services.locales,
        services.outbox,
        default_language=settings.default_language,
        media_dir=settings.media_dir,
    )
