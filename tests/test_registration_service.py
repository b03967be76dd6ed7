"""Registration rules through the service layer, on a real migrated database."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from sqlalchemy import select

from models.catalog import load_catalog
from models.db import create_engine, session_factory
from models.entities import Consent, User, Vendor
from models.errors import InvalidInput, InvalidTransition, NotPermitted
from models.schemas import RegistrationField
from models.services.lifecycle import transition
from models.services.registration import PRIVACY_NOTICE_VERSION, RegistrationService
from models.status import Status
from models.uow import UnitOfWork, UnitOfWorkFactory
from models.validators import ScaleBasis
from tests.support.clock import FakeClock


@pytest.fixture
async def uow(database_url: str) -> AsyncIterator[UnitOfWork]:
    engine = create_engine(database_url)
    async with UnitOfWorkFactory(session_factory(engine))() as unit:
        yield unit
    await engine.dispose()


@pytest.fixture
def service(uow: UnitOfWork, clock: FakeClock) -> RegistrationService:
    return RegistrationService(uow, load_catalog(), clock)


async def new_vendor(uow: UnitOfWork, service: RegistrationService) -> tuple[User, Vendor]:
    user = await uow.users.add("telegram", "42", "id")
    return user, await service.give_consent(user, "telegram")


def fill_required(service: RegistrationService, vendor: Vendor) -> None:
    service.set_owner_name(vendor, "Siti Aminah")
    service.set_nik(vendor, "3579014101850001")
    service.set_phone(vendor, "0812-3456-7890")
    service.set_business_name(vendor, "Keripik Apel Bu Siti")
    service.set_nib(vendor, "9120001234567")
    service.set_kbli(vendor, "10792")
    service.set_scale(vendor, ScaleBasis.TURNOVER, 300_000_000)
    service.set_etalase(vendor, "makanan-minuman")
    service.set_kecamatan(vendor, "35.79.02")
    service.set_kelurahan(vendor, "35.79.02.2007")
    service.set_address(vendor, "Jl. Raya Punten No. 12")


async def test_consent_opens_a_draft_and_records_the_notice_version(
    uow: UnitOfWork, service: RegistrationService, clock: FakeClock
) -> None:
    user, vendor = await new_vendor(uow, service)
    consent = await uow.session.scalar(select(Consent).where(Consent.user_id == user.id))
    assert consent is not None and consent.withdrawn_at is None
    assert await uow.consents.in_force(user.id)
    assert (consent.notice_version, consent.given_at) == (PRIVACY_NOTICE_VERSION, clock.now)
    assert vendor.status == Status.DRAFT


async def test_incomplete_draft_cannot_be_submitted(
    uow: UnitOfWork, service: RegistrationService
) -> None:
    user, vendor = await new_vendor(uow, service)
    service.set_owner_name(vendor, "Siti Aminah")
    with pytest.raises(InvalidInput) as error:
        await service.submit(vendor, user)
    assert error.value.key == "error-registration-incomplete"
    assert error.value.args_map == {"count": 10}
    assert vendor.status == Status.DRAFT


async def test_optional_fields_are_not_needed_to_submit(
    uow: UnitOfWork, service: RegistrationService, clock: FakeClock
) -> None:
    user, vendor = await new_vendor(uow, service)
    fill_required(service, vendor)
    assert service.draft(vendor).missing() == []
    await service.submit(vendor, user)
    assert vendor.status == Status.SUBMITTED
    assert vendor.submitted_at == clock.now
    history = await uow.status_changes.for_subject("vendor", vendor.id)
    assert [(c.from_status, c.to_status, c.actor_user_id) for c in history] == [
        ("draft", "submitted", user.id)
    ]


async def test_without_nib_kbli_is_optional_but_with_nib_required(
    uow: UnitOfWork, service: RegistrationService
) -> None:
    _, vendor = await new_vendor(uow, service)
    with pytest.raises(InvalidInput):
        service.skip_kbli(vendor)
    service.mark_no_nib(vendor)
    service.skip_kbli(vendor)
    draft = service.draft(vendor)
    assert draft.is_answered(RegistrationField.NIB)
    assert draft.is_answered(RegistrationField.KBLI)


async def test_submitted_registration_is_locked_until_fixes_are_asked(
    uow: UnitOfWork, service: RegistrationService, clock: FakeClock
) -> None:
    user, vendor = await new_vendor(uow, service)
    fill_required(service, vendor)
    await service.submit(vendor, user)
    with pytest.raises(NotPermitted):
        service.set_business_name(vendor, "Nama Baru")
    transition(uow, vendor, Status.NEEDS_FIX, actor=None, now=clock(), note="NIB tidak valid")
    service.set_nib(vendor, "9120001234568")
    await service.submit(vendor, user)
    history = await uow.status_changes.for_subject("vendor", vendor.id)
    assert [c.to_status for c in history] == ["submitted", "needs_fix", "submitted"]
    assert history[1].note == "NIB tidak valid"


async def test_decided_registration_cannot_move_again(
    uow: UnitOfWork, service: RegistrationService, clock: FakeClock
) -> None:
    user, vendor = await new_vendor(uow, service)
    fill_required(service, vendor)
    await service.submit(vendor, user)
    transition(uow, vendor, Status.APPROVED, actor=None, now=clock())
    with pytest.raises(InvalidTransition):
        transition(uow, vendor, Status.SUBMITTED, actor=user, now=clock())


async def test_changing_kecamatan_clears_a_kelurahan_of_another_kecamatan(
    uow: UnitOfWork, service: RegistrationService
) -> None:
    _, vendor = await new_vendor(uow, service)
    service.set_kecamatan(vendor, "35.79.02")
    service.set_kelurahan(vendor, "35.79.02.2007")
    service.set_kecamatan(vendor, "35.79.01")
    assert vendor.kelurahan_code is None
    with pytest.raises(InvalidInput):
        service.set_kelurahan(vendor, "35.79.02.2007")


async def test_kbli_that_does_not_fit_the_etalase_is_reported_not_refused(
    uow: UnitOfWork, service: RegistrationService
) -> None:
    _, vendor = await new_vendor(uow, service)
    service.set_kbli(vendor, "81210, 10792")
    assert service.set_etalase(vendor, "makanan-minuman") == ["81210"]
    assert vendor.etalase_code == "makanan-minuman"


async def test_unknown_choices_are_refused(uow: UnitOfWork, service: RegistrationService) -> None:
    _, vendor = await new_vendor(uow, service)
    for setter, code in (
        (service.set_etalase, "not-an-etalase"),
        (service.set_kecamatan, "99.99.99"),
    ):
        with pytest.raises(InvalidInput):
            setter(vendor, code)
