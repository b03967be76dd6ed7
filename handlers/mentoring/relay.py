"""Messages between a vendor and their mentor, relayed by the bot: neither sees the other's
number unless they write it themselves."""

from __future__ import annotations

from handlers.context import Flow, FlowContext
from handlers.events import ChoiceMade, TextReceived
from handlers.forms import FormInput
from handlers.notify import notify
from handlers.replies import Choice, msg, reply

MESSAGE_MAX = 1000


async def vendor_writes(ctx: FlowContext) -> None:
    vendor = await ctx.registration.vendor_of(ctx.user)
    mentor = await ctx.mentoring.active_mentor_of(vendor) if vendor else None
    if mentor is None:
        ctx.say(msg("relay-no-mentor"))
        return
    ask(ctx, "to_mentor", None, mentor.display_name or "…")


async def mentor_writes(ctx: FlowContext, vendor_id: int) -> None:
    vendor = await ctx.mentoring.vendor_for(ctx.user, vendor_id)
    if vendor is None:
        ctx.say(msg("mentor-vendor-missing"))
        return
    ctx.remember_staff_name()
    name = vendor.business_name or vendor.owner_name or "…"
    if not await ctx.mentoring.reachable(vendor):  # said before anything is typed
        ctx.say(
            msg("relay-not-claimed", name=name),
            choices=[
                Choice(f"mentor.open.{vendor.id}", msg("button-open-draft")),
                Choice("mentor.page.1", msg("button-my-vendors")),
            ],
        )
        return
    ask(ctx, "to_vendor", vendor.id, name)


def ask(ctx: FlowContext, step: str, vendor_id: int | None, name: str) -> None:
    ctx.finish()
    ctx.enter(Flow.RELAY, step)
    ctx.set_data(vendor_id=vendor_id, name=name)
    ctx.say(
        msg(f"relay-ask-{step.replace('_', '-')}", name=name),
        choices=[Choice("relay.cancel", msg("button-cancel"))],
    )


async def handle(ctx: FlowContext, event: FormInput) -> None:
    match event:
        case TextReceived(text=text) if text.strip():
            await send(ctx, " ".join(text.split())[:MESSAGE_MAX])
        case ChoiceMade(choice_id="relay.cancel"):
            ctx.finish()
            ctx.say(msg("relay-cancelled"))
        case _:
            ctx.say(msg("error-prefix", text=msg("relay-text-only")))


async def send(ctx: FlowContext, text: str) -> None:
    step, vendor_id = ctx.conversation.step, ctx.data.get("vendor_id")
    ctx.finish()
    if step == "to_vendor" and isinstance(vendor_id, int):
        vendor = await ctx.mentoring.vendor_for(ctx.user, vendor_id)
        if vendor is None:
            ctx.say(msg("mentor-vendor-missing"), msg("relay-kept", text=text))
            return
        sent = await notify(
            ctx,
            vendor.user_id,
            reply(
                msg("relay-from-mentor", name=ctx.user.display_name or "…", text=text),
                choices=[Choice("menu.contact_mentor", msg("button-reply"))],
            ),
        )
    else:
        vendor = await ctx.registration.vendor_of(ctx.user)
        mentor = await ctx.mentoring.active_mentor_of(vendor) if vendor else None
        if vendor is None or mentor is None:
            ctx.say(msg("relay-no-mentor"), msg("relay-kept", text=text))
            return
        sent = await notify(
            ctx,
            mentor.id,
            reply(
                msg(
                    "relay-from-vendor",
                    name=vendor.business_name or vendor.owner_name or "…",
                    text=text,
                ),
                choices=[Choice(f"mentor.message.{vendor.id}", msg("button-reply"))],
            ),
        )
    if sent:
        ctx.say(msg("relay-sent"))
    else:  # nothing typed is lost: the message comes back to be copied
        ctx.say(msg("relay-unreachable"), msg("relay-kept", text=text))
