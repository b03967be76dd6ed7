"""What the bot counts for the bureau's monitoring, in Prometheus' format (``prometheus-client``).

Recording is a counter's increment or a histogram's observation in memory, never a database
query: the figures the database holds (the outbox, the tallies) are read when Prometheus
scrapes (:mod:`bot.metrics_server`). With ``WEB_WORKERS`` above 1 each worker writes its values
to files in ``PROMETHEUS_MULTIPROC_DIR`` (prometheus-client's multiprocess mode, set up by
``serve`` before the workers start) and the process serving the metrics adds them up; gauges
then sum over the workers alive (``livesum``).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from prometheus_client import Counter, Gauge, Histogram
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine

from handlers.events import (
    ButtonPressed,
    CommandReceived,
    ContactShared,
    Event,
    MediaReceived,
    PendingResent,
    TextReceived,
    UnsupportedReceived,
)

SECONDS = (0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0)
"""Buckets of the handling and sending times; 5 s is the alert's threshold."""
REPORT_SECONDS = (1.0, 5.0, 15.0, 30.0, 60.0, 120.0, 300.0, 600.0)

UPDATES = Counter("umkm_bot_updates", "Updates received from the users", ["channel", "kind"])
HANDLING = Histogram(
    "umkm_bot_update_handling_seconds",
    "From an update's arrival to its replies sent, waiting in its chat's lane included",
    ["channel"],
    buckets=SECONDS,
)
IN_FLIGHT = Gauge(
    "umkm_bot_updates_in_flight",
    "Updates received and not yet handled (waiting in a chat's lane or running)",
    multiprocess_mode="livesum",
)
SENT = Counter("umkm_bot_messages_sent", "Messages the channel's API accepted", ["channel"])
SEND_SECONDS = Histogram(
    "umkm_bot_send_seconds",
    "Time of one send call to the channel's API, failed ones included",
    ["channel"],
    buckets=SECONDS,
)
SEND_FAILURES = Counter(
    "umkm_bot_send_failures",
    "Send calls that failed: 429 (asked to slow down), 5xx (server failing), network, refused",
    ["channel", "reason"],
)
REPORTS_RUNNING = Gauge(
    "umkm_bot_report_jobs_running",
    "Exports and statistics being built",
    multiprocess_mode="livesum",
)
REPORT_DURATION = Histogram(
    "umkm_bot_report_job_seconds",
    "Time to build an export or statistics",
    ["job"],
    buckets=REPORT_SECONDS,
)
DB_CONNECTIONS_IN_USE = Gauge(
    "umkm_bot_db_connections_in_use",
    "Database connections checked out of the pools",
    multiprocess_mode="livesum",
)

_KINDS: dict[type[Any], str] = {
    TextReceived: "text",
    CommandReceived: "command",
    ButtonPressed: "button",
    ContactShared: "contact",
    UnsupportedReceived: "unsupported",
    PendingResent: "resend",
}


def event_kind(event: Event | None) -> str:
    """The label of an update's kind: text, command, button, contact, photo, document..."""
    if event is None:
        return "ignored"
    if isinstance(event, MediaReceived):
        return event.kind
    return _KINDS.get(type(event), "other")


class Handling:
    """One update from its arrival: counted at once, timed when :meth:`done` is called."""

    __slots__ = ("_channel", "_started")

    def __init__(self, channel: str, kind: str) -> None:
        self._channel = channel
        self._started = time.perf_counter()
        UPDATES.labels(channel, kind).inc()
        IN_FLIGHT.inc()

    def done(self) -> None:
        HANDLING.labels(self._channel).observe(time.perf_counter() - self._started)
        IN_FLIGHT.dec()


@contextmanager
def handling(channel: str, kind: str) -> Iterator[None]:
    measured = Handling(channel, kind)
    try:
        yield
    finally:
        measured.done()


def send_failure_reason(status: int | None) -> str:
    """The failure's label: no HTTP answer is ``network``."""
    if status is None:
        return "network"
    if status == 429:
        return "429"
    return "5xx" if status >= 500 else "refused"


def record_send(channel: str, seconds: float, failure: str | None) -> None:
    SEND_SECONDS.labels(channel).observe(seconds)
    if failure is None:
        SENT.labels(channel).inc()
    else:
        SEND_FAILURES.labels(channel, failure).inc()


@contextmanager
def report_job(name: str) -> Iterator[None]:
    with REPORTS_RUNNING.track_inprogress(), REPORT_DURATION.labels(name).time():
        yield


def watch_pool(engine: AsyncEngine) -> None:
    """Counts the engine's connections in use, as the pool hands them out and takes them back."""

    @event.listens_for(engine.sync_engine, "checkout")
    def on_checkout(*_: Any) -> None:
        DB_CONNECTIONS_IN_USE.inc()

    @event.listens_for(engine.sync_engine, "checkin")
    def on_checkin(*_: Any) -> None:
        DB_CONNECTIONS_IN_USE.dec()
