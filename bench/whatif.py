"""Experimental fixes, applied by monkeypatching for one profiling run, to measure what a change
to the product code would gain before anyone makes it. The benchmark never uses them.

    python -m bench.profile --vendors 100 --whatif sqlite-cache
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event

Change = tuple[Any, str, Any]
"""Set ``owner.attribute`` to a value while the fix is active."""


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
    "sqlite-cache": sqlite_cache,
}


@contextmanager
def apply(name: str) -> Iterator[None]:
    """Applies one fix from :data:`FIXES` while the block runs."""
    changes = FIXES[name]()
    originals: list[Change] = []
    for owner, attribute, value in changes:
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
