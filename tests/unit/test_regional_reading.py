"""Regional words, emoji and spelling variants, the rule that a free-text step never stores a
question, complaint, refusal or "don't have", and a desa narrowed by the kecamatan typed with it."""

from __future__ import annotations

import pytest

from models.catalog import Catalog, load_catalog
from models.validators.chat import answer_words, normalise
from models.validators.variants import nearest
from tests.test_typed_corpus import read

FREE_TEXT_STEPS = ("owner_name", "business_name", "address", "product_name", "description")
SKIPPABLE_FREE_TEXT = ("brand",)
NOT_ANSWERS = {
    "question": ("apa itu?", "maksudnya gimana", "harus diisi ya?", "contone opo?", "naon eta?"),
    "complaint": ("kok ribet ya", "lama banget", "ribet cak", "repot temen", "kok akeh pitakone"),
    "refusal": ("gak mau", "nanti aja", "ora gelem", "mengko wae", "teu daek"),
    "none": ("belum ada", "durung duwe", "teu acan gaduh", "gak ada", "tidak punya"),
}
CASES = [(kind, text) for kind, texts in NOT_ANSWERS.items() for text in texts]


@pytest.mark.parametrize("step", FREE_TEXT_STEPS + SKIPPABLE_FREE_TEXT)
@pytest.mark.parametrize(("kind", "text"), CASES)
def test_a_free_text_step_never_stores_what_is_not_an_answer(
    step: str, kind: str, text: str
) -> None:
    got = read(step, text)
    if kind in ("question", "complaint"):
        assert got == "?help"
    else:  # the skip it means where the step is optional, else the same question again
        assert got == "<none>"


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("nggih", "iya"),
        ("👍🏻", "oke"),
        ("❌", "tidak"),
        ("he'eh", "iya"),
        ("yok opo iki?", "bagaimana ini"),
        ("durung duwe", "belum punya"),
        ("teu acan gaduh", "belum punya"),
        ("mboten wonten", "tidak ada"),
        ("kintun mawon", "kirim saja"),
        ("gamau", "tidak mau"),
    ],
)
def test_regional_words_and_emoji_read_as_indonesian(typed: str, words: str) -> None:
    assert answer_words(typed) == words.split()


@pytest.mark.parametrize("label", ["✅ Saya setuju", "✔️ Tetap: tidak ada", "❌ Batal"])
def test_the_emoji_of_a_button_label_are_not_read_as_words(label: str) -> None:
    assert normalise(label) == normalise(label[2:])


@pytest.mark.parametrize(
    ("variant", "meaning"),
    [("enggeh", "iya"), ("inggeh", "iya"), ("mbotenn", "tidak"), ("durungg", "belum")],
)
def test_spelling_variants_are_read_as_the_listed_word(variant: str, meaning: str) -> None:
    assert nearest(variant) == meaning
    assert answer_words(variant) == [meaning]


@pytest.mark.parametrize("word", ["sumber", "bumiaji", "keripik", "warung", "tulungrejo"])
def test_names_are_not_guessed_into_answer_words(word: str) -> None:
    assert nearest(word) is None


@pytest.fixture(scope="module")
def malang() -> Catalog:
    """Kabupaten Malang: four desa named Wonorejo, three named Sumberejo."""
    return load_catalog(served=("35.07",))


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("wonorejo kec poncokusumo", "35.07.07.2005"),
        ("wonorejo, lawang", "35.07.25.2012"),
        ("ds sumberejo kec gedangan", "35.07.29.2006"),
        ("desa sumberejo kecamatan pagak", "35.07.02.2008"),
        ("sumberejo pagak", "35.07.02.2008"),
        ("desa wonorejo kec lawng", "35.07.25.2012"),
        ("ds. wonorejo, kec. lawang, kab. malang", "35.07.25.2012"),
        ("wonorejo lawang malang", "35.07.25.2012"),
        ("wonorejo (singosari)", "35.07.24.2001"),
    ],
)
def test_a_desa_typed_with_its_kecamatan_is_narrowed_by_both(
    malang: Catalog, typed: str, code: str
) -> None:
    desa = malang.place_name(code) or ""
    assert len(malang.find_kelurahan(desa, "35.07")) > 1  # the name alone is several desa
    assert malang.kelurahan_with_kecamatan(typed, "35.07") == code


@pytest.mark.parametrize("typed", ["wonorejo", "sumberejo batu", "sidorejo kec pagak"])
def test_no_narrowing_without_a_kecamatan_that_has_the_desa(malang: Catalog, typed: str) -> None:
    assert malang.kelurahan_with_kecamatan(typed, "35.07") is None


@pytest.mark.parametrize(
    ("step", "typed", "meant"),
    [
        ("etalase", "kerajinan tangan", "suvenir-kerajinan"),
        ("etalase", "konveksi baju", "pakaian-konveksi"),
        ("summary", "langsung kirim aja", "summary.submit"),
        ("domestic", "luar negeri", "no"),
        ("etalase", "selain makanan", "<unmatched>"),
    ],
)
def test_a_choice_named_among_other_words_is_taken_unless_they_turn_it(
    step: str, typed: str, meant: str
) -> None:
    assert read(step, typed) == meant


@pytest.mark.parametrize("step", FREE_TEXT_STEPS + SKIPPABLE_FREE_TEXT)
@pytest.mark.parametrize("text", ["iki piye carane", "opo wae sing ditulis", "nib iku opo seh"])
def test_a_question_without_mark_or_question_word_first_gets_the_help(step: str, text: str) -> None:
    assert read(step, text) == "?help"


@pytest.mark.parametrize("step", FREE_TEXT_STEPS + SKIPPABLE_FREE_TEXT)
@pytest.mark.parametrize("text", ["terserah", "terserah kak", "bebas aja", "manut wae"])
def test_whatever_is_never_stored_as_a_value(step: str, text: str) -> None:
    assert read(step, text) == "<refused>"


@pytest.mark.parametrize(
    ("typed", "name"),
    [("engkok Mat Rawi", "Mat Rawi"), ("nyama kaula Siti Maimunah", "Siti Maimunah")],
)
def test_madurese_words_for_i_and_name_are_not_part_of_the_name(typed: str, name: str) -> None:
    assert read("owner_name", typed) == name


def test_a_name_that_reads_like_a_question_is_taken_when_typed_as_one() -> None:
    assert read("brand", "Apa Saja") == "Apa Saja"


@pytest.mark.parametrize(
    ("step", "typed", "meant"),
    [
        ("consent", "gaskeun", "agree"),
        ("consent", "lanjutkeun kang", "agree"),
        ("consent", "hayu atuh", "agree"),
        ("consent", "nanti dulu deh", "decline"),
        ("consent", "mengko wae", "decline"),
        ("nib", "can boga", "<none>"),
        ("tkdn", "ora ngerti babar blas", "<none>"),
        ("npwp", "npwp ne podo karo nik", "<nik>"),
        ("npwp", "npwp na sami sareng nik", "<nik>"),
    ],
)
def test_sundanese_verbs_not_yet_and_not_now(step: str, typed: str, meant: str) -> None:
    assert read(step, typed) == meant


@pytest.mark.parametrize("step", FREE_TEXT_STEPS[:-1] + SKIPPABLE_FREE_TEXT + ("unit",))
@pytest.mark.parametrize(
    "text",
    [
        *("assalamualaikum", "sampurasun", "pagi kak", "tunggu", "otw", "ok noted", "lupa namanya"),
        *("hmm", "p", "maaf baru bales", "eh salah", "batal", "tar dulu", "yaudah", "idem"),
    ],
)
def test_chat_said_to_a_person_is_never_stored_as_a_value(step: str, text: str) -> None:
    assert read(step, text) in ("<refused>", "?help", "<none>")


@pytest.mark.parametrize("name", ["Selamat Riyadi", "selamat riyadi", "Toko Baru", "Kue Malam"])
def test_names_with_words_of_a_greeting_are_still_taken(name: str) -> None:
    assert read("business_name", name) == name


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("ini Bambang", "Bambang"),
        ("aq Bambang", "Bambang"),
        ("a.n. Bambang Susilo", "Bambang Susilo"),
        ("Bambang Susilo, pemilik", "Bambang Susilo"),
        ("Siti ya kak", "Siti"),
        ("abdi mah Asep", "Asep"),
        ("engkok reya Mat Rawi", "Mat Rawi"),
        ("Ana Susanti", "Ana Susanti"),
        ("bu haji Fatimah", "Haji Fatimah"),
    ],
)
def test_chat_words_around_a_persons_name_are_not_part_of_it(typed: str, name: str) -> None:
    assert read("owner_name", typed) == name


@pytest.mark.parametrize("step", ["business_name", "brand", "product_name"])
@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("Sari Rasa kak", "Sari Rasa"),
        ("ini Sari Rasa", "Sari Rasa"),
        ("Keripik Tempe 250gr nggih", "Keripik Tempe 250gr"),
        ("warung apa aja", "warung apa aja"),
        ("Warung Apa Aja", "Warung Apa Aja"),
    ],
)
def test_chat_words_around_a_name_typed_with_capitals_are_not_part_of_it(
    step: str, typed: str, name: str
) -> None:
    assert read(step, typed) == name
