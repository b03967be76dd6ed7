"""Conversation throughput and latency through the real python-telegram-bot ``Application``.

    python -m bench.conversation --vendors 300 --db sqlite
    python -m bench.conversation --vendors 300 --db postgres

Every simulated vendor registers, submits, lists three products with a photo each and submits
them (74 updates), interleaved with the other vendors at random (fixed seed). Two baselines run
in the same process on the same fake Bot API: a bare echo bot and the registration written with
``ConversationHandler`` + ``PicklePersistence``.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import warnings
from dataclasses import dataclass

from bench.baseline_conversationhandler import BaselineResult, run_baseline
from bench.database import DEFAULT_POSTGRES, BenchDatabase, fresh_database
from bench.echo import run_echo
from bench.fake_api import jpeg_bytes
from bench.ourbot import OurBot
from bench.runner import run_planned
from bench.stats import Timing, line, machine, peak_rss_mb, rss_mb, timing_lines
from bench.workload import UpdateFactory, learn_script, planned_updates, schedule

GOAL_UPDATES_PER_SECOND = 1_500
GOAL_ECHO_RATIO = 4.0
GOAL_P99_MS = 20.0
FIRST_VENDOR_ID = 10_000_000
CHUNK = 2_000


@dataclass(frozen=True, slots=True)
class OursResult:
    timings: dict[str, Timing]
    steps_per_vendor: int
    rss_start_mb: float
    rss_end_mb: float
    peak_rss_mb: float
    vendors_submitted: int
    products_submitted: int
    errors: int
    api_calls: int


async def run_ours(db: BenchDatabase, args: argparse.Namespace, photo: bytes) -> OursResult:
    bot = OurBot(db.url, db.workdir, photo)
    await bot.start()
    try:
        factory = UpdateFactory()
        # Learning the script (one vendor, untimed) also warms every cache on the way.
        steps = await learn_script(bot.feed, bot.fake, factory, user_id=1)
        bot.fake.record = False
        calls_before = bot.fake.total_calls
        user_ids = [FIRST_VENDOR_ID + vendor for vendor in range(args.vendors)]
        order = schedule(args.vendors, len(steps), args.order, args.seed)
        chunks = planned_updates(
            bot.application.bot, steps, order, user_ids, factory, len(photo), CHUNK
        )
        rss_start = rss_mb()
        timings = await run_planned(bot.application, chunks)
        rss_end, peak = rss_mb(), peak_rss_mb()
        vendors, products = await bot.submitted_counts()
        return OursResult(
            timings,
            len(steps),
            rss_start,
            rss_end,
            peak,
            vendors - 1,  # the vendor who taught the script
            products - 3,
            bot.errors.count,
            bot.fake.total_calls - calls_before,
        )
    finally:
        await bot.stop()


def report(
    args: argparse.Namespace,
    ours: OursResult,
    echo: Timing,
    baseline: BaselineResult,
    started_on: str,
) -> list[str]:
    total = ours.timings["all"]
    registration = ours.timings["registration"]
    echo_ratio = total.mean_us / echo.mean_us
    lines = [
        f"Conversation benchmark: {args.vendors:,} vendors × {ours.steps_per_vendor} updates, "
        f"{args.order} order (seed {args.seed}), database {args.db}",
        started_on,
        "",
        "Our bot (registration + submit + 3 products with a photo each + submit):",
        *timing_lines(total),
        line(
            "updates per second (goal)",
            f"{total.per_second:,.0f}",
            f"≥ {GOAL_UPDATES_PER_SECOND:,} /s",
            total.per_second >= GOAL_UPDATES_PER_SECOND,
        ),
        line(
            "p99 latency (goal)",
            f"{total.percentile_ms(99):.2f} ms",
            f"< {GOAL_P99_MS:.0f} ms",
            total.percentile_ms(99) < GOAL_P99_MS,
        ),
        line(
            "per update vs echo bot (goal)",
            f"{echo_ratio:.1f} ×",
            f"≤ {GOAL_ECHO_RATIO:.0f} × echo",
            echo_ratio <= GOAL_ECHO_RATIO,
        ),
        line("RSS before / after the run", f"{ours.rss_start_mb:.0f} / {ours.rss_end_mb:.0f} MB"),
        line("peak RSS of the process", f"{ours.peak_rss_mb:.0f} MB"),
        line("Bot API calls per update", f"{ours.api_calls / total.count:.2f}"),
        line(
            "check: vendors / products submitted",
            f"{ours.vendors_submitted:,} / {ours.products_submitted:,}",
            f"= {args.vendors:,} / {3 * args.vendors:,}",
            ours.vendors_submitted == args.vendors
            and ours.products_submitted == 3 * args.vendors
            and ours.errors == 0,
        ),
    ]
    for phase in ("registration", "products"):
        timing = ours.timings[phase]
        lines.append(
            line(
                f"  {phase} phase: µs/update, p99",
                f"{timing.mean_us:,.0f} µs",
                f"p99 {timing.percentile_ms(99):.2f} ms",
            )
        )
    base = baseline.timing
    lines += [
        "",
        "Baseline (a): bare PTB echo bot (MessageHandler → reply_text):",
        *timing_lines(echo),
        "",
        "Baseline (b): registration with ConversationHandler + PicklePersistence "
        f"({args.vendors:,} vendors × 18 updates):",
        *timing_lines(base),
        line("one PicklePersistence flush", f"{baseline.flush_s:.2f} s", "(PTB: every 60 s)"),
        "",
        f"1-min load average at the end: {os.getloadavg()[0]:.2f}",
        "",
        "Ratios (µs per update):",
        line("ours / echo", f"{echo_ratio:.1f} ×"),
        line(
            "ours (registration) / ConversationHandler",
            f"{registration.mean_us / base.mean_us:.1f} ×",
        ),
        line("ours (whole script) / ConversationHandler", f"{total.mean_us / base.mean_us:.1f} ×"),
    ]
    return lines


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.conversation", description=__doc__)
    parser.add_argument("--vendors", type=int, default=300, help="simulated vendors (300)")
    parser.add_argument("--db", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--order", choices=("random", "roundrobin"), default="random")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument(
        "--postgres-url",
        default=DEFAULT_POSTGRES,
        help="an existing database on the server, used to create the benchmark's own",
    )
    parser.add_argument("--database-name", default="umkm_bench_conversation")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    started_on = machine()
    warnings.filterwarnings("ignore", message=".*per_message=False")
    photo = jpeg_bytes()
    with fresh_database(args.db, args.database_name, args.postgres_url) as db:
        ours = asyncio.run(run_ours(db, args, photo))
        echo = asyncio.run(run_echo(ours.timings["all"].count, args.vendors, photo))
        baseline = asyncio.run(run_baseline(args.vendors, args.order, args.seed, db.workdir))
    print("\n".join(report(args, ours, echo, baseline, started_on)))


if __name__ == "__main__":
    main()
