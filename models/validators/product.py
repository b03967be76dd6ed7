"""Answers of the product listing: names, descriptions, quantities, TKDN, SNI, KBKI."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from models.errors import InvalidInput
from models.validators.chat import prepared
from models.validators.numerals import spelled_as_digits
from models.validators.quantity import POLITE_END, Reading
from models.validators.text import clean_text

DESCRIPTION_MIN, DESCRIPTION_MAX = 20, 1500
_ABOUT = (
    r"(?:(?:sekitar|kurang\s+lebih|kira\s+kira|kira-kira|kurleb|maks(?:imal)?|paling\s+lama"
    r"|max)\s*)?"
)
_NUMBER_WORD = re.compile(r"\d+(?:[.,]\d+)?")
_TKDN = re.compile(
    rf"\s*{_ABOUT}(?:(?:nilai\s+)?tkdn(?:\s*-?nya)?\s*:?\s*)?{_ABOUT}(\d{{1,3}}(?:[.,]\d{{1,2}})?)"
    rf"\s*(?:%|persen|percent)?\s*(?:an)?{POLITE_END}\s*",
    re.IGNORECASE,
)
UNIT_MAX = 20


def parse_product_name(text: str) -> str:
    name = clean_text(text)
    if not 3 <= len(name) <= 120 or not re.search(r"\w", name):
        raise InvalidInput("error-product-name")
    return name


def parse_description(text: str) -> str:
    """A specification: kept with its line breaks, which buyers read as a list."""
    lines = [clean_text(line) for line in text.strip().splitlines()]
    description = "\n".join(line for line in lines if line)
    if len(description) < DESCRIPTION_MIN:
        raise InvalidInput("error-description-short", min=DESCRIPTION_MIN, count=len(description))
    if len(description) > DESCRIPTION_MAX:
        raise InvalidInput("error-description-long", max=DESCRIPTION_MAX, count=len(description))
    return description


def parse_brand(text: str) -> str:
    brand = clean_text(text)
    if not 1 <= len(brand) <= 60 or not re.search(r"\w", brand):
        raise InvalidInput("error-brand")
    return brand


def parse_unit(text: str) -> str:
    unit = clean_text(text).lower().removeprefix("per ").strip()
    if not 1 <= len(unit) <= UNIT_MAX or not re.search(r"[^\W\d]", unit):
        raise InvalidInput("error-unit")
    return unit


def parse_tkdn(text: str) -> int:
    """TKDN percentage as basis points (``40,5 %`` → 4050)."""
    return read_tkdn(text).value


def read_tkdn(text: str) -> Reading:
    """TKDN percentage as basis points, also in words ("empat puluh persen" → 4000)."""
    spelled = spelled_as_digits(prepared(text))
    numbers = _NUMBER_WORD.findall(spelled.text)
    if len(numbers) > 1:
        raise InvalidInput("error-one-number")
    match = _TKDN.fullmatch(spelled.text)
    if match is None:
        raise InvalidInput("error-tkdn")
    try:
        percent = Decimal(match[1].replace(",", "."))
    except InvalidOperation as error:
        raise InvalidInput("error-tkdn") from error
    if not 0 <= percent <= 100:
        raise InvalidInput("error-tkdn")
    return Reading(int(percent * 100), spelled.converted)


def parse_sni(text: str) -> str:
    """An SNI standard or SPPT-SNI certificate number, e.g. ``SNI 01-3553-2006``."""
    value = clean_text(text).upper()
    if not 4 <= len(value) <= 60 or not re.search(r"\d", value):
        raise InvalidInput("error-sni")
    return value


def parse_kbki(text: str) -> str:
    """A KBKI (Klasifikasi Baku Komoditas Indonesia) code: 5 to 10 digits."""
    digits = re.sub(r"[\s.\-]", "", text)
    if not digits.isdigit() or not 5 <= len(digits) <= 10:
        raise InvalidInput("error-kbki")
    return digits
