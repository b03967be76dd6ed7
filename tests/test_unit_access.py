"""Bureau units: every staff action, checked in the service layer, for a reviewer of the item's
own unit, of another unit, and of the province.

The deployment serves Jawa Timur. Two submitted registrations, each with a submitted product:
one in Kota Malang (35.73), one in Kabupaten Malang (35.07). The reviewer of Kota Malang may act
on the first, the province on both, and nobody of Kota Malang on the second, whichever button
or command they send.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta

import pytest

from models.catalog import Catalog, load_catalog
from models.db import create_engine, session_factory
from models.entities import Product, User, Vendor
from models.errors import DomainError
from models.services.access import AccessService, Role
from models.services.broadcast import BroadcastService, Segment, SegmentKind
from models.services.disclosure import DisclosureService, SensitiveField
from models.services.export import ExportService
from models.services.invitations import InvitationService
from models.services.mentoring import MentoringRules, MentoringService
from models.services.review import ReviewService
from models.services.search import SearchService
from models.services.stats import StatsService
from models.status import Status
from models.units import Units, build_units
from models.uow import UnitOfWork, UnitOfWorkFactory
from tests.support.catalog_data import CatalogData
from tests.support.clock import FakeClock

KOTA_MALANG, KAB_MALANG = "35.73", "35.07"
KLOJEN, KLOJEN_DESA = "35.73.01", "35.73.01.1001"
KEPANJEN, KEPANJEN_DESA = "35.07.13", "35.07.13.1001"


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(served=("35",))


@pytest.fixture(scope="module")
def units(catalog: Catalog) -> Units:
    return build_units(catalog.regions, "BPBJ Provinsi Jawa Timur", "bpbj@jatimprov.go.id")


@pytest.fixture
async def uow(database_url: str) -> AsyncIterator[UnitOfWork]:
    engine = create_engine(database_url)
    async with UnitOfWorkFactory(session_factory(engine))() as unit:
        yield unit
    await engine.dispose()


@dataclass
class World:
    uow: UnitOfWork
    access: AccessService
    catalog: Catalog
    clock: FakeClock
    own: Vendor
    other: Vendor
    own_product: Product
    other_product: Product
    staff: dict[str, User]
    mentors: dict[str, User]


@pytest.fixture
async def world(uow: UnitOfWork, clock: FakeClock, catalog: Catalog, units: Units) -> World:
    data = CatalogData(uow, clock)
    access = AccessService(uow, clock, (), units)
    own = await data.vendor(
        "v1", "Keripik Tempe Klojen", kecamatan_code=KLOJEN, kelurahan_code=KLOJEN_DESA
    )
    other = await data.vendor(
        "v2", "Keripik Tempe Kepanjen", kecamatan_code=KEPANJEN, kelurahan_code=KEPANJEN_DESA
    )
    own.nik, other.nik = "3573014101850001", "3507014101850002"
    own_product = await data.product(own, "Tempe Klojen")
    other_product = await data.product(other, "Tempe Kepanjen")
    for item in (own, other, own_product, other_product):
        data.submit(item)
    staff = {
        "own": await data.person("s-own"),
        "other": await data.person("s-other"),
        "province": await data.person("s-province"),
    }
    for scope, unit in (("own", KOTA_MALANG), ("other", "35.79"), ("province", None)):
        for role in (Role.REVIEWER, Role.SUPERADMIN):
            await access.grant(None, staff[scope], role, unit)
    mentors = {"own": await data.person("m-own"), "other": await data.person("m-other")}
    await access.grant(None, mentors["own"], Role.MENTOR, KOTA_MALANG)
    await access.grant(None, mentors["other"], Role.MENTOR, "35.79")
    await uow.session.flush()
    return World(
        uow, access, catalog, clock, own, other, own_product, other_product, staff, mentors
    )


Action = Callable[[World, User], Awaitable[bool]]
"""Does one staff action on Kota Malang's items; True when it went through."""


async def queue(w: World, actor: User) -> bool:
    entries = (await ReviewService(w.uow, w.access, w.catalog, w.clock).queue(actor, 1)).entries
    assert all(entry.id not in (w.other.id, w.other_product.id) for entry in entries) or (
        actor is w.staff["province"]
    )
    return any(entry.kind == "vendor" and entry.id == w.own.id for entry in entries)


async def queue_of_unit(w: World, actor: User) -> bool:
    review = ReviewService(w.uow, w.access, w.catalog, w.clock)
    page = await review.queue(actor, 1, KOTA_MALANG)
    return {entry.id for entry in page.entries} == {w.own.id, w.own_product.id}


async def open_vendor(w: World, actor: User) -> bool:
    review = ReviewService(w.uow, w.access, w.catalog, w.clock)
    return await review.vendor(actor, w.own.id) is not None


async def open_product(w: World, actor: User) -> bool:
    review = ReviewService(w.uow, w.access, w.catalog, w.clock)
    return await review.product(actor, w.own_product.id) is not None


async def approve_vendor(w: World, actor: User) -> bool:
    review = ReviewService(w.uow, w.access, w.catalog, w.clock)
    await review.decide(actor, "vendor", w.own.id, Status.APPROVED)
    return True


async def reject_product(w: World, actor: User) -> bool:
    review = ReviewService(w.uow, w.access, w.catalog, w.clock)
    await review.decide(actor, "product", w.own_product.id, Status.REJECTED, note="Foto buram")
    return True


async def history(w: World, actor: User) -> bool:
    review = ReviewService(w.uow, w.access, w.catalog, w.clock)
    return bool(await review.history(actor, "vendor", w.own.id))


async def reveal_nik(w: World, actor: User) -> bool:
    disclosure = DisclosureService(w.uow, w.access, w.clock)
    return await disclosure.reveal(actor, w.own.id, SensitiveField.NIK) is not None


async def search_name(w: World, actor: User) -> bool:
    found = await SearchService(w.uow, w.access).vendors(actor, "keripik tempe")
    return w.own.id in {hit.vendor_id for hit in found.hits}


async def search_of_unit(w: World, actor: User) -> bool:
    found = await SearchService(w.uow, w.access).vendors(actor, "keripik tempe", unit=KOTA_MALANG)
    return [hit.vendor_id for hit in found.hits] == [w.own.id]


async def search_number(w: World, actor: User) -> bool:
    found = await SearchService(w.uow, w.access).vendors(actor, "3573014101850001")
    return [hit.vendor_id for hit in found.hits] == [w.own.id]


async def statistics(w: World, actor: User) -> bool:
    stats = await StatsService(w.uow, w.access).overview(actor, KOTA_MALANG)
    return stats.vendors_by_status == {Status.SUBMITTED.value: 1}


async def export(w: World, actor: User) -> bool:
    exporter = ExportService(w.uow, w.access, w.catalog)
    return await exporter.upper_bound(actor, KOTA_MALANG) == 0  # nothing approved yet


async def assign_mentor(w: World, actor: User) -> bool:
    await mentoring(w).assign(actor, w.own, w.mentors["own"])
    return True


async def mentor_area(w: World, actor: User) -> bool:
    await mentoring(w).add_area(actor, w.mentors["own"], KLOJEN)
    return True


async def broadcast(w: World, actor: User) -> bool:
    return await BroadcastService(w.uow, w.access).count(actor, Segment(SegmentKind.ALL)) >= 1


async def broadcast_unit(w: World, actor: User) -> bool:
    groups = await BroadcastService(w.uow, w.access).groups(actor, SegmentKind.UNIT)
    return groups.get(KOTA_MALANG) == 1


async def grant_role(w: World, actor: User) -> bool:
    newcomer = await w.access.telegram_user("newcomer")
    await w.access.grant(actor, newcomer, Role.REVIEWER, KOTA_MALANG)
    return True


async def invite_and_take(w: World, actor: User) -> bool:
    invitations = InvitationService(w.uow, w.access, w.clock, timedelta(days=7))
    _, code = await invitations.create(actor, Role.REVIEWER, KOTA_MALANG)
    newcomer = await w.access.telegram_user("invited")
    await invitations.accept(newcomer, (await invitations.opened(code)).id)
    return (Role.REVIEWER, KOTA_MALANG) in await w.access.grants(newcomer)


def mentoring(w: World) -> MentoringService:
    rules = MentoringRules(timedelta(days=3), timedelta(days=3), timedelta(hours=72))
    return MentoringService(w.uow, w.access, w.clock, rules)


ACTIONS: dict[str, Action] = {
    "/antrian": queue,
    "/antrian <unit>": queue_of_unit,
    "review.open.vendor": open_vendor,
    "review.open.product": open_product,
    "review.approveyes.vendor": approve_vendor,
    "review.reject.product": reject_product,
    "review.history": history,
    "review.reveal-nik": reveal_nik,
    "/cari <name>": search_name,
    "/cari <NIK>": search_number,
    "/cari <unit> <name>": search_of_unit,
    "/statistik <unit>": statistics,
    "/ekspor <unit>": export,
    "/pendamping <vendor>": assign_mentor,
    "/pendamping wilayah": mentor_area,
    "/siaran": broadcast,
    "/siaran by unit": broadcast_unit,
    "/peran tambah <unit>": grant_role,
    "/peran undang <unit>": invite_and_take,
}


@pytest.mark.parametrize("scope", ["own", "other", "province"])
@pytest.mark.parametrize("action", list(ACTIONS))
async def test_every_staff_action_is_limited_to_the_unit(
    world: World, action: str, scope: str
) -> None:
    try:
        allowed = await ACTIONS[action](world, world.staff[scope])
    except DomainError:
        allowed = False
    assert allowed is (scope != "other"), f"{action} by a reviewer of the {scope} unit"


async def test_a_unit_reviewer_never_sees_the_other_unit(world: World) -> None:
    own = world.staff["own"]
    review = ReviewService(world.uow, world.access, world.catalog, world.clock)
    assert await review.vendor(own, world.other.id) is None
    assert await review.product(own, world.other_product.id) is None
    with pytest.raises(DomainError):
        await review.decide(own, "vendor", world.other.id, Status.APPROVED)
    with pytest.raises(DomainError):
        await review.queue(own, 1, KAB_MALANG)
    page = await review.queue(world.staff["province"], 1, KAB_MALANG)
    assert {entry.id for entry in page.entries} == {world.other.id, world.other_product.id}


async def test_a_mentor_of_another_unit_cannot_be_assigned(world: World) -> None:
    with pytest.raises(DomainError, match="error-mentor-other-unit"):
        await mentoring(world).assign(world.staff["province"], world.own, world.mentors["other"])


async def test_figures_per_unit_and_for_the_province(world: World) -> None:
    stats = StatsService(world.uow, world.access)
    province = await stats.overview(world.staff["province"])
    assert province.vendors_by_status == {Status.SUBMITTED.value: 2}
    assert {unit.code: unit.submitted for unit in province.by_unit} == {
        KOTA_MALANG: 1,
        KAB_MALANG: 1,
    }
    own = await stats.overview(world.staff["own"])
    assert own.vendors_by_status == {Status.SUBMITTED.value: 1}
    assert [unit.code for unit in own.by_unit] == [KOTA_MALANG]


async def test_roles_given_before_units_hold_everywhere(world: World) -> None:
    await world.access.grant(None, world.mentors["other"], Role.REVIEWER)  # no unit
    scope = await world.access.scope(world.mentors["other"], {Role.REVIEWER})
    assert scope.everything
