"""Indonesia's administrative regions from the Kemendagri codes, and finding one by a typed name.

``data/regions/indonesia.tsv.gz`` (converted from the ``idn-area-data`` package, see
``data/regions/README.md``) lists every province, kabupaten/kota, kecamatan and desa/kelurahan
as ``code<TAB>name``. A deployment keeps in memory only the kabupaten/kota it serves
(``REGIONS_SERVED``): a province is read in about 0.1 s and a few megabytes.

Finding a place by a typed name is :mod:`models.placenames`.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from models.catalog import CatalogError, Kecamatan, Kelurahan, KelurahanKind, Region

_REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATASET = _REPO_ROOT / "data" / "regions" / "indonesia.tsv.gz"

_SERVED = re.compile(r"[0-9]{2}(?:\.[0-9]{2})?")


def parse_served(text: str) -> tuple[str, ...]:
    """The codes of ``REGIONS_SERVED``: provinces ("35") and kabupaten/kota ("35.79")."""
    codes = tuple(part.strip() for part in text.split(",") if part.strip())
    for code in codes:
        if not _SERVED.fullmatch(code):
            raise CatalogError(
                f"REGIONS_SERVED: {code!r} must be a province (35) or kabupaten/kota (35.79) code"
            )
    return codes


def province_codes(dataset: Path = DEFAULT_DATASET) -> tuple[str, ...]:
    """Every province's code: serving them all loads the whole of Indonesia."""
    return tuple(code for code, _name in _rows(dataset) if len(code) == 2)


def load_served(served: Sequence[str], dataset: Path = DEFAULT_DATASET) -> tuple[Region, ...]:
    """The kabupaten/kota of ``served`` (a province code serves all of them), in code order."""
    provinces: dict[str, str] = {}
    regions: dict[str, tuple[str, list[tuple[str, str]]]] = {}
    places: list[tuple[str, str]] = []
    wanted = tuple(served)
    for code, name in _rows(dataset):
        if len(code) == 2:
            provinces[code] = name
        elif not code.startswith(wanted) or not _within(code, wanted):
            continue
        elif len(code) == 5:
            regions[code] = (name, [])
        else:
            places.append((code, name))
    missing = [code for code in wanted if code not in provinces and code not in regions]
    if missing:
        raise CatalogError(f"REGIONS_SERVED: unknown code(s) {', '.join(missing)}")
    return _assemble(provinces, regions, places)


def _within(code: str, served: Sequence[str]) -> bool:
    return any(code == prefix or code.startswith(f"{prefix}.") for prefix in served)


def _rows(dataset: Path) -> Iterable[tuple[str, str]]:
    try:
        with gzip.open(dataset, "rt", encoding="utf-8") as file:
            for line in file:
                code, _, name = line.rstrip("\n").partition("\t")
                yield code, name
    except OSError as exc:
        raise CatalogError(f"{dataset}: cannot read file ({exc.strerror or exc})") from exc


def _assemble(
    provinces: dict[str, str],
    regions: dict[str, tuple[str, list[tuple[str, str]]]],
    places: list[tuple[str, str]],
) -> tuple[Region, ...]:
    kecamatan: dict[str, tuple[str, list[Kelurahan]]] = {}
    for code, name in places:  # sorted by code: a kecamatan comes before its desa
        if len(code) == 8:
            kecamatan[code] = (name, [])
        else:
            kecamatan[code[:8]][1].append(Kelurahan(code, name, _kind(code)))
    by_region: dict[str, list[Kecamatan]] = {code: [] for code in regions}
    for code, (name, kelurahan) in kecamatan.items():
        by_region[code[:5]].append(Kecamatan(code, name, tuple(kelurahan)))
    return tuple(
        Region(code, name, provinces[code[:2]], tuple(by_region[code]))
        for code, (name, _places) in regions.items()
    )


def _kind(code: str) -> KelurahanKind:
    """Kemendagri numbers kelurahan 1xxx and desa 2xxx (3xxx: desa adat)."""
    return "kelurahan" if code.rsplit(".", 1)[1].startswith("1") else "desa"
