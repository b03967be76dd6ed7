"""The server's command-line tasks: the catalogue export and staff roles."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from bot.admin_cli import export_command, grant_role_command
from bot.settings import Settings
from bot.wiring import build_services
from models.errors import InvalidInput
from models.services.access import AccessService, Role
from tests.support.catalog_data import CatalogData
from tests.support.clock import FakeClock


async def test_grant_and_revoke_a_role_by_telegram_id(settings: Settings) -> None:
    assert await grant_role_command(settings, 555, Role.REVIEWER) == {Role.REVIEWER}
    assert await grant_role_command(settings, "555", Role.MENTOR) == {Role.REVIEWER, Role.MENTOR}
    with pytest.raises(InvalidInput):
        await grant_role_command(settings, 555, Role.REVIEWER)
    assert await grant_role_command(settings, 555, Role.REVIEWER, revoke=True) == {Role.MENTOR}
    with pytest.raises(InvalidInput):
        await grant_role_command(settings, 556, Role.REVIEWER, revoke=True)

    services = build_services(settings)
    async with services.uow_factory() as uow:
        access = AccessService(uow, services.clock, ())
        history = await access.history(await access.telegram_user("555"))
        changes = [(grant.role, grant.revoked_at is not None) for grant in history]
    await services.close()
    assert changes == [("reviewer", True), ("mentor", False)]


async def test_export_writes_both_files(settings: Settings, tmp_path: Path) -> None:
    services = build_services(settings, FakeClock())
    async with services.uow_factory() as uow:
        data = CatalogData(uow, FakeClock())
        vendor = await data.vendor("siti", "Keripik Apel Bu Siti")
        await data.approved(vendor)
        await data.approved(await data.product(vendor, "Keripik Original"))
        await uow.commit()
    await services.close()

    paths = await export_command(settings, tmp_path / "ekspor")

    assert [path.suffix for path in paths] == [".csv", ".xlsx"]
    assert all(path.parent == tmp_path / "ekspor" and path.stat().st_size for path in paths)
    with paths[0].open(encoding="utf-8-sig", newline="") as file:
        assert [row["Nama Produk"] for row in csv.DictReader(file)] == ["Keripik Original"]


async def test_roles_and_exports_per_unit_on_the_server(settings: Settings, tmp_path: Path) -> None:
    province = settings.model_copy(update={"regions_served": "35"})
    await grant_role_command(province, 557, Role.REVIEWER, unit="35.73")
    await grant_role_command(province, 557, Role.REVIEWER)  # also the whole deployment
    with pytest.raises(InvalidInput, match="error-unit-unknown"):
        await grant_role_command(province, 557, Role.MENTOR, unit="35.99")
    assert await grant_role_command(province, 557, Role.REVIEWER, revoke=True, unit="35.73") == {
        Role.REVIEWER
    }
    paths = await export_command(province, tmp_path, unit="35.73")
    assert [path.name[:17] for path in paths] == ["katalog-umkm-3573"] * 2
