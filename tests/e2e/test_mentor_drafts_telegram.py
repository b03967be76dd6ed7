"""Mentors finish what they start: drafts filled in for an owner are listed and continued, their
link is sent again or the draft deleted; the form speaks about the owner; nothing typed is lost;
and the mentor hears when their vendor claims, submits, is sent back or approved."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from bot.settings import Settings
from models.entities import User, Vendor
from tests.e2e.test_mentoring_telegram import mentor, stuck_vendor
from tests.support.clock import FakeClock
from tests.support.fake_telegram import BOT_USERNAME
from tests.support.telegram_chat import TelegramBot, TelegramUser

ADMIN_ID = 9001


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return settings.model_copy(update={"admin_telegram_ids": str(ADMIN_ID)})


async def vendors(bot: TelegramBot) -> int:
    async with bot.services.uow_factory() as uow:
        return int(await uow.session.scalar(select(func.count()).select_from(Vendor)) or 0)


async def draft_until_business_name(rina: TelegramUser) -> None:
    """A proxy draft with the owner's name, NIK and phone, paused at the business name."""
    await rina.say("/daftarkan")
    for answer in ("Siti Aminah", "3579014101850001", "0812 3456 7890"):
        await rina.say(answer)


async def claim_link(received_text: str) -> str:
    found = re.search(rf"https://t\.me/{BOT_USERNAME}\?start=(c-[\w-]+)", received_text)
    assert found is not None
    return found[1]


async def test_proxy_form_speaks_about_the_owner(telegram: TelegramBot) -> None:
    rina = await mentor(telegram, 1101)
    await rina.say("/daftarkan")
    await rina.say("Siti Aminah")
    received = await rina.say("3579014101850000")
    assert "Periksa lagi NIK di KTP pemilik." in received[-1].text
    received = await rina.say("3579014101850001")
    assert "Berapa nomor HP (WhatsApp) pemilik usaha" in received[-1].text
    assert "Kirim nomor saya" not in received[-1].text
    assert not received[-1].requests_contact
    received = await rina.press("Bantuan")
    assert "bukan nomor Anda sendiri" in received[-1].text
    assert "Kirim nomor saya" not in received[-1].text
    received = await rina.share_contact("+6281299990000")  # her own number, from the menu
    assert "Itu nomor Anda sendiri" in received[-1].text
    received = await rina.say("0812 3456 7890")
    assert "Apa nama usaha yang didampingi?" in received[-1].text
    assert "Anda?" not in received[-1].text
    await rina.say("Keripik Apel Bu Siti")
    received = await rina.press("Belum punya NIB")
    assert "produk usaha ini tayang" in received[0].text
    await rina.press("Lewati")
    received = await rina.say("3579014101850001")
    received = await rina.say("300 juta")
    assert "usaha ini termasuk usaha mikro" in received[-1].text


async def test_paused_draft_is_listed_and_continued(telegram: TelegramBot) -> None:
    rina = await mentor(telegram, 1111)
    await draft_until_business_name(rina)
    paused = await rina.press("Berhenti dulu")
    await rina.say("/status")  # a newer message: the pause message's button still works
    received = await rina.press("Lanjutkan pendaftaran", paused[-1])
    assert "Apa nama usaha yang didampingi?" in received[-1].text
    await rina.press("Berhenti dulu")

    received = await rina.say("/binaan")
    assert "1 draf yang Anda isi belum diserahkan" in received[-1].text
    assert "✏️ Siti Aminah · draf 3/13 · 0 hari" in received[-1].labels
    card = await rina.press("Siti Aminah")
    assert "Draf pendaftaran" in card[-1].text
    assert "Belum ada tautan untuk pemilik." in card[-1].text
    assert card[-1].labels[:3] == [
        "▶️ Lanjutkan mengisi",
        "🔗 Buat tautan untuk pemilik",
        "🗑 Hapus draf",
    ]
    assert "💬 Kirim pesan" not in card[-1].labels  # nobody to write to yet
    received = await rina.press("Lanjutkan mengisi")
    assert "Apa nama usaha yang didampingi?" in received[-1].text


async def test_daftarkan_offers_the_unfinished_draft_first(telegram: TelegramBot) -> None:
    rina = await mentor(telegram, 1121)
    await rina.say("/daftarkan")
    await rina.press("Berhenti dulu")  # nothing typed: this empty draft is reused
    await rina.say("/daftarkan")
    assert await vendors(telegram) == 1
    await rina.say("Siti Aminah")
    await rina.press("Berhenti dulu")

    received = await rina.say("/daftarkan")
    assert "masih punya 1 draf pendaftaran yang belum selesai" in received[-1].text
    assert received[-1].labels == [
        "✏️ Siti Aminah · draf 1/13 · 0 hari",
        "➕ Mulai pendaftaran baru",
    ]
    received = await rina.press("Siti Aminah")
    assert "Berapa NIK pemilik usaha?" in received[-1].text
    assert await vendors(telegram) == 1

    await rina.say("/daftarkan")
    received = await rina.press("Mulai pendaftaran baru")
    assert "atas nama pemiliknya" in received[-1].text
    assert await vendors(telegram) == 2


async def test_link_sent_again_and_draft_deleted(telegram: TelegramBot) -> None:
    rina = await mentor(telegram, 1131)
    await draft_until_business_name(rina)
    await rina.press("Berhenti dulu")
    await rina.say("/binaan")
    await rina.press("Siti Aminah")
    first = await claim_link((await rina.press("Buat tautan untuk pemilik"))[-1].text)

    await rina.say("/binaan")
    card = await rina.press("Siti Aminah")
    assert "Tautan untuk pemilik sudah dibuat, tapi belum dipakai." in card[-1].text
    received = await rina.press("Kirim tautan lagi")
    assert received[0].kind == "photo"
    second = await claim_link(received[-1].text)
    assert second != first
    stale = await telegram.user(1132).say(f"/start {first}")
    assert "sudah dipakai atau sudah kedaluwarsa" in stale[0].text

    await rina.say("/binaan")
    await rina.press("Siti Aminah")
    received = await rina.press("Hapus draf")
    assert "Semua isian di draf ini akan hilang" in received[-1].text
    received = await rina.press("Ya, hapus draf")
    assert "Draf sudah dihapus" in received[0].text
    assert await vendors(telegram) == 0
    async with telegram.services.uow_factory() as uow:  # the placeholder owner went too
        users = await uow.session.scalar(select(func.count()).select_from(User))
    assert users == 3  # the admin, Rina and the person who tried the old link
    late = await telegram.user(1133).say(f"/start {second}")
    assert "sudah dipakai atau sudah kedaluwarsa" in late[0].text


async def test_mentor_hears_when_the_vendor_claims_submits_is_sent_back_and_approved(
    telegram: TelegramBot,
) -> None:
    rina = await mentor(telegram, 1141)
    await draft_until_business_name(rina)
    for answer in ("Keripik Apel Bu Siti", "9120001234567", "10792"):
        await rina.say(answer)
    await rina.press("Lewati")
    await rina.say("300 juta")
    await rina.press("Ya, benar")
    await rina.press("Makanan dan Minuman")
    await rina.press("Bumiaji")
    await rina.press("Punten")
    await rina.say("Jl. Raya Punten No. 12")
    summary = await rina.press("Lewati")
    assert "buat tautan untuk pemilik: pemilik memeriksa" in summary[-1].text
    assert "Kirim untuk diverifikasi" not in " ".join(summary[-1].labels)
    link = await claim_link((await rina.press("Buat tautan untuk pemilik"))[-1].text)

    siti = telegram.user(1142)
    await siti.say(f"/start {link}")
    await siti.press("Saya setuju")
    assert "Keripik Apel Bu Siti sudah mengambil draf pendaftarannya" in rina.last.text
    assert rina.last.labels == ["👤 Keripik Apel Bu Siti"]
    await siti.press("Kirim untuk diverifikasi")
    assert "Keripik Apel Bu Siti sudah mengirim pendaftaran" in rina.last.text

    admin = telegram.user(ADMIN_ID, first_name="Admin")
    await admin.say("/antrian")
    await admin.press("Keripik Apel Bu Siti")
    await admin.press("Perlu perbaikan")
    await admin.press("Alamat")
    await admin.press("Lanjut")
    await admin.press("Data tidak sesuai dokumen")
    await admin.press("Kirim keputusan")
    assert "Pendaftaran Keripik Apel Bu Siti diminta diperbaiki" in rina.last.text

    await siti.press("Perbaiki sekarang")
    await siti.say("Jl. Raya Punten No. 14")
    await siti.press("Kirim untuk diverifikasi")
    await admin.say("/antrian")
    await admin.press("Keripik Apel Bu Siti")
    await admin.press("Setujui")
    await admin.press("Ya, setujui")
    assert "Pendaftaran Keripik Apel Bu Siti sudah disetujui" in rina.last.text
    received = await rina.press("Keripik Apel Bu Siti")
    assert "Status: ✅ Disetujui" in received[-1].text
    assert "💬 Kirim pesan" in received[-1].labels


async def test_a_message_the_mentor_types_is_never_lost(
    telegram: TelegramBot, clock: FakeClock
) -> None:
    rina = await mentor(telegram, 1151)
    admin = telegram.user(ADMIN_ID, first_name="Admin")
    await admin.say("/pendamping wilayah 1151 Bumiaji")
    siti = await stuck_vendor(telegram, 1152)
    await siti.say("/pendamping")
    await siti.say("Bu, KBLI saya apa ya?")

    await rina.press("Balas")
    clock.advance(hours=2)  # written slowly: still sent
    received = await rina.say("Lihat lembar NIB, bagian KBLI.")
    assert "Pesan terkirim" in received[-1].text
    assert "Lihat lembar NIB, bagian KBLI." in siti.last.text

    await siti.say("/pendamping")
    await siti.say("Terima kasih, Bu.")
    await rina.press("Balas")
    await siti.say("/hapusdata")
    await siti.press("Ya, hapus")
    received = await rina.say("Sama-sama, semoga lancar.")
    assert "Pesan Anda tidak hilang" in received[-1].text
    assert "Sama-sama, semoga lancar." in received[-1].text


async def test_digest_links_to_each_vendor(telegram: TelegramBot, clock: FakeClock) -> None:
    rina = await mentor(telegram, 1161)
    admin = telegram.user(ADMIN_ID, first_name="Admin")
    await admin.say("/pendamping wilayah 1161 Bumiaji")
    await stuck_vendor(telegram, 1162)
    clock.advance(days=4)
    await telegram.services.engine.run_daily_round()
    await telegram.services.outbox.deliver()
    assert "Ringkasan harian" in rina.last.text
    assert rina.last.labels == ["👤 Keripik Apel Bu Siti", "👥 Binaan saya"]
    received = await rina.press("Keripik Apel Bu Siti")
    assert "🏪 Keripik Apel Bu Siti" in received[-1].text
    assert "💬 Kirim pesan" in received[-1].labels


async def test_a_mentor_whose_role_was_taken_is_not_offered(telegram: TelegramBot) -> None:
    await mentor(telegram, 1171)
    admin = telegram.user(ADMIN_ID, first_name="Admin")
    await admin.say("/pendamping wilayah 1171 Bumiaji")
    siti = await stuck_vendor(telegram, 1172)
    assert any("Pendamping Anda: Rina" in m.text for m in await siti.say("/status"))
    await admin.say("/peran cabut 1171 pendamping")
    assert not any("Pendamping Anda" in m.text for m in await siti.say("/status"))
    received = await siti.say("/pendamping")
    assert "Anda belum punya pendamping" in received[-1].text
