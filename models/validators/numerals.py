"""Numbers written in words, read the way Duckling's Indonesian rules compose them.

Small pieces compose instead of whole phrases being listed: "dua" × "puluh" + "lima" is 25,
"dua juta setengah" is 2.5 × a million, "satu koma dua juta" is 1.2 million. The words are
Indonesian with the common Javanese and Sundanese ones ("sewu", "limang atus", "sarebu",
"tilu"), chat spellings of the multipliers ("rebu", "rb", "jt", "k") and the Hokkien slang of
Jakarta's markets ("goceng", "ceban"). Babel's CLDR data has no spell-out rules for these
languages, and no number-words reader for Indonesian is kept on the package index, so the tables
are here, with their examples in ``tests/unit/test_numerals.py``.

:func:`spelled_as_digits` rewrites every run of number words in a text as digits, so that the
amount and quantity readers only ever read digits, and says whether it read any word.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

_DIGITS: dict[str, int] = {
    "nol": 0,
    **dict.fromkeys(("satu", "siji", "hiji", "setunggal"), 1),
    **dict.fromkeys(("dua", "loro", "rong", "kalih"), 2),
    **dict.fromkeys(("tiga", "telu", "telung", "tilu", "tigo"), 3),
    **dict.fromkeys(("empat", "papat", "patang", "opat"), 4),
    **dict.fromkeys(("lima", "limo", "limang", "gangsal"), 5),
    **dict.fromkeys(("enam", "enem", "nem", "genep"), 6),
    **dict.fromkeys(("tujuh", "pitu", "pitung"), 7),
    **dict.fromkeys(("delapan", "wolu", "wolung", "dalapan"), 8),
    **dict.fromkeys(("sembilan", "songo", "sanga", "sangang", "salapan"), 9),
}
"""Digit words: Indonesian, Javanese ngoko and krama (with the "-ng" joining forms), Sundanese."""

_WHOLE: dict[str, int] = {
    **dict.fromkeys(("sepuluh", "sapuluh"), 10),
    **dict.fromkeys(("sebelas", "sewelas", "sabelas"), 11),
    "rolas": 12,
    "telulas": 13,
    "patbelas": 14,
    "limolas": 15,
    "nembelas": 16,
    "pitulas": 17,
    "wolulas": 18,
    "songolas": 19,
    "selawe": 25,
    "seket": 50,
    "sewidak": 60,
}
"""Words that are a whole number under a hundred by themselves."""

_HUNDRED_WORDS = frozenset({"seratus", "satus", "saratus"})
_TENS = frozenset({"puluh"})
_TEENS = frozenset({"belas", "welas"})
_HUNDREDS = frozenset({"ratus", "atus"})

_POWERS: dict[str, int] = {
    **dict.fromkeys(("ribu", "rebu", "ewu", "rb", "rbu", "k", "ribuan", "rebuan", "ceng"), 3),
    **dict.fromkeys(("juta", "yuta", "jt", "jta", "jutaan", "jtan"), 6),
    **dict.fromkeys(("miliar", "milyar", "m", "miliaran", "milyaran"), 9),
    **dict.fromkeys(("triliun", "trilyun", "t"), 12),
}
"""Multipliers, with "-an" ("jutaan": a rough figure, which an estimate is anyway)."""

_ONE_POWER: dict[str, int] = {
    **dict.fromkeys(("seribu", "sewu", "sarebu", "serebu", "sribu"), 3),
    **dict.fromkeys(("sejuta", "sayuta", "sajuta"), 6),
    **dict.fromkeys(("semiliar", "semilyar"), 9),
}
"""One of a multiplier in one word."""

_HALF = frozenset({"setengah", "stengah", "separuh", "separo", "saparo"})
_POINT = frozenset({"koma"})
_SLANG: dict[str, int] = {
    "cepek": 100,
    "gopek": 500,
    "seceng": 1_000,
    "ceceng": 1_000,
    "noceng": 2_000,
    "goceng": 5_000,
    "ceban": 10_000,
    "goban": 50_000,
    "gocap": 50_000,
}
"""Market slang from Hokkien. "Gocap" is 50 in the original counting but is said for 50 ribu
now that nothing costs 50 rupiah; any reading of it is confirmed anyway."""
_COUNTED_SLANG = frozenset({"cepek", "ceban"})
"""Slang that is one of something, so a count may come before it: "dua ceban" is 20 ribu."""

_STANDARD_POWERS: dict[str, str] = {
    **dict.fromkeys(("ribu", "rb", "rbu", "k"), "ribu"),
    **dict.fromkeys(("juta", "jt", "jta"), "juta"),
    **dict.fromkeys(("miliar", "milyar", "m"), "miliar"),
    **dict.fromkeys(("triliun", "trilyun", "t"), "triliun"),
}
"""What the amount reader reads by itself after a typed number ("15 ribu", "1,5 jt")."""

_DIGIT_NUMERAL = re.compile(r"[0-9]+")
_TOKEN = re.compile(r"[0-9]+(?:[.,][0-9]+)*|[^\W\d_]+")
_GLUED = re.compile(r"^([0-9]+)([^\W\d_]+)$")
_JOINED = re.compile(r"^([a-z]+?)(puluh|belas|welas|ratus|atus|ewu|rebu|ribu|juta|yuta)$")
"""Javanese and chat writing join a digit word to its multiplier: "limangatus", "rongewu"."""


@dataclass(frozen=True, slots=True)
class Spelled:
    """A text with its number words written as digits."""

    text: str
    converted: bool
    """Whether any number word, slang or multiplier was read (the reading is then confirmed)."""


def spelled_as_digits(text: str) -> Spelled:
    """``text`` with each run of number words as digits: "dua juta setengah sebulan" →
    "2500000 sebulan", "15 rebu" → "15000", "goceng" → "5000". Numbers typed with separators
    ("1.500 rb", "1,5 jt") and runs that do not compose ("dua tiga juta") are left for the
    amount reader to read or refuse. Words that are not numbers stay as they are."""
    pieces: list[str] = []
    position = 0
    converted = False
    for start, end, digits in _runs(text):
        pieces.append(text[position:start])
        pieces.append(digits)
        position = end
        converted = True
    pieces.append(text[position:])
    return Spelled("".join(pieces), converted)


def _as_digits(value: Decimal) -> str:
    """A whole number as plain digits; a fraction with the Indonesian decimal comma."""
    if value == value.to_integral_value():
        return str(int(value))
    return format(value.normalize(), "f").replace(".", ",")


@dataclass(frozen=True, slots=True)
class _Token:
    word: str
    start: int
    end: int


def _tokens(text: str) -> list[_Token]:
    """Words and numerals, a number glued to its multiplier split ("15rb" → "15", "rb";
    "limangatus" → "limang", "atus")."""
    tokens: list[_Token] = []
    for match in _TOKEN.finditer(text):
        word = _without_accents(match[0].lower())
        glued = _GLUED.match(word)
        joined = None if _is_number_word(word) else _JOINED.match(word)
        if glued and glued[2] in _POWERS:
            cut = match.start() + len(glued[1])
        elif joined and joined[1] in _DIGITS:
            cut = match.start() + len(joined[1])
        else:
            tokens.append(_Token(word, match.start(), match.end()))
            continue
        tokens += [_Token(word[: cut - match.start()], match.start(), cut)]
        tokens += [_Token(word[cut - match.start() :], cut, match.end())]
    return tokens


def _without_accents(word: str) -> str:
    """ "rébu" → "rebu" (Sundanese spelling); as long as ``word``, which is NFC."""
    plain = "".join(
        ch for ch in unicodedata.normalize("NFD", word) if not unicodedata.combining(ch)
    )
    return plain if len(plain) == len(word) else word


def _is_number_word(word: str) -> bool:
    return (
        word in _DIGITS
        or word in _WHOLE
        or word in _HUNDRED_WORDS
        or word in _TENS | _TEENS | _HUNDREDS | _HALF | _POINT
        or word in _POWERS
        or word in _ONE_POWER
        or word in _SLANG
        or bool(_DIGIT_NUMERAL.fullmatch(word))
    )


def _runs(text: str) -> list[tuple[int, int, str]]:
    """The runs of number tokens (separated by spaces only) rewritten as digits, each with its
    span."""
    found: list[tuple[int, int, str]] = []
    run: list[_Token] = []
    for token in _tokens(text):
        if run and (text[run[-1].end : token.start].strip() or not _is_number_word(token.word)):
            found += _composed(run)
            run = []
        if _is_number_word(token.word):
            run.append(token)
    return found + _composed(run)


def _composed(run: list[_Token]) -> list[tuple[int, int, str]]:
    """The numbers a run of number tokens spells, each kept only when it needs rewriting; a
    multiplier that composes with nothing ("1.500 rebu": the numeral is the amount reader's) is
    given its standard spelling, so that it is never read as a word and dropped."""
    found: list[tuple[int, int, str]] = []
    start = 0
    while start < len(run):
        end, value = _longest_number(run, start)
        token = run[start]
        if value is None:
            if token.word in _POWERS and token.word not in _STANDARD_POWERS:
                standard = next(
                    name
                    for name in ("ribu", "juta", "miliar")
                    if _POWERS[name] == _POWERS[token.word]
                )
                found.append((token.start, token.end, standard))
            start += 1
            continue
        words = [token.word for token in run[start:end]]
        if _needs_words(words):
            found.append((token.start, run[end - 1].end, _as_digits(value)))
        start = end
    return found


def _needs_words(words: list[str]) -> bool:
    """Whether the amount reader would misread these tokens: anything but a numeral, alone or
    with one standard multiplier ("15 ribu", "2 jt"), needs this reader."""
    return not (
        _DIGIT_NUMERAL.fullmatch(words[0]) is not None
        and (len(words) == 1 or (len(words) == 2 and words[1] in _STANDARD_POWERS))
    )


def _longest_number(run: list[_Token], start: int) -> tuple[int, Decimal | None]:
    """The end of the longest prefix of ``run[start:]`` that is one number, and its value."""
    reader = _Reader()
    best: tuple[int, Decimal | None] = (start + 1, None)
    for index in range(start, len(run)):
        if not reader.take(run[index].word):
            break
        value = reader.value()
        if value is not None:
            best = (index + 1, value)
    return best


class _Reader:
    """Composes number tokens left to right; :meth:`take` refuses a token that cannot follow."""

    def __init__(self) -> None:
        self.total = Decimal(0)
        self.group = Decimal(0)  # the part under the last multiplier, built from words
        self.last = ""  # kind of the last token taken
        self.digit = 0  # the last digit word, which "puluh", "belas" or "ratus" multiply
        self.power: int | None = None  # the last multiplier's power of ten
        self.fraction: str | None = None  # digits after "koma"

    def take(self, word: str) -> bool:
        if self.fraction is not None:
            return self._take_after_point(word)
        if word in _DIGITS and self._pairs_with(_DIGITS[word]):
            self.group, self.last = self.group * 10 + _DIGITS[word], "pair"
            return True
        if word in _DIGITS:
            return self._add(
                Decimal(_DIGITS[word]), "digit", after=("", "power", "tens", "hundreds")
            )
        if _DIGIT_NUMERAL.fullmatch(word):
            return self._add(Decimal(word), "numeral", after=("", "power"))
        if word in _WHOLE:
            return self._add(Decimal(_WHOLE[word]), "whole", after=("", "power", "hundreds"))
        if word in _HUNDRED_WORDS:
            return self._add(Decimal(100), "hundreds", after=("", "power"))
        if word in _TENS | _TEENS | _HUNDREDS:
            return self._scale_digit(word)
        if word in _POWERS or word in _ONE_POWER:
            return self._multiply(word)
        if self.last == "slang":
            return False
        if word in _HALF:
            return self._half()
        if word in _POINT and self.last in ("digit", "numeral", "tens", "whole"):
            self.fraction, self.last = "", "point"
            return True
        if word in _SLANG and self.last == "":
            self.group, self.last = Decimal(_SLANG[word]), "slang"
            return True
        if word in _COUNTED_SLANG and self.last in ("digit", "numeral") and self.power is None:
            if not 1 < self.group < 10:
                return False
            self.group, self.last = self.group * _SLANG[word], "slang"
            return True
        return False

    def _pairs_with(self, digit: int) -> bool:
        """ "dua lima ribu" is said for 25 ribu; "dua tiga juta", digits in a row, is 2 to 3
        juta and not read. Only before a multiplier (see :meth:`value`)."""
        return (
            self.last == "digit"
            and self.power is None
            and 0 < self.group < 10
            and abs(digit - self.group) != 1
        )

    def _add(self, value: Decimal, kind: str, after: tuple[str, ...]) -> bool:
        if self.last not in after:
            return False
        if (self.last == "tens" and value >= 10) or (self.last == "hundreds" and self.group % 100):
            return False
        if self.last == "hundreds" and value >= 100:
            return False
        self.group += value
        self.digit = int(value) if kind == "digit" or (kind == "numeral" and value < 10) else 0
        self.last = kind
        return True

    def _scale_digit(self, word: str) -> bool:
        if self.last not in ("digit", "numeral") or not self.digit:
            return False
        if word in _TEENS:
            self.group += 10
            self.last = "teens"
        else:
            factor = 10 if word in _TENS else 100
            self.group += self.digit * (factor - 1)
            self.last = "tens" if factor == 10 else "hundreds"
        self.digit = 0
        return True

    def _multiply(self, word: str) -> bool:
        one = word in _ONE_POWER
        power = _ONE_POWER[word] if one else _POWERS[word]
        if self.power is not None and power >= self.power:
            return False
        if one != (self.last in ("", "power")) or (not one and self.group <= 0):
            return False
        if self.last == "slang" and (word != "ceng" or self.group >= 1000):
            return False  # only "cepek ceng" (100 ribu), "gopek ceng" (500 ribu)
        self.total += (Decimal(1) if one else self.group) * Decimal(10) ** power
        self.group, self.power, self.last, self.digit = Decimal(0), power, "power", 0
        return True

    def _half(self) -> bool:
        if self.last == "power" and self.power is not None:  # "dua juta setengah"
            self.total += Decimal(10) ** self.power / 2
            self.last = "half-after"
            return True
        if self.last in ("digit", "numeral", "whole", "hundreds"):  # "satu setengah juta"
            self.group += Decimal("0.5")
            self.last = "half"
            return True
        if self.last == "" and self.power is None:  # "setengah juta", "setengah lusin"
            self.group, self.last = Decimal("0.5"), "half"
            return True
        return False

    def _take_after_point(self, word: str) -> bool:
        assert self.fraction is not None
        if word in _DIGITS:
            self.fraction += str(_DIGITS[word])
        elif _DIGIT_NUMERAL.fullmatch(word):
            self.fraction += word
        elif self.fraction and word in _POWERS:
            self.group += Decimal(f"0.{self.fraction}")
            self.fraction = None
            return self._multiply(word)
        else:
            return False
        self.last = "point-digit"
        return True

    def value(self) -> Decimal | None:
        """The number read so far, or None when it cannot end here ("dua puluh koma")."""
        if self.last in ("", "point", "pair"):
            return None
        group = self.group
        if self.fraction:
            group += Decimal(f"0.{self.fraction}")
        if self.power is not None and group and self.last != "half-after":
            return self._after_power(group)
        return self.total + group

    def _after_power(self, group: Decimal) -> Decimal | None:
        """A bare number after a multiplier: "7 ribu 500" is 7,500 and "1 juta 250" is
        1,250,000 (the "ribu" left unsaid); only a three-figure one is read."""
        assert self.power is not None
        if not 100 <= group < 1000 or group % 1:
            return None
        return self.total + group * Decimal(10) ** (self.power - 3)
