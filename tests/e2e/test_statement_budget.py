"""What one answer costs the database. The conversation benchmark's throughput rests on these
few statements per update (README, "Benchmarks"), so a change that adds a query to every
answer fails here rather than only slowing the bot down."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine

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


async def test_an_answer_reads_once_writes_twice_and_confirms_its_reply(
    telegram: TelegramBot,
) -> None:
    user = telegram.user(401)
    await user.say("/daftar")
    await user.press("Saya setuju")
    with statements(telegram.services.database) as sent:
        await user.say("Siti Aminah")
    assert "NIK" in user.last.text  # the answer was taken: the next question came
    assert sent == [
        "INSERT processed_update",  # a redelivered update is applied once
        "SELECT channel_identity",  # identity, user, conversation (locked), registration, consent
        "UPDATE conversation",  # state, buttons and flood counter in one write
        "UPDATE vendor",
        # After the reply was sent, in a transaction of its own that PostgreSQL need not
        # flush to disk (SET LOCAL synchronous_commit): it arrived.
        *(["SET"] if telegram.services.database.dialect.name == "postgresql" else []),
        "UPDATE conversation",
    ]


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
