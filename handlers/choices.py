"""A typed answer read as one of the choices offered: by its words, a prefix, a typo or its
number. Used by every choice question (etalase, kecamatan, desa, summary actions) and open to
any list of labels."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from handlers.answers import FILLERS, NEGATORS, NO, NOT_QUITE
from models.validators.chat import normalise

DROPPED = frozenset(
    {"pilih", "pilihan", "mau", "yang", "nomor", "di", "ke", "dan", "the", "option", "tombol"}
    | {"desa", "kelurahan", "kel", "ds", "dusun", "kecamatan", "kec", "kota", "kab", "kabupaten"}
    | {"etalase", "kategori", "usaha", "bidang", "jenis", "saya", "daerah", "wilayah", "tinggal"}
    | {"ubah", "ganti", "edit", "perbaiki", "koreksi", "dulu", "change", "sekarang", "iya", "oke"}
)
"""Words around a choice that do not tell choices apart ("desa Punten", "kec. Bumiaji")."""

MIN_SCORE = 78
EXTRA_WORDS = 0.92
"""A choice named among words that name no choice ("konveksi baju") scores a little lower than
one named alone; a choice then wins only when it is the one such words name."""
CLOSE = 6
"""Choices scoring within this much of the best are all offered back."""
MAX_OFFERED = 5
MAX_POSITION_DIGITS = 4
"""A typed number longer than this is no option's position (and may be too long for Python to
convert: it refuses more than 4300 digits)."""


@dataclass(frozen=True, slots=True)
class Matched:
    """The choices a typed answer may mean, best first: one is an answer, several a question
    back, none a refusal."""

    ids: tuple[str, ...]

    @property
    def single(self) -> str | None:
        return self.ids[0] if len(self.ids) == 1 else None


def key(text: str) -> str:
    """The words of a label or answer that tell choices apart."""
    words = [word for word in normalise(text).split() if word not in DROPPED | FILLERS]
    return " ".join(words) or normalise(text)


def match_choice(text: str, options: Sequence[tuple[str, str]]) -> Matched:
    """The option ids ``text`` may stand for, from ``(id, label)`` pairs in the order shown;
    a bare number picks the option at that position (counting from 1)."""
    typed = key(text)
    if not typed:
        return Matched(())
    if typed.isdecimal():
        position = int(typed) if len(typed) <= MAX_POSITION_DIGITS else 0
        return Matched((options[position - 1][0],) if 0 < position <= len(options) else ())
    exact = [choice_id for choice_id, label in options if normalise(label) == normalise(text)]
    if len(exact) == 1:
        return Matched((exact[0],))
    labels = [key(label) for _, label in options]
    named = _naming_words(typed, labels)
    scored = sorted(
        (
            (max(score(typed, label), score(named, label) * EXTRA_WORDS if named else 0), index)
            for index, label in enumerate(labels)
        ),
        reverse=True,
    )
    best = scored[0][0] if scored else 0
    if best < MIN_SCORE:
        return Matched(())
    close = [options[index][0] for value, index in scored if value >= best - CLOSE]
    return Matched(tuple(dict.fromkeys(close))[:MAX_OFFERED])


_TURNING = NEGATORS | NO | NOT_QUITE | {"luar", "selain", "kecuali", "non", "batal", "impor"}
"""Words that turn a choice into another ("luar negeri", "selain makanan"): never left out."""


def _naming_words(typed: str, labels: Sequence[str]) -> str:
    """The typed words that name a word of some choice, when others name none ("kerajinan
    tangan", "langsung kirim"); empty when all or none do."""
    vocabulary = {word for label in labels for word in label.split()}
    words = typed.split()
    kept = [word for word in words if _names_word(word, vocabulary)]
    if not 0 < len(kept) < len(words) or set(words) - set(kept) & _TURNING:
        return ""
    return " ".join(kept)


def score(typed: str, label: str) -> float:
    """How well ``typed`` names ``label``: 100 for the same words, 96 for its start, 88 for
    some of its words ("kirim" is rather "Kirim untuk diverifikasi" than "Waktu kirim"),
    otherwise a typo-tolerant similarity."""
    if not label:
        return 0
    if typed == label:
        return 100
    typed_words, label_words = typed.split(), label.split()
    if set(typed_words) == set(label_words):
        return 99
    if len(typed) >= 3 and label.startswith(typed):
        return 96
    if all(_names_word(word, label_words) for word in typed_words):
        return 88
    if len(typed) < 3:
        return 0
    return max(fuzz.ratio(typed, label), _best_word_ratio(typed_words, label_words))


def _names_word(word: str, label_words: Iterable[str]) -> bool:
    """A typed word is a label word, the start of one (3+ letters), or a close typo of one."""
    return any(
        word == candidate
        or (len(word) >= 3 and candidate.startswith(word))
        or (len(word) >= 5 and fuzz.ratio(word, candidate) >= 85)
        for candidate in label_words
    )


def _best_word_ratio(typed_words: list[str], label_words: list[str]) -> float:
    """A single misspelt word for a label of several ("bumiajii" for "Bumiaji"); counted a
    little lower than a match of the whole label."""
    if len(typed_words) != 1:
        return fuzz.token_sort_ratio(" ".join(typed_words), " ".join(label_words)) * 0.95
    return max((fuzz.ratio(typed_words[0], word) for word in label_words), default=0) * 0.95
