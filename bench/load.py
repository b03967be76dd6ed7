"""Open-loop load through the real HTTP server: what a user waits for, at an arrival rate.

The bot runs as production runs it (`umkm-bot serve`, or `umkm-bot run` for polling) in its own
process, against a local fake Bot API server (`bench/fake_bot_api_server.py`) that answers every
call after a real round-trip time. Scripted users (`bench/chatters.py`) arrive at Poisson times
and go through /daftar, the consent, the registration answers and its submission, then ask
/status and /bantuan. A reply's time runs from the webhook POST to the reply's arrival at the
fake. The minimal concurrent python-telegram-bot bot (`bench/minimal_bot.py`, ``--baseline``)
or the aiogram peer (`bench/aiogram_bot.py`, ``--peer aiogram``: one transaction per update on
the same database, then the reply) takes the same load in the same run.

    python -m bench.load --db sqlite --rates 50,100,150,200,300
    python -m bench.load --db postgres --workers 2 --baseline
    python -m bench.load --db postgres --peer aiogram --rates 50,100,200
    python -m bench.load --db sqlite --reviewer       # vendors at 50/s, then with /ekspor running
    python -m bench.load --db sqlite --refuse 0.1     # 10 % of sends answered 429
    python -m bench.load --path polling
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import math
import os
import socket
import time
from collections import Counter
from collections.abc import AsyncIterator
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path

from bench.botprocess import BotProcess
from bench.chatters import Crowd, Outcome, Transport, User, poisson_arrivals
from bench.database import BenchDatabase, fresh_database
from bench.fake_bot_api_server import FakeBotApiServer
from bench.libraries import Samples, py_spy, read_samples
from bench.reports import seed
from bench.seed import install_bench_keys
from bench.workload import Action, UpdateFactory

REVIEWER_ID = 90_000_001
DRAIN_SECONDS = 5.0
SETTLE_SECONDS = 30.0
P99_GOAL_SECONDS = 1.0
PEERS = {
    "minimal": "the minimal concurrent python-telegram-bot bot:",
    "aiogram": "the aiogram peer (one transaction per update, then the reply):",
}


@dataclass(frozen=True, slots=True)
class RateResult:
    rate: float
    offered: int
    duration: float
    answered: int
    """Updates answered by the end of the window plus ``DRAIN_SECONDS``."""
    backlog_at_end: int
    backlog_after_drain: int
    latencies: list[float]
    """Of every offered update; ``inf`` for one never answered."""
    cpu_seconds: float
    unexpected: int
    unresolved: int
    retried: int

    def percentile(self, p: float) -> float:
        ordered = sorted(self.latencies)
        if not ordered:
            return math.nan
        return ordered[min(len(ordered) - 1, math.ceil(p / 100 * len(ordered)) - 1)]

    def line(self) -> str:
        def ms(p: float) -> str:
            value = self.percentile(p)
            return "never" if math.isinf(value) else f"{value * 1000:.0f}"

        cpu = self.cpu_seconds / self.answered * 1000 if self.answered else math.nan
        return (
            f"  offered {self.rate:>5.0f}/s ({self.offered / self.duration:6.1f}/s)  "
            f"answered {self.answered / self.duration:6.1f}/s  "
            f"p50/p95/p99 {ms(50):>6}/{ms(95):>6}/{ms(99):>6} ms  "
            f"backlog {self.backlog_at_end:>4} → {self.backlog_after_drain:>4} after "
            f"{DRAIN_SECONDS:.0f} s  CPU {cpu:5.2f} ms/update  "
            f"unexpected {self.unexpected}  unresolved {self.unresolved}  retried {self.retried}"
        )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Run:
    """One bot process with its fake Bot API, taking one rate after another."""

    def __init__(self, fake: FakeBotApiServer, bot: BotProcess, args: argparse.Namespace) -> None:
        self.fake = fake
        self.bot = bot
        self.args = args
        self.factory = UpdateFactory(first_update_id=1)
        self.next_user = 10_000_000
        self.crowd: Crowd | None = None
        """The users of the last rate."""
        self.follow_ups: list[tuple[str, float]] = []
        """(command, seconds until its result arrived) of the reviewer."""

    async def rate(self, rate: float, *, seed: int, reviewer: bool = False) -> RateResult:
        async with Transport(
            self.fake, self.args.path, self.bot.webhook_url, self.args.connections
        ) as transport:
            crowd = Crowd(self.fake, transport, self.factory, think=self.args.think)
            self.crowd = crowd
            users = crowd.add_users(self.next_user, int(rate * 4) + 20)
            self.next_user += len(users) + 1000
            arrivals: asyncio.Queue[float | None] = asyncio.Queue()
            lives = [asyncio.create_task(crowd.live(user, arrivals)) for user in users]
            review = asyncio.create_task(self.review(crowd)) if reviewer else None
            cpu_before = self.bot.cpu_seconds()
            started = time.perf_counter()
            await poisson_arrivals(arrivals, rate, self.args.duration, seed)
            window = [o for o in crowd.outcomes if o.user_id != REVIEWER_ID]
            backlog_at_end = sum(o.replied_at is None for o in window)
            await asyncio.sleep(DRAIN_SECONDS)
            cpu = self.bot.cpu_seconds() - cpu_before
            window = [o for o in crowd.outcomes if o.user_id != REVIEWER_ID]
            for life in lives:
                life.cancel()
            if review is not None:
                review.cancel()
            answered = [o for o in window if o.replied_at is not None]
            duration = time.perf_counter() - started - DRAIN_SECONDS
            result = RateResult(
                rate=rate,
                offered=len(window),
                duration=duration,
                answered=len(answered),
                backlog_at_end=backlog_at_end,
                backlog_after_drain=len(window) - len(answered),
                latencies=[o.latency if o.latency is not None else math.inf for o in window],
                cpu_seconds=cpu,
                unexpected=sum(not o.as_expected for o in answered if o.last_text),
                unresolved=crowd.unresolved,
                retried=sum(o.attempts > 1 for o in window),
            )
            await self.settle(crowd)
            return result

    async def settle(self, crowd: Crowd) -> None:
        """Lets the bot finish what it accepted before the next rate starts."""
        await crowd.drain(SETTLE_SECONDS)
        deadline = time.perf_counter() + SETTLE_SECONDS
        while time.perf_counter() < deadline:
            if all(o.replied_at is not None for o in crowd.outcomes):
                break
            await asyncio.sleep(0.2)
        for task in crowd.tasks:  # an overloaded bot's backlog is given up on
            task.cancel()
        await asyncio.sleep(1.0)

    async def review(self, crowd: Crowd) -> None:
        """A reviewer exporting every approved product, then asking for the statistics, again
        and again while the vendors are served."""
        reviewer = crowd.add_users(REVIEWER_ID, 1)[0]
        while True:
            for command in ("/ekspor", "/statistik"):
                await self.until_follow_up(crowd, reviewer, command)

    async def until_follow_up(self, crowd: Crowd, reviewer: User, command: str) -> None:
        inbox = self.fake.inbox(reviewer.user_id)
        before = len(inbox)
        started = time.perf_counter()
        await crowd.act(reviewer, Action("text", command))
        while len(self.fake.inbox(reviewer.user_id)) < before + 2:
            if time.perf_counter() - started > 120:
                return
            await asyncio.sleep(0.05)
        self.follow_ups.append((command, time.perf_counter() - started))


@contextlib.asynccontextmanager
async def bot_on_fake(
    db: BenchDatabase, args: argparse.Namespace, command: str, refuse: float = 0.0
) -> AsyncIterator[Run]:
    fake = FakeBotApiServer(rtt=args.rtt_ms / 1000, refuse_fraction=refuse)
    api_port = free_port()
    async with fake.serving(api_port):
        bot = BotProcess(
            command,
            db.url,
            db.workdir,
            api_port,
            free_port(),
            workers=args.workers,
            admin_ids=str(REVIEWER_ID),
            extra_env={"MAX_CONCURRENT_UPDATES": str(args.max_concurrent)},
        )
        await bot.start()
        try:
            yield Run(fake, bot, args)
        finally:
            bot.stop()


async def sweep(db: BenchDatabase, args: argparse.Namespace, command: str) -> list[RateResult]:
    results = []
    async with bot_on_fake(db, args, command) as run:
        raw = Path(args.py_spy) if args.py_spy else None
        assert run.bot.process is not None
        pid = run.bot.process.pid
        with py_spy(raw, SPY_RATE, pid) if raw and command != "minimal" else nullcontext():
            for index, rate in enumerate(args.rates):
                result = await run.rate(rate, seed=index + 1)
                print(result.line(), flush=True)
                results.append(result)
                if result.percentile(99) > 5:
                    break
        if raw is not None and command == args.command:
            print_profile(read_samples(raw, SPY_RATE), sum(r.answered for r in results))
    return results


SPY_RATE = 100


def print_profile(samples: Samples, updates: int) -> None:
    """The bot's CPU (its processes' threads, idle left out) by library, per answered update."""
    busy = Counter(samples.main) + Counter(samples.others)
    for name in [name for name in busy if name.startswith("idle")]:
        del busy[name]
    total = sum(busy.values())
    print(f"  py-spy, {total / samples.rate:.1f} s of CPU sampled, by library:")
    for name, count in busy.most_common(12):
        per_update = count / samples.rate / max(updates, 1) * 1e6
        print(f"    {name:<52} {per_update:7.0f} µs/update {count / total:6.1%}")


async def with_reviewer(db: BenchDatabase, args: argparse.Namespace) -> None:
    print(f"seeding {args.products:,} products ...", flush=True)
    install_bench_keys()  # the bot process gets the same keys (bench.ourbot)
    await seed(db.url, max(1, args.products // 10), args.products, False)
    rate = args.rates[0]
    async with bot_on_fake(db, args, "serve") as run:
        alone = await run.rate(rate, seed=1)
        print("vendors alone:       ", alone.line(), flush=True)
        busy = await run.rate(rate, seed=2, reviewer=True)
        print("with /ekspor, /stat.:", busy.line(), flush=True)
        for command in ("/ekspor", "/statistik"):
            times = [f"{t:.1f}" for c, t in run.follow_ups if c == command]
            print(f"  {command}: {len(times)} done while the vendors ran, in {', '.join(times)} s")
        rise = round((busy.percentile(99) - alone.percentile(99)) * 1000)
        print(f"  vendors' p99 rose by {rise:.0f} ms (goal ≤ 50 ms) — {verdict(rise <= 50)}")


async def refusals(db: BenchDatabase, args: argparse.Namespace) -> None:
    """Sends refused with 429 are sent again after ``retry_after``: no reply lost, none twice.
    Checked once everything settled, on every message each user got: between one update and
    the next, the reply the script expects must have come (the first message alone is not
    enough, a paused send may follow it), and no message may come twice in a row."""
    async with bot_on_fake(db, args, args.command, refuse=args.refuse) as run:
        result = await run.rate(args.rates[0], seed=1)
        print(result.line(), flush=True)
        assert run.crowd is not None
        missing = sum(missing_replies(run.crowd.outcomes, run.fake).values())
        duplicates = sum(
            1
            for messages in run.fake.sent.values()
            for first, second in itertools.pairwise(messages)
            if (first.text, first.inline) == (second.text, second.inline)
        )
        passed = missing == duplicates == 0
        print(
            f"  {run.fake.refused} sends refused with 429 (retry_after 1 s); updates whose "
            f"expected reply never came {missing}, the same message twice in a row {duplicates} "
            f"— {verdict(passed)}"
        )


def missing_replies(outcomes: list[Outcome], fake: FakeBotApiServer) -> Counter[int]:
    """Per user, the updates after which the expected reply never arrived."""
    missing: Counter[int] = Counter()
    by_user: dict[int, list[Outcome]] = {}
    for outcome in sorted(outcomes, key=lambda o: o.offered_at):
        by_user.setdefault(outcome.user_id, []).append(outcome)
    for user_id, sent in by_user.items():
        inbox = fake.inbox(user_id)
        ends = [o.offered_at for o in sent[1:]] + [math.inf]
        for outcome, end in zip(sent, ends, strict=True):
            texts = [m.text for m in inbox if outcome.offered_at <= m.at < end]
            expect = outcome.action.expect
            if not texts or (expect is not None and not any(expect in t for t in texts)):
                missing[user_id] += 1
    return missing


def verdict(passed: bool) -> str:
    return "PASS" if passed else "FAIL"


def main(args: argparse.Namespace) -> None:
    print(
        f"{args.path}, {args.db}, WEB_WORKERS={args.workers}, round trip {args.rtt_ms} ms, "
        f"{args.duration:.0f} s per rate, load average {os.getloadavg()[0]:.1f}",
        flush=True,
    )
    # Its own database per run: two runs at once never drop each other's.
    with fresh_database(args.db, f"umkm_bench_load_{os.getpid()}") as db:
        Path(db.workdir / "media").mkdir(exist_ok=True)
        asyncio.run(measure(db, args))


async def measure(db: BenchDatabase, args: argparse.Namespace) -> None:
    if args.reviewer:
        await with_reviewer(db, args)
    elif args.refuse:
        await refusals(db, args)
    else:
        print(f"the bot ({args.command}):", flush=True)
        ours = await sweep(db, args, args.command)
        held = [r.rate for r in ours if r.percentile(99) <= P99_GOAL_SECONDS]
        print(f"  highest rate answered at p99 ≤ 1 s: {max(held, default=0):.0f}/s", flush=True)
        if args.peer is not None:
            print(PEERS[args.peer], flush=True)
            base = await sweep(db, args, args.peer)
            for mine, theirs in zip(ours, base, strict=False):
                if math.isinf(theirs.percentile(99)):
                    print(f"  at {mine.rate:.0f}/s the peer left updates unanswered")
                    continue
                ratio = mine.percentile(99) / theirs.percentile(99)
                goal = " (goal ≤ 1.5 ×)" if mine.rate in (50, 100) else ""
                print(f"  at {mine.rate:.0f}/s our p99 is {ratio:.2f} × the peer's{goal}")


def parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--path", choices=("webhook", "polling"), default="webhook")
    parser.add_argument("--workers", type=int, default=1, help="WEB_WORKERS of `serve`")
    parser.add_argument("--rtt-ms", type=float, default=100.0, help="the fake's round trip")
    parser.add_argument("--rates", default="50,100,150,200,250,300", help="updates/s, in order")
    parser.add_argument("--duration", type=float, default=20.0, help="seconds per rate")
    parser.add_argument("--think", type=float, default=1.0, help="a user's pause after a reply")
    parser.add_argument("--connections", type=int, default=40, help="webhook connections")
    parser.add_argument("--max-concurrent", type=int, default=64, help="MAX_CONCURRENT_UPDATES")
    parser.add_argument("--baseline", action="store_true", help="also the minimal bot")
    parser.add_argument(
        "--peer", choices=tuple(PEERS), help="also this peer (aiogram: pip install -e '.[bench]')"
    )
    parser.add_argument("--py-spy", help="sample the bot with py-spy into this file, by library")
    parser.add_argument("--reviewer", action="store_true", help="/ekspor and /statistik")
    parser.add_argument("--products", type=int, default=20_000, help="seeded for --reviewer")
    parser.add_argument("--refuse", type=float, default=0.0, help="share of sends given 429")
    args = parser.parse_args()
    args.rates = [float(rate) for rate in args.rates.split(",")]
    args.command = "run" if args.path == "polling" else "serve"
    if args.baseline and args.peer is None:
        args.peer = "minimal"
    return args


if __name__ == "__main__":
    main(parse())
