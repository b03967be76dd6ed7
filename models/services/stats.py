"""Figures for the bureau: counts by status, etalase and kecamatan, the onboarding funnel, where
unfinished registrations stop, and how long the review takes.

Every figure is an aggregate query (``GROUP BY`` or ``COUNT``), so the cost stays in the
database and no rows are loaded. The counts by status, etalase and place come from the tallies
that triggers keep (:class:`~models.entities.VendorTally`, ``VendorPlaceTally`` and
``ProductTally``): a few thousand rows for a province, instead of a pass over a million
products. The drop-off reads the drafts' conversations. The review time is the exception: a
median is not portable SQL (SQLite has none), so it is taken over the :data:`DECISION_SAMPLE`
most recent decisions, fetched as pairs of timestamps: a bounded cost, and the figure staff care
about (how fast the review is now, not in its first month).
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Literal, NamedTuple

from sqlalchemy import case, exists, func, select, text
from sqlalchemy.orm import aliased

from models.entities import (
    DECIDED,
    Conversation,
    ProductTally,
    RoleGrant,
    StatusChange,
    User,
    Vendor,
    VendorPlaceTally,
    VendorTally,
)
from models.services.access import REVIEWERS, AccessService
from models.status import Status
from models.units import Scope
from models.uow import UnitOfWork

REGISTRATION_FLOW = "registration"
"""``Conversation.flow`` of the registration form (``Flow.REGISTRATION`` in handlers/context.py)."""
CONSENT_STEP = "consent"
"""Its step showing the privacy notice (``RegistrationStep.CONSENT``)."""
DECISION_SAMPLE = 1000
"""Most recent decisions the median review time is taken over."""
APPROVED = Status.APPROVED.value


@dataclass(frozen=True, slots=True)
class Funnel:
    """Onboarding stages, each a subset of the one before."""

    started: int
    """People who wrote to the bot (staff not counted)."""
    opened: int
    """Of them, those who opened the registration (saw the privacy notice)."""
    consented: int
    """Agreed to the privacy notice: that opens their draft registration."""
    submitted: int
    """Sent their registration for review at least once."""
    approved: int


@dataclass(frozen=True, slots=True)
class DropOff:
    """Unfinished registrations waiting at one step; ``step`` None: they left the form."""

    step: str | None
    count: int


@dataclass(frozen=True, slots=True)
class PlaceCount:
    """Registrations in one kecamatan (or etalase), by ``code``."""

    code: str | None
    registered: int
    """Past the draft stage."""
    approved: int


@dataclass(frozen=True, slots=True)
class EtalaseCount(PlaceCount):
    products: int
    """Products entered in the etalase, whatever their status."""


@dataclass(frozen=True, slots=True)
class ReviewTime:
    """Median time from submission to decision over the last ``decisions`` decisions."""

    median: timedelta | None
    decisions: int


@dataclass(frozen=True, slots=True)
class UnitFunnel:
    """The funnel of one unit (kabupaten/kota), from the moment the vendor named it."""

    code: str | None
    consented: int
    submitted: int
    approved: int


class VendorGroup(NamedTuple):
    """Registrations sharing a kabupaten/kota, status and etalase."""

    regency_code: str | None
    status: str
    etalase_code: str | None
    registrations: int
    submitted: int
    """Of them, those ever submitted."""


@dataclass(frozen=True, slots=True)
class Stats:
    vendors_by_status: dict[str, int]
    products_by_status: dict[str, int]
    funnel: Funnel
    drop_off: list[DropOff]
    by_etalase: list[EtalaseCount]
    by_kecamatan: list[PlaceCount]
    """Empty for several kabupaten/kota: they are broken down by unit instead."""
    vendor_review: ReviewTime
    product_review: ReviewTime
    by_unit: list[UnitFunnel]
    """The funnel of each unit, most registrations first."""
    unit: str | None = None
    """The one unit these figures are of; None: several units, or all of them."""

    @property
    def approved_vendors(self) -> int:
        return self.vendors_by_status.get(APPROVED, 0)

    @property
    def approved_products(self) -> int:
        return self.products_by_status.get(APPROVED, 0)


class StatsService:
    def __init__(self, uow: UnitOfWork, access: AccessService) -> None:
        self._uow = uow
        self._access = access

    async def overview(self, actor: User, unit: str | None = None) -> Stats:
        """Figures of the units the actor reviews, or of ``unit``. Before naming their
        kabupaten/kota, people belong to no unit: a unit's funnel starts at the registrations
        that name it."""
        scope = await self._access.scope(actor, REVIEWERS, unit)
        await self._plan_for_values()
        groups = await self._vendor_groups(scope)
        vendors, ever_submitted = _by_status(groups)
        unfinished, not_consented = await self._drop_off(scope)
        consented = sum(vendors.values())
        products_by_status, products_by_etalase = await self._products(scope)
        by_etalase = _etalase(groups, products_by_etalase)
        opened = consented + not_consented
        return Stats(
            vendors_by_status=vendors,
            products_by_status=products_by_status,
            funnel=Funnel(
                started=await self._started() if scope.everything else opened,
                opened=opened,
                consented=consented,
                submitted=ever_submitted,
                approved=vendors.get(APPROVED, 0),
            ),
            drop_off=unfinished,
            by_etalase=by_etalase,
            by_kecamatan=await self._kecamatan(scope) if self._one_regency(scope) else [],
            vendor_review=await self._review_time(scope, "vendor"),
            product_review=await self._review_time(scope, "product"),
            by_unit=_units(groups),
            unit=unit or _only(scope),
        )

    async def _plan_for_values(self) -> None:
        """PostgreSQL plans a prepared statement once for any value after five runs; for one
        unit's review time that generic plan read every status change (1 s instead of 50 ms).
        Within this transaction, each statistics query is planned for its own values."""
        if self._uow.session.get_bind().dialect.name == "postgresql":
            await self._uow.session.execute(text("SET LOCAL plan_cache_mode = force_custom_plan"))

    async def _vendor_groups(self, scope: Scope) -> list[VendorGroup]:
        """Every figure on registrations but the kecamatan from one ``GROUP BY`` over their
        tally."""
        key = (VendorTally.regency_code, VendorTally.status, VendorTally.etalase_code)
        registrations = func.sum(VendorTally.registrations)
        query = (
            select(*key, registrations, func.sum(VendorTally.submitted))
            .where(scope.where(VendorTally.regency_code))
            .group_by(*key)
            .having(registrations != 0)
        )
        return [VendorGroup(*row) for row in await self._uow.session.execute(query)]

    async def _kecamatan(self, scope: Scope) -> list[PlaceCount]:
        """Registrations past the draft stage per kecamatan, most first. Only for one
        kabupaten/kota: a province has 666 kecamatan, lines nobody reads."""
        registrations = func.sum(VendorPlaceTally.registrations)
        approved = func.sum(
            case((VendorPlaceTally.status == APPROVED, VendorPlaceTally.registrations), else_=0)
        )
        query = (
            select(VendorPlaceTally.kecamatan_code, registrations, approved)
            .where(
                scope.where(VendorPlaceTally.regency_code),
                VendorPlaceTally.status != Status.DRAFT.value,
            )
            .group_by(VendorPlaceTally.kecamatan_code)
            .having(registrations != 0)
        )
        rows = await self._uow.session.execute(query)
        return sorted((PlaceCount(*row) for row in rows), key=_most_first)

    def _one_regency(self, scope: Scope) -> bool:
        units = self._access.units
        if scope.regencies is not None:
            return len(scope.regencies) == 1
        return units is None or units.single

    async def _products(self, scope: Scope) -> tuple[dict[str, int], dict[str | None, int]]:
        """Products by status and by etalase, from their tally grouped by both."""
        products = func.sum(ProductTally.products)
        query = (
            select(ProductTally.etalase_code, ProductTally.status, products)
            .where(scope.where(ProductTally.regency_code))
            .group_by(ProductTally.etalase_code, ProductTally.status)
            .having(products != 0)
        )
        by_status: Counter[str] = Counter()
        by_etalase: Counter[str | None] = Counter()
        for etalase, status, count in await self._uow.session.execute(query):
            by_status[status] += count
            by_etalase[etalase] += count
        return dict(by_status), dict(by_etalase)

    async def _started(self) -> int:
        """Everyone but staff: all users less those ever granted a role, two counts on primary
        and foreign keys instead of an anti-join over every user (grants cascade with their
        user, so each one counted is a user)."""
        users = select(func.count()).select_from(User).scalar_subquery()
        staff = select(func.count(RoleGrant.user_id.distinct())).scalar_subquery()
        return (await self._uow.session.scalar(select(users - staff))) or 0

    async def _drop_off(self, scope: Scope) -> tuple[list[DropOff], int]:
        """Drafts by the step their owner's chat waits at (None: they left the form), then the
        people still at the privacy notice, who have no registration yet (agreeing makes it).

        The drafts' users come from ``ix_vendor_status_user`` alone, in user order, so SQLite
        reads their conversations in key order; PostgreSQL hashes them against one scan of the
        conversations."""
        in_form = Conversation.flow == REGISTRATION_FLOW
        step = case((in_form, Conversation.step), else_=None)
        drafts = (
            select(step, func.count())
            .select_from(Vendor)
            .join(Conversation, Conversation.user_id == Vendor.user_id)
            .where(Vendor.status == Status.DRAFT.value, scope.where(Vendor.regency_code))
            .group_by(step)
        )
        at_notice = (
            select(func.count())
            .select_from(Conversation)
            .where(
                in_form,
                Conversation.step == CONSENT_STEP,
                ~exists().where(Vendor.user_id == Conversation.user_id),
            )
        )
        entries = [DropOff(key, count) for key, count in await self._uow.session.execute(drafts)]
        if not scope.everything:  # people at the notice have named no kabupaten/kota yet
            return entries, 0
        waiting = (await self._uow.session.scalar(at_notice)) or 0
        if waiting:
            entries.append(DropOff(CONSENT_STEP, waiting))
        return entries, waiting

    async def _review_time(self, scope: Scope, kind: Literal["vendor", "product"]) -> ReviewTime:
        """Median of (decision − the submission it decided) over the latest decisions of the
        scope's units (the unit each item had when it was decided)."""
        submission = aliased(StatusChange)
        submitted_at = (
            select(func.max(submission.created_at))
            .where(
                submission.subject_type == StatusChange.subject_type,
                submission.subject_id == StatusChange.subject_id,
                submission.to_status == Status.SUBMITTED.value,
                submission.id < StatusChange.id,
            )
            .scalar_subquery()
        )
        query = (
            select(StatusChange.created_at, submitted_at)
            .where(
                StatusChange.subject_type == kind,
                text(DECIDED),  # as written in the partial index, so both databases use it
                scope.where(StatusChange.regency_code),
            )
            .order_by(StatusChange.id.desc())
            .limit(DECISION_SAMPLE)
        )
        pairs = (await self._uow.session.execute(query)).all()
        return ReviewTime(_median([decided - sent for decided, sent in pairs if sent]), len(pairs))


def _only(scope: Scope) -> str | None:
    """The one kabupaten/kota a scope holds, if it holds just one."""
    if scope.regencies is None or len(scope.regencies) != 1:
        return None
    return next(iter(scope.regencies))


def _units(groups: list[VendorGroup]) -> list[UnitFunnel]:
    """Each unit's registrations, submissions and approvals, most registrations first."""
    units: defaultdict[str | None, Counter[str]] = defaultdict(Counter)
    for group in groups:
        done = group.registrations if group.status == APPROVED else 0
        units[group.regency_code].update(
            consented=group.registrations, submitted=group.submitted, approved=done
        )
    funnels = [
        UnitFunnel(code, c["consented"], c["submitted"], c["approved"]) for code, c in units.items()
    ]
    return sorted(funnels, key=lambda unit: (-unit.consented, unit.code or ""))


def _by_status(groups: list[VendorGroup]) -> tuple[dict[str, int], int]:
    """Registrations by status, and how many were ever submitted (``submitted_at`` is kept
    through fixes and decisions)."""
    by_status: Counter[str] = Counter()
    for group in groups:
        by_status[group.status] += group.registrations
    return dict(by_status), sum(group.submitted for group in groups)


def _etalase(groups: list[VendorGroup], products: dict[str | None, int]) -> list[EtalaseCount]:
    """Registrations past the draft stage per etalase, most first, with its ``products``."""
    etalase: defaultdict[str | None, Counter[str]] = defaultdict(Counter)
    for group in groups:
        if group.status == Status.DRAFT.value:
            continue
        done = group.registrations if group.status == APPROVED else 0
        etalase[group.etalase_code].update(registered=group.registrations, approved=done)
    for code, count in products.items():
        etalase[code]["products"] += count
    by_etalase = [
        EtalaseCount(code, c["registered"], c["approved"], c["products"])
        for code, c in etalase.items()
    ]
    return sorted(by_etalase, key=_most_first)


def _most_first(count: PlaceCount) -> tuple[int, str]:
    return -count.registered, count.code or ""


def _median(durations: Sequence[timedelta]) -> timedelta | None:
    if not durations:
        return None
    return timedelta(seconds=statistics.median(d.total_seconds() for d in durations))
