"""Readings of a typed answer that do not depend on the question: yes or no, agreement, "I don't
have one", and a question or complaint typed instead of an answer. All read
:func:`answer_words`: Indonesian chat spellings, Javanese and Sundanese words and emoji already
replaced by the standard Indonesian word ("nggih" → "iya", "durung duwe" → "belum punya",
"👍" → "oke")."""

from __future__ import annotations

import re
from enum import StrEnum

from models.validators.chat import answer_words, is_listed, prepared

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
    agrees = {"setuju", "bersedia", "mengizinkan", "izinkan", "agree"} & set(words)
    if agrees and NO & set(words):
        return Consent.DECLINE if len(words) <= 3 else None
    allowed = words[0] in YES and all(word in YES | _DATA_USE for word in words)
    if agrees or allowed or (words[0] in YES and len(words) <= 3):
        return Consent.AGREE
    return None


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
    words = [_without_nya(word) for word in answer_words(text)]
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
        said = [_without_nya(word) for word in answer_words(head)]
        return len(words) <= len(said) + MAX_REASON_WORDS and _says_none(said)
    cut = next((i for i, word in enumerate(words) if word in EXPLAINING and i > 0), None)
    if cut is None or len(words) - cut > MAX_REASON_WORDS:
        return False
    return not _DIGIT.search(" ".join(words[:cut])) and _says_none(words[:cut])


def _without_nya(word: str) -> str:
    """ "nibnya" → "nib", "emailnya" → "email", Javanese "mereke" → "merek": the suffix points
    at the thing asked about."""
    for suffix in ("nya", "ne", "e"):
        stem = word.removesuffix(suffix)
        if stem != word and stem in NOUNS | HAVE | _STATUS_WORDS:
            return stem
    return word


class Question(StrEnum):
    STATUS = "status"
    HELP = "help"
    COMPLAINT = "complaint"
    """A complaint about the form: an apology, then the step's help."""


_QUESTION_START = frozenset(
    {"bagaimana", "kenapa", "mengapa", "maksud", "maksudnya", "contoh", "gimana", "kapan"}
    | {"apakah"}
)
_QUESTION_PHRASES = ("untuk apa", "kalau tidak", "bagaimana kalau", "apa harus", "apa boleh")
"""Asking wherever they are ("buat apa nama saya", "kalau tidak setuju bagaimana")."""
_HELP_WORDS = frozenset(
    {"contoh", "maksud", "maksudnya", "bingung", "caranya", "cara", "artinya", "arti", "bantu"}
    | {"bantuan", "tolong", "help", "paham", "mengerti", "ngerti", "diisi", "isi", "apa", "mana"}
    | {"bagaimana", "kenapa", "mengapa", "harus", "dimana", "di", "dapat", "mendapatkan", "cari"}
    | {"dimaksud"}
)
_STATUS_WORDS = frozenset(
    {"disetujui", "diterima", "diverifikasi", "status", "diproses", "pendaftaran", "pengajuan"}
)
_QUESTION_END = frozenset({"apa", "bagaimana", "gimana", "mana", "kapan", "kenapa", "maksudnya"})
_ASKING_WITH_MARK = frozenset(
    {"boleh", "harus", "perlu", "sesuai", "atau", "siapa", "berapa", "bisa", "kah", "untuk"}
    | {"gunanya", "guna", "buat", "wajib", "penting", "benar", "betul", "itu"}
)
"""Words that make a short text ending in "?" a question about the step ("npwp pribadi
boleh?", "alamat sesuai ktp?"); "Bumiaji?" alone is an unsure answer, read as one."""
COMPLAINTS = frozenset(
    {"ribet", "repot", "susah", "sulit", "rumit", "lama", "lambat", "lelet", "capek", "cape"}
    | {"pusing", "bosan", "bosen", "malas", "males", "ditanya", "tanya", "nanya", "kebanyakan"}
    | {"panjang", "berbelit", "bertele"}
)
_TOO_MANY = frozenset({"kok", "pertanyaan", "ditanya"})
"""With one of these, "banyak" is a complaint ("kok akeh pitakone"); alone it is an amount."""
"""A complaint about the form ("kok ribet ya", "lama banget"): answered with the step's help."""
_AROUND_COMPLAINT = frozenset(
    {"kok", "amat", "banget", "sekali", "terus", "mulu", "melulu", "lagi", "begini", "begitu"}
    | {"iya", "isi", "mengisi", "ngisi", "ngisinya", "isinya", "form", "formulir", "daftar"}
    | {"pendaftaran", "pertanyaan", "nama", "ah", "aduh", "waduh", "nih", "jadi", "sangat"}
    | {"terlalu", "gini", "gitu", "ini", "itu", "sih", "deh", "loh", "ya", "kak", "saya"}
    | {"ngetik", "ketik", "mengetik", "nulis", "menulis", "tulis", "pikir", "mikir", "berpikir"}
    | {"haduh", "duh", "hadeh", "hadeuh", "ampun", "astaga", "walah", "wah"}
)
_ASKING_BEFORE = frozenset({"itu", "ini", "isi", "maksud", "cara", "contoh", "arti", "diisi"})
_CONFUSED = ("tidak paham", "tidak mengerti", "tidak ngerti", "bingung")
_ASKING_HELP = frozenset({"tolong", "bantu", "bantuan", "help", "tanya"})
_HOW_WORDS = frozenset(
    {"cara", "caranya", "maksud", "maksudnya", "contoh", "arti", "artinya", "apa", "bagaimana"}
    | {"nulis", "menulis", "tulis", "isi", "mengisi", "diisi", "ngisi", "harus"}
)
_QUESTION_TAIL = frozenset(
    {"iya", "sih", "kah", "dong", "deh", "kak", "nih", "loh", "yah", "lah", "ini", "itu", "to"}
    | {"toh"}
)
"""Particles after a question word ("jual opo yo", "ini gimana ya"): the question still ends
with it. Not "saja": "Warung Apa Aja" is a name."""
MAX_QUESTION_LENGTH = 80
MIN_QUESTION_WORDS = 3
"""A text of this many words ending in "?" is a question, whatever its words."""


def _ends_asking(words: list[str]) -> bool:
    """ "NIB itu apa", "isinya gimana", "cara bikin nib gimana", "kbli iku opo sih": a question
    without its mark."""
    tail = len(words)
    while len(words) > 1 and words[-1] in _QUESTION_TAIL:
        words = words[:-1]
    if not 1 < len(words) <= 6 or words[-1] not in _QUESTION_END:
        return False
    before = words[-2]
    asking = before in _ASKING_BEFORE or before.endswith("nya") or len(words) < tail
    return asking or bool((_HELP_WORDS | {"itu", "ini"}) & set(words[:-1]))


def question_in(text: str) -> Question | None:
    """A question or complaint typed instead of an answer ("udah di acc belum?", "contohnya
    gimana?", "NIB itu apa?", "bingung kak", "kok ribet ya"), or None. Short texts only: a
    long one is an answer."""
    if len(text) > MAX_QUESTION_LENGTH or "@" in text:
        return None
    words = [_without_nya(word) for word in answer_words(text)]
    if not words:
        return None
    asks = _asks(text, words)
    said = set(words)
    joined = " ".join(words)
    if _STATUS_WORDS & said and (asks or "belum" in said or _QUESTION_END & said):
        return Question.STATUS
    if any(phrase in joined for phrase in _CONFUSED) and not _DIGIT.search(text):
        return Question.HELP
    if "tidak tahu" in joined and said & _HOW_WORDS and not _DIGIT.search(text):
        return Question.HELP  # "gak ngerti cara nulisnya": not "I don't know the value"
    if asks and (_HELP_WORDS & said or _ASKING_WITH_MARK & said or _marked_question(text, said)):
        return Question.HELP
    if words[0] in _ASKING_HELP and set(words[1:]) <= _ASKING_HELP | FILLERS | {"isi"}:
        return Question.HELP
    if _complains(text, words):
        return Question.COMPLAINT
    return None


def _asks(text: str, words: list[str]) -> bool:
    """A question mark, a question word first or one last ("NIB itu apa"), a question phrase
    ("buat apa …"), or a modal with "ya" after it ("harus sesuai ktp ya")."""
    if text.rstrip().endswith("?") or words[0] in _QUESTION_START:
        return True
    if words[0] == "apa" and len(words) > 1 and words[1] in {"itu", "maksud", "arti"}:
        return True
    joined = " ".join(words)
    if any(phrase in joined for phrase in _QUESTION_PHRASES):
        return True
    if len(words) > 1 and words[-1] in {"iya", "kah"} and _ASKING_WITH_MARK & set(words[:-1]):
        return True
    return _ends_asking(answer_words(text))


def _marked_question(text: str, said: set[str]) -> bool:
    """ "npwp pribadi boleh?", "ini resmi dari pemda?": a question mark after a word asking about
    the step or after three words or more, no number. "Bumiaji?" is an unsure answer."""
    if not text.rstrip().endswith("?") or _DIGIT.search(text):
        return False
    return bool(_ASKING_WITH_MARK & said) or len(text.split()) >= MIN_QUESTION_WORDS


def _complains(text: str, words: list[str]) -> bool:
    """ "kok ribet ya", "lama banget", "kok ditanya terus": a complaint word, the rest only
    words around one."""
    known = COMPLAINTS | _AROUND_COMPLAINT | FILLERS
    words = [word if word in known else word.removesuffix("nya") for word in words]
    said = set(words)
    complaints = COMPLAINTS | ({"banyak"} if _TOO_MANY & said else set())
    if _DIGIT.search(text) or len(words) > 6 or not complaints & said:
        return False
    return all(word in complaints | known for word in words)


_THING_NOUNS = frozenset(
    {"usaha", "produk", "foto", "harga", "surat", "izin", "sertifikat", "waktu", "nomor", "kode"}
    | {"label", "angka", "persen", "minimal", "minimum", "telepon", "alamat", "nama", "merek"}
    | {"toko", "warung", "jual", "jualan", "dijual", "pribadi", "dagang", "dagangan"}
)
"""Field names that are also words of real names ("Foto Produk", "Pengurusan Izin Usaha")."""
_CHAT_WORDS = (
    (FILLERS | NOUNS | SKIP | NEGATORS | PENDING | WANT | NO | NOT_QUITE | COMPLAINTS)
    | (_AROUND_COMPLAINT | _HELP_WORDS | _QUESTION_START | _QUESTION_END | _STATUS_WORDS)
    | (HAVE - {"daftar", "terdaftar"})
    | {"iya", "oke", "benar", "betul", "setuju", "boleh", "yes", "silakan", "lanjut", "tahu"}
    | {"seperti", "sama", "dengan", "dan", "atau", "yang", "ada", "sudah", "belum", "mau"}
    | {"dulu", "saja", "sendiri", "semua", "lengkap", "sesuai", "tadi", "diatas", "atas"}
    | {"suami", "istri", "anak", "orang", "tua", "tempat", "rumah", "masih"}
) - _THING_NOUNS
MAX_CHAT_WORDS = 8


_REFERRING = frozenset({"sama", "seperti", "sesuai", "idem", "ikut", "ikuti"})
"""A short answer starting with these points at something else ("sama kayak nama produk")."""
MAX_REFERRING_WORDS = 5


_SENTENCE_STARTS = frozenset(
    {"tidak", "belum", "bukan", "tanpa", "kok", "loh", "kalau", "nanti", "sudah", "saya", "kami"}
    | {"harus", "untuk", "apa", "bagaimana", "kenapa", "ini", "itu", "masih", "lagi", "iya"}
    | {"oke", "mau", "sama", "seperti", "yang", "tempat", "males", "malas", "terus", "dulu"}
)
"""First words of a sentence about the question rather than of a name ("lagi dibuatin anak
saya", "belum dikasih nama", "kok ribet ya")."""
CHAT_SHARE = 0.6
"""A sentence starting as above with at least this share of chat words is not a value; names
that share words with chat ("Toko Ada Saja", "Kue Ada Rasa") start otherwise or have fewer."""


def is_chat_only(text: str) -> bool:
    """Whether ``text`` is chat rather than a name, place or thing: only chat words ("iya",
    "ok kak", "sama kayak ktp"), or a sentence about the question ("lagi dibuatin anak saya",
    "tak andik"). Never stored as a name, an address or a product."""
    if _DIGIT.search(text):
        return False
    words = [_without_nya(word) for word in answer_words(text)]
    if not 0 < len(words) <= MAX_CHAT_WORDS:
        return False
    referring = words[0] in _REFERRING and len(words) <= MAX_REFERRING_WORDS
    allowed = _CHAT_WORDS | _THING_NOUNS if referring else _CHAT_WORDS
    if all(word in allowed for word in words):
        return True
    listed = sum(word in _CHAT_WORDS or is_listed(word) for word in words)
    return words[0] in _SENTENCE_STARTS and listed >= CHAT_SHARE * len(words)
