"""The product listing form: a draft per product, resumable, editable, then submitted.

```mermaid
flowchart LR
    name --> etalase --> description --> brand --> unit --> price --> price_confirm
    price_confirm --> min_order --> capacity --> domestic --> tkdn --> sni --> kbki
    kbki --> photos --> lead_time --> summary
    summary -- "submit" --> submitted((submitted))
```
TKDN is asked only for domestic products. A number read through words, a unit multiple or a
period at min_order, capacity, tkdn or lead_time is confirmed at its ``*_confirm`` step first.
"""

from __future__ import annotations

from typing import Any

from handlers.context import Flow, FlowContext
from handlers.forms import Form, kebab
from handlers.products.card import field_label, product_lines, product_value, status_label
from handlers.products.steps import FIELD_STEPS, FOLLOW_UPS
from handlers.recovery import remember_final
from handlers.registration import flow as registration
from handlers.replies import Choice, Msg, msg
from handlers.review import announce
from models.entities import Product
from models.errors import DomainError
from models.schemas import ProductField
from models.status import Status


class ProductForm(Form[Product]):
    flow = Flow.PRODUCT
    steps = FIELD_STEPS
    follow_ups = FOLLOW_UPS

    async def subject(self, ctx: FlowContext) -> Product | None:
        vendor = await ctx.registration.vendor_of(ctx.user)
        product_id = ctx.data.get("product_id")
        if vendor is None or not isinstance(product_id, int):
            return None
        product = await ctx.products.get(vendor, product_id)
        if product is None or not ctx.products.is_editable(product):
            return None
        if "main_etalase" not in ctx.data:
            ctx.set_data(main_etalase=vendor.etalase_code)
        return product

    def mark_fixed(self, ctx: FlowContext, subject: Product, field: str) -> None:
        ctx.products.mark_fixed(subject, field)

    def fix_pending(self, subject: Product) -> list[str]:
        return list(subject.fix_pending or []) if subject.status == Status.NEEDS_FIX else []

    def is_answered(self, ctx: FlowContext, subject: Product, field: str) -> bool:
        return ctx.products.draft(subject).is_answered(ProductField(field))

    def field_value(self, ctx: FlowContext, subject: Product, field: str) -> Msg | None:
        return product_value(ctx, subject, ProductField(field))

    def help_key(self, step: str) -> str:
        return f"help-product-{kebab(step)}"

    def help_args(self, ctx: FlowContext) -> dict[str, Any]:
        return {}

    async def restart(self, ctx: FlowContext) -> None:
        from handlers.products import browse

        ctx.finish()
        await browse.show_list(ctx, 1, (msg("product-not-editable"),))

    def pause(self, ctx: FlowContext, subject: Product) -> None:
        ctx.say(
            msg("product-paused", name=subject.name or "…"),
            choices=[
                Choice("product.resume", msg("button-continue-product")),
                Choice("products.list", msg("button-my-products")),
                Choice("menu.main", msg("button-main-menu")),
            ],
        )

    def show_summary(self, ctx: FlowContext, subject: Product, notes: tuple[Msg, ...]) -> None:
        missing = ctx.products.draft(subject).missing()
        actions = [
            Choice("summary.submit", msg("button-submit"))
            if not missing
            else Choice("summary.complete", msg("button-complete", count=len(missing))),
            Choice("summary.later", msg("button-save-draft")),
            Choice("products.list", msg("button-my-products")),
        ]
        ctx.say(
            *notes,
            msg("product-summary-title", status=status_label(subject)),
            msg("summary-lines", lines=product_lines(ctx, subject)),
            msg("product-summary-hint"),
            *([fixes_unchanged(pending)] if (pending := self.fix_pending(subject)) else []),
            choices=[
                Choice(f"edit.{field.value}", field_label(field))
                for field in ProductField
                if self.step(self.step_of_field(field)).applies(subject)
            ],
            columns=2,
            actions=actions,
        )

    async def on_summary_choice(self, ctx: FlowContext, subject: Product, choice: str) -> None:
        if choice == "summary.later":
            ctx.finish()
            ctx.say(
                msg("product-saved-draft", name=subject.name or "…"),
                choices=[
                    Choice("products.add", msg("button-add-product")),
                    Choice("products.list", msg("button-my-products")),
                ],
            )
        elif choice == "summary.submit":
            await self.submit(ctx, subject)
        else:
            self.show_summary(ctx, subject, (msg("error-prefix", text=msg("error-use-buttons")),))

    async def submit(self, ctx: FlowContext, product: Product) -> None:
        vendor = await ctx.registration.vendor_of(ctx.user)
        assert vendor is not None
        try:
            await ctx.products.submit(product, vendor, ctx.user)
        except DomainError as error:
            if error.key == "error-fixes-unchanged":
                refused = msg("error-prefix", text=fixes_unchanged(self.fix_pending(product)))
                self.start_fix(ctx, product, notes=(refused,))
                return
            note = msg("error-prefix", text=Msg(error.key, error.args_map))
            self.show_summary(ctx, product, (note,))
            return
        announce.product_submitted(ctx, vendor, product)
        ctx.finish()
        remember_final(ctx, FINAL_KIND, product.id)
        say_submitted(ctx, product)


FINAL_KIND = "product"


def say_submitted(ctx: FlowContext, product: Product, notes: tuple[Msg, ...] = ()) -> None:
    """The confirmation of a product sent for review, with what to do next."""
    ctx.say(
        *notes,
        msg("product-submitted", name=product.name or "…"),
        choices=[
            Choice("products.add", msg("button-add-another-product")),
            Choice("products.list", msg("button-my-products")),
        ],
    )


FORM = ProductForm()


async def start_new(ctx: FlowContext) -> None:
    """Opens a new product draft; registering the business (at least consent) comes first."""
    vendor = await ctx.registration.vendor_of(ctx.user)
    if vendor is None:
        ctx.say(msg("product-register-first"))
        await registration.start(ctx)
        return
    product = await ctx.products.create(vendor.id)
    open_product(ctx, product.id, main_etalase=vendor.etalase_code)
    FORM.ask(ctx, product, FORM.steps[0].name, (msg("product-started"),))


def fixes_unchanged(fields: list[str]) -> Msg:
    """The warning that lists the asked fields still unchanged."""
    labels = [msg("summary-bullet", text=field_label(ProductField(f))) for f in fields]
    return msg("summary-warning-fixes", count=len(fields), fields=labels)


def open_product(ctx: FlowContext, product_id: int, *, main_etalase: str | None) -> None:
    """Points the conversation at one product draft (resetting the form's scratch data)."""
    ctx.finish()
    ctx.enter(Flow.PRODUCT, FORM.steps[0].name)
    ctx.set_data(product_id=product_id, main_etalase=main_etalase)
