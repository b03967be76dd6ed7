"""'Daftarkan UMKM': a mentor fills in a registration on a vendor's behalf (at an event, say),
then hands it over with a personal link and QR code; the vendor consents, checks and submits.

The same questions as the vendor's own registration, on a draft held by a placeholder user
until the vendor claims it.
"""

from __future__ import annotations

import io

import qrcode

from handlers.context import Flow, FlowContext
from handlers.mentoring.mine import show_mine
from handlers.registration.flow import RegistrationForm
from handlers.replies import Attachment, Choice, Msg, msg
from models.entities import Vendor
from models.schemas import RegistrationField

CLAIM_PREFIX = "c-"


class ProxyForm(RegistrationForm):
    flow = Flow.PROXY
    contact_requests = False

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


async def hand_over(ctx: FlowContext, vendor: Vendor) -> None:
    """A single-use link (and the same as a QR code) for the vendor to claim the draft."""
    token = CLAIM_PREFIX + await ctx.mentoring.claim_link_token(ctx.user, vendor)
    link = ctx.bureau.links.telegram(token)
    hours = int(ctx.mentoring.rules.claim_link_valid.total_seconds() // 3600)
    ctx.finish()
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


def qr_png(text: str) -> bytes:
    output = io.BytesIO()
    qrcode.make(text).save(output)
    return output.getvalue()
