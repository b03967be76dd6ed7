"""One person across channels: a Telegram account and a WhatsApp number that the platforms
verified as the same phone number belong to the same user, so a draft started on one channel
can be finished on the other.

Only numbers a platform verified count (WhatsApp's own number of the chat, Telegram's
share-my-contact of the account itself); a typed number never links anything, or anyone could
attach themselves to someone else's registration. A verification older than
:data:`LINK_MAX_AGE` is not trusted either, since carriers recycle numbers.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

import phonenumbers
from sqlalchemy import select

from models.entities import ChannelIdentity, Conversation, User
from models.uow import UnitOfWork

LINK_MAX_AGE = timedelta(days=90)
WRITE_EVERY = timedelta(minutes=10)
"""How stale ``last_seen_at`` and an unchanged verification time may get before being rewritten."""


def e164(phone: str) -> str | None:
    """A phone number as E.164, or None when it is not a valid number."""
    text = phone.strip()
    try:
        number = phonenumbers.parse(text if text.startswith("+") else f"+{text}")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


class IdentityService:
    def __init__(
        self, uow: UnitOfWork, clock: Callable[[], datetime], default_language: str
    ) -> None:
        self._uow = uow
        self._clock = clock
        self._default_language = default_language

    async def resolve(
        self, channel: str, external_id: str, verified_phone: str | None
    ) -> ChannelIdentity:
        """The sender's identity (with its user), created on first contact; a new identity whose
        verified number another channel already verified joins that person."""
        now = self._clock()
        identity = await self._uow.users.identity(channel, external_id)
        if identity is None:  # first contact: another process may be creating them right now
            await self._uow.users.lock_identity(channel, external_id)
            identity = await self._uow.users.identity(channel, external_id)
        phone = e164(verified_phone) if verified_phone else None
        if identity is None:
            owner = await self.owner_of(phone, channel) if phone else None
            identity = await self._create(channel, external_id, owner, now)
        self.note_verified_phone(identity, verified_phone)
        return identity

    def note_verified_phone(self, identity: ChannelIdentity, phone: str | None) -> None:
        """Records the number the channel verified with this update (a WhatsApp chat's own
        number); an unchanged number is written again only after :data:`WRITE_EVERY`."""
        number = e164(phone) if phone else None
        if number is None:
            return
        now = self._clock()
        verified_at = identity.phone_verified_at
        if identity.phone != number or verified_at is None or now - verified_at >= WRITE_EVERY:
            identity.phone, identity.phone_verified_at = number, now

    def touch(self, identity: ChannelIdentity, user: User, *, switched_channel: bool) -> None:
        """Marks the identity and its user as seen now.

        ``last_seen_at`` tells which channel a user wrote from last (notifications go there),
        whether WhatsApp's 24-hour window is open, and which drafts are abandoned. Writing it
        on every update would cost an UPDATE of two more rows each time, so it is written when
        the user switched channel or when it is older than :data:`WRITE_EVERY`: a window is
        then at most that much shorter than WhatsApp's, never longer.
        """
        now = self._clock()
        if switched_channel or now - identity.last_seen_at >= WRITE_EVERY:
            identity.last_seen_at = now
        if now - user.last_seen_at >= WRITE_EVERY:
            user.last_seen_at = now

    async def _create(
        self, channel: str, external_id: str, owner: User | None, now: datetime
    ) -> ChannelIdentity:
        if owner is None:
            user = await self._uow.users.add(channel, external_id, self._default_language, now)
            return user.identities[0]
        identity = ChannelIdentity(
            user=owner,
            channel=channel,
            external_id=external_id,
            created_at=now,
            last_seen_at=now,
        )
        self._uow.session.add(identity)
        await self._uow.session.flush()
        return identity

    def verify_own_contact(self, identity: ChannelIdentity, phone: str) -> str | None:
        """Records the number of a share-my-contact of the account itself."""
        number = e164(phone)
        if number:
            identity.phone, identity.phone_verified_at = number, self._clock()
        return number

    async def owner_of(self, phone: str, other_than_channel: str) -> User | None:
        """The user with a recent verification of ``phone`` on another channel."""
        query = (
            select(ChannelIdentity)
            .where(
                ChannelIdentity.phone == phone,
                ChannelIdentity.channel != other_than_channel,
                ChannelIdentity.phone_verified_at >= self._clock() - LINK_MAX_AGE,
            )
            .order_by(ChannelIdentity.phone_verified_at.desc())
            .limit(1)
        )
        found = (await self._uow.session.execute(query)).scalar_one_or_none()
        return await self._uow.users.get(found.user_id) if found else None

    async def move_to(self, identity: ChannelIdentity, owner: User) -> None:
        """Joins an identity whose own user holds nothing yet to ``owner``; the empty user goes."""
        empty = await self._uow.users.get(identity.user_id)
        identity.user = owner
        await self._uow.session.flush()
        if empty is not None and empty.id != owner.id:
            conversation = await self._uow.session.get(Conversation, empty.id)
            if conversation is not None:
                await self._uow.session.delete(conversation)
            await self._uow.session.delete(empty)
            await self._uow.session.flush()
