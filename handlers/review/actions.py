"""Staff buttons and commands of the review: ``review.*`` presses, ``/antrian``, ``/peran``."""

from __future__ import annotations

from typing import cast

from babel.dates import format_datetime

from handlers import commands
from handlers.context import Flow, FlowContext
from handlers.events import ChoiceMade, CommandReceived
from handlers.replies import Choice, Msg, msg, reply
from handlers.review import decide, invitations
from handlers.review.cards import show_item, show_queue
from handlers.review.reveal import reveal, reveal_history
from handlers.units import parse_unit, unit_name
from models.entities import User
from models.errors import DomainError, InvalidInput
from models.services.access import REVIEWERS, Role, StaffMember
from models.services.disclosure import SensitiveField
from models.services.review import Kind
from models.status import Status

KINDS = ("vendor", "product")
ROLE_NAMES = {
    "superadmin": Role.SUPERADMIN,
    "verifikator": Role.REVIEWER,
    "reviewer": Role.REVIEWER,
    "pendamping": Role.MENTOR,
    "mentor": Role.MENTOR,
}


async def on_choice(ctx: FlowContext, choice: str) -> None:
    """Every ``review.*`` press; the role is checked before anything else."""
    await ctx.access.require(ctx.user, REVIEWERS)
    ctx.remember_staff_name()
    match choice.split("."):
        case ["review", "page", page] if page.isdecimal():
            await show_queue(ctx, int(page))
        case ["review", "page", page, unit] if page.isdecimal():
            await show_queue(ctx, int(page), unit=unit.replace("-", "."))
        case ["review", action, kind, number] if kind in KINDS and number.isdecimal():
            await on_item(ctx, action, cast(Kind, kind), int(number))
        case _ if ctx.conversation.flow == Flow.REVIEW:
            await decide.handle(ctx, ChoiceMade(choice))
        case _:
            await show_queue(ctx)


async def on_item(ctx: FlowContext, action: str, kind: Kind, item_id: int) -> None:
    match action:
        case "open":
            await show_item(ctx, kind, item_id)
        case "approve":
            ctx.say(
                msg("review-approve-confirm"),
                choices=[
                    Choice(f"review.approveyes.{kind}.{item_id}", msg("button-review-approve-yes")),
                    Choice(f"review.open.{kind}.{item_id}", msg("button-cancel")),
                ],
            )
        case "approveyes":
            await decide.decide(ctx, kind, item_id, Status.APPROVED)
        case "fix":
            decide.start(ctx, kind, item_id, Status.NEEDS_FIX)
        case "reject":
            decide.start(ctx, kind, item_id, Status.REJECTED)
        case "history":
            await show_history(ctx, kind, item_id)
        case "reveal-nik" | "reveal-npwp" if kind == "vendor":
            await reveal(ctx, item_id, SensitiveField(action.removeprefix("reveal-")))
        case _:
            await show_item(ctx, kind, item_id)


async def show_history(ctx: FlowContext, kind: Kind, item_id: int) -> None:
    entries = await ctx.review.history(ctx.user, kind, item_id)
    lines = [
        msg(
            "review-history-line",
            when=format_datetime(
                entry.change.created_at.astimezone(ctx.bureau.timezone),
                "d MMM yyyy HH:mm",
                locale=ctx.user.language,
            ),
            status=msg(f"product-status-{entry.change.to_status.replace('_', '-')}"),
            by=entry.actor_name or msg("review-history-vendor"),
            note=history_note(entry.change.reason, entry.change.note),
        )
        for entry in entries
    ]
    ctx.say(
        msg("review-history", lines=lines or [msg("value-none")]),
        *(await reveal_history(ctx, item_id) if kind == "vendor" else []),
        choices=[Choice(f"review.open.{kind}.{item_id}", msg("button-back"))],
    )


def history_note(reason: str | None, note: str | None) -> Msg:
    parts = ([msg(f"reason-{reason}")] if reason else []) + (
        [msg("label-plain", text=note)] if note else []
    )
    return msg("review-history-note", text=parts) if parts else msg("label-plain", text="")


async def queue_command(ctx: FlowContext, command: CommandReceived) -> None:
    """``/antrian`` (a provincial reviewer may add a unit: ``/antrian kota malang``)."""
    await ctx.access.require(ctx.user, REVIEWERS)
    ctx.remember_staff_name()
    try:
        await show_queue(ctx, unit=parse_unit(ctx, command.args))
    except InvalidInput as error:
        ctx.say(msg("error-prefix", text=Msg(error.key, error.args_map)))


async def role_command(ctx: FlowContext, command: CommandReceived) -> None:
    """``/peran tambah|cabut <telegram id> <role> [unit]``, or as a reply to a forwarded message;
    a superadmin of one unit gives roles of that unit without naming it."""
    await ctx.access.require(ctx.user, {Role.SUPERADMIN})
    ctx.remember_staff_name()
    words = command.args.lower().split()
    if words[:1] in (["undangan"], ["invitations"]):
        await invitations.list_open(ctx)
        return
    if words[:1] in (["undang"], ["invite"]):
        role = ROLE_NAMES.get(words[1]) if len(words) > 1 else None
        if role is None:
            ctx.say(msg("invite-usage"))
        else:
            await invitations.invite(ctx, role, " ".join(words[2:]))
        return
    target_id = command.about_user
    if target_id is None and len(words) >= 3 and words[1].lstrip("+").isdecimal():
        target_id = words.pop(1)  # a Telegram id, or a WhatsApp number as /peran lists it
    if not words and target_id is None:
        await list_staff(ctx)
        return
    if len(words) < 2 or words[0] not in ("tambah", "cabut", "add", "remove") or target_id is None:
        ctx.say(msg("role-usage"))
        return
    role = ROLE_NAMES.get(words[1])
    if role is None:
        ctx.say(msg("role-usage"))
        return
    granted = words[0] in ("tambah", "add")
    try:
        if target_id.startswith("+"):
            target = await ctx.access.whatsapp_user(target_id)
        else:
            target = await ctx.access.telegram_user(target_id)
        unit = parse_unit(ctx, " ".join(words[2:]))
        if unit is None and len(words) == 2:
            unit = await ctx.access.unit_of_staff(ctx.user, {Role.SUPERADMIN})
        if granted:
            await ctx.access.grant(ctx.user, target, role, unit)
        else:
            await ctx.access.revoke(ctx.user, target, role, unit)
    except DomainError as error:
        ctx.say(msg("error-prefix", text=Msg(error.key, error.args_map)))
        return
    if granted and command.about_name and not target.display_name:
        target.display_name = command.about_name[:100]  # staff now: colleagues see the name
    who = await commands.person(ctx, target, target_id)
    action = "granted" if granted else "revoked"
    ctx.say(msg("role-changed", action=action, role=role.value, user=who))
    if unit is not None:
        ctx.say(msg("role-unit", unit=unit_name(ctx, unit)))
    await tell_role_change(ctx, target, role, granted=granted)


async def tell_role_change(ctx: FlowContext, target: User, role: Role, *, granted: bool) -> None:
    """The person is told, and their chat's command menu follows their roles."""
    tools = commands.staff_buttons(await ctx.access.roles(target))
    notice = reply(
        msg("role-you-granted" if granted else "role-you-revoked", role=role.value),
        choices=tools or [Choice("menu.main", msg("button-main-menu"))],
    )
    if target.id == ctx.user.id:  # one's own chat: at once
        ctx.replies.append(notice)
        await commands.set_own_menu(ctx)
    else:
        await commands.send_menu_to(ctx, target, notice)


def staff_line(ctx: FlowContext, member: StaffMember) -> Msg:
    user = member.telegram_id or msg("role-staff-whatsapp", number=member.whatsapp or "…")
    name, role = member.name or "…", member.role.value
    if member.unit is None:
        return msg("role-staff-line", user=user, name=name, role=role)
    unit = unit_name(ctx, member.unit)
    return msg("role-staff-line-unit", user=user, name=name, role=role, unit=unit)


async def list_staff(ctx: FlowContext) -> None:
    lines = [staff_line(ctx, member) for member in await ctx.access.staff(ctx.user)]
    ctx.say(msg("role-staff", lines=lines or [msg("value-none")]), msg("role-usage"))
