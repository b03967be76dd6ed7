"""Words people type before the value itself ("NIK saya 3579…", "emailnya …", "nama saya …",
Javanese "alamate …"), removed before the value is read."""

from __future__ import annotations

import re
from functools import lru_cache

from models.validators.regional import LEAD_SYNONYMS

_I = ("saya", "sy", "kami", "pemilik", "lengkap", "kakak", *LEAD_SYNONYMS["saya"])
_OWNERS = rf"(?:{'|'.join(_I)})(?![^\W\d_])"
"""Words for "I" in every language read (the regional list's), typed between the field word and
the value ("nama saya …", "asmane kulo …")."""
_LINKS = r"(?:(?:adalah|yaitu|yakni|ialah|itu|ini)(?![^\W\d_])|:|=|-|\u2013|\u2014)"
_POLITE = r"(?:kak|pak|bu|min|admin|gan|mas|mbak|cak|ning|kang|teh|ini|ok|oke|iya|ya|nggih)"
_SUFFIXES = r"-?nya|ku|mu|-?e|-?ne|ipun|\s+e(?=\s)"
"""Indonesian "-nya", "-ku", and Javanese "-e", "-ne", "-ipun" ("alamate", "merek e …")."""


@lru_cache(maxsize=64)
def _pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    nouns = "|".join(sorted((re.escape(word) for word in words), key=len, reverse=True))
    return re.compile(
        rf"^\s*(?:{_POLITE}\s*[,.]?\s+)?(?:(?:{nouns})(?:{_SUFFIXES})?(?![^\W\d_])[\s,.:]*"
        rf"(?:{_OWNERS}[\s,.:]*)*(?:{_LINKS}[\s,.:]*)*)+",
        re.IGNORECASE,
    )


def without_lead_in(text: str, words: tuple[str, ...]) -> str:
    """``text`` without a leading "<field word> [saya|nya] [adalah|:]"; unchanged when nothing
    would remain."""
    if not words:
        return text
    rest = _pattern(_with_synonyms(words)).sub("", text, count=1)
    return rest if rest.strip() else text


@lru_cache(maxsize=64)
def _with_synonyms(words: tuple[str, ...]) -> tuple[str, ...]:
    """The lead words and their Javanese and Sundanese forms ("nama lengkap" → "jeneng
    lengkap")."""
    found = list(words)
    for word in words:
        for standard, synonyms in LEAD_SYNONYMS.items():
            if standard in word.split():
                found.extend(word.replace(standard, synonym) for synonym in synonyms)
    return tuple(dict.fromkeys(found))


_CHAT_BEFORE_NAME = frozenset(
    {"ini", "iki", "niki", "ieu", "reya", "aq", "aku", "ku", "gue", "gw", "an", "a.n", "a.n."}
    | {"mah", "yaitu", "yakni", "adalah", "nggih", "iya", "ya", "ok", "oke"}
)
_CHAT_AFTER_NAME = frozenset(
    {"kak", "ka", "kk", "pak", "bu", "mas", "mbak", "mba", "min", "gan", "cak", "kang", "teh"}
    | {"nggih", "ya", "yah", "iya", "aja", "saja", "wae", "mawon", "ae", "mah", "sih", "dong"}
    | {"nih", "tuh", "deh", "ok", "oke", "pemilik", "pemiliknya", "owner", "pemilike"}
)
"""Words typed around a person's name ("ini Bambang", "a.n. Bambang Susilo", "Siti ya kak",
"Bambang Susilo, pemilik", Madurese "reya", Sundanese "mah"): never part of the name when typed
in small letters; with a capital ("Ana", "Aja") they may be one."""


def without_chat_around(text: str, *, capitalised_only: bool = False) -> str:
    """``text`` without chat words in small letters before and after the name; unchanged when
    nothing would remain. With ``capitalised_only`` (the name of a business, brand or product,
    whose own words may be chat words: "warung apa aja"), only when the rest was typed as a
    name, each word with a capital ("Sari Rasa kak", "ini Sari Rasa")."""
    words = text.split()
    before = _CHAT_BEFORE_NAME | {"nya", "-nya", "e", "ne"}
    while len(words) > 1 and words[0].islower() and words[0].strip(",:") in before:
        words = words[1:]
    while len(words) > 1 and words[-1].islower() and words[-1].strip(",.!") in _CHAT_AFTER_NAME:
        words = words[:-1]
    if capitalised_only and not all(word[:1].isupper() or word[:1].isdigit() for word in words):
        return text
    return " ".join(words).strip(" ,") or text
