"""Welcome, main menu, help and language: everything outside a flow's questions."""

from __future__ import annotations

from handlers.context import Flow, FlowContext
from handlers.i18n import SUPPORTED_LANGUAGES
from handlers.products import form as product_form
from handlers.registration import flow as registration
from handlers.registration.summary import step_label
from handlers.replies import Choice, msg
from handlers.status import describe_status
from handlers.units import vendor_unit
from models.status import Status


async def start(ctx: FlowContext) -> None:
    """Greets the user; offers to resume an unfinished draft exactly where it stopped."""
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


async def offer_resume(ctx: FlowContext) -> None:
    """Welcome back: the draft is kept; continue with one tap."""
    if ctx.conversation.flow == Flow.PRODUCT:
        await offer_product_resume(ctx)
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
    """The main menu, fitted to where the user stands."""
    vendor = await ctx.registration.vendor_of(ctx.user)
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
    unit = await vendor_unit(ctx)
    ctx.say(
        msg("help-general", bureau=unit.name, contact=unit.contact),
        choices=await menu_choices(ctx),
    )


def ask_language(ctx: FlowContext) -> None:
    ctx.say(
        msg("ask-language"),
        choices=[Choice(f"lang.{code}", msg(f"language-{code}")) for code in SUPPORTED_LANGUAGES],
    )


def set_language(ctx: FlowContext, code: str) -> None:
    if code in SUPPORTED_LANGUAGES:
        ctx.user.language = code
    ctx.say(msg("language-set"))
