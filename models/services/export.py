"""The catalogue export: one row per approved product with its vendor's data, as CSV and XLSX,
laid out like an e-Katalog (v6) or Jatim Bejo product upload: product columns, then the vendor's.

It streams. Rows come from the database in batches (``yield_per``), each batch's photos with one
more query, and every batch goes straight into both files: the csv module writes to disk, and
openpyxl's write-only workbook spools rows to a temporary file. Memory stays flat whatever the
size of the catalogue.

Column headers are fixed Indonesian, as in the upload templates, whatever the staff member's
language; so are the yes/no values. The NIK is left out: the catalogue does not need it.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import IO, Self

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from sqlalchemy import RowMapping, func, select

from models.catalog import Catalog
from models.entities import Product, ProductPhoto, User, Vendor
from models.services.access import REVIEWERS, AccessService
from models.status import Status
from models.units import Scope
from models.uow import UnitOfWork

BATCH = 500
APPROVED = Status.APPROVED.value

COLUMNS: tuple[tuple[str, int], ...] = (
    ("ID Produk", 10),
    ("Etalase/Kategori", 24),
    ("Nama Produk", 32),
    ("Spesifikasi", 48),
    ("Merek", 16),
    ("Harga Satuan (Rp)", 16),
    ("Satuan", 10),
    ("Minimal Pembelian", 12),
    ("Kapasitas per Bulan", 12),
    ("Produk Dalam Negeri (PDN)", 12),
    ("Nilai TKDN (%)", 10),
    ("Nomor SNI", 16),
    ("Kode KBKI", 12),
    ("Waktu Pengiriman (hari)", 12),
    ("Foto Produk", 40),
    ("ID Penyedia", 10),
    ("Nama Usaha", 28),
    ("Nama Pemilik", 24),
    ("NIB", 16),
    ("NPWP", 18),
    ("KBLI", 16),
    ("Skala Usaha", 12),
    ("Kecamatan", 16),
    ("Kelurahan/Desa", 18),
    ("Alamat", 40),
    ("Nomor HP", 16),
    ("Email", 28),
)
"""Header and XLSX column width of every column, in order."""

APPROVED_ROWS = (
    select(
        Product.id.label("product_id"),
        Product.etalase_code.label("product_etalase"),
        Product.name,
        Product.description,
        Product.brand,
        Product.price,
        Product.unit,
        Product.min_order,
        Product.capacity,
        Product.domestic,
        Product.tkdn_bp,
        Product.sni_number,
        Product.kbki_code,
        Product.lead_time_days,
        Vendor.id.label("vendor_id"),
        Vendor.business_name,
        Vendor.owner_name,
        Vendor.nib,
        Vendor.npwp,
        Vendor.kbli,
        Vendor.scale,
        Vendor.kecamatan_code,
        Vendor.kelurahan_code,
        Vendor.address,
        Vendor.phone,
        Vendor.email,
    )
    .join(Vendor, Vendor.id == Product.vendor_id)
    .where(Product.status == APPROVED, Vendor.status == APPROVED)
    .order_by(Vendor.id, Product.id)
)
"""Approved products of approved vendors, grouped by vendor."""

CSV_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""A spreadsheet opening the CSV would run a cell starting with these as a formula."""

Cell = str | int | float | None


@dataclass(frozen=True, slots=True)
class ExportFiles:
    csv: Path
    xlsx: Path
    rows: int

    @property
    def paths(self) -> list[Path]:
        return [self.csv, self.xlsx]


def export_basename(now: datetime, unit: str | None = None) -> str:
    """File name without extension: ``katalog-umkm-20260512-0930`` (``now`` in local time), or
    ``katalog-umkm-3573-20260512-0930`` for one unit."""
    of_unit = f"{unit.replace('.', '')}-" if unit else ""
    return f"katalog-umkm-{of_unit}{now:%Y%m%d-%H%M}"


class ExportService:
    def __init__(self, uow: UnitOfWork, access: AccessService, catalog: Catalog) -> None:
        self._uow = uow
        self._access = access
        self._catalog = catalog

    async def upper_bound(self, actor: User | None, unit: str | None = None) -> int:
        """The most rows an export can have: the approved products, counted on the status
        index alone (checking each one's vendor too reads the table: half a second at a million
        products). ``actor`` None means the command line on the server."""
        scope = await self._scope(actor, unit)
        query = (
            select(func.count())
            .select_from(Product)
            .where(Product.status == APPROVED, scope.where(Product.regency_code))
        )
        return (await self._uow.session.scalar(query)) or 0

    async def write(
        self, actor: User | None, directory: Path, basename: str, unit: str | None = None
    ) -> ExportFiles:
        """Writes ``<basename>.csv`` and ``<basename>.xlsx`` into ``directory`` (made if needed):
        the products of the units the actor reviews, or of ``unit``."""
        scope = await self._scope(actor, unit)
        names = _Names(self._catalog)
        rows = 0
        query = APPROVED_ROWS.where(scope.where(Vendor.regency_code))
        with _Writers(directory / f"{basename}.csv", directory / f"{basename}.xlsx") as writers:
            result = await self._uow.session.stream(query.execution_options(yield_per=BATCH))
            async for batch in result.mappings().partitions():
                photos = await self._photos([row["product_id"] for row in batch])
                writers.write(_values(row, photos[row["product_id"]], names) for row in batch)
                rows += len(batch)
        return ExportFiles(writers.csv_path, writers.xlsx_path, rows)

    async def _scope(self, actor: User | None, unit: str | None) -> Scope:
        if actor is None:
            return self._access.server_scope(unit)
        return await self._access.scope(actor, REVIEWERS, unit)

    async def _photos(self, product_ids: list[int]) -> defaultdict[int, list[str]]:
        """Stored photo paths (relative to the media folder) of a batch, in their order."""
        query = (
            select(ProductPhoto.product_id, ProductPhoto.stored_path)
            .where(ProductPhoto.product_id.in_(product_ids))
            .order_by(ProductPhoto.product_id, ProductPhoto.position)
        )
        photos: defaultdict[int, list[str]] = defaultdict(list)
        for product_id, path in await self._uow.session.execute(query):
            photos[product_id].append(path)
        return photos


class _Names:
    """Names of the catalogue's etalase and regions by code (a code is kept if unknown)."""

    def __init__(self, catalog: Catalog) -> None:
        self._etalase = {etalase.code: etalase.name_id for etalase in catalog.etalase}
        self._catalog = catalog

    def etalase(self, code: str | None) -> str | None:
        return self._etalase.get(code, code) if code else None

    def region(self, code: str | None) -> str | None:
        """A kabupaten/kota's, a kecamatan's or a desa/kelurahan's name."""
        return (self._catalog.place_name(code) or code) if code else None


def _values(row: RowMapping, photos: list[str], names: _Names) -> list[Cell]:
    """One product's cells, in the order of :data:`COLUMNS`."""
    return [
        row["product_id"],
        names.etalase(row["product_etalase"]),
        row["name"],
        row["description"],
        row["brand"],
        row["price"],
        row["unit"],
        row["min_order"],
        row["capacity"],
        None if row["domestic"] is None else ("Ya" if row["domestic"] else "Tidak"),
        None if row["tkdn_bp"] is None else row["tkdn_bp"] / 100,
        row["sni_number"],
        row["kbki_code"],
        row["lead_time_days"],
        "; ".join(photos),
        row["vendor_id"],
        row["business_name"],
        row["owner_name"],
        row["nib"],
        row["npwp"],
        ", ".join(row["kbli"] or []),
        row["scale"].capitalize() if row["scale"] else None,
        names.region(row["kecamatan_code"]),
        names.region(row["kelurahan_code"]),
        row["address"],
        _national_phone(row["phone"]),
        row["email"],
    ]


def _national_phone(phone: str | None) -> str | None:
    """``+6281234567890`` as forms in Indonesia write it: ``081234567890``."""
    if phone and phone.startswith("+62"):
        return f"0{phone[3:]}"
    return phone


class _Writers:
    """The CSV and the XLSX file, written side by side; the XLSX is saved on a clean exit."""

    def __init__(self, csv_path: Path, xlsx_path: Path) -> None:
        self.csv_path = csv_path
        self.xlsx_path = xlsx_path
        self._csv_file: IO[str]
        self._book = Workbook(write_only=True)
        self._sheet = self._book.create_sheet("Produk")

    def __enter__(self) -> Self:
        self.csv_path.parent.mkdir(parents=True, exist_ok=True)
        # utf-8-sig: Excel reads the file as UTF-8 only with the byte order mark.
        self._csv_file = self.csv_path.open("w", newline="", encoding="utf-8-sig")
        self._csv = csv.writer(self._csv_file)
        self._csv.writerow(header for header, _ in COLUMNS)
        for index, (_, width) in enumerate(COLUMNS, start=1):
            self._sheet.column_dimensions[get_column_letter(index)].width = width
        self._sheet.freeze_panes = "A2"
        self._sheet.append([self._bold(header) for header, _ in COLUMNS])
        return self

    def write(self, rows: Iterable[list[Cell]]) -> None:
        for values in rows:
            self._csv.writerow(_csv_safe(value) for value in values)
            self._sheet.append([self._text_safe(value) for value in values])

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._csv_file.close()
        if exc is None:
            self._book.save(self.xlsx_path)

    def _bold(self, text: str) -> WriteOnlyCell:
        cell = WriteOnlyCell(self._sheet, value=text)
        cell.font = Font(bold=True)
        return cell

    def _text_safe(self, value: Cell) -> Cell | WriteOnlyCell:
        """openpyxl stores a string starting with "=" as a formula; a vendor's text never is."""
        if isinstance(value, str) and value.startswith("="):
            cell = WriteOnlyCell(self._sheet, value=value)
            cell.data_type = "s"
            return cell
        return value


def _csv_safe(value: Cell) -> Cell:
    """Text a spreadsheet would run as a formula gets a leading apostrophe (OWASP's advice)."""
    if isinstance(value, str) and value.startswith(CSV_FORMULA_START):
        return f"'{value}"
    return value
