"""Role invitations: a superadmin invites someone to a role of a unit with a link, instead of
needing their Telegram id. The link is single-use and expires; whoever opens it (on Telegram or
WhatsApp) confirms and gets the role, given in the inviter's name.

Only a hash of the code is stored. The access rules are those of giving a role by id
(:meth:`AccessService.grant`): a superadmin of a unit invites to that unit only, and an
invitation whose inviter no longer holds the role for that unit cannot be taken.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from datetime import datetime, timedelta

from sqlalchemy import select

from models.entities import RoleInvitation, User
from models.errors import InvalidInput, NotPermitted
from models.services.access import UNKNOWN_COMMAND, AccessService, Role
from models.services.mentoring import token_hash
from models.uow import UnitOfWork

CODE_BYTES = 12
"""16 characters of a URL-safe code: 96 random bits."""
SUPERADMINS = frozenset({Role.SUPERADMIN})


class InvitationService:
    def __init__(
        self,
        uow: UnitOfWork,
        access: AccessService,
        clock: Callable[[], datetime],
        valid_for: timedelta,
    ) -> None:
        self._uow = uow
        self._access = access
        self._clock = clock
        self.valid_for = valid_for

    async def create(self, actor: User, role: Role, unit: str | None) -> tuple[RoleInvitation, str]:
        """A new invitation to ``role`` of ``unit`` and its code (shown once, never stored)."""
        self._access.check_unit(unit)
        await self._may_give(actor, unit)
        code = secrets.token_urlsafe(CODE_BYTES)
        now = self._clock()
        invitation = RoleInvitation(
            code_hash=token_hash(code),
            role=role.value,
            unit_code=self._access.stored_unit(unit),
            created_by=actor.id,
            created_at=now,
            expires_at=now + self.valid_for,
        )
        self._uow.session.add(invitation)
        await self._uow.session.flush()
        return invitation, code

    async def open_ones(self, actor: User) -> list[RoleInvitation]:
        """Invitations not yet taken, withdrawn or expired, of the units the actor manages."""
        scope = await self._access.scope(actor, SUPERADMINS)
        query = (
            select(RoleInvitation)
            .where(
                RoleInvitation.used_at.is_(None),
                RoleInvitation.withdrawn_at.is_(None),
                RoleInvitation.expires_at > self._clock(),
            )
            .order_by(RoleInvitation.id)
        )
        rows = (await self._uow.session.execute(query)).scalars()
        return [row for row in rows if self._access.within(scope, row.unit_code)]

    async def withdraw(self, actor: User, invitation_id: int) -> RoleInvitation:
        """Withdraws an open invitation of the actor's units; its link stops working."""
        found = next((i for i in await self.open_ones(actor) if i.id == invitation_id), None)
        if found is None:
            raise InvalidInput("error-invitation-unknown")
        found.withdrawn_at = self._clock()
        return found

    async def opened(self, code: str) -> RoleInvitation:
        """The invitation behind a code, while it can still be taken."""
        found = await self._uow.session.scalar(
            select(RoleInvitation).where(RoleInvitation.code_hash == token_hash(code))
        )
        return await self._takeable(found)

    async def accept(self, user: User, invitation_id: int) -> RoleInvitation:
        """Gives the invited role to ``user``; the invitation is then used up."""
        found = await self._takeable(await self._uow.session.get(RoleInvitation, invitation_id))
        inviter = await self.inviter(found)
        assert inviter is not None  # checked by _takeable
        await self._access.grant(inviter, user, Role(found.role), found.unit_code)
        found.used_at, found.used_by = self._clock(), user.id
        return found

    async def inviter(self, invitation: RoleInvitation) -> User | None:
        if invitation.created_by is None:
            return None
        return await self._uow.users.get(invitation.created_by)

    async def _takeable(self, found: RoleInvitation | None) -> RoleInvitation:
        """``found`` if it is neither used, withdrawn nor expired, and its inviter may still
        give its role; else the invitation is refused as invalid."""
        if (
            found is None
            or found.used_at is not None
            or found.withdrawn_at is not None
            or found.expires_at <= self._clock()
        ):
            raise InvalidInput("error-invitation-invalid")
        inviter = await self.inviter(found)
        try:
            if inviter is None:
                raise NotPermitted("error-invitation-invalid")
            await self._may_give(inviter, found.unit_code)
        except NotPermitted:
            raise InvalidInput("error-invitation-invalid") from None
        return found

    async def _may_give(self, actor: User, unit: str | None) -> None:
        """A superadmin gives roles of their units; of the whole deployment (``unit`` None)
        only when they are its superadmin."""
        scope = await self._access.scope(actor, SUPERADMINS, unit)
        if not self._access.within(scope, self._access.stored_unit(unit)):
            raise NotPermitted(UNKNOWN_COMMAND)
