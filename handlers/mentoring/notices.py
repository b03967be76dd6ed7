"""Mentors are told when one of their vendors moves on: claims the draft filled in for them,
submits it, is asked for fixes, or is approved (or rejected). Queued through the outbox, with a
button that opens the vendor in "Binaan saya"."""

from __future__ import annotations

from handlers.context import FlowContext
from handlers.notify import notify
from handlers.replies import Choice, msg, reply
from models.entities import Vendor
from models.status import Status

EVENTS = frozenset(
    {"claimed", Status.SUBMITTED.value, Status.NEEDS_FIX.value, Status.APPROVED.value,
     Status.REJECTED.value}
)  # fmt: skip


async def tell_mentor(ctx: FlowContext, vendor: Vendor, event: str) -> None:
    """Queues a notice to the vendor's mentor, if they have one still holding the role."""
    mentor = await ctx.mentoring.active_mentor_of(vendor)
    if mentor is None or mentor.id == ctx.user.id or event not in EVENTS:
        return
    name = vendor.business_name or vendor.owner_name or "…"
    await notify(
        ctx,
        mentor.id,
        reply(
            msg("mentor-notice", event=event, name=name),
            choices=[Choice(f"mentor.open.{vendor.id}", msg("button-open-vendor", name=name))],
        ),
    )
