"""Routes one incoming event: commands first, then buttons, then answers or free text."""

from __future__ import annotations

from handlers import broadcast, flows, link, menu, rights
from handlers.choices import MAX_POSITION_DIGITS
from handlers.commands import STAFF_BUTTON_COMMANDS, VENDOR_MENU
from handlers.context import ConversationStatus, Flow, FlowContext
from handlers.events import (
    ButtonPressed,
    ChoiceMade,
    CommandReceived,
    ContactShared,
    Event,
    MediaReceived,
    PendingResent,
    TextReceived,
    UnsupportedReceived,
)
from handlers.forms import NAV_CANCEL, NAV_HELP
from handlers.intents import Intent, detect_intent, normalise
from handlers.mentoring import mine, proxy, relay, staff
from handlers.products import browse
from handlers.products import form as product_form
from handlers.questions import Question, question_in
from handlers.recovery import answers_unseen, lost_final
from handlers.registration import flow as registration
from handlers.render import ACTION_MARK, is_action
from handlers.replies import Msg, msg
from handlers.review import actions as review
from handlers.review import announce, fixes, invitations, reports
from handlers.status import describe_status
from models.errors import NotPermitted
from models.services.access import UNKNOWN_COMMAND

COMMANDS = tuple(command.name for command in VENDOR_MENU)
"""The vendors' command menu, in the order shown to users (staff menus: handlers/commands)."""


async def route(ctx: FlowContext, event: Event, *, expired: bool, unseen: bool = False) -> None:
    """Handles ``event``; ``expired`` tells that the user was idle longer than the resume time,
    ``unseen`` that the last replies were never confirmed as delivered.

    A staff action by someone without the role is answered exactly like an unknown command.
    """
    if unseen and ctx.waiting and answers_unseen(event, ctx.conversation.last_answer):
        event = PendingResent()
    final = lost_final(ctx, event, unseen)
    if final is not None and await confirm_again(ctx, *final):
        return
    try:
        await dispatch(ctx, event, expired=expired)
    except NotPermitted as refused:
        if refused.key != UNKNOWN_COMMAND:
            raise
        ctx.replies.clear()
        ctx.say(msg("error-unknown-command"))
        await menu.show_help(ctx)


async def dispatch(ctx: FlowContext, event: Event, *, expired: bool) -> None:
    match event:
        case CommandReceived():
            await run_command(ctx, event)
        case ButtonPressed(token=token):
            choice = resolve_token(ctx, token)
            if choice is None:
                ctx.say(msg("error-stale-button"))
                await repeat_current(ctx, or_menu=True)
            else:
                await on_choice(ctx, choice)
        case TextReceived(text=text):
            await on_text(ctx, text, expired=expired)
        case ContactShared() | MediaReceived():
            if ctx.waiting and not expired:
                await flows.handle(ctx, event)
            elif ctx.conversation.flow is not None:
                await menu.offer_resume(ctx)
            else:
                await menu.show_help(ctx)
        case UnsupportedReceived(kind=kind):
            ctx.say(unsupported(kind))
            await repeat_current(ctx, or_menu=True)
        case PendingResent() if ctx.waiting:
            ctx.say(msg("reply-question-again"))
            await repeat_current(ctx)
        case PendingResent():
            pass  # nothing is pending: the last replies answered, and asked nothing


async def confirm_again(ctx: FlowContext, kind: str, item: int) -> bool:
    """A submission's confirmation that never arrived, sent again; False when its registration
    or product is gone."""
    vendor = await ctx.registration.vendor_of(ctx.user)
    again = (msg("reply-confirmation-again"),)
    if vendor is None:
        return False
    if kind == registration.FINAL_KIND and vendor.id == item:
        registration.say_submitted(ctx, vendor, again)
        return True
    if kind == browse.BULK_KIND:
        await browse.say_all_submitted(ctx, item, again)
        return True
    product = await ctx.products.get(vendor, item) if kind == product_form.FINAL_KIND else None
    if product is None:
        return False
    product_form.say_submitted(ctx, product, again)
    return True


def unsupported(kind: str) -> Msg:
    """A fitting answer to a message the flows cannot read: a voice note is asked to be typed."""
    match kind:
        case "voice" | "audio":
            return msg("error-unsupported-voice")
        case "video" | "video_note" | "animation" | "gif":
            return msg("error-unsupported-video")
        case "sticker":
            return msg("error-unsupported-sticker")
        case "location":
            return msg("error-unsupported-location")
        case "contacts":
            return msg("error-unsupported-contacts")
    return msg("error-unsupported")


async def run_command(ctx: FlowContext, command: CommandReceived) -> None:
    """Commands work at any step; those that do not leave the flow repeat its question."""
    match command.name:
        case "start" if command.args.startswith(proxy.CLAIM_PREFIX):
            await registration.offer_claim(ctx, command.args.removeprefix(proxy.CLAIM_PREFIX))
        case "start" if command.args.startswith(invitations.INVITE_PREFIX):
            await invitations.offer(ctx, command.args.removeprefix(invitations.INVITE_PREFIX))
        case "start" if (choice := announce.review_link(command.args)) is not None:
            await review.on_choice(ctx, choice)  # from a staff group announcement
        case "start":
            await menu.start(ctx)
        case "daftar":
            await registration.start(ctx)
        case "produk":
            await browse.show_list(ctx)
        case "status":
            await describe_status(ctx)
            await repeat_current(ctx)
        case "bantuan" | "help":
            await help_here(ctx)
        case "batal":
            await cancel(ctx)
        case "bahasa" | "language":
            menu.ask_language(ctx)
        case "menu":
            await menu.main_menu(ctx)
        case "antrian":
            await review.queue_command(ctx, command)
        case "peran":
            await review.role_command(ctx, command)
        case "binaan":
            await mine.show_mine(ctx)
        case "daftarkan":
            await proxy.start(ctx)
        case "pendamping":
            await staff.mentor_command(ctx, command)
        case "cari" | "search":
            await reports.search_command(ctx, command)
        case "statistik" | "stats":
            await reports.stats_command(ctx, command)
        case "ekspor" | "export":
            await reports.export_command(ctx, command)
        case "siaran" | "broadcast":
            await broadcast.command(ctx, command)
        case "datasaya" | "mydata":
            await rights.show_my_data(ctx)
        case "hapusdata" | "deletemydata":
            await rights.ask_erase(ctx)
        case "tarikpersetujuan" | "withdrawconsent":
            await rights.withdraw(ctx)
        case _ if ctx.waiting:
            ctx.say(msg("error-unknown-command"))
            await repeat_current(ctx)
        case _:
            ctx.say(msg("error-unknown-command"))
            await menu.show_help(ctx)


def resolve_token(ctx: FlowContext, token: str) -> str | None:
    """The choice a button token stands for: an action's own id (valid on any message, checked
    against the current state when pressed), or an answer of the last prompt sent."""
    if token.startswith(ACTION_MARK):
        action = token.removeprefix(ACTION_MARK)
        return action if is_action(action) else None
    turn, _, index = token.partition(".")
    offered = ctx.conversation.offered
    digits = index.isascii() and index.isdigit() and len(index) <= MAX_POSITION_DIGITS
    if turn != format(ctx.conversation.turn, "x") or not digits:
        return None
    position = int(index)
    return offered[position][0] if position < len(offered) else None


def match_label(ctx: FlowContext, text: str) -> str | None:
    """A typed text equal to a button label counts as pressing it (WhatsApp, console, keyboards)."""
    typed = normalise(text)
    if not typed:
        return None
    for choice_id, label in ctx.conversation.offered:
        if normalise(label) == typed:
            return choice_id
    return None


async def on_choice(ctx: FlowContext, choice: str) -> None:
    match choice.split(".", 1):
        case ["menu", "register"]:
            await registration.start(ctx)
        case ["menu", "status"]:
            await describe_status(ctx)
        case ["menu", "help"]:
            await menu.show_help(ctx)
        case ["menu", "language"]:
            menu.ask_language(ctx)
        case ["menu", "main"]:
            await menu.main_menu(ctx)
        case ["menu", "link"]:
            link.start(ctx)
        case ["menu", "products"]:
            await browse.show_list(ctx)
        case ["cmd", name] if name in STAFF_BUTTON_COMMANDS:
            await run_command(ctx, CommandReceived(name))
        case ["products" | "product", _]:
            await browse.on_choice(ctx, choice)
        case ["review", _]:
            await review.on_choice(ctx, choice)
        case [reports.SEARCH_CHOICE, _]:
            await reports.on_search_choice(ctx, choice)
        case ["broadcast", _]:
            await broadcast.on_choice(ctx, choice)
        case ["rights", _]:
            await rights.on_choice(ctx, choice)
        case ["invite", _]:
            await invitations.on_choice(ctx, choice)
        case ["mentor", _]:
            await mentor_choice(ctx, choice)
        case ["menu", "contact_mentor"]:
            await relay.vendor_writes(ctx)
        case ["reminders", "off"]:
            await stop_reminders(ctx)
        case ["fix", "vendor"]:
            await fixes.fix_registration(ctx)
        case ["fix", product] if product.startswith("product.") and product[8:].isdecimal():
            await fixes.fix_product(ctx, int(product[8:]))
        case ["lang", code]:
            await menu.set_language(ctx, code)
            await repeat_current(ctx)
        case _ if ctx.conversation.flow is not None:
            await flows.handle(ctx, ChoiceMade(choice))
        case _:
            await menu.main_menu(ctx)


async def on_text(ctx: FlowContext, text: str, *, expired: bool) -> None:
    choice = match_label(ctx, text)
    if choice is not None and not choice.startswith("consent."):  # typed consent is recorded
        await on_choice(ctx, choice)
    elif ctx.waiting and not expired and in_form(ctx) and (asked := question_in(text)):
        await answer_question(ctx, asked)
    elif ctx.waiting and (not expired or ctx.conversation.flow == Flow.RELAY):
        await flows.handle(ctx, TextReceived(text))  # a message being written is never dropped
    elif ctx.conversation.flow is not None and (intent := detect_intent(text)) is not None:
        await on_intent(ctx, intent)
    elif ctx.conversation.flow is not None and not expired and in_form(ctx):
        await continue_with(ctx, text)  # typed while "continue?" is shown: that continues
    elif ctx.conversation.flow is not None:
        await menu.offer_resume(ctx)
    else:
        await on_intent(ctx, detect_intent(text))


FORM_FLOWS = frozenset({Flow.REGISTRATION, Flow.PRODUCT, Flow.PROXY})


def in_form(ctx: FlowContext) -> bool:
    """Whether the conversation is at a question of a form (not a message being written)."""
    return ctx.conversation.flow in FORM_FLOWS


async def answer_question(ctx: FlowContext, asked: Question) -> None:
    """A status or help question, or a complaint, at a step: answered (a complaint with an
    apology and the step's help), then the step asked again. Never stored as an answer."""
    if asked is Question.STATUS:
        await describe_status(ctx)
        await repeat_current(ctx)
        return
    if asked is Question.COMPLAINT:
        ctx.say(msg("complaint-sorry"))
    await help_here(ctx)


async def continue_with(ctx: FlowContext, text: str) -> None:
    """The user was offered to continue and typed an answer: continue, reading it as the
    answer to the question they stopped at."""
    ctx.set_data(status=ConversationStatus.WAITING.value)
    await flows.handle(ctx, TextReceived(text))


async def on_intent(ctx: FlowContext, intent: Intent | None) -> None:
    match intent:
        case Intent.REGISTER:
            await registration.start(ctx)
        case Intent.STATUS:
            await describe_status(ctx)
        case Intent.HELP:
            await menu.show_help(ctx)
        case Intent.MENU:
            await menu.main_menu(ctx)
        case Intent.LANGUAGE:
            menu.ask_language(ctx)
        case Intent.PRODUCTS:
            await browse.show_list(ctx)
        case Intent.ADD_PRODUCT:
            await product_form.start_new(ctx)
        case Intent.GREETING:
            await menu.start(ctx)
        case None:
            ctx.say(msg("not-understood"))
            await menu.main_menu(ctx)


async def help_here(ctx: FlowContext) -> None:
    """Help for the current question when in a flow, else the general help."""
    if ctx.waiting:
        await flows.handle(ctx, ChoiceMade(NAV_HELP))
    else:
        await menu.show_help(ctx)


async def cancel(ctx: FlowContext) -> None:
    if ctx.waiting:
        await flows.handle(ctx, ChoiceMade(NAV_CANCEL))
    else:
        ctx.say(msg("nothing-to-cancel"))
        await menu.main_menu(ctx)


async def repeat_current(ctx: FlowContext, *, or_menu: bool = False) -> None:
    """Asks the current question again, so the user knows what is expected next."""
    if ctx.waiting:
        await flows.resume(ctx)
    elif or_menu:
        await menu.main_menu(ctx)


async def mentor_choice(ctx: FlowContext, choice: str) -> None:
    """A mentor's buttons; every service call checks the mentor role and the assignment."""
    match choice.split("."):
        case ["mentor", "page", page] if page.isdecimal():
            await mine.show_mine(ctx, int(page))
        case ["mentor", "open", number] if number.isdecimal():
            await mine.show_vendor(ctx, int(number))
        case ["mentor", "message", number] if number.isdecimal():
            await relay.mentor_writes(ctx, int(number))
        case ["mentor", "proxy"]:
            await proxy.start(ctx)
        case ["mentor", "proxynew"]:
            await proxy.start_new(ctx)
        case ["mentor", "proxyopen", number] if number.isdecimal():
            await proxy.reopen(ctx, int(number))
        case ["mentor", "relink", number] if number.isdecimal():
            await proxy.relink(ctx, int(number))
        case ["mentor", "delete", number] if number.isdecimal():
            await mine.confirm_delete(ctx, int(number))
        case ["mentor", "deleteyes", number] if number.isdecimal():
            await mine.delete_draft(ctx, int(number))
        case _:
            await mine.show_mine(ctx)


async def stop_reminders(ctx: FlowContext) -> None:
    vendor = await ctx.registration.vendor_of(ctx.user)
    if vendor is not None:
        vendor.reminders_off = True
    ctx.say(msg("reminders-stopped"))
