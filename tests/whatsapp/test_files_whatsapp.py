"""Files and photos reach WhatsApp users as on Telegram: uploaded through the Graph media API,
sent by media id, the id reused while WhatsApp keeps the upload, and a line of text instead of
a file over WhatsApp's limits."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from bot.settings import Settings
from bot.whatsapp import sending
from models.entities import WhatsAppMedia
from models.services.access import AccessService, Role
from tests.support.clock import FakeClock
from tests.support.telegram_chat import jpeg_bytes
from tests.whatsapp.chat import WhatsAppServer, WhatsAppUser
from tests.whatsapp.fake_graph import Media, SentMessage
from tests.whatsapp.test_registration_whatsapp import register_until_summary

STAFF = ("ID.5550000000000001", "6281355550001")
BOT_USERNAME = "KatalogUmkmBatuBot"


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return settings.model_copy(update={"telegram_bot_username": BOT_USERNAME})


async def staff(whatsapp: WhatsAppServer, role: Role) -> WhatsAppUser:
    """A bureau employee who works from WhatsApp (granted on the server's command line)."""
    person = whatsapp.user(*STAFF)
    await person.say("halo")
    async with whatsapp.services.uow_factory() as uow:
        target = await uow.users.by_identity("whatsapp", person.bsuid)
        assert target is not None
        await AccessService(uow, whatsapp.services.clock, frozenset()).grant(None, target, role)
        await uow.commit()
    return person


async def vendor_with_product(whatsapp: WhatsAppServer, photos: int = 2) -> WhatsAppUser:
    """A submitted registration and a submitted product with ``photos`` photos."""
    user = whatsapp.user()
    await register_until_summary(user)
    await user.press("Kirim untuk diverifikasi")
    await user.say("tambah produk")
    await user.say("Keripik Apel Original 200 gram")
    await user.press("Makanan dan Minuman")
    await user.say("Keripik apel asli Batu tanpa pengawet. Berat 200 gram, kemasan pouch.")
    await user.press("Lewati")
    await user.press("pcs")
    await user.say("15rb")
    await user.press("Ya, benar")
    await user.say("10")
    await user.say("1.000")
    await user.press("Ya, produk dalam negeri")
    for _ in range(3):
        await user.press("Lewati")
    for number, color in zip(range(photos), ("orange", "green", "red"), strict=False):
        whatsapp.graph.media[f"900{number}"] = Media(jpeg_bytes(color=color), "image/jpeg")
        await user.send(
            "image", image={"id": f"900{number}", "mime_type": "image/jpeg", "sha256": "0" * 64}
        )
    await user.press("Selesai")
    await user.say("2")
    await user.press("Kirim untuk diverifikasi")
    return user


def files(messages: list[SentMessage]) -> list[SentMessage]:
    return [message for message in messages if message.kind in ("image", "document")]


async def uploads_remembered(whatsapp: WhatsAppServer) -> int:
    async with whatsapp.services.uow_factory() as uow:
        return int(await uow.session.scalar(select(func.count()).select_from(WhatsAppMedia)) or 0)


async def test_my_data_comes_as_a_json_document(whatsapp: WhatsAppServer) -> None:
    user = whatsapp.user()
    await register_until_summary(user)
    await user.press("Kirim untuk diverifikasi")

    received = await user.say("/datasaya")

    document, text = received[0], received[-1].text
    assert document.kind == "document" and document.filename == "data-saya-2026-11-24.json"
    assert document.media is not None and document.media.mime_type == "text/plain"
    exported = json.loads(document.media.data)
    assert exported["registration"]["owner_name"] == "Siti Aminah"
    assert exported["channel_identities"][0]["external_id"] == user.bsuid
    assert "Berikut semua data pribadi Anda yang kami simpan" in text


async def test_product_card_shows_its_photos_uploaded_once(
    whatsapp: WhatsAppServer, clock: FakeClock
) -> None:
    await vendor_with_product(whatsapp, photos=2)
    reviewer = await staff(whatsapp, Role.REVIEWER)

    await reviewer.say("/antrian")
    card = await reviewer.press("Keripik Apel Original 200 gram")
    photos = files(card)
    assert [photo.kind for photo in photos] == ["image", "image"]
    assert card[:2] == photos  # the photos come before the card's text
    assert all(photo.media and photo.media.data.startswith(b"\xff\xd8\xff") for photo in photos)
    assert "Foto: 2 foto" in text_after(card)
    assert len(whatsapp.graph.uploads) == 2

    await reviewer.say("/antrian")
    again = await reviewer.press("Keripik Apel Original 200 gram")
    assert len(files(again)) == 2
    assert len(whatsapp.graph.uploads) == 2  # sent again by the remembered media ids
    assert await uploads_remembered(whatsapp) == 2

    clock.advance(days=30)  # WhatsApp has dropped the uploads by now
    await reviewer.say("/antrian")
    later = await reviewer.press("Keripik Apel Original 200 gram")
    assert len(files(later)) == 2 and len(whatsapp.graph.uploads) == 4


async def test_vendor_sees_the_photos_on_their_product_card(whatsapp: WhatsAppServer) -> None:
    vendor = await vendor_with_product(whatsapp, photos=2)
    await vendor.say("produk saya")

    card = await vendor.press("Keripik Apel Original")

    assert [message.kind for message in card[:2]] == ["image", "image"]
    assert "Foto: 2 foto" in text_after(card)


async def test_an_upload_whatsapp_no_longer_knows_is_uploaded_again(
    whatsapp: WhatsAppServer,
) -> None:
    await vendor_with_product(whatsapp, photos=1)
    reviewer = await staff(whatsapp, Role.REVIEWER)
    await reviewer.say("/antrian")
    await reviewer.press("Keripik Apel Original 200 gram")
    whatsapp.graph.expired |= set(whatsapp.graph.uploads)  # deleted early on Meta's side

    await reviewer.say("/antrian")
    card = await reviewer.press("Keripik Apel Original 200 gram")
    assert len(files(card)) == 1 and len(whatsapp.graph.uploads) == 2


async def test_statistics_come_with_their_chart(whatsapp: WhatsAppServer) -> None:
    await vendor_with_product(whatsapp, photos=1)
    reviewer = await staff(whatsapp, Role.REVIEWER)

    received = await reviewer.say("/statistik")

    chart = received[0]
    assert chart.kind == "image" and chart.media is not None
    assert chart.media.mime_type == "image/png" and chart.media.data.startswith(b"\x89PNG")
    assert "Pendaftaran usaha: 1" in text_after(received)
    assert await uploads_remembered(whatsapp) == 0  # made for this message only


async def test_export_comes_as_csv_and_xlsx_documents(whatsapp: WhatsAppServer) -> None:
    await vendor_with_product(whatsapp, photos=1)
    reviewer = await staff(whatsapp, Role.SUPERADMIN)
    for label in ("🏪 Keripik Apel Bu Siti", "Keripik Apel Original 200 gram"):
        await reviewer.say("/antrian")
        await reviewer.press(label)
        await reviewer.press("Setujui")
        await reviewer.press("Ya, setujui")

    received = await reviewer.say("/ekspor")

    documents = files(received)
    assert [document.filename for document in documents] == [
        "katalog-umkm-20261124-0900.csv",
        "katalog-umkm-20261124-0900.xlsx",
    ]
    csv_file, xlsx_file = (document.media for document in documents)
    assert csv_file is not None and xlsx_file is not None
    rows = list(csv.DictReader(io.StringIO(csv_file.data.decode("utf-8-sig"))))
    assert [row["Nama Produk"] for row in rows] == ["Keripik Apel Original 200 gram"]
    sheet = load_workbook(io.BytesIO(xlsx_file.data)).active
    assert sheet is not None and sheet.max_row == 2  # the header and one product
    assert "1 produk yang disetujui" in received[-1].text


async def test_mentor_gets_the_claim_link_as_a_qr_code(whatsapp: WhatsAppServer) -> None:
    mentor = await staff(whatsapp, Role.MENTOR)
    await mentor.say("/daftarkan")
    for answer in ("Siti Aminah", "3579014101850001", "0812 3456 7890", "Keripik Apel Bu Siti"):
        await mentor.say(answer)
    await mentor.say("9120001234567")
    await mentor.say("10792")
    await mentor.press("Lewati")
    await mentor.say("300 juta")
    await mentor.press("Ya, benar")
    await mentor.press("Makanan dan Minuman")
    await mentor.press("Bumiaji")
    await mentor.press("Punten")
    await mentor.say("Jl. Raya Punten No. 12")
    await mentor.press("Lewati")

    received = await mentor.press("Buat tautan untuk pemilik")

    qr_code = received[0]
    assert qr_code.kind == "image" and qr_code.media is not None
    assert qr_code.media.data.startswith(b"\x89PNG")
    assert re.search(rf"https://t\.me/{BOT_USERNAME}\?start=c-", text_after(received))


async def test_a_file_over_whatsapps_limit_is_announced_instead(
    whatsapp: WhatsAppServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    user = whatsapp.user()
    await register_until_summary(user)
    monkeypatch.setattr(sending, "DOCUMENT_LIMIT", 100)  # the JSON copy is larger

    received = await user.say("/datasaya")

    assert files(received) == [] and whatsapp.graph.uploads == {}
    assert re.match(
        r"Berkas data-saya-2026-11-24\.json \(0\.0 MB\) terlalu besar untuk WhatsApp",
        received[0].text,
    )
    assert "Berikut semua data pribadi Anda" in received[-1].text


async def test_a_file_whatsapp_refuses_is_announced_and_the_text_still_comes(
    whatsapp: WhatsAppServer,
) -> None:
    user = whatsapp.user()
    await register_until_summary(user)
    whatsapp.graph.refuse_uploads = True

    received = await user.say("/datasaya")

    assert "berkas data-saya-2026-11-24.json gagal terkirim" in received[0].text
    assert "Berikut semua data pribadi Anda" in received[-1].text


def text_after(messages: list[SentMessage]) -> str:
    return "\n".join(
        message.text for message in messages if message.kind not in ("image", "document")
    )
