"""Paces queued messages to Telegram's limits: about 30 messages a second overall, and about one
a second in any one chat (short bursts pass).

Each key (everything, and each chat) keeps a "theoretical arrival time" (the generic cell rate
algorithm): a send is due when that time, less the burst allowance, has come, and reserving it
moves the time on by one interval. A reservation is made before sleeping, so tasks sharing one
limiter never pick the same slot. Clock and sleep are injectable so tests never sleep.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

CHAT_INTERVAL = 1.0
CHAT_BURST = 3
"""Messages one chat may get at once before the one-a-second pace applies."""
FORGET_CHATS_AFTER = 1000
"""Chats remembered before those without a pending reservation are forgotten."""
REPLY_PUSHBACK = 1.0
"""How far ahead of now the replies may push the queued messages' overall pace."""


@dataclass
class _Pace:
    interval: float
    burst: int = 1
    arrival: float = float("-inf")

    def earliest(self, now: float) -> float:
        return max(now, self.arrival - (self.burst - 1) * self.interval)

    def reserve(self, at: float) -> None:
        self.arrival = max(self.arrival, at) + self.interval


class RateLimiter:
    """Waits before each send as long as the limits require; one limiter per process."""

    def __init__(
        self,
        per_second: float,
        *,
        monotonic: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self._overall = _Pace(1 / per_second)
        self._chats: dict[str, _Pace] = {}
        self._paused_until = float("-inf")
        self._monotonic = monotonic
        self._sleep = sleep

    def delay(self, chat: str) -> float:
        """Seconds a send to ``chat`` would wait now."""
        now = self._monotonic()
        return self._earliest(chat, now) - now

    async def acquire(self, chat: str, *, reply: bool = False) -> None:
        """Reserves the next slot for ``chat`` and sleeps until it comes.

        A ``reply`` answers a user who is waiting for it: it waits only for a pause (a 429),
        not for the paces, which are Telegram's advice for messages nobody asked for. It takes
        its share of both all the same, so notices and broadcasts give way to replies (by at
        most :data:`REPLY_PUSHBACK`).
        """
        now = self._monotonic()
        if reply:
            at = max(now, self._paused_until)
            for pace in (self._overall, self._chat(chat)):
                pushed = min(max(pace.arrival, at) + pace.interval, now + REPLY_PUSHBACK)
                pace.arrival = max(pace.arrival, pushed)
            if at > now:
                await self._sleep(at - now)
            return
        at = self._earliest(chat, now)
        self._overall.reserve(at)
        self._chat(chat).reserve(at)
        if at > now:
            await self._sleep(at - now)

    def pause(self, seconds: float) -> None:
        """Nothing more is sent for ``seconds`` (Telegram answered 429 with ``retry_after``)."""
        until = self._monotonic() + seconds
        self._paused_until = max(self._paused_until, until)
        self._overall.arrival = max(self._overall.arrival, until)

    def _earliest(self, chat: str, now: float) -> float:
        pace = self._chats.get(chat)
        overall = self._overall.earliest(now)
        return overall if pace is None else max(overall, pace.earliest(now))

    def _chat(self, chat: str) -> _Pace:
        if chat not in self._chats and len(self._chats) >= FORGET_CHATS_AFTER:
            now = self._monotonic()
            self._chats = {key: pace for key, pace in self._chats.items() if pace.arrival > now}
        return self._chats.setdefault(chat, _Pace(CHAT_INTERVAL, CHAT_BURST))
