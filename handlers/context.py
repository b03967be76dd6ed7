"""What a flow step sees: the user, their conversation, the services, and the reply list."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any
from urllib.parse import quote
from zoneinfo import ZoneInfo

from handlers.background import Background, FollowUp
from handlers.events import Sender
from handlers.i18n import Locales
from handlers.replies import Attachment, Choice, Msg, Reply
from models.catalog import Catalog
from models.entities import ChannelIdentity, Conversation, User
from models.services.access import AccessService
from models.services.disclosure import DisclosureService
from models.services.export import ExportService
from models.services.identity import IdentityService
from models.services.mentoring import MentoringService
from models.services.products import ProductService
from models.services.registration import RegistrationService
from models.services.review import ReviewService
from models.services.rights import RightsService
from models.services.search import SearchService
from models.services.stats import StatsService
from models.units import Unit, Units
from models.uow import UnitOfWork


class Flow(StrEnum):
    REGISTRATION = "registration"
    PRODUCT = "product"
    REVIEW = "review"
    LINK = "link"
    PROXY = "proxy"
    RELAY = "relay"
    BROADCAST = "broadcast"


class ConversationStatus(StrEnum):
    """Like RapidPro sessions: waiting for an answer, left by the user, or finished."""

    WAITING = "waiting"
    INTERRUPTED = "interrupted"


@dataclass
class StartLinks:
    """Deep links that open the bot with a parameter; the Telegram adapter fills in the bot's
    username once it knows it (from the setting or from Telegram at start-up)."""

    telegram_username: str | None = None
    whatsapp_number: str | None = None
    """The bot's WhatsApp number (6281…), for ``wa.me`` links; None when not given."""

    def telegram(self, parameter: str) -> str | None:
        if self.telegram_username is None:
            return None
        return f"https://t.me/{self.telegram_username}?start={parameter}"

    def whatsapp(self, text: str) -> str | None:
        """A link that opens a chat with the bot on WhatsApp, ``text`` typed in."""
        if self.whatsapp_number is None:
            return None
        return f"https://wa.me/{self.whatsapp_number}?text={quote(text, safe='')}"


@dataclass(frozen=True, slots=True)
class BureauInfo:
    """Deployment facts shown to users (privacy notice, help)."""

    name: str
    contact: str
    retention_years: int
    timezone: ZoneInfo
    links: StartLinks = field(default_factory=lambda: StartLinks())
    target_vendors: int = 1000
    target_products: int = 10_000
    """Onboarding targets (approved vendors and products) shown to staff in the statistics."""
    staff_group: str | None = None
    """The Telegram chat id of the staff group where new submissions are announced."""
    phone: str | None = None
    """The bureau's phone or WhatsApp number for help texts, when the deployment gives one."""
    units: Units | None = None
    """The bureau units (each kabupaten/kota served, and the province); None: one bureau."""
    invitation_valid: timedelta = timedelta(days=7)
    """How long an invitation to a staff role can be taken."""

    def unit_of(self, regency_code: str | None) -> Unit:
        """The bureau a vendor of ``regency_code`` deals with (the deployment's when unknown)."""
        if self.units is None:
            return Unit("", self.name, self.contact)
        return self.units.of(regency_code)


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
    mentoring: MentoringService
    search: SearchService
    stats: StatsService
    export: ExportService
    disclosure: DisclosureService
    rights: RightsService
    catalog: Catalog
    bureau: BureauInfo
    now: datetime
    locales: Locales
    background: Background
    replies: list[Reply] = field(default_factory=list)
    outbox_queued: bool = False
    """Whether messages for other users were queued, so the channel delivers them now."""
    after_commit: list[Callable[[], None]] = field(default_factory=list)
    """Work to do only once the update is committed (removing the files of erased rows)."""
    later: list[FollowUp] = field(default_factory=list)
    """Long work whose replies follow the update's (see ``handlers/background.py``)."""

    def say(
        self,
        *parts: Msg,
        choices: list[Choice] | tuple[Choice, ...] = (),
        columns: int = 1,
        request_contact: bool = False,
        footer: list[Choice] | tuple[Choice, ...] = (),
        attachments: list[Attachment] | tuple[Attachment, ...] = (),
        actions: list[Choice] | tuple[Choice, ...] = (),
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
                tuple(actions),
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

    def remember_staff_name(self) -> None:
        """Staff and mentors' names are kept so colleagues and vendors see who wrote or decided;
        vendors' names from the channel are never taken."""
        if self.sender.display_name:
            self.user.display_name = self.sender.display_name[:100]

    @property
    def waiting(self) -> bool:
        """Whether the conversation is waiting for an answer to its current step."""
        return (
            self.conversation.flow is not None
            and self.data.get("status") == ConversationStatus.WAITING.value
        )
