"""A provincial deployment (REGIONS_SERVED=35): the vendor types their kabupaten/kota, kecamatan
and desa as people write them and picks from the closest matches."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.settings import Settings
from tests.e2e.test_registration_bad_input import FLOW
from tests.e2e.test_registration_telegram import vendor_row
from tests.support.clock import FakeClock
from tests.support.telegram_chat import TelegramBot, TelegramUser


@pytest.fixture
async def province(settings: Settings, clock: FakeClock) -> AsyncIterator[TelegramBot]:
    bot = await TelegramBot(settings.model_copy(update={"regions_served": "35"}), clock).start()
    yield bot
    await bot.stop()


async def until_place(user: TelegramUser) -> None:
    await user.say("/daftar")
    for name, _, answer in FLOW:
        if name == "kecamatan":
            return
        assert answer is not None
        await answer(user)


def labels(user: TelegramUser) -> list[str]:
    return user.last.labels


async def test_a_province_asks_the_kabupaten_kota_first_by_name(province: TelegramBot) -> None:
    user = province.user(1601)
    await until_place(user)
    assert "Usaha Anda berada di kabupaten/kota mana? Ketik namanya" in user.last.text
    assert not any("Kabupaten" in label for label in labels(user))  # 38: typed, not listed

    await user.say("kab malang")
    assert "Maksud Anda yang mana?" in user.last.text
    assert labels(user)[:2] == ["Kabupaten Malang", "Kota Malang"]

    await user.press("Kabupaten Malang")
    assert "kecamatan mana di Kabupaten Malang? Ketik nama kecamatannya" in user.last.text
    await user.say("singosri")  # a typo: offered, not taken
    assert labels(user)[0] == "Singosari"
    await user.press("Singosari")
    assert "Di desa/kelurahan mana (Kecamatan Singosari)?" in user.last.text
    await user.say("ds. ardimulyo")
    assert "Tulis alamat lengkap usaha" in user.last.text

    vendor = await vendor_row(province, 1601)
    assert (vendor.regency_code, vendor.kecamatan_code) == ("35.07", "35.07.24")
    assert vendor.kelurahan_code is not None and vendor.kelurahan_code.startswith("35.07.24.")


async def test_a_sure_match_is_taken_and_a_short_list_stays_buttons(
    province: TelegramBot,
) -> None:
    user = province.user(1602)
    await until_place(user)
    await user.say("Kota Batu")
    assert "📍 Kota Batu." in user.last.text
    assert {"Batu", "Bumiaji", "Junrejo"} <= set(labels(user))
    await user.say("kec bumiaji")
    assert "Di desa/kelurahan mana (Kecamatan Bumiaji)?" in user.last.text
    assert "Punten" in labels(user)
    await user.say("punten")

    vendor = await vendor_row(province, 1602)
    assert (vendor.kecamatan_code, vendor.kelurahan_code) == ("35.79.02", "35.79.02.2001")


async def test_a_desa_of_a_neighbouring_kecamatan_is_offered_with_its_kecamatan(
    province: TelegramBot,
) -> None:
    user = province.user(1603)
    await until_place(user)
    await user.say("batu")
    await user.press("Bumiaji")
    await user.say("desa junrejo")
    assert "Junrejo (Kec. Junrejo)" in labels(user)
    await user.press("Junrejo (Kec. Junrejo)")

    vendor = await vendor_row(province, 1603)
    assert (vendor.kecamatan_code, vendor.kelurahan_code) == ("35.79.03", "35.79.03.2003")


async def test_a_desa_typed_with_its_kecamatan_is_the_one_in_that_kecamatan(
    province: TelegramBot,
) -> None:
    """Kabupaten Malang has four desa named Wonorejo: the kecamatan typed with it picks one."""
    user = province.user(1605)
    await until_place(user)
    await user.say("kab malang")
    await user.press("Kabupaten Malang")
    await user.say("singosari")
    assert "Di desa/kelurahan mana (Kecamatan Singosari)?" in user.last.text
    await user.say("wonorejo kec lawang")
    assert "Tulis alamat lengkap usaha" in user.last.text

    vendor = await vendor_row(province, 1605)
    assert (vendor.kecamatan_code, vendor.kelurahan_code) == ("35.07.25", "35.07.25.2012")


async def test_an_unknown_name_is_explained_and_another_kabupaten_can_be_chosen(
    province: TelegramBot,
) -> None:
    user = province.user(1604)
    await until_place(user)
    await user.say("kab atlantis")
    assert "Kabupaten/kota itu tidak kami temukan" in user.last.text
    await user.say("surabaya")
    await user.press("Ganti kabupaten/kota")
    assert "kabupaten/kota mana?" in user.last.text
    await user.say("sidoarjo")
    assert "kecamatan mana di Kabupaten Sidoarjo?" in user.last.text
    assert (await vendor_row(province, 1604)).regency_code == "35.15"


async def test_the_vendor_deals_with_the_bureau_of_their_kabupaten_kota(
    settings: Settings, clock: FakeClock, tmp_path: Path
) -> None:
    units = tmp_path / "units.toml"
    units.write_text(
        '[[unit]]\ncode = "35.79"\nname = "BPBJ Kota Batu"\ncontact = "bpbj@batukota.go.id"\n'
    )
    configured = settings.model_copy(
        update={
            "regions_served": "35",
            "bureau_name": "Biro PBJ Jawa Timur",
            "bureau_contact": "bpbj@jatimprov.go.id",
            "bureau_units_file": str(units),
        }
    )
    bot = await TelegramBot(configured, clock).start()
    try:
        user = bot.user(1605)
        await user.say("/daftar")
        assert "bersama Biro PBJ Jawa Timur" in user.last.text  # the notice names the province
        for name, _, answer in FLOW[:-1]:
            if name == "kecamatan":
                await user.say("kota batu")
                await user.press("Bantuan")
                assert "hubungi bpbj@batukota.go.id" in user.last.text
            if answer is not None:
                await answer(user)
        await user.press("Kirim untuk diverifikasi")
        await user.say("/bantuan")
        assert "BPBJ Kota Batu" in user.last.text and "bpbj@batukota.go.id" in user.last.text
    finally:
        await bot.stop()


async def test_staff_figures_per_unit_and_roles_given_per_unit(
    settings: Settings, clock: FakeClock
) -> None:
    configured = settings.model_copy(update={"regions_served": "35", "admin_telegram_ids": "900"})
    bot = await TelegramBot(configured, clock).start()
    try:
        admin, reviewer = bot.user(900), bot.user(901)
        await admin.say("/statistik")
        assert "Per kabupaten/kota (terdaftar · diajukan · disetujui)" in admin.last.text
        await admin.say("/statistik kota batu")
        assert any("🏛 BPBJ Kota Batu" in message.text for message in admin.inbox[-3:])
        await admin.say("/statistik atlantis")
        assert 'Unit "atlantis" tidak ada di layanan ini' in admin.last.text

        await admin.say("/peran tambah 901 verifikator kota batu")
        assert "Untuk unit: BPBJ Kota Batu." in admin.last.text
        await admin.say("/peran")
        assert "(901): verifikator, BPBJ Kota Batu" in admin.last.text
        await reviewer.say("/statistik 35.79")
        assert any("🏛 BPBJ Kota Batu" in message.text for message in reviewer.inbox[-3:])
        await reviewer.say("/statistik kota malang")
        assert "Perintah itu tidak kami kenal" in "\n".join(m.text for m in reviewer.inbox[-2:])
    finally:
        await bot.stop()
