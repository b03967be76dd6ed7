"""'I started on the other channel': joins this account to the registration started there.

The user shares their own number (Telegram's share-my-contact, or WhatsApp's verified number);
when another channel verified the same number recently, and this account holds nothing yet,
both accounts become one person and the draft continues here exactly where it stopped.
"""

from __future__ import annotations

from handlers import menu
from handlers.context import Flow, FlowContext
from handlers.events import ChoiceMade, ContactShared
from handlers.forms import FormInput
from handlers.replies import Choice, Msg, msg


def start(ctx: FlowContext, notes: tuple[Msg, ...] = ()) -> None:
    ctx.enter(Flow.LINK, "contact")
    ctx.say(
        *notes,
        msg("link-ask"),
        request_contact=True,
        choices=[Choice("link.cancel", msg("button-cancel"))],
    )


async def handle(ctx: FlowContext, event: FormInput) -> None:
    match event:
        case ContactShared(phone=phone, is_own=True):
            await link(ctx, phone)
        case ChoiceMade(choice_id="link.cancel"):
            ctx.finish()
            await menu.main_menu(ctx)
        case _:
            start(ctx, (msg("error-prefix", text=msg("link-own-number")),))


async def link(ctx: FlowContext, phone: str) -> None:
    ctx.finish()
    number = ctx.identities.verify_own_contact(ctx.identity, phone)
    owner = await ctx.identities.owner_of(number, ctx.sender.channel) if number else None
    if owner is None or owner.id == ctx.user.id:
        ctx.say(msg("link-none"), choices=[Choice("menu.register", msg("button-register"))])
        return
    if await ctx.registration.vendor_of(ctx.user) is not None:
        ctx.say(msg("link-conflict", contact=ctx.bureau.contact))
        return
    await ctx.identities.move_to(ctx.identity, owner)
    ctx.user = owner
    ctx.conversation = await ctx.uow.conversations.get_locked(owner.id) or (
        await ctx.uow.conversations.add(owner.id, ctx.now)
    )
    ctx.say(msg("link-done"))
    await menu.start(ctx)
