"""The composition root: builds the engine and its dependencies from settings."""

from __future__ import annotations

import gc
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncEngine

from bot.background import BackgroundRunner
from bot.lanes import ChatLanes
from bot.maintenance_rights import draft_purge
from bot.metrics import watch_pool
from bot.outbox import OutboxDispatcher
from bot.ratelimit import RateLimiter
from bot.settings import Settings
from bot.tallies import TallyCompaction
from bot.telegram.app import TelegramChannel
from bot.telegram.sending import CHANNEL as TELEGRAM
from bot.telegram.sending import ReplySender
from handlers.context import BureauInfo, StartLinks
from handlers.engine import ConversationEngine
from handlers.flood import FloodLimit
from handlers.i18n import Locales
from models.catalog import Catalog, load_catalog
from models.crypto import install_keyring
from models.db import create_engine, session_factory, utcnow
from models.media import MediaStore
from models.services.mentoring import MentoringRules
from models.units import Units, build_units
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
    lanes: ChatLanes
    """One lane per chat for every channel of this process."""
    telegram_limiter: RateLimiter
    """Telegram's limits, kept by direct replies and queued messages together."""
    background: BackgroundRunner
    """Exports and statistics, in worker processes."""
    tallies: TallyCompaction
    """Keeps the statistics' tallies small; run by the sweep."""

    async def close(self) -> None:
        self.background.close()
        await self.engine.write_confirmations()
        await self.database.dispose()


def build_services(settings: Settings, clock: Callable[[], datetime] = utcnow) -> Services:
    install_keyring(settings.keyring())  # before any NIK or NPWP is read or written
    database = create_engine(
        settings.database_url,
        echo=settings.database_echo,
        pool_size=settings.database_pool_size,
    )
    watch_pool(database)
    uow_factory = UnitOfWorkFactory(session_factory(database))
    locales = Locales()
    catalog = load_catalog(settings.etalase_file, settings.region_file, settings.served)
    units = units_of(settings, catalog)
    background = BackgroundRunner(settings, catalog, units)
    engine = ConversationEngine(
        uow_factory,
        locales,
        catalog,
        BureauInfo(
            name=settings.bureau_name,
            contact=settings.bureau_contact,
            phone=settings.bureau_phone.strip() or None,
            retention_years=settings.data_retention_years,
            timezone=ZoneInfo(settings.timezone),
            links=StartLinks(settings.telegram_bot_username, settings.whatsapp_number or None),
            target_vendors=settings.target_vendors,
            target_products=settings.target_products,
            staff_group=settings.staff_group_chat_id or None,
            units=units,
            invitation_valid=timedelta(days=settings.role_invitation_days),
        ),
        MediaStore(settings.media_dir, settings.max_photo_mb * 1_000_000),
        MentoringRules(
            stuck_after=timedelta(days=settings.stuck_after_days),
            remind_every=timedelta(days=settings.remind_every_days),
            claim_link_valid=timedelta(hours=settings.claim_link_hours),
        ),
        default_language=settings.default_language,
        resume_after=settings.resume_after,
        admin_ids=settings.admin_ids,
        clock=clock,
        background=background,
        flood=FloodLimit(
            settings.flood_max_updates, timedelta(seconds=settings.flood_window_seconds)
        ),
    )
    per_process = settings.telegram_messages_per_second / settings.serve_processes
    limiter = RateLimiter(per_process)
    outbox = OutboxDispatcher(uow_factory, clock, limiters={TELEGRAM: limiter})
    lanes = ChatLanes(settings.max_concurrent_updates, settings.max_pending_updates)
    tallies = TallyCompaction(uow_factory, clock)
    return Services(
        engine, locales, database, uow_factory, clock, outbox, lanes, limiter, background, tallies
    )


def units_of(settings: Settings, catalog: Catalog) -> Units:
    units_file = Path(settings.bureau_units_file) if settings.bureau_units_file else None
    return build_units(catalog.regions, settings.bureau_name, settings.bureau_contact, units_file)


def telegram_channel(services: Services, settings: Settings) -> TelegramChannel:
    """The Telegram side of the bot, shared by polling, webhooks and the tests."""
    return TelegramChannel(
        services.engine,
        services.locales,
        services.outbox,
        ReplySender(services.telegram_limiter, settings.media_dir),
        default_language=settings.default_language,
        lanes=services.lanes,
        ack_after_replies=settings.shares_database,
        daily_round_at=time(settings.reminder_hour, tzinfo=ZoneInfo(settings.timezone)),
        drafts=draft_purge(settings, services.uow_factory, services.clock),
        tallies=services.tallies,
    )


def freeze_start_up_objects() -> None:
    """Moves what start-up allocated (modules, the ORM's mappers, catalogue, locales, the
    services) into the collector's permanent generation. A full collection pass otherwise walks
    those ~235,000 objects again, which stalled one update in a few thousand by ~100 ms in the
    conversation benchmark. Called once, after the services are built; never in tests, whose
    later garbage would then never be collected."""
    gc.collect()
    gc.freeze()
