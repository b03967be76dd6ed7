"""The corpus of typed answers (every tests/corpus/*.txt) read the way the bot reads them.

Each answer goes through the same readers as in a conversation: a question asked instead of an
answer, then the step's own reading (a choice by its words, yes/no, "nothing to give", or the
value parsed by the validator the service calls). Fails below 97 % right per step, printing what
was misread, and on any misreading that would store something other than what was meant.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from handlers.answers import consent_answer, is_none_answer, yes_or_no
from handlers.chat_only import is_chat_only
from handlers.choices import match_choice
from handlers.forms import Step, read_typed
from handlers.i18n import Locales
from handlers.products import steps as product_steps
from handlers.products.card import field_label as product_field_label
from handlers.questions import Question, question_in
from handlers.registration import steps as registration_steps
from handlers.registration.summary import edit_choices, field_label
from handlers.replies import msg
from models.catalog import load_catalog
from models.entities import Vendor
from models.errors import AmbiguousAmount, InvalidInput
from models.schemas import ProductField, RegistrationField
from models.validators import (
    parse_address,
    parse_brand,
    parse_business_name,
    parse_capacity,
    parse_description,
    parse_email,
    parse_kbki,
    parse_kbli_list,
    parse_lead_time,
    parse_nib,
    parse_nik,
    parse_npwp,
    parse_period_amount,
    parse_person_name,
    parse_phone,
    parse_product_name,
    parse_quantity,
    parse_rupiah,
    parse_sni,
    parse_tkdn,
    parse_unit,
)
from models.validators.npwp import says_npwp_is_nik

CORPUS = Path(__file__).parent / "corpus"
THRESHOLD = 0.97
MIN_SIZE = 400
TODAY = date(2026, 12, 1)
HARMLESS = frozenset({"<refused>", "<several>", "<unmatched>", "?help", "?status", "<amount>"})
"""Readings that store nothing: the question is asked again (or answered) instead. A complaint
reads as ``?help``: it gets an apology and the step's help."""

CATALOG = load_catalog()
TR = Locales().translator("id")


def _period(text: str) -> str:
    amount, period = parse_period_amount(text)
    return f"{amount}/{period.value}"


VALUES: dict[str, tuple[Step[Any], Callable[[str], object]]] = {
    "owner_name": (registration_steps.OwnerNameStep(), parse_person_name),
    "nik": (registration_steps.NikStep(), lambda text: parse_nik(text, TODAY)),
    "phone": (registration_steps.PhoneStep(), parse_phone),
    "business_name": (registration_steps.BusinessNameStep(), parse_business_name),
    "nib": (registration_steps.NibStep(), parse_nib),
    "kbli": (registration_steps.KbliStep(), lambda text: ",".join(parse_kbli_list(text))),
    "npwp": (registration_steps.NpwpStep(), parse_npwp),
    "scale": (registration_steps.ScaleStep(), _period),
    "capital": (registration_steps.ScaleStep(), parse_rupiah),
    "address": (registration_steps.AddressStep(), parse_address),
    "email": (registration_steps.EmailStep(), parse_email),
    "product_name": (product_steps.NameStep(), parse_product_name),
    "description": (product_steps.DescriptionStep(), parse_description),
    "brand": (product_steps.BrandStep(), parse_brand),
    "unit": (product_steps.UnitStep(), parse_unit),
    "price": (product_steps.PriceStep(), parse_rupiah),
    "min_order": (product_steps.MinOrderStep(), parse_quantity),
    "capacity": (product_steps.CapacityStep(), parse_capacity),
    "tkdn": (product_steps.TkdnStep(), parse_tkdn),
    "sni": (product_steps.SniStep(), parse_sni),
    "kbki": (product_steps.KbkiStep(), parse_kbki),
    "lead_time": (product_steps.LeadTimeStep(), parse_lead_time),
}


def options(step: str) -> list[tuple[str, str]]:
    """The buttons of a choice step as the user sees them (id, Indonesian label)."""
    if step == "etalase":
        return [(item.code, item.name("id")) for item in CATALOG.etalase]
    if step == "kecamatan":
        return [(item.code, item.name) for item in CATALOG.region.kecamatan]
    if step.startswith("kelurahan:"):
        kecamatan = CATALOG.region.kecamatan_by_code(step.partition(":")[2])
        assert kecamatan is not None
        return [(item.code, item.name) for item in kecamatan.kelurahan]
    if step == "product_summary":
        footer = [
            ("summary.submit", msg("button-submit")),
            ("summary.later", msg("button-save-draft")),
            ("products.list", msg("button-my-products")),
        ]
        edits = [(f"edit.{field.value}", product_field_label(field)) for field in ProductField]
    else:
        assert step == "summary"
        footer = [
            ("summary.submit", msg("button-submit")),
            ("summary.later", msg("button-save-later")),
        ]
        edits = [(choice.id, choice.label) for choice in edit_choices(Vendor())]
    return [(choice_id, TR.render(label)) for choice_id, label in edits + footer]


def read_choice(step: str, text: str) -> str:
    if step.startswith("kelurahan:"):  # a desa typed with its kecamatan, as the step reads it
        named = CATALOG.kelurahan_with_kecamatan(text, CATALOG.region.code)
        if named is not None:
            return named
    matched = match_choice(text, options(step))
    if matched.single is not None:
        return matched.single
    return "<several>" if matched.ids else "<unmatched>"


def read_value(step: str, text: str) -> str:
    reader, parse = VALUES[step]
    typed = read_typed(reader, text)
    if typed is None:
        return "<none>"
    if reader.free_text and is_chat_only(typed):
        return "<refused>"
    if step == "npwp" and says_npwp_is_nik(typed):  # read before "nothing to give"
        return "<nik>"
    if step == "npwp" and is_none_answer(typed):
        return "<none>"
    try:
        return str(parse(typed))
    except (InvalidInput, AmbiguousAmount):
        return "<refused>"


def read_yes_no(answer: bool | None) -> str:
    return "<refused>" if answer is None else "yes" if answer else "no"


def read(step: str, text: str) -> str:
    """What the bot understands from ``text`` typed at ``step``."""
    if step != "confirm" and (asked := question_in(text)) is not None:
        return "?help" if asked is Question.COMPLAINT else f"?{asked.value}"
    if step == "question":
        return "<answer>"
    if step == "consent":
        consent = consent_answer(text)
        return "<refused>" if consent is None else consent.value
    if step == "confirm":
        answer = yes_or_no(text)
        if answer is None and read_value("scale", text) not in ("<refused>", "<none>"):
            return "<amount>"
        return read_yes_no(answer)
    if step == "domestic":
        matched = match_choice(
            text, [("yes", "🇮🇩 Ya, produk dalam negeri"), ("no", "Bukan (impor)")]
        )
        return matched.single or read_yes_no(product_steps.domestic_answer(text))
    if step in ("etalase", "kecamatan", "summary", "product_summary") or step.startswith(
        "kelurahan:"
    ):
        return read_choice(step, text)
    return read_value(step, text)


def corpus() -> list[tuple[str, str, str]]:
    entries = []
    for path in sorted(CORPUS.glob("*.txt")):
        entries.extend(corpus_file(path))
    return entries


def corpus_file(path: Path) -> list[tuple[str, str, str]]:
    """The ``step | typed | expected`` lines of one corpus file."""
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            step, text, expected = (part.strip() for part in line.split("|"))
            entries.append((step, text, expected))
    return entries


def step_type(step: str) -> str:
    return step.partition(":")[0]


def test_the_corpus_is_large_and_covers_every_step() -> None:
    entries = corpus()
    assert len(entries) >= MIN_SIZE
    covered = {step_type(step) for step, _, _ in entries}
    assert set(VALUES) | {"consent", "confirm", "etalase", "kecamatan", "kelurahan"} <= covered


def test_typed_answers_are_read_right_per_step() -> None:
    results: dict[str, list[bool]] = defaultdict(list)
    misread: list[str] = []
    for step, text, expected in corpus():
        got = read(step, text)
        results[step_type(step)].append(got == expected)
        if got != expected:
            misread.append(f"{step}: {text!r} read as {got!r}, meant {expected!r}")
    below = {
        step: f"{sum(ok) / len(ok):.0%}"
        for step, ok in results.items()
        if sum(ok) / len(ok) < THRESHOLD
    }
    print("\n".join(misread))
    assert not below, f"below {THRESHOLD:.0%}: {below}\n" + "\n".join(misread)


def test_no_misreading_changes_stored_data() -> None:
    """A misreading that only asks again is a nuisance; one that stores a skip, a wrong period
    or a wrong choice is a wrong registration."""
    harmful = [
        f"{step}: {text!r} read as {got!r}, meant {expected!r}"
        for step, text, expected in corpus()
        if (got := read(step, text)) != expected and got not in HARMLESS
    ]
    assert not harmful, "\n".join(harmful)


@pytest.mark.parametrize("field", list(RegistrationField))
def test_summary_labels_are_distinct_keys(field: RegistrationField) -> None:
    label = TR.render(field_label(field))
    assert read_choice("summary", label) == f"edit.{field.value}"
