"""The timed loop: updates go one at a time through ``Application.process_update``, as the
default (non-concurrent) ``Application`` handles them."""

from __future__ import annotations

import time
from collections.abc import Iterable
from typing import Any

from telegram import Update
from telegram.ext import Application

from bench.stats import Timing
from bench.workload import Planned

AnyApplication = Application[Any, Any, Any, Any, Any, Any]


async def run_planned(
    application: AnyApplication, chunks: Iterable[list[Planned]]
) -> dict[str, Timing]:
    """Processes pre-built chunks; chunk building is outside the timer. Returns one timing for
    all updates (``all``), one per phase of the script and one per step (``step 12``)."""
    latencies: dict[str, list[int]] = {}
    walls: dict[str, float] = {}
    everything: list[int] = []
    wall = cpu = 0.0
    clock = time.perf_counter_ns
    for chunk in chunks:
        cpu_started = time.process_time()
        started = clock()
        for planned in chunk:
            before = clock()
            await application.process_update(planned.update)
            elapsed = clock() - before
            everything.append(elapsed)
            latencies.setdefault(planned.phase, []).append(elapsed)
            latencies.setdefault(f"step {planned.step}", []).append(elapsed)
        wall += (clock() - started) / 1e9
        cpu += time.process_time() - cpu_started
    total_latency = sum(everything) or 1
    timings = {"all": Timing("all", everything, wall, cpu)}
    for group, values in latencies.items():
        # A group's share of the wall (and CPU) time is its share of the summed latencies.
        share = sum(values) / total_latency
        walls[group] = wall * share
        timings[group] = Timing(group, values, walls[group], cpu * share)
    return timings


async def run_updates(application: AnyApplication, updates: list[Update]) -> Timing:
    """Processes pre-built updates in order and times each."""
    latencies: list[int] = []
    clock = time.perf_counter_ns
    cpu_started = time.process_time()
    started = clock()
    for update in updates:
        before = clock()
        await application.process_update(update)
        latencies.append(clock() - before)
    wall = (clock() - started) / 1e9
    return Timing("updates", latencies, wall, time.process_time() - cpu_started)
