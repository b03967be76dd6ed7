"""Durable acknowledgement: an update is confirmed to its sender (the webhook's 200, the polling
offset) only once its transaction has committed.

The receiver registers the update before handing it on and waits; the channel says when the
update is durable, or that it failed. A failure the database may recover from (it was
unreachable, a lock timed out) is *transient*: the sender is asked to deliver the update again.
Any other failure was answered with an apology, and the update counts as handled.
"""

from __future__ import annotations

import asyncio
import logging

from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout

log = logging.getLogger(__name__)


def transient(error: BaseException) -> bool:
    """Whether handling the update again later may well succeed."""
    if isinstance(error, DBAPIError) and error.connection_invalidated:
        return True
    return isinstance(error, OperationalError | InterfaceError | PoolTimeout | ConnectionError)


class UpdateNotDurable(Exception):
    """The update was not stored; its sender should deliver it again."""


class Acknowledgements:
    """Futures by update id, resolved when the update is durable."""

    def __init__(self) -> None:
        self._waiting: dict[str, asyncio.Future[None]] = {}

    def expect(self, update_id: str) -> asyncio.Future[None]:
        """Registers an update about to be handled; the future resolves once it is durable.
        The same id expected twice (a redelivery racing the first) shares one future."""
        future = self._waiting.get(update_id)
        if future is None:
            future = asyncio.get_running_loop().create_future()
            self._waiting[update_id] = future
        return future

    def durable(self, update_id: str) -> None:
        future = self._waiting.pop(update_id, None)
        if future is not None and not future.done():
            future.set_result(None)

    def failed(self, update_id: str, error: BaseException) -> None:
        """Handling failed; a transient failure asks the sender for the update again."""
        future = self._waiting.pop(update_id, None)
        if future is None or future.done():
            return
        if transient(error):
            future.set_exception(UpdateNotDurable(type(error).__name__))
        else:
            future.set_result(None)  # answered with an apology; a redelivery would fail again
