"""A vendor registers end to end through the real python-telegram-bot Application."""

from __future__ import annotations

from sqlalchemy import select

from models.entities import Consent, StatusChange, Vendor
from models.uow import UnitOfWork
from tests.support.clock import FakeClock
from tests.support.telegram_chat import TelegramBot, TelegramUser


async def register_until_summary(user: TelegramUser) -> None:
    """Answers every question with valid data, the way an owner would type them."""
    await user.say("/daftar")
    await user.press("Saya setuju")
    await user.say("Siti Aminah")
    await user.say("3579 0141 0185 0001")
    await user.share_contact("+62 812-3456-7890")
    await user.say("Keripik Apel Bu Siti")
    await user.say("9120001234567")
    await user.say("10792, 47211")
    await user.press("Lewati")
    await user.say("25 juta per bulan")
    await user.press("Ya, benar")
    await user.press("Makanan dan Minuman")
    await user.press("Bumiaji")
    await user.press("Punten")
    await user.say("Jl. Raya Punten No. 12, RT 02/RW 05")
    await user.say("keripikapel@gmail.com")


async def vendor_row(bot: TelegramBot, user_id: int) -> Vendor:
    async with bot.services.uow_factory() as uow:
        user = await uow.users.by_identity("telegram", str(user_id))
        assert user is not None
        vendor = await uow.vendors.by_user(user.id)
        assert vendor is not None
        uow.session.expunge(vendor)  # keep the loaded values after the unit of work ends
        return vendor


async def test_full_registration_then_status(telegram: TelegramBot) -> None:
    user = telegram.user(201)
    await register_until_summary(user)

    summary = user.last
    assert "Ringkasan pendaftaran" in summary.text
    for expected in (
        "Nama pemilik: Siti Aminah",
        "NIK: 3579014101850001",
        "Nomor HP: +6281234567890",
        "NIB: 9120001234567",
        "KBLI: 10792, 47211",
        "NPWP: tidak ada",
        "Omzet/modal: usaha mikro (omzet per tahun Rp300.000.000)",
        "Etalase: Makanan dan Minuman",
        "Kecamatan: Bumiaji",
        "Desa/kelurahan: Punten",
        "Email: keripikapel@gmail.com",
    ):
        assert expected in summary.text
    assert "✅ Kirim untuk diverifikasi" in summary.labels

    received = await user.press("Kirim untuk diverifikasi")
    assert "sudah dikirim ke BPBJ Kota Batu" in received[-1].text

    status = await user.say("/status")
    assert "sedang diperiksa petugas BPBJ Kota Batu" in status[0].text
    assert "24 November 2026" in status[0].text

    vendor = await vendor_row(telegram, 201)
    assert vendor.status == "submitted"
    assert vendor.scale == "mikro" and vendor.scale_amount == 300_000_000
    assert vendor.kbli == ["10792", "47211"]


async def test_consent_is_recorded_and_nothing_stored_before(
    telegram: TelegramBot, clock: FakeClock
) -> None:
    user = telegram.user(202)
    await user.say("/daftar")
    assert "UU No. 27 Tahun 2022" in user.last.text
    async with telegram.services.uow_factory() as uow:
        assert (await uow.session.execute(select(Vendor))).first() is None
        assert (await uow.session.execute(select(Consent))).first() is None

    await user.press("Saya setuju")
    async with telegram.services.uow_factory() as uow:
        consent = (await uow.session.execute(select(Consent))).scalar_one()
        assert consent.notice_version == "2026-11"
        assert consent.given_at == clock.now
        assert consent.channel == "telegram"


async def test_declining_consent_stores_nothing(telegram: TelegramBot) -> None:
    user = telegram.user(203)
    await user.say("/daftar")
    received = await user.press("Tidak setuju")
    assert "tidak ada data Anda yang kami simpan" in received[0].text
    async with telegram.services.uow_factory() as uow:
        assert (await uow.session.execute(select(Vendor))).first() is None


async def test_restart_in_the_middle_resumes_where_it_stopped(
    telegram: TelegramBot, clock: FakeClock
) -> None:
    user = telegram.user(204)
    await user.say("/daftar")
    await user.press("Saya setuju")
    await user.say("Siti Aminah")
    await user.say("3579014101850001")
    await telegram.stop()

    restarted = await TelegramBot(telegram.settings, clock).start()
    try:
        same_user = restarted.user(204)
        received = await same_user.say("081234567890")
        assert "Nomor +6281234567890 sudah tersimpan" in received[0].text
        assert "Apa nama usaha Anda?" in received[-1].text
        vendor = await vendor_row(restarted, 204)
        assert (vendor.owner_name, vendor.nik) == ("Siti Aminah", "3579014101850001")
    finally:
        await restarted.stop()
        telegram.services = restarted.services  # the fixture's stop closes it again harmlessly


async def test_returning_days_later_is_offered_to_continue(
    telegram: TelegramBot, clock: FakeClock
) -> None:
    user = telegram.user(205)
    await user.say("/daftar")
    await user.press("Saya setuju")
    await user.say("Siti Aminah")
    clock.advance(days=3)

    received = await user.say("halo")
    assert "Selamat datang kembali" in received[0].text
    assert "NIK" in received[0].text
    received = await user.press("Lanjutkan pendaftaran")
    assert "Berapa NIK pemilik usaha?" in received[-1].text


async def test_edit_one_field_from_summary_returns_to_summary(telegram: TelegramBot) -> None:
    user = telegram.user(206)
    await register_until_summary(user)
    await user.press("Nama usaha")
    assert "Apa nama usaha Anda?" in user.last.text
    assert "✔️ Tetap: Keripik Apel Bu Siti" in user.last.labels
    received = await user.say("Keripik Apel Batu")
    assert "Ringkasan pendaftaran" in received[-1].text
    assert "Nama usaha: Keripik Apel Batu" in received[-1].text


async def test_submission_is_recorded_in_history(telegram: TelegramBot) -> None:
    user = telegram.user(207)
    await register_until_summary(user)
    await user.press("Kirim untuk diverifikasi")
    async with telegram.services.uow_factory() as uow:
        change = (await uow.session.execute(select(StatusChange))).scalar_one()
        assert (change.from_status, change.to_status) == ("draft", "submitted")


async def test_submitted_registration_can_no_longer_be_edited(telegram: TelegramBot) -> None:
    user = telegram.user(208)
    await register_until_summary(user)
    await user.press("Kirim untuk diverifikasi")
    received = await user.say("/daftar")
    assert "sedang diperiksa" in received[0].text
    assert isinstance(UnitOfWork, type)


async def answer_until_scale(user: TelegramUser) -> None:
    await user.say("/daftar")
    await user.press("Saya setuju")
    for answer in ("Siti Aminah", "3579 0141 0185 0001"):
        await user.say(answer)
    await user.share_contact("+62 812-3456-7890")
    for answer in ("Warung Bu Siti", "9120001234567", "10792"):
        await user.say(answer)
    await user.press("Lewati")


async def test_daily_takings_are_read_as_a_yearly_turnover(telegram: TelegramBot) -> None:
    user = telegram.user(231)
    await answer_until_scale(user)
    await user.say("700 ribu per hari")
    assert "omzet sekitar Rp252.000.000 per tahun" in user.last.text  # 700 ribu × 30 × 12
    assert "usaha mikro" in user.last.text


async def test_two_periods_next_to_the_amount_are_asked_again(telegram: TelegramBot) -> None:
    user = telegram.user(232)
    await answer_until_scale(user)
    await user.say("sebulan 15 juta per hari")
    assert "Mohon tulis satu jangka waktu saja" in user.last.text
    assert "omzet" in user.last.text  # the same question again
    await user.say("15 juta per bulan")
    assert "omzet sekitar Rp180.000.000 per tahun" in user.last.text
    vendor = await vendor_row(telegram, 232)
    assert (vendor.owner_name, vendor.business_name) == ("Siti Aminah", "Warung Bu Siti")
