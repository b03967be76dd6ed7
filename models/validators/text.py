"""Validators for free-text answers: business name and address."""

from __future__ import annotations

import unicodedata

from models.errors import InvalidInput

_BUSINESS_NAME_LENGTH = range(2, 101)
_ADDRESS_LENGTH = range(10, 201)


def clean_text(text: str) -> str:
    """Return ``text`` in NFC with runs of whitespace (including newlines) collapsed to one space.

    NFC makes an accented letter typed as letter + combining mark count as one character, so
    length limits and letter checks behave the same whatever keyboard the user has.
    """
    return " ".join(unicodedata.normalize("NFC", text).split())


def parse_business_name(text: str) -> str:
    """Business name: 2–100 characters containing at least one letter or digit."""
    name = clean_text(text)
    if len(name) not in _BUSINESS_NAME_LENGTH or not any(ch.isalnum() for ch in name):
        raise InvalidInput("error-business-name")
    return name


def parse_address(text: str) -> str:
    """Street address on one line: 10–200 characters containing at least one letter."""
    address = clean_text(text)
    if len(address) not in _ADDRESS_LENGTH or not any(ch.isalpha() for ch in address):
        raise InvalidInput("error-address")
    return address
