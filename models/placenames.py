"""Finding a kabupaten/kota, kecamatan or desa/kelurahan by the name a person types.

People write a place the way they say it: "kec. junrejo", "ds punten", "kab malang",
"sumberbrantas", "oro oro ombo", with typos. :meth:`NameIndex.match` drops the prefix, compares
letters and digits only (so spaces and hyphens do not matter) and ranks with rapidfuzz;
bench/reports.py times it among all 83,763 desa/kelurahan of Indonesia.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
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
_REGENCY_TAIL = re.compile(
    r"[\s,]+(?:kabupaten|kab|kota|kot)\b\.?\s*[^\W\d_][\w\s]*$", re.IGNORECASE
)
_KECAMATAN_MARK = re.compile(r"(?:^|[\s,]+)(?:kecamatan|kec|kc)\b\.?[\s,]*", re.IGNORECASE)
MAX_KECAMATAN_WORDS = 3
"""A kecamatan name typed after a desa is at most this many words ("Oro Oro Ombo" is a desa)."""

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
    """Names of one level (kabupaten/kota, kecamatan or desa/kelurahan) by code, for matching.

    Codes are sorted, so the names within a parent (a code prefix) are one contiguous slice.
    A search of everything ranks each distinct name once (83,763 desa have 62,711 names), and
    only names of a length that can reach :data:`MIN_SCORE`: ``ratio`` is 2·matches / (both
    lengths), so a name far shorter or longer than the query cannot score that high."""

    def __init__(self, entries: Iterable[tuple[str, str]]) -> None:
        pairs = sorted((code, key(name)) for code, name in entries)
        self.codes = [code for code, _ in pairs]
        self.keys = [name for _, name in pairs]
        self._codes_of: dict[str, list[str]] = {}
        for code, name in pairs:
            self._codes_of.setdefault(name, []).append(code)
        by_length = sorted(self._codes_of, key=lambda name: (len(name), name))
        # Fresh copies, laid out in memory in the order they are scanned: reading the strings
        # in allocation order is twice as fast as jumping across the heap.
        self._distinct = [f"{name}\0"[:-1] for name in by_length]
        self._lengths = [len(name) for name in self._distinct]

    def match(self, text: str, within: str = "", limit: int = 6) -> list[Match]:
        """The best matches of ``text`` among the names under ``within`` (a code prefix)."""
        query = key(text)
        if not query:
            return []
        if not within:
            return self._match_everywhere(query, limit)
        lo, hi = self._span(within)
        names = self.keys[lo:hi]
        scorer = fuzz.WRatio if len(names) <= SMALL_SCOPE else fuzz.ratio
        found = process.extract(
            query, names, scorer=scorer, processor=None, limit=limit, score_cutoff=MIN_SCORE
        )
        return _near_best([Match(self.codes[lo + index], score) for _, score, index in found])

    def _match_everywhere(self, query: str, limit: int) -> list[Match]:
        share = MIN_SCORE / 100
        shortest = len(query) * share / (2 - share)
        longest = len(query) * (2 - share) / share
        lo = bisect_left(self._lengths, shortest)
        hi = bisect_right(self._lengths, longest)
        found = process.extract(
            query,
            self._distinct[lo:hi],
            scorer=fuzz.ratio,
            processor=None,
            limit=limit,
            score_cutoff=MIN_SCORE,
        )
        matches = [Match(code, score) for name, score, _ in found for code in self._codes_of[name]]
        return _near_best(matches[:limit])  # a name of several places is never "sure"

    def _span(self, within: str) -> tuple[int, int]:
        prefix = f"{within}."
        return bisect_left(self.codes, prefix), bisect_left(self.codes, f"{within}/")


def _near_best(matches: list[Match]) -> list[Match]:
    best = matches[0].score if matches else 0
    return [match for match in matches if match.score >= best - NEAR_BEST]


def with_kecamatan(text: str) -> list[tuple[str, str]]:
    """The ways ``text`` may be a desa followed by its kecamatan, most likely first:
    "sumberejo kec batu" → [("sumberejo", "batu")]; "sumberejo batu" → [("sumberejo", "batu")];
    "ds punten, bumiaji" → [("ds punten", "bumiaji")]. A kabupaten/kota typed after them
    ("…, kab. malang") is left out."""
    text = _REGENCY_TAIL.sub("", text)
    marked = _KECAMATAN_MARK.split(text, maxsplit=1)
    if len(marked) == 2 and marked[0].strip() and marked[1].strip():
        return [(marked[0].strip(" ,"), marked[1].strip(" ,"))]
    words = text.replace(",", " , ").split()
    splits = []
    for cut in range(len(words) - 1, max(0, len(words) - 1 - MAX_KECAMATAN_WORDS), -1):
        desa = " ".join(words[:cut]).strip(" ,")
        kecamatan = " ".join(words[cut:]).strip(" ,")
        if desa and kecamatan and kecamatan != ",":
            splits.append((desa, kecamatan))
    return splits


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
