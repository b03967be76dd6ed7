"""The streamed XLSX opens in a spreadsheet reader with what was written, as it was written."""

from __future__ import annotations

import warnings
from pathlib import Path

from openpyxl import load_workbook

from models.services.xlsx import XlsxStream


def test_rows_numbers_text_and_layout_survive(tmp_path: Path) -> None:
    path = tmp_path / "k.xlsx"
    with XlsxStream(path, "Produk", ["ID", "Nama", "Harga"], [8, 30, 12]) as sheet:
        sheet.append_all(
            [
                [1, "Keripik <Apel> & Co", 15_000],
                [2, '=HYPERLINK("x")', 40.5],
                [3, "  spasi depan\nbaris dua", None],
                [4, "kontrol\x00\x07 dibuang", True],
            ]
        )
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no "no default style" or other complaint
        book = load_workbook(path)
    sheet = book["Produk"]
    assert [[cell.value for cell in row] for row in sheet.iter_rows()] == [
        ["ID", "Nama", "Harga"],
        [1, "Keripik <Apel> & Co", 15_000],
        [2, '=HYPERLINK("x")', 40.5],
        [3, "  spasi depan\nbaris dua", None],
        [4, "kontrol dibuang", True],
    ]
    assert sheet["B3"].data_type == "s"  # never a formula
    assert sheet["A1"].font.b and not sheet["A2"].font.b
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["B"].width == 30


def test_a_failed_export_leaves_no_half_file(tmp_path: Path) -> None:
    path = tmp_path / "k.xlsx"
    try:
        with XlsxStream(path, "Produk", ["ID"], [8]) as sheet:
            sheet.append_all([[1]])
            raise RuntimeError("database gone")
    except RuntimeError:
        pass
    assert not path.exists()
