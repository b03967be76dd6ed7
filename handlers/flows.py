"""Which flow a conversation is in, and how to pass it an answer or ask its question again."""

from __future__ import annotations

from handlers.context import Flow, FlowContext
from handlers.forms import FormInput
from handlers.products import form as product_form
from handlers.registration import flow as registration


async def handle(ctx: FlowContext, event: FormInput) -> None:
    """Gives the answer to the flow waiting for it."""
    if ctx.conversation.flow == Flow.PRODUCT:
        await product_form.FORM.handle(ctx, event)
    else:
        await registration.handle(ctx, event)


async def resume(ctx: FlowContext) -> None:
    """Asks the current question of the conversation's flow again."""
    if ctx.conversation.flow == Flow.PRODUCT:
        await product_form.FORM.resume(ctx)
    else:
        await registration.start(ctx)
