"""Business rules of product listings: drafts, fields, photos, and the review lifecycle."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import joinedload

from models.catalog import Catalog
from models.entities import Product, ProductPhoto, User, Vendor
from models.errors import InvalidInput, NotPermitted
from models.media import MediaStore
from models.schemas import MAX_PHOTOS, ProductDraft
from models.services.lifecycle import transition
from models.status import EDITABLE_STATUSES, Status
from models.uow import UnitOfWork
from models.validators import (
    LEAD_TIME_MAX,
    Reading,
    parse_brand,
    parse_description,
    parse_kbki,
    parse_product_name,
    parse_sni,
    parse_unit,
    read_lead_time,
    read_quantity,
    read_tkdn,
)

REGISTRATION_SENT = frozenset({Status.SUBMITTED, Status.NEEDS_FIX, Status.APPROVED})
"""Products are submitted only once the business registration itself has been submitted."""

PAGE_SIZE = 8
COMMON_UNITS = (
    "pcs",
    "kg",
    "liter",
    "paket",
    "porsi",
    "box",
    "lembar",
    "rim",
    "set",
    "unit",
    "jam",
    "hari",
    "bulan",
    "m²",
)


@dataclass(frozen=True, slots=True)
class ProductPage:
    products: list[Product]
    page: int
    pages: int
    total: int


OWN_PRODUCT = (
    select(Product)
    .options(joinedload(Product.photos))
    .where(Product.id == bindparam("product_id"), Product.vendor_id == bindparam("vendor_id"))
)
"""Most updates of the product form load their product; built once (its cache key with it)."""


class ProductService:
    """Product rules for one unit of work."""

    def __init__(
        self,
        uow: UnitOfWork,
        catalog: Catalog,
        clock: Callable[[], datetime],
        media: MediaStore,
    ) -> None:
        self._uow = uow
        self._catalog = catalog
        self._clock = clock
        self._media = media

    # --- finding -------------------------------------------------------------------------

    async def get(self, vendor: Vendor, product_id: int) -> Product | None:
        """The vendor's own product; another vendor's id finds nothing. Photos come in the same
        query (most product steps show or count them)."""
        parameters = {"product_id": product_id, "vendor_id": vendor.id}
        result = await self._uow.session.execute(OWN_PRODUCT, parameters)
        return result.unique().scalar_one_or_none()

    async def page(self, vendor: Vendor, page: int) -> ProductPage:
        session = self._uow.session
        total = await session.scalar(
            select(func.count()).select_from(Product).where(Product.vendor_id == vendor.id)
        )
        pages = max(1, -(-(total or 0) // PAGE_SIZE))
        page = min(max(page, 1), pages)
        query = (
            select(Product)
            .where(Product.vendor_id == vendor.id)
            .order_by(Product.created_at.desc(), Product.id.desc())
            .offset((page - 1) * PAGE_SIZE)
            .limit(PAGE_SIZE)
        )
        products = list((await session.execute(query)).scalars())
        return ProductPage(products, page, pages, total or 0)

    async def counts(self, vendor: Vendor) -> dict[Status, int]:
        query = (
            select(Product.status, func.count())
            .where(Product.vendor_id == vendor.id)
            .group_by(Product.status)
        )
        rows = (await self._uow.session.execute(query)).all()
        return {Status(status): count for status, count in rows}

    async def needing_action(self, vendor: Vendor) -> list[Product]:
        """Products sent back for fixes, oldest first."""
        query = (
            select(Product)
            .where(Product.vendor_id == vendor.id, Product.status == Status.NEEDS_FIX.value)
            .order_by(Product.updated_at)
        )
        return list((await self._uow.session.execute(query)).scalars())

    async def ready_drafts(self, vendor: Vendor) -> list[Product]:
        query = select(Product).where(
            Product.vendor_id == vendor.id,
            Product.status.in_([Status.DRAFT.value, Status.NEEDS_FIX.value]),
        )
        products = (await self._uow.session.execute(query)).scalars()
        return [
            product
            for product in products
            if not self.draft(product).missing() and not product.fix_pending
        ]

    # --- drafts --------------------------------------------------------------------------

    async def create(self, vendor_id: int) -> Product:
        now = self._clock()
        vendor = await self._uow.session.get(Vendor, vendor_id)  # usually already loaded
        product = Product(
            vendor_id=vendor_id,
            regency_code=vendor.regency_code if vendor else None,
            status=Status.DRAFT.value,
            created_at=now,
            updated_at=now,
            photos=[],
        )
        self._uow.session.add(product)
        await self._uow.session.flush()
        return product

    async def duplicate(self, product: Product) -> Product:
        """A new draft with the same answers and photos, for a similar product."""
        copy = await self.create(product.vendor_id)
        for column in Product.__table__.columns:
            if column.key not in {
                "id",
                "vendor_id",
                "status",
                "created_at",
                "updated_at",
                "submitted_at",
            }:
                setattr(copy, column.key, getattr(product, column.key))
        copy.photos = [
            ProductPhoto(
                position=photo.position,
                channel=photo.channel,
                file_ref=photo.file_ref,
                stored_path=photo.stored_path,
                mime_type=photo.mime_type,
                size=photo.size,
                width=photo.width,
                height=photo.height,
                created_at=self._clock(),
            )
            for photo in product.photos
        ]
        await self._uow.session.flush()
        return copy

    async def delete(self, product: Product) -> None:
        if Status(product.status) is not Status.DRAFT:
            raise NotPermitted("error-product-delete-not-draft")
        await self._uow.session.delete(product)

    @staticmethod
    def draft(product: Product) -> ProductDraft:
        return ProductDraft(
            **{
                name: getattr(product, name)
                for name in ProductDraft.model_fields
                if name != "photo_count"
            },
            photo_count=len(product.photos),
        )

    @staticmethod
    def is_editable(product: Product) -> bool:
        return Status(product.status) in EDITABLE_STATUSES

    # --- fields --------------------------------------------------------------------------

    def set_name(self, product: Product, text: str) -> None:
        self._edit(product).name = parse_product_name(text)

    def set_etalase(self, product: Product, code: str) -> None:
        if self._catalog.etalase_by_code(code) is None:
            raise InvalidInput("error-choice")
        self._edit(product).etalase_code = code

    def set_description(self, product: Product, text: str) -> None:
        self._edit(product).description = parse_description(text)

    def set_brand(self, product: Product, text: str) -> None:
        self._edit(product).brand = parse_brand(text)
        product.brand_skipped = False

    def skip_brand(self, product: Product) -> None:
        self._edit(product).brand = None
        product.brand_skipped = True

    def set_unit(self, product: Product, text: str) -> None:
        self._edit(product).unit = parse_unit(text)

    def set_price(self, product: Product, price: int) -> None:
        if price <= 0:
            raise InvalidInput("error-money")
        self._edit(product).price = price

    # A number is read first (``read_*``: the value, and whether it was converted, so the
    # vendor can confirm it) and stored after (``set_*``); both apply the same checks.

    def read_min_order(self, product: Product, text: str) -> Reading:
        reading = read_quantity(text, product.unit)
        self._check_min_order(product, reading.value)
        return reading

    def set_min_order(self, product: Product, quantity: int) -> None:
        self._check_min_order(product, quantity)
        self._edit(product).min_order = quantity

    @staticmethod
    def _check_min_order(product: Product, quantity: int) -> None:
        if product.capacity is not None and quantity > product.capacity:
            raise InvalidInput("error-min-order-above-capacity", capacity=product.capacity)

    def read_capacity(self, product: Product, text: str) -> Reading:
        """The quantity per month ("100 per minggu" is 433)."""
        reading = read_quantity(text, product.unit, per_month=True)
        self._check_capacity(product, reading.value)
        return reading

    def set_capacity(self, product: Product, quantity: int) -> None:
        self._check_capacity(product, quantity)
        self._edit(product).capacity = quantity

    @staticmethod
    def _check_capacity(product: Product, quantity: int) -> None:
        if product.min_order is not None and quantity < product.min_order:
            raise InvalidInput("error-capacity-below-min-order", min_order=product.min_order)

    def set_domestic(self, product: Product, domestic: bool) -> None:
        self._edit(product).domestic = domestic
        if not domestic:
            product.tkdn_bp = None

    def read_tkdn(self, product: Product, text: str) -> Reading:
        """The TKDN percentage in basis points."""
        if product.domestic is False:
            raise InvalidInput("error-tkdn-not-domestic")
        return read_tkdn(text)

    def set_tkdn(self, product: Product, basis_points: int) -> None:
        if product.domestic is False:
            raise InvalidInput("error-tkdn-not-domestic")
        if not 0 <= basis_points <= 10_000:
            raise InvalidInput("error-tkdn")
        self._edit(product).tkdn_bp = basis_points
        product.tkdn_skipped = False

    def skip_tkdn(self, product: Product) -> None:
        self._edit(product).tkdn_bp = None
        product.tkdn_skipped = True

    def set_sni(self, product: Product, text: str) -> None:
        self._edit(product).sni_number = parse_sni(text)
        product.sni_skipped = False

    def skip_sni(self, product: Product) -> None:
        self._edit(product).sni_number = None
        product.sni_skipped = True

    def set_kbki(self, product: Product, text: str) -> None:
        self._edit(product).kbki_code = parse_kbki(text)
        product.kbki_skipped = False

    def skip_kbki(self, product: Product) -> None:
        self._edit(product).kbki_code = None
        product.kbki_skipped = True

    def read_lead_time(self, product: Product, text: str) -> Reading:
        """Days from order to delivery."""
        return read_lead_time(text)

    def set_lead_time(self, product: Product, days: int) -> None:
        if not 0 <= days <= LEAD_TIME_MAX:
            raise InvalidInput("error-lead-time")
        self._edit(product).lead_time_days = days
        product.lead_time_skipped = False

    def skip_lead_time(self, product: Product) -> None:
        self._edit(product).lead_time_days = None
        product.lead_time_skipped = True

    # --- photos --------------------------------------------------------------------------

    def check_photo_size(self, size: int | None) -> None:
        self._media.check_size(size)

    def add_photo(self, product: Product, channel: str, file_ref: str, data: bytes) -> int:
        """Stores a cleaned copy of the photo; returns how many photos the product has."""
        if len(self._edit(product).photos) >= MAX_PHOTOS:
            raise InvalidInput("error-photo-limit", max=MAX_PHOTOS)
        stored = self._media.save_image(data, f"products/{product.id}")
        product.photos.append(
            ProductPhoto(
                position=len(product.photos) + 1,
                channel=channel,
                file_ref=file_ref,
                stored_path=stored.path,
                mime_type=stored.mime_type,
                size=stored.size,
                width=stored.width,
                height=stored.height,
                created_at=self._clock(),
            )
        )
        return len(product.photos)

    def clear_photos(self, product: Product) -> None:
        self._edit(product).photos.clear()

    # --- lifecycle -----------------------------------------------------------------------

    async def submit(self, product: Product, vendor: Vendor, actor: User) -> None:
        """Sends a complete product to the review queue, once the registration was sent."""
        if Status(vendor.status) not in REGISTRATION_SENT:
            raise NotPermitted("error-product-registration-first")
        missing = self.draft(product).missing()
        if missing:
            raise InvalidInput("error-product-incomplete", count=len(missing))
        if product.status == Status.NEEDS_FIX and product.fix_pending:
            raise InvalidInput("error-fixes-unchanged", count=len(product.fix_pending))
        transition(self._uow, product, Status.SUBMITTED, actor=actor, now=self._clock())
        product.submitted_at = self._clock()
        product.regency_code = vendor.regency_code

    async def submit_ready(self, vendor: Vendor, actor: User) -> int:
        """Submits every complete draft; returns how many were sent."""
        ready = await self.ready_drafts(vendor)
        for product in ready:
            await self.submit(product, vendor, actor)
        return len(ready)

    @staticmethod
    def mark_fixed(product: Product, field: str) -> None:
        """A field the reviewer asked to fix was changed."""
        if field in (product.fix_pending or []):
            product.fix_pending = [name for name in product.fix_pending if name != field]

    def _edit(self, product: Product) -> Product:
        if not self.is_editable(product):
            raise NotPermitted("error-product-locked")
        product.updated_at = self._clock()
        return product
