"""Free text outside a question mapped to what the user most likely wants."""

from __future__ import annotations

from enum import StrEnum

from rapidfuzz import fuzz, process

from models.validators.chat import normalise as chat_normalise


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
_PHRASES = [chat_normalise(phrase) for phrase, _ in _CHOICES]
MIN_SCORE = 82


def normalise(text: str) -> str:
    """Lower case, no punctuation or emoji, chat spellings replaced (``models.validators.chat``)."""
    return chat_normalise(text)


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
