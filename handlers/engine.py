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
from handlers.events import Event, Sender
from handlers.i18n import Locales, Translator
from handlers.replies import OutButton, OutMessage, Reply
from handlers.router import route
from models.catalog import Catalog
from models.entities import Conversation, User
from models.media import MediaStore
from models.services.products import ProductService
from models.services.registration import RegistrationService
from models.uow import UnitOfWork, UnitOfWorkFactory

log = logging.getLogger(__name__)

FOOTER_COLUMNS = 3


@dataclass(frozen=True, slots=True)
class Handled:
    """The result of one event: the messages to send and the user's (possibly new) language."""

    messages: list[OutMessage]
    language: str
    language_changed: bool


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
        clock: Callable[[], datetime],
    ) -> None:
        self._uow_factory = uow_factory
        self._locales = locales
        self._catalog = catalog
        self._bureau = bureau
        self._media = media
        self._default_language = default_language
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
                return Handled([], self._default_language, language_changed=False)
            now = self._clock()
            user = await self._user(uow, sender)
            conversation = await uow.conversations.get_locked(user.id) or (
                await uow.conversations.add(user.id, now)
            )
            ctx = FlowContext(
                uow=uow,
                sender=sender,
                user=user,
                conversation=conversation,
                registration=RegistrationService(uow, self._catalog, self._clock),
                products=ProductService(uow, self._catalog, self._clock, self._media),
                catalog=self._catalog,
                bureau=self._bureau,
                now=now,
            )
            expired = now - conversation.updated_at > self._resume_after
            language_before = user.language
            await route(ctx, event, expired=expired)
            messages = render(ctx.replies, conversation, self._locales.translator(user.language))
            conversation.updated_at = now
            user.last_seen_at = now
            await uow.commit()
        return Handled(messages, user.language, user.language != language_before)

    async def _user(self, uow: UnitOfWork, sender: Sender) -> User:
        user = await uow.users.by_identity(sender.channel, sender.external_id)
        if user is None:
            user = await uow.users.add(sender.channel, sender.external_id, self._default_language)
        return user


def render(replies: list[Reply], conversation: Conversation, tr: Translator) -> list[OutMessage]:
    """Translates replies and gives their buttons tokens valid for this turn only.

    The conversation records which choice each token stands for, so a press is decided from
    stored state, and tokens of earlier messages are recognised as stale.
    """
    conversation.turn += 1
    offered: list[list[str]] = []
    remove_keyboard = conversation.contact_keyboard
    wants_contact = any(reply.request_contact for reply in replies)
    messages: list[OutMessage] = []
    for reply in replies:
        rows = []
        for choices, columns in ((reply.choices, reply.columns), (reply.footer, FOOTER_COLUMNS)):
            buttons = []
            for choice in choices:
                label = tr.render(choice.label)
                buttons.append(OutButton(f"{conversation.turn:x}.{len(offered)}", label))
                offered.append([choice.id, label])
            rows += [tuple(buttons[i : i + columns]) for i in range(0, len(buttons), columns)]
        messages.append(
            OutMessage(
                text="\n\n".join(tr.render(part) for part in reply.parts),
                buttons=tuple(rows),
                contact_label=tr("button-share-contact") if reply.request_contact else None,
                remove_keyboard=remove_keyboard and not wants_contact and not messages,
            )
        )
    conversation.offered = offered
    conversation.contact_keyboard = wants_contact or (remove_keyboard and not messages)
    return messages
