"""One lane per chat: a chat's jobs in order, other chats beside them, at most ``limit`` at once."""

from __future__ import annotations

import asyncio

import pytest

from bot.lanes import ChatLanes


async def test_jobs_of_one_chat_run_one_at_a_time_in_submission_order() -> None:
    lanes = ChatLanes(limit=8)
    log: list[str] = []

    async def job(name: str, pause: float) -> None:
        log.append(f"start {name}")
        await asyncio.sleep(pause)
        log.append(f"end {name}")

    for number, pause in enumerate([0.03, 0.0, 0.02, 0.0, 0.01]):
        lanes.submit("chat", lambda n=number, p=pause: job(str(n), p))  # type: ignore[misc]
    await lanes.drain()
    assert log == [entry for n in range(5) for entry in (f"start {n}", f"end {n}")]


async def test_other_chats_do_not_wait_for_a_busy_chat() -> None:
    lanes = ChatLanes(limit=8)
    released = asyncio.Event()
    lanes.submit("slow", released.wait)
    lanes.submit("slow", lambda: asyncio.sleep(0))  # queued behind the slow job, in its lane
    # Another chat's job runs to the end while the first chat's job still waits.
    assert await asyncio.wait_for(lanes.run("other", lambda: asyncio.sleep(0, "done")), 1) == "done"
    assert lanes.pending == 2
    released.set()
    await lanes.drain()
    assert lanes.pending == 0


async def test_at_most_limit_jobs_run_at_once_and_waiting_chats_take_no_slot() -> None:
    lanes = ChatLanes(limit=3)
    running = peak = 0

    async def job() -> None:
        nonlocal running, peak
        running += 1
        peak = max(peak, running)
        await asyncio.sleep(0.01)
        running -= 1

    for chat in range(10):
        for _ in range(3):
            lanes.submit(chat, job)
    await lanes.drain()
    assert peak == 3


async def test_a_failed_job_does_not_stop_its_lane() -> None:
    lanes = ChatLanes(limit=2)

    async def fail() -> None:
        raise RuntimeError("boom")

    failed = lanes.submit("chat", fail)
    after = lanes.submit("chat", lambda: asyncio.sleep(0, "after"))
    assert await after == "after"
    with pytest.raises(RuntimeError):
        await failed
