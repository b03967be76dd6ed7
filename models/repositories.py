"""Repositories: load and add rows. They never commit; the unit of work does."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload

from models.entities import (
    ChannelIdentity,
    Consent,
    Conversation,
    OutboxMessage,
    ProcessedUpdate,
    StatusChange,
    User,
    Vendor,
)


class UserRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def by_identity(self, channel: str, external_id: str) -> User | None:
        query = (
            select(User)
            .join(ChannelIdentity)
            .where(ChannelIdentity.channel == channel, ChannelIdentity.external_id == external_id)
        )
        return (await self._session.execute(query)).scalar_one_or_none()

    async def identity(self, channel: str, external_id: str) -> ChannelIdentity | None:
        """The identity with its user, in one query."""
        query = (
            select(ChannelIdentity)
            .options(joinedload(ChannelIdentity.user))
            .where(ChannelIdentity.channel == channel, ChannelIdentity.external_id == external_id)
        )
        return (await self._session.execute(query)).scalar_one_or_none()

    async def latest_identity(self, user_id: int) -> ChannelIdentity | None:
        """The identity the user wrote from last: where notifications go."""
        query = (
            select(ChannelIdentity)
            .where(ChannelIdentity.user_id == user_id)
            .order_by(ChannelIdentity.last_seen_at.desc(), ChannelIdentity.id.desc())
            .limit(1)
        )
        return (await self._session.execute(query)).scalar_one_or_none()

    async def add(
        self, channel: str, external_id: str, language: str, now: datetime | None = None
    ) -> User:
        user = User(language=language)
        identity = ChannelIdentity(channel=channel, external_id=external_id)
        if now is not None:
            user.created_at = user.last_seen_at = identity.created_at = identity.last_seen_at = now
        user.identities.append(identity)
        self._session.add(user)
        await self._session.flush()
        return user

    async def get(self, user_id: int) -> User | None:
        return await self._session.get(User, user_id)


class ConversationRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get_locked(self, user_id: int) -> Conversation | None:
        """Loads the conversation with a row lock, so one chat is handled one update at a time."""
        query = select(Conversation).where(Conversation.user_id == user_id).with_for_update()
        return (await self._session.execute(query)).scalar_one_or_none()

    async def add(self, user_id: int, now: datetime) -> Conversation:
        conversation = Conversation(user_id=user_id, data={}, offered=[], turn=0, updated_at=now)
        self._session.add(conversation)
        await self._session.flush()
        return conversation


class ConsentRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def active(self, user_id: int) -> Consent | None:
        query = (
            select(Consent)
            .where(Consent.user_id == user_id, Consent.withdrawn_at.is_(None))
            .order_by(Consent.given_at.desc())
            .limit(1)
        )
        return (await self._session.execute(query)).scalar_one_or_none()

    def add(self, consent: Consent) -> None:
        self._session.add(consent)


class VendorRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def by_user(self, user_id: int) -> Vendor | None:
        query = select(Vendor).where(Vendor.user_id == user_id)
        return (await self._session.execute(query)).scalar_one_or_none()

    async def add(self, vendor: Vendor) -> Vendor:
        self._session.add(vendor)
        await self._session.flush()
        return vendor


class StatusChangeRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    def add(self, change: StatusChange) -> None:
        self._session.add(change)

    async def for_subject(self, subject_type: str, subject_id: int) -> list[StatusChange]:
        query = (
            select(StatusChange)
            .where(StatusChange.subject_type == subject_type, StatusChange.subject_id == subject_id)
            .order_by(StatusChange.created_at, StatusChange.id)
        )
        return list((await self._session.execute(query)).scalars())


class ProcessedUpdateRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def claim(self, channel: str, update_id: str) -> bool:
        """Records the update as processed; False when it already was (a redelivery)."""
        try:
            async with self._session.begin_nested():
                self._session.add(ProcessedUpdate(channel=channel, update_id=update_id))
        except IntegrityError:
            return False
        return True


class OutboxRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    def add(self, message: OutboxMessage) -> None:
        self._session.add(message)

    async def pending_ids(self, channel: str, limit: int = 50) -> list[int]:
        query = (
            select(OutboxMessage.id)
            .where(OutboxMessage.channel == channel, OutboxMessage.status == "pending")
            .order_by(OutboxMessage.id)
            .limit(limit)
        )
        return list((await self._session.execute(query)).scalars())

    async def get(self, message_id: int) -> OutboxMessage | None:
        return await self._session.get(OutboxMessage, message_id)

    async def claim(self, message_id: int) -> OutboxMessage | None:
        """Marks a pending message as being sent; None when another process claimed it first."""
        claimed = await self._session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id == message_id, OutboxMessage.status == "pending")
            .values(status="sending", attempts=OutboxMessage.attempts + 1)
        )
        if getattr(claimed, "rowcount", 0) != 1:
            return None
        return await self._session.get(OutboxMessage, message_id, populate_existing=True)
