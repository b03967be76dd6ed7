"""'Produk saya': the vendor's products, each one's card, and what can be done with it.

Every action comes from a button whose choice id the engine stored (``product.open.17``), and
every product is looked up through the vendor, so one vendor can never reach another's product.
"""

from __future__ import annotations

from handlers.context import FlowContext
from handlers.forms import SUMMARY
from handlers.products import form
from handlers.products.card import list_label, photo_attachments, product_lines, status_label
from handlers.recovery import remember_final
from handlers.replies import Choice, Msg, msg
from handlers.review import announce
from handlers.status import latest_note
from models.entities import Product, Vendor
from models.errors import DomainError
from models.services.products import PAGE_SIZE
from models.status import Status


async def show_list(ctx: FlowContext, page: int = 1, notes: tuple[Msg, ...] = ()) -> None:
    vendor = await ctx.registration.vendor_of(ctx.user)
    if vendor is None:
        ctx.say(
            *notes,
            msg("product-register-first"),
            choices=[Choice("menu.register", msg("button-register"))],
        )
        return
    listing = await ctx.products.page(vendor, page)
    if listing.total == 0:
        ctx.say(
            *notes,
            msg("products-empty"),
            choices=[Choice("products.add", msg("button-add-product"))],
        )
        return
    first_number = (listing.page - 1) * PAGE_SIZE + 1
    choices = [
        Choice(f"product.open.{product.id}", list_label(product, first_number + index))
        for index, product in enumerate(listing.products)
    ]
    actions = [Choice("products.add", msg("button-add-product"))]
    ready = await ctx.products.ready_drafts(vendor)
    if ready:
        actions.append(Choice("products.submit_all", msg("button-submit-all", count=len(ready))))
    footer: list[Choice] = []
    if listing.page > 1:
        footer.append(Choice(f"products.page.{listing.page - 1}", msg("button-previous-page")))
    if listing.page < listing.pages:
        footer.append(Choice(f"products.page.{listing.page + 1}", msg("button-next-page")))
    footer.append(Choice("menu.main", msg("button-main-menu")))
    ctx.say(
        *notes,
        msg("products-title", total=listing.total, page=listing.page, pages=listing.pages),
        choices=choices,
        actions=actions,
        footer=footer,
    )


async def show_card(ctx: FlowContext, product: Product, notes: tuple[Msg, ...] = ()) -> None:
    """A product's photos, every field and status, with the actions its status allows."""
    choices = []
    if ctx.products.is_editable(product):
        choices.append(Choice(f"product.edit.{product.id}", msg("button-edit-product")))
        if not ctx.products.draft(product).missing():
            choices.append(Choice(f"product.submit.{product.id}", msg("button-submit")))
    choices.append(Choice(f"product.duplicate.{product.id}", msg("button-duplicate-product")))
    if product.status == Status.DRAFT:
        choices.append(Choice(f"product.delete.{product.id}", msg("button-delete-product")))
    choices.append(Choice("products.list", msg("button-my-products")))
    reviewed = product.status in (Status.NEEDS_FIX, Status.REJECTED)
    note = (msg("product-review-note", note=await latest_note(ctx, product)),) if reviewed else ()
    ctx.say(
        *notes,
        msg("product-card-title", name=product.name or "…", status=status_label(product)),
        *note,
        msg("summary-lines", lines=product_lines(ctx, product)),
        choices=choices,
        columns=2,
        attachments=photo_attachments(product),
    )


async def on_choice(ctx: FlowContext, choice: str) -> None:
    """Handles ``products.*`` and ``product.*`` buttons."""
    vendor = await ctx.registration.vendor_of(ctx.user)
    match choice.split("."):
        case ["products", "list"]:
            await show_list(ctx)
        case ["products", "page", page] if page.isdigit():
            await show_list(ctx, int(page))
        case ["products", "add"]:
            await form.start_new(ctx)
        case ["products", "submit_all"] if vendor is not None:
            await submit_all(ctx, vendor)
        case ["product", "resume"]:
            await form.FORM.resume(ctx)
        case ["product", action, number] if vendor is not None and number.isdigit():
            product = await ctx.products.get(vendor, int(number))
            if product is None:
                await show_list(ctx, 1, (msg("product-not-found"),))
            else:
                await act(ctx, vendor, product, action)
        case _:
            await show_list(ctx)


async def act(ctx: FlowContext, vendor: Vendor, product: Product, action: str) -> None:
    match action:
        case "open" | "edit" if form.FORM.fix_pending(product):
            form.open_product(ctx, product.id, main_etalase=vendor.etalase_code)
            form.FORM.start_fix(ctx, product)
        case "open":
            await show_card(ctx, product)
        case "edit" if ctx.products.is_editable(product):
            form.open_product(ctx, product.id, main_etalase=vendor.etalase_code)
            form.FORM.ask(ctx, product, SUMMARY)
        case "submit":
            await submit_one(ctx, vendor, product)
        case "duplicate":
            copy = await ctx.products.duplicate(product)
            form.open_product(ctx, copy.id, main_etalase=vendor.etalase_code)
            form.FORM.ask(ctx, copy, SUMMARY, (msg("product-duplicated"),))
        case "delete":
            ctx.say(
                msg("product-delete-confirm", name=product.name or "…"),
                choices=[
                    Choice(f"product.deleteyes.{product.id}", msg("button-delete-yes")),
                    Choice(f"product.open.{product.id}", msg("button-delete-no")),
                ],
            )
        case "deleteyes":
            await delete(ctx, product)
        case _:
            await show_card(ctx, product, (msg("product-action-unavailable"),))


async def submit_one(ctx: FlowContext, vendor: Vendor, product: Product) -> None:
    try:
        await ctx.products.submit(product, vendor, ctx.user)
    except DomainError as error:
        await show_card(ctx, product, (msg("error-prefix", text=Msg(error.key, error.args_map)),))
        return
    announce.product_submitted(ctx, vendor, product)
    remember_final(ctx, form.FINAL_KIND, product.id)
    await show_list(ctx, 1, (msg("product-submitted", name=product.name or "…"),))


async def submit_all(ctx: FlowContext, vendor: Vendor) -> None:
    try:
        count = await ctx.products.submit_ready(vendor, ctx.user)
    except DomainError as error:
        await show_list(ctx, 1, (msg("error-prefix", text=Msg(error.key, error.args_map)),))
        return
    announce.products_submitted(ctx, vendor, count)
    remember_final(ctx, BULK_KIND, count)
    await say_all_submitted(ctx, count)


BULK_KIND = "products"
"""The confirmation of every ready draft sent at once; its item is how many were sent."""


async def say_all_submitted(ctx: FlowContext, count: int, notes: tuple[Msg, ...] = ()) -> None:
    """The confirmation of ``count`` products sent for review, with the list to go on from."""
    await show_list(ctx, 1, (*notes, msg("products-submitted", count=count)))


async def delete(ctx: FlowContext, product: Product) -> None:
    name = product.name or "…"
    try:
        await ctx.products.delete(product)
    except DomainError as error:
        await show_card(ctx, product, (msg("error-prefix", text=Msg(error.key, error.args_map)),))
        return
    if ctx.data.get("product_id") == product.id:
        ctx.finish()
    await show_list(ctx, 1, (msg("product-deleted", name=name),))
