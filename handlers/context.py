"""What a flow step sees: the user, their conversation, the services, and the reply list."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo

from handlers.events import Sender
from handlers.i18n import Locales
from handlers.replies import Attachment, Choice, Msg, Reply
from models.catalog import Catalog
from models.entities import ChannelIdentity, Conversation, User
from models.services.access import AccessService
from models.services.identity import IdentityService
from models.services.products import ProductService
from models.services.registration import RegistrationService
from models.services.review import ReviewService
from models.uow import UnitOfWork


class Flow(StrEnum):
    REGISTRATION = "registration"
    PRODUCT = "product"
    REVIEW = "review"
    LINK = "link"


class ConversationStatus(StrEnum):
    """Like RapidPro sessions: waiting for an answer, left by the user, or finished."""

    WAITING = "waiting"
    INTERRUPTED = "interrupted"


@dataclass(frozen=True, slots=True)
class BureauInfo:
    """Deployment facts shown to users (privacy notice, help)."""

    name: str
    contact: str
    retention_years: int
    timezone: ZoneInfo


@dataclass
class FlowContext:
    """One incoming event being handled, inside one unit of work."""

    uow: UnitOfWork
    sender: Sender
    identity: ChannelIdentity
    identities: IdentityService
    user: User
    conversation: Conversation
    registration: RegistrationService
    products: ProductService
    access: AccessService
    review: ReviewService
    catalog: Catalog
    bureau: BureauInfo
    now: datetime
    locales: Locales
    replies: list[Reply] = field(default_factory=list)
    outbox_queued: bool = False
    """Whether messages for other users were queued, so the channel delivers them now."""

    def say(
        self,
        *parts: Msg,
        choices: list[Choice] | tuple[Choice, ...] = (),
        columns: int = 1,
        request_contact: bool = False,
        footer: list[Choice] | tuple[Choice, ...] = (),
        attachments: list[Attachment] | tuple[Attachment, ...] = (),
    ) -> None:
        """Queues one message for the user."""
        self.replies.append(
            Reply(
                tuple(parts),
                tuple(choices),
                columns,
                request_contact,
                tuple(footer),
                tuple(attachments),
            )
        )

    @property
    def data(self) -> dict[str, Any]:
        """Scratch data of the current flow (pending answers, edit mode), stored as JSON."""
        return self.conversation.data

    def set_data(self, **values: Any) -> None:
        """Updates scratch data; reassigns the dict so the JSON column is saved."""
        self.conversation.data = {**self.conversation.data, **values}

    def enter(self, flow: Flow, step: str) -> None:
        """Makes ``step`` of ``flow`` the question waiting for an answer."""
        if self.conversation.flow != flow.value:
            self.conversation.data = {}
        self.conversation.flow = flow.value
        self.conversation.step = step
        self.set_data(status=ConversationStatus.WAITING.value)

    def interrupt(self) -> None:
        """The user left the flow; the step is kept so they can resume exactly there."""
        self.set_data(status=ConversationStatus.INTERRUPTED.value)

    def finish(self) -> None:
        self.conversation.flow = None
        self.conversation.step = None
        self.conversation.data = {}

    @property
    def waiting(self) -> bool:
        """Whether the conversation is waiting for an answer to its current step."""
        return (
            self.conversation.flow is not None
            and self.data.get("status") == ConversationStatus.WAITING.value
        )
