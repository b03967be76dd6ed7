"""The daily round: a digest to each mentor of vendors stuck mid-draft, and a gentle reminder to
such vendors at most once every few days. Each send is claimed in ``reminder_log`` in the same
transaction as its outbox message, so a restart never sends anything twice."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from handlers.i18n import Locales
from handlers.mentoring.mine import entry
from handlers.notify import queue_messages
from handlers.replies import Choice, Reply, msg, reply
from models.entities import Vendor
from models.schemas import RegistrationDraft
from models.services.mentoring import MentoringService, Progress
from models.status import Status
from models.uow import UnitOfWork

DIGEST_MAX_LINES = 15
DIGEST_MAX_BUTTONS = 9
"""With "Binaan saya", ten buttons: one WhatsApp list."""


async def send_due(
    uow: UnitOfWork, mentoring: MentoringService, locales: Locales, now: datetime, tz: ZoneInfo
) -> int:
    """Queues today's digests and due reminders; returns how many were queued."""
    today = now.astimezone(tz).date()
    every = max(mentoring.rules.remind_every.days, 1)
    queued = 0
    for vendor in await mentoring.vendors_to_remind():
        period = f"p{today.toordinal() // every}"
        if await mentoring.claim_send(vendor.user_id, "reminder", period):
            queued += await queue_messages(uow, locales, now, vendor.user_id, [reminder(vendor)])
    for mentor in await mentoring.mentors():
        stuck = await mentoring.stuck(mentor)
        if stuck and await mentoring.claim_send(mentor.id, "digest", today.isoformat()):
            lines = [msg("bullet", text=entry(progress)) for progress in stuck[:DIGEST_MAX_LINES]]
            digest = reply(
                msg("mentor-digest", count=len(stuck), lines=lines),
                choices=[*vendor_buttons(stuck), Choice("mentor.page.1", msg("button-my-vendors"))],
            )
            queued += await queue_messages(uow, locales, now, mentor.id, [digest])
    return queued


def vendor_buttons(stuck: list[Progress]) -> list[Choice]:
    """A button per vendor of the digest (the first few), opening their card."""
    return [
        Choice(
            f"mentor.open.{progress.vendor.id}",
            msg(
                "button-open-vendor",
                name=progress.vendor.business_name
                or progress.vendor.owner_name
                or msg("mentor-unnamed"),
            ),
        )
        for progress in stuck[:DIGEST_MAX_BUTTONS]
    ]


def reminder(vendor: Vendor) -> Reply:
    stop = Choice("reminders.off", msg("button-reminders-off"))
    if vendor.status == Status.NEEDS_FIX:
        return reply(
            msg("reminder-needs-fix", name=vendor.business_name or "…"),
            choices=[Choice("fix.vendor", msg("button-fix-now")), stop],
        )
    answered, total = RegistrationDraft.model_validate(vendor).progress()
    return reply(
        msg("reminder-draft", answered=answered, total=total),
        choices=[Choice("menu.register", msg("button-continue-registration")), stop],
    )
