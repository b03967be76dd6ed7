"""On WhatsApp, a reviewer joined to their staff account narrows /cari to their unit too."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.settings import Settings
from models.entities import RoleGrant
from tests.support.catalog_data import CatalogData
from tests.support.clock import FakeClock
from tests.whatsapp.chat import WhatsAppServer, running_server, whatsapp_settings


@pytest.fixture
async def province(settings: Settings, clock: FakeClock) -> AsyncIterator[WhatsAppServer]:
    configured = whatsapp_settings(settings).model_copy(update={"regions_served": "35"})
    async with running_server(configured, clock) as server:
        yield server


async def test_search_of_one_unit_on_whatsapp(province: WhatsAppServer, clock: FakeClock) -> None:
    reviewer = province.user()
    await reviewer.say("halo")
    async with province.services.uow_factory() as uow:
        data = CatalogData(uow, clock)
        for external_id, business, kecamatan in (
            ("v-klojen", "Keripik Tempe Klojen", "35.73.01"),
            ("v-kepanjen", "Keripik Tempe Kepanjen", "35.07.13"),
        ):
            vendor = await data.vendor(
                external_id, business, kecamatan_code=kecamatan, kelurahan_code=f"{kecamatan}.1001"
            )
            data.submit(vendor)
        account = await uow.users.by_identity("whatsapp", reviewer.bsuid)
        assert account is not None
        uow.session.add(
            RoleGrant(user_id=account.id, role="reviewer", unit_code="35.73", granted_at=clock())
        )
        await uow.commit()

    found = await reviewer.say("/cari kota malang keripik tempe")
    assert "🏛 BPBJ Kota Malang" in found[-1].text
    assert [label for label in found[-1].labels if "Keripik" in label] == [
        "Keripik Tempe Klojen…"  # a list row's title is cut at 24 characters
    ]
    refused = await reviewer.say("/cari kab malang keripik tempe")
    assert "Perintah itu tidak kami kenal" in refused[0].text


async def test_an_unknown_unit_offers_the_reachable_ones_on_whatsapp(
    province: WhatsAppServer, clock: FakeClock
) -> None:
    """A unit's reviewer who misspells a kabupaten/kota is offered their own unit only."""
    reviewer = province.user()
    await reviewer.say("halo")
    async with province.services.uow_factory() as uow:
        vendor = await CatalogData(uow, clock).vendor(
            "v-klojen",
            "Keripik Tempe Klojen",
            kecamatan_code="35.73.01",
            kelurahan_code="35.73.01.1001",
        )
        CatalogData(uow, clock).submit(vendor)
        account = await uow.users.by_identity("whatsapp", reviewer.bsuid)
        assert account is not None
        uow.session.add(
            RoleGrant(user_id=account.id, role="reviewer", unit_code="35.73", granted_at=clock())
        )
        await uow.commit()

    unknown = await reviewer.say("/cari kota malng keripik")
    assert 'Unit "kota malng" tidak ada di layanan ini' in unknown[-1].text
    assert unknown[-1].labels == ["BPBJ Kota Malang", "🔎 Di semua unit"]
    found = await reviewer.press("BPBJ Kota Malang")
    assert "🏛 BPBJ Kota Malang" in found[-1].text
    assert any("Keripik Tempe Klojen" in label for label in found[-1].labels)
