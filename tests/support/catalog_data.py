"""Rows for report tests, written straight through the unit of work (no conversation needed):
people, registrations at any stage, products with photos, and their status history."""

from __future__ import annotations

from dataclasses import dataclass

from models.entities import Product, ProductPhoto, User, Vendor
from models.services.lifecycle import transition
from models.status import Status
from models.uow import UnitOfWork
from tests.support.clock import FakeClock

MAKANAN = "makanan-minuman"
BUMIAJI, PUNTEN = "35.79.02", "35.79.02.2001"
JUNREJO = "35.79.03"


@dataclass
class CatalogData:
    uow: UnitOfWork
    clock: FakeClock

    async def person(
        self, external_id: str, *, flow: str | None = None, step: str | None = None
    ) -> User:
        """Someone who wrote to the bot; ``flow`` and ``step`` are where their chat waits."""
        user = await self.uow.users.add("telegram", external_id, "id", self.clock())
        conversation = await self.uow.conversations.add(user.id, self.clock())
        conversation.flow, conversation.step = flow, step
        return user

    async def vendor(
        self,
        external_id: str,
        business: str | None,
        *,
        owner: str = "Siti Aminah",
        step: str | None = "summary",
        **fields: object,
    ) -> Vendor:
        """A draft registration (consent given) whose owner's chat waits at ``step`` of the form."""
        user = await self.person(external_id, flow="registration" if step else None, step=step)
        values: dict[str, object] = {
            "etalase_code": MAKANAN,
            "kecamatan_code": BUMIAJI,
            "kelurahan_code": PUNTEN,
            "kbli": ["10792"],
            "scale": "mikro",
            **fields,
        }
        kecamatan = values["kecamatan_code"]
        values.setdefault("regency_code", str(kecamatan).rsplit(".", 1)[0] if kecamatan else None)
        vendor = Vendor(
            user_id=user.id,
            business_name=business,
            owner_name=owner,
            created_at=self.clock(),
            updated_at=self.clock(),
            **values,
        )
        return await self.uow.vendors.add(vendor)

    async def product(self, vendor: Vendor, name: str, *, photos: tuple[int, ...] = ()) -> Product:
        """A draft product; ``photos`` are the positions of its photos, in the order added."""
        product = Product(
            vendor_id=vendor.id,
            regency_code=vendor.regency_code,
            name=name,
            etalase_code=MAKANAN,
            description="Keripik apel asli Batu.",
            unit="pcs",
            price=15_000,
            min_order=10,
            capacity=1_000,
            domestic=True,
            tkdn_bp=4550,
            lead_time_days=3,
            created_at=self.clock(),
            updated_at=self.clock(),
        )
        product.photos = [
            ProductPhoto(
                position=position,
                channel="telegram",
                file_ref=f"file-{name}-{position}",
                stored_path=f"products/{name}/{position}.jpg",
                mime_type="image/jpeg",
                size=1000,
                width=800,
                height=600,
            )
            for position in photos
        ]
        self.uow.session.add(product)
        await self.uow.session.flush()
        return product

    def submit(self, item: Vendor | Product) -> None:
        transition(self.uow, item, Status.SUBMITTED, actor=None, now=self.clock())
        item.submitted_at = self.clock()

    def decide(self, item: Vendor | Product, decision: Status, *, after_hours: float) -> None:
        self.clock.advance(hours=after_hours)
        transition(self.uow, item, decision, actor=None, now=self.clock(), reason="duplicate")

    async def approved(self, item: Vendor | Product) -> None:
        self.submit(item)
        self.decide(item, Status.APPROVED, after_hours=1)
        await self.uow.session.flush()
