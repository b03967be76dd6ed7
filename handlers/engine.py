"""The conversation engine: one incoming event in, rendered messages out.

Each event is handled in one unit of work: the user and their conversation are loaded (the
conversation row locked), the flows run, the new state is stored and committed, and only then are
the replies returned to the channel adapter for sending. Nothing here knows about a channel.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from handlers.background import Background, FollowUp
from handlers.confirmations import DeliveryConfirmations, Receipt
from handlers.context import BureauInfo, FlowContext, StartLinks
from handlers.events import (
    ContactShared,
    Event,
    MediaReceived,
    Sender,
    sanitized,
    sanitized_sender,
)
from handlers.flood import DEFAULT_FLOOD_LIMIT, FloodLimit, Verdict
from handlers.i18n import Locales
from handlers.mentoring import reminders
from handlers.recovery import fingerprint
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

ARRIVAL_PATIENCE = timedelta(seconds=3)
"""How long an update waits for one of its chat that arrived earlier; an older arrival belongs
to a process that died."""
ARRIVAL_RECHECK_SECONDS = 0.01
UNCONFIRMED_BATCH = 100
"""Chats given their pending question again per sweep."""


class NotYourTurn(Exception):
    """An update of the same chat that arrived earlier, at another process, is still to come."""


class DownloadFirst(Exception):
    """A flow asked for a file's bytes inside the transaction: fetch them, then run again."""


@dataclass(slots=True)
class Prefetch:
    """A file's download that only hands out bytes fetched beforehand."""

    download: Callable[[], Awaitable[bytes]]
    data: bytes | None = None

    async def fetch(self) -> None:
        self.data = await self.download()

    async def __call__(self) -> bytes:
        if self.data is None:
            raise DownloadFirst
        return self.data


@dataclass(frozen=True, slots=True)
class Handled:
    """The result of one event: the messages to send and the user's (possibly new) language."""

    messages: list[OutMessage]
    language: str
    outbox_queued: bool
    """Messages for other users were queued and should be delivered now."""
    receipt: Receipt | None = None
    """Given to :meth:`ConversationEngine.confirm_delivery` once ``messages`` arrived."""
    follow_up: Callable[[], Awaitable[list[OutMessage]]] | None = None
    """Long work to run once ``messages`` are sent; what it returns is sent after them."""


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
        background: Background,
        flood: FloodLimit = DEFAULT_FLOOD_LIMIT,
    ) -> None:
        self._background = background
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
        self._confirmations = DeliveryConfirmations(uow_factory)

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

    async def arrived(self, sender: Sender) -> int:
        """Records that an update of the sender's chat arrived; give the number to
        :meth:`handle`, so that it waits for the chat's updates that arrived before it at
        other processes. Losing it in a crash only loses that order."""
        async with self._uow_factory() as uow:
            await uow.commit_without_waiting_for_disk()
            arrival = await uow.arrivals.record(sender.channel, sender.external_id, self._clock())
            await uow.commit()
        return arrival

    async def forget_old_arrivals(self) -> None:
        async with self._uow_factory() as uow:
            await uow.arrivals.forget_before(self._clock() - ARRIVAL_PATIENCE)
            await uow.commit()

    async def handle(
        self,
        sender: Sender,
        event: Event,
        *,
        update_id: str | None = None,
        arrival: int | None = None,
    ) -> Handled:
        """Applies ``event`` and returns what to send; nothing for an update already processed.

        A file is fetched only when a flow keeps it, and never inside the transaction (on
        SQLite that would hold every chat's writes for a network round trip): the first pass
        stops where the flow asks for the bytes, and runs again once they are here. An update
        with an ``arrival`` waits (outside any transaction) while one of its chat that arrived
        earlier is still to be applied, for at most :data:`ARRIVAL_PATIENCE`.
        """
        event, sender = sanitized(event), sanitized_sender(sender)
        prefetch = None
        if isinstance(event, MediaReceived) and event.download is not None:
            prefetch = Prefetch(event.download)
            event = replace(event, download=prefetch)
        patience = time.monotonic() + ARRIVAL_PATIENCE.total_seconds()
        while True:
            waits = time.monotonic() < patience
            try:
                return await self._apply(sender, event, update_id, arrival, waits=waits)
            except DownloadFirst:
                assert prefetch is not None  # only a prefetched download raises it
                await prefetch.fetch()
            except NotYourTurn:
                await asyncio.sleep(ARRIVAL_RECHECK_SECONDS)

    async def _apply(
        self,
        sender: Sender,
        event: Event,
        update_id: str | None,
        arrival: int | None,
        *,
        waits: bool,
    ) -> Handled:
        started = time.perf_counter()
        async with self._uow_factory() as uow:
            if update_id is not None and not await uow.processed_updates.claim(
                sender.channel, update_id
            ):
                log.info("skipping redelivered update %s/%s", sender.channel, update_id)
                if arrival is not None:
                    await uow.arrivals.applied(arrival)
                    await uow.commit()
                return Handled([], self._default_language, False)

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
            confirmed = self._confirmations.delivered_turn(user.id)
            if confirmed is not None and conversation.delivered_turn < confirmed:
                conversation.delivered_turn = confirmed  # written with this update's changes
            if arrival is not None:  # the chat is locked: no earlier update can start now
                since = now - ARRIVAL_PATIENCE
                if waits and await uow.arrivals.earlier_pending(
                    sender.channel, sender.external_id, arrival, since=since
                ):
                    raise NotYourTurn
                await uow.arrivals.applied(arrival)
            verdict, flood_window = self._flood.check(conversation, now)
            if verdict is not Verdict.ADMIT:
                flood_window.save(conversation)
                messages = self._slow_down(conversation, user.language, verdict)
                await uow.commit()
                if confirmed is not None:
                    self._confirmations.written(user.id, confirmed)
                return Handled(messages, user.language, False, self._receipt(conversation))
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
                background=self._background,
            )
            switched_channel = conversation.channel not in (None, sender.channel)
            expired = now - conversation.updated_at > self._resume_after or switched_channel
            unseen = conversation.delivered_turn < conversation.turn
            await route(ctx, event, expired=expired, unseen=unseen)
            linked = ctx.conversation is not conversation  # joined another user's draft
            user, conversation = ctx.user, ctx.conversation
            messages = render(ctx.replies, conversation, self._locales.translator(user.language))
            if not linked:  # written last, with the flows' own changes: one UPDATE
                flood_window.save(conversation)
                if (answer := fingerprint(event)) is not None:
                    conversation.last_answer = answer
                if not messages:  # nothing to deliver: nothing the user could have missed
                    conversation.delivered_turn = conversation.turn
            conversation.updated_at = now
            conversation.channel = sender.channel
            identities.touch(ctx.identity, user, switched_channel=switched_channel or linked)
            await uow.commit()
            if confirmed is not None:
                self._confirmations.written(user.id, confirmed)
            for action in ctx.after_commit:
                action()
        log.debug(
            "%s update %s: %s of user %d, now %s/%s, %d messages, %.1f ms",
            sender.channel,
            update_id,
            type(event).__name__,
            user.id,
            conversation.flow,
            conversation.step,
            len(messages),
            (time.perf_counter() - started) * 1000,
        )
        receipt = self._receipt(conversation) if messages else None
        follow_up = self._follow_up(ctx.later, user.language) if ctx.later else None
        return Handled(messages, user.language, ctx.outbox_queued, receipt, follow_up)

    def _follow_up(
        self, later: list[FollowUp], language: str
    ) -> Callable[[], Awaitable[list[OutMessage]]]:
        async def run() -> list[OutMessage]:
            try:
                replies = [reply for work in later for reply in await work()]
            except Exception:
                log.exception("background work failed")
                replies = [Reply((msg("error-internal"),))]
            if any(reply.choices or reply.footer for reply in replies):
                raise ValueError("a follow-up has no turn to give buttons to")
            standalone = Conversation(turn=0, offered=[], contact_keyboard=False)
            tr = self._locales.translator(language)
            return render(replies, standalone, tr, keep_current=True)

        return run

    def confirm_delivery(self, receipt: Receipt | None) -> None:
        """Records that the replies of an update reached the user (see
        :mod:`handlers.confirmations`: written a moment later)."""
        if receipt is not None:
            self._confirmations.add(receipt)

    async def write_confirmations(self) -> None:
        """Writes the confirmations not yet written; at shutdown, and before a sweep."""
        await self._confirmations.write()

    async def unconfirmed_chats(self, *, quiet_for: timedelta) -> list[Sender]:
        """Chats whose last replies (a question, or the confirmation that ended a flow) were
        never confirmed, quiet for ``quiet_for`` (so not still being sent) and answered within
        the resume time; each gets :class:`PendingResent` from the channel."""
        await self._confirmations.write()
        now = self._clock()
        async with self._uow_factory() as uow:
            chats = await uow.conversations.unconfirmed(
                updated_after=now - self._resume_after,
                updated_before=now - quiet_for,
                limit=UNCONFIRMED_BATCH,
            )
        return [Sender(channel, external_id) for channel, external_id in chats]

    @staticmethod
    def _receipt(conversation: Conversation) -> Receipt:
        return Receipt(conversation.user_id, conversation.turn)

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
