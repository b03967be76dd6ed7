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
