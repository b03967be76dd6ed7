"""What a registration step decides after an answer."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from handlers.replies import Msg


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
    SCALE = "scale"
    SCALE_CONFIRM = "scale_confirm"
    ETALASE = "etalase"
    KECAMATAN = "kecamatan"
    KELURAHAN = "kelurahan"
    ADDRESS = "address"
    EMAIL = "email"
    SUMMARY = "summary"


@dataclass(frozen=True, slots=True)
class Advance:
    """The answer was stored: move on, showing ``notes`` first."""

    notes: tuple[Msg, ...] = ()


@dataclass(frozen=True, slots=True)
class GoTo:
    """Continue at a given step (a sub-question such as confirming the business scale)."""

    step: RegistrationStep
    notes: tuple[Msg, ...] = ()


@dataclass(frozen=True, slots=True)
class Retry:
    """The answer was not accepted: explain and ask the same question again."""

    error: Msg


Outcome = Advance | GoTo | Retry
