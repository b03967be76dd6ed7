"""NIK and NPWP in the review: masked, shown in full on request (recorded), and never logged."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import select

from bot.redaction import RedactingFilter, install
from bot.settings import Settings
from models.entities import DataReveal
from tests.e2e.test_registration_telegram import register_until_summary
from tests.e2e.test_review_telegram import ADMIN_ID, reviewer, submitted_vendor
from tests.support.telegram_chat import TOKEN, TelegramBot

NIK = "3579014101850001"
NPWP_TYPED = "01.234.567.8-901.000"
UNKNOWN = "Perintah itu tidak kami kenal."


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return settings.model_copy(update={"admin_telegram_ids": str(ADMIN_ID)})


async def test_reviewer_sees_the_nik_masked_until_shown_and_the_access_is_recorded(
    telegram: TelegramBot,
) -> None:
    await submitted_vendor(telegram, 701, "Keripik Apel Bu Siti")
    admin = telegram.user(ADMIN_ID, first_name="Admin")
    await admin.say("/start")
    rina = await reviewer(telegram, admin, 702, "Rina")

    await rina.say("/antrian")
    card = await rina.press("Keripik Apel Bu Siti")
    assert "NIK: 3579 01•• •••• 0001" in card[-1].text
    assert NIK not in card[-1].text
    assert "👁 Tampilkan NIK" in card[-1].labels
    assert not [label for label in card[-1].labels if "NPWP" in label]  # NPWP skipped

    shown = await rina.press("Tampilkan NIK")
    assert "🔓 NIK ditampilkan lengkap. Akses ini tercatat di riwayat pengajuan." in shown[-1].text
    assert f"NIK: {NIK}" in shown[-1].text
    assert "👁 Tampilkan NIK" not in shown[-1].labels

    history = await rina.press("Riwayat")
    assert "Data pribadi yang pernah ditampilkan:" in history[-1].text
    assert "NIK dilihat oleh Rina" in history[-1].text
    async with telegram.services.uow_factory() as uow:
        rina_user = await uow.users.by_identity("telegram", "702")
        assert rina_user is not None
        query = select(DataReveal.field, DataReveal.actor_user_id, DataReveal.revealed_at)
        reveals = [tuple(row) for row in await uow.session.execute(query)]
        assert reveals == [("nik", rina_user.id, telegram.clock())]


async def test_revoked_reviewer_cannot_show_the_nik(telegram: TelegramBot) -> None:
    await submitted_vendor(telegram, 711, "Keripik Apel Bu Siti")
    admin = telegram.user(ADMIN_ID, first_name="Admin")
    await admin.say("/start")
    rina = await reviewer(telegram, admin, 712, "Rina")
    await rina.say("/antrian")
    card = await rina.press("Keripik Apel Bu Siti")
    await admin.say("/peran cabut 712 verifikator")

    refused = await rina.press("Tampilkan NIK", card[-1])

    assert refused[0].text == UNKNOWN
    async with telegram.services.uow_factory() as uow:
        assert (await uow.session.execute(select(DataReveal))).first() is None


async def test_no_log_record_carries_personal_data_or_the_token(
    telegram: TelegramBot, caplog: pytest.LogCaptureFixture
) -> None:
    """A whole registration and review, with every logger at DEBUG (the HTTP client, the bot
    library and SQLAlchemy's statements included), filtered as the CLI filters its logs."""
    redactor = RedactingFilter([TOKEN])
    install(redactor, [caplog.handler])
    for name in ["", *logging.root.manager.loggerDict, "sqlalchemy.engine", "httpx"]:
        caplog.set_level(logging.DEBUG, logger=name)

    siti = telegram.user(721)
    await register_until_summary(siti)
    await siti.press("NPWP")
    await siti.say(NPWP_TYPED)
    await siti.press("Kirim untuk diverifikasi")
    await siti.say("/status")
    admin = telegram.user(ADMIN_ID, first_name="Admin")
    await admin.say("/start")
    await admin.say("/antrian")
    await admin.press("Keripik Apel Bu Siti")
    await admin.press("Tampilkan NIK")
    shown = await admin.press("Tampilkan NPWP")
    assert "NPWP: 0012345678901000" in shown[-1].text
    await admin.press("Setujui")
    await admin.press("Ya, setujui")
    await admin.say("/cari 3579014101850001")

    forbidden = [NIK, "3579 0141 0185 0001", "0012345678901000", NPWP_TYPED]
    forbidden += ["6281234567890", "812-3456-7890", "81234567890", TOKEN]
    leaks = [
        (record.name, secret)
        for record in caplog.records
        for secret in forbidden
        if secret in caplog.handler.format(record)
    ]
    assert caplog.records and not leaks
    own = ("bot", "handlers", "models")
    assert not [
        r.getMessage() for r in caplog.records if r.name.startswith(own) and "[redacted]" in r.msg
    ], "our own code logged personal data"
