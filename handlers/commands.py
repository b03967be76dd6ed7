"""What each role is offered: the chat's command menu, the lines of /bantuan and the buttons of
the main menu, for vendors, mentors, reviewers, superadmins and people holding several roles.

The command menu is returned to the channel as a channel-free instruction (a reply carrying
the menu); a channel with no command menu simply ignores it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from handlers.context import FlowContext
from handlers.i18n import Locales
from handlers.notify import notify, queue_messages
from handlers.replies import Choice, Msg, Reply, msg
from models.entities import User
from models.services.access import AccessService, Role
from models.uow import UnitOfWork


@dataclass(frozen=True, slots=True)
class Command:
    """A slash command and its one-line description."""

    name: str
    about: Msg


START = Command("start", msg("command-start"))
GENERAL = (
    Command("bahasa", msg("command-bahasa")),
    Command("bantuan", msg("command-bantuan")),
    Command("batal", msg("command-batal")),
)
VENDOR = (
    Command("daftar", msg("command-daftar")),
    Command("produk", msg("command-produk")),
    Command("status", msg("command-status")),
    Command("pendamping", msg("command-pendamping")),
    Command("datasaya", msg("command-datasaya")),
    Command("hapusdata", msg("command-hapusdata")),
)
MENTOR = (
    Command("binaan", msg("command-binaan")),
    Command("daftarkan", msg("command-daftarkan")),
)
REVIEWER = (
    Command("antrian", msg("command-antrian")),
    Command("cari", msg("command-cari")),
    Command("statistik", msg("command-statistik")),
    Command("ekspor", msg("command-ekspor")),
    Command("pendamping", msg("command-pendamping-staff")),
)
SUPERADMIN = (
    Command("peran", msg("command-peran")),
    Command("siaran", msg("command-siaran")),
)
ROLE_COMMANDS: tuple[tuple[Role, tuple[Command, ...]], ...] = (
    (Role.MENTOR, MENTOR),
    (Role.REVIEWER, REVIEWER),
    (Role.SUPERADMIN, SUPERADMIN),
)
"""Each role's own tools, in the order menus show them (superadmins review too)."""

VENDOR_MENU = (START, *VENDOR, *GENERAL)
"""The command menu of everyone without a role: the bot's default menu."""

MENU_BUTTONS: dict[str, Choice] = {
    "binaan": Choice("mentor.page.1", msg("button-my-vendors")),
    "daftarkan": Choice("mentor.proxy", msg("button-proxy-register")),
    "antrian": Choice("cmd.antrian", msg("button-menu-queue")),
    "cari": Choice("cmd.cari", msg("button-menu-search")),
    "statistik": Choice("cmd.statistik", msg("button-menu-stats")),
    "ekspor": Choice("cmd.ekspor", msg("button-menu-export")),
    "pendamping": Choice("cmd.pendamping", msg("button-menu-mentors")),
    "peran": Choice("cmd.peran", msg("button-menu-roles")),
    "siaran": Choice("cmd.siaran", msg("button-menu-broadcast")),
}
"""The main-menu button of each staff command."""
STAFF_BUTTON_COMMANDS = frozenset(
    choice.id.removeprefix("cmd.")
    for choice in MENU_BUTTONS.values()
    if choice.id.startswith("cmd.")
)
"""Commands a ``cmd.<name>`` button may run; each checks the role itself."""


def role_sections(roles: frozenset[Role]) -> list[tuple[Role, tuple[Command, ...]]]:
    """The tools of each role held; a superadmin also gets the reviewer's."""
    if Role.SUPERADMIN in roles:
        roles = roles | {Role.REVIEWER}
    return [(role, commands) for role, commands in ROLE_COMMANDS if role in roles]


def menu_for(roles: frozenset[Role], *, is_vendor: bool) -> tuple[Command, ...]:
    """The command menu of someone holding ``roles`` (and a registration, if ``is_vendor``)."""
    if not roles:
        return VENDOR_MENU
    staff = [command for _, commands in role_sections(roles) for command in commands]
    vendor = vendor_tools(roles) if is_vendor else ()
    return unique((START, *staff, *vendor, *GENERAL))


def vendor_tools(roles: frozenset[Role]) -> tuple[Command, ...]:
    """A vendor's own commands for someone who also holds ``roles``, without those a role
    gives another meaning (a reviewer's /pendamping assigns mentors)."""
    taken = {command.name for _, commands in role_sections(roles) for command in commands}
    return tuple(command for command in VENDOR if command.name not in taken)


def unique(commands: Iterable[Command]) -> tuple[Command, ...]:
    seen: set[str] = set()
    kept = []
    for command in commands:
        if command.name not in seen:
            seen.add(command.name)
            kept.append(command)
    return tuple(kept)


def menu_reply(commands: tuple[Command, ...]) -> Reply:
    """The channel-free instruction to set this chat's command menu."""
    return Reply((), command_menu=tuple((command.name, command.about) for command in commands))


async def menu_of(uow: UnitOfWork, access: AccessService, user: User) -> tuple[Command, ...]:
    roles = await access.roles(user)
    is_vendor = bool(roles) and await uow.vendors.by_user(user.id) is not None
    return menu_for(roles, is_vendor=is_vendor)


async def set_own_menu(ctx: FlowContext) -> None:
    """Sets the sender's chat menu for their roles, in their language."""
    ctx.replies.append(menu_reply(await menu_of(ctx.uow, ctx.access, ctx.user)))


async def send_menu_to(ctx: FlowContext, user: User, *notices: Reply) -> None:
    """Queues ``notices`` and a new command menu for another person's chats (a role changed)."""
    await notify(ctx, user.id, *notices, menu_reply(await menu_of(ctx.uow, ctx.access, user)))


async def queue_menu(
    uow: UnitOfWork, access: AccessService, locales: Locales, now: datetime, user: User
) -> bool:
    """Queues a new command menu for ``user``'s chat, outside a conversation (the command
    line); the bot's outbox sweep sets it."""
    menu = menu_reply(await menu_of(uow, access, user))
    return await queue_messages(uow, locales, now, user.id, [menu])


def help_lines(commands: Iterable[Command]) -> list[Msg]:
    return [msg("help-line", command=command.name, text=command.about) for command in commands]


def staff_buttons(roles: frozenset[Role]) -> list[Choice]:
    """The main menu's buttons for each role held."""
    names = unique(command for _, commands in role_sections(roles) for command in commands)
    return [MENU_BUTTONS[command.name] for command in names if command.name in MENU_BUTTONS]


async def person(ctx: FlowContext, user: User, external_id: str) -> Msg:
    """Someone named for staff: the name they go by (or their registration's owner name) and
    their id, or the id alone for someone the bot knows no name of."""
    name = user.display_name
    if not name:
        vendor = await ctx.registration.vendor_of(user)
        name = vendor.owner_name if vendor is not None else None
    if name:
        return msg("person-named", name=name, id=external_id)
    return msg("person-unnamed", id=external_id)
