"""At the NPWP question, "sama kyk nik" and its other forms take the NIK already given as the
NPWP (PMK 112/PMK.03/2022), shown back to confirm; on Telegram and in the form a
mentor fills in for an owner."""

from __future__ import annotations

import pytest

from bot.settings import Settings
from tests.e2e.test_mentoring_telegram import ADMIN_ID, mentor
from tests.e2e.test_registration_telegram import vendor_row
from tests.support.telegram_chat import TelegramBot, TelegramUser

NIK = "3579014101850001"


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return settings.model_copy(update={"admin_telegram_ids": str(ADMIN_ID)})


async def answer_until_npwp(user: TelegramUser) -> None:
    await user.say("/daftar")
    await user.press("Saya setuju")
    await user.say("Siti Aminah")
    await user.say(NIK)
    await user.share_contact("+62 812-3456-7890")
    await user.say("Keripik Apel Bu Siti")
    await user.say("9120001234567")
    await user.say("10792")


@pytest.mark.parametrize(
    "typed",
    [
        "sama kyk nik",
        "pake nik aja",
        "npwp nya nik",
        "sama dgn nik",
        "nik saya",
        "ikut nik",
        "pakai NIK",
        "podo karo nik",
    ],
)
async def test_npwp_same_as_nik_is_shown_then_stored(telegram: TelegramBot, typed: str) -> None:
    user = telegram.user(5101)
    await answer_until_npwp(user)
    shown = await user.say(typed)
    assert f"NPWP Anda sama dengan NIK: {NIK}" in shown[-1].text
    assert (await vendor_row(telegram, 5101)).npwp is None  # nothing stored before the yes
    confirmed = await user.press("Ya, benar")
    assert "omzet" in confirmed[-1].text
    vendor = await vendor_row(telegram, 5101)
    assert vendor.npwp == NIK
    assert not vendor.npwp_skipped


async def test_npwp_same_as_nik_can_be_corrected(telegram: TelegramBot) -> None:
    user = telegram.user(5102)
    await answer_until_npwp(user)
    await user.say("sama kyk nik")
    asked = await user.say("bukan")
    assert "Berapa NPWP" in asked[-1].text
    await user.say("sama dgn nik")
    stored = await user.say("01.234.567.8-901.000")  # typed instead of yes: the NPWP itself
    assert "format baru 16 angka" in stored[0].text
    assert (await vendor_row(telegram, 5102)).npwp == "0012345678901000"


async def test_help_at_the_npwp_question_names_the_rule(telegram: TelegramBot) -> None:
    user = telegram.user(5103)
    await answer_until_npwp(user)
    helped = await user.press("Bantuan")
    assert "PMK 112/PMK.03/2022" in helped[-1].text
    assert "sama dengan NIK" in helped[-1].text


async def test_mentor_filling_in_gets_the_owners_nik_shown(telegram: TelegramBot) -> None:
    rina = await mentor(telegram, 5104)
    await rina.say("/daftarkan")
    for answer in ("Siti Aminah", NIK, "0812 3456 7890", "Keripik Apel Bu Siti"):
        await rina.say(answer)
    await rina.press("Belum punya NIB")
    await rina.press("Lewati")
    shown = await rina.say("pake nik aja")
    assert f"NPWP pemilik sama dengan NIK-nya: {NIK}" in shown[-1].text
    confirmed = await rina.say("iya benar")
    assert "omzet" in confirmed[-1].text
