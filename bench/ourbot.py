"""The real bot, as production wires it (``build_services`` and ``build_application``), on a
local fake Bot API."""

from __future__ import annotations

import base64
import hashlib
import logging
from pathlib import Path
from typing import Any

from pydantic import SecretStr
from sqlalchemy import func, select
from telegram import Update
from telegram.ext import Application

from bench.fake_api import FakeBotApi
from bot.settings import Settings
from bot.telegram.app import build_application
from bot.wiring import Services, build_services, freeze_start_up_objects, telegram_channel
from models.entities import Product, Vendor

TOKEN = "123456:BENCH-TOKEN-never-sent-anywhere"
ENCRYPTION_KEY = base64.urlsafe_b64encode(hashlib.sha256(b"umkm-bench-encryption").digest())
INDEX_KEY = base64.urlsafe_b64encode(hashlib.sha256(b"umkm-bench-blind-index").digest())
"""Fixed keys for NIK/NPWP encryption at rest, so seeding and bot processes agree."""
BASE_URL = "http://bot-api.invalid/bot"
FILE_URL = "http://bot-api.invalid/file/bot"


class ErrorCounter(logging.Handler):
    """Counts error log records (a failed update is logged, then apologised for)."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.count = 0
        self.last = ""

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1
        error = record.exc_info[1] if record.exc_info else None
        self.last = f"{record.getMessage()}: {error!r}" if error else record.getMessage()


class OurBot:
    """Services, the ``Application`` and its fake API, for one database."""

    def __init__(self, database_url: str, workdir: Path, photo: bytes) -> None:
        settings = Settings(
            _env_file=None,  # type: ignore[call-arg]
            database_url=database_url,
            telegram_bot_token=None,
            bureau_name="BPBJ Kota Batu",
            bureau_contact="bpbj@batukota.go.id",
            media_dir=workdir / "media",
            data_encryption_keys=SecretStr(ENCRYPTION_KEY.decode()),
            blind_index_key=SecretStr(INDEX_KEY.decode()),
            flood_max_updates=1_000_000,  # simulated users answer at machine speed
        )
        self.fake = FakeBotApi(photo, record=True)
        self.services: Services = build_services(settings)
        channel = telegram_channel(self.services, settings)
        self.application: Application[Any, Any, Any, Any, Any, Any] = build_application(
            TOKEN, channel, base_url=BASE_URL, base_file_url=FILE_URL, request=self.fake
        )
        self.errors = ErrorCounter()

    async def start(self) -> None:
        logging.getLogger().addHandler(self.errors)
        await self.application.initialize()
        freeze_start_up_objects()

    async def stop(self) -> None:
        await self.application.shutdown()
        await self.services.close()
        logging.getLogger().removeHandler(self.errors)

    async def feed(self, payload: dict[str, Any]) -> None:
        """Processes one raw update; raises if the bot logged an error while handling it."""
        errors = self.errors.count
        await self.application.process_update(Update.de_json(payload, self.application.bot))
        if self.errors.count != errors:
            raise RuntimeError(f"the bot failed on {payload}: {self.errors.last}")

    async def submitted_counts(self) -> tuple[int, int]:
        """How many vendors and products are in the review queue."""
        async with self.services.uow_factory() as uow:
            vendors = await uow.session.scalar(
                select(func.count()).select_from(Vendor).where(Vendor.status == "submitted")
            )
            products = await uow.session.scalar(
                select(func.count()).select_from(Product).where(Product.status == "submitted")
            )
        return vendors or 0, products or 0
