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
  :func:`prepared` in lower case without punctuation, chat spellings replaced by the standard
  word (:mod:`models.validators.lexicon`).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from models.validators.lexicon import SHORT_WORDS, SPELLINGS

_INVISIBLE_CATEGORIES = frozenset({"Cf", "Co", "Cs", "Cn"})
_KEPT_CONTROLS = frozenset("\n\t")
_LINE_SEPARATORS = {"\u2028": "\n", "\u2029": "\n", "\x85": "\n"}
_SYMBOL_CATEGORIES = frozenset({"So", "Sk", "Mn", "Me"})

_REDUPLICATION = re.compile(r"(?<![\w])([^\W\d_]{3,})2(?![\w])")
_REPEATED = re.compile(r"([^\W\d_])\1{2,}")
_PLUS_MINUS = re.compile(r"\+\s*/?\s*-|±")
_WORD = re.compile(r"[^\W_]+")
_STANDARD = frozenset(word for words in SPELLINGS.values() for word in words.split())


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
    words = _WORD.findall(prepared(text).lower())
    return " ".join(_standard(word) for word in words)


def _standard(word: str) -> str:
    squeezed = _end_squeezed(word)
    return (
        SPELLINGS.get(word)
        or SPELLINGS.get(squeezed)
        or (squeezed if squeezed in _STANDARD else word)
    )


def _end_squeezed(word: str) -> str:
    """ "iyaa" → "iya", "okee" → "oke": a doubled last vowel is chat stress."""
    if len(word) >= 3 and word[-1] == word[-2] and word[-1] in "aiueo":
        return word[:-1]
    return word


def words(text: str) -> list[str]:
    """The words of :func:`normalise`."""
    return normalise(text).split()
