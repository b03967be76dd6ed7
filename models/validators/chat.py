"""One reading of typed chat text, shared by every step before it looks at an answer.

Two layers:

- :func:`visible` removes what nobody can see or type on purpose (format characters such as
  bidi overrides and zero-width spaces, private-use and lone surrogate code points, control
  characters). It is applied to every incoming text and display name, so they never reach
  storage, replies or logs.
- :func:`prepared` is what value parsers read (amounts, numbers): :func:`visible`, NFKC,
  emoji and symbols turned into spaces, letters repeated three times or more squeezed,
  reduplication with "2" spelled out ("kira2" → "kira kira"); case and punctuation are kept.
- :func:`normalise` is what intent readers compare (yes/no, skip words, choices, questions):
  :func:`prepared` in lower case without punctuation, chat spellings
  (:mod:`models.validators.lexicon`), Javanese and Sundanese words
  (:mod:`models.validators.regional`) and the Colloquial Indonesian Lexicon of Salsabila et al.
  (2018, kept in ``data/lexicon``) replaced by the standard word.
- :func:`answer_words` is what yes/no, consent, questions and "nothing to give" read:
  :func:`normalise`, with emoji that carry a meaning ("👍", "❌") read as that word and a
  spelling variant of a listed word ("enggeh", "mbotenn") read as that word
  (:mod:`models.validators.variants`). Choices do not use it: a place name must not be guessed
  into a word, and the emoji of a button label ("✅ Saya setuju") are not part of its name.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from models.validators.lexicon import SHORT_WORDS, SPELLINGS
from models.validators.regional import EMOJI, PHRASES, REGIONAL
from models.validators.variants import nearest

_INVISIBLE_CATEGORIES = frozenset({"Cf", "Co", "Cs", "Cn"})
_KEPT_CONTROLS = frozenset("\n\t")
_LINE_SEPARATORS = {"\u2028": "\n", "\u2029": "\n", "\x85": "\n"}
_SYMBOL_CATEGORIES = frozenset({"So", "Sk", "Mn", "Me"})

_REDUPLICATION = re.compile(r"(?<![\w])([^\W\d_]{3,})2(?![\w])")
_REPEATED = re.compile(r"([^\W\d_])\1{2,}")
_PLUS_MINUS = re.compile(r"\+\s*/?\s*-|±")
_WORD = re.compile(r"[^\W_]+")
_STANDARD = frozenset(
    word for words in (*SPELLINGS.values(), *REGIONAL.values()) for word in words.split()
)
_INNER_APOSTROPHE = re.compile(r"(?<=[a-z])['\u2019`](?=[a-z])")
_PHRASES = re.compile(r"\b(" + "|".join(map(re.escape, PHRASES)) + r")\b")
MIN_STEM_LENGTH = 4
"""Shorter stems ("kue" → "ku") are not a word with a suffix."""
MIN_COLLOQUIAL_LENGTH = 4
"""Shorter colloquial keys ("d", "ma", "in") stand for too many words to be read as one."""


def _own_reading(word: str) -> str:
    return SPELLINGS.get(word) or REGIONAL.get(word) or word


COLLOQUIAL_PATH = Path(__file__).resolve().parents[2] / "data" / "lexicon" / "colloquial.tsv"


def _colloquial(path: Path = COLLOQUIAL_PATH) -> dict[str, str]:
    """The lexicon's entries that lead to a word the readers know ("gamau" → "tidak mau",
    "blim" → "belum"); the rest (most of its 4,331 entries) changes nothing a step reads."""
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        word, _, meaning = line.partition("\t")
        if len(word) < MIN_COLLOQUIAL_LENGTH or not word.isalpha():
            continue
        if word in SPELLINGS or word in REGIONAL or word in _STANDARD:
            continue
        read = " ".join(_own_reading(part) for part in meaning.replace("-", " ").split())
        if read != word and all(part in _STANDARD for part in read.split()):
            found[word] = read
    return found


COLLOQUIAL = _colloquial()


_ASCII_CONTROLS = {code: None for code in (*range(32), 127) if chr(code) not in _KEPT_CONTROLS}


@lru_cache(maxsize=4096)  # replies repeat the same texts to every user
def visible(text: str) -> str:
    """``text`` without invisible code points (Cf, Co, Cs, unassigned) and control characters
    other than line breaks and tabs."""
    if text.isascii():
        return text.translate(_ASCII_CONTROLS)
    return "".join(_visible_char(ch) for ch in text)


def _visible_char(ch: str) -> str:
    if ch in _LINE_SEPARATORS:
        return _LINE_SEPARATORS[ch]
    category = unicodedata.category(ch)
    if category in _INVISIBLE_CATEGORIES or (category == "Cc" and ch not in _KEPT_CONTROLS):
        return ""
    return ch


@lru_cache(maxsize=4096)
def prepared(text: str) -> str:
    """``text`` as a value parser should read it: see the module docstring."""
    text = unicodedata.normalize("NFKC", visible(text))
    text = "".join(" " if unicodedata.category(ch) in _SYMBOL_CATEGORIES else ch for ch in text)
    text = _PLUS_MINUS.sub(" sekitar ", text)
    text = _REDUPLICATION.sub(r"\1 \1", text)
    return " ".join(_squeezed(word) for word in text.split())


def _squeezed(word: str) -> str:
    """ "iyaaa" → "iya", "okeee" → "oke"; digits ("1000") and real doubles ("maaf") stay."""
    if word.lower() in SHORT_WORDS:
        return word
    return _REPEATED.sub(r"\1", word)


@lru_cache(maxsize=4096)
def normalise(text: str) -> str:
    """Lower-case words of ``text`` with chat spellings replaced: "udh gk pny" → "sudah tidak
    punya", "blm ada NIB nya" → "belum ada nib nya"."""
    text = _INNER_APOSTROPHE.sub("", prepared(text).lower())
    joined = " ".join(_WORD.findall(text))
    joined = _PHRASES.sub(lambda found: PHRASES[found.group(1)], joined)
    return " ".join(_standard(word) for word in joined.split())


def _emoji_read(text: str) -> str:
    """ "👍" → " oke ", "❌" → " tidak ": emoji that answer, as words."""
    if text.isascii():
        return text
    return "".join(f" {EMOJI[ch]} " if ch in EMOJI else ch for ch in text)


def _standard(word: str) -> str:
    candidates = (word, _end_squeezed(word), _without_breath(word))
    for candidate in candidates:
        found = SPELLINGS.get(candidate) or REGIONAL.get(candidate) or COLLOQUIAL.get(candidate)
        if found:
            return found
    standard = next((candidate for candidate in candidates[1:] if candidate in _STANDARD), None)
    return standard or _javanese_stem(word) or word


def _without_breath(word: str) -> str:
    """ "setujuh" → "setuju", "ajah" → "aja": an "h" typed after a last vowel."""
    if len(word) > MIN_STEM_LENGTH and word[-1] == "h" and word[-2] in "aiueo":
        return word[:-1]
    return word


_SUFFIXES = (("keun", 3), ("ken", 3), ("nipun", 4), ("ipun", 4), ("ne", 4), ("na", 4), ("e", 4))
"""Suffixes after a listed word, with the shortest stem each may follow: the Sundanese verb
"-keun" ("gaskeun", "kirimkeun", "lanjutkeun"), long enough to follow a short word, and the
possessives below."""


def _javanese_stem(word: str) -> str | None:
    """ "jenenge" → "nama", "namanipun" → "nama", "namina" → "nama": a listed word with the
    Javanese "-e", "-ne", "-ipun" or the Sundanese "-na" ("its", "the") after it; a verb with
    the Sundanese "-keun" ("gaskeun" → "lanjut")."""
    for suffix, shortest in _SUFFIXES:
        stem = word.removesuffix(suffix)
        if stem != word and len(stem) >= shortest:
            found = REGIONAL.get(stem) or SPELLINGS.get(stem)
            if found or stem in _STANDARD:
                return found or stem
    return None


def is_listed(word: str) -> bool:
    """Whether a word of :func:`normalise` is a chat word the lists know (a standard word they
    map to, or a listed spelling), rather than a name or a thing."""
    return word in _STANDARD or word in SPELLINGS or word in REGIONAL or word in COLLOQUIAL


@lru_cache(maxsize=4096)
def answer_words(text: str) -> list[str]:
    """The words of :func:`normalise`, emoji that answer read as words and a spelling variant
    of a listed word read as that word."""
    return " ".join(_variant(word) for word in normalise(_emoji_read(text)).split()).split()


def _variant(word: str) -> str:
    if word in _STANDARD:
        return word
    return nearest(word) or word


def _end_squeezed(word: str) -> str:
    """ "iyaa" → "iya", "okee" → "oke": a doubled last vowel is chat stress."""
    if len(word) >= 3 and word[-1] == word[-2] and word[-1] in "aiueo":
        return word[:-1]
    return word


def words(text: str) -> list[str]:
    """The words of :func:`normalise`."""
    return normalise(text).split()
