"""Where the time of an update goes: wall-clock timers around the bot's own stages, and a
counter of SQL statements.

The timers wrap functions in place for the length of a profiling run only (the benchmark itself
measures the unmodified code). A target that no longer exists is reported and skipped, so the
profile keeps working while the code it looks at changes.
"""

from __future__ import annotations

import functools
import importlib
import inspect
import re
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine

STAGES: tuple[tuple[str, str, str], ...] = (
    # (label, module, attribute path); nesting is shown by the label's indentation
    ("PTB Application.process_update", "telegram.ext", "Application.process_update"),
    ("  TelegramChannel.on_update", "bot.telegram.app", "TelegramChannel.on_update"),
    ("    engine.handle", "handlers.engine", "ConversationEngine.handle"),
    ("      claim update id (+ BEGIN)", "models.repositories", "ProcessedUpdateRepository.claim"),
    ("      load sender's rows", "models.repositories", "ConversationRepository.for_sender"),
    ("      first contact: create user", "models.services.identity", "IdentityService.resolve"),
    ("      flood count", "handlers.flood", "FloodLimit.check"),
    ("      route (flows, services, queries)", "handlers.engine", "route"),
    ("        load the vendor", "models.repositories", "VendorRepository.by_user"),
    ("      render (Fluent, tokens)", "handlers.engine", "render"),
    ("      commit (flush + COMMIT)", "models.uow", "UnitOfWork.commit"),
    ("      close unit of work", "models.uow", "UnitOfWork.__aexit__"),
    ("    send_messages (PTB → Bot API)", "bot.telegram.app", "send_messages"),
    ("    answer / edit pressed button", "bot.telegram.app", "quietly"),
)


@dataclass
class StageTimes:
    totals_ns: Counter[str] = field(default_factory=Counter)
    calls: Counter[str] = field(default_factory=Counter)
    missing: list[str] = field(default_factory=list)

    def reset(self) -> None:
        self.totals_ns.clear()
        self.calls.clear()


def _timed(function: Callable[..., Any], label: str, times: StageTimes) -> Callable[..., Any]:
    clock = time.perf_counter_ns
    if inspect.iscoroutinefunction(function):

        @functools.wraps(function)
        async def timed_async(*args: Any, **kwargs: Any) -> Any:
            started = clock()
            try:
                return await function(*args, **kwargs)
            finally:
                times.totals_ns[label] += clock() - started
                times.calls[label] += 1

        return timed_async

    @functools.wraps(function)
    def timed(*args: Any, **kwargs: Any) -> Any:
        started = clock()
        try:
            return function(*args, **kwargs)
        finally:
            times.totals_ns[label] += clock() - started
            times.calls[label] += 1

    return timed


@contextmanager
def stage_timers(stages: tuple[tuple[str, str, str], ...] = STAGES) -> Iterator[StageTimes]:
    """Wraps every stage with a timer while the block runs, then restores the originals."""
    times = StageTimes()
    restore: list[tuple[Any, str, Any]] = []
    for label, module_name, path in stages:
        try:
            owner: Any = importlib.import_module(module_name)
            *parents, name = path.split(".")
            for parent in parents:
                owner = getattr(owner, parent)
            original = owner.__dict__[name] if isinstance(owner, type) else getattr(owner, name)
        except (ImportError, AttributeError, KeyError):
            times.missing.append(f"{module_name}.{path}")
            continue
        restore.append((owner, name, original))
        setattr(owner, name, _timed(original, label.strip(), times))
    try:
        yield times
    finally:
        for owner, name, original in reversed(restore):
            setattr(owner, name, original)


TABLE_OF = re.compile(r"^\s*(?:SELECT\b.*?\bFROM|UPDATE|INSERT INTO|DELETE FROM)\s+(\w+)", re.S)


@dataclass
class SqlCounter:
    """Statements sent to the database, by first keyword and by statement and table, and the
    time spent executing them."""

    statements: Counter[str] = field(default_factory=Counter)
    by_table: Counter[str] = field(default_factory=Counter)
    execute_ns: int = 0
    _started: int = 0

    def attach(self, engine: AsyncEngine) -> None:
        sync_engine = engine.sync_engine

        @event.listens_for(sync_engine, "before_cursor_execute")
        def before(*_args: Any) -> None:
            self._started = time.perf_counter_ns()

        @event.listens_for(sync_engine, "after_cursor_execute")
        def after(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
            self.execute_ns += time.perf_counter_ns() - self._started
            keyword = statement.split(None, 1)[0].upper()
            self.statements[keyword] += 1
            table = TABLE_OF.match(statement)
            self.by_table[f"{keyword} {table.group(1)}" if table else keyword] += 1

        @event.listens_for(sync_engine, "commit")
        def commit(*_args: Any) -> None:
            self.statements["COMMIT"] += 1
            self.by_table["COMMIT"] += 1

    @property
    def total(self) -> int:
        return sum(self.statements.values())


@dataclass
class GcPauses:
    """Garbage-collector passes while the block runs, by generation: count and longest pause."""

    counts: Counter[int] = field(default_factory=Counter)
    longest_ns: Counter[int] = field(default_factory=Counter)
    total_ns: Counter[int] = field(default_factory=Counter)


@contextmanager
def gc_pauses() -> Iterator[GcPauses]:
    import gc

    pauses = GcPauses()
    started = 0

    def callback(phase: str, info: dict[str, int]) -> None:
        nonlocal started
        if phase == "start":
            started = time.perf_counter_ns()
            return
        generation, elapsed = info["generation"], time.perf_counter_ns() - started
        pauses.counts[generation] += 1
        pauses.total_ns[generation] += elapsed
        pauses.longest_ns[generation] = max(pauses.longest_ns[generation], elapsed)

    gc.callbacks.append(callback)
    try:
        yield pauses
    finally:
        gc.callbacks.remove(callback)
