"""Readings of a typed answer that do not depend on the question: yes or no, agreement, and "I
don't have one" (questions and complaints are in :mod:`handlers.questions`). All read
:func:`answer_words`: Indonesian chat spellings, Javanese, Madurese and Sundanese words and
emoji already replaced by the standard Indonesian word ("nggih" → "iya", "durung duwe" →
"belum punya", "👍" → "oke")."""

from __future__ import annotations

import re
from enum import StrEnum

from models.validators.chat import answer_words, prepared

YES = frozenset(
    {"iya", "oke", "benar", "betul", "setuju", "boleh", "sesuai", "tepat", "cocok", "pas", "mantap"}
    | {"yes", "yep", "yeah", "correct", "right", "sure", "agree", "lanjut", "bisa", "siap"}
    | {"silakan"}
)
NO = frozenset({"tidak", "bukan", "salah", "jangan", "keliru", "belum", "no", "nope", "wrong"})
NOT_QUITE = frozenset(
    {"kurang", "beda", "berbeda", "ganti", "ubah", "koreksi", "revisi", "lain", "lainnya"}
)

FILLERS = frozenset(
    {"kak", "pak", "bu", "bapak", "ibu", "mas", "mbak", "mba", "bang", "admin", "gan", "sis"}
    | {"dong", "deh", "sih", "kok", "lah", "loh", "kan", "nih", "tuh", "yah", "hehe", "wkwk"}
    | {"sudah", "memang", "sekali", "banget", "itu", "ini", "nya", "saja", "sama", "juga"}
    | {"terima", "kasih", "mohon", "maaf", "saya", "kami", "semua", "datanya", "data", "begitu"}
    | {"please", "thanks", "thank", "you", "it", "is", "that", "s", "yang", "aja"}
    | {"kah", "loh", "dong", "sih", "mah", "to", "toh", "e", "ne", "ipun", "me"}
)
"""Words around a yes or no that change nothing ("iya betul kak", "sudah benar semua")."""

SKIP = frozenset(
    {"skip", "lewati", "kosong", "none", "nothing", "nanti", "kosongkan", "pass", "polosan"}
    | {"rahasia", "privasi"}
)
WANT = frozenset({"mau", "ingin", "isi", "mengisi", "diisi", "bisa", "sempat", "usah", "perlu"})
"""Said with a negation ("gak mau", "ora gelem", "teu daek"), a refusal: nothing to store."""
NEGATORS = frozenset({"tidak", "belum", "bukan", "tanpa", "no", "not", "dont", "don"})
HAVE = frozenset(
    {"ada", "punya", "tahu", "memiliki", "mempunyai", "paham", "pakai", "ngerti", "mengerti"}
    | {"have", "know", "any", "urus", "bikin", "dibuat", "diurus", "terdaftar", "daftar", "pake"}
    | {"dikasih", "diberi", "kasih", "ngasih", "bermerek", "bermerk", "memakai", "jadi"}
    | {"selesai", "keluar", "terbit", "beres"}
)
NOUNS = frozenset(
    {"nib", "npwp", "email", "surel", "mail", "gmail", "merek", "merk", "brand", "sni", "kbki"}
    | {"kbli", "tkdn", "sertifikat", "nomor", "kode", "angka", "persen", "izin", "waktu"}
    | {"apa", "apapun", "pun", "dulu", "masih", "lagi", "sekarang", "kakak", "usaha", "produk"}
    | {"iya", "oke", "ya", "lah", "x", "a", "ktp", "hp", "wa", "nama", "alamat", "harga"}
    | {"minimal", "minimum", "telepon", "pake", "surat", "foto", "merek", "nama", "label"}
    | {"di", "ke", "dari", "oss", "dagang", "dagangan", "toko", "warung", "pribadi", "jual"}
    | {"lengkap"}
    | {"jualan", "dijual"}
)
PENDING = frozenset(
    {"proses", "diproses", "diurus", "mengurus", "pengurusan", "sedang", "nunggu", "dibuatin"}
    | {"dibikinin", "dibuatkan", "dibikinkan", "diuruskan"}
)
"""Words saying it is being applied for: not there yet, so the no-value path too."""
RELATIVES = frozenset({"anak", "suami", "istri", "adik", "keluarga", "orang", "tua", "teman"})
"""Who is doing it for them ("lagi dibuatin anak saya"): words around a "not yet"."""
EXPLAINING = frozenset({"masih", "cuma", "hanya", "soalnya", "karena", "baru", "jualan", "tapi"})
"""Words that start a reason after a "don't have" ("belum ada, masih usaha kecil")."""
MAX_REASON_WORDS = 8
STATUS_WORDS = frozenset(
    {"disetujui", "diterima", "diverifikasi", "status", "diproses", "pendaftaran", "pengajuan"}
)
"""Words of a question about the registration's status ("udah di acc belum")."""
NONE_MARKS = frozenset({"-", "--", "---", "—", "–", "n/a", "na", "x", "nil", "null", "0"})
"""Whole answers that mean "nothing here" (``0`` only where no number is asked)."""

_DIGIT = re.compile(r"\d")


def yes_or_no(text: str) -> bool | None:
    """True for "ya", "iya bener", "sudah benar kak"; False for "tidak", "bukan", "salah",
    "kurang tepat"; None for anything else, an answer with a number in it included."""
    if _DIGIT.search(text):
        return None
    words = [word for word in answer_words(text) if word not in FILLERS]
    if not words or len(words) > 5:
        return None
    first = words[0]
    if first in NO or first in NOT_QUITE:
        return False
    if first in YES:
        return None if any(word in NO for word in words[1:]) else True
    return None


class Consent(StrEnum):
    AGREE = "agree"
    DECLINE = "decline"


def consent_answer(text: str) -> Consent | None:
    """ "setuju", "saya setuju", "iya setuju", "ok" agree; "tidak setuju", "gak mau" decline."""
    words = [word for word in answer_words(text) if word not in FILLERS]
    if not words or len(words) > 6 or _DIGIT.search(text):
        return None
    if words[0] in NO or "tolak" in words or "menolak" in words:
        return Consent.DECLINE
    if words[0] == "nanti" and set(words) <= _NOT_NOW:
        return Consent.DECLINE  # "nanti dulu", "mengko wae": not now is not a yes
    agrees = {"setuju", "bersedia", "mengizinkan", "izinkan", "agree"} & set(words)
    if agrees and NO & set(words):
        return Consent.DECLINE if len(words) <= 3 else None
    allowed = words[0] in YES and all(word in YES | _DATA_USE for word in words)
    if agrees or allowed or (words[0] in YES and len(words) <= 3):
        return Consent.AGREE
    return None


_NOT_NOW = frozenset({"nanti", "dulu", "saja", "pikir", "lagi", "later"})
_DATA_USE = frozenset({"dipakai", "digunakan", "dipake", "diproses", "disimpan", "dibaca"})
"""What the consent allows ("iya boleh silakan datanya dipakai")."""


def is_none_answer(text: str, *, number_asked: bool = True) -> bool:
    """Whether ``text`` says there is nothing to give: "belum punya", "tidak ada", "gak tau",
    "skip", "lewati", "-", "ga ada nib nya kak", also with a reason after it ("gak ada merk,
    jualan biasa aja")."""
    stripped = prepared(text).strip().lower().rstrip(".!")
    if stripped in NONE_MARKS:
        return stripped != "0" or not number_asked
    if "@" in text:
        return False
    words = [without_suffix(word) for word in answer_words(text)]
    if _says_none_with_reason(text, words):
        return True
    return not _DIGIT.search(text) and _says_none(words)


def _says_none(words: list[str]) -> bool:
    if not words or len(words) > 8:
        return False
    known = SKIP | NEGATORS | HAVE | NOUNS | FILLERS | PENDING | WANT | RELATIVES | {"menunggu"}
    if not all(word in known for word in words):
        return False
    negated = any(word in NEGATORS for word in words)
    said = set(words)
    core = [word for word in words if word not in FILLERS | NOUNS | RELATIVES]
    return bool(SKIP & said or PENDING & said) or (
        negated and (bool((HAVE | WANT) & said) or len(core) <= 2)
    )


def _says_none_with_reason(text: str, words: list[str]) -> bool:
    """ "belum ada kak, masih usaha kecil2an": a "don't have" first, then why."""
    head, comma, _ = text.partition(",")
    if comma and not _DIGIT.search(head):
        said = [without_suffix(word) for word in answer_words(head)]
        return len(words) <= len(said) + MAX_REASON_WORDS and _says_none(said)
    cut = next((i for i, word in enumerate(words) if word in EXPLAINING and i > 0), None)
    if cut is None or len(words) - cut > MAX_REASON_WORDS:
        return False
    return not _DIGIT.search(" ".join(words[:cut])) and _says_none(words[:cut])


def without_suffix(word: str) -> str:
    """ "nibnya" → "nib", "emailnya" → "email", Javanese "mereke" → "merek": the suffix points
    at the thing asked about."""
    for suffix in ("nya", "ne", "e"):
        stem = word.removesuffix(suffix)
        if stem != word and stem in NOUNS | HAVE | STATUS_WORDS:
            return stem
    return word
