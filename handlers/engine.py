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

from handlers.context import BureauInfo, FlowContext, StartLinks
from handlers.events import ContactShared, Event, Sender, sanitized
from handlers.flood import DEFAULT_FLOOD_LIMIT, FloodLimit, Verdict
from handlers.i18n import Locales
from handlers.mentoring import reminders
from handlers.render import render
from handlers.replies import OutMessage, Reply, msg
from handlers.router import route
from models.catalog import Catalog
from models.entities import Conversation
from models.media import MediaStore
from models.services.access import AccessService
from models.services.disclosure import DisclosureService
from models.services.export import ExportService
from models.services.identity import IdentityService
from models.services.mentoring import MentoringRules, MentoringService
from models.services.products import ProductService
from models.services.registration import RegistrationService
from models.services.review import ReviewService
from models.services.rights import RightsService
from models.services.search import SearchService
from models.services.stats import StatsService
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
        mentoring: MentoringRules,
        *,
        default_language: str,
        resume_after: timedelta,
        admin_ids: frozenset[str] = frozenset(),
        clock: Callable[[], datetime],
        flood: FloodLimit = DEFAULT_FLOOD_LIMIT,
    ) -> None:
        self._uow_factory = uow_factory
        self._locales = locales
        self._catalog = catalog
        self._bureau = bureau
        self._media = media
        self._mentoring = mentoring
        self._default_language = default_language
        self._admin_ids = admin_ids
        self._resume_after = resume_after
        self._clock = clock
        self._flood = flood

    async def run_daily_round(self) -> int:
        """Mentors' digests and vendors' reminders; returns how many messages were queued."""
        async with self._uow_factory() as uow:
            access = AccessService(uow, self._clock, self._admin_ids, self._bureau.units)
            mentoring = MentoringService(uow, access, self._clock, self._mentoring)
            queued = await reminders.send_due(
                uow, mentoring, self._locales, self._clock(), self._bureau.timezone
            )
            await uow.commit()
        return queued

    @property
    def links(self) -> StartLinks:
        return self._bureau.links

    async def handle(
        self, sender: Sender, event: Event, *, update_id: str | None = None
    ) -> Handled:
        """Applies ``event`` and returns what to send; nothing for an update already processed."""
        event = sanitized(event)
        async with self._uow_factory() as uow:
            if update_id is not None and not await uow.processed_updates.claim(
                sender.channel, update_id
            ):
                log.info("skipping redelivered update %s/%s", sender.channel, update_id)
                return Handled([], self._default_language, False, False)
            now = self._clock()
            identities = IdentityService(uow, self._clock, self._default_language)
            rows = await uow.conversations.for_sender(sender.channel, sender.external_id)
            if rows is not None:
                identity, user, conversation = rows.identity, rows.user, rows.conversation
                uow.consents.know(user.id, rows.consented)
                if rows.vendor is not None:
                    uow.vendors.know(rows.vendor)
                identities.note_verified_phone(identity, sender.verified_phone)
            else:  # first contact, a conversation to open, or another update of this chat running
                identity = await identities.resolve(
                    sender.channel, sender.external_id, sender.verified_phone
                )
                user = identity.user
                conversation = await uow.conversations.lock_or_create(user.id, now)
            verdict, flood_window = self._flood.check(conversation, now)
            if verdict is not Verdict.ADMIT:
                flood_window.save(conversation)
                messages = self._slow_down(conversation, user.language, verdict)
                await uow.commit()
                return Handled(messages, user.language, False, False)
            if isinstance(event, ContactShared) and event.is_own:
                identities.verify_own_contact(identity, event.phone)
            access = AccessService(uow, self._clock, self._admin_ids, self._bureau.units)
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
                mentoring=MentoringService(uow, access, self._clock, self._mentoring),
                search=SearchService(uow, access),
                stats=StatsService(uow, access),
                export=ExportService(uow, access, self._catalog),
                disclosure=DisclosureService(uow, access, self._clock),
                rights=RightsService(uow, self._clock, self._media),
                catalog=self._catalog,
                bureau=self._bureau,
                now=now,
                locales=self._locales,
            )
            switched_channel = conversation.channel not in (None, sender.channel)
            expired = now - conversation.updated_at > self._resume_after or switched_channel
            language_before = user.language
            await route(ctx, event, expired=expired)
            linked = ctx.conversation is not conversation  # joined another user's draft
            user, conversation = ctx.user, ctx.conversation
            messages = render(ctx.replies, conversation, self._locales.translator(user.language))
            if not linked:  # written last, with the flows' own changes: one UPDATE
                flood_window.save(conversation)
            conversation.updated_at = now
            conversation.channel = sender.channel
            identities.touch(ctx.identity, user, switched_channel=switched_channel or linked)
            await uow.commit()
            for action in ctx.after_commit:
                action()
        return Handled(messages, user.language, user.language != language_before, ctx.outbox_queued)

    def _slow_down(
        self, conversation: Conversation, language: str, verdict: Verdict
    ) -> list[OutMessage]:
        """One polite answer to a flood, then silence; the buttons already shown stay valid."""
        if verdict is Verdict.DROP:
            return []
        seconds = round(self._flood.window.total_seconds())
        return render(
            [Reply((msg("flood-slow-down", seconds=seconds),))],
            conversation,
            self._locales.translator(language),
            keep_current=True,
        )
