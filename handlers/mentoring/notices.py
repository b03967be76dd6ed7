"""Mentors are told when one of their vendors moves on: claims the draft filled in for them,
submits it, is asked for fixes, or is approved (or rejected), a product of theirs included; and
when a vendor moves to a kabupaten/kota outside their unit, and so to a mentor there. Queued
through the outbox, with a button that opens the vendor in "Binaan saya"."""

from __future__ import annotations

from handlers.context import FlowContext
from handlers.notify import notify
from handlers.replies import Choice, msg, reply
from models.entities import Product, User, Vendor
from models.status import Status

EVENTS = frozenset(
    {"claimed", Status.SUBMITTED.value, Status.NEEDS_FIX.value, Status.APPROVED.value,
     Status.REJECTED.value}
)  # fmt: skip
PRODUCT_EVENTS = frozenset({Status.NEEDS_FIX.value, Status.APPROVED.value, Status.REJECTED.value})


async def tell_mentor(
    ctx: FlowContext, vendor: Vendor, event: str, product: Product | None = None
) -> None:
    """Queues a notice to the vendor's mentor, if they have one still holding the role; with
    ``product``, the event is a decision on that product."""
    mentor = await ctx.mentoring.active_mentor_of(vendor)
    events = EVENTS if product is None else PRODUCT_EVENTS
    if mentor is None or mentor.id == ctx.user.id or event not in events:
        return
    name = vendor.business_name or vendor.owner_name or "…"
    if product is None:
        text = msg("mentor-notice", event=event, name=name)
    else:
        text = msg("mentor-product-notice", event=event, name=name, product=product.name or "…")
    button = Choice(f"mentor.open.{vendor.id}", msg("button-open-vendor", name=name))
    await notify(ctx, mentor.id, reply(text, choices=[button]))


async def follow_unit(ctx: FlowContext, vendor: Vendor) -> None:
    """The vendor named a kabupaten/kota outside their mentor's unit: that mentor lets go and is
    told so (a mentor of the new place is then found by kecamatan)."""
    previous: User | None = await ctx.mentoring.follow_unit(vendor)
    if previous is None or previous.id == ctx.user.id:
        return
    name = vendor.business_name or vendor.owner_name or "…"
    place = ctx.catalog.place_name(vendor.regency_code) or "…"
    await notify(ctx, previous.id, reply(msg("mentor-vendor-moved", name=name, place=place)))
