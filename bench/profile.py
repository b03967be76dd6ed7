"""Profile of the conversation workload: time per update by stage, SQL statements per update,
and (with py-spy installed) time by library.

    python -m bench.profile --vendors 100 --db sqlite [--py-spy]

Timers wrap the bot's stages for this run only; ``--whatif`` applies experimental fixes from
:mod:`bench.whatif` to estimate their gain (the benchmark itself always measures the real code).
"""

from __future__ import annotations

import argparse
import asyncio
from contextlib import ExitStack, nullcontext
from dataclasses import dataclass
from pathlib import Path

from bench import whatif
from bench.database import DEFAULT_POSTGRES, BenchDatabase, fresh_database
from bench.fake_api import jpeg_bytes
from bench.libraries import Samples, py_spy, read_samples
from bench.ourbot import OurBot
from bench.runner import run_planned
from bench.stages import STAGES, GcPauses, SqlCounter, StageTimes, gc_pauses, stage_timers
from bench.stats import Timing, machine
from bench.workload import SCRIPT, UpdateFactory, learn_script, planned_updates, schedule

FIRST_VENDOR_ID = 20_000_000
SPY_RATE = 250


@dataclass
class Profile:
    timing: Timing
    steps: dict[int, Timing]
    stages: StageTimes
    sql: SqlCounter
    gc: GcPauses
    samples: Samples | None


async def profiled_run(db: BenchDatabase, args: argparse.Namespace) -> Profile:
    photo = jpeg_bytes()
    with stage_timers() as times:  # before the bot exists: PTB keeps bound handler methods
        bot = OurBot(db.url, db.workdir, photo)
        await bot.start()
        try:
            factory = UpdateFactory()
            steps = await learn_script(bot.feed, bot.fake, factory, user_id=1)
            bot.fake.record = False
            user_ids = [FIRST_VENDOR_ID + vendor for vendor in range(args.vendors)]
            order = schedule(args.vendors, len(steps), "random", args.seed)
            chunks = list(
                planned_updates(
                    bot.application.bot, steps, order, user_ids, factory, len(photo), len(order)
                )
            )
            sql = SqlCounter()
            sql.attach(bot.services.database)
            times.reset()
            raw = Path(args.py_spy_out) if args.py_spy_out else db.workdir / "py-spy.txt"
            with py_spy(raw, SPY_RATE) if args.py_spy else nullcontext(), gc_pauses() as gc:
                timings = await run_planned(bot.application, chunks)
            vendors, products = await bot.submitted_counts()
        finally:
            await bot.stop()
    if vendors - 1 != args.vendors or products - 3 != 3 * args.vendors or bot.errors.count:
        raise RuntimeError(f"run incomplete: {vendors - 1} vendors, {products - 3} products")
    samples = read_samples(raw, SPY_RATE) if args.py_spy else None
    by_step = {
        int(key.removeprefix("step ")): timing
        for key, timing in timings.items()
        if key.startswith("step ")
    }
    return Profile(timings["all"], by_step, times, sql, gc, samples)


def stage_lines(timing: Timing, times: StageTimes) -> list[str]:
    count = timing.count
    whole = times.totals_ns.get(STAGES[0][0].strip(), 0) or 1
    header = f"  {'stage (inclusive wall time)':<44} {'µs/update':>10} {'share':>7} {'calls':>6}"
    lines = [header]
    for label, _module, _path in STAGES:
        key = label.strip()
        if key not in times.totals_ns:
            continue
        total = times.totals_ns[key]
        lines.append(
            f"  {label:<44} {total / count / 1000:>10.0f} {100 * total / whole:>6.1f}% "
            f"{times.calls[key] / count:>6.2f}"
        )
    lines += [f"  (stage not found, skipped: {missing})" for missing in times.missing]
    return lines


def sql_lines(timing: Timing, sql: SqlCounter) -> list[str]:
    count = timing.count
    kinds = ", ".join(f"{kind} {n / count:.2f}" for kind, n in sql.statements.most_common())
    tables = [
        f"{n / count:.2f} {statement}"
        for statement, n in sql.by_table.most_common()
        if n / count >= 0.05
    ]
    rows = [", ".join(tables[i : i + 5]) for i in range(0, len(tables), 5)]
    return [
        f"  SQL statements per update: {sql.total / count:.2f}  ({kinds})",
        *[f"    {row}" for row in rows],
        f"  time inside cursor.execute (incl. driver round trip): "
        f"{sql.execute_ns / count / 1000:.0f} µs/update",
    ]


def gc_lines(timing: Timing, gc: GcPauses) -> list[str]:
    parts = [
        f"gen {generation}: {gc.counts[generation]:,} passes, "
        f"{gc.total_ns[generation] / timing.count / 1000:.0f} µs/update, "
        f"longest {gc.longest_ns[generation] / 1e6:.1f} ms"
        for generation in sorted(gc.counts)
    ]
    return ["  garbage collector: " + "; ".join(parts)]


def slowest_steps(steps: dict[int, Timing], count: int = 6) -> list[str]:
    lines = [f"  {'slowest steps of the script':<52} {'mean':>10} {'p99':>9}"]
    ranked = sorted(steps.items(), key=lambda item: -item[1].mean_us)[:count]
    for index, timing in ranked:
        action, phase = SCRIPT[index]
        what = f"{index:>2} {phase[:4]} {action.kind} {action.value or ''}"[:52]
        lines.append(
            f"    {what:<50} {timing.mean_us:>7,.0f} µs {timing.percentile_ms(99):>6.2f} ms"
        )
    return lines


def sample_lines(timing: Timing, samples: Samples) -> list[str]:
    lines = []
    for title, counter in (
        ("event-loop thread", samples.main),
        ("other threads (DB driver)", samples.others),
    ):
        whole = sum(counter.values()) or 1
        lines.append(f"  {f'py-spy: {title}, by library':<52} {'µs/update':>10} {'share':>7}")
        for name, count in counter.most_common():
            per_update = count / samples.rate * 1e6 / timing.count
            lines.append(f"    {name:<50} {per_update:>10.0f} {100 * count / whole:>6.1f}%")
    return lines


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.profile", description=__doc__)
    parser.add_argument("--vendors", type=int, default=100)
    parser.add_argument("--db", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--py-spy", action="store_true", help="sample with py-spy, by library")
    parser.add_argument("--py-spy-out", help="keep py-spy's raw stacks (flamegraph input) here")
    parser.add_argument(
        "--whatif",
        default="",
        help=f"comma-separated experimental fixes: {', '.join(whatif.FIXES) or 'none'}",
    )
    parser.add_argument("--postgres-url", default=DEFAULT_POSTGRES)
    parser.add_argument("--database-name", default="umkm_bench_profile")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    started_on = machine()
    fixes = [name for name in args.whatif.split(",") if name]
    with ExitStack() as stack:
        for name in fixes:
            stack.enter_context(whatif.apply(name))
        db = stack.enter_context(fresh_database(args.db, args.database_name, args.postgres_url))
        profile = asyncio.run(profiled_run(db, args))
    timing = profile.timing
    applied = f", what-if: {', '.join(fixes)}" if fixes else ""
    lines = [
        f"Profile: {args.vendors} vendors × 74 updates, database {args.db}{applied}",
        started_on,
        f"  {timing.count:,} updates, {timing.mean_us:,.0f} µs per update "
        f"({timing.per_second:,.0f} updates/s, timers on), CPU {timing.cpu_us:,.0f} µs per "
        f"update, p99 {timing.percentile_ms(99):.2f} ms",
        "",
        *stage_lines(timing, profile.stages),
        "",
        *sql_lines(timing, profile.sql),
        *gc_lines(timing, profile.gc),
        "",
        *slowest_steps(profile.steps),
    ]
    if profile.samples is not None:
        lines += ["", *sample_lines(timing, profile.samples)]
    print("\n".join(lines))


if __name__ == "__main__":
    main()
