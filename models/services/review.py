"""The bureau's review: the queue of submissions, what to check, and decisions.

Every function checks the acting user's role first; a decision is taken on the item as it is
stored now (locked), never on what a button claimed, so a second reviewer, a replayed button or
a revoked reviewer cannot change a decided item.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from sqlalchemy import func, literal, select, union_all
from sqlalchemy.orm import InstrumentedAttribute

from models.catalog import Catalog
from models.entities import Product, StatusChange, User, Vendor
from models.errors import DomainError, InvalidInput
from models.services.access import REVIEWERS, AccessService
from models.services.lifecycle import transition
from models.status import Status
from models.uow import UnitOfWork

Kind = Literal["vendor", "product"]
DECISIONS = frozenset({Status.APPROVED, Status.NEEDS_FIX, Status.REJECTED})
QUEUE_PAGE_SIZE = 8
PRICE_SAMPLE = 2000
PRICE_MIN_SAMPLES = 5
PRICE_FACTOR = 2


class AlreadyDecided(DomainError):
    """Another reviewer decided first; says who, and what."""

    def __init__(self, by: str, status: str) -> None:
        super().__init__("review-already-decided", by=by, status=status)


@dataclass(frozen=True, slots=True)
class QueueEntry:
    kind: Kind
    id: int
    title: str
    vendor_name: str
    submitted_at: datetime


@dataclass(frozen=True, slots=True)
class QueuePage:
    entries: list[QueueEntry]
    vendors: int
    products: int
    page: int
    pages: int


@dataclass(frozen=True, slots=True)
class Flag:
    """Something the reviewer must check, as a locale key suffix and its arguments."""

    key: str
    args: dict[str, str | int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    change: StatusChange
    actor_name: str | None


class ReviewService:
    def __init__(
        self,
        uow: UnitOfWork,
        access: AccessService,
        catalog: Catalog,
        clock: Callable[[], datetime],
    ) -> None:
        self._uow = uow
        self._access = access
        self._catalog = catalog
        self._clock = clock

    # --- queue ---------------------------------------------------------------------------

    async def queue(self, actor: User, page: int, unit: str | None = None) -> QueuePage:
        """Submitted registrations and products of the units the actor reviews (or of
        ``unit``), oldest first."""
        scope = await self._access.scope(actor, REVIEWERS, unit)
        session = self._uow.session
        submitted = Status.SUBMITTED.value
        in_vendors = (Vendor.status == submitted, scope.where(Vendor.regency_code))
        in_products = (Product.status == submitted, scope.where(Product.regency_code))
        vendors = await session.scalar(select(func.count()).select_from(Vendor).where(*in_vendors))
        products = await session.scalar(
            select(func.count()).select_from(Product).where(*in_products)
        )
        total = (vendors or 0) + (products or 0)
        pages = max(1, -(-total // QUEUE_PAGE_SIZE))
        page = min(max(page, 1), pages)
        # Each side takes only its first rows (from its (status, submitted_at) index) before
        # the two are merged: sorting every submitted product with its vendor took ~200 ms at
        # 100,000 vendors on PostgreSQL.
        first = page * QUEUE_PAGE_SIZE
        vendors_first = (
            select(
                literal("vendor").label("kind"),
                Vendor.id,
                Vendor.business_name.label("title"),
                Vendor.business_name.label("vendor_name"),
                Vendor.submitted_at,
            )
            .where(*in_vendors)
            .order_by(Vendor.submitted_at, Vendor.id)
            .limit(first)
            .subquery()
        )
        products_first = (
            select(Product.id, Product.name, Product.vendor_id, Product.submitted_at)
            .where(*in_products)
            .order_by(Product.submitted_at, Product.id)
            .limit(first)
            .subquery()
        )
        both = union_all(
            select(vendors_first),
            select(
                literal("product").label("kind"),
                products_first.c.id,
                products_first.c.name.label("title"),
                Vendor.business_name.label("vendor_name"),
                products_first.c.submitted_at,
            ).join(Vendor, Vendor.id == products_first.c.vendor_id),
        ).subquery()
        query = (
            select(both)
            .order_by(both.c.submitted_at, both.c.kind, both.c.id)
            .offset((page - 1) * QUEUE_PAGE_SIZE)
            .limit(QUEUE_PAGE_SIZE)
        )
        rows = (await session.execute(query)).all()
        entries = [
            QueueEntry(row.kind, row.id, row.title or "…", row.vendor_name or "…", row.submitted_at)
            for row in rows
        ]
        return QueuePage(entries, vendors or 0, products or 0, page, pages)

    async def oldest(self, actor: User, unit: str | None = None) -> QueueEntry | None:
        page = await self.queue(actor, 1, unit)
        return page.entries[0] if page.entries else None

    # --- items ---------------------------------------------------------------------------

    async def vendor(self, actor: User, vendor_id: int) -> Vendor | None:
        """The registration, if the actor reviews its unit (else as if it did not exist)."""
        scope = await self._access.scope(actor, REVIEWERS)
        vendor = await self._uow.session.get(Vendor, vendor_id)
        return vendor if vendor is not None and scope.covers(vendor.regency_code) else None

    async def product(self, actor: User, product_id: int) -> tuple[Product, Vendor] | None:
        scope = await self._access.scope(actor, REVIEWERS)
        product = await self._uow.session.get(Product, product_id)
        if product is None:
            return None
        vendor = await self.vendor_of_product(product)
        return (product, vendor) if scope.covers(vendor.regency_code) else None

    async def vendor_of_product(self, product: Product) -> Vendor:
        vendor = await self._uow.session.get(Vendor, product.vendor_id)
        assert vendor is not None
        return vendor

    async def vendor_flags(self, vendor: Vendor) -> list[Flag]:
        """What a reviewer must check on a registration."""
        flags: list[Flag] = []
        if vendor.etalase_code and vendor.kbli:
            mismatched = self._catalog.mismatched_kbli(vendor.etalase_code, vendor.kbli)
            if mismatched and self._catalog.etalase_by_code(vendor.etalase_code):
                flags.append(Flag("kbli-mismatch", {"codes": ", ".join(mismatched)}))
        if vendor.no_nib:
            flags.append(Flag("no-nib"))
        numbers = ((Vendor.nik_hash, "nik"), (Vendor.nib, "nib"), (Vendor.phone, "phone"))
        for column, key in numbers:  # the NIK by its blind index: its ciphertext never repeats
            value = getattr(vendor, column.key)
            if value and (others := await self._others_with(column, value, vendor.id)):
                flags.append(Flag(f"duplicate-{key}", {"names": others}))
        return flags

    async def _others_with(
        self, column: InstrumentedAttribute[str | None], value: str, vendor_id: int
    ) -> str:
        """Other vendors that registered the same number (NIK, NIB or phone)."""
        query = select(Vendor.business_name).where(column == value, Vendor.id != vendor_id).limit(3)
        names = (await self._uow.session.execute(query)).scalars()
        return ", ".join(name or "…" for name in names)

    async def product_flags(self, product: Product) -> list[Flag]:
        """What a reviewer must check on a product: its price against its etalase, and claims."""
        flags: list[Flag] = []
        median = await self.median_price(product)
        if (
            median
            and product.price
            and not median / PRICE_FACTOR <= product.price <= median * PRICE_FACTOR
        ):
            flags.append(Flag("price-far", {"median": median}))
        if product.tkdn_bp is not None:
            flags.append(Flag("tkdn-claim"))
        if product.sni_number:
            flags.append(Flag("sni-claim"))
        return flags

    async def median_price(self, product: Product) -> int | None:
        """Median price of other submitted or approved products of the same etalase and unit."""
        query = (
            select(Product.price)
            .where(
                Product.etalase_code == product.etalase_code,
                Product.unit == product.unit,
                Product.id != product.id,
                Product.status.in_([Status.SUBMITTED.value, Status.APPROVED.value]),
                Product.price.is_not(None),
            )
            .order_by(Product.id.desc())
            .limit(PRICE_SAMPLE)
        )
        prices = [price for price in (await self._uow.session.execute(query)).scalars() if price]
        return int(statistics.median(prices)) if len(prices) >= PRICE_MIN_SAMPLES else None

    # --- decisions -----------------------------------------------------------------------

    async def decide(
        self,
        actor: User,
        kind: Kind,
        item_id: int,
        decision: Status,
        *,
        note: str | None = None,
        reason: str | None = None,
        fields: Sequence[str] = (),
    ) -> Vendor | Product:
        """Approves, sends back for fixes, or rejects a submitted item; returns it."""
        scope = await self._access.scope(actor, REVIEWERS)
        if decision not in DECISIONS:
            raise InvalidInput("error-choice")
        if decision is not Status.APPROVED and not (note or reason):
            raise InvalidInput("error-review-note-required")
        if decision is Status.NEEDS_FIX and not fields:
            raise InvalidInput("error-review-fields-required")
        item = await self._locked(kind, item_id)
        if item is None or not scope.covers(await self._regency_of(item)):
            raise InvalidInput("error-choice")
        if item.status != Status.SUBMITTED:
            raise await self._already_decided(item)
        transition(
            self._uow,
            item,
            decision,
            actor=actor,
            now=self._clock(),
            note=note,
            reason=reason,
            fields=fields,
        )
        return item

    async def _regency_of(self, item: Vendor | Product) -> str | None:
        """The kabupaten/kota of an item: a product's is its vendor's."""
        if isinstance(item, Vendor):
            return item.regency_code
        return (await self.vendor_of_product(item)).regency_code

    async def _locked(self, kind: Kind, item_id: int) -> Vendor | Product | None:
        if kind == "vendor":
            return await self._uow.session.get(
                Vendor, item_id, with_for_update=True, populate_existing=True
            )
        return await self._uow.session.get(
            Product, item_id, with_for_update=True, populate_existing=True
        )

    async def _already_decided(self, item: Vendor | Product) -> AlreadyDecided:
        history = await self.history_of(item)
        last = history[-1] if history else None
        return AlreadyDecided(by=(last.actor_name if last else None) or "?", status=item.status)

    async def history_of(self, item: Vendor | Product) -> list[HistoryEntry]:
        kind = "vendor" if isinstance(item, Vendor) else "product"
        changes = await self._uow.status_changes.for_subject(kind, item.id)
        names: dict[int, str | None] = {}
        for change in changes:
            if change.actor_user_id is not None and change.actor_user_id not in names:
                actor = await self._uow.users.get(change.actor_user_id)
                names[change.actor_user_id] = actor.display_name if actor else None
        return [
            HistoryEntry(change, names.get(change.actor_user_id) if change.actor_user_id else None)
            for change in changes
        ]

    async def history(self, actor: User, kind: Kind, item_id: int) -> list[HistoryEntry]:
        scope = await self._access.scope(actor, REVIEWERS)
        item = await self._plain(kind, item_id)
        if item is None or not scope.covers(await self._regency_of(item)):
            return []
        return await self.history_of(item)

    async def _plain(self, kind: Kind, item_id: int) -> Vendor | Product | None:
        if kind == "vendor":
            return await self._uow.session.get(Vendor, item_id)
        return await self._uow.session.get(Product, item_id)
