"""Consistency of the Fluent files in ``locales/`` with each other and with the code.

Every language must define the same messages with the same placeholders, every file must
parse, every key the code asks for must exist, every defined key must be used, and every
message must render without Fluent errors.
"""

from __future__ import annotations

import ast
import logging
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from fluent.syntax import FluentParser
from fluent.syntax import ast as fluent_ast
from fluent.syntax.visitor import Visitor

from handlers.i18n import LOCALES_DIR, SUPPORTED_LANGUAGES, Locales
from handlers.mentoring.proxy import THIRD_PERSON
from handlers.products.steps import ProductStep
from handlers.registration.steps import STEPS, RegistrationStep
from handlers.router import COMMANDS
from models.schemas import ProductField, RegistrationField
from models.status import Status

REPO_ROOT = Path(__file__).resolve().parents[1]
CODE_DIRS = ("bot", "handlers", "models")

# Calls whose first argument is a locale key. ``tr`` is the name the channel code gives a
# Translator it calls directly (``tr("button-share-contact")`` in handlers/engine.py); a
# Translator called right away, ``locales.translator(language)("error-internal")``, counts too.
KEY_CALLS = frozenset(
    {
        "msg",
        "Msg",
        "InvalidInput",
        "NotPermitted",
        "InvalidTransition",
        "DomainError",
        "tr",
        # a DomainError subclass passing its fixed key: super().__init__("review-...", ...)
        "__init__",
    }
)
TRANSLATOR_FACTORY = "translator"

# The ask keys each step's ``question()`` really uses (see handlers/registration/steps.py).
# Steps using the default ``Step.question`` ask ``ask-<step in kebab case>``.
ASK_KEYS: dict[RegistrationStep, tuple[str, ...]] = {
    RegistrationStep.OWNER_NAME: ("ask-owner-name",),
    RegistrationStep.NIK: ("ask-nik",),
    RegistrationStep.PHONE: ("ask-phone",),
    RegistrationStep.BUSINESS_NAME: ("ask-business-name",),
    RegistrationStep.NIB: ("ask-nib",),
    RegistrationStep.KBLI: ("ask-kbli", "ask-kbli-optional"),
    RegistrationStep.NPWP: ("ask-npwp",),
    RegistrationStep.NPWP_CONFIRM: ("ask-npwp-is-nik",),
    RegistrationStep.SCALE: ("ask-scale-turnover", "ask-scale-capital"),
    RegistrationStep.SCALE_CONFIRM: ("ask-scale-confirm",),
    RegistrationStep.ETALASE: ("ask-etalase",),
    RegistrationStep.KECAMATAN: ("ask-kecamatan",),
    RegistrationStep.KELURAHAN: ("ask-kelurahan",),
    RegistrationStep.ADDRESS: ("ask-address",),
    RegistrationStep.EMAIL: ("ask-email",),
}

# Steps without a help text: help at the consent step shows the privacy notice again.
STEPS_WITHOUT_HELP = frozenset({RegistrationStep.CONSENT})
# Steps named by ``step-<value>`` in handlers/menu.py (``step_label``).
STEPS_WITH_LABEL = (RegistrationStep.CONSENT, RegistrationStep.SUMMARY)

# Keys the code builds in a way the scan below cannot see; each entry says where it is used.
# Keep this list short: prefer literal keys in the code.
UNUSED_ALLOWED: dict[str, str] = {}

PLURAL_CATEGORIES = frozenset({"zero", "one", "two", "few", "many", "other"})

# Sample values for placeholders when rendering; any other name gets a string.
INT_SAMPLES = {"count": 3, "current": 2, "total": 13, "answered": 5, "years": 5, "limit": 10}
STR_SAMPLES = {
    "bureau": "Diskominfo Kota Batu",
    "contact": "0341 123456",
    "phone": "+6281234567890",
    "region": "Kota Batu",
    "kecamatan": "Batu",
    "etalase": "Makanan dan Minuman",
    "codes": "10792, 47211",
    "code": "10792",
    "amount": "Rp300.000.000",
    "scale": "mikro",
    "basis": "turnover",
    "business": "Keripik Apel Bu Siti",
    "date": "1 Juli 2025",
    "note": "NIB belum sesuai",
    "label": "NIK",
    "value": "3579014101850001",
    "lines": "• NIK: 3579014101850001\n• NIB: 9120001234567",
    "text": "Contoh teks",
    "step": "NIK",
    "next": "NIB",
    "target": "approved",
}


def _kebab(value: str) -> str:
    return value.replace("_", "-")


def _relative(path: Path) -> str:
    try:
        return str(path.relative_to(REPO_ROOT))
    except ValueError:
        return str(path)


# --- Locale files -----------------------------------------------------------------------


class _Placeables(Visitor):
    """Collects variables, referenced messages and selector variants of one entry."""

    def __init__(self) -> None:
        super().__init__()
        self.variables: set[str] = set()
        self.messages: set[str] = set()
        self.variants: dict[str, set[str | float]] = defaultdict(set)

    def visit_VariableReference(self, node: fluent_ast.VariableReference) -> None:
        self.variables.add(node.id.name)
        self.generic_visit(node)

    def visit_MessageReference(self, node: fluent_ast.MessageReference) -> None:
        self.messages.add(node.id.name)
        self.generic_visit(node)

    def visit_SelectExpression(self, node: fluent_ast.SelectExpression) -> None:
        if isinstance(node.selector, fluent_ast.VariableReference):
            keys = self.variants[node.selector.id.name]
            for variant in node.variants:
                if isinstance(variant.key, fluent_ast.NumberLiteral):
                    keys.add(float(variant.key.value))
                else:
                    keys.add(variant.key.name)
        self.generic_visit(node)


@dataclass
class Entry:
    key: str
    path: Path
    variables: frozenset[str]
    references: frozenset[str]
    variants: dict[str, frozenset[str | float]]
    has_value: bool


@dataclass
class LocaleFiles:
    language: str
    directory: Path
    entries: dict[str, Entry] = field(default_factory=dict)
    duplicates: list[str] = field(default_factory=list)
    junk: list[str] = field(default_factory=list)


def _line_of(source: str, offset: int) -> int:
    return source.count("\n", 0, offset) + 1


def load_locale(language: str, directory: Path = LOCALES_DIR) -> LocaleFiles:
    """Parses every ``.ftl`` file of one language with fluent.syntax."""
    files = LocaleFiles(language, directory / language)
    parser = FluentParser(with_spans=True)
    for path in sorted((directory / language).glob("*.ftl")):
        source = path.read_text(encoding="utf-8")
        for item in parser.parse(source).body:
            if isinstance(item, fluent_ast.Junk):
                line = _line_of(source, item.span.start) if item.span else 0
                notes = "; ".join(str(annotation.message) for annotation in item.annotations)
                content = (item.content or "").strip()
                first = content.splitlines()[0] if content else ""
                files.junk.append(f"{_relative(path)}:{line}: parse error ({notes}) in {first!r}")
                continue
            if not isinstance(item, (fluent_ast.Message, fluent_ast.Term)):
                continue
            key = ("-" if isinstance(item, fluent_ast.Term) else "") + item.id.name
            visitor = _Placeables()
            visitor.visit(item)
            if key in files.entries:
                first_path = _relative(files.entries[key].path)
                files.duplicates.append(f"{key!r} in {_relative(path)} (already in {first_path})")
            files.entries[key] = Entry(
                key=key,
                path=path,
                variables=frozenset(visitor.variables),
                references=frozenset(visitor.messages),
                variants={name: frozenset(keys) for name, keys in visitor.variants.items()},
                has_value=item.value is not None,
            )
    return files


LOCALE_FILES = {language: load_locale(language) for language in SUPPORTED_LANGUAGES}


def _messages(language: str) -> dict[str, Entry]:
    """Messages (not terms) of one language."""
    entries = LOCALE_FILES[language].entries
    return {key: entry for key, entry in entries.items() if not key.startswith("-")}


def _fail(problems: Iterable[str], title: str) -> None:
    problems = sorted(set(problems))
    if problems:
        pytest.fail(f"{title} ({len(problems)}):\n  " + "\n  ".join(problems), pytrace=False)


# --- Keys used by the code ---------------------------------------------------------------


@dataclass(frozen=True)
class KeyUse:
    key: str  # the literal key, or the static prefix of an f-string
    where: str  # path:line
    is_prefix: bool


def _key_expressions(node: ast.expr, scopes: list[dict[str, list[ast.expr]]]) -> Iterator[ast.expr]:
    """The expressions a key argument may come from: both arms of ``a if c else b``, and the
    values assigned to a local name (``key = "ask-kbli" if ... else ...; msg(key)``)."""
    if isinstance(node, ast.IfExp):
        yield from _key_expressions(node.body, scopes)
        yield from _key_expressions(node.orelse, scopes)
    elif isinstance(node, ast.Name):
        for scope in reversed(scopes):
            if node.id in scope:
                for value in scope[node.id]:
                    yield from _key_expressions(value, scopes)
                return
    else:
        yield node


def _assignments(node: ast.AST) -> dict[str, list[ast.expr]]:
    """Simple ``name = value`` assignments anywhere inside a function or module."""
    found: dict[str, list[ast.expr]] = defaultdict(list)
    for child in ast.walk(node):
        if isinstance(child, ast.Assign):
            for target in child.targets:
                if isinstance(target, ast.Name):
                    found[target.id].append(child.value)
        elif (
            isinstance(child, ast.AnnAssign)
            and child.value is not None
            and isinstance(child.target, ast.Name)
        ):
            found[child.target.id].append(child.value)
    return found


def _call_name(node: ast.Call) -> str | None:
    """``f`` for ``f(...)`` and ``obj.f(...)``."""
    func = node.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


class _KeyScanner(ast.NodeVisitor):
    def __init__(self, where: str, module: ast.Module) -> None:
        self.where = where
        self.scopes: list[dict[str, list[ast.expr]]] = [_assignments(module)]
        self.uses: list[KeyUse] = []

    def _visit_function(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        self.scopes.append(_assignments(node))
        self.generic_visit(node)
        self.scopes.pop()

    visit_FunctionDef = _visit_function
    visit_AsyncFunctionDef = _visit_function

    def visit_Call(self, node: ast.Call) -> None:
        if _call_name(node) in KEY_CALLS or (
            isinstance(node.func, ast.Call) and _call_name(node.func) == TRANSLATOR_FACTORY
        ):
            first = node.args[0] if node.args else None
            if first is None:
                first = next((kw.value for kw in node.keywords if kw.arg == "key"), None)
            if first is not None and not isinstance(first, ast.Starred):
                for expr in _key_expressions(first, self.scopes):
                    self._record(expr, node.lineno)
        self.generic_visit(node)

    def _record(self, expr: ast.expr, line: int) -> None:
        where = f"{self.where}:{line}"
        if isinstance(expr, ast.Constant) and isinstance(expr.value, str):
            self.uses.append(KeyUse(expr.value, where, is_prefix=False))
        elif isinstance(expr, ast.JoinedStr):
            prefix = ""
            for part in expr.values:
                if not (isinstance(part, ast.Constant) and isinstance(part.value, str)):
                    break
                prefix += part.value
            if prefix:
                self.uses.append(KeyUse(prefix, where, is_prefix=True))
        # Anything else (``Msg(error.key, ...)``) passes a key chosen elsewhere: not checked.


def scan_code() -> list[KeyUse]:
    uses: list[KeyUse] = []
    for directory in CODE_DIRS:
        for path in sorted((REPO_ROOT / directory).rglob("*.py")):
            module = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            scanner = _KeyScanner(_relative(path), module)
            scanner.visit(module)
            uses.extend(scanner.uses)
    return uses


CODE_USES = scan_code()


def derived_keys() -> dict[str, str]:
    """Keys the code builds from enums and constants, with where they come from."""
    keys: dict[str, str] = {}
    for member in RegistrationField:
        keys[f"field-{_kebab(member.value)}"] = f"RegistrationField.{member.name}"
    for step, asked in ASK_KEYS.items():
        for key in asked:
            keys[key] = f"question of RegistrationStep.{step.name}"
    for step in RegistrationStep:
        if step not in STEPS_WITHOUT_HELP:
            keys[f"help-{_kebab(step.value)}"] = f"help of RegistrationStep.{step.name}"
    for step in STEPS_WITH_LABEL:
        keys[f"step-{step.value}"] = f"step_label(RegistrationStep.{step.name})"
    for product_step in [*ProductStep, "summary"]:
        keys[f"help-product-{_kebab(product_step)}"] = f"ProductForm.help_key({product_step!r})"
    for product_step in ProductStep:
        keys[f"product-ask-{_kebab(product_step)}"] = f"question of ProductStep.{product_step}"
    for product_field in ProductField:
        keys[f"product-field-{_kebab(product_field)}"] = f"ProductField.{product_field.name}"
    for status in Status:
        keys[f"product-status-{_kebab(status)}"] = f"product status {status.value!r}"
    for code in SUPPORTED_LANGUAGES:
        keys[f"language-{code}"] = f"SUPPORTED_LANGUAGES {code!r}"
    for key in THIRD_PERSON:
        keys[f"proxy-{key}"] = f"the proxy form's wording of {key!r}"
    for name in COMMANDS:
        # The command menu shown by the chat platform (one description per command).
        keys[f"command-{name}"] = f"handlers.router.COMMANDS {name!r}"
    return keys


# --- Tests -------------------------------------------------------------------------------


def test_every_language_has_files() -> None:
    _fail(
        (
            f"no .ftl files in {_relative(LOCALE_FILES[language].directory)}"
            for language in SUPPORTED_LANGUAGES
            if not LOCALE_FILES[language].entries
        ),
        "languages without messages",
    )


def test_files_parse_without_errors() -> None:
    _fail(
        (problem for files in LOCALE_FILES.values() for problem in files.junk),
        "Fluent syntax errors (Junk)",
    )


def test_no_key_defined_twice() -> None:
    _fail(
        (
            f"[{language}] {problem}"
            for language, files in LOCALE_FILES.items()
            for problem in files.duplicates
        ),
        "keys defined twice in one language",
    )


def test_same_keys_in_every_language() -> None:
    problems = []
    for language, files in LOCALE_FILES.items():
        for other, other_files in LOCALE_FILES.items():
            if other == language:
                continue
            for key, entry in files.entries.items():
                if key not in other_files.entries:
                    problems.append(
                        f"{key!r} is in {_relative(entry.path)} but missing from "
                        f"{_relative(other_files.directory)}/*.ftl"
                    )
    _fail(problems, "keys missing from a language")


def test_same_placeholders_in_every_language() -> None:
    reference, *others = SUPPORTED_LANGUAGES
    problems = []
    for key, entry in LOCALE_FILES[reference].entries.items():
        for language in others:
            other = LOCALE_FILES[language].entries.get(key)
            if other is None or other.variables == entry.variables:
                continue
            problems.append(
                f"{key!r}: {_relative(entry.path)} has {sorted(entry.variables)}, "
                f"{_relative(other.path)} has {sorted(other.variables)}"
            )
    _fail(problems, "placeholders differ between languages")


def test_same_selector_variants_in_every_language() -> None:
    """A variant key like ``[capital]`` must exist in every language that selects on the same
    variable, or the value silently falls back to the default variant. Plural categories and
    numbers are exempt: languages have different plural rules."""
    problems = []
    for language, files in LOCALE_FILES.items():
        for key, entry in files.entries.items():
            for other, other_files in LOCALE_FILES.items():
                other_entry = other_files.entries.get(key)
                if other == language or other_entry is None:
                    continue
                for name, variants in entry.variants.items():
                    if name not in other_entry.variants:
                        continue
                    lost = {
                        variant
                        for variant in variants - other_entry.variants[name]
                        if isinstance(variant, str) and variant not in PLURAL_CATEGORIES
                    }
                    if lost:
                        problems.append(
                            f"{key!r}: ${name} variants {sorted(lost)} of {_relative(entry.path)} "
                            f"are missing from {_relative(other_entry.path)}"
                        )
    _fail(problems, "selector variants differ between languages")


def test_derived_keys_cover_every_question() -> None:
    """ASK_KEYS must follow handlers/registration/steps.py: one entry per step with a question."""
    assert set(ASK_KEYS) == set(STEPS), (
        "ASK_KEYS in tests/test_locales.py does not match STEPS in "
        f"handlers/registration/steps.py: {sorted(set(ASK_KEYS) ^ set(STEPS))}"
    )


def test_keys_used_by_code_are_defined() -> None:
    problems = []
    for language in SUPPORTED_LANGUAGES:
        defined = _messages(language)
        folder = f"{_relative(LOCALE_FILES[language].directory)}/*.ftl"
        for use in CODE_USES:
            if use.is_prefix:
                # Weaker check for f-string keys: the code builds the rest at run time, so we
                # only know that some key must start with the static prefix. Keys built from
                # enums are checked exactly below.
                if not any(key.startswith(use.key) for key in defined):
                    problems.append(f"no key starting with {use.key!r} ({use.where}) in {folder}")
            elif use.key not in defined:
                problems.append(f"{use.key!r} used at {use.where} is not defined in {folder}")
        for key, source in derived_keys().items():
            if key not in defined:
                problems.append(f"{key!r} ({source}) is not defined in {folder}")
    _fail(problems, "keys used by the code but not defined")


def test_every_defined_key_is_used() -> None:
    literal = {use.key for use in CODE_USES if not use.is_prefix}
    prefixes = tuple(use.key for use in CODE_USES if use.is_prefix)
    used = literal | set(derived_keys()) | set(UNUSED_ALLOWED)
    problems = []
    for language in SUPPORTED_LANGUAGES:
        messages = _messages(language)
        # A message referenced from another message ({ other-message }) is used too.
        referenced = {name for entry in messages.values() for name in entry.references}
        for key, entry in messages.items():
            if key in used or key in referenced or key.startswith(prefixes):
                continue
            problems.append(f"{key!r} in {_relative(entry.path)} is never used by the code")
    _fail(problems, "keys defined but never used (add to UNUSED_ALLOWED if built dynamically)")


def _sample(name: str) -> Any:
    if name in INT_SAMPLES:
        return INT_SAMPLES[name]
    return STR_SAMPLES.get(name, f"<{name}>")


def _argument_sets(key: str) -> Iterator[dict[str, Any]]:
    """Sample arguments, then once more for each variant of each selector (in any language)."""
    entries = [files.entries[key] for files in LOCALE_FILES.values() if key in files.entries]
    names = set().union(*(entry.variables for entry in entries))
    base = {name: _sample(name) for name in sorted(names)}
    yield base
    for entry in entries:
        for name, keys in entry.variants.items():
            for variant in sorted(keys, key=str):
                value = (
                    int(variant) if isinstance(variant, float) and variant.is_integer() else variant
                )
                yield {**base, name: value}


RENDER_CASES = [
    pytest.param(language, key, id=f"{language}:{key}")
    for language in SUPPORTED_LANGUAGES
    for key in sorted(_messages(language))
]


@pytest.fixture(scope="module")
def locales() -> Locales:
    return Locales()


@pytest.mark.parametrize(("language", "key"), RENDER_CASES)
def test_message_renders(
    locales: Locales, caplog: pytest.LogCaptureFixture, language: str, key: str
) -> None:
    path = _relative(_messages(language)[key].path)
    translate = locales.translator(language)
    for args in _argument_sets(key):
        caplog.clear()
        with caplog.at_level(logging.WARNING, logger="handlers.i18n"):
            text = translate(key, **args)
        errors = [record.getMessage() for record in caplog.records]
        assert not errors, f"{key!r} in {path} with {args}: {errors}"
        assert text.strip(), f"{key!r} in {path} renders as empty text with {args}"
