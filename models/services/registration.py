"""Business rules of a vendor registration: consent, fields, completeness and submission.

Flows (any channel) and, later, admin commands call these functions; they validate, apply the
lifecycle and record history, and never commit: the caller's unit of work does.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from models.catalog import Catalog
from models.entities import Consent, User, Vendor
from models.errors import InvalidInput, NotPermitted
from models.schemas import RegistrationDraft, RegistrationField
from models.services.lifecycle import transition
from models.status import EDITABLE_STATUSES, Status
from models.uow import UnitOfWork
from models.validators import (
    BusinessScale,
    ScaleBasis,
    classify_scale,
    parse_address,
    parse_business_name,
    parse_email,
    parse_kbli_list,
    parse_nib,
    parse_nik,
    parse_npwp,
    parse_person_name,
    parse_phone,
)

PRIVACY_NOTICE_VERSION = "2026-11"

Clock = Callable[[], datetime]


class RegistrationService:
    """Registration rules for one unit of work."""

    def __init__(self, uow: UnitOfWork, catalog: Catalog, clock: Clock) -> None:
        self._uow = uow
        self._catalog = catalog
        self._clock = clock

    async def vendor_of(self, user: User) -> Vendor | None:
        return await self._uow.vendors.by_user(user.id)

    async def has_consented(self, user: User) -> bool:
        return await self._uow.consents.in_force(user.id)

    async def give_consent(self, user: User, channel: str, *, typed: bool = False) -> Vendor:
        """Records consent as proof (pressed or typed) and opens the draft; nothing personal is
        stored before."""
        now = self._clock()
        self._uow.consents.add(
            Consent(
                user_id=user.id,
                notice_version=PRIVACY_NOTICE_VERSION,
                channel=channel,
                typed=typed,
                given_at=now,
            )
        )
        vendor = await self._uow.vendors.by_user(user.id)
        if vendor is None:
            vendor = await self._uow.vendors.add(
                Vendor(
                    user_id=user.id,
                    status=Status.DRAFT.value,
                    kbli=[],
                    created_at=now,
                    updated_at=now,
                )
            )
        return vendor

    # --- fields ---------------------------------------------------------------------------

    def set_owner_name(self, vendor: Vendor, text: str) -> None:
        self._edit(vendor).owner_name = parse_person_name(text)

    def set_nik(self, vendor: Vendor, text: str) -> None:
        self._edit(vendor).nik = parse_nik(text, self._clock().date())

    def set_phone(self, vendor: Vendor, text: str) -> str:
        phone = parse_phone(text)
        self._edit(vendor).phone = phone
        return phone

    def set_phone_from_contact(self, vendor: Vendor, phone: str, *, is_own: bool) -> str:
        if not is_own:
            raise InvalidInput("error-phone-not-own")
        return self.set_phone(vendor, phone)

    def set_business_name(self, vendor: Vendor, text: str) -> None:
        self._edit(vendor).business_name = parse_business_name(text)

    def set_nib(self, vendor: Vendor, text: str) -> None:
        self._edit(vendor).nib = parse_nib(text)
        vendor.no_nib = False

    def mark_no_nib(self, vendor: Vendor) -> None:
        self._edit(vendor).nib = None
        vendor.no_nib = True

    def set_kbli(self, vendor: Vendor, text: str) -> list[str]:
        """Stores the KBLI codes; returns those that do not fit the chosen etalase, if any."""
        self._edit(vendor).kbli = parse_kbli_list(text)
        return self.kbli_mismatches(vendor)

    def skip_kbli(self, vendor: Vendor) -> None:
        if not vendor.no_nib:
            raise InvalidInput("error-kbli-required")
        self._edit(vendor).kbli = []

    def set_npwp(self, vendor: Vendor, text: str) -> None:
        self._edit(vendor).npwp = parse_npwp(text)
        vendor.npwp_skipped = False

    def skip_npwp(self, vendor: Vendor) -> None:
        self._edit(vendor).npwp = None
        vendor.npwp_skipped = True

    @staticmethod
    def preview_scale(basis: ScaleBasis, annual_amount: int) -> BusinessScale:
        """The scale an amount would give, to confirm with the owner before storing it."""
        return classify_scale(basis, annual_amount)

    def set_scale(self, vendor: Vendor, basis: ScaleBasis, annual_amount: int) -> BusinessScale:
        scale = classify_scale(basis, annual_amount)
        edited = self._edit(vendor)
        edited.scale, edited.scale_basis, edited.scale_amount = (
            scale.value,
            basis.value,
            annual_amount,
        )
        return scale

    def set_etalase(self, vendor: Vendor, code: str) -> list[str]:
        """Stores the main etalase; returns the vendor's KBLI codes that do not fit it."""
        if self._catalog.etalase_by_code(code) is None:
            raise InvalidInput("error-choice")
        self._edit(vendor).etalase_code = code
        return self.kbli_mismatches(vendor)

    def set_regency(self, vendor: Vendor, code: str) -> None:
        """Stores the kabupaten/kota (of a deployment serving several); a different one clears
        the kecamatan and desa chosen in the other."""
        if self._catalog.region_by_code(code) is None:
            raise InvalidInput("error-choice")
        if vendor.regency_code != code:
            self._edit(vendor).kecamatan_code = None
            vendor.kelurahan_code = None
        vendor.regency_code = code

    def clear_regency(self, vendor: Vendor) -> None:
        """The vendor wants to choose another kabupaten/kota: the place is asked again."""
        self._edit(vendor).regency_code = None
        vendor.kecamatan_code = None
        vendor.kelurahan_code = None

    def set_kecamatan(self, vendor: Vendor, code: str) -> None:
        if self._catalog.kecamatan_by_code(code) is None:
            raise InvalidInput("error-choice")
        if vendor.kecamatan_code != code:
            self._edit(vendor).kelurahan_code = None
        vendor.kecamatan_code = code
        region = self._catalog.region_of(code)
        vendor.regency_code = region.code if region else None

    def set_kelurahan(self, vendor: Vendor, code: str) -> None:
        found = self._catalog.kelurahan_by_code(code)
        if found is None or found[0].code != vendor.kecamatan_code:
            raise InvalidInput("error-choice")
        self._edit(vendor).kelurahan_code = code

    def set_place(self, vendor: Vendor, kelurahan_code: str) -> None:
        """Stores a desa/kelurahan of the vendor's kabupaten/kota found by its name, with the
        kecamatan it is in (which may differ from the one chosen before)."""
        found = self._catalog.kelurahan_by_code(kelurahan_code)
        region = self._catalog.region_of(kelurahan_code)
        if found is None or region is None or region.code != vendor.regency_code:
            raise InvalidInput("error-choice")
        self._edit(vendor).kecamatan_code = found[0].code
        vendor.kelurahan_code = kelurahan_code

    def set_address(self, vendor: Vendor, text: str) -> None:
        self._edit(vendor).address = parse_address(text)

    def set_email(self, vendor: Vendor, text: str) -> None:
        self._edit(vendor).email = parse_email(text)
        vendor.email_skipped = False

    def skip_email(self, vendor: Vendor) -> None:
        self._edit(vendor).email = None
        vendor.email_skipped = True

    # --- reading --------------------------------------------------------------------------

    def kbli_mismatches(self, vendor: Vendor) -> list[str]:
        etalase = self._catalog.etalase_by_code(vendor.etalase_code or "")
        if not vendor.kbli or etalase is None:
            return []
        return self._catalog.mismatched_kbli(etalase.code, vendor.kbli)

    @staticmethod
    def draft(vendor: Vendor) -> RegistrationDraft:
        return RegistrationDraft.model_validate(vendor)

    @staticmethod
    def is_editable(vendor: Vendor) -> bool:
        return Status(vendor.status) in EDITABLE_STATUSES

    # --- lifecycle ------------------------------------------------------------------------

    async def submit(self, vendor: Vendor, actor: User) -> None:
        """Sends a complete draft (or a fixed one) to the bureau's review queue."""
        missing = self.draft(vendor).missing()
        if missing:
            raise InvalidInput("error-registration-incomplete", count=len(missing))
        if vendor.status == Status.NEEDS_FIX and vendor.fix_pending:
            raise InvalidInput("error-fixes-unchanged", count=len(vendor.fix_pending))
        transition(self._uow, vendor, Status.SUBMITTED, actor=actor, now=self._clock())
        vendor.submitted_at = self._clock()

    @staticmethod
    def mark_fixed(vendor: Vendor, field: str) -> None:
        """A field the reviewer asked to fix was changed."""
        if field in (vendor.fix_pending or []):
            vendor.fix_pending = [name for name in vendor.fix_pending if name != field]

    def _edit(self, vendor: Vendor) -> Vendor:
        if not self.is_editable(vendor):
            raise NotPermitted("error-registration-locked")
        vendor.updated_at = self._clock()
        return vendor


__all__ = ["PRIVACY_NOTICE_VERSION", "RegistrationField", "RegistrationService"]
