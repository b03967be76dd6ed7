"""Messages to someone other than the sender (a vendor told of a review outcome).

They are rendered now, in the recipient's language and with buttons valid in the recipient's
own conversation, and written to the outbox in the same transaction as the decision; the
channel delivers them after the commit.
"""

from __future__ import annotations

from handlers.context import FlowContext
from handlers.render import render, to_payload
from handlers.replies import Reply
from models.entities import OutboxMessage


async def notify(ctx: FlowContext, user_id: int, *replies: Reply) -> bool:
    """Queues ``replies`` for a user; False when the user has no channel to reach them on."""
    recipient = await ctx.uow.users.get(user_id)
    identity = await ctx.uow.users.latest_identity(user_id)
    if recipient is None or identity is None:
        return False
    conversation = await ctx.uow.conversations.get_locked(user_id) or (
        await ctx.uow.conversations.add(user_id, ctx.now)
    )
    translator = ctx.locales.translator(recipient.language)
    for message in render(list(replies), conversation, translator, keep_current=True):
        ctx.uow.outbox.add(
            OutboxMessage(
                user_id=user_id,
                channel=identity.channel,
                address=identity.external_id,
                payload=to_payload(message),
                status="pending",
                attempts=0,
                created_at=ctx.now,
            )
        )
    ctx.outbox_queued = True
    return True
