"""Finding a vendor by what a caller remembers: a name (typos and all), or a number: NIK, NPWP,
NIB or phone.

The schema has no text index on names, full-text search differs between SQLite and PostgreSQL,
and loading every name into Python costs more than the whole search may take. So the database
narrows and Python ranks:

1. A query of digits only is a NIK, NPWP, NIB or phone number (typed ``08…``, ``62…`` or
   ``+62…``), looked up exactly on indexed columns (NIK and NPWP by their blind index).
2. Otherwise each word of three letters or more gives a few trigrams, every other one
   ("kripik" → kri, ipi, pik). One scan scores each vendor by how many of them occur in its
   business or owner name (a case-insensitive ``LIKE``) and keeps the :data:`CANDIDATES` best.
   A typo spoils only the trigrams it touches, so the vendor meant still shares most of them
   ("keripik" has ipi and pik). The score is computed once per row, in the ``ORDER BY``
   (vendors sharing nothing come last and are dropped in Python), and at most
   :data:`MAX_GRAMS` trigrams are tried, which bounds the cost of the scan.
3. rapidfuzz ranks the candidates: every typed word must be close (``fuzz.ratio``) to some word
   of the business or owner name, and the score is the mean over the typed words. ``WRatio``
   does not suit names: one shared word ("Bu", "Apel") scores it above 85.

bench/reports.py times it at 100,000 vendors. A trigram index (pg_trgm) does not replace the
scan: a common name ("Wulandari", "Keripik") is shared by thousands of vendors, and rechecking
each of them through the index cost more than the scan itself.
"""

from __future__ import annotations

import operator
import re
from dataclasses import dataclass
from functools import reduce
from statistics import fmean
from typing import Any

from rapidfuzz import fuzz, process
from sqlalchemy import Executable, case, or_, select

from models.crypto import blind_index
from models.entities import User, Vendor
from models.services.access import REVIEWERS, AccessService
from models.units import Scope
from models.uow import UnitOfWork

CANDIDATES = 200
"""Vendors sharing the most trigrams with the query that rapidfuzz ranks."""
MAX_GRAMS = 8
"""Trigrams tried in SQL; the cost of a scan grows with them."""
MIN_SCORE = 75
"""Weakest mean word score (0-100) still shown: "kripik apel" scores 96 on "Keripik Apel Bu
Siti", 70 on "Apel Malang Segar" (one word of two) and far less on "Batik Budi"."""
MIN_DIGITS = 8
"""A digits-only query shorter than this is too short to be a NIK, NPWP, NIB or phone number."""

_WORD = re.compile(r"[^\W_]+")
_NOT_DIGIT = re.compile(r"\D")
_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True, slots=True)
class SearchHit:
    vendor_id: int
    business_name: str | None
    owner_name: str | None
    status: str
    score: float


@dataclass(frozen=True, slots=True)
class SearchResult:
    hits: list[SearchHit]
    """The best matches, best first, at most the limit asked for."""
    total: int
    """How many vendors matched, shown or not."""
    complete: bool
    """False when the candidates ran out before the matches did: ``total`` is then a minimum."""


class SearchService:
    def __init__(self, uow: UnitOfWork, access: AccessService) -> None:
        self._uow = uow
        self._access = access

    async def vendors(
        self, actor: User, text: str, limit: int = 8, unit: str | None = None
    ) -> SearchResult:
        """Vendors of the units the actor reviews (or of ``unit``) matching ``text`` by number,
        or by business or owner name."""
        scope = await self._access.scope(actor, REVIEWERS, unit)
        number = _number_keys(text)
        if number:
            hits = await self._by_number(scope, *number)
            return SearchResult(hits[:limit], len(hits), complete=True)
        words = _WORD.findall(text.lower())
        grams = _trigrams(words)
        if not grams:
            return SearchResult([], 0, complete=True)
        rows = (await self._uow.session.execute(self._candidates(scope, grams))).all()
        hits = _ranked(words, [row for row in rows if row.shared])
        # Vendors sharing nothing fill up the candidates: if even the last one shares trigrams,
        # more vendors may match than were ranked.
        complete = len(rows) < CANDIDATES or not rows[-1].shared
        return SearchResult(hits[:limit], len(hits), complete)

    async def _by_number(self, scope: Scope, digits: str, phone: str) -> list[SearchHit]:
        """NIK and NPWP are encrypted at rest: they are found by their blind index."""
        query = (
            select(Vendor.id, Vendor.business_name, Vendor.owner_name, Vendor.status)
            .where(
                or_(
                    Vendor.nik_hash == blind_index("nik", digits),
                    Vendor.npwp_hash == blind_index("npwp", digits),
                    Vendor.nib == digits,
                    Vendor.phone == phone,
                ),
                scope.where(Vendor.regency_code),
            )
            .order_by(Vendor.id)
        )
        rows = (await self._uow.session.execute(query)).all()
        return [
            SearchHit(row.id, row.business_name, row.owner_name, row.status, 100) for row in rows
        ]

    def _candidates(self, scope: Scope, grams: list[str]) -> Executable:
        """The vendors sharing the most trigrams with the query: one scan, ``CANDIDATES`` rows.
        PostgreSQL looks for each trigram in ``search_name`` (both names in lower case, stored);
        SQLite in the two names themselves, as its ``LIKE`` ignores (ASCII) case and its
        ``search_name`` would be computed again for every trigram."""
        if self._uow.session.get_bind().dialect.name == "sqlite":
            haystacks = [Vendor.business_name, Vendor.owner_name]
        else:
            haystacks = [Vendor.search_name]
        matches = [  # a NULL name counts 0
            case((haystack.like(f"%{gram}%"), 1), else_=0)
            for gram in grams
            for haystack in haystacks
        ]
        shared = reduce(operator.add, matches).label("shared")
        return (
            select(Vendor.id, Vendor.business_name, Vendor.owner_name, Vendor.status, shared)
            .where(scope.where(Vendor.regency_code))
            .order_by(shared.desc(), Vendor.id.desc())
            .limit(CANDIDATES)
        )


def _ranked(words: list[str], rows: list[Any]) -> list[SearchHit]:
    """Candidates scoring at least :data:`MIN_SCORE`, best first; ties go to the most shared
    trigrams, then to the newest vendor."""
    hits = []
    for row in rows:
        names = _WORD.findall(f"{row.business_name or ''} {row.owner_name or ''}".lower())
        score = fmean(_closest(word, names) for word in words)
        if score >= MIN_SCORE:
            hits.append((score, row))
    hits.sort(key=lambda hit: (-hit[0], -hit[1].shared, -hit[1].id))
    return [
        SearchHit(row.id, row.business_name, row.owner_name, row.status, score)
        for score, row in hits
    ]


def _closest(word: str, names: list[str]) -> float:
    match = process.extractOne(word, names, scorer=fuzz.ratio)
    return match[1] if match else 0


def _number_keys(text: str) -> tuple[str, str] | None:
    """The digits as typed (NIK, NPWP, NIB) and as a stored phone number (E.164)."""
    digits = _NOT_DIGIT.sub("", text)
    if _LETTER.search(text) or len(digits) < MIN_DIGITS:
        return None
    if digits.startswith("0"):
        national = digits[1:]
    elif digits.startswith("62"):
        national = digits[2:]
    else:
        national = digits
    return digits, f"+62{national}"


def _trigrams(words: list[str]) -> list[str]:
    """Every other trigram of each word, and its last one; a three-letter word stays whole and
    shorter words ("bu", "ud") are left out, as nearly every name has one."""
    grams: dict[str, None] = {}
    for word in (word for word in words if len(word) >= 3):
        starts = [*range(0, len(word) - 2, 2), len(word) - 3]
        grams.update(dict.fromkeys(word[start : start + 3] for start in starts))
    return list(grams)[:MAX_GRAMS]
