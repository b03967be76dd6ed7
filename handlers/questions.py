"""A question or a complaint typed instead of an answer, at any step: "udah di acc belum?",
"apa itu nib?", "nib iku opo", "harus diisi ya?", "kok ribet ya". Answered (the status, or the
step's help), then the same question is asked again; never stored as an answer."""

from __future__ import annotations

import re
from enum import StrEnum

from handlers.answers import FILLERS, STATUS_WORDS, without_suffix
from models.validators.chat import answer_words

_DIGIT = re.compile(r"\d")


class Question(StrEnum):
    STATUS = "status"
    HELP = "help"
    COMPLAINT = "complaint"
    """A complaint about the form: an apology, then the step's help."""


QUESTION_START = frozenset(
    {"bagaimana", "kenapa", "mengapa", "maksud", "maksudnya", "contoh", "gimana", "kapan"}
    | {"apakah"}
)
_QUESTION_PHRASES = ("untuk apa", "kalau tidak", "bagaimana kalau", "apa harus", "apa boleh")
"""Asking wherever they are ("buat apa nama saya", "kalau tidak setuju bagaimana")."""
HELP_WORDS = frozenset(
    {"contoh", "maksud", "maksudnya", "bingung", "caranya", "cara", "artinya", "arti", "bantu"}
    | {"bantuan", "tolong", "help", "paham", "mengerti", "ngerti", "diisi", "isi", "apa", "mana"}
    | {"bagaimana", "kenapa", "mengapa", "harus", "dimana", "di", "dapat", "mendapatkan", "cari"}
    | {"dimaksud"}
)
QUESTION_END = frozenset({"apa", "bagaimana", "gimana", "mana", "kapan", "kenapa", "maksudnya"})
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
"""A complaint about the form ("kok ribet ya", "lama banget"): an apology and the step's help."""
_TOO_MANY = frozenset({"kok", "pertanyaan", "ditanya"})
"""With one of these, "banyak" is a complaint ("kok akeh pitakone"); alone it is an amount."""
AROUND_COMPLAINT = frozenset(
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
    if not 1 < len(words) <= 6 or words[-1] not in QUESTION_END:
        return False
    before = words[-2]
    asking = before in _ASKING_BEFORE or before.endswith("nya") or len(words) < tail
    return asking or bool((HELP_WORDS | {"itu", "ini"}) & set(words[:-1]))


def question_in(text: str) -> Question | None:
    """A question or complaint typed instead of an answer ("udah di acc belum?", "contohnya
    gimana?", "NIB itu apa?", "bingung kak", "kok ribet ya"), or None. Short texts only: a
    long one is an answer."""
    if len(text) > MAX_QUESTION_LENGTH or "@" in text:
        return None
    words = [without_suffix(word) for word in answer_words(text)]
    if not words:
        return None
    asks = _asks(text, words)
    said = set(words)
    joined = " ".join(words)
    if STATUS_WORDS & said and (asks or "belum" in said or QUESTION_END & said):
        return Question.STATUS
    if any(phrase in joined for phrase in _CONFUSED) and not _DIGIT.search(text):
        return Question.HELP
    if "tidak tahu" in joined and said & _HOW_WORDS and not _DIGIT.search(text):
        return Question.HELP  # "gak ngerti cara nulisnya": not "I don't know the value"
    if asks and (HELP_WORDS & said or _ASKING_WITH_MARK & said or _marked_question(text, said)):
        return Question.HELP
    if words[0] in _ASKING_HELP and set(words[1:]) <= _ASKING_HELP | FILLERS | {"isi"}:
        return Question.HELP
    if _only_asking(text, words):
        return Question.HELP
    if _complains(text, words):
        return Question.COMPLAINT
    return None


_INTERROGATIVES = frozenset({"apa", "bagaimana", "gimana", "kenapa", "mengapa", "mana"})
_ABOUT_THE_STEP = (
    HELP_WORDS | _HOW_WORDS | _QUESTION_TAIL | FILLERS | {"ini", "itu", "yang", "saja", "ditulis"}
)
MAX_ASKING_WORDS = 5


def _only_asking(text: str, words: list[str]) -> bool:
    """ "iki piye carane", "opo wae sing ditulis", "terus gimana": a question word anywhere in a
    short text whose other words only ask about the step, without a mark; no value has such
    words only."""
    if _DIGIT.search(text) or len(words) > MAX_ASKING_WORDS or not _INTERROGATIVES & set(words):
        return False
    typed = text.split()
    if len(typed) > 1 and all(word[:1].isupper() for word in typed):
        return False  # "Apa Saja": a name typed as one
    return all(word in _ABOUT_THE_STEP | _INTERROGATIVES for word in words)


def _asks(text: str, words: list[str]) -> bool:
    """A question mark, a question word first or one last ("NIB itu apa"), a question phrase
    ("buat apa …"), or a modal with "ya" after it ("harus sesuai ktp ya")."""
    if text.rstrip().endswith("?") or words[0] in QUESTION_START:
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
    known = COMPLAINTS | AROUND_COMPLAINT | FILLERS
    words = [word if word in known else word.removesuffix("nya") for word in words]
    said = set(words)
    complaints = COMPLAINTS | ({"banyak"} if _TOO_MANY & said else set())
    if _DIGIT.search(text) or len(words) > 6 or not complaints & said:
        return False
    return all(word in complaints | known for word in words)
