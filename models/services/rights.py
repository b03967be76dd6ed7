"""Personal data rights (UU No. 27 Tahun 2022 tentang Pelindungan Data Pribadi): access to
everything stored about a user, withdrawal of consent, erasure, and the retention of drafts.

Every request is recorded with its legal deadline (3×24 hours after it was received) and the
time it was answered, which is at once: the bot answers in the same update.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any, TypeVar

from sqlalchemy import and_, delete, or_, select, update
from sqlalchemy import inspect as inspect_row

from models.entities import (
    ChannelIdentity,
    Consent,
    Conversation,
    DataRequest,
    Product,
    ProductPhoto,
    StatusChange,
    User,
    Vendor,
)
from models.media import MediaStore
from models.status import Status
from models.uow import UnitOfWork

ANSWER_WITHIN = timedelta(hours=3 * 24)
"""How long the law gives to act on a request (UU 27/2022, e.g. Pasal 32 and 40)."""

VENDOR_FLOWS = ("registration", "product")
"""Conversation flows whose scratch data may hold a vendor's pending answers."""

Row = TypeVar("Row", ChannelIdentity, Consent, DataRequest, Product)


class RequestKind(StrEnum):
    ACCESS = "access"
    ERASURE = "erasure"
    WITHDRAWAL = "withdrawal"


@dataclass(frozen=True, slots=True)
class PersonalData:
    """Everything stored about one user that they may see (no staff-only data)."""

    user: User
    identities: list[ChannelIdentity]
    consents: list[Consent]
    vendor: Vendor | None
    products: list[Product]
    history: list[StatusChange]
    requests: list[DataRequest]
    conversation: Conversation | None

    def to_json(self, exported_at: datetime) -> bytes:
        """The file a user receives: every stored column, ids of staff left out."""
        document = {
            "exported_at": exported_at,
            "account": columns(self.user, {"id"}),
            "channel_identities": [columns(item, {"id", "user_id"}) for item in self.identities],
            "consents": [columns(item, {"id", "user_id"}) for item in self.consents],
            "registration": columns(self.vendor, {"user_id"}) if self.vendor else None,
            "products": [
                {
                    **columns(product, {"vendor_id"}),
                    "photos": [columns(photo, {"id", "product_id"}) for photo in product.photos],
                }
                for product in self.products
            ],
            "status_history": [columns(item, {"id", "actor_user_id"}) for item in self.history],
            "conversation": _conversation(self.conversation),
            "data_requests": [columns(item, {"id", "user_id"}) for item in self.requests],
        }
        return json.dumps(document, default=_json_value, ensure_ascii=False, indent=2).encode()


@dataclass(frozen=True, slots=True)
class PurgeResult:
    """What a retention purge removed; ``files`` are stored photos no row refers to any more."""

    registrations: int = 0
    products: int = 0
    files: list[str] = field(default_factory=list)


def columns(row: object, leave_out: Iterable[str]) -> dict[str, Any]:
    """Every mapped column of ``row`` except ``leave_out``, so new columns are never forgotten.

    Blind indexes (``*_hash``, keyed hashes to find duplicate numbers) are left out too: they
    are not data the user gave, and their number is already there in plain. So are columns the
    database computes from others (``search_name``): the same data again.
    """
    skipped = set(leave_out)
    return {
        attribute.key: getattr(row, attribute.key)
        for attribute in inspect_row(row).mapper.column_attrs
        if attribute.key not in skipped
        and not attribute.key.endswith("_hash")
        and all(column.computed is None for column in attribute.columns)
    }


def _conversation(conversation: Conversation | None) -> dict[str, Any] | None:
    """Where the user is in a flow and its pending answers (the buttons' bookkeeping left out)."""
    if conversation is None:
        return None
    return {
        "flow": conversation.flow,
        "step": conversation.step,
        "data": conversation.data,
        "updated_at": conversation.updated_at,
    }


def _json_value(value: object) -> str:
    if isinstance(value, datetime):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


class RightsService:
    """Data rights for one unit of work; like every service it never commits."""

    def __init__(self, uow: UnitOfWork, clock: Callable[[], datetime], media: MediaStore) -> None:
        self._uow = uow
        self._clock = clock
        self._media = media

    async def record(self, user: User | None, kind: RequestKind, channel: str) -> DataRequest:
        """Records a request as received and answered now; ``user`` None keeps it anonymous."""
        now = self._clock()
        request = DataRequest(
            user_id=user.id if user else None,
            kind=kind.value,
            channel=channel,
            received_at=now,
            due_at=now + ANSWER_WITHIN,
            answered_at=now,
        )
        self._uow.session.add(request)
        await self._uow.session.flush()
        return request

    async def personal_data(self, user: User) -> PersonalData:
        session = self._uow.session
        vendor = await self._uow.vendors.by_user(user.id)
        products = await self._products(vendor)
        return PersonalData(
            user=user,
            identities=await self._rows(ChannelIdentity, ChannelIdentity.user_id == user.id),
            consents=await self._rows(Consent, Consent.user_id == user.id),
            vendor=vendor,
            products=products,
            history=await self._history(vendor, products),
            requests=await self._rows(DataRequest, DataRequest.user_id == user.id),
            conversation=await session.get(Conversation, user.id),
        )

    async def withdraw_consent(self, user: User) -> bool:
        """Ends every active consent; False when there was none to withdraw."""
        return await self._uow.consents.withdraw(user.id, self._clock())

    async def erase(self, user: User) -> list[str]:
        """Deletes the user and, by the database's cascades, everything tied to them (channel
        identities, consents, conversation, registration, products and photo rows).

        Status history stays as an anonymous audit trail: its notes are cleared and the user's
        own actions lose their actor. Returns the photo files to remove once committed. The
        session is emptied, since the rows its objects stood for are gone.
        """
        vendor = await self._uow.vendors.by_user(user.id)
        products = await self._products(vendor)
        paths = [photo.stored_path for product in products for photo in product.photos]
        if vendor is not None:
            await self._uow.session.execute(
                update(StatusChange)
                .where(_about(vendor.id, [product.id for product in products]))
                .values(note=None)
            )
        await self._uow.session.execute(
            delete(User).where(User.id == user.id).execution_options(synchronize_session=False)
        )
        self._uow.session.expunge_all()
        return await self._unreferenced(paths)

    async def purge_abandoned_drafts(self, idle_since: datetime) -> PurgeResult:
        """Deletes registrations never submitted and product drafts never submitted, untouched
        since ``idle_since`` and whose owner has not written since then either."""
        owner_idle = and_(User.id == Vendor.user_id, User.last_seen_at < idle_since)
        registrations = select(Vendor.id, Vendor.user_id).where(
            owner_idle,
            Vendor.status == Status.DRAFT.value,
            Vendor.submitted_at.is_(None),
            Vendor.updated_at < idle_since,
        )
        product_drafts = (
            select(Product.id)
            .join(Vendor, Vendor.id == Product.vendor_id)
            .where(
                owner_idle,
                Product.status == Status.DRAFT.value,
                Product.submitted_at.is_(None),
                Product.updated_at < idle_since,
            )
        )
        session = self._uow.session
        owners = {vendor: owner for vendor, owner in (await session.execute(registrations)).all()}
        products = list((await session.execute(product_drafts)).scalars())
        paths = await self._photo_paths(list(owners), products)
        await self._delete(Vendor, list(owners))
        await self._delete(Product, products)
        await session.execute(
            update(Conversation)
            .where(Conversation.user_id.in_(owners.values()), Conversation.flow.in_(VENDOR_FLOWS))
            .values(flow=None, step=None, data={})
        )
        session.expunge_all()
        return PurgeResult(len(owners), len(products), await self._unreferenced(paths))

    def remove_files(self, paths: Iterable[str]) -> None:
        """Removes stored photos; called only after the rows are committed as deleted."""
        self._media.remove(paths)

    # --- helpers ---------------------------------------------------------------------------

    async def _rows(self, entity: type[Row], condition: Any) -> list[Row]:
        query = select(entity).where(condition).order_by(entity.id)
        return list((await self._uow.session.execute(query)).scalars())

    async def _products(self, vendor: Vendor | None) -> list[Product]:
        if vendor is None:
            return []
        return await self._rows(Product, Product.vendor_id == vendor.id)

    async def _history(self, vendor: Vendor | None, products: list[Product]) -> list[StatusChange]:
        if vendor is None:
            return []
        condition = _about(vendor.id, [product.id for product in products])
        query = (
            select(StatusChange).where(condition).order_by(StatusChange.created_at, StatusChange.id)
        )
        return list((await self._uow.session.execute(query)).scalars())

    async def _photo_paths(self, vendor_ids: list[int], product_ids: list[int]) -> list[str]:
        query = (
            select(ProductPhoto.stored_path)
            .join(Product, Product.id == ProductPhoto.product_id)
            .where(or_(Product.vendor_id.in_(vendor_ids), Product.id.in_(product_ids)))
        )
        return list((await self._uow.session.execute(query)).scalars())

    async def _delete(self, entity: type[Vendor] | type[Product], ids: list[int]) -> None:
        if ids:
            await self._uow.session.execute(
                delete(entity)
                .where(entity.id.in_(ids))
                .execution_options(synchronize_session=False)
            )

    async def _unreferenced(self, paths: list[str]) -> list[str]:
        """The paths no photo row uses any more (a duplicated product shares its photo files)."""
        if not paths:
            return []
        query = select(ProductPhoto.stored_path).where(ProductPhoto.stored_path.in_(paths))
        still_used = set((await self._uow.session.execute(query)).scalars())
        return sorted(set(paths) - still_used)


def _about(vendor_id: int, product_ids: list[int]) -> Any:
    """Status history rows of a registration and its products."""
    return or_(
        and_(StatusChange.subject_type == "vendor", StatusChange.subject_id == vendor_id),
        and_(StatusChange.subject_type == "product", StatusChange.subject_id.in_(product_ids)),
    )
