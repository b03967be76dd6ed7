"""Regressions found by the random-input tests (tests/test_fuzz_flows.py).

Fluent refuses to put more than 2500 characters into one placeable and renders the whole
message as ``{???}``; a long answer quoted back, or an absurd amount formatted, did exactly that.
An absurd amount, once confirmed, would also have overflowed its 64-bit column. A NUL character
in any answer made PostgreSQL refuse the update.
"""

from __future__ import annotations

import pytest

from handlers.events import CommandReceived, TextReceived, text_or_command
from handlers.i18n import Locales
from models.errors import InvalidInput
from models.validators import Period, parse_kbli_list, parse_period_amount, parse_rupiah
from models.validators.money import MAX_RUPIAH
from tests.e2e.test_registration_telegram import register_until_summary, vendor_row
from tests.support.telegram_chat import TelegramBot

PASTED_PAGE = "a" * 4096
NINES = "9" * 4096


def test_a_pasted_page_as_kbli_is_quoted_briefly() -> None:
    with pytest.raises(InvalidInput) as refused:
        parse_kbli_list(PASTED_PAGE)
    assert refused.value.args_map == {"code": "a" * 19 + "…"}
    text = Locales().translator("id")(refused.value.key, **refused.value.args_map)
    assert text.startswith('"aaaaaaaaaaaaaaaaaaa…" bukan kode KBLI')


@pytest.mark.parametrize("text", [NINES, "2.000 triliun", "1.000.000.000.000.001"])
def test_an_absurd_amount_is_refused(text: str) -> None:
    for parse in (parse_rupiah, parse_period_amount):
        with pytest.raises(InvalidInput) as refused:
            parse(text)
        assert refused.value.key == "error-money-too-large"


def test_the_largest_amount_still_fits_as_a_monthly_figure() -> None:
    assert parse_period_amount("1000 triliun per hari") == (360 * MAX_RUPIAH, Period.DAY)
    assert 12 * MAX_RUPIAH < 2**63


async def test_an_absurd_turnover_is_answered_in_words(telegram: TelegramBot) -> None:
    user = telegram.user(851)
    await user.say("/daftar")
    await user.press("Saya setuju")
    for answer in ("Siti Aminah", "3579014101850001", "081234567890", "Keripik Apel Bu Siti"):
        await user.say(answer)
    await user.say("9120001234567")
    received = await user.say(PASTED_PAGE)
    assert '"aaaaaaaaaaaaaaaaaaa…" bukan kode KBLI' in received[-1].text
    await user.say("10792")
    await user.press("Lewati")

    received = await user.say(NINES)

    assert "Jumlah itu terlalu besar: paling banyak Rp1.000.000.000.000.000" in received[-1].text
    assert "{???}" not in received[-1].text
    assert (await vendor_row(telegram, 851)).scale_amount is None


def test_nul_characters_are_dropped_from_typed_text() -> None:
    assert text_or_command("Jl. Raya\x00 Punten") == TextReceived("Jl. Raya Punten")
    assert text_or_command("/cari \x00keripik") == CommandReceived("cari", "keripik")
    assert text_or_command("\x00/status") == CommandReceived("status")


async def test_an_address_with_a_nul_character_is_stored_without_it(telegram: TelegramBot) -> None:
    user = telegram.user(852)
    await register_until_summary(user)
    await user.press("Alamat")
    received = await user.say("Jl. Raya\x00 Punten No. 12, RT 02/RW 05")
    assert "Alamat: Jl. Raya Punten No. 12, RT 02/RW 05" in received[-1].text
    assert (await vendor_row(telegram, 852)).address == "Jl. Raya Punten No. 12, RT 02/RW 05"
