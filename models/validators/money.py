"""Rupiah amounts read the way Indonesians type them in a chat.

Indonesian style uses the dot for thousands and the comma for decimals (``Rp1.250.000,00``),
but English style (``15,000``) is common too, and with a unit word (``1,5 jt``, ``1.5 juta``)
either separator is used for decimals. When both styles give a sensible but different amount
the parser does not guess: it raises ``AmbiguousAmount`` with every reading, most likely first,
so the caller can ask. Values are computed with ``Decimal`` and returned as whole rupiah.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from models.errors import AmbiguousAmount, InvalidInput
from models.validators.chat import prepared
from models.validators.numerals import spelled_as_digits

_UNIT_EXPONENTS: dict[str, int] = {
    "rb": 3,
    "rbu": 3,
    "ribu": 3,
    "k": 3,
    "jt": 6,
    "jta": 6,
    "juta": 6,
    "m": 9,
    "miliar": 9,
    "milyar": 9,
    "t": 12,
    "triliun": 12,
    "trilyun": 12,
    "thousand": 3,
    "million": 6,
    "billion": 9,
    "trillion": 12,
}
MAX_RUPIAH = 10**15
"""Rp1.000 triliun: more than any UMKM price or turnover, and (times 360 for a daily figure)
still far inside the database's 64-bit integers."""

# A number as typed ("1.250.000,00", "Rp15.000,-"), or a word that is a number when a unit
# follows: "sejuta", "seribu", "setengah juta".
_NUMBER = re.compile(
    r"(?P<digits>[0-9]+(?:[.,][0-9]+)*)(?:[.,]-+|-?an(?![a-z]))?|(?<![a-z])(?P<word>setengah|se)",
    re.IGNORECASE,
)
# "-an" marks a rough figure ("500 jutaan"); it only follows a unit written in full.
_UNIT = re.compile(
    r"\s*(?:(?P<name>ribu|juta|mil[iy]ar|tril[iy]un|thousand|million|billion|trillion)(?:an|s)?"
    r"|(?P<abbr>rbu?|jta?|k|m|t)(?:-?an)?)(?![a-z])",
    re.IGNORECASE,
)
_NEGATION_BEFORE = re.compile(r"(?:-|\u2212|(?<![a-z])minus)\s*(?:rp\.?\s*)?$", re.IGNORECASE)
# Spelled-out numbers are not read; next to an amount they would change its value
# ("dua setengah juta", "2 juta lima ratus ribu"), so the answer is refused instead; so is
# "45 juta tiga bulan", which is not a monthly figure. Only "satu bulan" / "satu tahun" after
# the amount is harmless.
_SPELLED = r"(?:se)?(?:satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|belas|puluh|ratus)"
_SPELLED_BEFORE = re.compile(rf"(?<![a-z]){_SPELLED}\s*$", re.IGNORECASE)
_SPELLED_AFTER = re.compile(
    rf"\s*(?!satu\s*(?:hari|minggu|pekan|bulan|bln|tahun|thn)(?![a-z])){_SPELLED}(?![a-z])",
    re.IGNORECASE,
)

# A word after the number that looks like a multiplier not read ("15 ribuu", "15 jutaa",
# "15rebo"): the amount would be a thousand times too low, so it is refused instead.
_UNREAD_UNIT = re.compile(
    r"\s*(?:ri?b|re?b|j[uo]?t|yut|ewu|mil[iy]|ceng|tril)[a-z]*", re.IGNORECASE
)


class Period(StrEnum):
    """What an amount was given per; the value is how many of them make a year."""

    YEAR = "year"
    MONTH = "month"
    WEEK = "week"
    DAY = "day"

    @property
    def per_year(self) -> int:
        return _PER_YEAR[self]


_PER_YEAR = {Period.YEAR: 1, Period.MONTH: 12, Period.WEEK: 52, Period.DAY: 360}
"""A day is 1/30 of a month, the way owners who count daily takings reckon a month."""

_PERIOD_WORDS = {
    # "per bulan", "perbulan", "sebulan", "bulanan", "bulannya", "/bln"; "harian", "seminggu";
    # Javanese "sedino", "sewulan" and Sundanese "sapoe", "sabulan"
    Period.YEAR: r"(?:se|sa|per)?(?:tahun|taun|thn)(?:an)?(?:nya)?|yearly|year",
    Period.MONTH: r"(?:se|sa|per)?(?:bulan|bln|wulan|sasih)(?:an)?(?:nya)?|monthly|month",
    Period.WEEK: r"(?:se|sa|per)?(?:minggu|mgg|pekan)(?:an)?(?:nya)?|weekly|week",
    Period.DAY: r"(?:se|sa|per)?(?:hari|hr|dino|dina|poe)(?:an)?(?:nya)?|daily|day",
}
_CONNECTOR = r"(?:/\s*|(?:per|tiap|setiap|dalam|satu|a|an|each|every)\s+)?"
# A period counts only next to the amount: "25 juta per bulan", "omzet harian 500rb". Elsewhere
# the same words say something else ("buka setiap hari", "libur hari Minggu").
_PERIOD_AFTER = {
    period: re.compile(rf"\s*,?\s*{_CONNECTOR}(?:{words})(?![a-z])", re.IGNORECASE)
    for period, words in _PERIOD_WORDS.items()
}
_PERIOD_BEFORE = {
    period: re.compile(
        rf"(?<![a-z]){_CONNECTOR}(?:{words})\s*[:=]?\s*(?:rp\.?\s*)?$", re.IGNORECASE
    )
    for period, words in _PERIOD_WORDS.items()
}


_PERIOD_ANYWHERE = {
    period: re.compile(rf"(?<![a-z]){_CONNECTOR}(?:{words})(?![a-z])", re.IGNORECASE)
    for period, words in _PERIOD_WORDS.items()
}
_DAYS = r"(?:senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad)"
# Period words that tell when the business works, not what the amount is per.
_SCHEDULE = re.compile(
    r"(?<![a-z])(?:"
    r"(?:buka|libur|tutup|kerja|bekerja|jualan|berjualan|dagang|produksi|masak|beroperasi"
    r"|operasional|ramai|rame|sepi|jual)\s+(?:\w+\s+)?(?:setiap|tiap|per|se|pas|saat|waktu)?\s*"
    r"(?:hari|minggu|pekan|bulan|tahun)(?:-hari)?(?:\s+\w+)?"
    rf"|{_DAYS}\s*(?:-|sampai|s/d|hingga|sd)\s*{_DAYS}"
    rf"|hari\s+(?:{_DAYS}|libur|raya|besar|kerja|biasa)"
    r"|(?:se)?hari-hari|sehari\s*-\s*hari"
    r"|bulan\s+(?:puasa|ramadh?an|syawal|haji|suro|maulid|depan|ini)"
    r"|tahun\s+(?:baru|depan|ini)"
    r")(?![a-z])",
    re.IGNORECASE,
)
_RANGE_BETWEEN = re.compile(
    r"\s*(?:-+|\u2013|\u2014|~|s/?d|sd|sampai(?:\s+dengan)?|hingga|ke|atau|or|to|/|dan)\s*(?:rp\.?\s*)?",
    re.IGNORECASE,
)
_RANGE_BEFORE = re.compile(r"(?:antara|between|dari|from)\s*(?:rp\.?\s*)?$", re.IGNORECASE)
_ONE_PERIOD = re.compile(
    r"\s*(?:hari|minggu|mgg|pekan|bulan|bln|tahun|taun|thn)(?![a-z])", re.IGNORECASE
)


@dataclass(frozen=True)
class _Amount:
    numeral: str  # digits and separators as typed, or "1" / "0,5" for "se…" / "setengah"
    exponent: int  # power of ten of the unit word, 0 without one
    start: int
    end: int


def parse_rupiah(text: str) -> int:
    """The single Rupiah amount in ``text`` ("Rp 15.000", "1,5 jt", "sekitar 2 M per tahun",
    "kira2 500an ribu", "1 juta 500 ribu")."""
    return _rupiah(_find_amount(_digits(text)))


def _digits(text: str) -> str:
    """``text`` prepared, its number words written as digits ("dua juta setengah")."""
    return spelled_as_digits(prepared(text)).text


def _rupiah(amount: _Amount) -> int:
    values = [
        Decimal(f"{reading}E{amount.exponent}")  # exact, whatever the number of digits
        for reading in _readings(amount.numeral, has_unit=amount.exponent > 0)
    ]
    if max(values, default=Decimal(0)) > MAX_RUPIAH:
        raise InvalidInput("error-money-too-large", max=format_rupiah(MAX_RUPIAH))
    if len(values) > 1:
        candidates = [n for n, d in map(Decimal.as_integer_ratio, values) if d == 1 and n > 0]
        if not candidates:
            raise InvalidInput("error-money")
        raise AmbiguousAmount(candidates)
    if not values or values[0] <= 0:
        raise InvalidInput("error-money")
    rupiah, denominator = values[0].as_integer_ratio()
    if denominator != 1:
        raise InvalidInput("error-money-fraction")
    return rupiah


def parse_period_amount(text: str) -> tuple[int, Period]:
    """An amount per year, and what the user gave it per ("15 jt/bln" → 180 juta, "500 rb per
    hari" → 180 juta); a period counts only next to the amount. An answer naming two periods
    there is refused: which one is meant is unclear.

    ``AmbiguousAmount`` candidates are annual too, so the caller can use the chosen one as is.
    """
    amount, named = _amount_and_period(_digits(text))
    period = named or Period.YEAR
    try:
        return _rupiah(amount) * period.per_year, period
    except AmbiguousAmount as ambiguous:
        annual = [amount * period.per_year for amount in ambiguous.candidates]
        raise AmbiguousAmount(annual) from None


def parse_count_per_period(text: str) -> tuple[Decimal, Period | None]:
    """A count with the period it was given per, if one is named next to it ("100 per minggu",
    "sehari 20"); ``text`` is read as it is (its number words already written as digits)."""
    amount, period = _amount_and_period(text)
    readings = _readings(amount.numeral, has_unit=amount.exponent > 0)
    if len(readings) != 1:
        raise AmbiguousAmount([])
    return Decimal(f"{readings[0]}E{amount.exponent}"), period


def _amount_and_period(text: str) -> tuple[_Amount, Period | None]:
    """The one amount in ``text`` and the period it is given per, if any."""
    amount = _find_amount(text)
    named = {
        period
        for period in Period
        if _PERIOD_AFTER[period].match(text, amount.end)
        or _PERIOD_BEFORE[period].search(text, 0, amount.start)
    }
    # "per bulan omzetnya sekitar 25 juta", "25 juta kalau sebulan"; elsewhere a period other
    # than the one next to the amount makes it unclear ("sehari 50, seminggu libur sehari")
    rest = _SCHEDULE.sub(" ", _without_adjacent_period(text, amount))
    named |= {period for period in Period if _PERIOD_ANYWHERE[period].search(rest)}
    if len(named) > 1:
        raise InvalidInput("error-money-period")
    return amount, named.pop() if named else None


def _without_adjacent_period(text: str, amount: _Amount) -> str:
    """The text around ``amount``, without it and the period words right next to it."""
    before, after = text[: amount.start], text[amount.end :]
    for period in Period:
        if following := _PERIOD_AFTER[period].match(after):
            after = after[following.end() :]
        if preceding := _PERIOD_BEFORE[period].search(before):
            before = before[: preceding.start()]
    return before + " " + after


def format_rupiah(amount: int) -> str:
    """Indonesian style without decimals: ``Rp1.250.000``."""
    sign = "-" if amount < 0 else ""
    return f"{sign}Rp{abs(amount):,}".replace(",", ".")


def _find_amount(text: str) -> _Amount:
    """The one amount in ``text``; other words ("sekitar", "per tahun", "Rp") are ignored."""
    amounts: list[_Amount] = []
    for match in _NUMBER.finditer(text):
        amount = _amount_at(text, match)
        if amount is not None and not _is_one_period(text, amount):
            amounts.append(amount)
    amounts = _compounds(text, amounts)
    if len(amounts) > 1 and _is_range(text, amounts):
        raise InvalidInput("error-money-range")
    if len(amounts) > 1:
        raise InvalidInput("error-one-number")
    if not amounts or _has_unread_sign_or_words(text, amounts[0]):
        raise InvalidInput("error-money")
    return amounts[0]


def _is_one_period(text: str, amount: _Amount) -> bool:
    """ "1 bulan" in "omzet 1 bulan 25 juta" names the period, it is not an amount."""
    return (
        amount.numeral == "1" and amount.exponent == 0 and bool(_ONE_PERIOD.match(text, amount.end))
    )


def _compounds(text: str, amounts: list[_Amount]) -> list[_Amount]:
    """ "1 juta 500 ribu" is one amount: units getting smaller, nothing but spaces between."""
    merged: list[_Amount] = []
    for amount in amounts:
        last = merged[-1] if merged else None
        if (
            last is not None
            and 0 < amount.exponent < last.exponent
            and not text[last.end : amount.start].strip()
            and "." not in amount.numeral + last.numeral
            and "," not in amount.numeral + last.numeral
        ):
            whole = (
                int(last.numeral) * 10**last.exponent + int(amount.numeral) * 10**amount.exponent
            )
            merged[-1] = _Amount(str(whole), 0, last.start, amount.end)
        else:
            merged.append(amount)
    return merged


def _is_range(text: str, amounts: list[_Amount]) -> bool:
    """Two amounts joined like a range: "10-20 juta", "antara 10 sampai 20 juta"."""
    first, second = amounts[0], amounts[1]
    return bool(
        _RANGE_BETWEEN.fullmatch(text, first.end, second.start)
        or _RANGE_BEFORE.search(text, 0, first.start)
    )


def _amount_at(text: str, match: re.Match[str]) -> _Amount | None:
    """The amount that ``match`` starts, or None for a word like "sekitar" or "sebulan"."""
    unit = _UNIT.match(text, match.end())
    exponent = _UNIT_EXPONENTS[(unit["name"] or unit["abbr"]).lower()] if unit else 0
    end = unit.end() if unit else match.end()
    word = match["word"]
    if word is None:
        return _Amount(match["digits"], exponent, match.start(), end)
    is_half = word.lower() == "setengah"
    if is_half and unit is None:
        # "2 juta setengah" means 2.5 juta; reading only the "2 juta" would be wrong.
        raise InvalidInput("error-money")
    if unit is None:
        return None
    return _Amount("0,5" if is_half else "1", exponent, match.start(), end)


def _has_unread_sign_or_words(text: str, amount: _Amount) -> bool:
    return bool(
        _NEGATION_BEFORE.search(text, 0, amount.start)
        or _SPELLED_BEFORE.search(text, 0, amount.start)
        or _SPELLED_AFTER.match(text, amount.end)
        or (amount.exponent == 0 and _UNREAD_UNIT.match(text, amount.end))
    )


def _readings(numeral: str, *, has_unit: bool) -> list[str]:
    """Plain decimal strings ``numeral`` can stand for, most likely first; empty if none.

    A single separator followed by exactly three digits is where the styles collide. Without a
    unit, ``15.000`` is fifteen thousand, while ``15,000`` is probably fifteen thousand but
    could be 15. With a unit the Indonesian reading comes first: ``1.500 juta`` is 1,5 miliar
    (as in the news) or 1,5 juta, and ``1,500 juta`` is 1,5 juta or 1,5 miliar.
    """
    separators = {ch for ch in numeral if ch in ".,"}
    if not separators:
        return [numeral]
    if len(separators) > 1:
        return _mixed_reading(numeral)
    (separator,) = separators
    if numeral.count(separator) > 1:
        return _grouped_reading(numeral, separator)
    as_decimal = numeral.replace(separator, ".")
    if len(numeral.partition(separator)[2]) != 3:
        return [as_decimal]
    grouped = _grouped_reading(numeral, separator)
    if separator == ",":
        return [as_decimal, *grouped] if has_unit else [*grouped, as_decimal]
    return [*grouped, as_decimal] if has_unit else grouped or [as_decimal]


def _mixed_reading(numeral: str) -> list[str]:
    """``1.250.000,50`` or ``1,250,000.50``: the separator typed last marks the decimals."""
    decimal_separator = max(".,", key=numeral.rfind)
    group_separator = "," if decimal_separator == "." else "."
    whole, _, fraction = numeral.rpartition(decimal_separator)
    if decimal_separator in whole:
        return []
    return [f"{grouped}.{fraction}" for grouped in _grouped_reading(whole, group_separator)]


def _grouped_reading(numeral: str, separator: str) -> list[str]:
    """``numeral`` without its thousands separators, or nothing if the groups are malformed."""
    group = re.escape(separator)
    if re.fullmatch(rf"[1-9][0-9]{{0,2}}(?:{group}[0-9]{{3}})+", numeral):
        return [numeral.replace(separator, "")]
    return []
