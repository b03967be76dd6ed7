"""Engine messages rendered within WhatsApp's limits."""

from __future__ import annotations

import pytest
from pywa.types.callback import Button, SectionList

from bot.whatsapp.render import OWN_NUMBER, Outgoing, render, split_tail, split_text
from handlers.i18n import Locales, Translator
from handlers.replies import OutButton, OutMessage


@pytest.fixture(scope="module")
def tr() -> Translator:
    return Locales().translator("id")


def message(text: str, *labels: str, contact_label: str | None = None) -> OutMessage:
    buttons = tuple((OutButton(f"7.{i}", label),) for i, label in enumerate(labels))
    return OutMessage(text, buttons, contact_label=contact_label)


def reply_buttons(outgoing: Outgoing) -> list[tuple[str, str]]:
    assert isinstance(outgoing.buttons, tuple)
    return [(str(button.callback_data), button.title) for button in outgoing.buttons]


def list_rows(outgoing: Outgoing) -> list[tuple[str, str, str | None]]:
    assert isinstance(outgoing.buttons, SectionList)
    return [
        (str(row.callback_data), row.title, row.description)
        for section in outgoing.buttons.sections
        for row in section.rows
    ]


def test_plain_text(tr: Translator) -> None:
    assert render(message("Halo"), tr) == [Outgoing("Halo")]


def test_up_to_three_short_labels_are_reply_buttons(tr: Translator) -> None:
    [outgoing] = render(message("Setuju?", "✅ Saya setuju", "Tidak setuju"), tr)
    assert outgoing.text == "Setuju?"
    assert reply_buttons(outgoing) == [("7.0", "✅ Saya setuju"), ("7.1", "Tidak setuju")]


def test_a_label_too_long_for_a_button_makes_a_list(tr: Translator) -> None:
    label = "Buka kartu verifikasi sekarang"
    [outgoing] = render(message("Ringkasan", label), tr)
    assert isinstance(outgoing.buttons, SectionList)
    assert outgoing.buttons.button_title == "Lihat pilihan"
    assert list_rows(outgoing) == [("7.0", "Buka kartu verifikasi…", label)]


def test_a_long_label_shows_its_short_form_with_the_whole_label_below(tr: Translator) -> None:
    submit = OutButton("7.0", "✅ Kirim untuk diverifikasi", short_label="✅ Kirim")
    later = OutButton("7.1", "💾 Simpan, lanjut nanti", short_label="💾 Lanjut nanti")
    [outgoing] = render(OutMessage("Ringkasan", ((submit, later),)), tr)
    assert reply_buttons(outgoing) == [("7.0", "✅ Kirim"), ("7.1", "💾 Lanjut nanti")]
    rows = render(OutMessage("Ringkasan", ((submit,),) * 4), tr)[0]
    assert list_rows(rows)[0] == ("7.0", "✅ Kirim", "✅ Kirim untuk diverifikasi")


def test_a_description_is_shortened_too(tr: Translator) -> None:
    label = "✔️ Tetap: " + "Jl. Raya Punten No. 12, RT 02/RW 05, Desa Punten, Kecamatan Bumiaji"
    [(_, title, description)] = list_rows(render(message("Alamat?", label), tr)[0])
    assert title == "✔️ Tetap: Jl. Raya…"  # after a whole word
    assert len(description or "") <= 72 and (description or "").endswith("Kecamatan…")


def test_more_than_ten_choices_are_several_balanced_lists(tr: Translator) -> None:
    labels = [f"Pilihan {number}" for number in range(1, 26)]
    outgoing = render(message("Pilih satu:", *labels), tr)
    assert [item.text for item in outgoing] == [
        "Pilih satu:",
        "Pilihan lainnya (2 dari 3):",
        "Pilihan lainnya (3 dari 3):",
    ]
    rows = [list_rows(item) for item in outgoing]
    assert [len(page) for page in rows] == [9, 8, 8]
    assert [token for page in rows for token, _, _ in page] == [f"7.{i}" for i in range(25)]


@pytest.mark.parametrize(("count", "sizes"), [(10, [10]), (11, [6, 5]), (21, [7, 7, 7])])
def test_no_list_holds_a_lone_row(tr: Translator, count: int, sizes: list[int]) -> None:
    outgoing = render(message("Pilih:", *(f"Desa {n}" for n in range(count))), tr)
    assert [len(list_rows(item)) for item in outgoing] == sizes


def test_main_actions_first_and_navigation_last_in_several_lists(tr: Translator) -> None:
    choices = tuple((OutButton(f"7.{i}", f"Data {i}"),) for i in range(10))
    actions = ((OutButton("7.10", "✅ Kirim"), OutButton("7.11", "💾 Simpan")),)
    navigation = ((OutButton("7.12", "◀️ Kembali"), OutButton("7.13", "❓ Bantuan")),)
    buttons = choices + actions + navigation
    outgoing = render(OutMessage("Ringkasan", buttons, action_count=2, navigation_count=2), tr)
    titles = [title for item in outgoing for _, title, _ in list_rows(item)]
    assert titles[:2] == ["✅ Kirim", "💾 Simpan"]
    assert titles[-2:] == ["◀️ Kembali", "❓ Bantuan"]
    assert titles[2:-2] == [f"Data {i}" for i in range(10)]


def test_contact_request_becomes_a_send_my_number_choice(tr: Translator) -> None:
    [outgoing] = render(message("Nomor HP?", "❓ Bantuan", contact_label="📱 Kirim nomor saya"), tr)
    assert reply_buttons(outgoing) == [(OWN_NUMBER, "📱 Kirim nomor saya"), ("7.0", "❓ Bantuan")]


def test_long_text_is_split_between_paragraphs(tr: Translator) -> None:
    paragraphs = [f"Paragraf {number}. " + "kata " * 300 for number in range(1, 6)]
    outgoing = render(message("\n\n".join(paragraphs)), tr)
    assert len(outgoing) == 3
    assert all(len(item.text) <= 4096 and item.buttons is None for item in outgoing)
    assert [item.text.count("Paragraf") for item in outgoing] == [1, 2, 2]


def test_long_text_with_choices_ends_with_its_last_part_as_the_body(tr: Translator) -> None:
    notice = "\n\n".join(f"Ketentuan {number}: " + "data " * 80 for number in range(1, 6))
    outgoing = render(message(f"{notice}\n\nApakah Anda setuju?", "Setuju", "Tidak"), tr)
    *texts, question = outgoing
    assert all(item.buttons is None for item in texts)
    assert isinstance(question.buttons, tuple) and len(question.text) <= 1024
    assert question.text.endswith("Apakah Anda setuju?")
    assert "Ketentuan 1" in texts[0].text
    assert isinstance(question.buttons[0], Button)


def test_split_tail_prefers_paragraphs_then_lines_then_words() -> None:
    assert split_tail("satu\n\ndua\ntiga", 9) == ("satu", "dua\ntiga")
    assert split_tail("satu\ndua tiga", 8) == ("satu", "dua tiga")
    assert split_tail("satu dua tiga", 5) == ("satu dua", "tiga")
    assert split_tail("abcdefgh", 3) == ("abcde", "fgh")


def test_split_text_keeps_every_word() -> None:
    text = "\n".join(f"baris {number} " + "x" * number for number in range(200))
    pieces = split_text(text, 300)
    assert all(len(piece) <= 300 for piece in pieces)
    assert "\n".join(pieces).split() == text.split()
