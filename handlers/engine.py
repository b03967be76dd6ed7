"""The conversation engine: one incoming event in, rendered messages out.

Each event is handled in one unit of work: the user and their conversation are loaded (the
conversation row locked), the flows run, the new state is stored and committed, and only then are
the replies returned to the channel adapter for sending. Nothing here knows about a channel.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from handlers.context import BureauInfo, FlowContext
from handlers.events import ContactShared, Event, Sender
from handlers.i18n import Locales
from handlers.render import render
from handlers.replies import OutMessage
from handlers.router import route
from models.catalog import Catalog
from models.media import MediaStore
from models.services.access import AccessService
from models.services.identity import IdentityService
from models.services.products import ProductService
from models.services.registration import RegistrationService
from models.services.review import ReviewService
from models.uow import UnitOfWorkFactory

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Handled:
    """The result of one event: the messages to send and the user's (possibly new) language."""

    messages: list[OutMessage]
    language: str
    language_changed: bool
    outbox_queued: bool
    """Messages for other users were queued and should be delivered now."""


class ConversationEngine:
    """Turns events into replies, keeping all state in the database."""

    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        locales: Locales,
        catalog: Catalog,
        bureau: BureauInfo,
        media: MediaStore,
        *,
        default_language: str,
        resume_after: timedelta,
        admin_ids: frozenset[str] = frozenset(),
        clock: Callable[[], datetime],
    ) -> None:
        self._uow_factory = uow_factory
        self._locales = locales
        self._catalog = catalog
        self._bureau = bureau
        self._media = media
        self._default_language = default_language
        self._admin_ids = admin_ids
        self._resume_after = resume_after
        self._clock = clock

    async def handle(
        self, sender: Sender, event: Event, *, update_id: str | None = None
    ) -> Handled:
        """Applies ``event`` and returns what to send; nothing for an update already processed."""
        async with self._uow_factory() as uow:
            if update_id is not None and not await uow.processed_updates.claim(
                sender.channel, update_id
            ):
                log.info("skipping redelivered update %s/%s", sender.channel, update_id)
                return Handled([], self._default_language, False, False)
            now = self._clock()
            identities = IdentityService(uow, self._clock, self._default_language)
            identity = await identities.resolve(
                sender.channel, sender.external_id, sender.verified_phone
            )
            if isinstance(event, ContactShared) and event.is_own:
                identities.verify_own_contact(identity, event.phone)
            user = identity.user
            conversation = await uow.conversations.get_locked(user.id) or (
                await uow.conversations.add(user.id, now)
            )
            access = AccessService(uow, self._clock, self._admin_ids)
            await access.bootstrap(user, sender.channel, sender.external_id)
            ctx = FlowContext(
                uow=uow,
                sender=sender,
                identity=identity,
                identities=identities,
                user=user,
                conversation=conversation,
                registration=RegistrationService(uow, self._catalog, self._clock),
                products=ProductService(uow, self._catalog, self._clock, self._media),
                access=access,
                review=ReviewService(uow, access, self._catalog, self._clock),
                catalog=self._catalog,
                bureau=self._bureau,
                now=now,
                locales=self._locales,
            )
            expired = (
                now - conversation.updated_at > self._resume_after
                or conversation.channel not in (None, sender.channel)
            )
            language_before = user.language
            await route(ctx, event, expired=expired)
            user, conversation = ctx.user, ctx.conversation  # linking may switch to another user
            messages = render(ctx.replies, conversation, self._locales.translator(user.language))
            conversation.updated_at = now
            conversation.channel = sender.channel
            user.last_seen_at = now
            await uow.commit()
        return Handled(messages, user.language, user.language != language_before, ctx.outbox_queued)
