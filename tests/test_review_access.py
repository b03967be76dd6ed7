"""Every staff action is refused in the service layer without the role."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from models.catalog import load_catalog
from models.db import create_engine, session_factory
from models.entities import User
from models.errors import NotPermitted
from models.services.access import UNKNOWN_COMMAND, AccessService, Role
from models.services.review import ReviewService
from models.status import Status
from models.uow import UnitOfWork, UnitOfWorkFactory
from tests.support.clock import FakeClock


@pytest.fixture
async def uow(database_url: str) -> AsyncIterator[UnitOfWork]:
    engine = create_engine(database_url)
    async with UnitOfWorkFactory(session_factory(engine))() as unit:
        yield unit
    await engine.dispose()


@pytest.fixture
def access(uow: UnitOfWork, clock: FakeClock) -> AccessService:
    return AccessService(uow, clock, {"1"})


@pytest.fixture
def review(uow: UnitOfWork, access: AccessService, clock: FakeClock) -> ReviewService:
    return ReviewService(uow, access, load_catalog(), clock)


async def people(uow: UnitOfWork, access: AccessService) -> dict[str, User]:
    admin = await access.telegram_user("1")
    await access.bootstrap(admin, "telegram", "1")
    vendor = await access.telegram_user("2")
    mentor = await access.telegram_user("3")
    revoked = await access.telegram_user("4")
    await access.grant(admin, mentor, Role.MENTOR)
    await access.grant(admin, revoked, Role.REVIEWER)
    await access.revoke(admin, revoked, Role.REVIEWER)
    return {"admin": admin, "vendor": vendor, "mentor": mentor, "revoked": revoked}


@pytest.mark.parametrize("who", ["vendor", "mentor", "revoked"])
async def test_review_actions_are_refused_without_the_role(
    uow: UnitOfWork, access: AccessService, review: ReviewService, who: str
) -> None:
    actor = (await people(uow, access))[who]
    actions = [
        review.queue(actor, 1),
        review.vendor(actor, 1),
        review.product(actor, 1),
        review.history(actor, "vendor", 1),
        review.decide(actor, "vendor", 1, Status.APPROVED),
        review.decide(actor, "product", 1, Status.REJECTED, reason="duplicate"),
    ]
    for action in actions:
        with pytest.raises(NotPermitted) as refused:
            await action
        assert refused.value.key == UNKNOWN_COMMAND


@pytest.mark.parametrize("who", ["vendor", "mentor", "revoked"])
async def test_role_changes_are_refused_without_superadmin(
    uow: UnitOfWork, access: AccessService, who: str
) -> None:
    everyone = await people(uow, access)
    actor = everyone[who]
    with pytest.raises(NotPermitted):
        await access.grant(actor, actor, Role.SUPERADMIN)
    with pytest.raises(NotPermitted):
        await access.revoke(actor, everyone["mentor"], Role.MENTOR)


async def test_role_history_is_kept(uow: UnitOfWork, access: AccessService) -> None:
    everyone = await people(uow, access)
    grants = await access.history(everyone["revoked"])
    assert [(g.role, g.granted_by, g.revoked_by) for g in grants] == [
        ("reviewer", everyone["admin"].id, everyone["admin"].id)
    ]
    assert await access.roles(everyone["revoked"]) == frozenset()
    assert await access.roles(everyone["admin"]) == {Role.SUPERADMIN}
