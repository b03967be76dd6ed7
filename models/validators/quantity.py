"""Quantities and lead times read into the step's own unit and period.

A quantity is counted in the product's unit: a dozen-like unit is multiplied out ("1 kodi" is
20, "selusin" 12, "1 gros" 144, "1 rim" 500), a plain count word ("pcs", "biji", "buah",
"pasang") is one of the product's unit, and packaging or a measure that is not the product's
unit ("2 dus" or "1 ton" of a product sold per piece) cannot be counted here, so its reading is
confirmed. A capacity is per month: a figure per day is times 30, per week times 52/12, per
year divided by 12 (the same calendar as turnover, :class:`~models.validators.money.Period`).
A lead time is in days: a week is 7, a month 30.

Each reader returns a :class:`Reading`; ``converted`` says the value is not the number as
typed (words, slang, a unit multiple, a period), so the step shows it back before storing it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from models.errors import AmbiguousAmount, InvalidInput
from models.validators.chat import prepared
from models.validators.money import Period, parse_count_per_period
from models.validators.numerals import spelled_as_digits

MULTIPLES: dict[str, int] = {
    **dict.fromkeys(("lusin", "losin", "lsn"), 12),
    "kodi": 20,
    "gros": 144,
    "rim": 500,
}
OTHER_UNITS = frozenset(
    {"dus", "dos", "box", "boks", "karton", "kardus", "krat", "bal", "slop", "renteng"}
    | {"karung", "sak", "pak", "pack", "ikat", "kotak", "peti", "koli"}
    | {"kg", "kilo", "gram", "gr", "ons", "ton", "kuintal", "liter", "ltr", "ml", "meter", "cm"}
)
"""Packaging whose content differs from product to product, and measures: a count of them is
not a count of the product's unit unless that is the unit."""
QUANTITY_MAX = 1_000_000_000
LEAD_TIME_MAX = 365

_NUMERAL = r"[0-9]+(?:[.,][0-9]+)*"
_MULTIPLE = re.compile(
    rf"(?:(?P<count>{_NUMERAL})\s*|(?<![^\W\d_])(?P<one>se|sa|sak|satu)\s*)"
    rf"(?P<unit>{'|'.join(MULTIPLES)})(?![^\W\d_])",
    re.IGNORECASE,
)
_OTHER_UNIT = re.compile(
    rf"[0-9]\s*(?P<unit>{'|'.join(sorted(OTHER_UNITS))})(?![^\W\d_])", re.IGNORECASE
)
POLITE_END = r"(?:[\s,.!]+(?:kak|ka|kk|pak|bu|mas|mbak|mba|gan|min|ya|yah|aja|saja|sih|deh))*"
"""Words of politeness after a value ("30 persen kak", "3 hari aja ya")."""
_ABOUT = (
    r"(?:(?:sekitar|kurang\s+lebih|kira\s+kira|kira-kira|kurleb|maks(?:imal)?|paling\s+lama"
    r"|max|palingan|biasanya)\s*)?"
)
_READY = r"(?:\s+(?:jadi|dadi|selesai|rampung|beres|siap|sampai|dikirim|kirim|kelar))?"
"""What the days lead to, typed after them ("besok jadi", "3 hari selesai")."""
_ABOUT_AFTER = r"(?:kurang\s+lebih|kira\s+kira|kira-kira|kurleb|an|lah|paling|maksimal|max)"
"""Words of "about" or "at most" after the value too ("seminggu kurang lebih")."""
_LEAD_TIME = re.compile(
    rf"\s*{_ABOUT}(?P<count>\d{{1,3}})?\s*(?P<one>se|sa)?"
    r"(?:(?P<week>minggu|mgg|pekan|weeks?)|(?P<month>bulan|bln|wulan|sasih|months?)"
    r"|(?:hari|hr|dino|dina|poe|dinten|days?)|(?<=\d))(?P<about>an)?(?:\s+kerja)?"
    rf"{_READY}\s*(?:setelah\s+\w+|sejak\s+\w+)?(?:\s*{_ABOUT_AFTER})?{POLITE_END}\s*",
    re.IGNORECASE,
)
"""A lead time; "-an" after the period ("semingguan", "3 harian") is "about" it: confirmed."""
_LEAD_RANGE = re.compile(r"\d\s*(?:-|sampai|s/?d|hingga|atau|\u2013)\s*\d", re.IGNORECASE)
_NUMBERS = re.compile(r"\d+(?:[.,]\d+)?")


@dataclass(frozen=True, slots=True)
class Reading:
    """A number read from an answer, in the step's own unit."""

    value: int
    converted: bool
    """Read through words, slang, a unit multiple or a period: confirmed before it is stored."""


def read_quantity(text: str, unit: str | None = None, *, per_month: bool = False) -> Reading:
    """A whole positive count of ``unit`` ("100", "1.000 pcs", "minimal 1 kodi", "selusin");
    with ``per_month``, a figure per day, week or year is turned into one per month."""
    spelled = spelled_as_digits(prepared(text))
    counted, multiplied = _multiplied(spelled.text, unit)
    try:
        count, period = parse_count_per_period(counted)
    except InvalidInput as error:
        if error.key == "error-money-range":
            raise InvalidInput("error-quantity-range") from error
        if error.key == "error-one-number":
            raise InvalidInput("error-one-number") from error
        if error.key == "error-money-period":
            raise InvalidInput("error-quantity-period") from error
        raise InvalidInput("error-quantity") from error
    except AmbiguousAmount as error:
        raise InvalidInput("error-quantity") from error
    if count > QUANTITY_MAX * 366:  # before any arithmetic: a run of digits is not a count
        raise InvalidInput("error-quantity")
    converted_period = per_month and period not in (None, Period.MONTH)
    if converted_period:
        assert period is not None
        count = (count * period.per_year / 12).quantize(Decimal(1), ROUND_HALF_UP)
    if count <= 0 or count > QUANTITY_MAX or count % 1:
        raise InvalidInput("error-quantity")
    unsure = _other_unit(counted, unit)
    return Reading(int(count), spelled.converted or multiplied or converted_period or unsure)


def parse_quantity(text: str, unit: str | None = None) -> int:
    """The count :func:`read_quantity` reads."""
    return read_quantity(text, unit).value


def parse_capacity(text: str, unit: str | None = None) -> int:
    """The count per month :func:`read_quantity` reads."""
    return read_quantity(text, unit, per_month=True).value


def _multiplied(text: str, unit: str | None) -> tuple[str, bool]:
    """``text`` with "2 kodi" written as "40" (and "selusin" as "12"), unless the product is
    itself sold by that unit; whether any was."""
    multiplied = False

    def count(match: re.Match[str]) -> str:
        nonlocal multiplied
        name = match["unit"].lower()
        if unit is not None and unit.strip().lower() == name:
            return match[0]
        number = _number(match["count"]) if match["count"] else Decimal(1)
        if number is None:
            return match[0]
        multiplied = True
        total = number * MULTIPLES[name]
        return str(int(total)) if total % 1 == 0 else match[0]

    return _MULTIPLE.sub(count, text), multiplied


def _number(numeral: str) -> Decimal | None:
    """A numeral before a unit: "2", "1,5", "0,5"; None when its separator is unclear."""
    if re.fullmatch(r"[0-9]+", numeral):
        return Decimal(numeral)
    if re.fullmatch(r"[0-9]+[.,][0-9]{1,2}", numeral):
        return Decimal(numeral.replace(",", "."))
    return None


def _other_unit(text: str, unit: str | None) -> bool:
    """Whether packaging or a measure that is not the product's unit follows the number."""
    match = _OTHER_UNIT.search(text)
    return match is not None and (unit or "").strip().lower() != match["unit"].lower()


_DAY_WORDS = re.compile(
    rf"\s*{_ABOUT}(?:(?P<today>hari\s+(?:ini|itu)(?:\s+juga)?|same\s+day)|(?P<tomorrow>besok)"
    rf"|(?P<after>lusa)){_READY}{POLITE_END}\s*",
    re.IGNORECASE,
)


def read_lead_time(text: str) -> Reading:
    """Days between order and delivery, 0 (same day) to 365: "3", "3 hari", "seminggu" (7),
    "2 minggu" (14), "sebulan" (30), "tiga hari", "besok" (1), "hari ini juga" (0)."""
    spelled = spelled_as_digits(prepared(text))
    text = spelled.text
    if named := _DAY_WORDS.fullmatch(text):
        return Reading(0 if named["today"] else 1 if named["tomorrow"] else 2, converted=True)
    numbers = _NUMBERS.findall(text)
    if len(numbers) > 1 and _LEAD_RANGE.search(text):
        raise InvalidInput("error-lead-time-range")
    if len(numbers) > 1:
        raise InvalidInput("error-one-number")
    match = _LEAD_TIME.fullmatch(text)
    if match is None or (match["count"] is None) == (match["one"] is None):
        raise InvalidInput("error-lead-time")
    per = 7 if match["week"] else 30 if match["month"] else 1
    days = int(match["count"] or 1) * per
    if days > LEAD_TIME_MAX:
        raise InvalidInput("error-lead-time")
    unsure = match["one"] is not None or match["about"] is not None
    return Reading(days, spelled.converted or per > 1 or unsure)


def parse_lead_time(text: str) -> int:
    """The days :func:`read_lead_time` reads."""
    return read_lead_time(text).value
