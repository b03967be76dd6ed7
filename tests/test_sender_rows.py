"""PostgreSQL: the sender's rows are never read from before an update of the same chat that
was still running (a query waiting for a row lock re-reads only the locked row)."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import pytest

from models.db import create_engine, session_factory
from models.entities import Consent
from models.uow import UnitOfWorkFactory

NOW = datetime(2026, 11, 24, 2, 0, tzinfo=UTC)


@pytest.fixture
def postgres_url(database_url: str) -> str:
    if not database_url.startswith("postgresql"):
        pytest.skip("SQLite runs one writer at a time: no update waits inside a query")
    return database_url


async def test_the_next_update_sees_what_the_running_one_commits(postgres_url: str) -> None:
    engine = create_engine(postgres_url)
    units = UnitOfWorkFactory(session_factory(engine))
    try:
        async with units() as uow:
            user = await uow.users.add("telegram", "501", "id", NOW)
            await uow.conversations.add(user.id, NOW)
            await uow.commit()

        async with units() as running:  # an update of this chat, giving consent
            rows = await running.conversations.for_sender("telegram", "501")
            assert rows is not None and not rows.consented
            running.consents.add(
                Consent(user_id=user.id, notice_version="v1", channel="telegram", given_at=NOW)
            )
            await running.session.flush()

            async with units() as next_update:
                # The conversation is held: no rows, so the engine takes the path that waits
                # for the lock before reading anything else.
                rows_now = next_update.conversations.for_sender("telegram", "501")
                assert await asyncio.wait_for(rows_now, timeout=5) is None
                waiting = asyncio.create_task(next_update.conversations.get_locked(user.id))
                await asyncio.sleep(0.2)
                assert not waiting.done()
                await running.commit()
                assert await waiting is not None
                assert await next_update.consents.in_force(user.id)
    finally:
        await engine.dispose()
