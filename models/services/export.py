"""The catalogue export: one row per approved product with its vendor's data, as CSV and XLSX,
laid out like an e-Katalog (v6) or Jatim Bejo product upload: product columns, then the vendor's.

It streams. Rows come from the database in batches (``yield_per``, plain Core rows), each
batch's photos with one more query, and every batch goes straight into both files, in a thread
while the next batch is read: the csv module writes to disk, and :mod:`models.services.xlsx`
writes the sheet straight into its zip archive. Memory stays flat whatever the size of the
catalogue, and the event loop keeps answering other chats.

Column headers are fixed Indonesian, as in the upload templates, whatever the staff member's
language; so are the yes/no values. The NIK is left out: the catalogue does not need it.
"""

from __future__ import annotations

import asyncio
import csv
import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import IO, Self

from sqlalchemy import RowMapping, String, func, select, type_coerce
from sqlalchemy.ext.asyncio import AsyncConnection

from models.catalog import Catalog
from models.crypto import installed_keyring
from models.entities import Product, ProductPhoto, User, Vendor
from models.services.access import REVIEWERS, AccessService
from models.services.xlsx import Cell, XlsxStream
from models.status import Status
from models.units import Scope
from models.uow import UnitOfWork

BATCH = 2000
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
        type_coerce(Vendor.npwp, String).label("npwp"),  # decrypted once per vendor
        type_coerce(Vendor.kbli, String).label("kbli"),  # read once per vendor
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

CSV_FORMULA_START = frozenset("=+-@\t\r")
"""A spreadsheet opening the CSV would run a cell starting with these as a formula."""


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
        self._npwp: tuple[int, str | None] = (0, None)

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
        # Core rows, not ORM ones: a third of the time per row.
        connection = await self._uow.session.connection()
        with _Writers(directory / f"{basename}.csv", directory / f"{basename}.xlsx") as writers:
            writing: asyncio.Future[None] | None = None
            try:
                result = await connection.stream(query.execution_options(yield_per=BATCH))
                async for batch in result.mappings().partitions(BATCH):
                    photos = await self._photos(connection, [row["product_id"] for row in batch])
                    if writing is not None:
                        await writing
                    # In a thread, while the next batch is read: other chats are answered
                    # meanwhile, and the database and the files each get a CPU.
                    writing = asyncio.ensure_future(
                        asyncio.to_thread(_write_batch, writers, batch, photos, names)
                    )
                    rows += len(batch)
            finally:
                if writing is not None:  # never close the files under a running write
                    await asyncio.wait([writing])
            if writing is not None:
                writing.result()
        return ExportFiles(writers.csv_path, writers.xlsx_path, rows)

    async def _scope(self, actor: User | None, unit: str | None) -> Scope:
        if actor is None:
            return self._access.server_scope(unit)
        return await self._access.scope(actor, REVIEWERS, unit)

    async def _photos(
        self, connection: AsyncConnection, product_ids: list[int]
    ) -> defaultdict[int, list[str]]:
        """Stored photo paths (relative to the media folder) of a batch, in their order."""
        query = (
            select(ProductPhoto.product_id, ProductPhoto.stored_path)
            .where(ProductPhoto.product_id.in_(product_ids))
            .order_by(ProductPhoto.product_id, ProductPhoto.position)
        )
        photos: defaultdict[int, list[str]] = defaultdict(list)
        for product_id, path in await connection.execute(query):
            photos[product_id].append(path)
        return photos


class _Names:
    """Names of the catalogue's etalase and regions by code (a code is kept if unknown)."""

    def __init__(self, catalog: Catalog) -> None:
        self._etalase = {etalase.code: etalase.name_id for etalase in catalog.etalase}
        self._catalog = catalog
        self._vendor: tuple[int, str | None, str] = (0, None, "")

    def vendor(self, row: RowMapping) -> tuple[str | None, str]:
        """The vendor's NPWP (decrypted) and KBLI (read from JSON), worked out once for all of
        their products: rows come vendor by vendor."""
        if self._vendor[0] != row["vendor_id"]:
            token = row["npwp"]
            npwp = installed_keyring().decrypt(token) if token else None
            codes = row["kbli"]
            kbli = ", ".join(json.loads(codes) if isinstance(codes, str) else codes or [])
            self._vendor = (row["vendor_id"], npwp, kbli)
        return self._vendor[1], self._vendor[2]

    def etalase(self, code: str | None) -> str | None:
        return self._etalase.get(code, code) if code else None

    def region(self, code: str | None) -> str | None:
        """A kabupaten/kota's, a kecamatan's or a desa/kelurahan's name."""
        return (self._catalog.place_name(code) or code) if code else None


def _write_batch(
    writers: _Writers,
    batch: Sequence[RowMapping],
    photos: defaultdict[int, list[str]],
    names: _Names,
) -> None:
    writers.write([_values(row, photos[row["product_id"]], names) for row in batch])


def _values(row: RowMapping, photos: list[str], names: _Names) -> list[Cell]:
    """One product's cells, in the order of :data:`COLUMNS`."""
    npwp, kbli = names.vendor(row)
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
        npwp,
        kbli,
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
    """The CSV and the XLSX file, written side by side; the XLSX is completed on a clean exit."""

    def __init__(self, csv_path: Path, xlsx_path: Path) -> None:
        self.csv_path = csv_path
        self.xlsx_path = xlsx_path
        self._csv_file: IO[str]
        headers = [header for header, _ in COLUMNS]
        self._xlsx = XlsxStream(xlsx_path, "Produk", headers, [width for _, width in COLUMNS])

    def __enter__(self) -> Self:
        self.csv_path.parent.mkdir(parents=True, exist_ok=True)
        # utf-8-sig: Excel reads the file as UTF-8 only with the byte order mark.
        self._csv_file = self.csv_path.open("w", newline="", encoding="utf-8-sig")
        self._csv = csv.writer(self._csv_file)
        self._csv.writerow(header for header, _ in COLUMNS)
        self._xlsx.__enter__()
        return self

    def write(self, rows: list[list[Cell]]) -> None:
        self._csv.writerows(
            [f"'{v}" if type(v) is str and v[:1] in CSV_FORMULA_START else v for v in values]
            for values in rows
        )
        self._xlsx.append_all(rows)

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._csv_file.close()
        self._xlsx.__exit__(exc_type, exc, traceback)
