"""Answers 'what is my status and what do I do next', in plain words."""

from __future__ import annotations

from datetime import datetime

from babel.dates import format_date

from handlers.context import Flow, FlowContext
from handlers.registration.steps import RegistrationStep
from handlers.registration.summary import step_label
from handlers.replies import Choice, Msg, msg
from handlers.units import vendor_unit
from models.entities import Product, Vendor
from models.status import Status

MAX_FIX_BUTTONS = 3


async def describe_status(ctx: FlowContext) -> None:
    """Tells the registration and product statuses, and offers the next step."""
    vendor = await ctx.registration.vendor_of(ctx.user)
    if vendor is None:
        ctx.say(msg("status-none"), choices=[Choice("menu.register", msg("button-register"))])
        return
    await describe_registration(ctx, vendor)
    await describe_products(ctx, vendor)
    mentor = await ctx.mentoring.active_mentor_of(vendor)
    if mentor is not None:
        ctx.say(
            msg("status-mentor", name=mentor.display_name or "…"),
            choices=[Choice("menu.contact_mentor", msg("button-contact-mentor"))],
        )


async def describe_products(ctx: FlowContext, vendor: Vendor) -> None:
    """Product counts by status, and which products need the vendor's action."""
    counts = await ctx.products.counts(vendor)
    if not counts:
        if vendor.status == Status.APPROVED:
            ctx.say(
                msg("status-products-none"),
                choices=[Choice("products.add", msg("button-add-product"))],
            )
        return
    lines = [
        msg(
            "status-products-line",
            status=msg(f"product-status-{status.value.replace('_', '-')}"),
            count=counts[status],
        )
        for status in Status
        if counts.get(status)
    ]
    parts = [msg("status-products", lines=lines)]
    choices = []
    for product in (await ctx.products.needing_action(vendor))[:MAX_FIX_BUTTONS]:
        choices.append(
            Choice(f"product.open.{product.id}", msg("button-fix-product", name=product.name or ""))
        )
    if choices:
        parts.append(msg("status-products-fix", count=counts.get(Status.NEEDS_FIX, 0)))
    ready = await ctx.products.ready_drafts(vendor)
    if ready and vendor.status != Status.DRAFT:
        parts.append(msg("status-products-ready", count=len(ready)))
        choices.append(Choice("products.submit_all", msg("button-submit-all", count=len(ready))))
    choices.append(Choice("products.list", msg("button-my-products")))
    ctx.say(*parts, choices=choices)


async def describe_registration(ctx: FlowContext, vendor: Vendor) -> None:
    match Status(vendor.status):
        case Status.DRAFT:
            describe_draft(ctx, vendor)
        case Status.SUBMITTED:
            ctx.say(
                msg(
                    "status-submitted",
                    business=vendor.business_name or "",
                    bureau=(await vendor_unit(ctx, vendor)).name,
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
                    contact=(await vendor_unit(ctx, vendor)).contact,
                )
            )


def describe_draft(ctx: FlowContext, vendor: Vendor) -> None:
    draft = ctx.registration.draft(vendor)
    answered, total = draft.progress()
    missing = draft.missing()
    step = ctx.conversation.step
    if ctx.conversation.flow == Flow.REGISTRATION and step and step != RegistrationStep.SUMMARY:
        next_field = step_label(step)
    elif missing:
        next_field = msg(f"field-{missing[0].value.replace('_', '-')}")
    else:
        next_field = msg("status-next-submit")
    ctx.say(
        msg("status-draft", answered=answered, total=total, next=next_field),
        choices=[Choice("menu.register", msg("button-continue-registration"))],
    )


async def latest_note(ctx: FlowContext, subject: Vendor | Product) -> Msg:
    """The reviewer's note that put ``subject`` in its current status."""
    kind = "vendor" if isinstance(subject, Vendor) else "product"
    changes = await ctx.uow.status_changes.for_subject(kind, subject.id)
    for change in reversed(changes):
        if change.to_status == subject.status:
            return msg("label-plain", text=change.note) if change.note else msg("value-no-note")
    return msg("value-no-note")


def local_date(ctx: FlowContext, moment: datetime) -> str:
    """A date in the bureau's time zone, written the way the user's language writes it."""
    return format_date(
        moment.astimezone(ctx.bureau.timezone).date(), "long", locale=ctx.user.language
    )
