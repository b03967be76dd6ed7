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
class FloodLimit:
    max_updates: int = 20
    window: timedelta = timedelta(seconds=10)

    def count(self, conversation: Conversation, now: datetime) -> Verdict:
        """Counts one update of the conversation's user and tells what to do with it."""
        start = conversation.flood_window_at
        if start is None or not start <= now < start + self.window:
            conversation.flood_window_at, conversation.flood_count = now, 0
        conversation.flood_count = (conversation.flood_count or 0) + 1
        if conversation.flood_count <= self.max_updates:
            return Verdict.ADMIT
        return Verdict.WARN if conversation.flood_count == self.max_updates + 1 else Verdict.DROP


DEFAULT_FLOOD_LIMIT = FloodLimit()
"""More than 20 updates within 10 seconds is a flood."""
