"""The questions of the registration flow, one class per step.

Each step asks its question and turns an answer into an outcome (advance, go to, retry) by
calling the registration service, which validates and stores it.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import ClassVar

from handlers import forms
from handlers.answers import is_none_answer, yes_or_no
from handlers.context import FlowContext
from handlers.forms import CANDIDATES, Advance, GoTo, Outcome, Retry
from handlers.registration.places import KecamatanStep, KelurahanStep
from handlers.replies import Choice, Msg, Reply, msg, reply
from models.entities import Vendor
from models.errors import AmbiguousAmount
from models.schemas import RegistrationField
from models.services.registration import RegistrationService
from models.validators import (
    Period,
    ScaleBasis,
    format_rupiah,
    parse_period_amount,
    parse_rupiah,
)
from models.validators.identity import is_old_npwp
from models.validators.npwp import says_npwp_is_nik


class RegistrationStep(StrEnum):
    """Named steps of the registration flow; stored in the database, so never renumbered."""

    CONSENT = "consent"
    OWNER_NAME = "owner_name"
    NIK = "nik"
    PHONE = "phone"
    BUSINESS_NAME = "business_name"
    NIB = "nib"
    KBLI = "kbli"
    NPWP = "npwp"
    NPWP_CONFIRM = "npwp_confirm"
    SCALE = "scale"
    SCALE_CONFIRM = "scale_confirm"
    ETALASE = "etalase"
    KECAMATAN = "kecamatan"
    KELURAHAN = "kelurahan"
    ADDRESS = "address"
    EMAIL = "email"
    SUMMARY = "summary"


Step = forms.Step[Vendor]


Setter = Callable[[RegistrationService, Vendor, str], object]


class TextStep(Step):
    """A free-text answer stored by one service setter."""

    setter: ClassVar[Setter]

    async def on_text(self, ctx: FlowContext, vendor: Vendor, text: str) -> Outcome:
        type(self).setter(ctx.registration, vendor, text)
        return Advance()


class OwnerNameStep(TextStep):
    free_text = True
    person_name = True
    name = RegistrationStep.OWNER_NAME
    field = RegistrationField.OWNER_NAME
    setter = RegistrationService.set_owner_name
    lead_words = ("nama", "nama lengkap", "nama pemilik", "saya", "atas nama", "pemilik")

    async def on_text(self, ctx: FlowContext, vendor: Vendor, text: str) -> Outcome:
        """Shows the name as stored when it differs from what was typed ("bu siti aminah")."""
        ctx.registration.set_owner_name(vendor, text)
        stored = vendor.owner_name or ""
        if stored == " ".join(text.split()):
            return Advance()
        return Advance((msg("owner-name-saved", name=stored),))


class NikStep(TextStep):
    name = RegistrationStep.NIK
    field = RegistrationField.NIK
    setter = RegistrationService.set_nik
    lead_words = ("nik", "no nik", "nomor nik", "nik ktp", "ktp", "no ktp", "nomor ktp")


class PhoneStep(Step):
    name = RegistrationStep.PHONE
    field = RegistrationField.PHONE
    lead_words = ("hp", "no hp", "nomor hp", "nomer hp", "wa", "no wa", "nomor wa", "telp")

    def question(self, ctx: FlowContext, vendor: Vendor) -> Reply:
        return reply(msg("ask-phone"), request_contact=True)

    async def on_text(self, ctx: FlowContext, vendor: Vendor, text: str) -> Outcome:
        phone = ctx.registration.set_phone(vendor, text)
        return Advance((msg("phone-saved", phone=phone),))

    async def on_contact(self, ctx: FlowContext, vendor: Vendor, phone: str, own: bool) -> Outcome:
        saved = ctx.registration.set_phone_from_contact(vendor, phone, is_own=own)
        return Advance((msg("phone-saved", phone=saved),))


class BusinessNameStep(TextStep):
    free_text = True
    thing_name = True
    name = RegistrationStep.BUSINESS_NAME
    field = RegistrationField.BUSINESS_NAME
    setter = RegistrationService.set_business_name
    lead_words = ("nama usaha", "nama toko", "nama bisnis", "nama usaha saya")


class NibStep(Step):
    name = RegistrationStep.NIB
    field = RegistrationField.NIB
    lead_words = ("nib", "no nib", "nomor nib", "nomor induk berusaha")

    def on_none(self, ctx: FlowContext, vendor: Vendor) -> Outcome:
        """ "belum punya", "tidak ada": the same as the "no NIB yet" button."""
        ctx.registration.mark_no_nib(vendor)
        return Advance((msg("nib-how-to-get"),))

    def question(self, ctx: FlowContext, vendor: Vendor) -> Reply:
        return reply(msg("ask-nib"), choices=[Choice("nib.none", msg("button-no-nib"))])

    async def on_text(self, ctx: FlowContext, vendor: Vendor, text: str) -> Outcome:
        ctx.registration.set_nib(vendor, text)
        return Advance()

    async def on_choice(self, ctx: FlowContext, vendor: Vendor, choice_id: str) -> Outcome:
        if choice_id != "nib.none":
            return Retry(msg("error-use-buttons"))
        return self.on_none(ctx, vendor)


class KbliStep(Step):
    name = RegistrationStep.KBLI
    field = RegistrationField.KBLI
    lead_words = ("kbli", "kode kbli", "no kbli", "nomor kbli")

    def on_none(self, ctx: FlowContext, vendor: Vendor) -> Outcome:
        if vendor.no_nib:
            return self.skip(ctx, vendor)
        return Retry(msg("error-kbli-required"))

    def question(self, ctx: FlowContext, vendor: Vendor) -> Reply:
        key = "ask-kbli-optional" if vendor.no_nib else "ask-kbli"
        return reply(msg(key))

    def can_skip(self, vendor: Vendor) -> bool:
        return vendor.no_nib

    def has_answer_to_keep(self, vendor: Vendor) -> bool:
        return bool(vendor.kbli)

    def skip(self, ctx: FlowContext, vendor: Vendor) -> Outcome:
        ctx.registration.skip_kbli(vendor)
        return Advance()

    async def on_text(self, ctx: FlowContext, vendor: Vendor, text: str) -> Outcome:
        mismatched = ctx.registration.set_kbli(vendor, text)
        return Advance(kbli_warning(ctx, vendor, mismatched))


class NpwpStep(Step):
    name = RegistrationStep.NPWP
    field = RegistrationField.NPWP
    lead_words = ("npwp", "no npwp", "nomor npwp")
    reads_none = False  # "pake no ktp aja" is the NIK, not "no": read in on_text, NIK first

    def question(self, ctx: FlowContext, vendor: Vendor) -> Reply:
        choices = [Choice("npwp.nik", msg("button-npwp-is-nik"))] if vendor.nik else []
        return reply(msg("ask-npwp"), choices=choices)

    def can_skip(self, vendor: Vendor) -> bool:
        return True

    def skip(self, ctx: FlowContext, vendor: Vendor) -> Outcome:
        ctx.registration.skip_npwp(vendor)
        return Advance()

    async def on_text(self, ctx: FlowContext, vendor: Vendor, text: str) -> Outcome:
        """A number is the NPWP; "sama kyk nik", "pake nik aja" take the NIK, once confirmed;
        "belum punya" skips."""
        if says_npwp_is_nik(text):
            if vendor.nik is None:
                return Retry(msg("error-npwp-nik-missing"))
            return GoTo(RegistrationStep.NPWP_CONFIRM)
        if is_none_answer(text):
            return self.on_none(ctx, vendor)
        ctx.registration.set_npwp(vendor, text)
        if is_old_npwp(text):
            return Advance((msg("npwp-old-form", npwp=vendor.npwp or ""),))
        return Advance()

    async def on_choice(self, ctx: FlowContext, vendor: Vendor, choice_id: str) -> Outcome:
        if choice_id != "npwp.nik" or vendor.nik is None:
            return Retry(msg("error-use-buttons"))
        ctx.registration.set_npwp(vendor, vendor.nik)
        return Advance()


class NpwpConfirmStep(Step):
    """Shows the NIK that "sama dengan NIK" means and stores it as the NPWP once confirmed."""

    name = RegistrationStep.NPWP_CONFIRM
    field = RegistrationField.NPWP
    reads_none = False

    def question(self, ctx: FlowContext, vendor: Vendor) -> Reply:
        return reply(
            msg("ask-npwp-is-nik", nik=vendor.nik or ""),
            choices=[
                Choice("confirm.yes", msg("button-yes-correct")),
                Choice("confirm.no", msg("button-change-answer")),
            ],
        )

    async def on_text(self, ctx: FlowContext, vendor: Vendor, text: str) -> Outcome:
        """ "ya" / "tidak" answer it; an NPWP typed instead is taken as the answer."""
        answer = yes_or_no(text)
        if answer is None:
            return await NpwpStep().on_text(ctx, vendor, text)
        return await self.on_choice(ctx, vendor, "confirm.yes" if answer else "confirm.no")

    async def on_choice(self, ctx: FlowContext, vendor: Vendor, choice_id: str) -> Outcome:
        if choice_id == "confirm.no":
            return GoTo(RegistrationStep.NPWP)
        if choice_id != "confirm.yes" or vendor.nik is None:
            return Retry(msg("error-use-buttons"))
        ctx.registration.set_npwp(vendor, vendor.nik)
        return Advance()


def scale_basis(ctx: FlowContext) -> ScaleBasis:
    """Whether the owner gives turnover (the default) or capital; stored while they answer."""
    return ScaleBasis(ctx.data.get("scale_basis", ScaleBasis.TURNOVER))


class ScaleStep(Step):
    """Asks turnover (or capital) in the owner's words; the scale is confirmed in the next step."""

    name = RegistrationStep.SCALE
    field = RegistrationField.SCALE

    def question(self, ctx: FlowContext, vendor: Vendor) -> Reply:
        basis = scale_basis(ctx)
        candidates: list[int] = ctx.data.get(CANDIDATES, [])
        choices = [
            Choice(f"scale.amount.{index}", msg("button-amount", amount=format_rupiah(amount)))
            for index, amount in enumerate(candidates)
        ]
        if basis is ScaleBasis.TURNOVER:
            choices.append(Choice("scale.capital", msg("button-scale-use-capital")))
            return reply(msg("ask-scale-turnover"), choices=choices)
        choices.append(Choice("scale.turnover", msg("button-scale-use-turnover")))
        return reply(msg("ask-scale-capital"), choices=choices)

    async def on_text(self, ctx: FlowContext, vendor: Vendor, text: str) -> Outcome:
        basis = scale_basis(ctx)
        period = Period.YEAR
        try:
            if basis is ScaleBasis.CAPITAL:  # capital is an amount, not a flow per period
                annual = parse_rupiah(text)
            else:
                annual, period = parse_period_amount(text)
        except AmbiguousAmount as ambiguous:
            ctx.set_data(**{CANDIDATES: ambiguous.candidates})
            return Retry(msg("error-money-ambiguous"))
        return self._propose(ctx, annual, period)

    async def on_choice(self, ctx: FlowContext, vendor: Vendor, choice_id: str) -> Outcome:
        if choice_id in ("scale.capital", "scale.turnover"):
            basis = ScaleBasis.CAPITAL if choice_id == "scale.capital" else ScaleBasis.TURNOVER
            ctx.set_data(scale_basis=basis.value, **{CANDIDATES: []})
            return GoTo(RegistrationStep.SCALE)
        candidates: list[int] = ctx.data.get(CANDIDATES, [])
        index = int(choice_id.rsplit(".", 1)[1]) if choice_id.startswith("scale.amount.") else -1
        if not 0 <= index < len(candidates):
            return Retry(msg("error-use-buttons"))
        return self._propose(ctx, candidates[index])

    @staticmethod
    def _propose(ctx: FlowContext, annual: int, period: Period = Period.YEAR) -> Outcome:
        """The annual amount goes to the confirmation, with the period it was given per."""
        ctx.set_data(scale_amount=annual, scale_period=period.value, **{CANDIDATES: []})
        return GoTo(RegistrationStep.SCALE_CONFIRM)


def given_per_period(ctx: FlowContext, annual: int) -> Msg:
    """ " (Rp2.500.000 sebulan × 12)": the amount as given, when it was not per year."""
    period = Period(ctx.data.get("scale_period", Period.YEAR))
    if period is Period.YEAR:
        return msg("label-plain", text="")
    given = format_rupiah(annual // period.per_year)
    return msg("scale-given", amount=given, period=period.value)


class ScaleConfirmStep(Step):
    name = RegistrationStep.SCALE_CONFIRM
    field = RegistrationField.SCALE
    reads_none = False

    def question(self, ctx: FlowContext, vendor: Vendor) -> Reply:
        basis = scale_basis(ctx)
        amount = int(ctx.data["scale_amount"])
        scale = ctx.registration.preview_scale(basis, amount)
        return reply(
            msg(
                "ask-scale-confirm",
                basis=basis.value,
                amount=format_rupiah(amount),
                given=given_per_period(ctx, amount),
                scale=msg("scale-name", scale=scale.value),
            ),
            choices=[
                Choice("confirm.yes", msg("button-yes-correct")),
                Choice("confirm.no", msg("button-change-answer")),
            ],
        )

    async def on_text(self, ctx: FlowContext, vendor: Vendor, text: str) -> Outcome:
        """ "ya" / "tidak" answer the question; an amount replaces the one understood."""
        answer = yes_or_no(text)
        if answer is None:
            return await ScaleStep().on_text(ctx, vendor, text)
        return await self.on_choice(ctx, vendor, "confirm.yes" if answer else "confirm.no")

    async def on_choice(self, ctx: FlowContext, vendor: Vendor, choice_id: str) -> Outcome:
        if choice_id == "confirm.no":
            return GoTo(RegistrationStep.SCALE)
        if choice_id != "confirm.yes" or "scale_amount" not in ctx.data:
            return Retry(msg("error-use-buttons"))
        basis = scale_basis(ctx)
        scale = ctx.registration.set_scale(vendor, basis, int(ctx.data["scale_amount"]))
        notes = (msg("scale-above-umkm"),) if scale.value == "besar" else ()
        return Advance(notes)


class EtalaseStep(Step):
    typed = False
    name = RegistrationStep.ETALASE
    field = RegistrationField.ETALASE

    def question(self, ctx: FlowContext, vendor: Vendor) -> Reply:
        language = ctx.user.language
        choices = [
            Choice(f"etalase.{item.code}", msg("label-plain", text=item.name(language)))
            for item in ctx.catalog.etalase
        ]
        return reply(msg("ask-etalase"), choices=choices, columns=2)

    async def on_choice(self, ctx: FlowContext, vendor: Vendor, choice_id: str) -> Outcome:
        code = choice_id.removeprefix("etalase.")
        mismatched = ctx.registration.set_etalase(vendor, code)
        return Advance(kbli_warning(ctx, vendor, mismatched))


class AddressStep(TextStep):
    free_text = True
    name = RegistrationStep.ADDRESS
    field = RegistrationField.ADDRESS
    setter = RegistrationService.set_address
    lead_words = ("alamat", "alamat usaha", "alamat lengkap", "alamat saya")


class EmailStep(TextStep):
    name = RegistrationStep.EMAIL
    field = RegistrationField.EMAIL
    setter = RegistrationService.set_email
    lead_words = ("email", "e-mail", "surel", "alamat email", "imel", "gmail")

    def can_skip(self, vendor: Vendor) -> bool:
        return True

    def skip(self, ctx: FlowContext, vendor: Vendor) -> Outcome:
        ctx.registration.skip_email(vendor)
        return Advance()


def kbli_warning(ctx: FlowContext, vendor: Vendor, mismatched: list[str]) -> tuple[Msg, ...]:
    """A warning (not a refusal) when KBLI codes do not fit the chosen etalase."""
    etalase = ctx.catalog.etalase_by_code(vendor.etalase_code or "")
    if not mismatched or etalase is None:
        return ()
    return (
        msg(
            "warning-kbli-mismatch",
            codes=", ".join(mismatched),
            etalase=etalase.name(ctx.user.language),
        ),
    )


FIELD_STEPS: tuple[Step, ...] = (
    OwnerNameStep(),
    NikStep(),
    PhoneStep(),
    BusinessNameStep(),
    NibStep(),
    KbliStep(),
    NpwpStep(),
    ScaleStep(),
    EtalaseStep(),
    KecamatanStep(),
    KelurahanStep(),
    AddressStep(),
    EmailStep(),
)
"""The questions in the order they are asked; each answers one registration field."""

FOLLOW_UPS: dict[str, Step] = {
    RegistrationStep.SCALE_CONFIRM: ScaleConfirmStep(),
    RegistrationStep.NPWP_CONFIRM: NpwpConfirmStep(),
}

STEPS: dict[str, Step] = {step.name: step for step in FIELD_STEPS} | FOLLOW_UPS
