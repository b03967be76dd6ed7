"""Repositories: load and add rows. They never commit; the unit of work does."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import (
    CTE,
    ColumnElement,
    Executable,
    Insert,
    Table,
    bindparam,
    delete,
    func,
    insert,
    inspect,
    or_,
    select,
    true,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload

from models.db import utcnow
from models.entities import (
    FINAL_CONFIRMATION,
    ChannelIdentity,
    Consent,
    Conversation,
    OutboxMessage,
    ProcessedUpdate,
    ProductTally,
    StatusChange,
    UpdateArrival,
    User,
    Vendor,
    VendorPlaceTally,
    VendorTally,
    WhatsAppMedia,
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

    async def lock_identity(self, channel: str, external_id: str) -> None:
        """Holds creating this channel identity to one transaction at a time, until commit.

        On PostgreSQL a brand-new user has no row to lock yet, so two processes handling their
        first updates would both create them: a transaction-level advisory lock keyed on the
        identity makes the second wait and then find the first one's user. SQLite needs
        nothing: its immediate transactions already run one writer at a time.
        """
        if self._session.get_bind().dialect.name == "postgresql":
            key = advisory_key(f"identity:{channel}:{external_id}")
            await self._session.execute(select(func.pg_advisory_xact_lock(key)))


def advisory_key(name: str) -> int:
    """A stable signed 64-bit key for ``pg_advisory_xact_lock`` (Python's hash() is salted)."""
    digest = hashlib.blake2b(name.encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def consent_in_force(user_matches: ColumnElement[bool]) -> ColumnElement[bool]:
    """EXISTS a consent in force for the user that ``user_matches`` selects."""
    return select(Consent.id).where(user_matches, Consent.withdrawn_at.is_(None)).exists()


SENDER_ROWS = (
    select(
        ChannelIdentity,
        User,
        Conversation,
        Vendor,
        consent_in_force(Consent.user_id == User.id).label("consented"),
    )
    .join(User, ChannelIdentity.user_id == User.id)
    .join(Conversation, Conversation.user_id == User.id)
    .outerjoin(Vendor, Vendor.user_id == User.id)
    .where(
        ChannelIdentity.channel == bindparam("channel"),
        ChannelIdentity.external_id == bindparam("external_id"),
    )
    .with_for_update(of=Conversation, skip_locked=True)
)
"""Every update starts with this query; built once, so its cache key is computed once too.

``SKIP LOCKED``: on PostgreSQL a query that waits for a row lock re-reads only the locked row
afterwards, so the registration and consent it returned would be those from before the update
it waited for. When another update of the same chat holds the conversation, no row comes back
and the engine takes the slow path, which waits for the lock first and reads the rest after.
SQLite has no row locks (one writer at a time) and ignores the clause."""


@dataclass(frozen=True, slots=True)
class SenderRows:
    identity: ChannelIdentity
    user: User
    conversation: Conversation
    vendor: Vendor | None
    """The user's registration, if any: most updates answer or show something of it."""
    consented: bool


class ConversationRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def for_sender(self, channel: str, external_id: str) -> SenderRows | None:
        """The sender's identity, user, conversation (locked) and registration in one query, with
        whether the user's consent is in force; None until the first three rows exist, or
        while another update of this chat holds the conversation (see :data:`SENDER_ROWS`)."""
        parameters = {"channel": channel, "external_id": external_id}
        row = (await self._session.execute(SENDER_ROWS, parameters)).one_or_none()
        if row is None:
            return None
        identity, user, conversation, vendor, consented = row
        return SenderRows(identity, user, conversation, vendor, bool(consented))

    async def get_locked(self, user_id: int) -> Conversation | None:
        """Loads the conversation with a row lock, so one chat is handled one update at a time."""
        query = select(Conversation).where(Conversation.user_id == user_id).with_for_update()
        return (await self._session.execute(query)).scalar_one_or_none()

    async def add(self, user_id: int, now: datetime) -> Conversation:
        conversation = Conversation(user_id=user_id, data={}, offered=[], turn=0, updated_at=now)
        self._session.add(conversation)
        await self._session.flush()
        return conversation

    async def lock_or_create(self, user_id: int, now: datetime) -> Conversation:
        """The conversation, locked; created first when missing. When two processes create it at
        once, the second insert waits for the first and does nothing, and both lock that row."""
        found = await self.get_locked(user_id)
        if found is not None:
            return found
        insert = _insert_for(self._session)(Conversation).values(
            user_id=user_id, data={}, offered=[], turn=0, contact_keyboard=False, updated_at=now
        )
        await self._session.execute(insert.on_conflict_do_nothing(index_elements=["user_id"]))
        query = select(Conversation).where(Conversation.user_id == user_id).with_for_update()
        return (await self._session.execute(query)).scalar_one()

    async def confirm_delivered(self, turns: list[tuple[int, int]]) -> None:
        """Records that the replies of each (user id, turn) reached the user."""
        rows = [{"user": user_id, "delivered": turn} for user_id, turn in turns]
        await self._session.execute(CONFIRM_DELIVERED, rows)

    async def unconfirmed(
        self, *, updated_after: datetime, updated_before: datetime, limit: int
    ) -> list[tuple[str, str]]:
        """Chats (channel, channel user id) whose pending question, or the confirmation that
        ended their flow (see :mod:`handlers.recovery`), was never confirmed as delivered, last
        answered within the given times."""
        final_turn = Conversation.data[FINAL_CONFIRMATION]["turn"].as_integer()
        query = (
            select(ChannelIdentity.channel, ChannelIdentity.external_id)
            .join(Conversation, Conversation.user_id == ChannelIdentity.user_id)
            .where(
                Conversation.delivered_turn < Conversation.turn,
                or_(Conversation.step.is_not(None), final_turn == Conversation.turn - 1),
                Conversation.channel == ChannelIdentity.channel,
                Conversation.updated_at > updated_after,
                Conversation.updated_at < updated_before,
            )
            .order_by(Conversation.updated_at)
            .limit(limit)
        )
        return [
            (channel, external_id) for channel, external_id in await self._session.execute(query)
        ]


def _insert_for(session: AsyncSession) -> Callable[..., Any]:
    """The dialect's INSERT, which knows ON CONFLICT DO NOTHING (SQLite and PostgreSQL)."""
    if session.get_bind().dialect.name == "postgresql":
        return postgresql.insert
    return sqlite.insert


class ConsentRepository:
    """Consents; whether a user's consent is in force is remembered for the unit of work, since
    the flows ask before every answer (the engine learns it with the sender's rows)."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session
        self._in_force: dict[int, bool] = {}

    def know(self, user_id: int, in_force: bool) -> None:
        """Records what a query that already ran found out."""
        self._in_force[user_id] = in_force

    async def in_force(self, user_id: int) -> bool:
        """Whether the user has a consent that was not withdrawn."""
        if user_id not in self._in_force:
            query = select(consent_in_force(Consent.user_id == user_id))
            self._in_force[user_id] = bool(await self._session.scalar(query))
        return self._in_force[user_id]

    def add(self, consent: Consent) -> None:
        self._session.add(consent)
        if consent.withdrawn_at is None:
            self._in_force[consent.user_id] = True

    async def withdraw(self, user_id: int, when: datetime) -> bool:
        """Withdraws every consent in force; False when there was none."""
        query = select(Consent).where(Consent.user_id == user_id, Consent.withdrawn_at.is_(None))
        consents = list((await self._session.execute(query)).scalars())
        for consent in consents:
            consent.withdrawn_at = when
        self._in_force[user_id] = False
        return bool(consents)


VENDOR_OF_USER = select(Vendor).where(Vendor.user_id == bindparam("user_id"))


class VendorRepository:
    """Vendors by owner; the one found is remembered for the unit of work, since several flows
    and services ask for it while one update is handled."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session
        self._by_user: dict[int, Vendor] = {}

    def know(self, vendor: Vendor) -> None:
        """Records a vendor another query already loaded."""
        self._by_user[vendor.user_id] = vendor

    async def by_user(self, user_id: int) -> Vendor | None:
        known = self._by_user.get(user_id)
        if known is not None and known.user_id == user_id and inspect(known).persistent:
            return known
        result = await self._session.execute(VENDOR_OF_USER, {"user_id": user_id})
        vendor = result.scalar_one_or_none()
        if vendor is not None:
            self._by_user[user_id] = vendor
        return vendor

    async def add(self, vendor: Vendor) -> Vendor:
        self._session.add(vendor)
        await self._session.flush()
        self._by_user[vendor.user_id] = vendor
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


_CONVERSATIONS = cast(Table, Conversation.__table__)
CONFIRM_DELIVERED = (
    update(_CONVERSATIONS)
    .where(
        _CONVERSATIONS.c.user_id == bindparam("user"),
        _CONVERSATIONS.c.delivered_turn < bindparam("delivered"),
    )
    .values(delivered_turn=bindparam("delivered"))
)
"""On the table, not the ORM entity: the rows are not in the session, and an executemany of
plain rows needs none of the ORM's bookkeeping."""


class ProcessedUpdateRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def claim(self, channel: str, update_id: str) -> bool:
        """Records the update as processed; False when it already was (a redelivery).

        One ``INSERT … ON CONFLICT DO NOTHING``: a redelivery inserts no row, and nothing else
        in the transaction is disturbed.
        """
        claim = CLAIMS[self._session.get_bind().dialect.name]
        row = {"channel": channel, "update_id": update_id, "processed_at": utcnow()}
        result = await self._session.execute(claim, row)
        return bool(getattr(result, "rowcount", 0) == 1)


CLAIMS = {
    dialect.dialect.name: dialect.insert(ProcessedUpdate.__table__).on_conflict_do_nothing()
    for dialect in (postgresql, sqlite)
}
"""The claim statement per dialect, built once."""


class ArrivalRepository:
    """Updates received and not yet applied, in arrival order (see :class:`UpdateArrival`)."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def record(self, channel: str, chat: str, now: datetime) -> int:
        arrival = UpdateArrival(channel=channel, chat=chat, arrived_at=now)
        self._session.add(arrival)
        await self._session.flush()
        return arrival.id

    async def earlier_pending(
        self, channel: str, chat: str, arrival_id: int, *, since: datetime
    ) -> bool:
        """Whether an update of the chat that arrived before ``arrival_id`` (and after
        ``since``: older ones belong to a process that died) is still to be applied."""
        query = select(
            select(UpdateArrival.id)
            .where(
                UpdateArrival.channel == channel,
                UpdateArrival.chat == chat,
                UpdateArrival.id < arrival_id,
                UpdateArrival.arrived_at > since,
            )
            .exists()
        )
        return bool(await self._session.scalar(query))

    async def applied(self, arrival_id: int) -> None:
        await self._session.execute(delete(UpdateArrival).where(UpdateArrival.id == arrival_id))

    async def forget_before(self, moment: datetime) -> None:
        """Arrivals left by processes that died before applying them."""
        await self._session.execute(delete(UpdateArrival).where(UpdateArrival.arrived_at < moment))


class OutboxRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    def queue(
        self,
        *,
        user_id: int,
        channel: str,
        address: str,
        payload: dict[str, Any],
        now: datetime,
        broadcast_id: int | None = None,
    ) -> OutboxMessage:
        """Adds a pending message, delivered once the current transaction is committed."""
        message = OutboxMessage(
            user_id=user_id,
            channel=channel,
            address=address,
            payload=payload,
            status="pending",
            attempts=0,
            created_at=now,
            broadcast_id=broadcast_id,
        )
        self._session.add(message)
        return message

    async def due(self, channel: str, *, now: datetime, limit: int = 50) -> list[tuple[int, str]]:
        """Ids and addresses of pending messages whose not-before time has come, oldest first."""
        query = (
            select(OutboxMessage.id, OutboxMessage.address)
            .where(
                OutboxMessage.channel == channel,
                OutboxMessage.status == "pending",
                _available(now),
            )
            .order_by(OutboxMessage.id)
            .limit(limit)
        )
        return [(message_id, address) for message_id, address in await self._session.execute(query)]

    async def get(self, message_id: int) -> OutboxMessage | None:
        return await self._session.get(OutboxMessage, message_id)

    async def claim(
        self, message_id: int, *, now: datetime, lease_until: datetime
    ) -> OutboxMessage | None:
        """Marks a due pending message as being sent until ``lease_until``; None when another
        process claimed it first (or it was put back for later meanwhile)."""
        claimed = await self._session.execute(
            update(OutboxMessage)
            .where(
                OutboxMessage.id == message_id,
                OutboxMessage.status == "pending",
                _available(now),
            )
            .values(status="sending", attempts=OutboxMessage.attempts + 1, available_at=lease_until)
        )
        if getattr(claimed, "rowcount", 0) != 1:
            return None
        return await self._session.get(OutboxMessage, message_id, populate_existing=True)

    async def expire_leases(self, now: datetime, reason: str) -> list[int]:
        """Claims whose lease ran out (their process died or hung while sending) become
        ``unknown``: the send may have reached the user, so they are not sent again."""
        expired = await self._session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.status == "sending", _available(now))
            .values(status="unknown", last_error=reason)
            .returning(OutboxMessage.id)
        )
        return list(expired.scalars())

    async def counts(self, broadcast_id: int | None = None) -> dict[str, int]:
        """How many messages are in each status (of one broadcast, or of all)."""
        query = select(OutboxMessage.status, func.count()).group_by(OutboxMessage.status)
        if broadcast_id is not None:
            query = query.where(OutboxMessage.broadcast_id == broadcast_id)
        rows = (await self._session.execute(query)).all()
        return {status: count for status, count in rows}

    async def by_external_id(self, channel: str, external_id: str) -> OutboxMessage | None:
        """The message the channel knows by ``external_id`` (a delivery status names it)."""
        query = select(OutboxMessage).where(
            OutboxMessage.channel == channel, OutboxMessage.external_id == external_id
        )
        return (await self._session.execute(query)).scalars().first()

    async def any_due(self, now: datetime) -> bool:
        """Whether some message waits to be sent: one row read through the status index."""
        query = (
            select(OutboxMessage.id)
            .where(OutboxMessage.status == "pending", _available(now))
            .limit(1)
        )
        return (await self._session.execute(query)).first() is not None


class WhatsAppMediaRepository:
    """Media ids of files already uploaded to WhatsApp, by their content's SHA-256."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, content_hash: str) -> WhatsAppMedia | None:
        return await self._session.get(WhatsAppMedia, content_hash)

    async def forget_before(self, cutoff: datetime) -> None:
        """Drops the ids of uploads WhatsApp no longer keeps (or soon will not)."""
        await self._session.execute(delete(WhatsAppMedia).where(WhatsAppMedia.uploaded_at < cutoff))

    async def remember(self, content_hash: str, media_id: str, now: datetime) -> None:
        await self._session.merge(
            WhatsAppMedia(content_hash=content_hash, media_id=media_id, uploaded_at=now)
        )


def _available(now: datetime) -> ColumnElement[bool]:
    return or_(OutboxMessage.available_at.is_(None), OutboxMessage.available_at <= now)


class TallyRepository:
    """The statistics' counts, kept by triggers as rows of changes (:class:`VendorTally`,
    :class:`VendorPlaceTally`, :class:`ProductTally`)."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def compact(self) -> int:
        """Folds each tally's rows into one per key (none for a key that sums to zero);
        returns how many rows that removed. Safe beside writers and another compaction."""
        postgresql = self._session.get_bind().dialect.name == "postgresql"
        removed = 0
        for tally in TALLIES:
            before = await self._session.scalar(select(func.count()).select_from(tally.table))
            if postgresql:
                await self._session.execute(tally.fold_in_one_statement)
            else:
                await self._fold_holding_the_write_lock(tally)
            after = await self._session.scalar(select(func.count()).select_from(tally.table))
            removed += (before or 0) - (after or 0)
        return removed

    async def _fold_holding_the_write_lock(self, tally: Tally) -> None:
        """SQLite: a writing transaction holds the write lock from its start (``BEGIN
        IMMEDIATE``), so the rows summed are exactly those before the first one inserted."""
        inserted = list((await self._session.execute(tally.insert_sums)).scalars())
        older = tally.table.c.id < min(inserted) if inserted else true()
        await self._session.execute(delete(tally.table).where(older))


@dataclass(frozen=True, slots=True)
class Tally:
    """A tally table: its key columns and count columns."""

    table: Table
    key: tuple[str, ...]
    counts: tuple[str, ...]

    @property
    def insert_sums(self) -> Executable:
        return self._insert_sums(self.table).returning(self.table.c.id)

    @property
    def fold_in_one_statement(self) -> Executable:
        """PostgreSQL: the rows a ``DELETE … RETURNING`` took, summed back in the same
        statement. Rows a running transaction adds are not visible to it, so they stay; a
        concurrent compaction waits for the rows this one locked, then skips them."""
        gone = delete(self.table).returning(*self._columns(self.table)).cte("gone")
        return self._insert_sums(gone)

    def _columns(self, source: Table | CTE) -> list[ColumnElement[Any]]:
        return [source.c[name] for name in (*self.key, *self.counts)]

    def _insert_sums(self, source: Table | CTE) -> Insert:
        keys = [source.c[name] for name in self.key]
        sums = [func.sum(source.c[name]) for name in self.counts]
        nonzero = or_(*(total != 0 for total in sums))
        rows = select(*keys, *sums).group_by(*keys).having(nonzero)
        return insert(self.table).from_select([*self.key, *self.counts], rows)


TALLIES = (
    Tally(
        cast(Table, VendorTally.__table__),
        ("regency_code", "status", "etalase_code"),
        ("registrations", "submitted"),
    ),
    Tally(
        cast(Table, VendorPlaceTally.__table__),
        ("regency_code", "status", "kecamatan_code"),
        ("registrations",),
    ),
    Tally(
        cast(Table, ProductTally.__table__),
        ("regency_code", "etalase_code", "status"),
        ("products",),
    ),
)
