"""Rupiah amounts as Indonesians type them."""

from __future__ import annotations

import pytest

from models.errors import AmbiguousAmount, InvalidInput
from models.validators import Period, format_rupiah, parse_period_amount, parse_rupiah

RIBU = 1_000
JUTA = 1_000_000
MILIAR = 1_000_000_000
TRILIUN = 1_000_000_000_000


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15000", 15 * RIBU),
        ("15.000", 15 * RIBU),
        ("Rp 15.000", 15 * RIBU),
        ("Rp15.000", 15 * RIBU),
        ("Rp. 15.000", 15 * RIBU),
        ("rp15000", 15 * RIBU),
        ("Rp15.000,-", 15 * RIBU),
        ("Rp 15.000,--", 15 * RIBU),
        ("15.000 rupiah", 15 * RIBU),
        ("IDR 15.000", 15 * RIBU),
        ("15rb", 15 * RIBU),
        ("15 rb", 15 * RIBU),
        ("15 ribu", 15 * RIBU),
        ("15RB", 15 * RIBU),
        ("15k", 15 * RIBU),
        ("15 K", 15 * RIBU),
        ("1.5k", 1_500),
        ("seribu", RIBU),
        ("1,5 jt", 1_500_000),
        ("1.5 juta", 1_500_000),
        ("1,5jt", 1_500_000),
        ("1,25 jt", 1_250_000),
        ("1.5jt", 1_500_000),
        ("500 juta", 500 * JUTA),
        ("500jt", 500 * JUTA),
        ("500 jutaan", 500 * JUTA),
        ("sejuta", JUTA),
        ("setengah juta", 500 * RIBU),
        ("Rp 1.250.000,00", 1_250_000),
        ("Rp 1.250.000", 1_250_000),
        ("Rp 5.000.000,-", 5 * JUTA),
        ("1,250,000", 1_250_000),  # English grouping: a decimal comma cannot repeat
        ("1,250,000.00", 1_250_000),
        ("15,000.00", 15 * RIBU),
        ("2 M", 2 * MILIAR),
        ("2M", 2 * MILIAR),
        ("2 miliar", 2 * MILIAR),
        ("2 milyar", 2 * MILIAR),
        ("2,5 M", 2_500 * JUTA),
        ("IDR 2.5M", 2_500 * JUTA),
        ("semiliar", MILIAR),
        ("1,2 T", 1_200 * MILIAR),
        ("1,2 triliun", 1_200 * MILIAR),
        ("1.2 trilyun", 1_200 * MILIAR),
        ("sekitar 500 juta", 500 * JUTA),
        ("kurang lebih 2 M per tahun", 2 * MILIAR),
        ("kira-kira 15.000", 15 * RIBU),
        ("± Rp 300 jt", 300 * JUTA),
        ("omzet setahun 300 juta", 300 * JUTA),
        ("satu tahun 500 juta", 500 * JUTA),  # a spelled number away from the amount is fine
        ("15 jt/bln", 15 * JUTA),  # the period is parse_period_amount's business
        ("15.00", 15),  # English decimal point with cents
        ("015000", 15 * RIBU),
        ("1.250,5 juta", 1_250_500_000),
        # in words, composed: see tests/unit/test_numerals.py
        ("dua juta", 2 * JUTA),
        ("seratus ribu", 100 * RIBU),
        ("dua setengah juta", 2_500_000),
        ("2 juta setengah", 2_500_000),  # 2,5 juta, not 2 juta
        ("2 juta lima ratus ribu", 2_500_000),  # not 2 juta
        ("sejuta lima ratus ribu", 1_500_000),
        ("1 juta sebelas ribu", 1_011_000),
        ("15 rebu", 15 * RIBU),  # not Rp15
        ("1,5 rebu", 1_500),  # the slang multiplier is never dropped
        ("goceng", 5 * RIBU),
    ],
)
def test_parse_rupiah(text: str, expected: int) -> None:
    amount = parse_rupiah(text)
    assert amount == expected
    assert type(amount) is int


def test_parse_rupiah_is_exact_where_floats_are_not() -> None:
    assert parse_rupiah("8,2 jt") == 8_200_000  # 8.2 * 1e6 == 8199999.999999999 in floats
    assert parse_rupiah("999.999.999.999,999 rb") == 999_999_999_999_999  # up to the limit


@pytest.mark.parametrize(
    ("text", "candidates"),
    [
        ("15,000", [15_000, 15]),
        ("Rp 100,000", [100_000, 100]),
        ("1,500", [1_500]),  # 1,5 rupiah is not a possible amount, so only one reading left
        ("12,345", [12_345]),
        ("1.500 juta", [1_500 * JUTA, 1_500_000]),  # Indonesian grouping first
        ("1,500 juta", [1_500_000, 1_500 * JUTA]),  # Indonesian decimal comma first
        ("1.250 jt", [1_250 * JUTA, 1_250_000]),
        ("2,500 rb", [2_500, 2_500_000]),
    ],
)
def test_parse_rupiah_ambiguous(text: str, candidates: list[int]) -> None:
    with pytest.raises(AmbiguousAmount) as caught:
        parse_rupiah(text)
    assert caught.value.candidates == candidates
    assert caught.value.key == "error-money-ambiguous"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("", "error-money"),
        ("   ", "error-money"),
        ("belum tahu", "error-money"),
        ("Rp", "error-money"),
        ("juta", "error-money"),
        ("0", "error-money"),
        ("Rp 0", "error-money"),
        ("0 juta", "error-money"),
        ("0,000", "error-money"),
        ("-15000", "error-money"),
        ("Rp -15.000", "error-money"),
        ("-Rp15.000", "error-money"),
        ("minus 2 juta", "error-money"),
        ("seratus 5 ribu", "error-one-number"),
        ("15 ribuu", "error-money"),  # a multiplier misspelt: never read as Rp15
        ("15rebo", "error-money"),
        ("15 jutaa", "error-money"),
        ("45 juta tiga bulan", "error-one-number"),  # a quarter, not a month
        ("2 M dua tahun", "error-one-number"),
        ("dua tiga juta", "error-one-number"),  # two figures, not one
        ("2 juta 5", "error-one-number"),  # 2.005.000 or 2,5 juta
        ("setengah", "error-money-fraction"),
        ("15.000.00", "error-money"),  # malformed grouping
        ("Rp 1.25.000", "error-money"),
        ("1,5", "error-money-fraction"),
        ("1.5", "error-money-fraction"),
        ("Rp 1.250.000,50", "error-money-fraction"),
        ("0,5", "error-money-fraction"),
        ("1,2345 rb", "error-money-fraction"),
        ("10-20 juta", "error-money-range"),
        ("10 - 20 juta", "error-money-range"),
        ("Rp 15.000 - Rp 20.000", "error-money-range"),
        ("antara 100 sampai 200 juta", "error-money-range"),
        ("omzet 2023: 500 juta", "error-one-number"),
        ("modal 20 juta, omzet 50 juta", "error-one-number"),
        ("20 atau 25 juta", "error-money-range"),
    ],
)
def test_parse_rupiah_refuses(text: str, key: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_rupiah(text)
    assert caught.value.key == key


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("300 juta", (300 * JUTA, Period.YEAR)),
        ("300 juta per tahun", (300 * JUTA, Period.YEAR)),
        ("25 juta per bulan", (300 * JUTA, Period.MONTH)),
        ("25 juta perbulan", (300 * JUTA, Period.MONTH)),
        ("25 jt sebulan", (300 * JUTA, Period.MONTH)),
        ("25jt/bulan", (300 * JUTA, Period.MONTH)),
        ("25jt/bln", (300 * JUTA, Period.MONTH)),
        ("25 jt bln", (300 * JUTA, Period.MONTH)),
        ("25 jt sebln", (300 * JUTA, Period.MONTH)),
        ("Per Bulan Rp 2.500.000", (30 * JUTA, Period.MONTH)),
        ("omzet bulanan 10 juta", (120 * JUTA, Period.MONTH)),
        ("sebulannya sejuta", (12 * JUTA, Period.MONTH)),
        ("15 juta satu bulan", (180 * JUTA, Period.MONTH)),
        ("2 M satu tahun", (2 * MILIAR, Period.YEAR)),
        ("500 ribu per hari", (180 * JUTA, Period.DAY)),  # a month of 30 days, 12 months
        ("omzet harian 500rb", (180 * JUTA, Period.DAY)),
        ("sehari 750 rb", (270 * JUTA, Period.DAY)),
        ("tiap hari 1 jt", (360 * JUTA, Period.DAY)),
        ("3 juta seminggu", (156 * JUTA, Period.WEEK)),
        ("2 jt per minggu", (104 * JUTA, Period.WEEK)),
        ("mingguan 2,5 juta", (130 * JUTA, Period.WEEK)),
        ("25 million per month", (300 * JUTA, Period.MONTH)),
        ("300 million a year", (300 * JUTA, Period.YEAR)),
        ("1.5 million daily", (540 * JUTA, Period.DAY)),
        ("omzet per bulan: 10 juta", (120 * JUTA, Period.MONTH)),
        # Period words away from the amount say something else.
        ("300 juta per tahun, buka setiap hari", (300 * JUTA, Period.YEAR)),
        ("omzet setahun 200 juta, jualan kebutuhan sehari-hari", (200 * JUTA, Period.YEAR)),
        ("100 juta per tahun, buka Senin-Minggu", (100 * JUTA, Period.YEAR)),
        ("120 juta setahun, libur hari Minggu", (120 * JUTA, Period.YEAR)),
        ("300 juta, ramai pas bulan puasa", (300 * JUTA, Period.YEAR)),
    ],
)
def test_parse_period_amount(text: str, expected: tuple[int, Period]) -> None:
    assert parse_period_amount(text) == expected


def test_parse_period_amount_annualises_ambiguous_candidates() -> None:
    with pytest.raises(AmbiguousAmount) as caught:
        parse_period_amount("15,000 per bulan")
    assert caught.value.candidates == [180_000, 180]


@pytest.mark.parametrize(
    "text", ["sebulan 15 juta per hari", "sehari 500rb, seminggu libur sehari"]
)
def test_parse_period_amount_refuses_two_periods(text: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_period_amount(text)
    assert caught.value.key == "error-money-period"


def test_parse_period_amount_passes_refusals_through() -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_period_amount("10-20 juta per bulan")
    assert caught.value.key == "error-money-range"


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        (0, "Rp0"),
        (500, "Rp500"),
        (15_000, "Rp15.000"),
        (1_250_000, "Rp1.250.000"),
        (2 * MILIAR, "Rp2.000.000.000"),
        (-15_000, "-Rp15.000"),
    ],
)
def test_format_rupiah(amount: int, expected: str) -> None:
    assert format_rupiah(amount) == expected


@pytest.mark.parametrize("amount", [1, 999, 15_000, 1_250_000, 2 * MILIAR, 1_200 * MILIAR])
def test_format_rupiah_parses_back(amount: int) -> None:
    assert parse_rupiah(format_rupiah(amount)) == amount
