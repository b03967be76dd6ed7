"""Welcome, main menu, help and language: everything outside a flow's questions."""

from __future__ import annotations

from handlers import commands
from handlers.context import Flow, FlowContext
from handlers.i18n import SUPPORTED_LANGUAGES
from handlers.products import form as product_form
from handlers.registration import flow as registration
from handlers.registration.summary import step_label
from handlers.replies import Choice, Msg, msg
from handlers.status import describe_status
from handlers.units import vendor_unit
from models.services.access import Role
from models.status import Status
from models.units import Unit

ROLE_ORDER = (Role.MENTOR, Role.REVIEWER, Role.SUPERADMIN)


async def start(ctx: FlowContext) -> None:
    """Greets the user; offers to resume an unfinished draft exactly where it stopped."""
    if await ctx.access.roles(ctx.user):
        await start_staff(ctx)
        return
    vendor = await ctx.registration.vendor_of(ctx.user)
    if vendor is None:
        ctx.finish()
        ctx.say(msg("welcome", bureau=ctx.bureau.name), choices=await menu_choices(ctx))
    elif ctx.conversation.flow is not None or vendor.status in (Status.DRAFT, Status.NEEDS_FIX):
        await offer_resume(ctx)
    else:
        ctx.finish()
        await describe_status(ctx)
        await main_menu(ctx)


async def start_staff(ctx: FlowContext) -> None:
    """Staff and mentors: their roles, their tools as buttons, and their chat's command menu."""
    roles = await ctx.access.roles(ctx.user)
    ctx.remember_staff_name()
    if ctx.conversation.flow in (Flow.PROXY, Flow.REGISTRATION, Flow.PRODUCT):
        ctx.interrupt()  # a draft being filled in stays where it is
    else:
        ctx.finish()
    ctx.say(
        msg(
            "welcome-staff",
            has_name="yes" if ctx.user.display_name else "no",
            name=ctx.user.display_name or "",
            roles=role_names(roles),
        ),
        choices=await menu_choices(ctx),
    )
    await commands.set_own_menu(ctx)


def role_names(roles: frozenset[Role]) -> Msg:
    """The roles held, named in the user's language ("pendamping dan verifikator")."""
    names = [msg("role-name", role=role.value) for role in ROLE_ORDER if role in roles]
    if len(names) == 3:
        return msg("role-names-three", first=names[0], second=names[1], third=names[2])
    if len(names) == 2:
        return msg("role-names-two", first=names[0], second=names[1])
    return names[0]


async def offer_resume(ctx: FlowContext) -> None:
    """Welcome back: the draft is kept; continue with one tap."""
    if ctx.conversation.flow == Flow.PRODUCT:
        await offer_product_resume(ctx)
        return
    if ctx.conversation.flow == Flow.PROXY and isinstance(ctx.data.get("vendor_id"), int):
        ctx.interrupt()
        ctx.say(
            msg("welcome-back-proxy"),
            choices=[
                Choice(f"mentor.proxyopen.{ctx.data['vendor_id']}", msg("button-proxy-continue")),
                *await menu_choices(ctx),
            ],
        )
        return
    vendor = await ctx.registration.vendor_of(ctx.user)
    if vendor is None:
        await main_menu(ctx)
        return
    step = registration.resume_step(ctx, vendor)
    answered, total = ctx.registration.draft(vendor).progress()
    ctx.enter(Flow.REGISTRATION, step)
    ctx.interrupt()
    ctx.say(
        msg("welcome-back", answered=answered, total=total, step=step_label(step)),
        choices=[
            Choice("menu.register", msg("button-continue-registration")),
            Choice("menu.main", msg("button-main-menu")),
        ],
    )


async def offer_product_resume(ctx: FlowContext) -> None:
    product = await product_form.FORM.subject(ctx)
    if product is None:
        ctx.finish()
        await main_menu(ctx)
        return
    ctx.interrupt()
    ctx.say(
        msg("welcome-back-product", name=product.name or "…"),
        choices=[
            Choice("product.resume", msg("button-continue-product")),
            Choice("menu.main", msg("button-main-menu")),
        ],
    )


async def menu_choices(ctx: FlowContext) -> list[Choice]:
    """The main menu, fitted to the user's roles and to where they stand."""
    roles = await ctx.access.roles(ctx.user)
    vendor = await ctx.registration.vendor_of(ctx.user)
    if roles:
        staff = commands.staff_buttons(roles)
        if vendor is not None and vendor.status in (Status.DRAFT, Status.NEEDS_FIX):
            staff.append(Choice("menu.register", msg("button-continue-registration")))
        elif vendor is not None:
            staff.append(Choice("products.list", msg("button-my-products")))
        return [
            *staff,
            Choice("menu.help", msg("button-help")),
            Choice("menu.language", msg("button-language")),
        ]
    if vendor is None:
        choices = [
            Choice("menu.register", msg("button-register")),
            Choice("menu.link", msg("button-link")),
        ]
    else:
        choices = [
            Choice("products.list", msg("button-my-products")),
            Choice("products.add", msg("button-add-product")),
        ]
        if vendor.status in (Status.DRAFT, Status.NEEDS_FIX):
            choices.insert(0, Choice("menu.register", msg("button-continue-registration")))
    return [
        *choices,
        Choice("menu.status", msg("button-status")),
        Choice("menu.help", msg("button-help")),
        Choice("menu.language", msg("button-language")),
    ]


async def main_menu(ctx: FlowContext) -> None:
    ctx.say(msg("menu-title"), choices=await menu_choices(ctx))


async def show_help(ctx: FlowContext) -> None:
    """Every command the user's roles allow, one line each, and whom to ask."""
    roles = await ctx.access.roles(ctx.user)
    if not roles:
        unit = await vendor_unit(ctx)
        ctx.say(
            msg("help-general", bureau=unit.name),
            msg("help-commands", lines=commands.help_lines(commands.VENDOR_MENU)),
            msg("help-typing"),
            contact(ctx, vendor=True, unit=unit),
            choices=await menu_choices(ctx),
        )
        return
    sections = [
        msg(
            "help-role-section",
            role=role.value,
            lines=commands.help_lines(tools),
        )
        for role, tools in commands.role_sections(roles)
    ]
    if await ctx.registration.vendor_of(ctx.user) is not None:
        tools = commands.help_lines(commands.vendor_tools(roles))
        sections.append(msg("help-role-section", role="vendor", lines=tools))
    ctx.say(
        msg("help-staff", bureau=ctx.bureau.name),
        *sections,
        msg("help-commands", lines=commands.help_lines(commands.GENERAL)),
        contact(ctx, vendor=False),
        choices=await menu_choices(ctx),
    )


def contact(ctx: FlowContext, *, vendor: bool, unit: Unit | None = None) -> Msg:
    """The bureau's e-mail (the vendor's own unit's), and its phone or WhatsApp number when the
    deployment gives one."""
    bureau = ctx.bureau
    name, email = (unit.name, unit.contact) if unit is not None else (bureau.name, bureau.contact)
    lines = [msg("help-contact-email", contact=email)]
    if bureau.phone:
        lines.append(msg("help-contact-phone", phone=bureau.phone))
    return msg("help-contact", who="vendor" if vendor else "staff", bureau=name, lines=lines)


def ask_language(ctx: FlowContext) -> None:
    ctx.say(
        msg("ask-language"),
        choices=[Choice(f"lang.{code}", msg(f"language-{code}")) for code in SUPPORTED_LANGUAGES],
    )


async def set_language(ctx: FlowContext, code: str) -> None:
    """Switches the language, the chat's command menu with it."""
    if code in SUPPORTED_LANGUAGES:
        ctx.user.language = code
    ctx.say(msg("language-set"))
    await commands.set_own_menu(ctx)
