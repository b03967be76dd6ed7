"""Validators for how to reach the vendor: mobile phone number and e-mail address."""

from __future__ import annotations

import re

import phonenumbers
from email_validator import EmailNotValidError, validate_email
from phonenumbers import NumberParseException, PhoneNumberFormat, PhoneNumberType

from models.errors import InvalidInput

_INDONESIA = "ID"
_INDONESIA_COUNTRY_CODE = 62
_COUNTRY_CODE_WITHOUT_PLUS = re.compile(r"^\s*\(?62")
_TRAILING_WORDS = frozenset({"ya", "yah", "kak", "pak", "bu", "min", "mas", "mbak", "gan", "sis"})
_PHONE_RUN = re.compile(r"\+?\(?[0-9](?:[\s().\-]*[0-9])*")
"""A number as typed, with the spaces, dashes and brackets of its usual layouts."""


def parse_phone(text: str) -> str:
    """Indonesian mobile number typed as ``08…``, ``+62…`` or ``62…``; returns E.164 (``+62812…``).

    phonenumbers (metadata 9.0.x) classifies every valid Indonesian ``08xx`` number as
    ``MOBILE`` and area-code numbers (``021…``, ``0341…``) as ``FIXED_LINE``; the two patterns
    do not overlap, so ``FIXED_LINE_OR_MOBILE`` never occurs for Indonesia and only ``MOBILE``
    is accepted.
    """
    runs = _PHONE_RUN.findall(text)
    if len(runs) > 1:
        raise InvalidInput("error-one-number")
    typed = runs[0] if runs else text
    try:
        number = phonenumbers.parse(_with_plus_for_country_code(typed), _INDONESIA)
    except NumberParseException:
        raise InvalidInput("error-phone-invalid") from None
    if not phonenumbers.is_valid_number(number):
        raise InvalidInput("error-phone-invalid")
    if number.country_code != _INDONESIA_COUNTRY_CODE:
        raise InvalidInput("error-phone-not-indonesian")
    if phonenumbers.number_type(number) != PhoneNumberType.MOBILE:
        raise InvalidInput("error-phone-not-mobile")
    return phonenumbers.format_number(number, PhoneNumberFormat.E164)


def _with_plus_for_country_code(text: str) -> str:
    """Add the ``+`` people omit in ``62812…``.

    Without it phonenumbers reads the digits as a national number, and ``62812345678`` is then a
    valid landline in area code 0628 instead of the mobile ``+62 812-345-678``. Numbers typed
    nationally always start with the trunk prefix 0, so a leading 62 is the country code.
    """
    return f"+{text.strip()}" if _COUNTRY_CODE_WITHOUT_PLUS.match(text) else text


def parse_email(text: str) -> str:
    """E-mail address, syntax only (no DNS lookup); returns the normalised form. Words around
    after it ("siti@gmail.com ya kak") are ignored."""
    words = text.split()
    while len(words) > 1 and words[-1].lower().strip(".,!") in _TRAILING_WORDS:
        words.pop()
    address = " ".join(words).strip(".,;!?()<>\"'")
    try:
        return validate_email(address, check_deliverability=False).normalized
    except EmailNotValidError:
        raise InvalidInput("error-email") from None
