"""Business scale (UMKM class) by PP 7/2021, from annual turnover or from capital."""

from __future__ import annotations

from enum import StrEnum


class BusinessScale(StrEnum):
    MIKRO = "mikro"
    KECIL = "kecil"
    MENENGAH = "menengah"
    BESAR = "besar"


class ScaleBasis(StrEnum):
    TURNOVER = "turnover"  # annual sales ("hasil penjualan tahunan")
    CAPITAL = "capital"  # business capital excluding land and buildings


_MILIAR = 1_000_000_000

# Inclusive upper bounds in rupiah ("sampai dengan"); above the last one the business is BESAR.
_UPPER_BOUNDS: dict[ScaleBasis, tuple[tuple[int, BusinessScale], ...]] = {
    ScaleBasis.TURNOVER: (
        (2 * _MILIAR, BusinessScale.MIKRO),
        (15 * _MILIAR, BusinessScale.KECIL),
        (50 * _MILIAR, BusinessScale.MENENGAH),
    ),
    ScaleBasis.CAPITAL: (
        (1 * _MILIAR, BusinessScale.MIKRO),
        (5 * _MILIAR, BusinessScale.KECIL),
        (10 * _MILIAR, BusinessScale.MENENGAH),
    ),
}


def classify_scale(basis: ScaleBasis, amount: int) -> BusinessScale:
    """Scale of a business whose annual turnover or capital (per ``basis``) is ``amount`` rupiah."""
    for upper_bound, scale in _UPPER_BOUNDS[basis]:
        if amount <= upper_bound:
            return scale
    return BusinessScale.BESAR
