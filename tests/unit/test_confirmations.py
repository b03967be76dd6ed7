"""Delivery confirmations kept in memory for a moment (``handlers.confirmations``): written in
one batch, kept when the database refuses, dropped once the chat's own update wrote them."""

from __future__ import annotations

from typing import Any, cast

from handlers.confirmations import DeliveryConfirmations, Receipt
from models.uow import UnitOfWorkFactory


class Database:
    """A unit of work that records each batch, or refuses while ``down``."""

    def __init__(self) -> None:
        self.batches: list[list[tuple[int, int]]] = []
        self.down = False
        self._batch: list[tuple[int, int]] = []

    def __call__(self) -> Database:
        return self

    async def __aenter__(self) -> Database:
        return self

    async def __aexit__(self, *_: object) -> None:
        return None

    @property
    def conversations(self) -> Database:
        return self

    async def commit_without_waiting_for_disk(self) -> None:
        return None

    async def confirm_delivered(self, turns: list[tuple[int, int]]) -> None:
        self._batch = turns

    async def commit(self) -> None:
        if self.down:
            raise ConnectionError("database unreachable")
        self.batches.append(self._batch)


def confirmations(database: Database) -> DeliveryConfirmations:
    return DeliveryConfirmations(cast(UnitOfWorkFactory, cast(Any, database)))


async def test_the_latest_turn_of_each_chat_is_written_in_one_batch() -> None:
    database = Database()
    pending = confirmations(database)
    pending.add(Receipt(user_id=7, turn=3))
    pending.add(Receipt(user_id=7, turn=2))  # an older turn confirmed late changes nothing
    pending.add(Receipt(user_id=4, turn=9))
    assert pending.delivered_turn(7) == 3

    assert await pending.write()
    assert database.batches == [[(4, 9), (7, 3)]]
    assert pending.delivered_turn(7) is None


async def test_a_refused_write_keeps_them_for_the_next_try() -> None:
    database = Database()
    pending = confirmations(database)
    pending.add(Receipt(user_id=7, turn=3))
    database.down = True
    assert not await pending.write()
    assert pending.delivered_turn(7) == 3  # the chat's next update still sees it

    database.down = False
    assert await pending.write()
    assert database.batches == [[(7, 3)]]


async def test_what_the_chats_own_update_wrote_is_not_written_again() -> None:
    database = Database()
    pending = confirmations(database)
    pending.add(Receipt(user_id=7, turn=3))
    pending.written(7, 3)
    pending.add(Receipt(user_id=4, turn=1))
    pending.written(4, 0)  # an older turn: this confirmation is still to be written

    assert await pending.write()
    assert database.batches == [[(4, 1)]]
