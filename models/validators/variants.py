"""Spelling variants of the words that answer a question, found by their letters.

Javanese and Sundanese have no single spelling in chat: "nggih", "enggeh", "inggih", "ngih",
"nggeh" are one word, and so are "mboten", "mbotenn", "boten". Lists cannot hold every variant,
so an unknown word is compared with the known ones (the keys of the chat and regional word
lists, :mod:`models.validators.lexicon` and :mod:`models.validators.regional`, and the standard
words they stand for) by its skeleton (stretched and doubled letters squeezed, a vowel before
a nasal cluster dropped, "e" and "i" read alike: "ribeet" is "ribet"), by its consonants when
vowels were dropped ("salh" is "salah"), and else by character 2- and 3-grams of the skeleton,
taking the meaning of the nearest one when it is close and no other meaning is as close.
Nearest neighbour over a kept, labelled word list: nothing is fetched or trained at run time
beyond building the index at import.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from models.validators.lexicon import SPELLINGS
from models.validators.regional import REGIONAL

MIN_LENGTH = 4
"""Shorter words are too alike ("ora", "ara", "ira") to be guessed by their letters."""
MIN_SIMILARITY = 0.8
"""Dice coefficient of the n-grams: 0.8 keeps "nggihh" → "nggih", not "aduh" → "ndue"."""

MIN_CONSONANTS = 3
"""Fewer consonants ("gk", "tw") are too alike to be told apart by them."""

_NASAL_START = re.compile(r"^[aeiou](?=ng|nj|mb|nd)")
_VOWELS = re.compile(r"[aeiou]")
_REPEATED = re.compile(r"(.)\1+")


def skeleton(word: str) -> str:
    """ "enggeh" → "ngih", "inggih" → "ngih", "mbotenn" → "mbotin": what variants share."""
    word = _NASAL_START.sub("", word.lower())
    word = word.replace("e", "i")
    return _REPEATED.sub(r"\1", word)


def grams(word: str) -> frozenset[str]:
    padded = f"^{word}$"
    return frozenset(padded[i : i + n] for n in (2, 3) for i in range(len(padded) - n + 1))


def _listed() -> list[tuple[str, str]]:
    """Every listed spelling with its meaning, and every standard word meaning itself."""
    pairs = [*SPELLINGS.items(), *REGIONAL.items()]
    standard = {word for _, meaning in pairs for word in meaning.split()}
    return pairs + [(word, word) for word in sorted(standard)]


def _index() -> dict[str, tuple[str, frozenset[str]]]:
    """Skeleton → (meaning, n-grams) of every listed word long enough to compare."""
    meanings: dict[str, set[str]] = defaultdict(set)
    for word, meaning in _listed():
        if len(word) >= MIN_LENGTH and word.isalpha():
            meanings[skeleton(word)].add(meaning)
    return {
        key: (next(iter(found)), grams(key)) for key, found in meanings.items() if len(found) == 1
    }


def consonants(word: str) -> str:
    return _REPEATED.sub(r"\1", _VOWELS.sub("", word.lower()))


def _by_consonants() -> dict[str, tuple[str, int]]:
    """Consonants → (meaning, length) of the listed words whose consonants no other meaning
    shares: "salh" and "slh" are "salah" with vowels dropped."""
    meanings: dict[str, set[str]] = defaultdict(set)
    lengths: dict[str, int] = {}
    for word, meaning in _listed():
        key = consonants(word)
        if len(key) >= MIN_CONSONANTS and word.isalpha():
            meanings[key].add(meaning)
            lengths[key] = max(lengths.get(key, 0), len(word))
    return {key: (found.pop(), lengths[key]) for key, found in meanings.items() if len(found) == 1}


_INDEX = _index()
_CONSONANTS = _by_consonants()


@lru_cache(maxsize=4096)
def nearest(word: str) -> str | None:
    """The meaning of the listed word ``word`` is a variant of, or None when none is close."""
    if len(word) < MIN_LENGTH or not word.isalpha():
        return None
    key = skeleton(word)
    if key in _INDEX:
        return _INDEX[key][0]
    dropped = _CONSONANTS.get(consonants(word))
    if dropped is not None and len(word) < dropped[1]:
        return dropped[0]
    mine = grams(key)
    scored = sorted(
        (
            (2 * len(mine & theirs) / (len(mine) + len(theirs)), meaning)
            for meaning, theirs in _INDEX.values()
        ),
        reverse=True,
    )
    if not scored or scored[0][0] < MIN_SIMILARITY:
        return None
    best, meaning = scored[0]
    rivals = {other for score, other in scored[1:] if score >= best - 0.05}
    return meaning if rivals <= {meaning} else None
