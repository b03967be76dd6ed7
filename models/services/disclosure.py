"""Identity numbers in staff views: masked by default, in full only on request, and every such
request recorded (who, when, which vendor, which field) in ``data_reveal`` and in the log."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import select

from models.entities import DataReveal, User, Vendor
from models.services.access import REVIEWERS, AccessService
from models.uow import UnitOfWork

log = logging.getLogger(__name__)

MASK = "•"


class SensitiveField(StrEnum):
    NIK = "nik"
    NPWP = "npwp"


def mask_number(value: str) -> str:
    """``3579014101850001`` → ``3579 01•• •••• 0001``.

    The region code (first six digits) and the last four stay, enough to compare a number
    read out on the phone; the birth date and the rest are hidden.
    """
    start = 6 if len(value) >= 12 else 0
    end = 4 if len(value) >= 8 else 0
    masked = value[:start] + MASK * (len(value) - start - end) + value[len(value) - end :]
    return " ".join(masked[i : i + 4] for i in range(0, len(masked), 4))


@dataclass(frozen=True, slots=True)
class RevealEntry:
    field: SensitiveField
    actor_name: str | None
    revealed_at: datetime


class DisclosureService:
    def __init__(
        self, uow: UnitOfWork, access: AccessService, clock: Callable[[], datetime]
    ) -> None:
        self._uow = uow
        self._access = access
        self._clock = clock

    async def reveal(self, actor: User, vendor_id: int, field: SensitiveField) -> Vendor | None:
        """The vendor whose ``field`` the reviewer asked to see in full; the access is recorded
        when there is a number to show."""
        scope = await self._access.scope(actor, REVIEWERS)
        vendor = await self._uow.session.get(Vendor, vendor_id)
        if vendor is None or not scope.covers(vendor.regency_code):
            return None
        if getattr(vendor, field.value) is None:
            return vendor
        self._uow.session.add(
            DataReveal(
                vendor_id=vendor.id,
                field=field.value,
                actor_user_id=actor.id,
                revealed_at=self._clock(),
            )
        )
        log.info("vendor %d: %s shown in full to user %d", vendor.id, field.value, actor.id)
        return vendor

    async def reveals(self, actor: User, vendor_id: int) -> list[RevealEntry]:
        """Who saw which number of the vendor in full, oldest first."""
        scope = await self._access.scope(actor, REVIEWERS)
        vendor = await self._uow.session.get(Vendor, vendor_id)
        if vendor is None or not scope.covers(vendor.regency_code):
            return []
        query = (
            select(DataReveal.field, User.display_name, DataReveal.revealed_at)
            .outerjoin(User, User.id == DataReveal.actor_user_id)
            .where(DataReveal.vendor_id == vendor_id)
            .order_by(DataReveal.revealed_at, DataReveal.id)
        )
        rows = (await self._uow.session.execute(query)).all()
        return [RevealEntry(SensitiveField(row[0]), row[1], row[2]) for row in rows]
