"""The normaliser of typed chat text and the readers built on it."""

from __future__ import annotations

import pytest

from handlers.answers import is_none_answer, yes_or_no
from handlers.choices import match_choice
from handlers.events import CommandReceived, Sender, TextReceived, sanitized, sanitized_sender
from handlers.questions import Question, question_in
from models.validators.chat import normalise, prepared, visible

KECAMATAN = [("kec.1", "Batu"), ("kec.2", "Bumiaji"), ("kec.3", "Junrejo")]


@pytest.mark.parametrize(
    "text",
    [
        "Keripik\u202e Apel",  # right-to-left override
        "Keripik\u200b Apel",  # zero-width space
        "Keripik\ue000 Apel",  # private use
        "Keripik\ud800 Apel",  # lone surrogate
        "Keripik\ufeff Apel",  # byte order mark
        "Keripik\x00 Apel",
    ],
)
def test_invisible_code_points_are_removed(text: str) -> None:
    assert visible(text) == "Keripik Apel"
    assert sanitized(TextReceived(text)) == TextReceived("Keripik Apel")
    cleaned = visible(text)
    cleaned.encode("utf-8")  # a lone surrogate would not encode


def test_line_breaks_tabs_and_emoji_are_kept_in_stored_text() -> None:
    assert visible("Jl. Raya\nNo. 5\t🍎") == "Jl. Raya\nNo. 5\t🍎"


def test_commands_and_display_names_are_cleaned() -> None:
    event = sanitized(CommandReceived("cari", "kerip\u200bik"))
    assert event == CommandReceived("cari", "keripik")
    sender = sanitized_sender(Sender("telegram", "1", display_name="Ri\u202ena\udc00 "))
    assert sender.display_name == "Rina"
    assert sanitized_sender(Sender("telegram", "1", display_name="\u200b")).display_name is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("udh gk pny", "sudah tidak punya"),
        ("Blm ada NIB nya kak 🙏", "belum ada nib nya kak"),
        ("iyaaa bener", "iya benar"),
        ("gmn caranya, brp lama?", "bagaimana caranya berapa lama"),
        ("yg kemarin utk dgn", "yang kemarin untuk dengan"),
        ("okeee sipp", "oke oke"),
        ("agree", "agree"),
    ],
)
def test_normalise(text: str, expected: str) -> None:
    assert normalise(text) == expected


def test_reduplication_and_approximation_are_spelled_out_for_parsers() -> None:
    assert prepared("kira2 ±25jt") == "kira kira sekitar 25jt"
    assert prepared("Rp2.000.000") == "Rp2.000.000"  # not a reduplication


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("bumiaji", ("kec.2",)),
        ("kec. bumiajii", ("kec.2",)),
        ("bumia", ("kec.2",)),
        ("2", ("kec.2",)),
        ("9", ()),
        ("malang", ()),
    ],
)
def test_match_choice(text: str, expected: tuple[str, ...]) -> None:
    assert match_choice(text, KECAMATAN).ids == expected


def test_close_choices_are_all_offered() -> None:
    options = [("a", "Jasa Boga"), ("b", "Jasa Keamanan"), ("c", "Makanan")]
    assert set(match_choice("jasa", options).ids) == {"a", "b"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ya bener", True),
        ("sudah benar kak", True),
        ("iya, sesuai", True),
        ("ga bener", False),
        ("kurang tepat", False),
        ("ya tapi salah", None),
        ("25 juta", None),
        ("mungkin", None),
    ],
)
def test_yes_or_no(text: str, expected: bool | None) -> None:
    assert yes_or_no(text) is expected


@pytest.mark.parametrize(
    "text", ["Toko Ada Saja", "Apel Tidak Biasa", "0", "siti@gmail.com", "9120001234567"]
)
def test_values_are_not_read_as_nothing(text: str) -> None:
    assert not is_none_answer(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("udah di acc belum?", Question.STATUS),
        ("contohnya gimana?", Question.HELP),
        ("Keripik Apel Bu Siti", None),
        ("Apa Kabar Snack", None),
        ("Bumiaji?", None),  # an unsure answer, not a question
        ("apa?", Question.HELP),
        ("25 juta per bulan?", None),  # an unsure answer is still an answer
    ],
)
def test_question_in(text: str, expected: Question | None) -> None:
    assert question_in(text) is expected
