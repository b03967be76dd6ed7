"""Messages to someone other than the sender (a vendor told of a review outcome).

They are rendered now, in the recipient's language and with buttons valid in the recipient's
own conversation, and written to the outbox in the same transaction as the decision; the
channel delivers them after the commit.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from handlers.context import FlowContext
from handlers.i18n import Locales
from handlers.render import render, to_payload
from handlers.replies import Reply
from models.uow import UnitOfWork


async def notify(ctx: FlowContext, user_id: int, *replies: Reply) -> bool:
    """Queues ``replies`` for a user; False when the user has no channel to reach them on."""
    queued = await queue_messages(ctx.uow, ctx.locales, ctx.now, user_id, replies)
    ctx.outbox_queued = ctx.outbox_queued or queued
    return queued


async def queue_messages(
    uow: UnitOfWork, locales: Locales, now: datetime, user_id: int, replies: Sequence[Reply]
) -> bool:
    """Renders ``replies`` for a user and writes them to the outbox of the current transaction."""
    recipient = await uow.users.get(user_id)
    identity = await uow.users.latest_identity(user_id)
    if recipient is None or identity is None:
        return False
    conversation = await uow.conversations.get_locked(user_id) or (
        await uow.conversations.add(user_id, now)
    )
    translator = locales.translator(recipient.language)
    for message in render(list(replies), conversation, translator, keep_current=True):
        uow.outbox.queue(
            user_id=user_id,
            channel=identity.channel,
            address=identity.external_id,
            payload=to_payload(message),
            now=now,
        )
    return True
