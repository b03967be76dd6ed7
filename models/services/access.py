"""Who may do what: roles in the database, checked on the server for every staff action."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from enum import StrEnum

from sqlalchemy import select

from models.entities import ChannelIdentity, RoleGrant, User
from models.errors import InvalidInput, NotPermitted
from models.uow import UnitOfWork


class Role(StrEnum):
    SUPERADMIN = "superadmin"
    REVIEWER = "reviewer"
    MENTOR = "mentor"


REVIEWERS = frozenset({Role.SUPERADMIN, Role.REVIEWER})
"""Bureau staff who review submissions (superadmins review too)."""

UNKNOWN_COMMAND = "error-unknown-command"
"""Refusals read exactly like an unknown command, so nobody learns what exists."""


class AccessService:
    def __init__(
        self, uow: UnitOfWork, clock: Callable[[], datetime], bootstrap_telegram_ids: Iterable[str]
    ) -> None:
        self._uow = uow
        self._clock = clock
        self._bootstrap = frozenset(bootstrap_telegram_ids)

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

    async def grant(self, actor: User | None, target: User, role: Role) -> None:
        """Gives ``role``; ``actor`` None means the command line on the server."""
        if actor is not None:
            await self.require(actor, {Role.SUPERADMIN})
        if role in await self.roles(target):
            raise InvalidInput("error-role-already", role=role.value)
        self._uow.session.add(
            RoleGrant(
                user_id=target.id,
                role=role.value,
                granted_by=actor.id if actor else None,
                granted_at=self._clock(),
            )
        )
        await self._uow.session.flush()

    async def revoke(self, actor: User | None, target: User, role: Role) -> None:
        if actor is not None:
            await self.require(actor, {Role.SUPERADMIN})
        query = select(RoleGrant).where(
            RoleGrant.user_id == target.id,
            RoleGrant.role == role.value,
            RoleGrant.revoked_at.is_(None),
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

    async def staff(self, actor: User) -> list[tuple[str, str | None, Role]]:
        """Everyone holding a role now: (Telegram id, name, role), for superadmins."""
        await self.require(actor, {Role.SUPERADMIN})
        query = (
            select(ChannelIdentity.external_id, User.display_name, RoleGrant.role)
            .join(User, User.id == RoleGrant.user_id)
            .join(ChannelIdentity, ChannelIdentity.user_id == User.id)
            .where(RoleGrant.revoked_at.is_(None), ChannelIdentity.channel == "telegram")
            .order_by(RoleGrant.role, ChannelIdentity.external_id)
        )
        rows = (await self._uow.session.execute(query)).all()
        return [(external_id, name, Role(role)) for external_id, name, role in rows]

    async def history(self, target: User) -> list[RoleGrant]:
        query = select(RoleGrant).where(RoleGrant.user_id == target.id).order_by(RoleGrant.id)
        return list((await self._uow.session.execute(query)).scalars())
