"""Validators for the owner's identity and the business's registration numbers.

NIK, NIB and NPWP are long digit strings that people copy from a card or a PDF, often with
the spaces, dots and dashes of the printed layout; those separators are ignored.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from models.errors import InvalidInput
from models.validators.text import clean_text


def _inclusive_ranges(*spans: tuple[int, int]) -> frozenset[int]:
    return frozenset(code for first, last in spans for code in range(first, last + 1))


_SEPARATORS = re.compile(r"[\s.\-]+")
_ASCII_DIGIT = re.compile(r"[0-9]")

_NAME_LENGTH = range(3, 101)
_NAME_MIN_LETTERS = 2
_NAME_PUNCTUATION = frozenset(" '.,-")
# Phone keyboards often turn ' into a typographic apostrophe ("Ma’ruf").
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u02bc": "'", "`": "'"})

_NIK_LENGTH = 16
_NIB_LENGTH = 13
_NPWP_LENGTHS = (15, 16)
_NPWP_LENGTH = 16
_QUOTE_LENGTH = 20

# Kemendagri province codes, including the Papua provinces created in 2022 (93–96).
_PROVINCE_CODES = _inclusive_ranges(
    (11, 19), (21, 21), (31, 36), (51, 53), (61, 65), (71, 76), (81, 82), (91, 96)
)
# Women's NIKs carry the day of birth plus 40.
_NIK_WOMAN_DAY_OFFSET = 40

_KBLI_SEPARATORS = re.compile(r"[\s,;/]+")
_KBLI_CODE = re.compile(r"[0-9]{5}")
_KBLI_AROUND = re.compile(r"^[^0-9]*|[^\w]*$")
_KBLI_LIMIT = 10
# Two-digit divisions ("golongan pokok") that exist in KBLI 2020.
_KBLI_DIVISIONS = _inclusive_ranges(
    (1, 3),
    (5, 9),
    (10, 33),
    (35, 39),
    (41, 43),
    (45, 47),
    (49, 53),
    (55, 56),
    (58, 66),
    (68, 75),
    (77, 82),
    (84, 88),
    (90, 99),
)


def parse_person_name(text: str) -> str:
    """Owner's full name as on the KTP, academic titles included ("Dr. Siti Aminah, S.E.").

    Letters of any script are allowed, plus spaces and ``' . , -``; digits are not. A leading
    form of address ("Bu", "Pak", "Sdri.") is not part of the name and is dropped; the words are
    stored capitalised ("siti aminah" and "SITI AMINAH" → "Siti Aminah"), titles as typed.
    """
    name = capitalised(without_honorific(clean_text(text).translate(_APOSTROPHES)))
    letters = sum(ch.isalpha() for ch in name)
    if (
        len(name) not in _NAME_LENGTH
        or letters < _NAME_MIN_LETTERS
        or not all(_is_name_character(ch) for ch in name)
    ):
        raise InvalidInput("error-person-name")
    return name


_HONORIFIC = re.compile(
    r"^(?:(?:bapak|bpk|bp|pak|ibu|ibuk|bu|sdr|sdri|saudara|saudari|mas|mbak|mba|kak|kakak"
    r"|bang|abang|tn|tuan|ny|nyonya|nn|nona|cak|ning|teh|om|tante"
    r"|mbakyu|yu|kang|akang|aa|neng|ceu|teteh|mang|pakde|bude|budhe|bulik|paklik|mbok|mbah)"
    r"(?:\.|\s)\s*)+",
    re.IGNORECASE,
)


def without_honorific(name: str) -> str:
    """ "Bu Siti Aminah" → "Siti Aminah", "Sdr. Budi" → "Budi"; a name that would be left with
    fewer than two letters stays as typed."""
    rest = _HONORIFIC.sub("", name, count=1)
    return rest if sum(ch.isalpha() for ch in rest) >= _NAME_MIN_LETTERS else name


def capitalised(name: str) -> str:
    """Each word with a capital first letter and the rest small, as names are written in
    letters and catalogues; a word with a dot (a title such as "S.E." or "Hj.") stays as typed."""
    return " ".join(word if "." in word else _capital_word(word) for word in name.split(" "))


def _capital_word(word: str) -> str:
    return "-".join(part[:1].upper() + part[1:].lower() for part in word.split("-"))


def _is_name_character(ch: str) -> bool:
    # Combining marks (category M*) stay separate even after NFC in many scripts.
    return ch.isalpha() or ch in _NAME_PUNCTUATION or unicodedata.category(ch).startswith("M")


def parse_nik(text: str, today: date) -> str:
    """NIK (Nomor Induk Kependudukan): 16 digits ``PPKKCC DDMMYY SSSS``.

    PP province, KK regency/city, CC district, DDMMYY date of birth (day + 40 for women),
    SSSS serial number. ``today`` decides the century of the birth year.
    """
    nik = _digits(text)
    if nik is None or len(nik) != _NIK_LENGTH:
        _refuse_several_numbers(text)
        if _has_no_number(text):
            raise InvalidInput("error-nik-no-number")
        raise InvalidInput("error-nik-length", count=_count_digits(text))
    if int(nik[:2]) not in _PROVINCE_CODES:
        raise InvalidInput("error-nik-province")
    if nik[2:4] == "00" or nik[4:6] == "00":
        raise InvalidInput("error-nik-region")
    _check_nik_birth_date(nik[6:12], today)
    if nik[12:] == "0000":
        raise InvalidInput("error-nik-serial")
    return nik


def _check_nik_birth_date(ddmmyy: str, today: date) -> None:
    """The birth date in a NIK must exist; the year is 20YY unless that lies after ``today``."""
    day, month, year = int(ddmmyy[:2]), int(ddmmyy[2:4]), 2000 + int(ddmmyy[4:])
    if day > _NIK_WOMAN_DAY_OFFSET:
        day -= _NIK_WOMAN_DAY_OFFSET
    if (year, month, day) > (today.year, today.month, today.day):
        year -= 100
    try:
        date(year, month, day)
    except ValueError:
        raise InvalidInput("error-nik-date") from None


def parse_nib(text: str) -> str:
    """NIB (Nomor Induk Berusaha) issued by OSS: 13 digits."""
    nib = _digits(text)
    if nib is None or len(nib) != _NIB_LENGTH:
        _refuse_several_numbers(text)
        if _has_no_number(text):
            raise InvalidInput("error-nib-no-number")
        raise InvalidInput("error-nib", count=_count_digits(text))
    return nib


def parse_npwp(text: str) -> str:
    """NPWP in its 16-digit form.

    Accepts the 16-digit NPWP (for individuals this is the NIK, in use since 2024) and the old
    15-digit NPWP (``01.234.567.8-901.000``), whose 16-digit form is the same digits after a 0.
    """
    npwp = _digits(text)
    if npwp is None or len(npwp) not in _NPWP_LENGTHS:
        _refuse_several_numbers(text)
        if _has_no_number(text):
            raise InvalidInput("error-npwp-no-number")
        raise InvalidInput("error-npwp", count=_count_digits(text))
    return npwp.zfill(_NPWP_LENGTH)


def is_old_npwp(text: str) -> bool:
    """Whether ``text`` holds an NPWP in the old 15-digit form (stored with a 0 before it)."""
    npwp = _digits(text)
    return npwp is not None and len(npwp) == min(_NPWP_LENGTHS)


def parse_kbli_list(text: str) -> list[str]:
    """One or more 5-digit KBLI 2020 codes, in the order given, without duplicates."""
    tokens = [token for token in _KBLI_SEPARATORS.split(text) if token]
    if not tokens:
        raise InvalidInput("error-kbli-empty")
    with_digits = [token for token in tokens if _ASCII_DIGIT.search(token)]
    if with_digits:  # words around the codes ("KBLI-nya 10792 dan 47211") are not codes
        tokens = [_KBLI_AROUND.sub("", token) for token in with_digits]
    codes = list(dict.fromkeys(_kbli_code(token) for token in tokens))
    if len(codes) > _KBLI_LIMIT:
        raise InvalidInput("error-kbli-too-many", count=len(codes), limit=_KBLI_LIMIT)
    return codes


def _kbli_code(token: str) -> str:
    if not _KBLI_CODE.fullmatch(token):
        raise InvalidInput("error-kbli-format", code=_quoted(token))
    if int(token[:2]) not in _KBLI_DIVISIONS:
        raise InvalidInput("error-kbli-division", code=token)
    return token


def _quoted(token: str) -> str:
    """The start of a wrong token, to quote it back: a pasted page would make the error message
    itself unreadable (and longer than a chat message may be)."""
    return token if len(token) <= _QUOTE_LENGTH else token[: _QUOTE_LENGTH - 1] + "…"


_DIGIT_RUN = re.compile(r"[0-9](?:[\s.\-]*[0-9])*")


def _digits(text: str) -> str | None:
    """The one number in ``text`` without its separators ("NIK saya 3579 0141 0185 0001" →
    "3579014101850001"), or None when there is no number or more than one."""
    runs = _DIGIT_RUN.findall(text)
    if len(runs) != 1:
        return None
    return _SEPARATORS.sub("", runs[0])


def _count_digits(text: str) -> int:
    """How many digits ``text`` has."""
    return len(_ASCII_DIGIT.findall(text))


def _refuse_several_numbers(text: str) -> None:
    if _several_numbers(text):
        raise InvalidInput("error-one-number")


def _has_no_number(text: str) -> bool:
    return not _ASCII_DIGIT.search(text)


def _several_numbers(text: str) -> bool:
    """Whether ``text`` has numbers apart from each other ("3579… dan 0812…"); digits glued
    by a letter ("3573O115…") are one mistyped number."""
    return sum(bool(_ASCII_DIGIT.search(word)) for word in text.split()) > 1 and (
        len(_DIGIT_RUN.findall(text)) > 1
    )
