"""Latency statistics, process memory, and figures printed next to their goals."""

from __future__ import annotations

import os
import resource
from dataclasses import dataclass

try:
    import psutil  # type: ignore[import-untyped]
except ImportError:  # optional: /proc is read instead
    psutil = None


@dataclass(frozen=True, slots=True)
class Timing:
    """Per-update latencies (nanoseconds) and the wall time of the whole run (seconds)."""

    name: str
    latencies_ns: list[int]
    wall_s: float
    cpu_s: float = 0.0
    """CPU time of the whole process (all threads) over the run: steadier than wall time when
    other programs share the machine."""

    @property
    def count(self) -> int:
        return len(self.latencies_ns)

    @property
    def per_second(self) -> float:
        return self.count / self.wall_s if self.wall_s else 0.0

    @property
    def mean_us(self) -> float:
        return self.wall_s * 1e6 / self.count if self.count else 0.0

    @property
    def cpu_us(self) -> float:
        return self.cpu_s * 1e6 / self.count if self.count else 0.0

    def percentile_ms(self, p: float) -> float:
        return percentile(self.latencies_ns, p) / 1e6


def percentile(values: list[int], p: float) -> float:
    """The ``p``-th percentile (nearest rank) of ``values``."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(p / 100 * len(ordered) + 0.5) - 1))
    return float(ordered[rank])


def rss_mb() -> float:
    """The current resident set size of this process, in MB."""
    if psutil is not None:
        return float(psutil.Process().memory_info().rss) / 1e6
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


def peak_rss_mb() -> float:
    """The peak resident set size of this process so far, in MB.

    Linux's ``VmHWM`` is read first: ``ru_maxrss`` survives ``exec`` and so reports the parent's
    peak in a freshly started child process."""
    try:
        with open("/proc/self/status") as status:
            for entry in status:
                if entry.startswith("VmHWM:"):
                    return int(entry.split()[1]) * 1024 / 1e6
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 1e6  # KiB on Linux


def reset_peak_rss() -> bool:
    """Starts a new peak (``VmHWM``) from the current RSS; False where Linux does not allow it."""
    try:
        with open("/proc/self/clear_refs", "w") as clear_refs:
            clear_refs.write("5")
    except OSError:
        return False
    return True


def line(label: str, value: str, goal: str = "", passed: bool | None = None) -> str:
    verdict = "" if passed is None else ("PASS" if passed else "FAIL")
    return f"  {label:<44} {value:>14}   {goal:<22} {verdict}".rstrip()


def timing_lines(timing: Timing) -> list[str]:
    return [
        line("updates", f"{timing.count:,}"),
        line("wall time", f"{timing.wall_s:.2f} s"),
        line("updates per second", f"{timing.per_second:,.0f}"),
        line("µs per update (wall / updates)", f"{timing.mean_us:,.0f}"),
        line("CPU µs per update (process, all threads)", f"{timing.cpu_us:,.0f}"),
        line("latency p50", f"{timing.percentile_ms(50):.2f} ms"),
        line("latency p95", f"{timing.percentile_ms(95):.2f} ms"),
        line("latency p99", f"{timing.percentile_ms(99):.2f} ms"),
        line("latency max", f"{timing.percentile_ms(100):.2f} ms"),
    ]


def machine() -> str:
    """The machine and the versions that matter, with the load when the run started (other
    processes on a 2-core machine move the figures)."""
    import platform

    import sqlalchemy
    import telegram

    return (
        f"machine: {os.cpu_count()} CPUs, {platform.machine()}, Python "
        f"{platform.python_version()}, python-telegram-bot {telegram.__version__}, "
        f"SQLAlchemy {sqlalchemy.__version__}; 1-min load average at start "
        f"{os.getloadavg()[0]:.2f}"
    )
