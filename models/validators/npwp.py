"""Reading "my NPWP is my NIK" in the words people type at the NPWP question.

Under PMK 112/PMK.03/2022 a resident individual's NIK is their NPWP (the 15-digit form was
retired for individuals from 2024), so most owners of a micro business answer the NPWP question
with "sama kyk nik", "pake nik aja", "npwp nya nik" or, in Javanese, "podo karo nik".
"""

from __future__ import annotations

import re

from models.validators.chat import normalise

NIK_WORDS = frozenset({"nik", "ktp", "ektp"})
"""The number meant: the NIK, or the KTP that carries it."""

SAME_WORDS = frozenset(
    {"sama", "seperti", "kayak", "kaya", "kek", "ky", "mirip", "ikut", "ikuti", "mengikuti"}
    | {"ngikut", "ngikutin", "sesuai", "persis", "samakan", "pke", "pakek", "pk", "dg", "dgn"}
    | {"podho", "padha", "pada", "sami", "kaliyan", "kalih", "nggih", "mawon", "wae", "ae", "e"}
    | {"ikutin", "tadi", "td", "di", "atas", "kirim", "dikirim", "sebelumnya", "tulis", "isi"}
    | {"pakai", "pake", "memakai", "gunakan", "menggunakan", "pakainya", "samain", "disamakan"}
    | {"dengan", "ama", "karo", "podo", "kalih", "jadi", "menjadi", "yaitu", "adalah", "dari"}
    | {"nya", "npwp", "npwpnya", "nomor", "no", "nomer", "saya", "aku", "sy", "ku", "punya"}
    | {"saja", "aja", "ya", "iya", "kak", "pak", "bu", "min", "mas", "mbak", "sih", "juga"}
    | {"itu", "ini", "yang", "sudah", "udah", "kan", "the", "same", "as", "my", "use", "is"}
    | {"ne", "ipun", "na", "teh", "mah", "sareng", "jeung", "kaya"}
)
"""Words around "NIK" in such an answer ("npwp saya pakai nomor nik aja kak"); any other word
("beda sama nik", "nggak pake nik") and it is not read so."""

_DIGIT = re.compile(r"\d")


def says_npwp_is_nik(text: str) -> bool:
    """Whether ``text``, typed at the NPWP question, says the NPWP is the NIK already given:
    "sama kyk nik", "pake nik aja", "npwp nya nik", "nik saya", "podo karo nik"."""
    if _DIGIT.search(text):
        return False  # a number typed is read as the NPWP itself
    words = normalise(text).split()
    if not words or len(words) > 8 or not NIK_WORDS & set(words):
        return False
    return all(word in NIK_WORDS or word in SAME_WORDS for word in words)
