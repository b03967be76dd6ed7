"""'Binaan saya': a mentor's vendors, those who need help first, and each one's progress."""

from __future__ import annotations

from handlers.context import FlowContext
from handlers.registration.summary import step_label
from handlers.replies import Choice, Msg, msg
from models.entities import Vendor
from models.services.mentoring import MENTORS, Progress

PAGE_SIZE = 8


async def show_mine(ctx: FlowContext, page: int = 1, notes: tuple[Msg, ...] = ()) -> None:
    everyone = await ctx.mentoring.my_vendors(ctx.user)
    ctx.remember_staff_name()
    if not everyone:
        ctx.say(
            *notes,
            msg("mentor-none-yet"),
            choices=[Choice("mentor.proxy", msg("button-proxy-register"))],
        )
        return
    pages = max(1, -(-len(everyone) // PAGE_SIZE))
    page = min(max(page, 1), pages)
    shown = everyone[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
    footer: list[Choice] = []
    if page > 1:
        footer.append(Choice(f"mentor.page.{page - 1}", msg("button-previous-page")))
    if page < pages:
        footer.append(Choice(f"mentor.page.{page + 1}", msg("button-next-page")))
    ctx.say(
        *notes,
        msg(
            "mentor-list-title",
            total=len(everyone),
            stuck=sum(p.stuck for p in everyone),
            page=page,
            pages=pages,
        ),
        choices=[Choice(f"mentor.open.{p.vendor.id}", entry(p)) for p in shown],
        actions=[Choice("mentor.proxy", msg("button-proxy-register"))],
        footer=footer,
    )


def entry(progress: Progress) -> Msg:
    vendor = progress.vendor
    return msg(
        "mentor-entry",
        stuck="yes" if progress.stuck else "no",
        name=vendor.business_name or vendor.owner_name or msg("mentor-unnamed"),
        answered=progress.answered,
        total=progress.total,
        days=progress.idle_days,
        status=msg(f"product-status-{vendor.status.replace('_', '-')}"),
    )


async def show_vendor(ctx: FlowContext, vendor_id: int) -> None:
    vendor = await ctx.mentoring.vendor_for(ctx.user, vendor_id)
    progress = next(
        (p for p in await ctx.mentoring.my_vendors(ctx.user) if p.vendor.id == vendor_id), None
    )
    if vendor is None or progress is None:
        await show_mine(ctx, 1, (msg("mentor-vendor-missing"),))
        return
    ctx.say(
        msg(
            "mentor-vendor-card",
            name=vendor.business_name or msg("mentor-unnamed"),
            owner=vendor.owner_name or msg("value-missing"),
            phone=masked_phone(vendor),
            status=msg(f"product-status-{vendor.status.replace('_', '-')}"),
            answered=progress.answered,
            total=progress.total,
            step=step_label(progress.step) if progress.step else msg("value-none"),
            days=progress.idle_days,
        ),
        choices=[
            Choice(f"mentor.message.{vendor.id}", msg("button-message-vendor")),
            Choice("mentor.page.1", msg("button-my-vendors")),
        ],
    )


def masked_phone(vendor: Vendor) -> Msg:
    """Enough of the number to recognise it, not to call it."""
    phone = vendor.phone
    if not phone:
        return msg("value-missing")
    return msg("label-plain", text=f"{phone[:6]}••••{phone[-3:]}")


__all__ = ["MENTORS", "show_mine", "show_vendor"]
