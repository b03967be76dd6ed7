"""The vendor's side of a request for fixes: open exactly the fields the reviewer named."""

from __future__ import annotations

from handlers.context import FlowContext
from handlers.products import form as product_form
from handlers.products.browse import show_list
from handlers.registration import flow as registration
from handlers.replies import msg
from models.entities import Product, Vendor
from models.status import Status


async def requested_fields(ctx: FlowContext, item: Vendor | Product) -> list[str]:
    kind = "vendor" if isinstance(item, Vendor) else "product"
    for change in reversed(await ctx.uow.status_changes.for_subject(kind, item.id)):
        if change.to_status == Status.NEEDS_FIX:
            return list(change.fields)
    return []


async def fix_registration(ctx: FlowContext) -> None:
    vendor = await ctx.registration.vendor_of(ctx.user)
    if vendor is None or vendor.status != Status.NEEDS_FIX:
        await registration.start(ctx)
        return
    ctx.finish()
    pending = registration.FORM.fix_pending(vendor)
    registration.FORM.start_fix(ctx, vendor, pending or await requested_fields(ctx, vendor))


async def fix_product(ctx: FlowContext, product_id: int) -> None:
    vendor = await ctx.registration.vendor_of(ctx.user)
    product = await ctx.products.get(vendor, product_id) if vendor else None
    if vendor is None or product is None or product.status != Status.NEEDS_FIX:
        await show_list(ctx, 1, (msg("product-not-editable"),))
        return
    product_form.open_product(ctx, product.id, main_etalase=vendor.etalase_code)
    pending = product_form.FORM.fix_pending(product)
    product_form.FORM.start_fix(ctx, product, pending or await requested_fields(ctx, product))
