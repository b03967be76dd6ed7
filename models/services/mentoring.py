"""Mentors (pendamping): who accompanies which vendor, their progress, drafts filled in on a
vendor's behalf and claimed through a single-use link, and the reminders of stuck drafts."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, exists, func, select
from sqlalchemy.exc import IntegrityError

from models.entities import (
    ChannelIdentity,
    ClaimToken,
    Conversation,
    MentorArea,
    MentorAssignment,
    ReminderLog,
    RoleGrant,
    User,
    Vendor,
)
from models.errors import InvalidInput, NotPermitted
from models.schemas import RegistrationDraft
from models.services.access import REVIEWERS, UNKNOWN_COMMAND, AccessService, Role
from models.status import Status
from models.uow import UnitOfWork

MENTORS = frozenset({Role.MENTOR})
TOKEN_BYTES = 16


@dataclass(frozen=True, slots=True)
class MentoringRules:
    stuck_after: timedelta
    """A draft idle this long, or a request for fixes unanswered this long, needs help."""
    remind_every: timedelta
    claim_link_valid: timedelta


@dataclass(frozen=True, slots=True)
class Progress:
    """Where one accompanied vendor stands."""

    vendor: Vendor
    step: str | None
    answered: int
    total: int
    idle_days: int
    stuck: bool
    claimed: bool = True
    """Whether someone owns the registration; a draft a mentor fills in is nobody's until the
    owner opens its link, so nobody can be written to yet."""

    @property
    def in_progress(self) -> bool:
        """A draft the mentor is still filling in on the owner's behalf."""
        return not self.claimed and self.vendor.status == Status.DRAFT

    @property
    def urgency(self) -> tuple[int, int]:
        """Sort key: fixes asked first, then stuck drafts, drafts, submitted, decided."""
        order = {
            Status.NEEDS_FIX: 0,
            Status.DRAFT: 1 if self.stuck else 2,
            Status.SUBMITTED: 3,
        }
        return order.get(Status(self.vendor.status), 4), -self.idle_days


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class MentoringService:
    def __init__(
        self,
        uow: UnitOfWork,
        access: AccessService,
        clock: Callable[[], datetime],
        rules: MentoringRules,
    ) -> None:
        self._uow = uow
        self._access = access
        self._clock = clock
        self.rules = rules

    # --- assignment ----------------------------------------------------------------------

    async def mentor_of(self, vendor: Vendor) -> User | None:
        assignment = await self._uow.session.get(MentorAssignment, vendor.id)
        return await self._uow.users.get(assignment.mentor_user_id) if assignment else None

    async def active_mentor_of(self, vendor: Vendor) -> User | None:
        """The vendor's mentor, if they still hold the mentor role."""
        mentor = await self.mentor_of(vendor)
        if mentor is None or not await self._access.has(mentor, MENTORS):
            return None
        return mentor

    async def assign_by_area(self, vendor: Vendor) -> None:
        """A vendor without a mentor gets the least busy mentor covering their kecamatan."""
        if vendor.kecamatan_code is None:
            return
        if await self._uow.session.get(MentorAssignment, vendor.id) is not None:
            return
        load = (
            select(func.count())
            .where(MentorAssignment.mentor_user_id == MentorArea.mentor_user_id)
            .scalar_subquery()
        )
        query = (
            select(MentorArea.mentor_user_id)
            .join(RoleGrant, RoleGrant.user_id == MentorArea.mentor_user_id)
            .where(
                MentorArea.kecamatan_code == vendor.kecamatan_code,
                RoleGrant.role == Role.MENTOR.value,
                RoleGrant.revoked_at.is_(None),
            )
            .order_by(load, MentorArea.mentor_user_id)
            .limit(1)
        )
        mentor_id = (await self._uow.session.execute(query)).scalar_one_or_none()
        if mentor_id is not None:
            self._assign(vendor, mentor_id, "area", None)

    async def assign(self, actor: User, vendor: Vendor, mentor: User) -> None:
        """Staff assign a mentor by hand (replacing any earlier one), both of the vendor's unit."""
        await self._require_unit(actor, mentor, vendor.regency_code)
        existing = await self._uow.session.get(MentorAssignment, vendor.id)
        if existing is not None:
            await self._uow.session.delete(existing)
            await self._uow.session.flush()
        self._assign(vendor, mentor.id, "manual", actor.id)

    async def add_area(self, actor: User, mentor: User, kecamatan_code: str) -> None:
        """The mentor covers a kecamatan of their unit, given by staff of that unit."""
        await self._require_unit(actor, mentor, kecamatan_code.rsplit(".", 1)[0])
        exists = await self._uow.session.scalar(
            select(MentorArea.id).where(
                MentorArea.mentor_user_id == mentor.id,
                MentorArea.kecamatan_code == kecamatan_code,
            )
        )
        if exists is None:
            self._uow.session.add(
                MentorArea(mentor_user_id=mentor.id, kecamatan_code=kecamatan_code)
            )

    async def _require_unit(self, actor: User, mentor: User, regency_code: str | None) -> None:
        """Staff act within their unit, on a mentor of that unit."""
        if not (await self._access.scope(actor, REVIEWERS)).covers(regency_code):
            raise NotPermitted(UNKNOWN_COMMAND)
        await self._require_mentor(mentor)
        if not (await self._access.scope(mentor, MENTORS)).covers(regency_code):
            raise InvalidInput("error-mentor-other-unit")

    async def covers(self, mentor: User, regency_code: str | None) -> bool:
        """Whether the mentor's role reaches a vendor of ``regency_code`` (not yet named: yes)."""
        scope = await self._access.scope(mentor, MENTORS)
        return regency_code is None or scope.covers(regency_code)

    async def follow_unit(self, vendor: Vendor) -> User | None:
        """A vendor whose kabupaten/kota lies outside their mentor's unit is no longer that
        mentor's (a draft filled in for them included): the mentor let go is returned."""
        assignment = await self._uow.session.get(MentorAssignment, vendor.id)
        if assignment is None:
            return None
        mentor = await self._uow.users.get(assignment.mentor_user_id)
        if mentor is None or not await self._access.has(mentor, MENTORS):
            return None
        if await self.covers(mentor, vendor.regency_code):
            return None
        await self._uow.session.delete(assignment)
        await self._uow.session.flush()
        return mentor

    async def _require_mentor(self, mentor: User) -> None:
        if Role.MENTOR not in await self._access.roles(mentor):
            raise InvalidInput("error-not-a-mentor")

    def _assign(self, vendor: Vendor, mentor_id: int, how: str, by: int | None) -> None:
        self._uow.session.add(
            MentorAssignment(
                vendor_id=vendor.id,
                mentor_user_id=mentor_id,
                how=how,
                assigned_by=by,
                assigned_at=self._clock(),
            )
        )

    # --- a mentor's vendors --------------------------------------------------------------

    async def my_vendors(self, mentor: User) -> list[Progress]:
        """The mentor's vendors, those who need help first."""
        await self._access.require(mentor, MENTORS)
        claimed = exists().where(ChannelIdentity.user_id == Vendor.user_id)
        query = (
            select(Vendor, Conversation.step, Conversation.updated_at, claimed)
            .join(MentorAssignment, MentorAssignment.vendor_id == Vendor.id)
            .outerjoin(Conversation, Conversation.user_id == Vendor.user_id)
            .where(MentorAssignment.mentor_user_id == mentor.id)
        )
        rows = (await self._uow.session.execute(query)).all()
        scope = await self._access.scope(mentor, MENTORS)
        return sorted(
            (
                self._progress(vendor, step, seen, owned)
                for vendor, step, seen, owned in rows
                if vendor.regency_code is None or scope.covers(vendor.regency_code)
            ),
            key=lambda progress: progress.urgency,
        )

    async def drafts_in_progress(self, mentor: User) -> list[Progress]:
        """Drafts the mentor is filling in that no owner has claimed yet, latest first."""
        drafts = [progress for progress in await self.my_vendors(mentor) if progress.in_progress]
        return sorted(drafts, key=lambda progress: progress.vendor.updated_at, reverse=True)

    def _progress(
        self, vendor: Vendor, step: str | None, seen: datetime | None, claimed: bool = True
    ) -> Progress:
        last = max(filter(None, (seen, vendor.updated_at)))
        idle = self._clock() - last
        answered, total = RegistrationDraft.model_validate(vendor).progress()
        waiting = vendor.status in (Status.DRAFT, Status.NEEDS_FIX)
        stuck = waiting and idle >= self.rules.stuck_after
        return Progress(vendor, step, answered, total, idle.days, stuck, bool(claimed))

    async def vendor_for(self, mentor: User, vendor_id: int) -> Vendor | None:
        """One of the mentor's own vendors, of their unit; anyone else's is not found."""
        await self._access.require(mentor, MENTORS)
        assignment = await self._uow.session.get(MentorAssignment, vendor_id)
        if assignment is None or assignment.mentor_user_id != mentor.id:
            return None
        vendor = await self._uow.session.get(Vendor, vendor_id)
        if vendor is None or not await self.covers(mentor, vendor.regency_code):
            return None
        return vendor

    async def reachable(self, vendor: Vendor) -> bool:
        """Whether the vendor's owner has a chat to be written to (a draft nobody claimed has
        none)."""
        return await self._uow.users.latest_identity(vendor.user_id) is not None

    # --- registration on a vendor's behalf -----------------------------------------------

    async def start_proxy(self, mentor: User) -> Vendor:
        """A draft the mentor fills in; it belongs to a placeholder until the vendor claims it.
        A draft of theirs with nothing in it yet is reused rather than another one made."""
        await self._access.require(mentor, MENTORS)
        now = self._clock()
        for progress in await self.drafts_in_progress(mentor):
            if progress.answered == 0:
                progress.vendor.updated_at = now
                return progress.vendor
        holder = User(language=mentor.language, created_at=now, last_seen_at=now)
        self._uow.session.add(holder)
        await self._uow.session.flush()
        vendor = await self._uow.vendors.add(
            Vendor(user_id=holder.id, status=Status.DRAFT.value, kbli=[], created_at=now,
                   updated_at=now)
        )  # fmt: skip
        self._assign(vendor, mentor.id, "proxy", mentor.id)
        return vendor

    async def proxy_draft(self, mentor: User, vendor_id: int) -> Vendor | None:
        """A draft this mentor is filling in and no vendor has claimed yet."""
        vendor = await self.vendor_for(mentor, vendor_id)
        if vendor is None or vendor.status != Status.DRAFT:
            return None
        holder_has_channel = await self._uow.users.latest_identity(vendor.user_id)
        return None if holder_has_channel else vendor

    async def delete_proxy_draft(self, mentor: User, vendor_id: int) -> bool:
        """Deletes a draft the mentor filled in that nobody claimed; False when there is none."""
        vendor = await self.proxy_draft(mentor, vendor_id)
        if vendor is None:
            return False
        holder_id = vendor.user_id
        self._uow.session.expunge(vendor)
        await self._uow.session.execute(  # the draft, its assignment and links go with it
            delete(User).where(User.id == holder_id).execution_options(synchronize_session=False)
        )
        return True

    async def has_claim_link(self, vendor: Vendor) -> bool:
        """Whether a link to claim this draft was ever made."""
        found = await self._uow.session.scalar(
            select(ClaimToken.id).where(ClaimToken.vendor_id == vendor.id).limit(1)
        )
        return found is not None

    async def claim_link_token(self, mentor: User, vendor: Vendor) -> str:
        """A new single-use token for the vendor's link (earlier ones stop working)."""
        await self._access.require(mentor, MENTORS)
        now = self._clock()
        for old in (
            await self._uow.session.execute(
                select(ClaimToken).where(
                    ClaimToken.vendor_id == vendor.id, ClaimToken.used_at.is_(None)
                )
            )
        ).scalars():
            old.used_at = now
        token = secrets.token_urlsafe(TOKEN_BYTES)
        self._uow.session.add(
            ClaimToken(
                token_hash=token_hash(token),
                vendor_id=vendor.id,
                created_by=mentor.id,
                created_at=now,
                expires_at=now + self.rules.claim_link_valid,
            )
        )
        return token

    async def claimable(self, token: str) -> bool:
        found = await self._uow.session.scalar(
            select(ClaimToken).where(ClaimToken.token_hash == token_hash(token))
        )
        return found is not None and found.used_at is None and found.expires_at >= self._clock()

    async def claim(self, user: User, token: str) -> Vendor:
        """Hands the draft behind ``token`` to ``user``; the link then stops working."""
        found = await self._uow.session.scalar(
            select(ClaimToken).where(ClaimToken.token_hash == token_hash(token)).with_for_update()
        )
        now = self._clock()
        if found is None or found.used_at is not None or found.expires_at < now:
            raise InvalidInput("error-claim-invalid")
        if await self._uow.vendors.by_user(user.id) is not None:
            raise InvalidInput("error-claim-has-registration")
        vendor = await self._uow.session.get(Vendor, found.vendor_id)
        if vendor is None:
            raise InvalidInput("error-claim-invalid")
        holder = await self._uow.users.get(vendor.user_id)
        vendor.user_id = user.id
        found.used_at = now
        await self._uow.session.flush()
        if holder is not None and await self._uow.users.latest_identity(holder.id) is None:
            await self._uow.session.delete(holder)
        return vendor

    # --- reminders -----------------------------------------------------------------------

    async def mentors(self) -> list[User]:
        query = (
            select(User)
            .join(RoleGrant, RoleGrant.user_id == User.id)
            .where(RoleGrant.role == Role.MENTOR.value, RoleGrant.revoked_at.is_(None))
        )
        return list((await self._uow.session.execute(query)).scalars())

    async def stuck(self, mentor: User) -> list[Progress]:
        return [progress for progress in await self.my_vendors(mentor) if progress.stuck]

    async def vendors_to_remind(self) -> list[Vendor]:
        """Unfinished or sent-back registrations idle too long, whose owner allows reminders."""
        cutoff = self._clock() - self.rules.stuck_after
        query = (
            select(Vendor)
            .outerjoin(Conversation, Conversation.user_id == Vendor.user_id)
            .where(
                Vendor.status.in_([Status.DRAFT.value, Status.NEEDS_FIX.value]),
                Vendor.reminders_off.is_(False),
                Vendor.updated_at < cutoff,
                func.coalesce(Conversation.updated_at, Vendor.updated_at) < cutoff,
            )
        )
        return list((await self._uow.session.execute(query)).scalars())

    async def claim_send(self, user_id: int, kind: str, period: str) -> bool:
        """Records a reminder as sent; False when it already was (after a restart, say)."""
        try:
            async with self._uow.session.begin_nested():
                self._uow.session.add(
                    ReminderLog(user_id=user_id, kind=kind, period=period, sent_at=self._clock())
                )
        except IntegrityError:
            return False
        return True
