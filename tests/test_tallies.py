"""The statistics' tallies, kept by database triggers, always sum to the counts of the rows
themselves, whatever changed them, and folding them changes no sum."""

from __future__ import annotations

import random
from collections.abc import AsyncIterator
from typing import Any

import pytest
from sqlalchemy import FromClause, delete, func, select, update

from models.db import create_engine, session_factory
from models.entities import Product, ProductTally, Vendor, VendorPlaceTally, VendorTally
from models.status import Status
from models.uow import UnitOfWork, UnitOfWorkFactory
from tests.support.catalog_data import BUMIAJI, JUNREJO, CatalogData
from tests.support.clock import FakeClock

BATU_KECAMATAN = (BUMIAJI, JUNREJO)
MALANG_KECAMATAN = ("35.73.01", "35.73.02")
ETALASE = ("makanan-minuman", "jasa-boga", None)


@pytest.fixture
async def uow_factory(database_url: str) -> AsyncIterator[UnitOfWorkFactory]:
    engine = create_engine(database_url)
    yield UnitOfWorkFactory(session_factory(engine))
    await engine.dispose()


async def grouped(
    uow: UnitOfWork, source: FromClause, key: list[str], values: list[Any]
) -> set[Any]:
    columns = [source.c[name] for name in key]
    query = select(*columns, *values).group_by(*columns)
    return {tuple(row) for row in await uow.session.execute(query) if any(row[len(key) :])}


async def tallied(uow: UnitOfWork, tally: Any, key: list[str], counts: list[str]) -> set[Any]:
    table = tally.__table__
    return await grouped(uow, table, key, [func.sum(table.c[name]) for name in counts])


async def assert_tallies_match(uow: UnitOfWork) -> None:
    vendor, product = Vendor.__table__, Product.__table__
    submitted = func.count(vendor.c.submitted_at)
    by_etalase = ["regency_code", "status", "etalase_code"]
    assert await tallied(
        uow, VendorTally, by_etalase, ["registrations", "submitted"]
    ) == await grouped(uow, vendor, by_etalase, [func.count(), submitted])
    by_place = ["regency_code", "status", "kecamatan_code"]
    assert await tallied(uow, VendorPlaceTally, by_place, ["registrations"]) == await grouped(
        uow, vendor, by_place, [func.count()]
    )
    products = ["regency_code", "etalase_code", "status"]
    assert await tallied(uow, ProductTally, products, ["products"]) == await grouped(
        uow, product, products, [func.count()]
    )


async def rows(uow: UnitOfWork, tally: Any) -> int:
    return (await uow.session.scalar(select(func.count()).select_from(tally))) or 0


async def test_every_kind_of_change_is_tallied_and_folding_keeps_the_sums(
    uow_factory: UnitOfWorkFactory, clock: FakeClock
) -> None:
    rng = random.Random(16)
    async with uow_factory() as uow:
        data = CatalogData(uow, clock)
        vendors = []
        for number in range(12):
            kecamatan = rng.choice(BATU_KECAMATAN + MALANG_KECAMATAN)
            vendor = await data.vendor(
                str(number), f"Usaha {number}", kecamatan_code=kecamatan, etalase_code=None
            )
            vendors.append(vendor)
            for name in range(rng.randrange(3)):
                await data.product(vendor, f"produk-{number}-{name}")
        await uow.session.flush()
        await assert_tallies_match(uow)

        for vendor in vendors[:8]:  # through the lifecycle, as the review does
            data.submit(vendor)
            data.decide(vendor, rng.choice([Status.APPROVED, Status.NEEDS_FIX]), after_hours=1)
        for vendor in vendors[::3]:  # a form's answers, an etalase picked
            vendor.etalase_code = rng.choice(ETALASE)
            vendor.owner_name = "Budi"  # not counted: no change to any tally
        await uow.session.flush()
        await uow.session.execute(  # a bulk statement, as an erasure or the purge writes
            update(Product).where(Product.vendor_id == vendors[0].id).values(status="submitted")
        )
        vendors[1].regency_code, vendors[1].kecamatan_code = "35.73", MALANG_KECAMATAN[0]
        await uow.session.flush()
        await uow.session.execute(delete(Vendor).where(Vendor.id == vendors[2].id))  # cascades
        await uow.session.delete(vendors[3])
        await uow.session.flush()
        await assert_tallies_match(uow)
        await uow.commit()

    async with uow_factory() as uow:
        before = await rows(uow, ProductTally)
        removed = await uow.tallies.compact()
        await uow.commit()
    assert removed > 0
    async with uow_factory() as uow:
        await assert_tallies_match(uow)
        assert await rows(uow, ProductTally) < before
        products = ["regency_code", "etalase_code", "status"]
        keys = await tallied(uow, ProductTally, products, ["products"])
        assert await rows(uow, ProductTally) == len(keys)  # one row per key, none summing to 0
        assert await uow.tallies.compact() == 0  # folded already


async def test_a_tally_that_sums_to_zero_folds_to_no_row(
    uow_factory: UnitOfWorkFactory, clock: FakeClock
) -> None:
    async with uow_factory() as uow:
        vendor = await CatalogData(uow, clock).vendor("1", "Keripik Apel")
        await uow.session.flush()
        await uow.session.delete(vendor)
        await uow.commit()
    async with uow_factory() as uow:
        assert await rows(uow, VendorTally) == 2  # +1, then -1
        await uow.tallies.compact()
        await uow.commit()
    async with uow_factory() as uow:
        assert await rows(uow, VendorTally) == 0
        assert await rows(uow, VendorPlaceTally) == 0
