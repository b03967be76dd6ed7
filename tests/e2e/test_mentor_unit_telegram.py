"""The vendor's mentor hears of product decisions too; a vendor follows their kabupaten/kota to
its unit's mentors, and a mentor cannot fill in a draft for another unit."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.settings import Settings
from tests.e2e.test_mentoring_telegram import ADMIN_ID, mentor
from tests.e2e.test_products_telegram import add_product, registered_vendor
from tests.e2e.test_registration_province import until_place
from tests.support.clock import FakeClock
from tests.support.telegram_chat import TelegramBot


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return settings.model_copy(update={"admin_telegram_ids": str(ADMIN_ID)})


@pytest.fixture
async def province(settings: Settings, clock: FakeClock) -> AsyncIterator[TelegramBot]:
    bot = await TelegramBot(settings.model_copy(update={"regions_served": "35"}), clock).start()
    yield bot
    await bot.stop()


async def test_mentor_hears_of_a_product_decision(telegram: TelegramBot) -> None:
    rina = await mentor(telegram, 5401)
    admin = telegram.user(ADMIN_ID, first_name="Admin")
    await admin.say("/pendamping wilayah 5401 Bumiaji")
    siti = await registered_vendor(telegram, 5402)
    await add_product(siti, "Keripik Apel Original 200 gram", "15000")
    await siti.press("Kirim untuk diverifikasi")

    await admin.say("/antrian")
    await admin.press("Keripik Apel Original")
    await admin.press("Setujui")
    await admin.press("Ya, setujui")
    assert 'Produk "Keripik Apel Original 200 gram" dari Keripik Apel Bu Siti sudah disetujui' in (
        rina.last.text
    )
    assert rina.last.labels == ["👤 Keripik Apel Bu Siti"]


async def test_a_vendor_who_moves_to_another_unit_leaves_their_mentor(
    province: TelegramBot,
) -> None:
    admin = province.user(ADMIN_ID, first_name="Admin")
    await admin.say("/peran tambah 5411 pendamping kota batu")
    rina = province.user(5411, first_name="Rina")
    await admin.say("/pendamping wilayah 5411 Bumiaji")
    siti = province.user(5412)
    await until_place(siti)
    await siti.say("Kota Batu")
    await siti.say("kec bumiaji")
    await siti.say("punten")
    mine = await rina.say("/binaan")
    assert "Keripik Apel Bu Siti" in " ".join(mine[-1].labels)

    await siti.press("Kembali")
    await siti.press("Kembali")
    await siti.press("Ganti kabupaten/kota")
    await siti.say("kota malang")
    await siti.press("Kota Malang")
    await siti.say("klojen")
    assert "Keripik Apel Bu Siti kini berada di Kota Malang, di luar unit Anda" in rina.last.text
    mine = await rina.say("/binaan")
    assert "Keripik Apel Bu Siti" not in " ".join(mine[-1].labels)


async def test_a_mentor_cannot_fill_in_a_draft_of_another_unit(province: TelegramBot) -> None:
    admin = province.user(ADMIN_ID, first_name="Admin")
    await admin.say("/peran tambah 5421 pendamping kota batu")
    rina = province.user(5421, first_name="Rina")
    await rina.say("/daftarkan")
    for answer in ("Siti Aminah", "3579014101850001", "0812 3456 7890", "Keripik Apel Bu Siti"):
        await rina.say(answer)
    await rina.press("Belum punya NIB")
    await rina.press("Lewati")
    await rina.press("Lewati")
    await rina.say("300 juta")
    await rina.press("Ya, benar")
    await rina.press("Makanan dan Minuman")
    await rina.say("kota malang")
    refused = await rina.press("Kota Malang")
    assert "Kota Malang di luar unit Anda" in refused[-1].text
    assert "kabupaten/kota mana" in refused[-1].text
    taken = await rina.say("kota batu")
    assert "📍 Kota Batu." in taken[-1].text
    mine = await rina.say("/binaan")
    assert "Keripik Apel Bu Siti" in " ".join(mine[-1].labels)
