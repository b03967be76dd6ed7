"""``/pendamping``: staff give mentors their kecamatan or assign a vendor by hand; for anyone
else it is the way to write to their own mentor."""

from __future__ import annotations

from handlers import commands
from handlers.context import FlowContext
from handlers.events import CommandReceived
from handlers.mentoring import relay
from handlers.replies import Msg, msg
from models.entities import User
from models.errors import DomainError
from models.services.access import REVIEWERS


async def mentor_command(ctx: FlowContext, command: CommandReceived) -> None:
    if not await ctx.access.has(ctx.user, REVIEWERS):
        await relay.vendor_writes(ctx)
        return
    words = command.args.split(maxsplit=2)
    if (
        len(words) != 3
        or words[0].lower() not in ("wilayah", "tugaskan")
        or not words[1].isdecimal()
    ):
        ctx.say(msg("mentor-staff-usage"))
        return
    action, telegram_id, target = words[0].lower(), words[1], words[2].strip()
    mentor = await ctx.access.telegram_user(telegram_id)
    try:
        if action == "wilayah":
            await assign_area(ctx, mentor_id=telegram_id, mentor=mentor, name=target)
        else:
            await assign_vendor(ctx, mentor_id=telegram_id, mentor=mentor, vendor_id=target)
    except DomainError as error:
        ctx.say(msg("error-prefix", text=Msg(error.key, error.args_map)))


async def assign_area(ctx: FlowContext, *, mentor_id: str, mentor: User, name: str) -> None:
    wanted = name.lower()
    everywhere = (k for region in ctx.catalog.regions for k in region.kecamatan)
    kecamatan = next((k for k in everywhere if wanted in (k.code, k.name.lower())), None)
    if kecamatan is None:
        ctx.say(msg("error-prefix", text=msg("mentor-unknown-kecamatan", name=name)))
        return
    await ctx.mentoring.add_area(ctx.user, mentor, kecamatan.code)
    who = await commands.person(ctx, mentor, mentor_id)
    ctx.say(msg("mentor-area-set", user=who, kecamatan=kecamatan.name))


async def assign_vendor(ctx: FlowContext, *, mentor_id: str, mentor: User, vendor_id: str) -> None:
    vendor = await ctx.review.vendor(ctx.user, int(vendor_id)) if vendor_id.isdecimal() else None
    if vendor is None:
        ctx.say(msg("error-prefix", text=msg("review-item-missing")))
        return
    await ctx.mentoring.assign(ctx.user, vendor, mentor)
    who = await commands.person(ctx, mentor, mentor_id)
    ctx.say(msg("mentor-assigned", user=who, name=vendor.business_name or "…"))
