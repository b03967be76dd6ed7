"""Answers of the product listing: names, descriptions, quantities, TKDN, SNI, KBKI."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from models.errors import AmbiguousAmount, InvalidInput
from models.validators.chat import prepared
from models.validators.money import parse_rupiah
from models.validators.text import clean_text

DESCRIPTION_MIN, DESCRIPTION_MAX = 20, 1500
_ABOUT = (
    r"(?:(?:sekitar|kurang\s+lebih|kira\s+kira|kira-kira|kurleb|maks(?:imal)?|paling\s+lama"
    r"|max)\s*)?"
)
_NUMBER_WORD = re.compile(r"\d+(?:[.,]\d+)?")
_TKDN = re.compile(
    rf"\s*{_ABOUT}(?:(?:nilai\s+)?tkdn(?:\s*-?nya)?\s*:?\s*)?{_ABOUT}(\d{{1,3}}(?:[.,]\d{{1,2}})?)"
    r"\s*(?:%|persen|percent)?\s*(?:an)?\s*",
    re.IGNORECASE,
)
_LEAD_TIME = re.compile(
    rf"\s*{_ABOUT}(?P<count>\d{{1,3}})?\s*(?:(?P<week>(?:se)?minggu|(?:se)?pekan|weeks?)"
    r"|(?:hari|hr|days?|dino|dinten|poe)(?:\s+kerja)?|(?<=\d))\s*(?:setelah\s+\w+|sejak\s+\w+)?\s*",
    re.IGNORECASE,
)
_LEAD_RANGE = re.compile(r"\d\s*(?:-|sampai|s/?d|hingga|atau|\u2013)\s*\d", re.IGNORECASE)
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


def parse_quantity(text: str) -> int:
    """A whole positive quantity typed as ``100``, ``1.000``, ``100 pcs`` or ``2 rb``."""
    try:
        amount = parse_rupiah(text)
    except InvalidInput as error:
        if error.key == "error-money-range":
            raise InvalidInput("error-quantity-range") from error
        if error.key == "error-one-number":
            raise InvalidInput("error-one-number") from error
        raise InvalidInput("error-quantity") from error
    except AmbiguousAmount as error:
        raise InvalidInput("error-quantity") from error
    if amount > 1_000_000_000:
        raise InvalidInput("error-quantity")
    return amount


def parse_tkdn(text: str) -> int:
    """TKDN percentage as basis points (``40,5 %`` → 4050)."""
    numbers = _NUMBER_WORD.findall(text)
    if len(numbers) > 1:
        raise InvalidInput("error-one-number")
    match = _TKDN.fullmatch(prepared(text))
    if match is None:
        raise InvalidInput("error-tkdn")
    try:
        percent = Decimal(match[1].replace(",", "."))
    except InvalidOperation as error:
        raise InvalidInput("error-tkdn") from error
    if not 0 <= percent <= 100:
        raise InvalidInput("error-tkdn")
    return int(percent * 100)


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


def parse_lead_time(text: str) -> int:
    """Days between order and delivery: 0 (same day) to 365."""
    text = prepared(text)
    numbers = _NUMBER_WORD.findall(text)
    if len(numbers) > 1 and _LEAD_RANGE.search(text):
        raise InvalidInput("error-lead-time-range")
    if len(numbers) > 1:
        raise InvalidInput("error-one-number")
    match = _LEAD_TIME.fullmatch(text)
    if match is None or (match["count"] is None and not match["week"]):
        raise InvalidInput("error-lead-time")
    days = int(match["count"] or 1) * (7 if match["week"] else 1)
    if days > 365:
        raise InvalidInput("error-lead-time")
    return days
