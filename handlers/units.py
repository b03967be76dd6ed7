"""Bureau units in the chat: the bureau a vendor deals with, and the unit a staff command names
("/statistik kota malang", "/ekspor 35.73")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from handlers.context import FlowContext
from models.entities import Vendor
from models.errors import InvalidInput
from models.units import Scope, Unit

EVERY_UNIT = frozenset({"semua", "all", "provinsi", "province"})
KINDS = frozenset({"kota", "kab", "kab.", "kabupaten"})
"""Words a kabupaten/kota named before other words starts with ("/cari kota malang budi")."""
_CODE = re.compile(r"\d{2}(?:\.\d{2})?")
_LONGEST_NAME = 4
"""Words of the longest kabupaten/kota name with its kind ("kab. kepulauan seribu utara")."""
_REGENCY_WORDS = frozenset({"kab", "kab.", "kabupaten"})
CLOSEST_UNITS = 3
"""Units offered for a kabupaten/kota name that no unit serves."""


@dataclass(frozen=True, slots=True)
class UnknownUnit:
    """A kabupaten/kota named before other words that no unit serves ("kota batuu keripik")."""

    named: str
    """The name as typed, with its kind ("kota batuu")."""
    closest: tuple[Unit, ...]
    """The served units whose names come closest, best first."""
    rest: str
    """What follows the name ("keripik")."""


async def vendor_unit(ctx: FlowContext, vendor: Vendor | None = None) -> Unit:
    """The bureau of the vendor's kabupaten/kota; the deployment's before they named one."""
    if vendor is None and ctx.bureau.units is not None and not ctx.bureau.units.single:
        vendor = await ctx.registration.vendor_of(ctx.user)
    return ctx.bureau.unit_of(vendor.regency_code if vendor else None)


def parse_unit(ctx: FlowContext, text: str) -> str | None:
    """The unit named by a code ("35.73") or a kabupaten/kota name ("kota malang"); None for
    every unit. Raises :class:`InvalidInput` for a name not served or not clear."""
    text = text.strip()
    units = ctx.bureau.units
    if not text or text.lower() in EVERY_UNIT or units is None:
        return None
    if units.by_code(text) is not None:
        return text
    code = ctx.catalog.regency_named(text)
    if code is None:
        raise InvalidInput("error-unit-unknown", unit=text)
    return code


def split_unit(ctx: FlowContext, text: str) -> tuple[str | None, str]:
    """A unit named before the rest ("kota malang keripik", "35.73 budi", "semua budi") and
    that rest; (None, ``text``) when it does not start with a code, "semua" or a kabupaten/kota
    named with its kind, or when nothing would remain."""
    words = text.split()
    first = words[0].lower() if words else ""
    if ctx.bureau.units is None or not (
        first in EVERY_UNIT or first in KINDS or _CODE.fullmatch(first)
    ):
        return None, text.strip()
    for length in range(min(len(words) - 1, _LONGEST_NAME), 0, -1):
        try:
            unit = parse_unit(ctx, " ".join(words[:length]))
        except InvalidInput:
            continue
        return unit, " ".join(words[length:])
    return None, text.strip()


def unknown_unit(ctx: FlowContext, text: str, scope: Scope) -> UnknownUnit | None:
    """The kabupaten/kota that ``text`` clearly starts with ("kota" or "kab" and a name, then
    more words) when no served unit has that name; None when it names one, or does not start
    so. The name is taken as long as comes closest to a unit's of ``scope``."""
    words = text.split()
    units = ctx.bureau.units
    if units is None or units.single or len(words) < 3 or words[0].lower() not in KINDS:
        return None
    if split_unit(ctx, text)[0] is not None:
        return None
    names = {unit.code: _unit_place(ctx, unit) for unit in units.local if scope.covers(unit.code)}
    best: tuple[float, int, list[tuple[str, float, str]]] | None = None
    for length in range(2, min(len(words) - 1, _LONGEST_NAME) + 1):
        typed = _spelled_out(" ".join(words[:length]))
        ranked = process.extract(typed, names, scorer=fuzz.ratio, limit=CLOSEST_UNITS)
        score = ranked[0][1] if ranked else 0.0
        if best is None or score > best[0]:
            best = (score, length, ranked)
    assert best is not None
    _, length, ranked = best
    closest = tuple(unit for _, _, code in ranked if (unit := units.by_code(code)) is not None)
    return UnknownUnit(" ".join(words[:length]), closest, " ".join(words[length:]))


def _unit_place(ctx: FlowContext, unit: Unit) -> str:
    """A unit's kabupaten/kota name in lower case ("kabupaten malang"), else its own name."""
    region = ctx.catalog.region_by_code(unit.code)
    return (region.name if region is not None else unit.name).lower()


def _spelled_out(name: str) -> str:
    """A typed kabupaten/kota name with "kab" written in full, as region names are."""
    kind, _, rest = name.lower().partition(" ")
    return f"kabupaten {rest}" if kind in _REGENCY_WORDS else f"{kind} {rest}"


def unit_name(ctx: FlowContext, code: str | None) -> str:
    """A unit's bureau name, by its code; the deployment's for None."""
    units = ctx.bureau.units
    unit = units.by_code(code) if units is not None and code else None
    return unit.name if unit else ctx.bureau.unit_of(None).name
