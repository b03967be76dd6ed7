"""Memory of a bot process against a growing database: 100, 10,000 and 100,000 vendors.

    python -m bench.memory --db sqlite
    python -m bench.memory --db postgres --sizes 100,10000,100000

The database is seeded with bulk inserts (users, Telegram identities, consents, conversations,
submitted registrations). At each size a fresh bot process starts, one new vendor registers and
lists three products (74 updates), and 100 seeded vendors send /start, /status and /produk
(300 updates); the process then reports its RSS. Goal: growth under 20 MB from the smallest
to the largest database.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import random
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from telegram import Update

from bench.database import DEFAULT_POSTGRES, fresh_database
from bench.fake_api import jpeg_bytes
from bench.ourbot import OurBot
from bench.runner import run_updates
from bench.seed import SEEDED_ID_BASE, seed_vendors, seeded_count
from bench.stats import line, machine, peak_rss_mb, rss_mb
from bench.workload import UpdateFactory, learn_script
from models.db import create_engine

GOAL_GROWTH_MB = 20.0
SEEDED_SENDERS = 100
COMMANDS = ("/start", "/status", "/produk")


async def seed_to(url: str, size: int) -> tuple[int, float]:
    """Adds vendors until ``size``; returns how many were added and the seconds it took."""
    engine = create_engine(url)
    started = time.perf_counter()
    async with engine.begin() as connection:
        have = await seeded_count(connection)
        if size > have:
            await seed_vendors(connection, have + 1, size - have)
    await engine.dispose()
    return max(0, size - have), time.perf_counter() - started


async def child(url: str, workdir: Path, size: int) -> dict[str, Any]:
    """One bot process: start, handle a few hundred updates, report memory and latency."""
    bot = OurBot(url, workdir, jpeg_bytes())
    await bot.start()
    try:
        gc.collect()
        rss_started = rss_mb()
        factory = UpdateFactory(first_update_id=1_000_000_000 + size * 1_000)
        await learn_script(bot.feed, bot.fake, factory, user_id=90_000_000 + size)
        bot.fake.record = False
        senders = random.Random(size).sample(range(1, size + 1), min(SEEDED_SENDERS, size))
        updates = [
            Update.de_json(factory.text(SEEDED_ID_BASE + n, command), bot.application.bot)
            for n in senders
            for command in COMMANDS
        ]
        errors = bot.errors.count
        timing = await run_updates(bot.application, updates)
        if bot.errors.count != errors:
            raise RuntimeError(f"the bot failed: {bot.errors.last}")
        del updates
        gc.collect()
        return {
            "size": size,
            "updates": 74 + timing.count,
            "rss_started_mb": rss_started,
            "rss_mb": rss_mb(),
            "peak_rss_mb": peak_rss_mb(),
            "seeded_us": timing.mean_us,
            "seeded_p99_ms": timing.percentile_ms(99),
        }
    finally:
        await bot.stop()


def measure(url: str, workdir: Path, size: int) -> dict[str, Any]:
    """Runs :func:`child` in a fresh interpreter, so each size gets its own process."""
    command = [sys.executable, "-m", "bench.memory", "--child", url, str(workdir), str(size)]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"bot process for {size:,} vendors failed:\n{done.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def report(args: argparse.Namespace, results: list[dict[str, Any]], started_on: str) -> list[str]:
    lines = [
        f"Memory benchmark, database {args.db}: a fresh bot process per size handles "
        f"{results[0]['updates']} updates (one new vendor's 74, then /start, /status, /produk "
        f"from {SEEDED_SENDERS} seeded vendors)",
        started_on,
        "",
        f"  {'vendors in DB':>14} {'seed time':>10} {'RSS at start':>13} {'RSS after':>10} "
        f"{'peak RSS':>9} {'µs/update':>10} {'p99':>9}",
    ]
    for result in results:
        lines.append(
            f"  {result['size']:>14,} {result['seed_s']:>9.1f}s "
            f"{result['rss_started_mb']:>10.1f} MB {result['rss_mb']:>7.1f} MB "
            f"{result['peak_rss_mb']:>6.1f} MB "
            f"{result['seeded_us']:>10,.0f} {result['seeded_p99_ms']:>6.2f} ms"
        )
    growth = results[-1]["rss_mb"] - results[0]["rss_mb"]
    lines += [
        "",
        line(
            f"RSS growth {results[0]['size']:,} → {results[-1]['size']:,} vendors",
            f"{growth:+.1f} MB",
            f"< {GOAL_GROWTH_MB:.0f} MB",
            growth < GOAL_GROWTH_MB,
        ),
    ]
    return lines


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.memory", description=__doc__)
    parser.add_argument("--db", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--sizes", default="100,10000,100000", help="vendor counts, ascending")
    parser.add_argument("--postgres-url", default=DEFAULT_POSTGRES)
    parser.add_argument("--database-name", default="umkm_bench_memory")
    parser.add_argument(
        "--child", nargs=3, metavar=("URL", "WORKDIR", "SIZE"), help=argparse.SUPPRESS
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    if args.child:
        url, workdir, size = args.child
        print(json.dumps(asyncio.run(child(url, Path(workdir), int(size)))))
        return
    started_on = machine()
    sizes = sorted(int(size) for size in args.sizes.split(","))
    results = []
    with fresh_database(args.db, args.database_name, args.postgres_url) as db:
        for size in sizes:
            _added, seconds = asyncio.run(seed_to(db.url, size))
            results.append({**measure(db.url, db.workdir, size), "seed_s": seconds})
    print("\n".join(report(args, results, started_on)))


if __name__ == "__main__":
    main()
