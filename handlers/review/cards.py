"""What a reviewer sees: the queue, and a card per submission with what to check."""

from __future__ import annotations

from handlers.context import FlowContext
from handlers.products.card import photo_attachments, product_lines
from handlers.registration.summary import summary_lines
from handlers.replies import Choice, Msg, msg
from handlers.units import unit_name
from models.entities import Product, Vendor
from models.services.disclosure import SensitiveField
from models.services.review import Flag, Kind, QueueEntry
from models.status import Status


async def show_queue(
    ctx: FlowContext, page: int = 1, notes: tuple[Msg, ...] = (), unit: str | None = None
) -> None:
    """A page of the review queue: of the reviewer's units, or of ``unit``."""
    queue = await ctx.review.queue(ctx.user, page, unit)
    of_unit = [msg("review-queue-unit", unit=unit_name(ctx, unit))] if unit else []
    if not queue.entries:
        ctx.say(*notes, *of_unit, msg("review-queue-empty"))
        return
    choices = [Choice(f"review.open.{e.kind}.{e.id}", entry_label(ctx, e)) for e in queue.entries]
    footer = []
    suffix = f".{unit.replace('.', '-')}" if unit else ""
    if queue.page > 1:
        footer.append(Choice(f"review.page.{queue.page - 1}{suffix}", msg("button-previous-page")))
    if queue.page < queue.pages:
        footer.append(Choice(f"review.page.{queue.page + 1}{suffix}", msg("button-next-page")))
    ctx.say(
        *notes,
        *of_unit,
        msg(
            "review-queue-title",
            vendors=queue.vendors,
            products=queue.products,
            page=queue.page,
            pages=queue.pages,
        ),
        choices=choices,
        footer=footer,
    )


def entry_label(ctx: FlowContext, entry: QueueEntry) -> Msg:
    days = max((ctx.now - entry.submitted_at).days, 0)
    if entry.kind == "vendor":
        return msg("review-entry-vendor", name=entry.title, days=days)
    return msg("review-entry-product", name=entry.title, vendor=entry.vendor_name, days=days)


async def show_item(
    ctx: FlowContext, kind: Kind, item_id: int, notes: tuple[Msg, ...] = ()
) -> None:
    if kind == "vendor":
        vendor = await ctx.review.vendor(ctx.user, item_id)
        if vendor is not None:
            await vendor_card(ctx, vendor, notes)
            return
    else:
        found = await ctx.review.product(ctx.user, item_id)
        if found is not None:
            await product_card(ctx, *found, notes=notes)
            return
    await show_queue(ctx, 1, (msg("review-item-missing"),))


async def vendor_card(
    ctx: FlowContext,
    vendor: Vendor,
    notes: tuple[Msg, ...] = (),
    revealed: frozenset[SensitiveField] = frozenset(),
) -> None:
    """The registration with its NIK and NPWP masked, except one the reviewer chose to see."""
    flags = await ctx.review.vendor_flags(vendor)
    ctx.say(
        *notes,
        msg(
            "review-vendor-title",
            id=vendor.id,
            name=vendor.business_name or "…",
            status=status_of(vendor),
        ),
        msg("summary-lines", lines=summary_lines(ctx, vendor, set(SensitiveField) - revealed)),
        *flag_lines(flags),
        choices=decision_choices(vendor, "vendor") + reveal_choices(vendor, revealed),
        columns=2,
    )


async def product_card(
    ctx: FlowContext, product: Product, vendor: Vendor, notes: tuple[Msg, ...] = ()
) -> None:
    flags = await ctx.review.product_flags(product)
    photos = photo_attachments(product)
    ctx.say(
        *notes,
        msg(
            "review-product-title",
            name=product.name or "…",
            vendor=vendor.business_name or "…",
            status=status_of(product),
        ),
        msg("summary-lines", lines=product_lines(ctx, product)),
        *flag_lines(flags),
        choices=decision_choices(product, "product"),
        columns=2,
        attachments=photos,
    )


def status_of(item: Vendor | Product) -> Msg:
    return msg(f"product-status-{item.status.replace('_', '-')}")


def flag_lines(flags: list[Flag]) -> list[Msg]:
    if not flags:
        return [msg("review-no-flags")]
    lines = [msg(f"review-flag-{flag.key}", **flag.args) for flag in flags]
    return [msg("review-flags", lines=lines)]


def decision_choices(item: Vendor | Product, kind: Kind) -> list[Choice]:
    ref = f"{kind}.{item.id}"
    choices = []
    if item.status == Status.SUBMITTED:
        choices = [
            Choice(f"review.approve.{ref}", msg("button-review-approve")),
            Choice(f"review.fix.{ref}", msg("button-review-fix")),
            Choice(f"review.reject.{ref}", msg("button-review-reject")),
        ]
    choices += [
        Choice(f"review.history.{ref}", msg("button-review-history")),
        Choice("review.page.1", msg("button-review-queue")),
    ]
    return choices


def reveal_choices(vendor: Vendor, revealed: frozenset[SensitiveField]) -> list[Choice]:
    """A button per masked number ("Tampilkan NIK"); showing it in full is recorded."""
    return [
        Choice(f"review.reveal-{field}.vendor.{vendor.id}", msg(f"button-reveal-{field}"))
        for field in SensitiveField
        if getattr(vendor, field.value) and field not in revealed
    ]
