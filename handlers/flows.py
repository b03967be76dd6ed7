"""Which flow a conversation is in, and how to pass it an answer or ask its question again."""

from __future__ import annotations

from handlers import broadcast, link, rights
from handlers.context import Flow, FlowContext
from handlers.events import ChoiceMade, TextReceived
from handlers.forms import FormInput
from handlers.mentoring import proxy, relay
from handlers.products import form as product_form
from handlers.registration import flow as registration
from handlers.replies import msg
from handlers.review import decide as review_decision


async def handle(ctx: FlowContext, event: FormInput) -> None:
    """Gives the answer to the flow waiting for it."""
    if await rights.consent_withdrawn(ctx):
        rights.ask_consent_again(ctx)
        return
    match ctx.conversation.flow:
        case Flow.PRODUCT:
            await product_form.FORM.handle(ctx, event)
        case Flow.REVIEW if isinstance(event, ChoiceMade | TextReceived):
            await review_decision.handle(ctx, event)
        case Flow.REVIEW:
            review_decision.ask(ctx, (msg("error-prefix", text=msg("error-use-buttons")),))
        case Flow.LINK:
            await link.handle(ctx, event)
        case Flow.PROXY:
            await proxy.FORM.handle(ctx, event)
        case Flow.RELAY:
            await relay.handle(ctx, event)
        case Flow.BROADCAST:
            await broadcast.handle(ctx, event)
        case _:
            await registration.handle(ctx, event)


async def resume(ctx: FlowContext) -> None:
    """Asks the current question of the conversation's flow again."""
    match ctx.conversation.flow:
        case Flow.PRODUCT:
            await product_form.FORM.resume(ctx)
        case Flow.REVIEW:
            review_decision.ask(ctx)
        case Flow.LINK:
            link.start(ctx)
        case Flow.PROXY:
            await proxy.FORM.resume(ctx)
        case Flow.RELAY:
            ctx.finish()
            ctx.say(msg("relay-cancelled"))
        case Flow.BROADCAST:
            await broadcast.resume(ctx)
        case _:
            await registration.start(ctx)
