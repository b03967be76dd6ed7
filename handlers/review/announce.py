"""New submissions announced in the staff groups: the vendor's unit's (``staff_group`` in
``BUREAU_UNITS_FILE``), the province's, and the deployment's (``STAFF_GROUP_CHAT_ID``).

Each announcement carries a link button that opens the bot in a private chat with
``/start r-<kind>-<id>``: buttons in a group cannot carry this bot's per-user tokens (any member
may press them), and the review card belongs in a private chat anyway. Opening it checks the
reviewer role like every other review action, so a link forwarded outside the group opens
nothing for anyone else.

The announcement is queued in the outbox in the submission's own transaction, addressed to the
group and attributed to the submitting vendor's user, so it goes when the submission is
committed and is deleted with the vendor's data on erasure.
"""

from __future__ import annotations

from handlers.context import FlowContext
from handlers.render import to_payload
from handlers.replies import Msg, OutButton, OutMessage, msg
from handlers.review.actions import KINDS
from models.entities import Product, Vendor

REVIEW_LINK_PREFIX = "r-"
QUEUE_LINK = "r-queue"
CHANNEL = "telegram"


def vendor_submitted(ctx: FlowContext, vendor: Vendor) -> None:
    _announce(
        ctx,
        vendor,
        msg("staff-announce-vendor", business=vendor.business_name or "…", number=vendor.id),
        msg("button-open-review-card"),
        f"{REVIEW_LINK_PREFIX}vendor-{vendor.id}",
    )


def product_submitted(ctx: FlowContext, vendor: Vendor, product: Product) -> None:
    _announce(
        ctx,
        vendor,
        msg(
            "staff-announce-product",
            name=product.name or "…",
            business=vendor.business_name or "…",
            number=product.id,
        ),
        msg("button-open-review-card"),
        f"{REVIEW_LINK_PREFIX}product-{product.id}",
    )


def products_submitted(ctx: FlowContext, vendor: Vendor, count: int) -> None:
    _announce(
        ctx,
        vendor,
        msg("staff-announce-products", count=count, business=vendor.business_name or "…"),
        msg("button-open-review-queue"),
        QUEUE_LINK,
    )


def staff_groups(ctx: FlowContext, vendor: Vendor) -> list[str]:
    """The groups that hear of the vendor's submission, each once."""
    units = ctx.bureau.units
    groups = units.staff_groups(vendor.regency_code) if units is not None else []
    if ctx.bureau.staff_group is not None:
        groups.append(ctx.bureau.staff_group)
    return list(dict.fromkeys(groups))


def _announce(ctx: FlowContext, vendor: Vendor, text: Msg, label: Msg, parameter: str) -> None:
    groups, link = staff_groups(ctx, vendor), ctx.bureau.links.telegram(parameter)
    if not groups or link is None:
        return
    tr = ctx.locales.translator(None)  # the bureau's language, whoever submitted
    message = OutMessage(tr.render(text), ((OutButton(parameter, tr.render(label), link),),))
    for group in groups:
        ctx.uow.outbox.queue(
            user_id=ctx.user.id,
            channel=CHANNEL,
            address=group,
            payload=to_payload(message),
            now=ctx.now,
        )
    ctx.outbox_queued = True


def review_link(parameter: str) -> str | None:
    """``review.*`` choice for a ``/start`` parameter from an announcement, or None."""
    if parameter == QUEUE_LINK:
        return "review.page.1"
    kind, _, number = parameter.removeprefix(REVIEW_LINK_PREFIX).partition("-")
    if kind in KINDS and number.isdecimal():
        return f"review.open.{kind}.{number}"
    return None
