"""Spelling variants of the words that answer a question, found by their letters.

Javanese and Sundanese have no single spelling in chat: "nggih", "enggeh", "inggih", "ngih",
"nggeh" are one word, and so are "mboten", "mbotenn", "boten". Lists cannot hold every variant,
so an unknown word is compared with the known ones (the keys of the chat and regional word
lists, :mod:`models.validators.lexicon` and :mod:`models.validators.regional`) by character
2- and 3-grams of its skeleton (stretched letters squeezed, a vowel before a nasal cluster
dropped, "e" and "i" read alike), and takes the meaning of the nearest one when it is close
and no other meaning is as close. Nearest neighbour over a kept, labelled word list: nothing is
fetched or trained at run time beyond building the index at import.
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

_NASAL_START = re.compile(r"^[aeiou](?=ng|nj|mb|nd)")
_REPEATED = re.compile(r"(.)\1+")


def skeleton(word: str) -> str:
    """ "enggeh" → "ngih", "inggih" → "ngih", "mbotenn" → "mbotin": what variants share."""
    word = _NASAL_START.sub("", word.lower())
    word = word.replace("e", "i")
    return _REPEATED.sub(r"\1", word)


def grams(word: str) -> frozenset[str]:
    padded = f"^{word}$"
    return frozenset(padded[i : i + n] for n in (2, 3) for i in range(len(padded) - n + 1))


def _index() -> dict[str, tuple[str, frozenset[str]]]:
    """Skeleton → (meaning, n-grams) of every listed word long enough to compare."""
    meanings: dict[str, set[str]] = defaultdict(set)
    for word, meaning in (*SPELLINGS.items(), *REGIONAL.items()):
        if len(word) >= MIN_LENGTH and word.isalpha():
            meanings[skeleton(word)].add(meaning)
    return {
        key: (next(iter(found)), grams(key)) for key, found in meanings.items() if len(found) == 1
    }


_INDEX = _index()


@lru_cache(maxsize=4096)
def nearest(word: str) -> str | None:
    """The meaning of the listed word ``word`` is a variant of, or None when none is close."""
    if len(word) < MIN_LENGTH or not word.isalpha():
        return None
    key = skeleton(word)
    if key in _INDEX:
        return _INDEX[key][0]
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
