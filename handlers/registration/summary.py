"""The summary card: every field with its value, a button to change each, and submission."""

from __future__ import annotations

from collections.abc import Collection

from handlers.context import FlowContext
from handlers.registration.places import place_value
from handlers.registration.steps import RegistrationStep
from handlers.replies import Choice, Msg, msg
from models.entities import Vendor
from models.schemas import RegistrationField
from models.services.disclosure import mask_number
from models.validators import format_rupiah


def field_value(
    ctx: FlowContext, vendor: Vendor, field: RegistrationField, masked: Collection[str] = ()
) -> Msg | None:
    """The stored answer of ``field`` as displayable text, or None when not answered; a field
    named in ``masked`` (staff views) shows only part of its number."""
    draft = ctx.registration.draft(vendor)
    if not draft.is_answered(field):
        return None
    match field:
        case RegistrationField.NIB if vendor.no_nib:
            return msg("value-no-nib")
        case RegistrationField.KBLI:
            return (
                msg("label-plain", text=", ".join(vendor.kbli))
                if vendor.kbli
                else msg("value-none")
            )
        case RegistrationField.NPWP if vendor.npwp_skipped:
            return msg("value-none")
        case RegistrationField.EMAIL if vendor.email_skipped:
            return msg("value-none")
        case RegistrationField.SCALE:
            return msg(
                "value-scale",
                scale=msg("scale-name", scale=vendor.scale or ""),
                basis=vendor.scale_basis or "",
                amount=format_rupiah(vendor.scale_amount or 0),
            )
        case RegistrationField.ETALASE:
            etalase = ctx.catalog.etalase_by_code(vendor.etalase_code or "")
            return msg("label-plain", text=etalase.name(ctx.user.language) if etalase else "?")
        case RegistrationField.KECAMATAN:
            return place_value(ctx, vendor)
        case RegistrationField.KELURAHAN:
            found = ctx.catalog.kelurahan_by_code(vendor.kelurahan_code or "")
            return msg("label-plain", text=found[1].name if found else "?")
        case _ if field.value in masked:
            return msg("label-plain", text=mask_number(str(getattr(vendor, field.value))))
    return msg("label-plain", text=str(getattr(vendor, field.value)))


def summary_lines(
    ctx: FlowContext, vendor: Vendor, masked: Collection[str] = ()
) -> tuple[Msg, ...]:
    """One line per field: its label and value, or a 'not filled' mark."""
    return tuple(
        msg(
            "summary-line",
            label=field_label(field),
            value=field_value(ctx, vendor, field, masked) or msg("value-missing"),
        )
        for field in RegistrationField
    )


def field_label(field: RegistrationField) -> Msg:
    return msg(f"field-{field.value.replace('_', '-')}")


def edit_choices(vendor: Vendor) -> list[Choice]:
    return [Choice(f"edit.{field.value}", field_label(field)) for field in RegistrationField]


def step_label(step: str) -> Msg:
    """The name of a step as the user knows it: the field it asks for."""
    match step:
        case RegistrationStep.SUMMARY | RegistrationStep.CONSENT:
            return msg(f"step-{step}")
        case RegistrationStep.SCALE_CONFIRM:
            return msg("field-scale")
        case RegistrationStep.NPWP_CONFIRM:
            return msg("field-npwp")
    return msg(f"field-{step.replace('_', '-')}")
