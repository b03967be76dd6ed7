"""Bureau units: each kabupaten/kota served has its own procurement unit (BPBJ), and above them
the province (or, in a single-kota deployment, the one kota is the only unit).

A vendor belongs to the unit of their kabupaten/kota (``Vendor.regency_code``); staff roles are
given for a unit or for the whole deployment (:mod:`models.services.access`).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, true
from sqlalchemy.orm import InstrumentedAttribute

from models.catalog import CatalogError, Region

_UNIT_KEYS = frozenset({"code", "name", "contact"})
_ALLOWED_KEYS = _UNIT_KEYS | {"staff_group"}


@dataclass(frozen=True, slots=True)
class Unit:
    code: str
    """A kabupaten/kota's Kemendagri code ("35.73"), a province's ("35"), or "" for a
    deployment spanning several provinces."""
    name: str
    contact: str
    staff_group: str | None = None
    """The Telegram chat id of the unit's staff group, where its submissions are announced."""


@dataclass(frozen=True)
class Units:
    top: Unit
    """The whole deployment: the province, or the kota of a single-kota deployment."""
    local: tuple[Unit, ...]
    """One unit per kabupaten/kota served (in a single-kota deployment, ``top`` itself)."""

    @property
    def single(self) -> bool:
        return self.local == (self.top,)

    def of(self, regency_code: str | None) -> Unit:
        """The unit a vendor of ``regency_code`` deals with; the top one when not known yet."""
        return next((unit for unit in self.local if unit.code == regency_code), self.top)

    def staff_groups(self, regency_code: str | None) -> list[str]:
        """The staff groups that hear of a submission of ``regency_code``: its unit's, then the
        province's (each once)."""
        groups = (self.of(regency_code).staff_group, self.top.staff_group)
        return list(dict.fromkeys(group for group in groups if group))

    def by_code(self, code: str) -> Unit | None:
        if code == self.top.code:
            return self.top
        return next((unit for unit in self.local if unit.code == code), None)

    def regencies(self, code: str | None) -> frozenset[str] | None:
        """The kabupaten/kota codes a unit covers; None for the whole deployment."""
        if code is None or code == self.top.code:
            return None
        prefix = f"{code}."
        return frozenset(u.code for u in self.local if u.code == code or u.code.startswith(prefix))


@dataclass(frozen=True, slots=True)
class Scope:
    """The kabupaten/kota a staff member may see and act on; ``regencies`` None is all."""

    regencies: frozenset[str] | None = None

    def covers(self, regency_code: str | None) -> bool:
        return self.regencies is None or regency_code in self.regencies

    def where(self, column: InstrumentedAttribute[str | None]) -> ColumnElement[bool]:
        """The SQL condition keeping rows of this scope (``column`` is a ``regency_code``)."""
        if self.regencies is None:
            return true()
        return column.in_(sorted(self.regencies))

    @property
    def everything(self) -> bool:
        return self.regencies is None


EVERYTHING = Scope()


def build_units(
    regions: tuple[Region, ...], name: str, contact: str, file: Path | None = None
) -> Units:
    """The units of a deployment: ``name`` and ``contact`` are its own (the province's, or the
    single kota's); a units file may name each unit's bureau."""
    named = _read_units(file) if file else {}
    if len(regions) == 1:
        unit = _named(named, regions[0].code, name, contact)
        return Units(unit, (unit,))
    provinces = {region.code[:2] for region in regions}
    top_code = provinces.pop() if len(provinces) == 1 else ""
    top = _named(named, top_code, name, contact)
    local = tuple(_named(named, region.code, f"BPBJ {region.name}", contact) for region in regions)
    return Units(top, local)


def _named(named: dict[str, Unit], code: str, name: str, contact: str) -> Unit:
    return named.get(code) or Unit(code, name, contact)


def _read_units(path: Path) -> dict[str, Unit]:
    try:
        with path.open("rb") as file:
            document = tomllib.load(file)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise CatalogError(f"{path}: cannot read units file ({exc})") from exc
    return {unit.code: unit for unit in _parse_units(path, document.get("unit", []))}


def _parse_units(path: Path, tables: Iterable[Any]) -> Iterable[Unit]:
    for index, table in enumerate(tables, start=1):
        if not isinstance(table, dict) or not _UNIT_KEYS <= set(table) <= _ALLOWED_KEYS:
            raise CatalogError(
                f"{path}: unit #{index} needs code, name and contact (and may name staff_group)"
            )
        if not all(isinstance(table[key], str) and table[key].strip() for key in _UNIT_KEYS):
            raise CatalogError(f"{path}: unit #{index}: code, name and contact must be text")
        group = _staff_group(path, index, table.get("staff_group"))
        yield Unit(table["code"].strip(), table["name"].strip(), table["contact"].strip(), group)


def _staff_group(path: Path, index: int, value: object) -> str | None:
    """A Telegram group's chat id, written as a number (-1001234567890) or as text."""
    if value is None:
        return None
    text = str(value).strip() if isinstance(value, int | str) else ""
    if not re.fullmatch(r"-?\d+", text):
        raise CatalogError(f"{path}: unit #{index}: staff_group must be a Telegram chat id")
    return text
