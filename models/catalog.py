"""Reference data of a deployment: the e-catalogue etalase and the administrative regions.

Both live in TOML files under ``data/`` that a bureau can edit without touching code.
``load_catalog`` reads and validates them; any problem raises ``CatalogError`` naming the file
and the entry.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from models.placenames import Match, NameIndex, key, prefers_city, sure, with_kecamatan

_REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_ETALASE_PATH = _REPO_ROOT / "data" / "etalase.toml"
DEFAULT_REGION_PATH = _REPO_ROOT / "data" / "regions" / "kota-batu.toml"

KelurahanKind = Literal["kelurahan", "desa"]

_ETALASE_CODE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_KBLI_PREFIX = re.compile(r"[0-9]{2,5}")
_REGION_CODE = re.compile(r"[0-9]+(?:\.[0-9]+)*")

_ETALASE_FILE_KEYS = frozenset({"etalase"})
_ETALASE_KEYS = frozenset({"code", "name_id", "name_en", "kbli"})
_REGION_KEYS = frozenset({"code", "name", "province", "kecamatan"})
_KECAMATAN_KEYS = frozenset({"code", "name", "kelurahan"})
_KELURAHAN_KEYS = frozenset({"code", "name", "kind"})


class CatalogError(ValueError):
    """A reference data file cannot be read or does not follow its format."""


@dataclass(frozen=True)
class Etalase:
    """A catalogue category and the KBLI code prefixes of the business lines that fit it."""

    code: str
    name_id: str
    name_en: str
    kbli_prefixes: tuple[str, ...]

    def name(self, lang: str) -> str:
        """The name in ``lang`` (a language tag such as "en" or "en-US"); Indonesian otherwise."""
        primary = lang.replace("_", "-").split("-")[0].lower()
        return self.name_en if primary == "en" else self.name_id

    def fits_kbli(self, code: str) -> bool:
        """Whether a KBLI code fits; an etalase without prefixes accepts every code."""
        code = code.strip()
        return not self.kbli_prefixes or code.startswith(self.kbli_prefixes)


@dataclass(frozen=True, slots=True)
class Kelurahan:
    """A desa or kelurahan, the lowest administrative level."""

    code: str
    name: str
    kind: KelurahanKind


@dataclass(frozen=True, slots=True)
class Kecamatan:
    """A district of the region and its desa/kelurahan."""

    code: str
    name: str
    kelurahan: tuple[Kelurahan, ...]


@dataclass(frozen=True)
class Region:
    """The kota or kabupaten a deployment serves."""

    code: str
    name: str
    province: str
    kecamatan: tuple[Kecamatan, ...]

    def kecamatan_by_code(self, code: str) -> Kecamatan | None:
        return next((kecamatan for kecamatan in self.kecamatan if kecamatan.code == code), None)

    def kelurahan_by_code(self, code: str) -> tuple[Kecamatan, Kelurahan] | None:
        """The kelurahan with ``code`` together with the kecamatan it belongs to."""
        for kecamatan in self.kecamatan:
            for kelurahan in kecamatan.kelurahan:
                if kelurahan.code == code:
                    return kecamatan, kelurahan
        return None


@dataclass(frozen=True)
class Catalog:
    """All reference data of a deployment: the etalase and the kabupaten/kota it serves."""

    etalase: tuple[Etalase, ...]
    regions: tuple[Region, ...]
    _places: dict[str, tuple[Region, Kecamatan, Kelurahan | None]] = field(
        init=False, repr=False, compare=False
    )
    _names: tuple[NameIndex, NameIndex, NameIndex] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        places: dict[str, tuple[Region, Kecamatan, Kelurahan | None]] = {}
        for region in self.regions:
            for kecamatan in region.kecamatan:
                places[kecamatan.code] = (region, kecamatan, None)
                for kelurahan in kecamatan.kelurahan:
                    places[kelurahan.code] = (region, kecamatan, kelurahan)
        object.__setattr__(self, "_places", places)
        regencies = NameIndex((region.code, region.name) for region in self.regions)
        districts = NameIndex((code, p[1].name) for code, p in places.items() if p[2] is None)
        villages = NameIndex((code, p[2].name) for code, p in places.items() if p[2])
        object.__setattr__(self, "_names", (regencies, districts, villages))

    def find_regency(self, text: str) -> list[Match]:
        """Kabupaten/kota served matching a typed name, best first: a kabupaten and a kota of
        the same name both, the one the user named ("kab malang") first."""
        city = prefers_city(text)
        matches = self._names[0].match(text)
        return sorted(matches, key=lambda m: (-m.score, self._is_city(m.code) is not city))

    def regency_named(self, text: str) -> str | None:
        """The code of the one kabupaten/kota ``text`` names, the kind ("kota", "kab") counted;
        None when the name is unknown or could be either."""
        city = prefers_city(text)
        matches = self.find_regency(text)
        if city is not None:
            matches = [m for m in matches if self._is_city(m.code) is city]
        return sure(matches)

    def _is_city(self, code: str) -> bool:
        region = self.region_by_code(code)
        return region is not None and region.name.lower().startswith("kota")

    def find_kecamatan(self, text: str, regency_code: str) -> list[Match]:
        """Kecamatan of a kabupaten/kota matching a typed name, best first."""
        return self._names[1].match(text, within=regency_code)

    def find_kelurahan(self, text: str, within: str = "") -> list[Match]:
        """Desa/kelurahan under ``within`` (a kecamatan or kabupaten/kota code; everything
        served when empty) matching a typed name, best first."""
        return self._names[2].match(text, within=within)

    def kelurahan_with_kecamatan(self, text: str, regency_code: str) -> str | None:
        """The desa/kelurahan of a kabupaten/kota that ``text`` names together with its
        kecamatan ("sumberejo kec batu", "tulungrejo bumiaji"), when both are clear; None
        otherwise. Narrows a name several desa share to the one in the kecamatan named. The
        kecamatan may be misspelt ("wonorejo lwang"): of its close matches, exactly one must have
        a desa of that name."""
        for attempt in self._without_own_name(text, regency_code):
            for desa, kecamatan in with_kecamatan(attempt):
                matches = self.find_kecamatan(kecamatan, regency_code)
                found = {sure(self.find_kelurahan(desa, match.code)) for match in matches}
                found.discard(None)
                if len(found) == 1:
                    return found.pop()
        return None

    def _without_own_name(self, text: str, regency_code: str) -> list[str]:
        """``text``, and without the kabupaten/kota's name typed last ("wonorejo lawang
        malang"); Kota Batu's kecamatan Batu keeps its name in the first."""
        region = self.region_by_code(regency_code)
        words = text.replace(",", " ").split()
        if region is None or len(words) < 3:
            return [text]
        own = key(region.name.split(" ", 1)[-1])
        return [text, " ".join(words[:-1])] if key(words[-1]) == own else [text]

    @property
    def region(self) -> Region:
        """The first kabupaten/kota served: in a single-kota deployment, the only one."""
        return self.regions[0]

    def etalase_by_code(self, code: str) -> Etalase | None:
        return next((etalase for etalase in self.etalase if etalase.code == code), None)

    def region_by_code(self, code: str) -> Region | None:
        return next((region for region in self.regions if region.code == code), None)

    def region_of(self, code: str | None) -> Region | None:
        """The kabupaten/kota served that a kecamatan or desa/kelurahan code belongs to."""
        place = self._places.get(code or "")
        return place[0] if place else self.region_by_code(code or "")

    def kecamatan_by_code(self, code: str) -> Kecamatan | None:
        place = self._places.get(code)
        return place[1] if place and place[2] is None else None

    def kelurahan_by_code(self, code: str) -> tuple[Kecamatan, Kelurahan] | None:
        """The desa/kelurahan with ``code`` together with the kecamatan it belongs to."""
        place = self._places.get(code)
        if place is None or place[2] is None:
            return None
        return place[1], place[2]

    def place_name(self, code: str | None) -> str | None:
        """The name of a kabupaten/kota, kecamatan or desa/kelurahan served; None if unknown."""
        place = self._places.get(code or "")
        if place is None:
            region = self.region_by_code(code or "")
            return region.name if region else None
        return (place[2] or place[1]).name

    def mismatched_kbli(self, etalase_code: str, kbli: list[str]) -> list[str]:
        """The KBLI codes, in their given order, that do not fit the etalase.

        Raises ``KeyError`` when no etalase has ``etalase_code``.
        """
        etalase = self.etalase_by_code(etalase_code)
        if etalase is None:
            raise KeyError(f"unknown etalase code {etalase_code!r}")
        return [code for code in kbli if not etalase.fits_kbli(code)]


def load_catalog(
    etalase_path: Path = DEFAULT_ETALASE_PATH,
    region_path: Path = DEFAULT_REGION_PATH,
    served: tuple[str, ...] = (),
) -> Catalog:
    """Reads and validates the reference data; raises ``CatalogError`` on any problem.

    ``served`` names the provinces and kabupaten/kota served, read from the Kemendagri dataset
    (:mod:`models.regions`); without it the single kota or kabupaten of ``region_path``."""
    if served:
        from models.regions import load_served

        regions = load_served(served)
    else:
        regions = (load_region(region_path),)
    return Catalog(etalase=load_etalase(etalase_path), regions=regions)


def load_etalase(path: Path) -> tuple[Etalase, ...]:
    """Reads and validates an etalase file, keeping the order of its entries."""
    document = _read_toml(path)
    try:
        return _parse_etalase_file(document)
    except CatalogError as exc:
        raise CatalogError(f"{path}: {exc}") from None


def load_region(path: Path) -> Region:
    """Reads and validates a region file."""
    document = _read_toml(path)
    try:
        return _parse_region(document)
    except CatalogError as exc:
        raise CatalogError(f"{path}: {exc}") from None


# The parsers below name the entry in their messages; the loaders above add the file.


def _parse_etalase_file(document: Mapping[str, Any]) -> tuple[Etalase, ...]:
    _check_keys(document, _ETALASE_FILE_KEYS, "top level")
    seen: dict[str, str] = {}
    entries: list[Etalase] = []
    for index, table in enumerate(_tables(document, "etalase", "top level"), start=1):
        where = f"etalase #{index}"
        etalase = _parse_etalase(table, where)
        _claim(seen, etalase.code, where)
        entries.append(etalase)
    return tuple(entries)


def _parse_etalase(table: Mapping[str, Any], where: str) -> Etalase:
    _check_keys(table, _ETALASE_KEYS, where)
    code = _text(table, "code", where)
    if not _ETALASE_CODE.fullmatch(code):
        raise CatalogError(
            f"{where}: code {code!r} must be kebab-case (lowercase letters, digits and hyphens)"
        )
    where = f"{where} ({code})"
    return Etalase(
        code=code,
        name_id=_text(table, "name_id", where),
        name_en=_text(table, "name_en", where),
        kbli_prefixes=_kbli_prefixes(table, where),
    )


def _kbli_prefixes(table: Mapping[str, Any], where: str) -> tuple[str, ...]:
    value = _required(table, "kbli", where)
    if not isinstance(value, list):
        raise CatalogError(f"{where}: 'kbli' must be a list of quoted digit strings, e.g. [\"10\"]")
    for prefix in value:
        if not isinstance(prefix, str) or not _KBLI_PREFIX.fullmatch(prefix):
            raise CatalogError(
                f"{where}: KBLI prefix {prefix!r} must be a quoted string of 2 to 5 digits"
            )
    return tuple(value)


def _parse_region(document: Mapping[str, Any]) -> Region:
    where = "top level"
    _check_keys(document, _REGION_KEYS, where)
    code = _region_code(document, "", where)
    name = _text(document, "name", where)
    province = _text(document, "province", where)
    seen: dict[str, str] = {}
    kecamatan = tuple(
        _parse_kecamatan(table, code, f"kecamatan #{index}", seen)
        for index, table in enumerate(_tables(document, "kecamatan", where), start=1)
    )
    return Region(code=code, name=name, province=province, kecamatan=kecamatan)


def _parse_kecamatan(
    table: Mapping[str, Any], parent: str, where: str, seen: dict[str, str]
) -> Kecamatan:
    _check_keys(table, _KECAMATAN_KEYS, where)
    code = _region_code(table, parent, where)
    _claim(seen, code, where)
    where = f"{where} ({code})"
    name = _text(table, "name", where)
    kelurahan = tuple(
        _parse_kelurahan(entry, code, f"{where}, kelurahan #{index}", seen)
        for index, entry in enumerate(_tables(table, "kecamatan.kelurahan", where), start=1)
    )
    return Kecamatan(code=code, name=name, kelurahan=kelurahan)


def _parse_kelurahan(
    table: Mapping[str, Any], parent: str, where: str, seen: dict[str, str]
) -> Kelurahan:
    _check_keys(table, _KELURAHAN_KEYS, where)
    code = _region_code(table, parent, where)
    _claim(seen, code, where)
    where = f"{where} ({code})"
    return Kelurahan(
        code=code, name=_text(table, "name", where), kind=_kelurahan_kind(table, where)
    )


def _kelurahan_kind(table: Mapping[str, Any], where: str) -> KelurahanKind:
    kind = _required(table, "kind", where)
    if kind == "kelurahan":
        return "kelurahan"
    if kind == "desa":
        return "desa"
    raise CatalogError(f'{where}: kind {kind!r} must be "kelurahan" or "desa"')


def _region_code(table: Mapping[str, Any], parent: str, where: str) -> str:
    """The entry's code: dotted digit groups, starting with ``parent`` and a dot when given."""
    code = _text(table, "code", where)
    if not _REGION_CODE.fullmatch(code):
        raise CatalogError(f'{where}: code {code!r} must be dotted digit groups, e.g. "35.79.01"')
    if parent and not code.startswith(f"{parent}."):
        raise CatalogError(f'{where}: code {code!r} must start with its parent\'s code "{parent}."')
    return code


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as file:
            return tomllib.load(file)
    except OSError as exc:
        raise CatalogError(f"{path}: cannot read file ({exc.strerror or exc})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise CatalogError(f"{path}: invalid TOML: {exc}") from exc


def _check_keys(table: Mapping[str, Any], allowed: frozenset[str], where: str) -> None:
    """Rejects unknown keys, so that a misspelt key is reported instead of silently ignored."""
    unknown = sorted(set(table) - allowed)
    if unknown:
        raise CatalogError(
            f"{where}: unknown key(s) {', '.join(unknown)}; expected {', '.join(sorted(allowed))}"
        )


def _required(table: Mapping[str, Any], key: str, where: str) -> Any:
    if key not in table:
        raise CatalogError(f"{where}: missing '{key}'")
    return table[key]


def _text(table: Mapping[str, Any], key: str, where: str) -> str:
    value = _required(table, key, where)
    if not isinstance(value, str) or not value.strip():
        raise CatalogError(f"{where}: '{key}' must be a non-empty string")
    return value.strip()


def _tables(table: Mapping[str, Any], header: str, where: str) -> list[dict[str, Any]]:
    """The entries of the array of tables ``[[header]]`` nested in ``table``; at least one."""
    value = table.get(header.rsplit(".", 1)[-1])
    if not isinstance(value, list) or not value or not all(isinstance(v, dict) for v in value):
        raise CatalogError(f"{where}: needs at least one [[{header}]] entry")
    return value


def _claim(seen: dict[str, str], code: str, where: str) -> None:
    """Records that ``where`` uses ``code``; raises if an earlier entry already did."""
    if code in seen:
        raise CatalogError(f"{where}: duplicate code {code!r}, already used by {seen[code]}")
    seen[code] = where
