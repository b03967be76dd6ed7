"""Search, statistics and export queries against a real migrated database."""

from __future__ import annotations

import csv
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook

from handlers.context import Flow
from handlers.registration.steps import RegistrationStep
from models.catalog import load_catalog
from models.db import create_engine, session_factory
from models.entities import User
from models.errors import NotPermitted
from models.services import export as export_module
from models.services import search as search_module
from models.services.access import AccessService, Role
from models.services.export import COLUMNS, ExportService
from models.services.search import SearchService
from models.services.stats import (
    CONSENT_STEP,
    REGISTRATION_FLOW,
    DropOff,
    EtalaseCount,
    Funnel,
    PlaceCount,
    StatsService,
)
from models.status import Status
from models.uow import UnitOfWork, UnitOfWorkFactory
from tests.support.catalog_data import BUMIAJI, JUNREJO, MAKANAN, CatalogData
from tests.support.clock import FakeClock

HEADERS = [header for header, _ in COLUMNS]
BOGA = "jasa-boga"


@pytest.fixture
async def uow(database_url: str) -> AsyncIterator[UnitOfWork]:
    engine = create_engine(database_url)
    async with UnitOfWorkFactory(session_factory(engine))() as unit:
        yield unit
    await engine.dispose()


@pytest.fixture
def access(uow: UnitOfWork, clock: FakeClock) -> AccessService:
    return AccessService(uow, clock, {"admin"})


@pytest.fixture
def data(uow: UnitOfWork, clock: FakeClock) -> CatalogData:
    return CatalogData(uow, clock)


@pytest.fixture
async def staff(data: CatalogData, access: AccessService) -> User:
    admin = await data.person("admin")
    await access.bootstrap(admin, "telegram", "admin")
    return admin


# --- search --------------------------------------------------------------------------------


async def test_search_tolerates_typos_and_ranks_the_closest_first(
    data: CatalogData, access: AccessService, uow: UnitOfWork, staff: User
) -> None:
    siti = await data.vendor("1", "Keripik Apel Bu Siti")
    await data.vendor("2", "Apel Malang Segar", owner="Rina Wati")
    await data.vendor("3", "Batik Budi", owner="Budi Santoso")
    await data.vendor("4", None, owner="Sulastri", step="business_name")
    search = SearchService(uow, access)

    found = await search.vendors(staff, "kripik apel")
    assert [hit.vendor_id for hit in found.hits] == [siti.id]  # every word must match
    assert found.total == 1 and found.complete
    assert [hit.business_name for hit in (await search.vendors(staff, "apel")).hits] == [
        "Apel Malang Segar",  # the newest first among equals
        "Keripik Apel Bu Siti",
    ]
    assert [hit.business_name for hit in (await search.vendors(staff, "budi santoso")).hits] == [
        "Batik Budi"
    ]
    assert [hit.owner_name for hit in (await search.vendors(staff, "sulastri")).hits] == [
        "Sulastri"
    ]
    assert (await search.vendors(staff, "tenun ikat")).hits == []
    assert (await search.vendors(staff, "  ?! ")).hits == []


async def test_search_matches_numbers_exactly_however_typed(
    data: CatalogData, access: AccessService, uow: UnitOfWork, staff: User
) -> None:
    siti = await data.vendor(
        "1",
        "Keripik Apel Bu Siti",
        nik="3579014101850001",
        nib="9120001234567",
        phone="+6281234567890",
    )
    await data.vendor("2", "Batik Budi", nik="3579014101850002", phone="+6281299990000")
    search = SearchService(uow, access)
    for typed in (
        "3579 0141 0185 0001",
        "9120001234567",
        "0812-3456-7890",
        "+62 812 3456 7890",
        "6281234567890",
        "81234567890",
    ):
        found = await search.vendors(staff, typed)
        assert [hit.vendor_id for hit in found.hits] == [siti.id], typed
    assert (await search.vendors(staff, "3579014101850009")).hits == []


async def test_search_shows_the_best_and_counts_the_rest(
    data: CatalogData,
    access: AccessService,
    uow: UnitOfWork,
    staff: User,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for number in range(12):
        await data.vendor(str(number), f"Keripik Tempe {number}")
    await data.vendor("batik", "Batik Budi", owner="Budi Santoso")
    search = SearchService(uow, access)
    found = await search.vendors(staff, "keripik tempe", limit=5)
    assert len(found.hits) == 5 and found.total == 12 and found.complete

    monkeypatch.setattr(search_module, "CANDIDATES", 8)
    found = await search.vendors(staff, "keripik tempe", limit=5)
    assert found.total == 8 and not found.complete  # at least 8: the candidates ran out
    found = await search.vendors(staff, "batik")
    assert found.total == 1 and found.complete


# --- statistics ----------------------------------------------------------------------------


async def test_statistics_count_statuses_funnel_drop_off_and_places(
    data: CatalogData, access: AccessService, uow: UnitOfWork, staff: User
) -> None:
    reviewer = await data.person("reviewer")
    await access.grant(None, reviewer, Role.REVIEWER)
    await data.person("just-said-hello")
    await data.person("saw-the-notice", flow=REGISTRATION_FLOW, step="consent")
    await data.vendor("at-nik", None, step="nik")
    await data.vendor("left-the-form", "Tenun Ikat", step=None)
    await data.vendor("at-summary", "Dodol Bu Rini")
    data.submit(await data.vendor("waiting", "Batik Budi", kecamatan_code=JUNREJO))
    data.submit(await data.vendor("sent", "Sari Apel"))
    approved = await data.vendor("approved", "Keripik Apel Bu Siti")
    await data.approved(approved)
    for name in ("Keripik Original", "Keripik Pedas"):
        await data.approved(await data.product(approved, name))
    data.submit(await data.product(approved, "Dodol Apel"))
    await data.product(approved, "Cuka Apel")
    await uow.session.flush()

    stats = await StatsService(uow, access).overview(staff)

    assert stats.vendors_by_status == {"draft": 3, "submitted": 2, "approved": 1}
    assert stats.products_by_status == {"draft": 1, "submitted": 1, "approved": 2}
    assert stats.funnel == Funnel(started=8, opened=7, consented=6, submitted=3, approved=1)
    assert sorted(stats.drop_off, key=lambda entry: entry.step or "") == [
        DropOff(None, 1),
        DropOff("consent", 1),
        DropOff("nik", 1),
        DropOff("summary", 1),
    ]
    assert stats.by_etalase == [EtalaseCount(MAKANAN, registered=3, approved=1, products=4)]
    assert stats.by_kecamatan == [PlaceCount(BUMIAJI, 2, 1), PlaceCount(JUNREJO, 1, 0)]


async def test_statistics_split_statuses_across_etalase_and_kecamatan(
    data: CatalogData, access: AccessService, uow: UnitOfWork, staff: User
) -> None:
    # Vendors and products are each counted in one pass grouped by status and place; the
    # totals by status, by etalase and by kecamatan are summed from those groups.
    siti = await data.vendor("siti", "Keripik Apel Bu Siti")
    await data.approved(siti)
    budi = await data.vendor("budi", "Catering Budi", etalase_code=BOGA, kecamatan_code=JUNREJO)
    data.submit(budi)
    data.decide(budi, Status.REJECTED, after_hours=2)
    rina = await data.vendor("rina", "Nasi Kotak Rina", etalase_code=BOGA)
    await data.approved(rina)
    await data.vendor("draft", "Tumpeng Bu Ani", etalase_code=BOGA, kecamatan_code=JUNREJO)
    await data.approved(await data.product(siti, "Keripik Original"))
    for name in ("Nasi Kotak", "Tumpeng Mini", "Snack Box"):
        product = await data.product(rina, name)
        product.etalase_code = BOGA
        if name == "Nasi Kotak":
            await data.approved(product)
        elif name == "Tumpeng Mini":
            data.submit(product)
    await uow.session.flush()

    stats = await StatsService(uow, access).overview(staff)

    assert stats.vendors_by_status == {"draft": 1, "approved": 2, "rejected": 1}
    assert stats.products_by_status == {"draft": 1, "submitted": 1, "approved": 2}
    assert stats.funnel == Funnel(started=4, opened=4, consented=4, submitted=3, approved=2)
    assert stats.by_etalase == [
        EtalaseCount(BOGA, registered=2, approved=1, products=3),
        EtalaseCount(MAKANAN, registered=1, approved=1, products=1),
    ]
    assert stats.by_kecamatan == [PlaceCount(BUMIAJI, 2, 2), PlaceCount(JUNREJO, 1, 0)]


def test_the_flow_and_step_names_match_the_registration_form() -> None:
    assert REGISTRATION_FLOW == Flow.REGISTRATION
    assert CONSENT_STEP == RegistrationStep.CONSENT


async def test_review_time_is_the_median_from_each_submission_to_its_decision(
    data: CatalogData, access: AccessService, uow: UnitOfWork, staff: User
) -> None:
    fixed = await data.vendor("fixed", "Batik Budi")
    data.submit(fixed)
    data.decide(fixed, Status.NEEDS_FIX, after_hours=10)
    data.clock.advance(hours=24)
    data.submit(fixed)
    data.decide(fixed, Status.APPROVED, after_hours=1)
    rejected = await data.vendor("rejected", "Tenun Ikat")
    data.submit(rejected)
    data.decide(rejected, Status.REJECTED, after_hours=4)
    await uow.session.flush()

    stats = await StatsService(uow, access).overview(staff)

    assert stats.vendor_review.median == timedelta(hours=4)
    assert stats.vendor_review.decisions == 3
    assert stats.product_review.median is None and stats.product_review.decisions == 0


# --- export --------------------------------------------------------------------------------


async def test_export_streams_approved_products_of_approved_vendors(
    data: CatalogData,
    access: AccessService,
    uow: UnitOfWork,
    staff: User,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(export_module, "BATCH", 2)  # several batches from five products
    siti = await data.vendor("siti", "Keripik Apel Bu Siti", phone="+6281234567890")
    await data.approved(siti)
    budi = await data.vendor("budi", "Batik Budi")
    await data.approved(budi)
    waiting = await data.vendor("waiting", "Tenun Ikat")
    data.submit(waiting)
    await data.approved(await data.product(siti, "Keripik Original", photos=(2, 1)))
    await data.approved(await data.product(siti, '=HYPERLINK("http://x")'))
    await data.approved(await data.product(budi, "Batik Tulis"))
    await data.approved(await data.product(budi, "Batik Cap"))
    await data.approved(await data.product(waiting, "Tenun Sarung"))
    data.submit(await data.product(siti, "Dodol Apel"))
    await uow.session.flush()
    export = ExportService(uow, access, load_catalog())

    assert await export.upper_bound(staff) == 5  # Tenun Sarung's vendor is not approved
    files = await export.write(staff, tmp_path / "out", "katalog")

    assert files.rows == 4
    assert [path.name for path in files.paths] == ["katalog.csv", "katalog.xlsx"]
    with files.csv.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.DictReader(file))
    assert [row["Nama Produk"] for row in rows] == [
        "Keripik Original",
        '\'=HYPERLINK("http://x")',
        "Batik Tulis",
        "Batik Cap",
    ]
    first = rows[0]
    assert (
        first["Foto Produk"] == "products/Keripik Original/1.jpg; products/Keripik Original/2.jpg"
    )
    assert first["Nomor HP"] == "081234567890"
    assert first["Kecamatan"] == "Bumiaji" and first["Kelurahan/Desa"] == "Punten"
    assert first["Nilai TKDN (%)"] == "45.5" and first["Produk Dalam Negeri (PDN)"] == "Ya"

    sheet = load_workbook(files.xlsx)["Produk"]
    assert [cell.value for cell in sheet[1]] == HEADERS
    assert sheet.max_row == 5
    formula_like = sheet.cell(row=3, column=HEADERS.index("Nama Produk") + 1)
    assert formula_like.value == '=HYPERLINK("http://x")' and formula_like.data_type == "s"


# --- access --------------------------------------------------------------------------------


async def test_reports_are_refused_without_a_staff_role(
    data: CatalogData, access: AccessService, uow: UnitOfWork, tmp_path: Path
) -> None:
    vendor_user = await data.person("vendor")
    mentor = await data.person("mentor")
    await access.grant(None, mentor, Role.MENTOR)
    export = ExportService(uow, access, load_catalog())
    for outsider in (vendor_user, mentor):
        for action in (
            SearchService(uow, access).vendors(outsider, "keripik"),
            StatsService(uow, access).overview(outsider),
            export.upper_bound(outsider),
            export.write(outsider, tmp_path / "out", "katalog"),
        ):
            with pytest.raises(NotPermitted):
                await action
    assert not (tmp_path / "out").exists()
