"""The questions of the product listing, one class per step."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import Any, ClassVar

from handlers import forms, numbers
from handlers.answers import yes_or_no
from handlers.context import FlowContext
from handlers.events import MediaReceived
from handlers.forms import CANDIDATES, Advance, GoTo, Outcome, Retry, kebab
from handlers.products.card import format_percent
from handlers.replies import Choice, Msg, Reply, msg, reply
from models.entities import Product
from models.errors import AmbiguousAmount
from models.schemas import MAX_PHOTOS, ProductField
from models.services.products import COMMON_UNITS, ProductService
from models.validators import Reading, format_rupiah, parse_rupiah
from models.validators.chat import normalise


class ProductStep(StrEnum):
    """Named steps of the product listing; stored in the database, so never renumbered."""

    NAME = "name"
    ETALASE = "etalase"
    DESCRIPTION = "description"
    BRAND = "brand"
    UNIT = "unit"
    PRICE = "price"
    PRICE_CONFIRM = "price_confirm"
    MIN_ORDER = "min_order"
    MIN_ORDER_CONFIRM = "min_order_confirm"
    CAPACITY = "capacity"
    CAPACITY_CONFIRM = "capacity_confirm"
    DOMESTIC = "domestic"
    TKDN = "tkdn"
    TKDN_CONFIRM = "tkdn_confirm"
    SNI = "sni"
    KBKI = "kbki"
    PHOTOS = "photos"
    LEAD_TIME = "lead_time"
    LEAD_TIME_CONFIRM = "lead_time_confirm"


class Step(forms.Step[Product]):
    """A product question; its text is ``product-ask-<step>``, given the product's unit."""

    def question(self, ctx: FlowContext, subject: Product) -> Reply:
        return reply(msg(f"product-ask-{kebab(self.name)}", **self.question_args(subject)))

    def question_args(self, subject: Product) -> dict[str, Any]:
        return {"unit": subject.unit or "unit"}


Setter = Callable[[ProductService, Product, str], object]
Skipper = Callable[[ProductService, Product], object]


class OptionalStep(Step):
    """A question that may be skipped when it has a skipper."""

    skipper: ClassVar[Skipper | None] = None

    def can_skip(self, subject: Product) -> bool:
        return type(self).skipper is not None

    def skip(self, ctx: FlowContext, subject: Product) -> Outcome:
        skipper = type(self).skipper
        assert skipper is not None
        skipper(ctx.products, subject)
        return Advance()


class TextStep(OptionalStep):
    """A free-text answer stored by one service setter."""

    setter: ClassVar[Setter]

    async def on_text(self, ctx: FlowContext, subject: Product, text: str) -> Outcome:
        type(self).setter(ctx.products, subject, text)
        return Advance()


Reader = Callable[[ProductService, Product, str], Reading]
Storer = Callable[[ProductService, Product, int], object]


class NumberStep(OptionalStep, numbers.NumberStep[Product]):
    """A number read and stored by the service, in the unit of :meth:`shown`."""

    reader: ClassVar[Reader]
    storer: ClassVar[Storer]

    def read(self, ctx: FlowContext, subject: Product, text: str) -> Reading:
        return type(self).reader(ctx.products, subject, text)

    def store(self, ctx: FlowContext, subject: Product, value: int) -> Outcome:
        type(self).storer(ctx.products, subject, value)
        return Advance()


class NameStep(TextStep):
    free_text = True
    thing_name = True
    name = ProductStep.NAME
    field = ProductField.NAME
    setter = ProductService.set_name
    lead_words = ("nama produk", "nama barang", "nama produknya")


class EtalaseStep(Step):
    """The vendor's main etalase is offered first."""

    typed = False

    name = ProductStep.ETALASE
    field = ProductField.ETALASE

    def question(self, ctx: FlowContext, subject: Product) -> Reply:
        main = ctx.data.get("main_etalase")
        ordered = sorted(ctx.catalog.etalase, key=lambda item: item.code != main)
        choices = [
            Choice(
                f"etalase.{item.code}",
                msg("product-main-etalase", name=item.name(ctx.user.language))
                if item.code == main
                else msg("label-plain", text=item.name(ctx.user.language)),
            )
            for item in ordered
        ]
        return reply(msg("product-ask-etalase"), choices=choices, columns=2)

    async def on_choice(self, ctx: FlowContext, subject: Product, choice_id: str) -> Outcome:
        ctx.products.set_etalase(subject, choice_id.removeprefix("etalase."))
        return Advance()


class DescriptionStep(TextStep):
    free_text = True
    name = ProductStep.DESCRIPTION
    field = ProductField.DESCRIPTION
    setter = ProductService.set_description


class BrandStep(TextStep):
    free_text = True
    thing_name = True
    name = ProductStep.BRAND
    field = ProductField.BRAND
    setter = ProductService.set_brand
    skipper = ProductService.skip_brand
    lead_words = ("merek", "merk", "brand", "nama merek")


class UnitStep(TextStep):
    free_text = True
    name = ProductStep.UNIT
    field = ProductField.UNIT
    setter = ProductService.set_unit

    def question(self, ctx: FlowContext, subject: Product) -> Reply:
        choices = [Choice(f"unit.{unit}", msg("label-plain", text=unit)) for unit in COMMON_UNITS]
        return reply(msg("product-ask-unit"), choices=choices, columns=4)

    async def on_choice(self, ctx: FlowContext, subject: Product, choice_id: str) -> Outcome:
        ctx.products.set_unit(subject, choice_id.removeprefix("unit."))
        return Advance()


class PriceStep(Step):
    """Reads the price the way people type it; the value understood is confirmed next."""

    name = ProductStep.PRICE
    field = ProductField.PRICE

    def question(self, ctx: FlowContext, subject: Product) -> Reply:
        candidates: list[int] = ctx.data.get(CANDIDATES, [])
        choices = [
            Choice(f"price.{index}", msg("button-amount", amount=format_rupiah(amount)))
            for index, amount in enumerate(candidates)
        ]
        return reply(msg("product-ask-price", unit=subject.unit or "unit"), choices=choices)

    async def on_text(self, ctx: FlowContext, subject: Product, text: str) -> Outcome:
        try:
            price = parse_rupiah(text)
        except AmbiguousAmount as ambiguous:
            ctx.set_data(**{CANDIDATES: ambiguous.candidates})
            return Retry(msg("error-money-ambiguous"))
        return propose_price(ctx, price)

    async def on_choice(self, ctx: FlowContext, subject: Product, choice_id: str) -> Outcome:
        candidates: list[int] = ctx.data.get(CANDIDATES, [])
        index = choice_id.removeprefix("price.")
        if not index.isdigit() or int(index) >= len(candidates):
            return Retry(msg("error-use-buttons"))
        return propose_price(ctx, candidates[int(index)])


def propose_price(ctx: FlowContext, price: int) -> Outcome:
    ctx.set_data(price_pending=price, **{CANDIDATES: []})
    return GoTo(ProductStep.PRICE_CONFIRM)


class PriceConfirmStep(Step):
    name = ProductStep.PRICE_CONFIRM
    field = ProductField.PRICE
    reads_none = False

    def question(self, ctx: FlowContext, subject: Product) -> Reply:
        return reply(
            msg(
                "product-ask-price-confirm",
                price=format_rupiah(int(ctx.data.get("price_pending", 0))),
                unit=subject.unit or "unit",
            ),
            choices=[
                Choice("confirm.yes", msg("button-yes-correct")),
                Choice("confirm.no", msg("button-change-answer")),
            ],
        )

    async def on_text(self, ctx: FlowContext, subject: Product, text: str) -> Outcome:
        """ "ya" / "tidak" answer the question; a price replaces the one understood."""
        answer = yes_or_no(text)
        if answer is None:
            return await PriceStep().on_text(ctx, subject, text)
        return await self.on_choice(ctx, subject, "confirm.yes" if answer else "confirm.no")

    async def on_choice(self, ctx: FlowContext, subject: Product, choice_id: str) -> Outcome:
        if choice_id == "confirm.no":
            return GoTo(ProductStep.PRICE)
        if choice_id != "confirm.yes" or "price_pending" not in ctx.data:
            return Retry(msg("error-use-buttons"))
        ctx.products.set_price(subject, int(ctx.data["price_pending"]))
        return Advance()


class MinOrderStep(NumberStep):
    name = ProductStep.MIN_ORDER
    field = ProductField.MIN_ORDER
    confirm_step = ProductStep.MIN_ORDER_CONFIRM
    reader = ProductService.read_min_order
    storer = ProductService.set_min_order
    lead_words = ("minimal", "minimum", "min", "min order", "minimal order", "minimal pesan")

    def shown(self, ctx: FlowContext, subject: Product, value: int) -> Msg:
        return msg("value-quantity", count=value, unit=subject.unit or "unit")


class CapacityStep(NumberStep):
    name = ProductStep.CAPACITY
    field = ProductField.CAPACITY
    confirm_step = ProductStep.CAPACITY_CONFIRM
    reader = ProductService.read_capacity
    storer = ProductService.set_capacity
    lead_words = ("kapasitas", "kapasitas produksi", "produksi", "sanggup", "bisa")

    def shown(self, ctx: FlowContext, subject: Product, value: int) -> Msg:
        return msg("value-capacity", count=value, unit=subject.unit or "unit")


DOMESTIC = frozenset({"lokal", "negeri", "indonesia", "sendiri", "buatan", "produksi", "bikin"})
IMPORTED = frozenset({"impor", "import", "imported", "luar"})


def domestic_answer(text: str) -> bool | None:
    """Whether a typed answer says the product is made in Indonesia, or None if unclear."""
    words = set(normalise(text).split())
    if words & IMPORTED:
        return False
    if words & DOMESTIC:
        return True
    return yes_or_no(text)


class DomesticStep(Step):
    typed = False
    name = ProductStep.DOMESTIC
    field = ProductField.DOMESTIC

    def question(self, ctx: FlowContext, subject: Product) -> Reply:
        return reply(
            msg("product-ask-domestic"),
            choices=[
                Choice("domestic.yes", msg("button-domestic-yes")),
                Choice("domestic.no", msg("button-domestic-no")),
            ],
        )

    async def on_choice(self, ctx: FlowContext, subject: Product, choice_id: str) -> Outcome:
        if choice_id not in ("domestic.yes", "domestic.no"):
            return Retry(msg("error-use-buttons"))
        ctx.products.set_domestic(subject, choice_id == "domestic.yes")
        return Advance()

    async def on_text(self, ctx: FlowContext, subject: Product, text: str) -> Outcome:
        """ "ya", "lokal", "buatan sendiri" or "tidak", "impor" answer it too."""
        answer = domestic_answer(text)
        if answer is None:
            return Retry(msg("error-use-buttons"))
        return await self.on_choice(ctx, subject, "domestic.yes" if answer else "domestic.no")


class TkdnStep(NumberStep):
    name = ProductStep.TKDN
    field = ProductField.TKDN
    confirm_step = ProductStep.TKDN_CONFIRM
    reader = ProductService.read_tkdn
    storer = ProductService.set_tkdn
    skipper = ProductService.skip_tkdn
    lead_words = ("tkdn", "nilai tkdn", "tkdn nya")

    def applies(self, subject: Product) -> bool:
        return subject.domestic is not False

    def shown(self, ctx: FlowContext, subject: Product, value: int) -> Msg:
        return msg("label-plain", text=format_percent(value))


class SniStep(TextStep):
    name = ProductStep.SNI
    field = ProductField.SNI
    setter = ProductService.set_sni
    skipper = ProductService.skip_sni


class KbkiStep(TextStep):
    name = ProductStep.KBKI
    field = ProductField.KBKI
    setter = ProductService.set_kbki
    skipper = ProductService.skip_kbki
    lead_words = ("kbki", "kode kbki", "no kbki", "nomor kbki")


class PhotosStep(Step):
    """One to five photos; each is checked and stored as it arrives."""

    name = ProductStep.PHOTOS
    field = ProductField.PHOTOS
    reads_none = False

    def has_answer_to_keep(self, subject: Product) -> bool:
        return False  # the question itself offers "done" once a photo is stored

    def question(self, ctx: FlowContext, subject: Product) -> Reply:
        count = len(subject.photos)
        choices = (
            [
                Choice("photos.done", msg("button-photos-done")),
                Choice("photos.clear", msg("button-photos-clear")),
            ]
            if count
            else []
        )
        return reply(msg("product-ask-photos", count=count, max=MAX_PHOTOS), choices=choices)

    async def on_media(self, ctx: FlowContext, subject: Product, media: MediaReceived) -> Outcome:
        ctx.products.check_photo_size(media.size)
        if media.download is None:
            return Retry(msg("error-photo-type"))
        data = await media.download()
        count = ctx.products.add_photo(subject, ctx.sender.channel, media.file_ref, data)
        saved = msg("product-photo-saved", count=count, max=MAX_PHOTOS)
        return Advance((saved,)) if count >= MAX_PHOTOS else GoTo(self.name, (saved,))

    async def on_text(self, ctx: FlowContext, subject: Product, text: str) -> Outcome:
        return Retry(msg("error-photo-expected"))

    async def on_choice(self, ctx: FlowContext, subject: Product, choice_id: str) -> Outcome:
        if choice_id == "photos.clear":
            ctx.products.clear_photos(subject)
            return GoTo(self.name, (msg("product-photos-cleared"),))
        if choice_id == "photos.done" and subject.photos:
            return Advance()
        return Retry(msg("error-photo-expected"))


class LeadTimeStep(NumberStep):
    name = ProductStep.LEAD_TIME
    field = ProductField.LEAD_TIME
    confirm_step = ProductStep.LEAD_TIME_CONFIRM
    reader = ProductService.read_lead_time
    storer = ProductService.set_lead_time
    skipper = ProductService.skip_lead_time
    lead_words = ("lama pengiriman", "pengiriman", "lama kirim", "dikirim", "kirim", "waktu")

    def shown(self, ctx: FlowContext, subject: Product, value: int) -> Msg:
        return msg("value-days", count=value)


FIELD_STEPS: tuple[Step, ...] = (
    NameStep(),
    EtalaseStep(),
    DescriptionStep(),
    BrandStep(),
    UnitStep(),
    PriceStep(),
    MinOrderStep(),
    CapacityStep(),
    DomesticStep(),
    TkdnStep(),
    SniStep(),
    KbkiStep(),
    PhotosStep(),
    LeadTimeStep(),
)
"""The questions in the order they are asked; each answers one product field."""


class MinOrderConfirmStep(numbers.NumberConfirmStep[Product]):
    name = ProductStep.MIN_ORDER_CONFIRM
    field = ProductField.MIN_ORDER
    question_key = "product-ask-min-order-confirm"
    asked = MinOrderStep()


class CapacityConfirmStep(numbers.NumberConfirmStep[Product]):
    name = ProductStep.CAPACITY_CONFIRM
    field = ProductField.CAPACITY
    question_key = "product-ask-capacity-confirm"
    asked = CapacityStep()


class TkdnConfirmStep(numbers.NumberConfirmStep[Product]):
    name = ProductStep.TKDN_CONFIRM
    field = ProductField.TKDN
    question_key = "product-ask-tkdn-confirm"
    asked = TkdnStep()


class LeadTimeConfirmStep(numbers.NumberConfirmStep[Product]):
    name = ProductStep.LEAD_TIME_CONFIRM
    field = ProductField.LEAD_TIME
    question_key = "product-ask-lead-time-confirm"
    asked = LeadTimeStep()


FOLLOW_UPS: dict[str, forms.Step[Product]] = {
    step.name: step
    for step in (
        PriceConfirmStep(),
        MinOrderConfirmStep(),
        CapacityConfirmStep(),
        TkdnConfirmStep(),
        LeadTimeConfirmStep(),
    )
}
