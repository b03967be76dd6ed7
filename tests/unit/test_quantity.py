"""Quantities in the product's unit, capacities per month and lead times in days, with whether
the reading was converted (and so is confirmed before it is stored)."""

from __future__ import annotations

import pytest

from models.errors import InvalidInput
from models.validators import Reading, read_lead_time, read_quantity, read_tkdn


@pytest.mark.parametrize(
    ("text", "unit", "reading"),
    [
        ("10", "pcs", Reading(10, converted=False)),
        ("10 pcs", "pcs", Reading(10, converted=False)),
        ("minimal 10 biji", "pcs", Reading(10, converted=False)),
        ("10 pasang", "pasang", Reading(10, converted=False)),
        ("1 kodi", "pcs", Reading(20, converted=True)),
        ("sekodi", "pcs", Reading(20, converted=True)),
        ("sak lusin", "pcs", Reading(12, converted=True)),
        ("3 lusin", "pcs", Reading(36, converted=True)),
        ("setengah lusin", "pcs", Reading(6, converted=True)),
        ("1 gros", "pcs", Reading(144, converted=True)),
        ("2 rim", "lembar", Reading(1_000, converted=True)),
        ("2 lusin", "lusin", Reading(2, converted=False)),  # sold by the dozen
        ("2 dus", "pcs", Reading(2, converted=True)),  # unsure: shown back
        ("2 dus", "dus", Reading(2, converted=False)),
        ("lima puluh", "pcs", Reading(50, converted=True)),
    ],
)
def test_quantities_in_the_products_unit(text: str, unit: str, reading: Reading) -> None:
    assert read_quantity(text, unit) == reading


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        ("500", Reading(500, converted=False)),
        ("500 per bulan", Reading(500, converted=False)),
        ("100 per minggu", Reading(433, converted=True)),  # 100 × 52 / 12
        ("sehari 20", Reading(600, converted=True)),  # 20 × 30
        ("50/hr", Reading(1_500, converted=True)),
        ("1.200 per tahun", Reading(100, converted=True)),
        ("10 lusin seminggu", Reading(520, converted=True)),
        ("500 bungkus, buka setiap hari", Reading(500, converted=False)),
    ],
)
def test_capacities_per_month(text: str, reading: Reading) -> None:
    assert read_quantity(text, "pcs", per_month=True) == reading


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("10-20 pcs", "error-quantity-range"),
        ("sepuluh sampai dua puluh", "error-quantity-range"),
        ("1,5", "error-quantity"),
        ("setengah pcs", "error-quantity"),
        ("banyak", "error-quantity"),
        ("2 juta 5", "error-one-number"),
        ("sehari 50 porsi, seminggu libur sehari", "error-quantity-period"),
        ("9" * 4096, "error-quantity"),
    ],
)
def test_quantities_refused(text: str, key: str) -> None:
    with pytest.raises(InvalidInput) as raised:
        read_quantity(text, "pcs")
    assert raised.value.key == key


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        ("3", Reading(3, converted=False)),
        ("3 hari", Reading(3, converted=False)),
        ("3 hr kerja", Reading(3, converted=False)),
        ("tiga hari", Reading(3, converted=True)),
        ("sehari", Reading(1, converted=True)),
        ("seminggu", Reading(7, converted=True)),
        ("2 minggu", Reading(14, converted=True)),
        ("sebulan", Reading(30, converted=True)),
        ("rong dino", Reading(2, converted=True)),
        ("tilu poe", Reading(3, converted=True)),
        ("seminggu kerja", Reading(7, converted=True)),
        ("besok", Reading(1, converted=True)),
        ("lusa kak", Reading(2, converted=True)),
        ("hari ini juga", Reading(0, converted=True)),
        ("3 hari aja ya kak", Reading(3, converted=False)),
        ("semingguan", Reading(7, converted=True)),
        ("3 harian", Reading(3, converted=True)),
        ("3 mingguan", Reading(21, converted=True)),
        ("besok jadi", Reading(1, converted=True)),
        ("2 hari selesai kak", Reading(2, converted=False)),
        ("seminggu kurang lebih", Reading(7, converted=True)),
        ("3 hari maksimal", Reading(3, converted=False)),
    ],
)
def test_lead_times_in_days(text: str, reading: Reading) -> None:
    assert read_lead_time(text) == reading


@pytest.mark.parametrize("text", ["hari", "se 3 hari", "2-3 hari", "lima sampai tujuh hari"])
def test_lead_times_refused(text: str) -> None:
    with pytest.raises(InvalidInput):
        read_lead_time(text)


def test_tkdn_in_words_is_a_converted_reading() -> None:
    assert read_tkdn("empat puluh persen") == Reading(4_000, converted=True)
    assert read_tkdn("40%") == Reading(4_000, converted=False)
    assert read_tkdn("tiga puluh persen kak") == Reading(3_000, converted=True)


@pytest.mark.parametrize(
    ("text", "unit", "reading"),
    [
        ("5 lsn", "pcs", Reading(60, converted=True)),
        ("1 ton", "pcs", Reading(1, converted=True)),  # not a count of pieces: shown back
        ("100 gram", "pcs", Reading(100, converted=True)),
        ("5 kg", "kg", Reading(5, converted=False)),
        ("10 paket", "pcs", Reading(10, converted=False)),
    ],
)
def test_abbreviated_multiples_and_other_units(text: str, unit: str, reading: Reading) -> None:
    assert read_quantity(text, unit) == reading
