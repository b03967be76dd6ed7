"""How a product's answers are shown: summary lines, values and list entries."""

from __future__ import annotations

from handlers.context import FlowContext
from handlers.replies import Attachment, Msg, msg
from models.entities import Product
from models.schemas import ProductField
from models.services.products import ProductService
from models.validators import format_rupiah

PREVIEW_LENGTH = 60


def product_value(ctx: FlowContext, product: Product, field: ProductField) -> Msg | None:
    """The stored answer of ``field`` as displayable text, or None when not answered."""
    if not ProductService.draft(product).is_answered(field):
        return None
    unit = product.unit or ""
    match field:
        case ProductField.ETALASE:
            etalase = ctx.catalog.etalase_by_code(product.etalase_code or "")
            return plain(etalase.name(ctx.user.language) if etalase else "?")
        case ProductField.DESCRIPTION:
            return plain(shorten(product.description or ""))
        case ProductField.PRICE:
            return msg("value-price", price=format_rupiah(product.price or 0), unit=unit)
        case ProductField.MIN_ORDER:
            return msg("value-quantity", count=product.min_order or 0, unit=unit)
        case ProductField.CAPACITY:
            return msg("value-capacity", count=product.capacity or 0, unit=unit)
        case ProductField.DOMESTIC:
            return msg("value-domestic-yes" if product.domestic else "value-domestic-no")
        case ProductField.TKDN if product.tkdn_bp is not None:
            return msg("value-tkdn", percent=format_percent(product.tkdn_bp))
        case ProductField.PHOTOS:
            return msg("value-photos", count=len(product.photos))
        case ProductField.LEAD_TIME if product.lead_time_days is not None:
            return msg("value-days", count=product.lead_time_days)
    value = getattr(product, STORED_AS.get(field, field.value))
    return plain(str(value)) if value is not None else msg("value-none")


STORED_AS = {
    ProductField.SNI: "sni_number",
    ProductField.KBKI: "kbki_code",
    ProductField.TKDN: "tkdn_bp",
    ProductField.LEAD_TIME: "lead_time_days",
}
"""Fields whose column has another name; a None there was skipped (or does not apply)."""


def photo_attachments(product: Product) -> list[Attachment]:
    """The product's photos, to send with its card: the channel's own copy when it came
    through that channel, else the stored file."""
    return [
        Attachment("photo", photo.channel, photo.file_ref, photo.stored_path)
        for photo in product.photos
    ]


def plain(text: str) -> Msg:
    return msg("label-plain", text=text)


def shorten(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= PREVIEW_LENGTH else flat[: PREVIEW_LENGTH - 1] + "…"


def format_percent(basis_points: int) -> str:
    """4050 → "40,5%" (Indonesian decimal comma)."""
    whole, fraction = divmod(basis_points, 100)
    return f"{whole},{fraction:02d}".rstrip("0").rstrip(",") + "%"


def field_label(field: ProductField) -> Msg:
    return msg(f"product-field-{field.value.replace('_', '-')}")


def product_lines(ctx: FlowContext, product: Product) -> tuple[Msg, ...]:
    """One line per field: its label and value, or a 'not filled' mark."""
    return tuple(
        msg(
            "summary-line",
            label=field_label(field),
            value=product_value(ctx, product, field) or msg("value-missing"),
        )
        for field in ProductField
    )


def status_label(product: Product) -> Msg:
    return msg(f"product-status-{product.status.replace('_', '-')}")


def list_label(product: Product, number: int) -> Msg:
    """A product as a one-line list entry: number, name, price, status."""
    return msg(
        "product-list-entry",
        number=number,
        name=shorten(product.name or "") or "…",
        status=status_label(product),
    )
