"""NIK and NPWP at rest: encrypted in the row, found through the blind index, shown in full only
to reviewers (recorded), and re-encrypted by ``rotate-keys``."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from pydantic import SecretStr
from sqlalchemy import select, text

from bot.maintenance import rotate_keys
from bot.settings import Settings
from bot.wiring import build_services
from models.catalog import load_catalog
from models.crypto import Keyring, UndecryptableValue
from models.db import create_engine, session_factory
from models.entities import DataReveal, User, Vendor
from models.errors import NotPermitted
from models.services.access import UNKNOWN_COMMAND, AccessService, Role
from models.services.disclosure import DisclosureService, SensitiveField
from models.services.review import Flag, ReviewService
from models.services.search import SearchService
from models.uow import UnitOfWork, UnitOfWorkFactory
from tests.support.catalog_data import CatalogData
from tests.support.clock import FakeClock
from tests.support.keys import (
    NEXT_BLIND_INDEX_KEY,
    NEXT_ENCRYPTION_KEY,
    TEST_ENCRYPTION_KEY,
    keyring_with,
)

NIK = "3579014101850001"
NPWP = "0012345678901000"


@pytest.fixture
async def uow(database_url: str) -> AsyncIterator[UnitOfWork]:
    engine = create_engine(database_url)
    async with UnitOfWorkFactory(session_factory(engine))() as unit:
        yield unit
    await engine.dispose()


@pytest.fixture
def access(uow: UnitOfWork, clock: FakeClock) -> AccessService:
    return AccessService(uow, clock, {"1"})


async def admin_of(access: AccessService) -> User:
    admin = await access.telegram_user("1")
    await access.bootstrap(admin, "telegram", "1")
    return admin


async def raw_numbers(uow: UnitOfWork) -> list[tuple[str | None, ...]]:
    query = text("SELECT nik, npwp, nik_hash, npwp_hash FROM vendor ORDER BY id")
    return [tuple(row) for row in await uow.session.execute(query)]


async def test_the_row_holds_no_plain_number_and_the_model_reads_it_plain(
    uow: UnitOfWork, clock: FakeClock
) -> None:
    vendor = await CatalogData(uow, clock).vendor("2", "Keripik Apel", nik=NIK, npwp=NPWP)
    await uow.commit()

    [(nik, npwp, nik_hash, npwp_hash)] = await raw_numbers(uow)
    assert nik and npwp and NIK not in nik and NPWP not in npwp
    assert keyring_with().decrypt(nik) == NIK
    assert nik_hash == keyring_with().blind_index("nik", NIK)
    assert npwp_hash == keyring_with().blind_index("npwp", NPWP)
    reloaded = await uow.session.get(Vendor, vendor.id, populate_existing=True)
    assert reloaded is not None and (reloaded.nik, reloaded.npwp) == (NIK, NPWP)


async def test_the_same_nik_is_flagged_and_found_across_vendors(
    uow: UnitOfWork, access: AccessService, clock: FakeClock
) -> None:
    data = CatalogData(uow, clock)
    siti = await data.vendor("2", "Keripik Apel Bu Siti", nik=NIK)
    await data.vendor("3", "Batik Budi", nik="3579 0141 0185 0001", nib="9120001234567")
    other = await data.vendor("4", "Kopi Pak Joko", nik="3579010505900002")
    await uow.commit()
    [(first, *_), (second, *_), _] = await raw_numbers(uow)
    assert first != second  # equal numbers, different ciphertexts: only the blind index matches

    review = ReviewService(uow, access, load_catalog(), clock)
    assert Flag("duplicate-nik", {"names": "Batik Budi"}) in await review.vendor_flags(siti)
    assert not [flag for flag in await review.vendor_flags(other) if flag.key == "duplicate-nik"]
    found = await SearchService(uow, access).vendors(await admin_of(access), NIK)
    assert [hit.business_name for hit in found.hits] == ["Keripik Apel Bu Siti", "Batik Budi"]


async def test_a_reviewer_sees_a_number_in_full_and_the_access_is_recorded(
    uow: UnitOfWork, access: AccessService, clock: FakeClock
) -> None:
    vendor = await CatalogData(uow, clock).vendor("2", "Keripik Apel", nik=NIK)
    admin = await admin_of(access)
    admin.display_name = "Rina"
    disclosure = DisclosureService(uow, access, clock)

    shown = await disclosure.reveal(admin, vendor.id, SensitiveField.NIK)
    assert shown is not None and shown.nik == NIK
    # No NPWP: nothing to show, nothing recorded.
    assert await disclosure.reveal(admin, vendor.id, SensitiveField.NPWP) is vendor
    entries = await disclosure.reveals(admin, vendor.id)
    assert [(e.field, e.actor_name, e.revealed_at) for e in entries] == [
        (SensitiveField.NIK, "Rina", clock())
    ]


@pytest.mark.parametrize("who", ["vendor", "mentor", "revoked"])
async def test_nobody_else_can_see_a_number_in_full(
    uow: UnitOfWork, access: AccessService, clock: FakeClock, who: str
) -> None:
    vendor = await CatalogData(uow, clock).vendor("2", "Keripik Apel", nik=NIK)
    admin = await admin_of(access)
    mentor, revoked = await access.telegram_user("3"), await access.telegram_user("4")
    await access.grant(admin, mentor, Role.MENTOR)
    await access.grant(admin, revoked, Role.REVIEWER)
    await access.revoke(admin, revoked, Role.REVIEWER)
    owner = await uow.users.get(vendor.user_id)
    assert owner is not None
    actor = {"vendor": owner, "mentor": mentor, "revoked": revoked}[who]
    disclosure = DisclosureService(uow, access, clock)

    for attempt in (
        disclosure.reveal(actor, vendor.id, SensitiveField.NIK),
        disclosure.reveals(actor, vendor.id),
    ):
        with pytest.raises(NotPermitted) as refused:
            await attempt
        assert refused.value.key == UNKNOWN_COMMAND
    assert (await uow.session.execute(select(DataReveal))).first() is None


async def test_rotate_keys_re_encrypts_with_the_new_first_key(
    settings: Settings, clock: FakeClock
) -> None:
    services = build_services(settings, clock)
    async with services.uow_factory() as uow:
        await CatalogData(uow, clock).vendor("2", "Keripik Apel", nik=NIK, npwp=NPWP)
        await CatalogData(uow, clock).vendor("3", "Batik Budi", nik="3579010505900002")
        await uow.commit()
        before = await raw_numbers(uow)
    await services.close()
    keys = f"{NEXT_ENCRYPTION_KEY},{TEST_ENCRYPTION_KEY}"  # the new key first, the old after
    rotated = settings.model_copy(
        update={
            "data_encryption_keys": SecretStr(keys),
            "blind_index_key": SecretStr(NEXT_BLIND_INDEX_KEY),
        }
    )
    assert await vendor_numbers(rotated, clock) == [(NIK, NPWP), ("3579010505900002", None)]

    assert await rotate_keys(rotated) == 3

    new_only = rotated.model_copy(update={"data_encryption_keys": SecretStr(NEXT_ENCRYPTION_KEY)})
    assert await vendor_numbers(new_only, clock) == [(NIK, NPWP), ("3579010505900002", None)]
    services = build_services(new_only, clock)
    async with services.uow_factory() as uow:
        after = await raw_numbers(uow)
    await services.close()
    new_keyring = Keyring.parse(NEXT_ENCRYPTION_KEY, NEXT_BLIND_INDEX_KEY)
    assert after[0][0] != before[0][0]
    assert after[0][2] == new_keyring.blind_index("nik", NIK) != before[0][2]
    with pytest.raises(UndecryptableValue):
        keyring_with().decrypt(str(after[0][0]))


async def vendor_numbers(
    settings: Settings, clock: FakeClock
) -> list[tuple[str | None, str | None]]:
    services = build_services(settings, clock)
    async with services.uow_factory() as uow:
        vendors = (await uow.session.execute(select(Vendor).order_by(Vendor.id))).scalars()
        numbers = [(vendor.nik, vendor.npwp) for vendor in vendors]
    await services.close()
    return numbers
