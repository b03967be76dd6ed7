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


class ProductField(StrEnum):
    """The fields of a product listing, in the order the flow asks them."""

    NAME = "name"
    ETALASE = "etalase"
    DESCRIPTION = "description"
    BRAND = "brand"
    UNIT = "unit"
    PRICE = "price"
    MIN_ORDER = "min_order"
    CAPACITY = "capacity"
    DOMESTIC = "domestic"
    TKDN = "tkdn"
    SNI = "sni"
    KBKI = "kbki"
    PHOTOS = "photos"
    LEAD_TIME = "lead_time"


OPTIONAL_PRODUCT_FIELDS = frozenset(
    {
        ProductField.BRAND,
        ProductField.TKDN,
        ProductField.SNI,
        ProductField.KBKI,
        ProductField.LEAD_TIME,
    }
)

MAX_PHOTOS = 5


class ProductDraft(BaseModel):
    """A product as stored, possibly incomplete."""

    name: str | None = None
    etalase_code: str | None = None
    description: str | None = None
    brand: str | None = None
    brand_skipped: bool = False
    unit: str | None = None
    price: int | None = None
    min_order: int | None = None
    capacity: int | None = None
    domestic: bool | None = None
    tkdn_bp: int | None = None
    tkdn_skipped: bool = False
    sni_number: str | None = None
    sni_skipped: bool = False
    kbki_code: str | None = None
    kbki_skipped: bool = False
    lead_time_days: int | None = None
    lead_time_skipped: bool = False
    photo_count: int = 0

    def is_answered(self, field: ProductField) -> bool:
        answered = {
            ProductField.NAME: self.name is not None,
            ProductField.ETALASE: self.etalase_code is not None,
            ProductField.DESCRIPTION: self.description is not None,
            ProductField.BRAND: self.brand is not None or self.brand_skipped,
            ProductField.UNIT: self.unit is not None,
            ProductField.PRICE: self.price is not None,
            ProductField.MIN_ORDER: self.min_order is not None,
            ProductField.CAPACITY: self.capacity is not None,
            ProductField.DOMESTIC: self.domestic is not None,
            ProductField.TKDN: self.tkdn_bp is not None
            or self.tkdn_skipped
            or self.domestic is False,
            ProductField.SNI: self.sni_number is not None or self.sni_skipped,
            ProductField.KBKI: self.kbki_code is not None or self.kbki_skipped,
            ProductField.PHOTOS: self.photo_count > 0,
            ProductField.LEAD_TIME: self.lead_time_days is not None or self.lead_time_skipped,
        }
        return answered[field]

    def missing(self) -> list[ProductField]:
        """Required fields not answered yet."""
        return [
            field
            for field in ProductField
            if field not in OPTIONAL_PRODUCT_FIELDS and not self.is_answered(field)
        ]
