"""Times the bureau reports (search, statistics, export) on a large catalogue.

Seeds 100,000 vendors and 1,000,000 products by default (with users, conversations, photos and
status history, interleaved in time as a live deployment would write them), then times each
report a few times and prints the best and median runs.

    .venv/bin/python -m bench.reports                       # SQLite, fresh database
    .venv/bin/python -m bench.reports --kind postgres
    .venv/bin/python -m bench.reports --url sqlite+aiosqlite:////tmp/r.sqlite3 --seed   # keep it
    .venv/bin/python -m bench.reports --url sqlite+aiosqlite:////tmp/r.sqlite3          # re-time
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import tempfile
import time
from collections.abc import Awaitable, Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from cryptography.fernet import Fernet
from sqlalchemy import func, insert, select
from sqlalchemy.ext.asyncio import AsyncEngine

from bench.database import fresh_database
from bench.stats import peak_rss_mb, reset_peak_rss, rss_mb
from bot.migrate import upgrade
from models.catalog import load_catalog
from models.crypto import Keyring, blind_index, install_keyring
from models.db import create_engine, session_factory
from models.entities import (
    ChannelIdentity,
    Conversation,
    Product,
    ProductPhoto,
    RoleGrant,
    StatusChange,
    User,
    Vendor,
)
from models.services.access import AccessService
from models.services.export import ExportService
from models.services.review import ReviewService
from models.services.search import SearchService
from models.services.stats import StatsService
from models.uow import UnitOfWorkFactory

BATCH = 20_000
START = datetime(2025, 1, 1, tzinfo=UTC)
STAFF_ID = "staff"
PRODUCTS = ("Keripik", "Sari", "Dodol", "Jenang", "Kopi", "Batik", "Tenun", "Sambal", "Madu")
FLAVOURS = ("Apel", "Tempe", "Singkong", "Jeruk", "Pisang", "Arjuno", "Tulis", "Nangka")
FIRST = ("Siti", "Budi", "Rina", "Agus", "Dewi", "Slamet", "Wati", "Joko", "Sri", "Hadi")
LAST = ("Aminah", "Santoso", "Wulandari", "Prasetyo", "Rahayu", "Hidayat", "Lestari")
STEPS = ("consent", "owner_name", "nik", "phone", "business_name", "nib", "kbli", "summary")
VENDOR_STATUS = (
    ("draft", 30),
    ("submitted", 8),
    ("needs_fix", 5),
    ("approved", 52),
    ("rejected", 5),
)
PRODUCT_STATUS = (("draft", 15), ("submitted", 15), ("approved", 65), ("rejected", 5))


def weighted(rng: random.Random, table: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([value for value, _ in table], [weight for _, weight in table])[0]


class Seeder:
    """Generates the rows table by table, in batches, and inserts them with executemany."""

    def __init__(self, engine: AsyncEngine, vendors: int, products: int) -> None:
        self.engine = engine
        self.vendors = vendors
        self.products = products
        self.rng = random.Random(7)
        catalog = load_catalog()
        self.etalase = [etalase.code for etalase in catalog.etalase]
        self.places = [
            (kecamatan.code, kelurahan.code)
            for kecamatan in catalog.region.kecamatan
            for kelurahan in kecamatan.kelurahan
        ]
        self.vendor_status: list[str] = []
        self.changes: list[dict[str, Any]] = []

    async def run(self) -> None:
        users = self.vendors + self.vendors // 2  # half as many again only said hello
        await self.insert(User.__table__, ({"id": i + 1, "language": "id"} for i in range(users)))
        await self.insert(ChannelIdentity.__table__, self.identities(users))
        await self.insert(Conversation.__table__, self.conversations(users))
        await self.insert(Vendor.__table__, self.vendor_rows())
        await self.insert(Product.__table__, self.product_rows())
        await self.insert(ProductPhoto.__table__, self.photo_rows())
        self.changes.sort(key=lambda change: change["created_at"])
        await self.insert(StatusChange.__table__, iter(self.changes))
        await self.insert(RoleGrant.__table__, iter([{"user_id": users, "role": "reviewer"}]))

    async def insert(self, table: Any, rows: Iterator[dict[str, Any]]) -> None:
        started = time.perf_counter()
        count = 0
        while batch := [row for _, row in zip(range(BATCH), rows, strict=False)]:
            async with self.engine.begin() as connection:
                await connection.execute(insert(table), batch)
            count += len(batch)
        print(f"  {table.name}: {count:,} rows in {time.perf_counter() - started:.1f} s")

    def identities(self, users: int) -> Iterator[dict[str, Any]]:
        for i in range(users):
            external = STAFF_ID if i == users - 1 else str(100_000_000 + i)
            yield {"user_id": i + 1, "channel": "telegram", "external_id": external}

    def conversations(self, users: int) -> Iterator[dict[str, Any]]:
        for i in range(users):
            in_form = i < self.vendors or self.rng.random() < 0.3
            step = self.rng.choice(STEPS) if in_form else None
            yield {
                "user_id": i + 1,
                "flow": "registration" if step else None,
                "step": step,
                "data": {},
                "offered": [],
                "updated_at": START,
            }

    def vendor_rows(self) -> Iterator[dict[str, Any]]:
        for i in range(self.vendors):
            status = weighted(self.rng, VENDOR_STATUS)
            self.vendor_status.append(status)
            kecamatan, kelurahan = self.rng.choice(self.places)
            first, last = self.rng.choice(FIRST), self.rng.choice(LAST)
            name = f"{self.rng.choice(PRODUCTS)} {self.rng.choice(FLAVOURS)} Bu {first} {i}"
            submitted = None if status == "draft" else START + timedelta(minutes=5 * i)
            if submitted is not None:
                self.history("vendor", i + 1, status, submitted)
            yield {
                "id": i + 1,
                "user_id": i + 1,
                "status": status,
                "owner_name": f"{first} {last}",
                "nik": f"3579{i:012d}",
                "nik_hash": blind_index("nik", f"3579{i:012d}"),
                "phone": f"+62812{i:08d}",
                "business_name": name,
                "nib": f"91{i:011d}",
                "kbli": ["10792"],
                "scale": "mikro",
                "etalase_code": self.rng.choice(self.etalase),
                "kecamatan_code": kecamatan,
                "kelurahan_code": kelurahan,
                "address": f"Jl. Raya No. {i}",
                "submitted_at": submitted,
            }

    def product_rows(self) -> Iterator[dict[str, Any]]:
        for i in range(self.products):
            vendor = self.rng.randrange(self.vendors)
            status = "draft" if self.vendor_status[vendor] == "draft" else "approved"
            if status != "draft":
                status = weighted(self.rng, PRODUCT_STATUS)
            submitted = START + timedelta(minutes=5 * vendor + 1 + i % 3000)
            if status != "draft":
                self.history("product", i + 1, status, submitted)
            yield {
                "id": i + 1,
                "vendor_id": vendor + 1,
                "status": status,
                "name": f"{self.rng.choice(PRODUCTS)} {self.rng.choice(FLAVOURS)} 200 gram",
                "etalase_code": self.rng.choice(self.etalase),
                "description": "Tanpa pengawet, kemasan pouch 200 gram, tahan 6 bulan.",
                "unit": "pcs",
                "price": self.rng.randrange(5_000, 200_000, 500),
                "min_order": 10,
                "capacity": 1_000,
                "domestic": True,
                "tkdn_bp": 4550,
                "lead_time_days": 3,
                "submitted_at": submitted if status != "draft" else None,
            }

    def photo_rows(self) -> Iterator[dict[str, Any]]:
        for i in range(self.products):
            for position in (1, 2):
                yield {
                    "product_id": i + 1,
                    "position": position,
                    "channel": "telegram",
                    "file_ref": f"file-{i}-{position}",
                    "stored_path": f"products/{i}/{position}.jpg",
                    "mime_type": "image/jpeg",
                    "size": 100_000,
                    "width": 800,
                    "height": 600,
                }

    def history(self, kind: str, item_id: int, status: str, submitted: datetime) -> None:
        """The submission and, unless still waiting, the decision some hours later."""
        self.changes.append(change(kind, item_id, "draft", "submitted", submitted))
        if status != "submitted":
            decided = submitted + timedelta(hours=self.rng.randrange(1, 120))
            self.changes.append(change(kind, item_id, "submitted", status, decided))


def change(kind: str, item_id: int, before: str, after: str, when: datetime) -> dict[str, Any]:
    return {
        "subject_type": kind,
        "subject_id": item_id,
        "from_status": before,
        "to_status": after,
        "fields": [],
        "created_at": when,
    }


GOAL_MS = 200.0
"""Queue page, statistics and search, at 100,000 vendors / 1,000,000 products."""
EXPORT_GOAL_MB = 200.0


async def timed(
    label: str,
    action: Callable[[], Awaitable[object]],
    runs: int = 5,
    goal_ms: float | None = GOAL_MS,
) -> None:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        await action()
        times.append((time.perf_counter() - started) * 1000)
    median = statistics.median(times)
    goal = "" if goal_ms is None else f"   goal < {goal_ms:.0f} ms {verdict(median < goal_ms)}"
    print(f"  {label:<34} best {min(times):7.1f} ms   median {median:7.1f} ms{goal}")


def verdict(passed: bool) -> str:
    return "PASS" if passed else "FAIL"


async def time_reports(url: str, export_all: bool) -> None:
    engine = create_engine(url)
    factory = UnitOfWorkFactory(session_factory(engine))
    clock: Callable[[], datetime] = lambda: datetime.now(UTC)  # noqa: E731
    async with factory() as uow:
        access = AccessService(uow, clock, ())
        staff = await access.telegram_user(STAFF_ID)
        search, stats = SearchService(uow, access), StatsService(uow, access)
        export = ExportService(uow, access, load_catalog())
        counts = {
            t.name: await uow.session.scalar(select(func.count()).select_from(t)) for t in TABLES
        }
        print("  " + ", ".join(f"{name}: {count:,}" for name, count in counts.items()))
        review = ReviewService(uow, access, load_catalog(), clock)
        await timed("review queue, page 1", lambda: review.queue(staff, 1))
        await timed("review queue, page 50", lambda: review.queue(staff, 50))
        for query in ("kripik apel bu siti", "sari nangka", "wulandari", "0812-0004-2424"):
            await timed(f"search {query!r}", lambda q=query: search.vendors(staff, q))
        await timed("statistics (all figures)", lambda: stats.overview(staff))
        await timed("export upper bound", lambda: export.upper_bound(staff))
        if export_all:
            fresh_peak = reset_peak_rss()
            before = rss_mb()
            with tempfile.TemporaryDirectory() as folder:
                write = lambda: export.write(staff, Path(folder), "k")  # noqa: E731
                await timed("export CSV + XLSX", write, runs=1, goal_ms=None)
            peak = peak_rss_mb()
            since = "during the export" if fresh_peak else "of the whole process (seeding too)"
            print(
                f"  peak RSS {since:<24} {peak:7.0f} MB   (RSS before it {before:.0f} MB)"
                f"   goal < {EXPORT_GOAL_MB:.0f} MB {verdict(peak < EXPORT_GOAL_MB)}"
            )
    await engine.dispose()


TABLES = (Vendor.__table__, Product.__table__, StatusChange.__table__)


async def seed(url: str, vendors: int, products: int) -> None:
    engine = create_engine(url)
    await Seeder(engine, vendors, products).run()
    await engine.dispose()


def main() -> None:
    # NIK are encrypted at rest: a throwaway keyring for this run's rows.
    install_keyring(Keyring([Fernet.generate_key().decode()], os.urandom(32)))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kind", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--url", help="an existing database (migrated here) instead of a fresh one")
    parser.add_argument("--seed", action="store_true", help="with --url: seed it first")
    parser.add_argument("--vendors", type=int, default=100_000)
    parser.add_argument("--products", type=int, default=1_000_000)
    parser.add_argument("--export", action="store_true", help="also time a full export")
    args = parser.parse_args()
    if args.url:
        upgrade(args.url)
        if args.seed:
            asyncio.run(seed(args.url, args.vendors, args.products))
        asyncio.run(time_reports(args.url, args.export))
        return
    with fresh_database(args.kind, "umkm_reports_bench") as database:
        print(f"seeding {args.vendors:,} vendors and {args.products:,} products ({args.kind})")
        asyncio.run(seed(database.url, args.vendors, args.products))
        asyncio.run(time_reports(database.url, args.export))


if __name__ == "__main__":
    main()
