"""``/cari [kabupaten/kota] <text>``: a provincial reviewer narrows a search to one unit, as with
/antrian, /statistik and /ekspor; a unit's reviewer cannot search another unit."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.settings import Settings
from tests.support.catalog_data import CatalogData
from tests.support.clock import FakeClock
from tests.support.telegram_chat import TelegramBot

ADMIN_ID = 9301
KLOJEN, KLOJEN_DESA = "35.73.01", "35.73.01.1001"
KEPANJEN, KEPANJEN_DESA = "35.07.13", "35.07.13.1001"


@pytest.fixture
async def province(settings: Settings, clock: FakeClock) -> AsyncIterator[TelegramBot]:
    configured = settings.model_copy(
        update={"regions_served": "35", "admin_telegram_ids": str(ADMIN_ID)}
    )
    bot = await TelegramBot(configured, clock).start()
    async with bot.services.uow_factory() as uow:
        data = CatalogData(uow, clock)
        for external_id, business, kecamatan, desa in (
            ("v-klojen", "Keripik Tempe Klojen", KLOJEN, KLOJEN_DESA),
            ("v-kepanjen", "Keripik Tempe Kepanjen", KEPANJEN, KEPANJEN_DESA),
        ):
            vendor = await data.vendor(
                external_id, business, kecamatan_code=kecamatan, kelurahan_code=desa
            )
            data.submit(vendor)
        await uow.commit()
    yield bot
    await bot.stop()


def found(text: str) -> list[str]:
    return [name for name in ("Klojen", "Kepanjen") if f"Keripik Tempe {name}" in text]


async def test_the_province_narrows_a_search_to_one_unit(province: TelegramBot) -> None:
    admin = province.user(ADMIN_ID)
    everywhere = await admin.say("/cari keripik tempe")
    assert found(" ".join(everywhere[-1].labels)) == ["Klojen", "Kepanjen"]

    narrowed = await admin.say("/cari kota malang keripik tempe")
    assert "🏛 BPBJ Kota Malang" in narrowed[-1].text
    assert found(" ".join(narrowed[-1].labels)) == ["Klojen"]
    by_code = await admin.say("/cari 35.07 keripik")
    assert found(" ".join(by_code[-1].labels)) == ["Kepanjen"]
    every = await admin.say("/cari semua keripik tempe")
    assert found(" ".join(every[-1].labels)) == ["Klojen", "Kepanjen"]


async def test_a_unit_reviewer_searches_their_unit_only(province: TelegramBot) -> None:
    admin, reviewer = province.user(ADMIN_ID), province.user(9302)
    await admin.say("/peran tambah 9302 verifikator kota malang")
    own = await reviewer.say("/cari kota malang keripik")
    assert found(" ".join(own[-1].labels)) == ["Klojen"]
    mine = await reviewer.say("/cari keripik tempe")
    assert found(" ".join(mine[-1].labels)) == ["Klojen"]
    other = await reviewer.say("/cari kab malang keripik")
    assert "Perintah itu tidak kami kenal" in other[0].text
    assert not any(found(" ".join(message.labels)) for message in other)


async def test_the_usage_names_the_unit_form(province: TelegramBot) -> None:
    usage = await province.user(ADMIN_ID).say("/cari")
    assert "/cari kota malang keripik" in usage[-1].text


async def test_an_unknown_unit_is_answered_with_the_closest(province: TelegramBot) -> None:
    """A misspelt kabupaten/kota is not searched for as text: the closest units are offered,
    and every unit, and what was typed is kept."""
    admin = province.user(ADMIN_ID)
    unknown = await admin.say("/cari kota malangg keripik tempe")
    assert 'Unit "kota malangg" tidak ada di layanan ini' in unknown[-1].text
    labels = unknown[-1].labels
    assert labels[0] == "BPBJ Kota Malang"
    assert "BPBJ Kabupaten Malang" in labels
    assert labels[-1] == "🔎 Di semua unit"

    narrowed = await admin.press("BPBJ Kota Malang")
    assert "🏛 BPBJ Kota Malang" in narrowed[-1].text
    assert found(" ".join(narrowed[-1].labels)) == ["Klojen"]


async def test_every_unit_searches_the_whole_text(province: TelegramBot) -> None:
    admin = province.user(ADMIN_ID)
    await admin.say("/cari kab malangg keripik")
    everywhere = await admin.press("Di semua unit")
    assert 'penyedia yang cocok dengan "kab malangg keripik"' in everywhere[-1].text


async def test_a_plain_word_is_still_searched(province: TelegramBot) -> None:
    """ "batu" is a name people search for; only "kota"/"kab" and a name mark a unit."""
    admin = province.user(ADMIN_ID)
    result = await admin.say("/cari keripik")
    assert found(" ".join(result[-1].labels)) == ["Klojen", "Kepanjen"]
    batu = await admin.say("/cari batu")
    assert "tidak ada di layanan ini" not in batu[-1].text
    assert 'cocok dengan "batu"' in batu[-1].text
