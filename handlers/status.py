"""Answers 'what is my status and what do I do next', in plain words."""

from __future__ import annotations

from datetime import datetime

from babel.dates import format_date

from handlers.context import FlowContext
from handlers.replies import Choice, Msg, msg
from models.entities import Vendor
from models.status import Status


async def describe_status(ctx: FlowContext) -> None:
    """Tells the registration status and offers the next step."""
    vendor = await ctx.registration.vendor_of(ctx.user)
    if vendor is None:
        ctx.say(msg("status-none"), choices=[Choice("menu.register", msg("button-register"))])
        return
    match Status(vendor.status):
        case Status.DRAFT:
            describe_draft(ctx, vendor)
        case Status.SUBMITTED:
            ctx.say(
                msg(
                    "status-submitted",
                    business=vendor.business_name or "",
                    bureau=ctx.bureau.name,
                    date=local_date(ctx, vendor.submitted_at or ctx.now),
                )
            )
        case Status.NEEDS_FIX:
            ctx.say(
                msg("status-needs-fix", note=await latest_note(ctx, vendor)),
                choices=[Choice("menu.register", msg("button-fix-registration"))],
            )
        case Status.APPROVED:
            ctx.say(msg("status-approved", business=vendor.business_name or ""))
        case Status.REJECTED:
            ctx.say(
                msg(
                    "status-rejected",
                    note=await latest_note(ctx, vendor),
                    contact=ctx.bureau.contact,
                )
            )


def describe_draft(ctx: FlowContext, vendor: Vendor) -> None:
    draft = ctx.registration.draft(vendor)
    answered, total = draft.progress()
    missing = draft.missing()
    next_field: Msg = (
        msg(f"field-{missing[0].value.replace('_', '-')}") if missing else msg("status-next-submit")
    )
    ctx.say(
        msg("status-draft", answered=answered, total=total, next=next_field),
        choices=[Choice("menu.register", msg("button-continue-registration"))],
    )


async def latest_note(ctx: FlowContext, vendor: Vendor) -> Msg:
    changes = await ctx.uow.status_changes.for_subject("vendor", vendor.id)
    for change in reversed(changes):
        if change.to_status == vendor.status:
            return msg("label-plain", text=change.note) if change.note else msg("value-no-note")
    return msg("value-no-note")


def local_date(ctx: FlowContext, moment: datetime) -> str:
    """A date in the bureau's time zone, written the way the user's language writes it."""
    return format_date(
        moment.astimezone(ctx.bureau.timezone).date(), "long", locale=ctx.user.language
    )
