"""Who may do what: roles in the database, checked on the server for every staff action.

A role is given for a unit (a kabupaten/kota, or a province) or for the whole deployment
(``unit_code`` None, as every role given before units existed). :meth:`AccessService.scope` is
the set of kabupaten/kota a staff member's roles reach; every service that shows or changes a
vendor or product checks it, so a reviewer of Kota Malang neither sees nor decides anything of
Kabupaten Malang, whatever button or command they send."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import select

from models.entities import ChannelIdentity, RoleGrant, User
from models.errors import InvalidInput, NotPermitted
from models.units import EVERYTHING, Scope, Units
from models.uow import UnitOfWork


class Role(StrEnum):
    SUPERADMIN = "superadmin"
    REVIEWER = "reviewer"
    MENTOR = "mentor"


REVIEWERS = frozenset({Role.SUPERADMIN, Role.REVIEWER})
"""Bureau staff who review submissions (superadmins review too)."""

UNKNOWN_COMMAND = "error-unknown-command"
"""Refusals read exactly like an unknown command, so nobody learns what exists."""


@dataclass(frozen=True, slots=True)
class StaffMember:
    telegram_id: str | None
    whatsapp: str | None
    """Their WhatsApp number (or account id), for someone without Telegram."""
    name: str | None
    role: Role
    unit: str | None


class AccessService:
    def __init__(
        self,
        uow: UnitOfWork,
        clock: Callable[[], datetime],
        bootstrap_telegram_ids: Iterable[str],
        units: Units | None = None,
    ) -> None:
        self._uow = uow
        self._clock = clock
        self._bootstrap = frozenset(bootstrap_telegram_ids)
        self.units = units
        """None: a deployment without units, where every role holds everywhere."""

    async def grants(self, user: User) -> list[tuple[Role, str | None]]:
        """The user's roles in force, each with its unit (None: the whole deployment)."""
        query = select(RoleGrant.role, RoleGrant.unit_code).where(
            RoleGrant.user_id == user.id, RoleGrant.revoked_at.is_(None)
        )
        return [(Role(role), unit) for role, unit in await self._uow.session.execute(query)]

    async def scope(self, user: User, allowed: Iterable[Role], unit: str | None = None) -> Scope:
        """The kabupaten/kota the user's ``allowed`` roles reach, narrowed to ``unit`` when one
        is asked for; raises :class:`NotPermitted` without such a role, or for a unit the roles
        do not reach."""
        wanted = frozenset(allowed)
        units = [code for role, code in await self.grants(user) if role in wanted]
        if not units:
            raise NotPermitted(UNKNOWN_COMMAND)
        scope = self._scope_of(units)
        if unit is None:
            return scope
        narrowed = self._scope_of([unit])
        if narrowed.regencies is None:
            if not scope.everything:
                raise NotPermitted(UNKNOWN_COMMAND)
            return scope
        if scope.regencies is not None and not narrowed.regencies <= scope.regencies:
            raise NotPermitted(UNKNOWN_COMMAND)
        return narrowed

    def server_scope(self, unit: str | None) -> Scope:
        """What the command line on the server sees: everything, or ``unit``."""
        self.check_unit(unit)
        return self._scope_of([unit])

    def _scope_of(self, unit_codes: Iterable[str | None]) -> Scope:
        if self.units is None:
            return EVERYTHING
        regencies: set[str] = set()
        for code in unit_codes:
            covered = self.units.regencies(code)
            if covered is None:
                return EVERYTHING
            regencies |= covered
        return Scope(frozenset(regencies))

    async def unit_of_staff(self, user: User, allowed: Iterable[Role]) -> str | None:
        """The one unit a staff member's roles are limited to; None when they reach the whole
        deployment or several units."""
        scope = await self.scope(user, allowed)
        if scope.regencies is None or len(scope.regencies) != 1:
            return None
        return next(iter(scope.regencies))

    def check_unit(self, unit: str | None) -> None:
        """Raises :class:`InvalidInput` for a unit the deployment does not have."""
        if unit is not None and (self.units is None or self.units.by_code(unit) is None):
            raise InvalidInput("error-unit-unknown", unit=unit)

    async def roles(self, user: User) -> frozenset[Role]:
        query = select(RoleGrant.role).where(
            RoleGrant.user_id == user.id, RoleGrant.revoked_at.is_(None)
        )
        return frozenset(Role(role) for role in (await self._uow.session.execute(query)).scalars())

    async def has(self, user: User, allowed: Iterable[Role]) -> bool:
        return bool(await self.roles(user) & frozenset(allowed))

    async def require(self, user: User, allowed: Iterable[Role]) -> None:
        """Raises :class:`NotPermitted` (worded as an unknown command) without the role."""
        if not await self.has(user, allowed):
            raise NotPermitted(UNKNOWN_COMMAND)

    async def bootstrap(self, user: User, channel: str, external_id: str) -> None:
        """Superadmins named in the ``ADMIN_TELEGRAM_IDS`` setting get the role on first contact."""
        if channel != "telegram" or external_id not in self._bootstrap:
            return
        if Role.SUPERADMIN not in await self.roles(user):
            self._uow.session.add(
                RoleGrant(user_id=user.id, role=Role.SUPERADMIN.value, granted_at=self._clock())
            )
            await self._uow.session.flush()

    async def grant(
        self, actor: User | None, target: User, role: Role, unit: str | None = None
    ) -> None:
        """Gives ``role`` for ``unit`` (None: the whole deployment); a superadmin of a unit gives
        roles of their unit only. ``actor`` None means the command line on the server."""
        self.check_unit(unit)
        if actor is not None:
            await self.scope(actor, {Role.SUPERADMIN}, unit)
        unit = self.stored_unit(unit)
        if (role, unit) in await self.grants(target):
            raise InvalidInput("error-role-already", role=role.value)
        self._uow.session.add(
            RoleGrant(
                user_id=target.id,
                role=role.value,
                unit_code=unit,
                granted_by=actor.id if actor else None,
                granted_at=self._clock(),
            )
        )
        await self._uow.session.flush()

    def stored_unit(self, unit: str | None) -> str | None:
        """The whole deployment is stored as None, however it was named."""
        if self.units is None or unit is None or self.units.regencies(unit) is None:
            return None
        return unit

    async def revoke(
        self, actor: User | None, target: User, role: Role, unit: str | None = None
    ) -> None:
        """Takes back ``role`` for ``unit`` (None: the deployment-wide grant)."""
        self.check_unit(unit)
        if actor is not None:
            await self.scope(actor, {Role.SUPERADMIN}, unit)
        unit = self.stored_unit(unit)
        query = select(RoleGrant).where(
            RoleGrant.user_id == target.id,
            RoleGrant.role == role.value,
            RoleGrant.revoked_at.is_(None),
            RoleGrant.unit_code.is_(None) if unit is None else RoleGrant.unit_code == unit,
        )
        grants = list((await self._uow.session.execute(query)).scalars())
        if not grants:
            raise InvalidInput("error-role-missing", role=role.value)
        for grant in grants:
            grant.revoked_at = self._clock()
            grant.revoked_by = actor.id if actor else None
        await self._uow.session.flush()

    async def telegram_user(self, telegram_id: str) -> User:
        """The user behind a Telegram id, created if they never wrote to the bot."""
        user = await self._uow.users.by_identity("telegram", telegram_id)
        if user is None:
            user = await self._uow.users.add("telegram", telegram_id, "id")
        return user

    async def whatsapp_user(self, phone: str) -> User:
        """The user whose WhatsApp account has the verified number ``phone`` (+62…), as /peran
        lists staff without Telegram; refused when nobody with that number wrote to the bot."""
        user = await self._uow.session.scalar(
            select(User)
            .join(ChannelIdentity, ChannelIdentity.user_id == User.id)
            .where(ChannelIdentity.channel == "whatsapp", ChannelIdentity.phone == phone)
            .limit(1)
        )
        if user is None:
            raise InvalidInput("error-staff-whatsapp-unknown", number=phone)
        return user

    async def staff(self, actor: User) -> list[StaffMember]:
        """Everyone holding a role now, for superadmins; a superadmin of a unit sees the roles
        of their unit. Each by their Telegram id, or their WhatsApp when they have no Telegram
        (staff invited by a WhatsApp link)."""
        scope = await self.scope(actor, {Role.SUPERADMIN})
        query = (
            select(
                RoleGrant.id,
                ChannelIdentity.channel,
                ChannelIdentity.external_id,
                ChannelIdentity.phone,
                User.display_name,
                RoleGrant.role,
                RoleGrant.unit_code,
            )
            .join(User, User.id == RoleGrant.user_id)
            .join(ChannelIdentity, ChannelIdentity.user_id == User.id)
            .where(
                RoleGrant.revoked_at.is_(None),
                ChannelIdentity.channel.in_(("telegram", "whatsapp")),
            )
            .order_by(
                RoleGrant.unit_code,
                RoleGrant.role,
                ChannelIdentity.channel,  # "telegram" before "whatsapp": kept for each grant
                ChannelIdentity.external_id,
            )
        )
        members: dict[int, StaffMember] = {}
        for grant, channel, external_id, phone, name, role, unit in await self._uow.session.execute(
            query
        ):
            if grant not in members and self.within(scope, unit):
                whatsapp = (phone or external_id) if channel == "whatsapp" else None
                telegram = external_id if channel == "telegram" else None
                members[grant] = StaffMember(telegram, whatsapp, name, Role(role), unit)
        return list(members.values())

    def within(self, scope: Scope, unit: str | None) -> bool:
        """Whether a role of ``unit`` (None: the whole deployment) lies within ``scope``."""
        inner = self._scope_of([unit])
        if scope.regencies is None:
            return True
        return inner.regencies is not None and inner.regencies <= scope.regencies

    async def history(self, target: User) -> list[RoleGrant]:
        query = select(RoleGrant).where(RoleGrant.user_id == target.id).order_by(RoleGrant.id)
        return list((await self._uow.session.execute(query)).scalars())
