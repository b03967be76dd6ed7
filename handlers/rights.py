"""A vendor's rights over their personal data (UU No. 27 Tahun 2022): ``/datasaya`` shows and
sends everything stored about them, ``/hapusdata`` erases it after a confirmation, and
``/tarikpersetujuan`` withdraws consent, after which no new answer is stored until they agree
again. Each request is answered at once and recorded with its legal deadline.
"""

from __future__ import annotations

from functools import partial

from handlers.context import Flow, FlowContext
from handlers.forms import kebab
from handlers.registration import flow as registration
from handlers.registration.steps import RegistrationStep
from handlers.registration.summary import summary_lines
from handlers.replies import Attachment, Choice, Msg, msg
from handlers.status import local_date
from models.entities import ChannelIdentity, Consent, Product, Vendor
from models.services.rights import RequestKind

VENDOR_FLOWS = frozenset({Flow.REGISTRATION, Flow.PRODUCT})
"""Flows that store a vendor's answers, so they need consent."""
MAX_LINES = 10
"""Items listed per section in the chat; the file has all of them."""
MAX_CONSENTS = 5


async def show_my_data(ctx: FlowContext) -> None:
    """``/datasaya``: what is stored about the user, in the chat and as a JSON file."""
    await ctx.rights.record(ctx.user, RequestKind.ACCESS, ctx.sender.channel)
    data = await ctx.rights.personal_data(ctx.user)
    pause(ctx)
    day = ctx.now.astimezone(ctx.bureau.timezone).date().isoformat()
    ctx.say(
        msg("rights-data-title"),
        registration_part(ctx, data.vendor),
        consents_part(ctx, data.consents),
        msg("rights-data-accounts", lines=[account_line(item) for item in data.identities]),
        products_part(data.products),
        msg("rights-data-history", count=len(data.history)),
        msg("rights-data-file", contact=ctx.bureau.contact),
        attachments=[
            Attachment("document", data=data.to_json(ctx.now), filename=f"data-saya-{day}.json")
        ],
        choices=actions(consented=any(item.withdrawn_at is None for item in data.consents)),
    )


async def ask_erase(ctx: FlowContext) -> None:
    """``/hapusdata``: says what goes and what stays, and asks for a confirmation."""
    if await refuse_staff(ctx):
        return
    pause(ctx)
    ctx.say(
        msg("rights-erase-confirm"),
        choices=[
            Choice("rights.erase.confirm", msg("button-erase-confirm")),
            Choice("rights.keep", msg("button-erase-keep")),
        ],
    )


async def erase(ctx: FlowContext) -> None:
    """Deletes the user's personal data; the stored photos go once the deletion is committed."""
    if await refuse_staff(ctx):
        return
    files = await ctx.rights.erase(ctx.user)
    await ctx.rights.record(None, RequestKind.ERASURE, ctx.sender.channel)
    ctx.after_commit.append(partial(ctx.rights.remove_files, files))
    ctx.say(msg("rights-erased", bureau=ctx.bureau.name))


async def withdraw(ctx: FlowContext) -> None:
    """``/tarikpersetujuan``: ends the consent; what is stored stays until an erasure."""
    withdrawn = await ctx.rights.withdraw_consent(ctx.user)
    await ctx.rights.record(ctx.user, RequestKind.WITHDRAWAL, ctx.sender.channel)
    if ctx.conversation.flow in VENDOR_FLOWS:
        ctx.finish()
    if not withdrawn:
        ctx.say(msg("rights-no-consent"), choices=[main_menu()])
        return
    ctx.say(
        msg("rights-withdrawn"),
        choices=[
            Choice("menu.register", msg("button-consent-again")),
            Choice("rights.erase", msg("button-erase")),
            main_menu(),
        ],
    )


async def on_choice(ctx: FlowContext, choice: str) -> None:
    match choice:
        case "rights.erase":
            await ask_erase(ctx)
        case "rights.erase.confirm":
            await erase(ctx)
        case "rights.withdraw":
            await withdraw(ctx)
        case _:
            ctx.say(msg("rights-erase-kept"), choices=[main_menu()])


async def consent_withdrawn(ctx: FlowContext) -> bool:
    """Whether an answer to a vendor question came after consent was withdrawn."""
    conversation = ctx.conversation
    return (
        conversation.flow in VENDOR_FLOWS
        and conversation.step != RegistrationStep.CONSENT
        and not await ctx.registration.has_consented(ctx.user)
    )


def ask_consent_again(ctx: FlowContext) -> None:
    """The answer is not stored; the privacy notice comes again instead."""
    registration.ask_consent(ctx, (msg("rights-consent-again"),))


# --- helpers -------------------------------------------------------------------------------


def pause(ctx: FlowContext) -> None:
    """Leaves the current question, so the next message is not taken as its answer."""
    if ctx.waiting:
        ctx.interrupt()


async def refuse_staff(ctx: FlowContext) -> bool:
    """Staff accounts hold the bureau's audit trail (roles, decisions): not erased by chat."""
    if not await ctx.access.roles(ctx.user):
        return False
    ctx.say(msg("rights-erase-staff", bureau=ctx.bureau.name), choices=[main_menu()])
    return True


def main_menu() -> Choice:
    return Choice("menu.main", msg("button-main-menu"))


def actions(*, consented: bool) -> list[Choice]:
    choices = [Choice("rights.erase", msg("button-erase"))]
    if consented:
        choices.append(Choice("rights.withdraw", msg("button-withdraw")))
    return [*choices, main_menu()]


def registration_part(ctx: FlowContext, vendor: Vendor | None) -> Msg:
    if vendor is None:
        return msg("rights-data-no-registration")
    return msg(
        "rights-data-registration",
        status=status_label(vendor.status),
        lines=summary_lines(ctx, vendor),
    )


def consents_part(ctx: FlowContext, consents: list[Consent]) -> Msg:
    if not consents:
        return msg("rights-data-no-consents")
    lines = [consent_line(ctx, consent) for consent in consents[-MAX_CONSENTS:]]
    if len(consents) > MAX_CONSENTS:
        lines.insert(0, msg("rights-more", count=len(consents) - MAX_CONSENTS))
    return msg("rights-data-consents", lines=lines)


def consent_line(ctx: FlowContext, consent: Consent) -> Msg:
    given = {
        "version": consent.notice_version,
        "date": local_date(ctx, consent.given_at),
        "channel": channel_name(consent.channel),
    }
    if consent.withdrawn_at is None:
        return msg("rights-consent-active", **given)
    return msg("rights-consent-withdrawn", **given, withdrawn=local_date(ctx, consent.withdrawn_at))


def account_line(identity: ChannelIdentity) -> Msg:
    channel = channel_name(identity.channel)
    if identity.phone:
        return msg(
            "rights-account-phone", channel=channel, id=identity.external_id, phone=identity.phone
        )
    return msg("rights-account", channel=channel, id=identity.external_id)


def products_part(products: list[Product]) -> Msg:
    if not products:
        return msg("rights-data-no-products")
    lines = [
        msg("rights-product", name=product.name or "…", status=status_label(product.status))
        for product in products[:MAX_LINES]
    ]
    if len(products) > MAX_LINES:
        lines.append(msg("rights-more", count=len(products) - MAX_LINES))
    return msg("rights-data-products", count=len(products), lines=lines)


def status_label(status: str) -> Msg:
    return msg(f"product-status-{kebab(status)}")


def channel_name(channel: str) -> Msg:
    return msg("rights-channel", channel=channel)
