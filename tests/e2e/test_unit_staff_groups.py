"""Each unit of BUREAU_UNITS_FILE may name its own staff group: a submission is announced in its
kabupaten/kota's group and in the province's, never in another unit's."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.settings import Settings
from models.catalog import CatalogError, load_catalog
from models.units import build_units
from tests.e2e.test_registration_bad_input import FLOW
from tests.support.clock import FakeClock
from tests.support.telegram_chat import TelegramBot, TelegramUser

PROVINCE_GROUP, BATU_GROUP, MALANG_GROUP = "-1000000000035", "-1000000003579", "-1000000003573"
UNITS = f"""
[[unit]]
code = "35"
name = "Biro PBJ Jawa Timur"
contact = "bpbj@jatimprov.go.id"
staff_group = {PROVINCE_GROUP}

[[unit]]
code = "35.79"
name = "BPBJ Kota Batu"
contact = "bpbj@batukota.go.id"
staff_group = "{BATU_GROUP}"

[[unit]]
code = "35.73"
name = "BPBJ Kota Malang"
contact = "bpbj@malangkota.go.id"
staff_group = "{MALANG_GROUP}"
"""


def province_settings(settings: Settings, tmp_path: Path) -> Settings:
    units = tmp_path / "units.toml"
    units.write_text(UNITS, encoding="utf-8")
    return settings.model_copy(update={"regions_served": "35", "bureau_units_file": str(units)})


@pytest.fixture
async def province(
    settings: Settings, clock: FakeClock, tmp_path: Path
) -> AsyncIterator[TelegramBot]:
    bot = await TelegramBot(province_settings(settings, tmp_path), clock).start()
    yield bot
    await bot.stop()


async def register_in_kota_batu(user: TelegramUser) -> None:
    await user.say("/daftar")
    for name, _, answer in FLOW:
        if name == "kecamatan":
            break
        assert answer is not None
        await answer(user)
    for typed in ("Kota Batu", "kec bumiaji", "punten", "Jl. Raya Punten No. 12"):
        await user.say(typed)
    await user.press("Lewati")  # email
    await user.press("Kirim untuk diverifikasi")


async def test_a_submission_is_announced_in_its_unit_and_province_groups(
    province: TelegramBot,
) -> None:
    await register_in_kota_batu(province.user(5601))
    await province.services.outbox.deliver()
    groups = {
        str(message.chat_id): message.text
        for message in province.fake.messages
        if str(message.chat_id).startswith("-100")
    }
    assert set(groups) == {BATU_GROUP, PROVINCE_GROUP}
    assert "Pendaftaran baru menunggu verifikasi: Keripik Apel Bu Siti" in groups[BATU_GROUP]


def test_a_staff_group_must_be_a_chat_id(tmp_path: Path) -> None:
    units = tmp_path / "units.toml"
    units.write_text(UNITS.replace(f'"{BATU_GROUP}"', '"grup batu"'), encoding="utf-8")
    with pytest.raises(CatalogError, match="unit #2: staff_group must be a Telegram chat id"):
        build_units(load_catalog().regions, "BPBJ Kota Batu", "bpbj@batukota.go.id", units)
