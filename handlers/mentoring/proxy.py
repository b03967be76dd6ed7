"""'Daftarkan UMKM': a mentor fills in a registration on a vendor's behalf (at an event, say),
then hands it over with a personal link and QR code; the vendor consents, checks and submits.

The same questions as the vendor's own registration, on a draft held by a placeholder user
until the vendor claims it.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from handlers.context import Flow, FlowContext
from handlers.events import ContactShared
from handlers.forms import FormInput, Outcome, Retry, Step
from handlers.mentoring.mine import entry, show_mine
from handlers.qr import qr_png
from handlers.registration.flow import RegistrationForm
from handlers.replies import Attachment, Choice, Msg, Reply, msg
from models.entities import Vendor
from models.schemas import RegistrationField

CLAIM_PREFIX = "c-"
OFFER_DRAFTS = 5
"""Unfinished drafts offered by /daftarkan before a new one, latest first."""

THIRD_PERSON = frozenset(
    {
        "ask-business-name",
        "ask-nib",
        "ask-kbli",
        "ask-kbli-optional",
        "ask-phone",
        "ask-scale-turnover",
        "ask-scale-capital",
        "ask-scale-confirm",
        "ask-etalase",
        "ask-kecamatan",
        "ask-email",
        "help-phone",
        "help-kbli",
        "help-etalase",
        "help-kecamatan",
        "help-kelurahan",
        "nib-how-to-get",
        "scale-above-umkm",
        "warning-kbli-mismatch",
        "button-npwp-is-nik",
        "ask-npwp-is-nik",
        "help-npwp",
        "help-npwp-confirm",
        "error-npwp-nik-missing",
        "button-scale-use-capital",
        "button-scale-use-turnover",
        "summary-hint",
        "help-summary",
        "error-nik-province",
        "error-nik-region",
        "error-nik-date",
        "error-nik-serial",
        "error-kbli-division",
    }
)
"""Texts of the vendor's own registration that speak to the owner ("usaha Anda"); filled in
on the owner's behalf, each has a ``proxy-`` counterpart that speaks about them instead."""


def about_the_owner(part: Msg) -> Msg:
    """``part`` (and any text inside it, such as an error in "❗ …") about the owner."""
    args = {
        name: about_the_owner(value) if isinstance(value, Msg) else value
        for name, value in part.args.items()
    }
    return Msg(f"proxy-{part.key}" if part.key in THIRD_PERSON else part.key, args)


def worded(message: Reply) -> Reply:
    """A reply of the form as the mentor should read it."""
    return replace(
        message,
        parts=tuple(about_the_owner(part) for part in message.parts),
        choices=tuple(replace(c, label=about_the_owner(c.label)) for c in message.choices),
    )


class ProxyForm(RegistrationForm):
    flow = Flow.PROXY
    contact_requests = False

    def ask(
        self,
        ctx: FlowContext,
        subject: Vendor,
        step: str,
        notes: tuple[Msg, ...] = (),
        offer: tuple[Choice, ...] = (),
    ) -> None:
        """Asks like the owner's own form, in words about the owner."""
        first = len(ctx.replies)
        super().ask(ctx, subject, step, notes, offer)
        ctx.replies[first:] = [worded(message) for message in ctx.replies[first:]]

    def show_summary(self, ctx: FlowContext, subject: Vendor, notes: tuple[Msg, ...]) -> None:
        """The summary, also when shown again after a wrong press, in words about the owner."""
        first = len(ctx.replies)
        super().show_summary(ctx, subject, notes)
        ctx.replies[first:] = [worded(message) for message in ctx.replies[first:]]

    async def answer(
        self, ctx: FlowContext, subject: Vendor, step: Step[Any], event: FormInput
    ) -> Outcome:
        """The mentor's own contact is not the owner's number; a kabupaten/kota outside the
        mentor's unit is refused (the draft would no longer be theirs) and nothing is kept."""
        if isinstance(event, ContactShared) and event.is_own:
            return Retry(msg("proxy-error-own-contact"))
        before = subject.regency_code
        outcome = await super().answer(ctx, subject, step, event)
        moved = subject.regency_code
        if moved == before or await ctx.mentoring.covers(ctx.user, moved):
            return outcome
        ctx.registration.clear_regency(subject)
        place = ctx.catalog.place_name(moved) or "…"
        return Retry(msg("proxy-error-other-unit", place=place))

    async def subject(self, ctx: FlowContext) -> Vendor | None:
        vendor_id = ctx.data.get("vendor_id")
        if not isinstance(vendor_id, int):
            return None
        return await ctx.mentoring.proxy_draft(ctx.user, vendor_id)

    async def restart(self, ctx: FlowContext) -> None:
        ctx.finish()
        await show_mine(ctx, 1, (msg("proxy-closed"),))

    def pause(self, ctx: FlowContext, subject: Vendor) -> None:
        ctx.say(
            msg("proxy-paused"),
            choices=[
                Choice(f"mentor.proxyopen.{subject.id}", msg("button-continue-registration")),
                Choice("mentor.page.1", msg("button-my-vendors")),
            ],
        )

    def summary_footer(self, missing: list[RegistrationField]) -> list[Choice]:
        return [
            Choice("proxy.link", msg("button-proxy-link")),
            Choice("summary.later", msg("button-save-later")),
        ]

    async def on_summary_choice(self, ctx: FlowContext, subject: Vendor, choice: str) -> None:
        if choice == "proxy.link":
            await hand_over(ctx, subject)
        else:
            await super().on_summary_choice(ctx, subject, choice)


FORM = ProxyForm()


async def start(ctx: FlowContext) -> None:
    """/daftarkan: unfinished drafts are offered first, so they do not pile up."""
    drafts = await ctx.mentoring.drafts_in_progress(ctx.user)
    ctx.remember_staff_name()
    started = [progress for progress in drafts if progress.answered]
    if not started:
        await start_new(ctx)
        return
    if ctx.conversation.flow is not None:
        ctx.interrupt()
    ctx.say(
        msg("proxy-offer-drafts", count=len(started)),
        choices=[
            *(
                Choice(f"mentor.proxyopen.{progress.vendor.id}", entry(progress))
                for progress in started[:OFFER_DRAFTS]
            ),
            Choice("mentor.proxynew", msg("button-proxy-new")),
        ],
    )


async def start_new(ctx: FlowContext) -> None:
    """A new draft (or the empty one the mentor opened before)."""
    vendor = await ctx.mentoring.start_proxy(ctx.user)
    ctx.remember_staff_name()
    ctx.finish()
    ctx.enter(Flow.PROXY, FORM.steps[0].name)
    ctx.set_data(vendor_id=vendor.id)
    FORM.ask(ctx, vendor, FORM.steps[0].name, (msg("proxy-intro"),))


async def reopen(ctx: FlowContext, vendor_id: int) -> None:
    vendor = await ctx.mentoring.proxy_draft(ctx.user, vendor_id)
    if vendor is None:
        await show_mine(ctx, 1, (msg("proxy-closed"),))
        return
    if not (ctx.conversation.flow == Flow.PROXY and ctx.data.get("vendor_id") == vendor.id):
        ctx.finish()  # another draft was open: start this one at its first unanswered question
    FORM.ask(ctx, vendor, FORM.resume_step(ctx, vendor))
    ctx.set_data(vendor_id=vendor.id)


async def relink(ctx: FlowContext, vendor_id: int) -> None:
    """A new link for a draft's owner (the earlier one stops working)."""
    vendor = await ctx.mentoring.proxy_draft(ctx.user, vendor_id)
    if vendor is None:
        await show_mine(ctx, 1, (msg("proxy-closed"),))
        return
    await hand_over(ctx, vendor)


async def hand_over(ctx: FlowContext, vendor: Vendor) -> None:
    """A single-use link (and the same as a QR code) for the vendor to claim the draft."""
    token = CLAIM_PREFIX + await ctx.mentoring.claim_link_token(ctx.user, vendor)
    link = ctx.bureau.links.telegram(token)
    hours = int(ctx.mentoring.rules.claim_link_valid.total_seconds() // 3600)
    if ctx.conversation.flow == Flow.PROXY and ctx.data.get("vendor_id") == vendor.id:
        ctx.finish()
    elif ctx.conversation.flow is not None:
        ctx.interrupt()
    text: Msg = msg(
        "proxy-link",
        name=vendor.business_name or msg("mentor-unnamed"),
        link=link or msg("value-none"),
        code=f"/start {token}",
        hours=hours,
    )
    attachments = [Attachment("photo", data=qr_png(link), filename="tautan.png")] if link else []
    ctx.say(
        text, attachments=attachments, choices=[Choice("mentor.page.1", msg("button-my-vendors"))]
    )
