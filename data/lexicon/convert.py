"""Writes the Colloquial Indonesian Lexicon, as shipped by the ``indoNLP`` package, to
``colloquial.tsv``.

Usage (from the repository root)::

    cd /tmp && pip download --no-deps indoNLP==0.3.4 && unzip -o indoNLP-0.3.4-*.whl
    python3 data/lexicon/convert.py /tmp/indoNLP/preprocessing/slang_data.py \\
        data/lexicon/colloquial.tsv

One ``word<TAB>meaning`` line per entry, sorted by word; the entries are as in the package.
Converting the same release twice gives the same bytes.
"""

from __future__ import annotations

import runpy
import sys
from pathlib import Path


def main(source: Path, target: Path) -> None:
    entries = runpy.run_path(str(source))["SLANG_DATA"]
    lines = [
        f"{word}\t{meaning}\n"
        for word, meaning in sorted(entries.items())
        if "\t" not in word + meaning and "\n" not in word + meaning
    ]
    target.write_text("".join(lines), encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
