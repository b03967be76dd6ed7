"""Chat typed where a value is asked (a name, an address, a product): only chat words ("iya",
"sama kayak ktp") or a sentence about the question ("lagi dibuatin anak saya"). Refused, never
stored."""

from __future__ import annotations

import re

from handlers.answers import (
    FILLERS,
    HAVE,
    NEGATORS,
    NO,
    NOT_QUITE,
    NOUNS,
    PENDING,
    SKIP,
    STATUS_WORDS,
    WANT,
    YES,
    without_suffix,
)
from handlers.questions import (
    AROUND_COMPLAINT,
    COMPLAINTS,
    HELP_WORDS,
    QUESTION_END,
    QUESTION_START,
)
from models.validators.chat import COLLOQUIAL, answer_words, is_listed
from models.validators.lexicon import SPELLINGS

_DIGIT = re.compile(r"\d")

_THING_NOUNS = frozenset(
    {"usaha", "produk", "foto", "harga", "surat", "izin", "sertifikat", "waktu", "nomor", "kode"}
    | {"label", "angka", "persen", "minimal", "minimum", "telepon", "alamat", "nama", "merek"}
    | {"toko", "warung", "jual", "jualan", "dijual", "pribadi", "dagang", "dagangan"}
)
"""Field names that are also words of real names ("Foto Produk", "Pengurusan Izin Usaha")."""
_CONVERSATION = frozenset(
    {"halo", "hallo", "hai", "hi", "hello", "assalamualaikum", "salam", "selamat", "pagi"}
    | {"siang", "sore", "malam", "punten", "sampurasun", "permisi", "misi", "tunggu", "wait"}
    | {"otw", "noted", "lupa", "hmm", "hm", "ha", "hah", "eh", "p", "test", "tes", "ping"}
    | {"batal", "cancel", "stop", "udahan", "berhenti", "yaudah", "yowes", "tar", "idem"}
    | {"bales", "balas", "baru", "salah", "ketik"}
)
"""What is said to a person in a chat, not a value: a greeting ("assalamualaikum", Sundanese
"sampurasun"), "wait", "noted", "forgot", a cancel, a sound ("hmm", "p")."""
_CHAT_WORDS = (
    (FILLERS | NOUNS | SKIP | NEGATORS | PENDING | WANT | NO | NOT_QUITE | COMPLAINTS)
    | (AROUND_COMPLAINT | HELP_WORDS | QUESTION_START | QUESTION_END | STATUS_WORDS)
    | (HAVE - {"daftar", "terdaftar"})
    | {"iya", "oke", "benar", "betul", "setuju", "boleh", "yes", "silakan", "lanjut", "tahu"}
    | {"seperti", "sama", "dengan", "dan", "atau", "yang", "ada", "sudah", "belum", "mau"}
    | {"dulu", "saja", "sendiri", "semua", "lengkap", "sesuai", "tadi", "diatas", "atas"}
    | {"suami", "istri", "anak", "orang", "tua", "tempat", "rumah", "masih"}
    | {"terserah", "sembarang", "bebas", "manut", "pokoknya", "apa", "aja"}
    | _CONVERSATION
) - _THING_NOUNS
"""Chat rather than a value, with "whatever" in its forms ("terserah", "bebas", Javanese
"manut"): a name or product left to the bot is not one."""
MAX_CHAT_WORDS = 8


_REFERRING = frozenset({"sama", "seperti", "sesuai", "idem", "ikut", "ikuti"})
"""A short answer starting with these points at something else ("sama kayak nama produk")."""
MAX_REFERRING_WORDS = 5


_SENTENCE_STARTS = frozenset(
    {"tidak", "belum", "bukan", "tanpa", "kok", "loh", "kalau", "nanti", "sudah", "saya", "kami"}
    | {"harus", "untuk", "apa", "bagaimana", "kenapa", "ini", "itu", "masih", "lagi", "iya"}
    | {"oke", "mau", "sama", "seperti", "yang", "tempat", "males", "malas", "terus", "dulu"}
    | {"halo", "permisi", "punten", "maaf", "lupa", "tunggu", "eh"}
)
"""First words of a sentence about the question rather than of a name ("lagi dibuatin anak
saya", "belum dikasih nama", "kok ribet ya")."""
CHAT_SHARE = 0.6
"""A sentence starting as above with at least this share of chat words is not a value; names
that share words with chat ("Toko Ada Saja", "Kue Ada Rasa") start otherwise or have fewer."""


def is_chat_only(text: str) -> bool:
    """Whether ``text`` is chat rather than a name, place or thing: only chat words ("iya",
    "ok kak", "sama kayak ktp"), or a sentence about the question ("lagi dibuatin anak saya",
    "tak andik"). Never stored as a name, an address or a product. Several words each with a
    capital ("Tak Ada Lawan", "Oke Oce") are a name typed as one."""
    if _DIGIT.search(text) or _written_as_name(text) or _capitalised_name(text):
        return False
    words = [without_suffix(word) for word in answer_words(text)]
    if not 0 < len(words) <= MAX_CHAT_WORDS:
        return False
    referring = words[0] in _REFERRING and len(words) <= MAX_REFERRING_WORDS
    allowed = _CHAT_WORDS | _THING_NOUNS if referring else _CHAT_WORDS
    if all(word in allowed for word in words):
        return True
    listed = sum(word in _CHAT_WORDS or is_listed(word) for word in words)
    return words[0] in _SENTENCE_STARTS and listed >= CHAT_SHARE * len(words)


def _written_as_name(text: str) -> bool:
    """ "Oke Oce", "Mau Lagi": two words or more, each starting with a capital letter. A phone
    capitalises only the first word of a message ("Iya kak", "Sama kayak ktp")."""
    words = [word for word in text.split() if word[:1].isalpha()]
    return len(words) > 1 and all(word[0].isupper() for word in words)


_ANSWERING = (
    YES | NO | NOT_QUITE | SKIP | NEGATORS | COMPLAINTS | HELP_WORDS | QUESTION_START
) | QUESTION_END
"""What a one-word answer means when it answers rather than names ("Nggih", "Ora", "Embuh")."""


def _capitalised_name(text: str) -> bool:
    """ "Ana", "Eta", "Sam": one word with a capital that is a name in Indonesian, though a
    Javanese, Sundanese or walikan word too; "Iya", "Ok", "Nggih", "Ora" are still answers."""
    words = text.split()
    if len(words) != 1 or not words[0][:1].isupper():
        return False
    typed = words[0].lower().strip(".,!")
    if typed in _CHAT_WORDS or typed in SPELLINGS or typed in COLLOQUIAL:
        return False
    return not set(answer_words(text)) & _ANSWERING
