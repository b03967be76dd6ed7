"""'Binaan saya': a mentor's vendors, those who need help first, and each one's progress."""

from __future__ import annotations

from handlers.context import Flow, FlowContext
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
        *drafts_note(everyone),
        choices=[Choice(f"mentor.open.{p.vendor.id}", entry(p)) for p in shown],
        actions=[Choice("mentor.proxy", msg("button-proxy-register"))],
        footer=footer,
    )


def drafts_note(everyone: list[Progress]) -> list[Msg]:
    drafts = sum(progress.in_progress for progress in everyone)
    return [msg("mentor-drafts-note", count=drafts)] if drafts else []


def entry(progress: Progress) -> Msg:
    vendor = progress.vendor
    if progress.in_progress:
        return msg(
            "mentor-draft-entry",
            name=vendor.business_name or vendor.owner_name or msg("mentor-unnamed"),
            answered=progress.answered,
            total=progress.total,
            days=progress.idle_days,
        )
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
    if progress.in_progress:
        await show_draft(ctx, progress)
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


async def show_draft(ctx: FlowContext, progress: Progress) -> None:
    """A draft the mentor fills in: continue it, give its owner the link, or delete it."""
    vendor = progress.vendor
    linked = await ctx.mentoring.has_claim_link(vendor)
    ctx.say(
        msg(
            "mentor-draft-card",
            name=vendor.business_name or msg("mentor-unnamed"),
            owner=vendor.owner_name or msg("value-missing"),
            answered=progress.answered,
            total=progress.total,
            days=progress.idle_days,
            linked="yes" if linked else "no",
        ),
        choices=[
            Choice(f"mentor.proxyopen.{vendor.id}", msg("button-proxy-continue")),
            Choice(
                f"mentor.relink.{vendor.id}",
                msg("button-proxy-relink" if linked else "button-proxy-link"),
            ),
            Choice(f"mentor.delete.{vendor.id}", msg("button-proxy-delete")),
            Choice("mentor.page.1", msg("button-my-vendors")),
        ],
    )


async def confirm_delete(ctx: FlowContext, vendor_id: int) -> None:
    """Deleting a draft loses what was typed: asked once more."""
    vendor = await ctx.mentoring.proxy_draft(ctx.user, vendor_id)
    if vendor is None:
        await show_mine(ctx, 1, (msg("proxy-closed"),))
        return
    ctx.say(
        msg("proxy-delete-confirm", name=vendor.business_name or msg("mentor-unnamed")),
        choices=[
            Choice(f"mentor.deleteyes.{vendor.id}", msg("button-proxy-delete-yes")),
            Choice(f"mentor.open.{vendor.id}", msg("button-cancel")),
        ],
    )


async def delete_draft(ctx: FlowContext, vendor_id: int) -> None:
    if ctx.conversation.flow == Flow.PROXY and ctx.data.get("vendor_id") == vendor_id:
        ctx.finish()
    deleted = await ctx.mentoring.delete_proxy_draft(ctx.user, vendor_id)
    await show_mine(ctx, 1, (msg("proxy-deleted" if deleted else "proxy-closed"),))


def masked_phone(vendor: Vendor) -> Msg:
    """Enough of the number to recognise it, not to call it."""
    phone = vendor.phone
    if not phone:
        return msg("value-missing")
    return msg("label-plain", text=f"{phone[:6]}••••{phone[-3:]}")


__all__ = ["MENTORS", "confirm_delete", "delete_draft", "show_mine", "show_vendor"]
