"""Every button label of every flow reads whole on WhatsApp: a label longer than a list row's
title (24 characters) has a short form (its ``.whatsapp`` attribute in ``locales/``) that fits,
in both languages.

The labels are found in the code: every ``Choice(id, label)`` whose label is a locale key (or a
key built from a prefix, ``msg(f"reason-{key}")``), or what a label helper (``field_label``)
returns. Labels made of the user's own data (a product's name) cannot be given a short form;
on WhatsApp they are cut after a word and shown whole in the row's description, which the fake
Graph API checks in every end-to-end test (``check_limits``).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.whatsapp.render import ROW_TITLE_LIMIT, fitting
from handlers.i18n import SUPPORTED_LANGUAGES, Locales, Translator
from handlers.replies import Msg, OutButton

HANDLERS = Path(__file__).resolve().parents[2] / "handlers"
KEY_FUNCTIONS = frozenset({"msg", "Msg"})
DATA_PLACEHOLDERS = frozenset(
    {"name", "text", "value", "vendor", "owner", "label", "segment", "status", "title", "amount"}
)
"""Placeholders filled with the user's data or other labels: no fixed length."""
SAMPLES: dict[str, object] = {
    "count": 120,
    "current": 12,
    "total": 14,
    "number": 12,
    "page": 12,
    "pages": 14,
    "days": 30,
    "answered": 12,
    "on": "yes",
    "stuck": "yes",
}
EXTRA_LABELS = ("button-share-contact",)
"""Labels an adapter asks for itself: the share-contact button."""
NOT_LABELS = frozenset({"language-set"})
"""Keys a label prefix matches (``language-{code}``) that are messages, not labels."""


def label_keys() -> set[str]:
    """Locale keys, or key prefixes ending in ``-``, that the code uses as button labels."""
    trees = [ast.parse(path.read_text(encoding="utf-8")) for path in HANDLERS.rglob("*.py")]
    helpers: dict[str, list[ast.FunctionDef]] = {}
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef):
                helpers.setdefault(node.name, []).append(node)
    keys = set(EXTRA_LABELS)
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _name(node.func) == "Choice" and len(node.args) > 1:
                keys |= set(_label_keys(node.args[1], helpers))
    return keys


def _label_keys(label: ast.expr, helpers: dict[str, list[ast.FunctionDef]]) -> Iterator[str]:
    if not isinstance(label, ast.Call):
        return
    if _name(label.func) in KEY_FUNCTIONS and label.args:
        yield from _key_of(label.args[0])
        return
    for helper in helpers.get(_name(label.func) or "", []):
        for node in ast.walk(helper):
            if isinstance(node, ast.Call) and _name(node.func) in KEY_FUNCTIONS and node.args:
                yield from _key_of(node.args[0])


def _key_of(node: ast.expr) -> Iterator[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node.value
    elif isinstance(node, ast.JoinedStr) and node.values:
        head = node.values[0]
        if isinstance(head, ast.Constant) and isinstance(head.value, str):
            yield head.value  # a prefix such as "reason-"


def _name(node: ast.expr) -> str | None:
    return node.id if isinstance(node, ast.Name) else None


def placeholders(locales: Locales, language: str, key: str) -> set[str]:
    bundle = locales._bundles[language]
    message = bundle.get_message(key)
    names: set[str] = set()

    def walk(value: object) -> None:
        if type(value).__name__ == "VariableReference":
            names.add(str(value.id.name))  # type: ignore[attr-defined]
        for child in getattr(value, "__dict__", {}).values():
            for item in child if isinstance(child, list) else [child]:
                if hasattr(item, "__dict__"):
                    walk(item)

    walk(message.value)
    return names


@pytest.fixture(scope="module")
def locales() -> Locales:
    return Locales()


def defined_label_keys(locales: Locales, language: str) -> list[str]:
    defined = locales._bundles[language]._messages
    used = label_keys()
    return sorted(
        key
        for key in defined
        if key not in NOT_LABELS
        and (key in used or any(prefix.endswith("-") and key.startswith(prefix) for prefix in used))
    )


def button(tr: Translator, key: str) -> OutButton:
    label = Msg(key, SAMPLES)
    return OutButton("1.0", tr.render(label), short_label=tr.short(label))


def test_the_scan_finds_the_labels_of_every_flow(locales: Locales) -> None:
    keys = defined_label_keys(locales, "id")
    for expected in (
        "button-submit",  # registration and product summaries
        "button-back",  # navigation of every question
        "button-keep",  # a stored answer kept
        "reason-kbli-mismatch",  # a rejection reason, by prefix
        "field-owner-name",  # a field of the summary, through field_label()
        "product-field-price",
        "broadcast-by-status",
        "language-en",
    ):
        assert expected in keys
    assert len(keys) > 100


@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
def test_every_label_reads_whole_in_a_whatsapp_list(locales: Locales, language: str) -> None:
    tr = locales.translator(language)
    cut = []
    for key in defined_label_keys(locales, language):
        if placeholders(locales, language, key) & DATA_PLACEHOLDERS and tr.short(Msg(key)) is None:
            continue  # the user's own data: shown whole in the row's description
        choice = button(tr, key)
        if fitting(choice, ROW_TITLE_LIMIT) is None:
            cut.append(f"{key} = {choice.label!r} ({len(choice.label)} > {ROW_TITLE_LIMIT})")
    assert not cut, "labels WhatsApp would cut; add a .whatsapp short form:\n" + "\n".join(cut)


@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
def test_every_short_form_is_shorter_and_fits_a_list_row(locales: Locales, language: str) -> None:
    tr = locales.translator(language)
    for key in defined_label_keys(locales, language):
        choice = button(tr, key)
        data = placeholders(locales, language, key) & DATA_PLACEHOLDERS
        if choice.short_label is not None:
            assert data or len(choice.short_label) < len(choice.label), key
            assert len(choice.short_label) <= ROW_TITLE_LIMIT, key
