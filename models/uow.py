"""The unit of work: one database transaction per incoming update."""

from __future__ import annotations

from types import TracebackType
from typing import Self

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from models.repositories import (
    ArrivalRepository,
    ConsentRepository,
    ConversationRepository,
    OutboxRepository,
    ProcessedUpdateRepository,
    StatusChangeRepository,
    TallyRepository,
    UserRepository,
    VendorRepository,
    WhatsAppMediaRepository,
)


class UnitOfWork:
    """Opens a session with its repositories; rolls back unless :meth:`commit` was called."""

    session: AsyncSession
    users: UserRepository
    conversations: ConversationRepository
    consents: ConsentRepository
    vendors: VendorRepository
    status_changes: StatusChangeRepository
    processed_updates: ProcessedUpdateRepository
    outbox: OutboxRepository
    arrivals: ArrivalRepository
    whatsapp_media: WhatsAppMediaRepository
    tallies: TallyRepository

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def __aenter__(self) -> Self:
        self.session = self._sessions()
        self.users = UserRepository(self.session)
        self.conversations = ConversationRepository(self.session)
        self.consents = ConsentRepository(self.session)
        self.vendors = VendorRepository(self.session)
        self.status_changes = StatusChangeRepository(self.session)
        self.processed_updates = ProcessedUpdateRepository(self.session)
        self.outbox = OutboxRepository(self.session)
        self.arrivals = ArrivalRepository(self.session)
        self.whatsapp_media = WhatsAppMediaRepository(self.session)
        self.tallies = TallyRepository(self.session)
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        try:
            await self.session.rollback()
        finally:
            await self.session.close()

    async def commit(self) -> None:
        await self.session.commit()

    async def commit_without_waiting_for_disk(self) -> None:
        """Lets this transaction's COMMIT return before PostgreSQL has flushed it to disk: for
        writes whose loss in a crash costs nothing but a repeated question."""
        if self.session.get_bind().dialect.name == "postgresql":
            await self.session.execute(text("SET LOCAL synchronous_commit TO OFF"))


class UnitOfWorkFactory:
    """Creates a fresh :class:`UnitOfWork` for each update."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    def __call__(self) -> UnitOfWork:
        return UnitOfWork(self._sessions)
