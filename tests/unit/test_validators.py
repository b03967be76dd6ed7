"""Identity, contact, free-text and scale validators, and their locale messages."""

from __future__ import annotations

import ast
from datetime import date
from pathlib import Path

import pytest
from fluent.syntax import ast as ftl
from fluent.syntax import parse
from fluent.syntax.visitor import Visitor

from models.errors import InvalidInput
from models.validators import (
    BusinessScale,
    ScaleBasis,
    classify_scale,
    parse_address,
    parse_business_name,
    parse_email,
    parse_kbli_list,
    parse_nib,
    parse_nik,
    parse_npwp,
    parse_person_name,
    parse_phone,
)

ROOT = Path(__file__).resolve().parents[2]
TODAY = date(2025, 6, 1)


# --- person name -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Siti Aminah", "Siti Aminah"),
        ("  siti   aminah \n", "Siti Aminah"),
        ("SITI AMINAH", "Siti Aminah"),
        ("Bu Siti Aminah", "Siti Aminah"),
        ("bapak budi santoso", "Budi Santoso"),
        ("Sdri. nur-hasanah", "Nur-Hasanah"),
        ("Dr. Siti Aminah, S.E.", "Dr. Siti Aminah, S.E."),
        ("Ir. H. Joko Widodo", "Ir. H. Joko Widodo"),
        ("I Gusti Ngurah Rai", "I Gusti Ngurah Rai"),
        ("Ma'ruf Amin", "Ma'ruf Amin"),
        ("Ma’ruf Amin", "Ma'ruf Amin"),  # typographic apostrophe from a phone keyboard
        ("Abdul-Rahman Wahid", "Abdul-Rahman Wahid"),
        ("José Ramos-Horta", "José Ramos-Horta"),
        ("Jose\u0301 Ramos", "José Ramos"),  # combining accent is normalised to NFC
        ("Nguyễn Văn An", "Nguyễn Văn An"),
        ("Ani", "Ani"),
        ("A" * 100, "A" + "a" * 99),
    ],
)
def test_person_name_accepts(text: str, expected: str) -> None:
    assert parse_person_name(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "Al",  # too short
        "A..",  # one letter
        "Siti Aminah 2",
        "Siti_Aminah",
        "siti@aminah",
        "---",
        "Budi 😊",
        "A" * 101,
    ],
)
def test_person_name_rejects(text: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_person_name(text)
    assert caught.value.key == "error-person-name"


# --- NIK ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3573011508850001", "3573011508850001"),  # man, 15 Aug 1985
        ("3579014101850001", "3579014101850001"),  # woman, day 01 + 40
        ("3579017112990002", "3579017112990002"),  # woman, 31 Dec 1999
        ("3573 0115 0885 0001", "3573011508850001"),
        ("35.7301.150885.0001", "3573011508850001"),
        ("3573-01-150885-0001", "3573011508850001"),
        (" 3573011508850001 ", "3573011508850001"),
        ("3573012902960001", "3573012902960001"),  # 29 Feb 1996, leap year
        ("3573012902000001", "3573012902000001"),  # 29 Feb 2000, leap year
        ("3573016902040001", "3573016902040001"),  # woman, 29 Feb 2004
        ("3573010106250001", "3573010106250001"),  # born today: 2025
        ("3573011512250001", "3573011512250001"),  # 15 Dec 25 is after today: 1925
        ("1101011508850001", "1101011508850001"),  # Aceh
        ("2171011508850001", "2171011508850001"),  # Kepulauan Riau
        ("9601011508850001", "9601011508850001"),  # Papua Barat Daya
    ],
)
def test_nik_accepts(text: str, expected: str) -> None:
    assert parse_nik(text, TODAY) == expected


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("2073011508850001", "error-nik-province"),
        ("9973011508850001", "error-nik-province"),
        ("0073011508850001", "error-nik-province"),
        ("1073011508850001", "error-nik-province"),
        ("3500011508850001", "error-nik-region"),  # regency 00
        ("3573001508850001", "error-nik-region"),  # district 00
        ("3573012902970001", "error-nik-date"),  # 29 Feb 1997
        ("3573016902970001", "error-nik-date"),  # woman, 29 Feb 1997
        ("3573013201900001", "error-nik-date"),  # day 32
        ("3573010001900001", "error-nik-date"),  # day 00
        ("3573017201900001", "error-nik-date"),  # woman, day 32
        ("3573011513900001", "error-nik-date"),  # month 13
        ("3573011500900001", "error-nik-date"),  # month 00
        ("3573011508850000", "error-nik-serial"),
    ],
)
def test_nik_rejects(text: str, key: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_nik(text, TODAY)
    assert caught.value.key == key


def test_nik_feb_29_in_1900_is_rejected() -> None:
    # Seen from 1999, "290200" means 29 Feb 1900, which did not exist.
    with pytest.raises(InvalidInput) as caught:
        parse_nik("3573012902000001", date(1999, 12, 31))
    assert caught.value.key == "error-nik-date"


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("357301150885001", 15),
        ("35730115088500011", 17),
        ("3573 0115 0885 001", 15),
        ("35.73.01-150885-00011", 17),
        ("3573O11508850001", 15),  # letter O instead of zero
    ],
)
def test_nik_length(text: str, count: int) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_nik(text, TODAY)
    assert caught.value.key == "error-nik-length"
    assert caught.value.args_map == {"count": count}


# --- NIB, NPWP ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["1234567890123", "1234 5678 90123", "12-3456-7890-123", "1.234.567.890.123"]
)
def test_nib_accepts(text: str) -> None:
    assert parse_nib(text) == "1234567890123"


@pytest.mark.parametrize(
    ("text", "count"),
    [("123456789012", 12), ("12345678901234", 14), ("12345678901x3", 12)],
)
def test_nib_rejects(text: str, count: int) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_nib(text)
    assert caught.value.key == "error-nib"
    assert caught.value.args_map == {"count": count}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("01.234.567.8-901.000", "0012345678901000"),  # old 15-digit form gets a leading 0
        ("012345678901000", "0012345678901000"),
        ("01 234 567 8 901 000", "0012345678901000"),
        ("0012345678901000", "0012345678901000"),  # new 16-digit NPWP
        ("3573011508850001", "3573011508850001"),  # NIK used as NPWP
        ("3573 0115 0885 0001", "3573011508850001"),
    ],
)
def test_npwp_accepts(text: str, expected: str) -> None:
    assert parse_npwp(text) == expected


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("01.234.567.8-901.00", 14),
        ("35730115088500011", 17),
    ],
)
def test_npwp_rejects(text: str, count: int) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_npwp(text)
    assert caught.value.key == "error-npwp"
    assert caught.value.args_map == {"count": count}


# --- KBLI ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10792", ["10792"]),
        ("10792, 47111", ["10792", "47111"]),
        ("10792;47111/56102\n46100", ["10792", "47111", "56102", "46100"]),
        ("  10792   47111 ", ["10792", "47111"]),
        ("47111, 10792, 47111", ["47111", "10792"]),  # deduplicated, first occurrence kept
        ("01111, 99000", ["01111", "99000"]),
        (", ".join(f"{n}" for n in range(10701, 10711)), [str(n) for n in range(10701, 10711)]),
        ("10701 " * 11, ["10701"]),
    ],
)
def test_kbli_accepts(text: str, expected: list[str]) -> None:
    assert parse_kbli_list(text) == expected


@pytest.mark.parametrize(
    ("text", "key", "args"),
    [
        ("", "error-kbli-empty", {}),
        (" , ; / ", "error-kbli-empty", {}),
        ("1079", "error-kbli-format", {"code": "1079"}),
        ("10792, 107921", "error-kbli-format", {"code": "107921"}),
        ("10.792", "error-kbli-format", {"code": "10.792"}),
        ("04123", "error-kbli-division", {"code": "04123"}),
        ("10792, 34100", "error-kbli-division", {"code": "34100"}),
        ("76123", "error-kbli-division", {"code": "76123"}),
        ("00123", "error-kbli-division", {"code": "00123"}),
        (
            " ".join(str(n) for n in range(10701, 10712)),
            "error-kbli-too-many",
            {"count": 11, "limit": 10},
        ),
    ],
)
def test_kbli_rejects(text: str, key: str, args: dict[str, object]) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_kbli_list(text)
    assert caught.value.key == key
    assert caught.value.args_map == args


# --- phone, e-mail ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("081234567890", "+6281234567890"),
        ("0812-3456-7890", "+6281234567890"),
        ("0812 3456 7890", "+6281234567890"),
        ("0812.3456.7890", "+6281234567890"),
        ("(0812) 3456-7890", "+6281234567890"),
        ("+62 812-3456-7890", "+6281234567890"),
        ("+6281234567890", "+6281234567890"),
        ("+62 0812 3456 7890", "+6281234567890"),
        ("62 812 3456 7890", "+6281234567890"),
        ("(62) 812-3456-7890", "+6281234567890"),
        # Without the added "+" this would be a landline in area code 0628.
        ("62812345678", "+62812345678"),
        ("0856 1234 5678", "+6285612345678"),
        ("0895-1234-5678", "+6289512345678"),
    ],
)
def test_phone_accepts(text: str, expected: str) -> None:
    assert parse_phone(text) == expected


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("0341 551234", "error-phone-not-mobile"),  # Malang landline
        ("021-5551234", "error-phone-not-mobile"),
        ("+62 21 5551234", "error-phone-not-mobile"),
        ("0800 1234567", "error-phone-not-mobile"),  # toll-free
        ("+60 12-345 6789", "error-phone-not-indonesian"),  # Malaysian mobile
        ("+1 650 253 0000", "error-phone-not-indonesian"),
        ("abc", "error-phone-invalid"),
        ("", "error-phone-invalid"),
        ("0812", "error-phone-invalid"),
        ("08123456789012345", "error-phone-invalid"),
        ("0809 12345678", "error-phone-invalid"),
        ("+62 8123", "error-phone-invalid"),
    ],
)
def test_phone_rejects(text: str, key: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_phone(text)
    assert caught.value.key == key


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("keripikapel@gmail.com", "keripikapel@gmail.com"),
        ("  Budi.Santoso@Gmail.COM \n", "Budi.Santoso@gmail.com"),
        ("toko.sri@contoh.co.id", "toko.sri@contoh.co.id"),
    ],
)
def test_email_accepts(text: str, expected: str) -> None:
    assert parse_email(text) == expected


@pytest.mark.parametrize(
    "text", ["", "budi", "budi@", "budi@gmail", "budi@@gmail.com", "budi santoso@gmail.com"]
)
def test_email_rejects(text: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_email(text)
    assert caught.value.key == "error-email"


# --- business name, address ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Keripik Apel Bu Sri", "Keripik Apel Bu Sri"),
        ("  Toko   Maju\nJaya ", "Toko Maju Jaya"),
        ("UD", "UD"),
        ("99", "99"),
        ("X" * 100, "X" * 100),
    ],
)
def test_business_name_accepts(text: str, expected: str) -> None:
    assert parse_business_name(text) == expected


@pytest.mark.parametrize("text", ["", "A", "  A  ", "!!", "-- --", "X" * 101])
def test_business_name_rejects(text: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_business_name(text)
    assert caught.value.key == "error-business-name"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jl. Diponegoro No. 12, RT 02/RW 05", "Jl. Diponegoro No. 12, RT 02/RW 05"),
        ("Jl. Diponegoro 12\nRT 02 RW 05\n", "Jl. Diponegoro 12 RT 02 RW 05"),
        ("Jl. Mawar1", "Jl. Mawar1"),
        ("a" * 200, "a" * 200),
    ],
)
def test_address_accepts(text: str, expected: str) -> None:
    assert parse_address(text) == expected


@pytest.mark.parametrize("text", ["", "Jl. Mawar", "1234567890", "12/05 - 03.07", "a" * 201])
def test_address_rejects(text: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_address(text)
    assert caught.value.key == "error-address"


# --- scale --------------------------------------------------------------------------------

MILIAR = 1_000_000_000


@pytest.mark.parametrize(
    ("basis", "amount", "expected"),
    [
        (ScaleBasis.TURNOVER, 1, BusinessScale.MIKRO),
        (ScaleBasis.TURNOVER, 2 * MILIAR, BusinessScale.MIKRO),
        (ScaleBasis.TURNOVER, 2 * MILIAR + 1, BusinessScale.KECIL),
        (ScaleBasis.TURNOVER, 15 * MILIAR, BusinessScale.KECIL),
        (ScaleBasis.TURNOVER, 15 * MILIAR + 1, BusinessScale.MENENGAH),
        (ScaleBasis.TURNOVER, 50 * MILIAR, BusinessScale.MENENGAH),
        (ScaleBasis.TURNOVER, 50 * MILIAR + 1, BusinessScale.BESAR),
        (ScaleBasis.CAPITAL, 1 * MILIAR, BusinessScale.MIKRO),
        (ScaleBasis.CAPITAL, 1 * MILIAR + 1, BusinessScale.KECIL),
        (ScaleBasis.CAPITAL, 5 * MILIAR, BusinessScale.KECIL),
        (ScaleBasis.CAPITAL, 5 * MILIAR + 1, BusinessScale.MENENGAH),
        (ScaleBasis.CAPITAL, 10 * MILIAR, BusinessScale.MENENGAH),
        (ScaleBasis.CAPITAL, 10 * MILIAR + 1, BusinessScale.BESAR),
    ],
)
def test_classify_scale(basis: ScaleBasis, amount: int, expected: BusinessScale) -> None:
    assert classify_scale(basis, amount) is expected


def test_scale_values_are_stable_strings() -> None:
    assert [s.value for s in BusinessScale] == ["mikro", "kecil", "menengah", "besar"]
    assert ScaleBasis("capital") is ScaleBasis.CAPITAL


# --- locale files -------------------------------------------------------------------------


class _VariableNames(Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()

    def visit_VariableReference(self, node: ftl.VariableReference) -> None:
        self.names.add(node.id.name)
        self.generic_visit(node)


def _locale_messages(language: str) -> dict[str, set[str]]:
    """Message id → variable names used, from ``locales/<language>/validation.ftl``."""
    resource = parse((ROOT / "locales" / language / "validation.ftl").read_text(encoding="utf-8"))
    assert not [entry for entry in resource.body if isinstance(entry, ftl.Junk)]
    messages: dict[str, set[str]] = {}
    for entry in resource.body:
        if isinstance(entry, ftl.Message):
            visitor = _VariableNames()
            visitor.visit(entry)
            messages[entry.id.name] = visitor.names
    return messages


def _raised_keys() -> dict[str, set[str]]:
    """Key → argument names of every ``InvalidInput(...)`` in the validators' source."""
    keys: dict[str, set[str]] = {"error-money-ambiguous": set()}  # raised by AmbiguousAmount
    for path in (ROOT / "models" / "validators").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "InvalidInput":
                key = node.args[0]
                assert isinstance(key, ast.Constant)
                assert isinstance(key.value, str)
                keys.setdefault(key.value, set()).update(str(kw.arg) for kw in node.keywords)
    return keys


@pytest.mark.parametrize("language", ["id", "en"])
def test_locale_has_every_raised_key_with_its_arguments(language: str) -> None:
    assert _locale_messages(language) == _raised_keys()


@pytest.mark.parametrize("text", ["", "   ", "belum tahu nomornya", "lagi dicari"])
def test_numbers_without_digits_say_how_they_are_written(text: str) -> None:
    for parser, key in (
        (lambda t: parse_nik(t, TODAY), "error-nik-no-number"),
        (parse_nib, "error-nib-no-number"),
        (parse_npwp, "error-npwp-no-number"),
    ):
        with pytest.raises(InvalidInput) as caught:
            parser(text)
        assert caught.value.key == key


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("3579014101850001 dan 081234567890", "error-one-number"),
        ("nik 3579014101850001, kk 3579010101010001", "error-one-number"),
    ],
)
def test_two_numbers_are_asked_as_one(text: str, key: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_nik(text, TODAY)
    assert caught.value.key == key


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NIK saya 3579 0141 0185 0001", "3579014101850001"),
        ("nik: 3579014101850001 ya kak", "3579014101850001"),
    ],
)
def test_a_nik_with_words_around_it(text: str, expected: str) -> None:
    assert parse_nik(text, TODAY) == expected


def test_words_around_kbli_codes_are_not_codes() -> None:
    assert parse_kbli_list("KBLI-nya 10792 dan 47211") == ["10792", "47211"]


def test_words_after_an_email_are_ignored() -> None:
    assert parse_email("keripikapel@gmail.com ya kak") == "keripikapel@gmail.com"
