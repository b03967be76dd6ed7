"""Pydantic views of stored rows: what a complete registration must contain."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict


class RegistrationField(StrEnum):
    """The fields of a vendor registration, in the order the flow asks them."""

    OWNER_NAME = "owner_name"
    NIK = "nik"
    PHONE = "phone"
    BUSINESS_NAME = "business_name"
    NIB = "nib"
    KBLI = "kbli"
    NPWP = "npwp"
    SCALE = "scale"
    ETALASE = "etalase"
    KECAMATAN = "kecamatan"
    KELURAHAN = "kelurahan"
    ADDRESS = "address"
    EMAIL = "email"


OPTIONAL_FIELDS = frozenset({RegistrationField.NPWP, RegistrationField.EMAIL})


class RegistrationDraft(BaseModel):
    """A registration as stored, possibly incomplete."""

    model_config = ConfigDict(from_attributes=True)

    owner_name: str | None = None
    nik: str | None = None
    phone: str | None = None
    business_name: str | None = None
    nib: str | None = None
    no_nib: bool = False
    kbli: list[str] = []
    npwp: str | None = None
    npwp_skipped: bool = False
    scale: str | None = None
    etalase_code: str | None = None
    kecamatan_code: str | None = None
    kelurahan_code: str | None = None
    address: str | None = None
    email: str | None = None
    email_skipped: bool = False

    def is_answered(self, field: RegistrationField) -> bool:
        """Whether the user has dealt with ``field`` (answered it, or skipped it if allowed)."""
        answered = {
            RegistrationField.OWNER_NAME: self.owner_name is not None,
            RegistrationField.NIK: self.nik is not None,
            RegistrationField.PHONE: self.phone is not None,
            RegistrationField.BUSINESS_NAME: self.business_name is not None,
            RegistrationField.NIB: self.nib is not None or self.no_nib,
            RegistrationField.KBLI: bool(self.kbli) or self.no_nib,
            RegistrationField.NPWP: self.npwp is not None or self.npwp_skipped,
            RegistrationField.SCALE: self.scale is not None,
            RegistrationField.ETALASE: self.etalase_code is not None,
            RegistrationField.KECAMATAN: self.kecamatan_code is not None,
            RegistrationField.KELURAHAN: self.kelurahan_code is not None,
            RegistrationField.ADDRESS: self.address is not None,
            RegistrationField.EMAIL: self.email is not None or self.email_skipped,
        }
        return answered[field]

    def missing(self) -> list[RegistrationField]:
        """Required fields not answered yet: the draft cannot be submitted while any remain."""
        return [
            field
            for field in RegistrationField
            if field not in OPTIONAL_FIELDS and not self.is_answered(field)
        ]

    def progress(self) -> tuple[int, int]:
        """(answered, total) for a progress indicator."""
        answered = sum(1 for field in RegistrationField if self.is_answered(field))
        return answered, len(RegistrationField)
