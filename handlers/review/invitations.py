"""Staff invited by link: ``/peran undang <role> [unit]`` answers with a Telegram deep link, a QR
code and a WhatsApp ``wa.me`` link; whoever opens one confirms and gets the role, and the inviter
is told who took it. ``/peran undangan`` lists the open invitations, each with a button to
withdraw it."""

from __future__ import annotations

from handlers import commands
from handlers.context import FlowContext
from handlers.notify import notify
from handlers.qr import qr_png
from handlers.replies import Attachment, Choice, Msg, msg, reply
from handlers.status import local_date
from handlers.units import parse_unit, unit_name
from models.entities import RoleInvitation
from models.errors import DomainError
from models.services.access import Role
from models.services.invitations import InvitationService

INVITE_PREFIX = "i-"
"""``/start i-<code>``: the start parameter of an invitation, on Telegram and WhatsApp."""
LISTED = 10
SUPERADMINS = frozenset({Role.SUPERADMIN})


def invitations(ctx: FlowContext) -> InvitationService:
    return InvitationService(ctx.uow, ctx.access, lambda: ctx.now, ctx.bureau.invitation_valid)


async def invite(ctx: FlowContext, role: Role, unit_words: str) -> None:
    """Creates an invitation to ``role`` of the unit named (by default the inviter's one unit)
    and shows its links and QR code."""
    try:
        unit = parse_unit(ctx, unit_words)
        if unit is None and not unit_words.strip():
            unit = await ctx.access.unit_of_staff(ctx.user, SUPERADMINS)
        invitation, code = await invitations(ctx).create(ctx.user, role, unit)
    except DomainError as error:
        ctx.say(msg("error-prefix", text=Msg(error.key, error.args_map)))
        return
    phrase = f"/start {INVITE_PREFIX}{code}"
    telegram = ctx.bureau.links.telegram(INVITE_PREFIX + code)
    whatsapp = ctx.bureau.links.whatsapp(phrase)
    qr = qr_png(telegram or whatsapp or phrase)
    ctx.say(
        msg(
            "invite-created",
            role=msg("role-name", role=invitation.role),
            unit=unit_name(ctx, invitation.unit_code),
            until=local_date(ctx, invitation.expires_at),
            telegram=telegram or msg("value-none"),
            whatsapp=whatsapp or msg("value-none"),
            code=phrase,
        ),
        attachments=[Attachment("photo", data=qr, filename="undangan.png")],
        choices=[Choice("invite.list", msg("button-invitations"))],
    )


async def list_open(ctx: FlowContext, notes: tuple[Msg, ...] = ()) -> None:
    """``/peran undangan``: the open invitations of the user's units, each withdrawable."""
    found = await invitations(ctx).open_ones(ctx.user)
    ctx.say(
        *notes,
        msg("invite-list", lines=[line(ctx, item) for item in found] or [msg("value-none")]),
        choices=[
            Choice(f"invite.withdraw.{item.id}", msg("button-invite-withdraw", number=item.id))
            for item in found[:LISTED]
        ],
    )


def line(ctx: FlowContext, invitation: RoleInvitation) -> Msg:
    return msg(
        "invite-line",
        number=invitation.id,
        role=msg("role-name", role=invitation.role),
        unit=unit_name(ctx, invitation.unit_code),
        until=local_date(ctx, invitation.expires_at),
    )


async def offer(ctx: FlowContext, code: str) -> None:
    """An invitation link opened: what it gives, and who invited, to confirm."""
    service = invitations(ctx)
    try:
        invitation = await service.opened(code)
    except DomainError as error:
        ctx.say(Msg(error.key, error.args_map))
        return
    inviter = await service.inviter(invitation)
    ctx.say(
        msg(
            "invite-offer",
            role=msg("role-name", role=invitation.role),
            unit=unit_name(ctx, invitation.unit_code),
            inviter=(inviter.display_name if inviter else None) or ctx.bureau.name,
        ),
        choices=[
            Choice(f"invite.accept.{invitation.id}", msg("button-invite-accept")),
            Choice("invite.decline", msg("button-invite-decline")),
        ],
    )


async def accept(ctx: FlowContext, invitation_id: int) -> None:
    """The role is given; the new staff member gets their tools, the inviter is told who."""
    service = invitations(ctx)
    try:
        invitation = await service.accept(ctx.user, invitation_id)
    except DomainError as error:
        held = error.key == "error-role-already"
        ctx.say(msg("invite-already", **error.args_map) if held else Msg(error.key, error.args_map))
        return
    ctx.remember_staff_name()  # staff now: the inviter and colleagues see the name
    role = Role(invitation.role)
    tools = commands.staff_buttons(await ctx.access.roles(ctx.user))
    ctx.say(
        msg("role-you-granted", role=role.value),
        msg("role-unit", unit=unit_name(ctx, invitation.unit_code)),
        choices=tools,
    )
    await commands.set_own_menu(ctx)
    inviter = await service.inviter(invitation)
    if inviter is not None:
        whatsapp = ctx.sender.channel == "whatsapp" and ctx.identity.phone
        who = await commands.person(ctx, ctx.user, whatsapp or ctx.sender.external_id)
        taken = msg(
            "invite-taken",
            number=invitation.id,
            user=who,
            role=msg("role-name", role=role.value),
            unit=unit_name(ctx, invitation.unit_code),
            channel=ctx.sender.channel,
        )
        await notify(ctx, inviter.id, reply(taken))


async def on_choice(ctx: FlowContext, choice: str) -> None:
    match choice.split("."):
        case ["invite", "accept", number] if number.isdecimal():
            await accept(ctx, int(number))
        case ["invite", "decline"]:
            ctx.say(msg("invite-declined"))
        case ["invite", "withdraw", number] if number.isdecimal():
            await withdraw(ctx, int(number))
        case _:
            await ctx.access.require(ctx.user, SUPERADMINS)
            await list_open(ctx)


async def withdraw(ctx: FlowContext, invitation_id: int) -> None:
    await ctx.access.require(ctx.user, SUPERADMINS)
    try:
        await invitations(ctx).withdraw(ctx.user, invitation_id)
    except DomainError as error:
        await list_open(ctx, (msg("error-prefix", text=Msg(error.key, error.args_map)),))
        return
    await list_open(ctx, (msg("invite-withdrawn", number=invitation_id),))
