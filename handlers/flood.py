"""Flood control: a user who sends more than a burst of updates within a short window gets one
polite request to slow down, and the rest of the burst is dropped without being applied.

The count lives in the user's conversation row, which the engine holds locked while it handles
the update, so every process sharing the database counts the same updates. Windows are fixed:
one starts with the first update after the previous window has passed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum

from models.entities import Conversation


class Verdict(Enum):
    ADMIT = "admit"
    """Handle the update as usual."""
    WARN = "warn"
    """The first update over the limit: answer with the request to slow down only."""
    DROP = "drop"
    """Further updates over the limit: no answer at all until the window has passed."""


@dataclass(frozen=True, slots=True)
class FloodWindow:
    """The counter after this update, to be written with the conversation's other changes."""

    started_at: datetime
    count: int

    def save(self, conversation: Conversation) -> None:
        conversation.flood_window_at, conversation.flood_count = self.started_at, self.count


@dataclass(frozen=True, slots=True)
class FloodLimit:
    max_updates: int = 20
    window: timedelta = timedelta(seconds=10)

    def check(self, conversation: Conversation, now: datetime) -> tuple[Verdict, FloodWindow]:
        """Counts one update of the conversation's user and tells what to do with it.

        Nothing is written yet: setting the counter at once would make the conversation dirty
        before the flows' first query, and the ORM would send it in an UPDATE of its own.
        """
        start, count = conversation.flood_window_at, conversation.flood_count or 0
        if start is None or not start <= now < start + self.window:
            start, count = now, 0
        count += 1
        if count <= self.max_updates:
            verdict = Verdict.ADMIT
        else:
            verdict = Verdict.WARN if count == self.max_updates + 1 else Verdict.DROP
        return verdict, FloodWindow(start, count)


DEFAULT_FLOOD_LIMIT = FloodLimit()
"""More than 20 updates within 10 seconds is a flood."""
