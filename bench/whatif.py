"""Experimental fixes, applied by monkeypatching for one profiling run, to measure what a change
to the product code would gain before anyone makes it. The benchmark never uses them.

    python -m bench.profile --vendors 100 --whatif claim-upsert,last-seen,vendor-once
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import Any

from sqlalchemy import event
from sqlalchemy.dialects.postgresql import insert as postgres_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session, joinedload
from sqlalchemy.orm.attributes import get_history, set_committed_value

Change = tuple[Any, str, Any]
"""Set ``owner.attribute`` to a value while the fix is active."""

LAST_SEEN_EVERY = timedelta(minutes=10)


def claim_upsert() -> list[Change]:
    """Claim the update id with one ``INSERT … ON CONFLICT DO NOTHING`` (Core) instead of a
    savepoint, an ORM flush and an IntegrityError check: 3 statements become 1."""
    from models.db import utcnow
    from models.entities import ProcessedUpdate
    from models.repositories import ProcessedUpdateRepository

    async def claim(self: Any, channel: str, update_id: str) -> bool:
        session = self._session
        insert = sqlite_insert if session.bind.dialect.name == "sqlite" else postgres_insert
        statement = (
            insert(ProcessedUpdate)
            .values(channel=channel, update_id=update_id, processed_at=utcnow())
            .on_conflict_do_nothing()
        )
        result = await session.execute(statement)
        return bool(result.rowcount == 1)

    return [(ProcessedUpdateRepository, "claim", claim)]


def _skip_recent_last_seen(session: Session, _context: Any, _instances: Any) -> None:
    from models.entities import ChannelIdentity, User

    for instance in session.dirty:
        if not isinstance(instance, User | ChannelIdentity):
            continue
        history = get_history(instance, "last_seen_at")
        if history.added and history.deleted and history.deleted[0] is not None:
            old, new = history.deleted[0], history.added[0]
            if new - old < LAST_SEEN_EVERY:
                set_committed_value(instance, "last_seen_at", old)


def last_seen() -> list[Change]:
    """Write ``last_seen_at`` of the user and the identity only when it is older than ten
    minutes: 2 UPDATEs per update become ~0 in a conversation."""
    return [("listener", "before_flush", _skip_recent_last_seen)]


def vendor_once() -> list[Change]:
    """Load the vendor once per unit of work instead of once per ``vendor_of`` call."""
    from models.repositories import VendorRepository

    original_by_user = VendorRepository.by_user
    original_add = VendorRepository.add

    async def by_user(self: Any, user_id: int) -> Any:
        cache = self.__dict__.setdefault("_bench_vendors", {})
        if user_id not in cache:
            cache[user_id] = await original_by_user(self, user_id)
        return cache[user_id]

    async def add(self: Any, vendor: Any) -> Any:
        added = await original_add(self, vendor)
        self.__dict__.setdefault("_bench_vendors", {})[vendor.user_id] = added
        return added

    return [(VendorRepository, "by_user", by_user), (VendorRepository, "add", add)]


def product_joined() -> list[Change]:
    """Load a product with its photos in one query (joined) instead of two (selectin)."""
    from models.entities import Product
    from models.services.products import ProductService

    async def get(self: Any, vendor: Any, product_id: int) -> Any:
        product = await self._uow.session.get(
            Product, product_id, options=[joinedload(Product.photos)]
        )
        return product if product is not None and product.vendor_id == vendor.id else None

    return [(ProductService, "get", get)]


def no_pre_ping() -> list[Change]:
    """PostgreSQL: no ``pool_pre_ping`` (one round trip per checkout, i.e. per update)."""
    from sqlalchemy.ext.asyncio import create_async_engine

    import bot.wiring

    original = bot.wiring.create_engine

    def create_engine(url: str, *, echo: bool = False) -> Any:
        if url.startswith("sqlite"):
            return original(url, echo=echo)
        return create_async_engine(url, echo=echo, pool_pre_ping=False)

    return [(bot.wiring, "create_engine", create_engine)]


FLOOD_FIELDS = ("flood_window_at", "flood_count")
_FLOOD_PENDING = "_bench_flood_pending"


def _flag_flood_with_final_update(session: Session, _context: Any, _instances: Any) -> None:
    from sqlalchemy.orm.attributes import flag_modified

    for instance in list(session.identity_map.values()):
        if instance.__dict__.get(_FLOOD_PENDING) and session.is_modified(instance):
            for name in FLOOD_FIELDS:
                flag_modified(instance, name)
            instance.__dict__[_FLOOD_PENDING] = False


def flood_one_update() -> list[Change]:
    """Write the flood counter with the conversation's final UPDATE instead of a separate one
    (today it is set before the flows' first query, so autoflush sends it on its own)."""
    from handlers.flood import FloodLimit

    original = FloodLimit.count

    def count(self: Any, conversation: Any, now: Any) -> Any:
        before = {name: getattr(conversation, name) for name in FLOOD_FIELDS}
        verdict = original(self, conversation, now)
        for name in FLOOD_FIELDS:  # keep the new values, but do not mark them dirty yet
            value = getattr(conversation, name)
            set_committed_value(conversation, name, before[name])
            set_committed_value(conversation, name, value)
        conversation.__dict__[_FLOOD_PENDING] = True
        return verdict

    return [
        (FloodLimit, "count", count),
        ("listener", "before_flush", _flag_flood_with_final_update),
    ]


def consent_cached() -> list[Change]:
    """No consent query per answer (as if consent state were a column already loaded with the
    user); measures what the per-answer ``SELECT consent`` costs."""
    from models.services.registration import RegistrationService

    async def has_consented(self: Any, user: Any) -> bool:
        return True

    return [(RegistrationService, "has_consented", has_consented)]


def sqlite_inline() -> list[Change]:
    """SQLite: run sqlite3 calls on the event loop instead of aiosqlite's worker thread."""
    from sqlalchemy.ext.asyncio import create_async_engine

    import bot.wiring
    import models.db
    from bench import inline_sqlite

    original = bot.wiring.create_engine

    def create_engine(url: str, *, echo: bool = False) -> Any:
        if not url.startswith("sqlite"):
            return original(url, echo=echo)
        engine = create_async_engine(
            url, echo=echo, connect_args={"timeout": 30}, module=inline_sqlite.dbapi()
        )
        models.db._configure_sqlite(engine)
        return engine

    return [(bot.wiring, "create_engine", create_engine)]


def sqlite_cache() -> list[Change]:
    """SQLite: a 64 MB page cache per connection instead of the default 2 MB, so the rows of
    a thousand active vendors stay cached."""
    import bot.wiring

    original = bot.wiring.create_engine

    def create_engine(url: str, *, echo: bool = False) -> Any:
        engine = original(url, echo=echo)
        if url.startswith("sqlite"):

            @event.listens_for(engine.sync_engine, "connect")
            def bigger_cache(dbapi_connection: Any, _record: Any) -> None:
                cursor = dbapi_connection.cursor()
                cursor.execute("PRAGMA cache_size=-64000")
                cursor.close()

        return engine

    return [(bot.wiring, "create_engine", create_engine)]


FIXES: dict[str, Callable[[], list[Change]]] = {
    "claim-upsert": claim_upsert,
    "last-seen": last_seen,
    "vendor-once": vendor_once,
    "product-joined": product_joined,
    "no-pre-ping": no_pre_ping,
    "sqlite-inline": sqlite_inline,
    "flood-one-update": flood_one_update,
    "consent-cached": consent_cached,
    "sqlite-cache": sqlite_cache,
}


@contextmanager
def apply(name: str) -> Iterator[None]:
    """Applies one fix from :data:`FIXES` while the block runs."""
    changes = FIXES[name]()
    originals: list[Change] = []
    listeners: list[tuple[str, Callable[..., Any]]] = []
    for owner, attribute, value in changes:
        if owner == "listener":
            event.listen(Session, attribute, value)
            listeners.append((attribute, value))
            continue
        original = (
            owner.__dict__[attribute] if isinstance(owner, type) else getattr(owner, attribute)
        )
        originals.append((owner, attribute, original))
        setattr(owner, attribute, value)
    try:
        yield
    finally:
        for owner, attribute, original in reversed(originals):
            setattr(owner, attribute, original)
        for attribute, value in listeners:
            event.remove(Session, attribute, value)
