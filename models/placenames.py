"""Finding a kabupaten/kota, kecamatan or desa/kelurahan by the name a person types.

People write a place the way they say it: "kec. junrejo", "ds punten", "kab malang",
"sumberbrantas", "oro oro ombo", with typos. :meth:`NameIndex.match` drops the prefix, compares
letters and digits only (so spaces and hyphens do not matter) and ranks with rapidfuzz;
bench/reports.py times it among all 83,763 desa/kelurahan of Indonesia.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

_PREFIXES = re.compile(
    r"^\s*(?:kabupaten|kab|kota|kot|kt|kecamatan|kec|kc|kelurahan|kel|kl|desa|ds|dsa)\b\.?\s*",
    re.IGNORECASE,
)
_CITY = re.compile(r"^\s*(?:kota|kot|kt)\b", re.IGNORECASE)
_REGENCY = re.compile(r"^\s*(?:kabupaten|kab)\b", re.IGNORECASE)
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")

SMALL_SCOPE = 500
"""Up to this many names are ranked with ``WRatio``, which also finds a typed part of a name
("sumber" for Sumberbrantas); beyond it the plain ``ratio``, ten times cheaper, keeps a search
among all 83,763 desa/kelurahan near 10 ms."""
MIN_SCORE = 70
"""The weakest match still offered as a button."""
NEAR_BEST = 15
"""Matches further than this below the best are noise ("malang" and Bangkalan) and dropped."""
SURE_SCORE = 96
"""A match this close, with no other near it, is taken without asking."""


@dataclass(frozen=True, slots=True)
class Match:
    code: str
    score: float


def key(name: str) -> str:
    """What names are compared by: lower-case letters and digits, the prefix dropped."""
    return _NOT_ALNUM.sub("", _PREFIXES.sub("", name.lower(), count=1))


class NameIndex:
    """Names of one level (kabupaten/kota, kecamatan or desa/kelurahan) by code, for matching;
    codes sorted, so everything within a parent (a code prefix) is one contiguous slice."""

    def __init__(self, entries: Iterable[tuple[str, str]]) -> None:
        pairs = sorted((code, key(name)) for code, name in entries)
        self.codes = [code for code, _ in pairs]
        self.keys = [name for _, name in pairs]

    def match(self, text: str, within: str = "", limit: int = 6) -> list[Match]:
        """The best matches of ``text`` among the names under ``within`` (a code prefix)."""
        query = key(text)
        if not query:
            return []
        lo, hi = self._span(within)
        names = self.keys[lo:hi]
        scorer = fuzz.WRatio if len(names) <= SMALL_SCOPE else fuzz.ratio
        found = process.extract(
            query, names, scorer=scorer, processor=None, limit=limit, score_cutoff=MIN_SCORE
        )
        best = found[0][1] if found else 0
        return [
            Match(self.codes[lo + index], score)
            for _name, score, index in found
            if score >= best - NEAR_BEST
        ]

    def _span(self, within: str) -> tuple[int, int]:
        if not within:
            return 0, len(self.codes)
        prefix = f"{within}."
        return bisect_left(self.codes, prefix), bisect_left(self.codes, f"{within}/")


def sure(matches: list[Match]) -> str | None:
    """The code of a match that needs no confirmation: very close, and alone at that score."""
    if not matches or matches[0].score < SURE_SCORE:
        return None
    if len(matches) > 1 and matches[1].score >= SURE_SCORE:
        return None
    return matches[0].code


def prefers_city(text: str) -> bool | None:
    """Whether the user wrote "kota …" (True), "kab …" (False), or neither (None)."""
    if _CITY.match(text):
        return True
    if _REGENCY.match(text):
        return False
    return None
