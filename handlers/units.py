"""Bureau units in the chat: the bureau a vendor deals with, and the unit a staff command names
("/statistik kota malang", "/ekspor 35.73")."""

from __future__ import annotations

from handlers.context import FlowContext
from models.entities import Vendor
from models.errors import InvalidInput
from models.units import Unit

EVERY_UNIT = frozenset({"semua", "all", "provinsi", "province"})


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


def unit_name(ctx: FlowContext, code: str | None) -> str:
    """A unit's bureau name, by its code; the deployment's for None."""
    units = ctx.bureau.units
    unit = units.by_code(code) if units is not None and code else None
    return unit.name if unit else ctx.bureau.unit_of(None).name
