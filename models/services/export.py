"""The catalogue export: one row per approved product with its vendor's data, as CSV and XLSX,
laid out like an e-Katalog (v6) or Jatim Bejo product upload: product columns, then the vendor's.

It streams. Rows come from the database in batches (``yield_per``, plain Core rows unpacked
by position), each with its photos joined in the database, and every batch goes straight into
both files, in a thread while the next batch is read: the csv module writes to disk, and
:mod:`models.services.xlsx` writes the sheet straight into its zip archive. Memory stays flat
whatever the size of the catalogue, and the event loop keeps answering other chats.

Column headers are fixed Indonesian, as in the upload templates, whatever the staff member's
language; so are the yes/no values. The NIK is left out: the catalogue does not need it.
"""

from __future__ import annotations

import asyncio
import csv
import json
import time
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import IO, Any, Self

from sqlalchemy import (
    Row,
    ScalarSelect,
    Select,
    String,
    func,
    literal,
    select,
    text,
    tuple_,
    type_coerce,
)
from sqlalchemy.dialects.postgresql import aggregate_order_by
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
"""Approved products of approved vendors, grouped by vendor; :func:`photo_paths` is added as
the last column. :func:`_values` unpacks the row in this order."""
VENDOR_ID_COLUMN = 14

PHOTO_SEPARATOR = "; "


def photo_paths(dialect: str) -> ScalarSelect[str]:
    """A product's stored photo paths (relative to the media folder) in their order, joined by
    :data:`PHOTO_SEPARATOR`, as a column of the product's row: one index lookup in the
    database instead of a second query and a Python dictionary per batch. SQLite before 3.44
    has no ``ORDER BY`` inside an aggregate; it concatenates a sorted subquery in its order
    (an aggregate's sorted subquery is never flattened)."""
    if dialect == "postgresql":
        paths = aggregate_order_by(literal(PHOTO_SEPARATOR), ProductPhoto.position)
        return (
            select(func.string_agg(ProductPhoto.stored_path, paths))
            .where(ProductPhoto.product_id == Product.id)
            .scalar_subquery()
        )
    ordered = (
        select(ProductPhoto.stored_path)
        .where(ProductPhoto.product_id == Product.id)
        .order_by(ProductPhoto.position)
        .subquery()
    )
    return select(func.group_concat(ordered.c.stored_path, PHOTO_SEPARATOR)).scalar_subquery()


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
        # Core rows, not ORM ones: a third of the time per row.
        connection = await self._uow.session.connection()
        photos = photo_paths(connection.dialect.name).label("photos")
        query = APPROVED_ROWS.add_columns(photos).where(scope.where(Vendor.regency_code))
        with _Writers(directory / f"{basename}.csv", directory / f"{basename}.xlsx") as writers:
            writing: asyncio.Future[None] | None = None
            try:
                async for batch in batches(connection, query):
                    if writing is not None:
                        await writing
                    # In a thread, while the next batch is read: other chats are answered
                    # meanwhile, and the database and the files each get a CPU.
                    writing = asyncio.ensure_future(
                        asyncio.to_thread(_write_batch, writers, batch, names)
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


async def batches(
    connection: AsyncConnection, query: Select[Any]
) -> AsyncIterator[Sequence[Row[Any]]]:
    """The rows of ``query`` (ordered by vendor and product) in batches of :data:`BATCH`.

    On PostgreSQL each batch is a query of its own, starting after the last key of the one
    before (:func:`after`, read through the keys' indexes): a short query
    leaves the server's CPU to the vendors' transactions between batches, and while any of them
    is running the export waits as long as its last batch took (half the server's time). On
    SQLite one cursor streams them (a deferred transaction: the writers go on beside it).
    """
    if connection.dialect.name != "postgresql":
        result = await connection.stream(query.execution_options(yield_per=BATCH))
        async for batch in result.partitions(BATCH):
            yield batch
        return
    last: tuple[int, int] | None = None
    while True:
        page = query if last is None else after(query, last)
        started = time.perf_counter()
        batch = (await connection.execute(page.limit(BATCH))).all()
        if not batch:
            return
        took = time.perf_counter() - started
        yield batch
        last = (batch[-1][VENDOR_ID_COLUMN], batch[-1][0])
        if await connection.scalar(OTHERS_ACTIVE):
            await asyncio.sleep(took)


def after(query: Select[Any], last: tuple[int, int]) -> Select[Any]:
    """The rows of ``query`` past the key ``last``; the vendor id is also compared alone, which
    PostgreSQL starts both primary-key scans at (it does not for the pair)."""
    vendor_id = last[0]
    return query.where(
        tuple_(Vendor.id, Product.id) > last, Vendor.id >= vendor_id, Product.vendor_id >= vendor_id
    )


OTHERS_ACTIVE = text(
    "SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE datname = current_database()"
    " AND state = 'active' AND backend_type = 'client backend' AND pid <> pg_backend_pid())"
)
"""Whether another transaction (a vendor's update) is running on this database right now."""


class _Names:
    """Names of the catalogue's etalase and regions by code (a code is kept if unknown)."""

    def __init__(self, catalog: Catalog) -> None:
        self._etalase = {etalase.code: etalase.name_id for etalase in catalog.etalase}
        self._catalog = catalog
        self._vendor: tuple[int, str | None, str] = (0, None, "")

    def vendor(
        self, vendor_id: int, npwp: str | None, kbli: str | list[str] | None
    ) -> tuple[str | None, str]:
        """The vendor's NPWP (decrypted) and KBLI (read from JSON), worked out once for all of
        their products: rows come vendor by vendor."""
        if self._vendor[0] != vendor_id:
            plain = installed_keyring().decrypt(npwp) if npwp else None
            codes = json.loads(kbli) if isinstance(kbli, str) else kbli or []
            self._vendor = (vendor_id, plain, ", ".join(codes))
        return self._vendor[1], self._vendor[2]

    def etalase(self, code: str | None) -> str | None:
        return self._etalase.get(code, code) if code else None

    def region(self, code: str | None) -> str | None:
        """A kabupaten/kota's, a kecamatan's or a desa/kelurahan's name."""
        return (self._catalog.place_name(code) or code) if code else None


def _write_batch(writers: _Writers, batch: Sequence[Sequence[Any]], names: _Names) -> None:
    writers.write([_values(row, names) for row in batch])


def _values(row: Sequence[Any], names: _Names) -> list[Cell]:
    """One product's cells, in the order of :data:`COLUMNS`."""
    (
        product_id,
        etalase,
        name,
        description,
        brand,
        price,
        unit,
        min_order,
        capacity,
        domestic,
        tkdn_bp,
        sni_number,
        kbki_code,
        lead_time_days,
        vendor_id,
        business_name,
        owner_name,
        nib,
        npwp,
        kbli,
        scale,
        kecamatan_code,
        kelurahan_code,
        address,
        phone,
        email,
        photos,
    ) = row  # unpacked by position: a tenth of the time of reading each by name
    npwp, kbli = names.vendor(vendor_id, npwp, kbli)
    return [
        product_id,
        names.etalase(etalase),
        name,
        description,
        brand,
        price,
        unit,
        min_order,
        capacity,
        None if domestic is None else ("Ya" if domestic else "Tidak"),
        None if tkdn_bp is None else tkdn_bp / 100,
        sni_number,
        kbki_code,
        lead_time_days,
        photos or "",
        vendor_id,
        business_name,
        owner_name,
        nib,
        npwp,
        kbli,
        scale.capitalize() if scale else None,
        names.region(kecamatan_code),
        names.region(kelurahan_code),
        address,
        _national_phone(phone),
        email,
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
