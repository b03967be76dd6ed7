"""Number words composed into digits (models/validators/numerals.py), example by example."""

from __future__ import annotations

import pytest

from models.validators.numerals import Spelled, spelled_as_digits


@pytest.mark.parametrize(
    ("text", "digits"),
    [
        # Indonesian, composed from digits, belas, puluh, ratus and the multipliers
        ("satu", "1"),
        ("sembilan", "9"),
        ("sepuluh", "10"),
        ("sebelas", "11"),
        ("dua belas", "12"),
        ("lima belas ribu", "15000"),
        ("dua puluh lima", "25"),
        ("seratus", "100"),
        ("seratus dua belas", "112"),
        ("tiga ratus empat puluh lima", "345"),
        ("seribu", "1000"),
        ("sejuta", "1000000"),
        ("dua lima ribu", "25000"),  # as said: digits not in a row, before a multiplier
        ("tiga lima rebu", "35000"),
        ("seratus lima puluh ribu", "150000"),
        ("tujuh ribu lima ratus", "7500"),
        ("dua juta lima ratus ribu", "2500000"),
        ("satu miliar", "1000000000"),
        ("setengah miliar", "500000000"),
        # halves and decimals
        ("dua juta setengah", "2500000"),
        ("satu setengah juta", "1500000"),
        ("setengah juta", "500000"),
        ("dua setengah", "2,5"),
        ("setengah", "0,5"),
        ("satu koma dua juta", "1200000"),
        ("dua koma lima", "2,5"),
        ("dua puluh koma lima persen", "20,5 persen"),
        # digits with words, and chat spellings of the multipliers
        ("15 rebu", "15000"),
        ("15rebu", "15000"),
        ("12 rebu perak", "12000 perak"),
        ("45 ribuan", "45000"),
        ("2 jt setengah", "2500000"),
        ("2 ratus ribu", "200000"),
        ("1 juta 500 ribu", "1500000"),
        ("7 ribu 500", "7500"),  # the bare hundreds after a multiplier
        ("1 juta 250", "1250000"),  # "ribu" left unsaid
        ("1.500 rebu", "1.500 ribu"),  # a grouped numeral stays the amount reader's
        # slang
        ("goceng", "5000"),
        ("ceban", "10000"),
        ("gocap", "50000"),
        ("goban", "50000"),
        ("cepek", "100"),
        ("gopek", "500"),
        ("seceng", "1000"),
        ("ceceng", "1000"),
        ("cepek ceng", "100000"),
        ("gopek ceng", "500000"),
        ("dua ceban", "20000"),
        ("rolas ewu", "12000"),
        ("15 ceng", "15000"),
        # Javanese and Sundanese
        ("sewu", "1000"),
        ("sewu limangatus", "1500"),
        ("limang ewu", "5000"),
        ("rongewu", "2000"),
        ("satus", "100"),
        ("seket", "50"),
        ("selawe", "25"),
        ("telu", "3"),
        ("sarebu", "1000"),
        ("15 rébu", "15000"),
        ("lima welas rébu", "15000"),
        ("tilu", "3"),
        ("opat juta", "4000000"),
        # only the number words change
        ("sebulan dua puluh lima juta", "sebulan 25000000"),
        ("sehari 20 bungkus", "sehari 20 bungkus"),
    ],
)
def test_number_words_are_written_as_digits(text: str, digits: str) -> None:
    assert spelled_as_digits(text).text == digits


@pytest.mark.parametrize(
    ("text", "digits"),
    [
        ("dua tiga juta", "2 3000000"),  # two figures: the amount reader refuses them
        ("dua lima", "2 5"),  # 25 only before a multiplier
        ("sepuluh atau dua belas ribu", "10 atau 12000"),
        ("2 juta 5", "2 juta 5"),  # 2.005.000 or 2,5 juta: left to be refused
        ("juta", "juta"),
        ("koma lima", "koma 5"),
    ],
)
def test_words_that_do_not_make_one_number_are_not_joined(text: str, digits: str) -> None:
    assert spelled_as_digits(text).text == digits


@pytest.mark.parametrize("text", ["15000", "15 ribu", "1,5 jt", "Rp 15.000", "2 M", "100 pcs"])
def test_typed_digits_with_a_standard_multiplier_are_left_as_typed(text: str) -> None:
    assert spelled_as_digits(text) == Spelled(text, converted=False)


def test_a_conversion_is_reported() -> None:
    assert spelled_as_digits("lima ribu").converted
    assert not spelled_as_digits("kira2 5000").converted
