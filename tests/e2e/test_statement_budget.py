"""What one answer costs the database. The conversation benchmark's throughput rests on these
few statements per update (README, "Benchmarks"), so a change that adds a query to every
answer fails here rather than only slowing the bot down."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import event, select
from sqlalchemy.ext.asyncio import AsyncEngine

from handlers import confirmations
from models.entities import Conversation
from tests.support.clock import FakeClock
from tests.support.telegram_chat import TelegramBot

SHAPE = re.compile(r"^\s*(SELECT|INSERT INTO|UPDATE|DELETE FROM)\s.*?\b(\w+)\b", re.S | re.I)
FROM_TABLE = re.compile(r"\bFROM\s+(\w+)", re.I)
PARENTHESES = re.compile(r"\([^()]*\)")


def shape(statement: str) -> str:
    """``SELECT channel_identity``, ``UPDATE vendor``: the verb and the (first) table."""
    match = SHAPE.match(statement)
    if match is None:
        return statement.split()[0].upper()
    verb = match.group(1).split()[0].upper()
    if verb == "SELECT":
        outer = statement
        while PARENTHESES.search(outer):  # subqueries and function calls out
            outer = PARENTHESES.sub("", outer)
        table = FROM_TABLE.search(outer)
        return f"SELECT {table.group(1) if table else '?'}"
    return f"{verb} {match.group(2)}"


@contextmanager
def statements(engine: AsyncEngine) -> Iterator[list[str]]:
    """Collects the shapes of the statements sent while the block runs (BEGIN left out)."""
    seen: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if not statement.lstrip().upper().startswith("BEGIN"):
            seen.append(shape(statement))

    event.listen(engine.sync_engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", record)


async def test_an_answer_reads_once_writes_twice_and_its_confirmation_rides_along(
    telegram: TelegramBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(confirmations, "WRITE_AFTER_SECONDS", 3600)  # no batch meanwhile
    user = telegram.user(401)
    await user.say("/daftar")
    await user.press("Saya setuju")
    with statements(telegram.services.database) as sent:
        await user.say("Siti Aminah")
    assert "NIK" in user.last.text  # the answer was taken: the next question came
    answer = [
        "INSERT processed_update",  # a redelivered update is applied once
        "SELECT channel_identity",  # identity, user, conversation (locked), registration, consent
        "UPDATE conversation",  # state, buttons, flood counter, the last reply's arrival
        "UPDATE vendor",
    ]
    assert sent == answer
    with statements(telegram.services.database) as sent:
        await telegram.services.engine.write_confirmations()
    # Confirmations not taken by a next update: one batch, that PostgreSQL need not flush to
    # disk (SET LOCAL synchronous_commit).
    postgres = telegram.services.database.dialect.name == "postgresql"
    assert sent == [*(["SET"] if postgres else []), "UPDATE conversation"]


async def test_a_confirmed_reply_is_on_disk_a_moment_later(
    telegram: TelegramBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(confirmations, "WRITE_AFTER_SECONDS", 0.01)
    user = telegram.user(403)
    await user.say("/daftar")
    await asyncio.sleep(0.2)
    async with telegram.services.uow_factory() as uow:
        query = select(Conversation.turn, Conversation.delivered_turn)
        turn, delivered = (await uow.session.execute(query)).one()
    assert turn > 0
    assert delivered == turn


async def test_last_seen_is_written_again_only_after_ten_minutes(
    telegram: TelegramBot, clock: FakeClock
) -> None:
    user = telegram.user(402)
    await user.say("/daftar")
    await user.press("Saya setuju")
    clock.advance(minutes=9)
    with statements(telegram.services.database) as soon:
        await user.say("Siti Aminah")
    clock.advance(minutes=2)
    with statements(telegram.services.database) as later:
        await user.say("3579 0141 0185 0001")
    assert "UPDATE app_user" not in soon and "UPDATE channel_identity" not in soon
    assert "UPDATE app_user" in later and "UPDATE channel_identity" in later
