"""A reviewer asks to see a masked NIK or NPWP in full; the service records who saw what."""

from __future__ import annotations

from babel.dates import format_datetime

from handlers.context import FlowContext
from handlers.replies import Msg, msg
from handlers.review.cards import show_queue, vendor_card
from models.services.disclosure import SensitiveField


async def reveal(ctx: FlowContext, vendor_id: int, field: SensitiveField) -> None:
    """Shows the card again with ``field`` in full, saying that the access is recorded."""
    vendor = await ctx.disclosure.reveal(ctx.user, vendor_id, field)
    if vendor is None:
        await show_queue(ctx, 1, (msg("review-item-missing"),))
        return
    notes = (msg("security-revealed", field=msg(f"field-{field}")),)
    await vendor_card(ctx, vendor, notes, revealed=frozenset({field}))


async def reveal_history(ctx: FlowContext, vendor_id: int) -> list[Msg]:
    """The recorded reveals of the vendor's numbers, for the item's history (none: nothing)."""
    entries = await ctx.disclosure.reveals(ctx.user, vendor_id)
    lines = [
        msg(
            "security-reveal-line",
            when=format_datetime(
                entry.revealed_at.astimezone(ctx.bureau.timezone),
                "d MMM yyyy HH:mm",
                locale=ctx.user.language,
            ),
            field=msg(f"field-{entry.field}"),
            by=entry.actor_name or "?",
        )
        for entry in entries
    ]
    return [msg("security-reveals", lines=lines)] if lines else []
