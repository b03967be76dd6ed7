"""How long a message queued by one process waits before another process sends it.

    python -m bench.outbox_latency --db sqlite
    python -m bench.outbox_latency --db postgres

This process plays the reviewer's (queues outbox rows, as ``run`` does for a WhatsApp vendor);
a second process, started with ``multiprocessing``, plays ``serve``: the bot's services with
the outbox watcher (``bot/outbox_watch.py``) and a recording delivery in place of WhatsApp.
Each message is queued at a random moment, so SQLite's one-second poll is met at every phase.
The figure is the time from the commit to the delivery's call; the goal is 2 seconds, every
message sent exactly once.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import random
import statistics
import time
from multiprocessing.queues import Queue
from multiprocessing.synchronize import Event as ProcessEvent

from cryptography.fernet import Fernet
from pydantic import SecretStr

from bench.database import DEFAULT_POSTGRES, fresh_database
from bench.stats import machine
from bot.outbox import Recipient
from bot.outbox_watch import OutboxWatcher
from bot.settings import Settings
from bot.wiring import build_services
from handlers.render import to_payload
from handlers.replies import OutMessage
from models.entities import User

GOAL_SECONDS = 2.0
CHANNEL = "whatsapp"
ENCRYPTION_KEY = Fernet.generate_key().decode()
INDEX_KEY = Fernet.generate_key().decode()


def settings_for(url: str) -> Settings:
    return Settings(
        _env_file=None,
        database_url=url,
        data_encryption_keys=SecretStr(ENCRYPTION_KEY),
        blind_index_key=SecretStr(INDEX_KEY),
    )


def deliverer(url: str, sent: Queue[tuple[str, float]], ready: ProcessEvent) -> None:
    """The second process: delivers with the watcher until told to stop by a 'stop' row."""

    async def main() -> None:
        services = build_services(settings_for(url))
        stopped = asyncio.Event()

        async def record(recipient: Recipient, message: OutMessage) -> str | None:
            sent.put((message.text, time.time()))
            if message.text == "stop":
                stopped.set()
            return None

        services.outbox.register(CHANNEL, record)
        watcher = OutboxWatcher(services)
        task = asyncio.create_task(watcher.run())
        await asyncio.sleep(0.5)  # listening (PostgreSQL) or polling (SQLite) by now
        ready.set()
        await stopped.wait()
        watcher.stop()
        await task
        await services.close()

    asyncio.run(main())


async def queue_all(url: str, count: int, sent: Queue[tuple[str, float]]) -> list[float]:
    """Queues ``count`` messages one at a time; returns each one's seconds from commit to send."""
    services = build_services(settings_for(url))
    async with services.uow_factory() as uow:
        user = User(language="id")
        uow.session.add(user)
        await uow.commit()
        user_id = user.id
    latencies: list[float] = []
    rng = random.Random(42)
    for number in [*map(str, range(count)), "stop"]:
        await asyncio.sleep(rng.uniform(0.05, 1.0))
        async with services.uow_factory() as uow:
            payload = to_payload(OutMessage(number))
            uow.outbox.queue(
                user_id=user_id, channel=CHANNEL, address="1", payload=payload, now=services.clock()
            )
            await uow.commit()
        committed = time.time()
        text, at = await asyncio.to_thread(sent.get, True, 10)
        assert text == number, f"expected {number}, got {text}"
        if number != "stop":
            latencies.append(at - committed)
    await services.close()
    return latencies


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.outbox_latency", description=__doc__)
    parser.add_argument("--db", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--messages", type=int, default=30)
    parser.add_argument("--postgres-admin-url", default=DEFAULT_POSTGRES)
    args = parser.parse_args(argv)
    print(machine())
    context = multiprocessing.get_context("spawn")
    with fresh_database(args.db, "bench_outbox_latency", args.postgres_admin_url) as db:
        sent: Queue[tuple[str, float]] = context.Queue()
        ready = context.Event()
        process = context.Process(target=deliverer, args=(db.url, sent, ready))
        process.start()
        ready.wait(30)
        latencies = asyncio.run(queue_all(db.url, args.messages, sent))
        process.join(30)
        duplicates = not sent.empty()
    worst = max(latencies)
    verdict = "PASS" if worst < GOAL_SECONDS and not duplicates else "FAIL"
    print(
        f"{args.db}: {len(latencies)} messages queued by one process, sent by another: "
        f"p50 {statistics.median(latencies) * 1000:.0f} ms, "
        f"p95 {sorted(latencies)[int(len(latencies) * 0.95) - 1] * 1000:.0f} ms, "
        f"max {worst * 1000:.0f} ms (goal < {GOAL_SECONDS:.0f} s); "
        f"{'duplicates!' if duplicates else 'each sent once'} — {verdict}"
    )


if __name__ == "__main__":
    main()
