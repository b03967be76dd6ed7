"""Free text outside a question mapped to what the user most likely wants."""

from __future__ import annotations

import re
from enum import StrEnum

from rapidfuzz import fuzz, process, utils


class Intent(StrEnum):
    GREETING = "greeting"
    REGISTER = "register"
    STATUS = "status"
    HELP = "help"
    MENU = "menu"
    LANGUAGE = "language"
    PRODUCTS = "products"
    ADD_PRODUCT = "add_product"


PHRASES: dict[Intent, tuple[str, ...]] = {
    Intent.GREETING: (
        "halo",
        "hallo",
        "hai",
        "hi",
        "hello",
        "assalamualaikum",
        "selamat pagi",
        "selamat siang",
        "selamat sore",
        "selamat malam",
        "permisi",
        "pagi",
        "siang",
        "start",
    ),
    Intent.REGISTER: (
        "daftar",
        "mau daftar",
        "gimana cara daftar",
        "bagaimana cara mendaftar",
        "registrasi",
        "pendaftaran",
        "lanjut daftar",
        "lanjutkan pendaftaran",
        "ikut katalog",
        "gabung",
        "register",
        "sign up",
    ),
    Intent.STATUS: (
        "cek status",
        "status",
        "status pendaftaran",
        "sudah di acc belum",
        "udah di acc belum",
        "sudah disetujui belum",
        "sudah diterima belum",
        "gimana pendaftaran saya",
        "hasil verifikasi",
        "check status",
    ),
    Intent.HELP: ("bantuan", "tolong", "bingung", "help", "cara pakai", "tanya"),
    Intent.MENU: ("menu", "menu utama", "mulai", "main menu"),
    Intent.LANGUAGE: ("bahasa", "ganti bahasa", "english", "bahasa indonesia", "language"),
    Intent.PRODUCTS: ("produk saya", "lihat produk", "daftar produk saya", "my products"),
    Intent.ADD_PRODUCT: (
        "tambah produk",
        "input produk",
        "jual produk",
        "upload produk",
        "produk baru",
        "add product",
    ),
}

_CHOICES = [(phrase, intent) for intent, phrases in PHRASES.items() for phrase in phrases]
_PHRASES = [phrase for phrase, _ in _CHOICES]
_SPELLINGS = {
    r"\bgmn\b": "gimana",
    r"\bbgmn\b": "bagaimana",
    r"\budh\b": "udah",
    r"\bsdh\b": "sudah",
    r"\bblm\b": "belum",
    r"\bdaptar\b": "daftar",
}

MIN_SCORE = 82


YES = frozenset({"ya", "iya", "y", "yes", "benar", "betul", "bener", "ok", "oke", "okay", "sip"})
NO = frozenset({"tidak", "tdk", "ga", "gak", "nggak", "enggak", "no", "salah", "bukan", "n"})


def yes_or_no(text: str) -> bool | None:
    """True for a typed "ya", False for "tidak" (and their chat spellings), else None."""
    word = normalise(text)
    return True if word in YES else False if word in NO else None


def normalise(text: str) -> str:
    """Lower case, no punctuation, common chat abbreviations spelled out."""
    cleaned = utils.default_process(text)
    for pattern, replacement in _SPELLINGS.items():
        cleaned = re.sub(pattern, replacement, cleaned)
    return cleaned


def detect_intent(text: str) -> Intent | None:
    """The intent whose phrases best match ``text``, or None when nothing matches well."""
    cleaned = normalise(text)
    if not cleaned or len(cleaned) > 80:
        return None
    matches = process.extract(
        cleaned,
        _PHRASES,
        scorer=fuzz.token_set_ratio,
        processor=None,
        score_cutoff=MIN_SCORE,
        limit=None,
    )
    if not matches:
        return None
    # Equal scores: the longer phrase matched more of what was said ("daftar produk saya").
    _, _, index = max(matches, key=lambda match: (match[1], len(match[0])))
    return _CHOICES[index][1]
