"""Converts the CSV files of the npm package ``idn-area-data`` into ``indonesia.tsv.gz``.

Usage (from the repository root)::

    cd /tmp && npm pack idn-area-data && tar xzf idn-area-data-*.tgz
    python3 data/regions/convert.py /tmp/package/data data/regions/indonesia.tsv.gz

The output has one line per area, ``code<TAB>name``, sorted by code: provinces (``35``),
kabupaten/kota (``35.79``), kecamatan (``35.79.03``) and desa/kelurahan (``35.79.03.2003``); the
level is the number of dot-separated groups. Province and kabupaten/kota names, upper case in the
source, are written in title case ("KABUPATEN MALANG" -> "Kabupaten Malang", "DKI JAKARTA" ->
"DKI Jakarta"); a double quote inside a name (Madurese "Soka"an") is the apostrophe it stands for.
The gzip header carries no time stamp, so converting the same release twice gives the same bytes.
"""

from __future__ import annotations

import csv
import gzip
import sys
from collections.abc import Iterator
from pathlib import Path

_UPPER_WORDS = frozenset({"DKI", "DI"})
_SOURCES = ("provinces.csv", "regencies.csv", "districts.csv", "villages.csv")


def title(name: str) -> str:
    """Title case for the upper-case names, keeping abbreviations such as DKI."""
    return " ".join(word if word in _UPPER_WORDS else word.capitalize() for word in name.split())


def rows(source: Path) -> Iterator[tuple[str, str]]:
    for filename in _SOURCES:
        with (source / filename).open(encoding="utf-8", newline="") as file:
            for row in csv.DictReader(file):
                name = " ".join(row["name"].replace('"', "'").split())
                if filename in ("provinces.csv", "regencies.csv"):
                    name = title(name)
                yield row["code"].strip(), name


def convert(source: Path, target: Path) -> int:
    entries = sorted(rows(source))
    text = "".join(f"{code}\t{name}\n" for code, name in entries)
    with target.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as file:
        file.write(text.encode("utf-8"))
    return len(entries)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: convert.py <idn-area-data>/data <output.tsv.gz>")
    count = convert(Path(sys.argv[1]), Path(sys.argv[2]))
    print(f"{count} areas written to {sys.argv[2]}")
