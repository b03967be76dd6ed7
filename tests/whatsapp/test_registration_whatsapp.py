"""A vendor registers end to end over WhatsApp: signed Cloud API webhooks in, Graph API calls
out, the same flows and database as on Telegram."""

from __future__ import annotations

from models.entities import Vendor
from tests.whatsapp.chat import WhatsAppServer, WhatsAppUser
from tests.whatsapp.fake_graph import SentMessage


async def answer_until_phone(user: WhatsAppUser) -> None:
    await user.say("/daftar")
    await user.press("Saya setuju")
    await user.say("Siti Aminah")
    await user.say("3579 0141 0185 0001")


async def register_until_summary(user: WhatsAppUser) -> None:
    """The answers of the Telegram registration; the number is sent with one press."""
    await answer_until_phone(user)
    await user.press("Kirim nomor saya")
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


async def vendor_row(server: WhatsAppServer, user: WhatsAppUser) -> Vendor:
    async with server.services.uow_factory() as uow:
        account = await uow.users.by_identity("whatsapp", user.bsuid)
        assert account is not None
        vendor = await uow.vendors.by_user(account.id)
        assert vendor is not None
        uow.session.expunge(vendor)
        return vendor


def text_of(messages: list[SentMessage]) -> str:
    return "\n".join(message.text for message in messages)


async def test_full_registration_then_status(whatsapp: WhatsAppServer) -> None:
    user = whatsapp.user()
    await register_until_summary(user)

    summary = text_of(user.inbox[-4:])
    assert "Ringkasan pendaftaran" in summary
    for expected in (
        "Nama pemilik: Siti Aminah",
        "NIK: 3579014101850001",
        "Nomor HP: +6281234567890",
        "Etalase: Makanan dan Minuman",
        "Email: keripikapel@gmail.com",
    ):
        assert expected in summary

    received = await user.press("Kirim untuk diverifikasi")
    assert "sudah dikirim ke BPBJ Kota Batu" in received[-1].text
    status = await user.say("/status")
    assert "sedang diperiksa petugas BPBJ Kota Batu" in status[0].text

    vendor = await vendor_row(whatsapp, user)
    assert (vendor.status, vendor.phone) == ("submitted", "+6281234567890")
    assert vendor.kbli == ["10792", "47211"]


async def test_phone_question_offers_the_number_whatsapp_knows(whatsapp: WhatsAppServer) -> None:
    user = whatsapp.user()
    await answer_until_phone(user)
    assert "Berapa nomor HP (WhatsApp)" in user.last.text
    assert "📱 Kirim nomor saya" in user.last.labels

    received = await user.press("Kirim nomor saya")
    assert "Nomor +6281234567890 sudah tersimpan" in received[0].text


async def test_phone_can_be_typed(whatsapp: WhatsAppServer) -> None:
    user = whatsapp.user()
    await answer_until_phone(user)
    received = await user.say("0813 1111 2222")
    assert "Nomor +6281311112222 sudah tersimpan" in received[0].text


async def test_hidden_number_is_asked_for_through_whatsapp(whatsapp: WhatsAppServer) -> None:
    """A user with a WhatsApp username: the press asks WhatsApp to share the number."""
    user = whatsapp.user(bsuid="ID.9876543210987654", number=None)
    await answer_until_phone(user)
    received = await user.press("Kirim nomor saya")
    assert [(m.kind, m.text) for m in received] == [("request_contact_info", "📱 Kirim nomor saya")]

    received = await user.share_number("+62 812-3456-7890")
    assert "Nomor +6281234567890 sudah tersimpan" in received[0].text
    assert (await vendor_row(whatsapp, user)).phone == "+6281234567890"


async def test_more_than_ten_choices_come_as_several_lists(whatsapp: WhatsAppServer) -> None:
    """The 16 etalase, "keep", back, help and cancel: two lists of 10 rows; any row works."""
    user = whatsapp.user()
    await register_until_summary(user)
    received = await user.press("Etalase")  # edit the etalase from the summary

    lists = [message for message in received if message.kind == "list"]
    assert [len(message.rows) for message in lists] == [10, 10]
    assert "Pilih etalase" in lists[0].text
    assert lists[1].text == "Pilihan lainnya (2 dari 2):"
    long_label = next(row for row in lists[0].rows if row.description)
    assert long_label.title == "Jasa Kebersihan dan…"  # cut after a whole word
    assert long_label.description == "Jasa Kebersihan dan Pertamanan"

    furniture = next(row for row in lists[1].rows if row.title == "Mebel dan Furnitur")
    received = await user.choose(lists[1], furniture)
    assert "Etalase: Mebel dan Furnitur" in text_of(received)


async def test_the_summary_shows_its_main_actions_at_the_top_of_the_first_list(
    whatsapp: WhatsAppServer,
) -> None:
    """15 fields to edit and 2 actions do not fit one list: submitting must not hide on page 2."""
    user = whatsapp.user()
    await register_until_summary(user)
    summary = next(index for index, message in enumerate(user.inbox) if "Ringkasan" in message.text)
    lists = [message for message in user.inbox[summary:] if message.kind == "list"]
    assert len(lists) == 2
    first = [row.description or row.title for row in lists[0].rows]
    assert "Kirim untuk diverifikasi" in first[0] and "Simpan" in first[1]
    received = await user.choose(lists[0], lists[0].rows[0])
    assert "sudah dikirim ke BPBJ Kota Batu" in received[-1].text


async def test_kelurahan_lists_are_balanced_with_navigation_last(whatsapp: WhatsAppServer) -> None:
    """Kecamatan Batu has 8 kelurahan: with back, help and stop, 11 rows are 6 and 5."""
    user = whatsapp.user()
    await answer_until_phone(user)
    await user.press("Kirim nomor saya")
    for answer in ("Keripik Apel Bu Siti", "9120001234567", "10792"):
        await user.say(answer)
    await user.press("Lewati")
    await user.say("25 juta per bulan")
    await user.press("Ya, benar")
    await user.press("Makanan dan Minuman")

    received = await user.press("Batu")

    lists = [message for message in received if message.kind == "list"]
    assert [len(message.rows) for message in lists] == [6, 5]
    titles = [row.title for message in lists for row in message.rows]
    assert titles[0] == "Temas" and "Di desa/kelurahan mana" in lists[0].text
    assert titles[-3:] == ["⬅️ Kembali", "❓ Bantuan", "✖️ Berhenti dulu"]
    assert await user.choose(lists[1], lists[1].rows[0])  # a row of the second list works
    assert "Langkah 12 dari 13" in user.last.text


async def test_a_registration_typed_without_pressing_anything(whatsapp: WhatsAppServer) -> None:
    """On WhatsApp most vendors type: every answer here is typed, in chat Indonesian."""
    user = whatsapp.user()
    for answer in (
        "/daftar",
        "saya setuju",
        "nama saya ibu siti aminah",
        "NIK saya 3579 0141 0185 0001",
        "no wa 0812-3456-7890",
        "Keripik Apel Bu Siti",
        "gak ada nib nya kak",
        "lewati",
        "ga punya",
        "sebulan kira2 25jt",
        "iya bener",
        "makanan",
        "bumiaji",
        "ds punten",
        "Jl. Raya Punten No. 12, RT 02/RW 05",
        "-",
    ):
        await user.say(answer)
    summary = text_of(user.inbox[-4:])
    assert "Ringkasan pendaftaran" in summary
    for expected in (
        "Nama pemilik: Siti Aminah",
        "Desa/kelurahan: Punten",
        "Email: tidak ada",
        "omzet per tahun Rp300.000.000",
    ):
        assert expected in summary
    received = await user.say("kirim")
    assert "sudah dikirim ke BPBJ Kota Batu" in received[-1].text
    vendor = await vendor_row(whatsapp, user)
    assert (vendor.no_nib, vendor.email, vendor.email_skipped) == (True, None, True)
