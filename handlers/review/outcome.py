"""What the vendor is told when a reviewer decides, in plain words, with the next step."""

from __future__ import annotations

from handlers.replies import Choice, Msg, Reply, msg, reply
from models.entities import Product, Vendor
from models.status import Status


def vendor_notice(
    kind: str,
    item: Vendor | Product,
    decision: Status,
    note: str | None,
    reason: str | None,
    fields: list[str],
) -> Reply:
    name = (item.business_name if isinstance(item, Vendor) else item.name) or "…"
    why = why_text(note, reason)
    match decision:
        case Status.APPROVED if isinstance(item, Vendor):
            return reply(
                msg("notify-vendor-approved", name=name),
                choices=[Choice("products.add", msg("button-add-product"))],
            )
        case Status.APPROVED:
            return reply(msg("notify-product-approved", name=name))
        case Status.NEEDS_FIX:
            prefix = "field" if kind == "vendor" else "product-field"
            labels = [
                msg("bullet", text=msg(f"{prefix}-{field.replace('_', '-')}")) for field in fields
            ]
            target = "fix.vendor" if kind == "vendor" else f"fix.product.{item.id}"
            return reply(
                msg(f"notify-{kind}-needs-fix", name=name, fields=labels, why=why),
                choices=[Choice(target, msg("button-fix-now"))],
            )
    return reply(msg(f"notify-{kind}-rejected", name=name, why=why))


def why_text(note: str | None, reason: str | None) -> Msg:
    """The reviewer's reason (translated for the vendor) and note (as written)."""
    if reason and note:
        return msg("notify-why-both", reason=msg(f"reason-{reason}"), note=note)
    if reason:
        return msg(f"reason-{reason}")
    return msg("label-plain", text=note or "")
