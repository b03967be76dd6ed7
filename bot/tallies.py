"""Folding the statistics' tallies (:class:`~models.entities.VendorTally`) now and then, from
the sweep of whichever way the bot runs. Every process may do it: compactions never conflict."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from models.uow import UnitOfWorkFactory

log = logging.getLogger(__name__)

COMPACT_EVERY = timedelta(minutes=10)
"""A busy province adds a few thousand rows in that time: the statistics sum them in a moment."""


class TallyCompaction:
    def __init__(self, uow_factory: UnitOfWorkFactory, clock: Callable[[], datetime]) -> None:
        self._uow_factory = uow_factory
        self._clock = clock
        self._due: datetime | None = None

    async def run_if_due(self) -> None:
        now = self._clock()
        if self._due is not None and now < self._due:
            return
        self._due = now + COMPACT_EVERY
        async with self._uow_factory() as uow:
            removed = await uow.tallies.compact()
            await uow.commit()
        log.debug("tallies folded: %d rows fewer", removed)
