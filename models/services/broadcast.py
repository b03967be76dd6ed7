"""Broadcasts: a superadmin's message to every vendor, or to those with one registration status,
etalase or kecamatan. One outbox message per vendor, to the channel they wrote from last, is
written in the sender's transaction; the outbox delivers them at Telegram's pace and keeps the
count of what went out."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import ColumnElement, func, select, true

from models.entities import Broadcast, ChannelIdentity, User, Vendor
from models.errors import InvalidInput
from models.services.access import AccessService, Role
from models.units import Scope
from models.uow import UnitOfWork

SENDERS = frozenset({Role.SUPERADMIN})


class SegmentKind(StrEnum):
    ALL = "all"
    STATUS = "status"
    ETALASE = "etalase"
    KECAMATAN = "kecamatan"
    UNIT = "unit"
    """A kabupaten/kota of a provincial deployment."""


GROUPED_BY = {
    SegmentKind.STATUS: Vendor.status,
    SegmentKind.ETALASE: Vendor.etalase_code,
    SegmentKind.KECAMATAN: Vendor.kecamatan_code,
    SegmentKind.UNIT: Vendor.regency_code,
}


@dataclass(frozen=True, slots=True)
class Segment:
    """Who a broadcast goes to; written ``all`` or ``<kind>:<value>``."""

    kind: SegmentKind
    value: str = ""

    @classmethod
    def parse(cls, text: str) -> Segment | None:
        name, _, value = text.partition(":")
        try:
            kind = SegmentKind(name)
        except ValueError:
            return None
        return cls(kind, value) if (kind is SegmentKind.ALL) == (value == "") else None

    def __str__(self) -> str:
        return self.kind.value if self.kind is SegmentKind.ALL else f"{self.kind}:{self.value}"

    def condition(self) -> ColumnElement[bool]:
        if self.kind is SegmentKind.ALL:
            return true()
        return GROUPED_BY[self.kind] == self.value


@dataclass(frozen=True, slots=True)
class Progress:
    """How far a broadcast has got, from its outbox messages."""

    broadcast: Broadcast
    counts: dict[str, int]

    @property
    def sent(self) -> int:
        return self.counts.get("sent", 0)

    @property
    def waiting(self) -> int:
        return self.counts.get("pending", 0) + self.counts.get("sending", 0)


@dataclass(frozen=True, slots=True)
class _Recipient:
    user_id: int
    language: str
    channel: str
    address: str


class BroadcastService:
    def __init__(self, uow: UnitOfWork, access: AccessService) -> None:
        self._uow = uow
        self._access = access

    async def require_sender(self, actor: User) -> Scope:
        """The units the superadmin may write to; raises :class:`NotPermitted` (worded as an
        unknown command) unless a superadmin."""
        return await self._access.scope(actor, SENDERS)

    async def count(self, actor: User, segment: Segment) -> int:
        """How many vendors of the sender's units the broadcast would reach."""
        scope = await self.require_sender(actor)
        return len(await self._recipients(scope, segment))

    async def groups(self, actor: User, kind: SegmentKind) -> dict[str, int]:
        """The values of ``kind`` that vendors of the sender's units have, with how many."""
        scope = await self.require_sender(actor)
        column = GROUPED_BY[kind]
        query = (
            select(column, func.count())
            .where(column.is_not(None), scope.where(Vendor.regency_code))
            .group_by(column)
        )
        rows = (await self._uow.session.execute(query)).all()
        return {str(value): count for value, count in rows}

    async def send(
        self, actor: User, segment: Segment, text: str, render: Callable[[str], str], now: datetime
    ) -> Broadcast:
        """Queues the message for every vendor of ``segment``; ``render`` frames the text in
        a recipient's language."""
        scope = await self.require_sender(actor)
        recipients = await self._recipients(scope, segment)
        if not recipients:
            raise InvalidInput("broadcast-nobody")
        broadcast = Broadcast(
            sender_user_id=actor.id,
            segment=str(segment),
            text=text,
            recipients=len(recipients),
            created_at=now,
        )
        self._uow.session.add(broadcast)
        await self._uow.session.flush()
        framed = {language: render(language) for language in {r.language for r in recipients}}
        for recipient in recipients:
            self._uow.outbox.queue(
                user_id=recipient.user_id,
                channel=recipient.channel,
                address=recipient.address,
                payload={"text": framed[recipient.language], "buttons": []},
                now=now,
                broadcast_id=broadcast.id,
            )
        return broadcast

    async def latest(self, actor: User) -> Progress | None:
        """The sender's last broadcast and how far its delivery has got."""
        await self.require_sender(actor)
        query = (
            select(Broadcast)
            .where(Broadcast.sender_user_id == actor.id)
            .order_by(Broadcast.created_at.desc(), Broadcast.id.desc())
            .limit(1)
        )
        broadcast = (await self._uow.session.execute(query)).scalar_one_or_none()
        if broadcast is None:
            return None
        return Progress(broadcast, await self._uow.outbox.counts(broadcast.id))

    async def _recipients(self, scope: Scope, segment: Segment) -> list[_Recipient]:
        """Each vendor of the segment and scope once, on the channel they wrote from last."""
        query = (
            select(
                Vendor.user_id, User.language, ChannelIdentity.channel, ChannelIdentity.external_id
            )
            .join(User, User.id == Vendor.user_id)
            .join(ChannelIdentity, ChannelIdentity.user_id == Vendor.user_id)
            .where(segment.condition(), scope.where(Vendor.regency_code))
            .order_by(
                Vendor.user_id, ChannelIdentity.last_seen_at.desc(), ChannelIdentity.id.desc()
            )
        )
        latest: dict[int, _Recipient] = {}
        for user_id, language, channel, address in await self._uow.session.execute(query):
            latest.setdefault(user_id, _Recipient(user_id, language, channel, address))
        return list(latest.values())
