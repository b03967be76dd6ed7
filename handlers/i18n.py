"""Translations from the Fluent files in ``locales/<lang>/*.ftl``."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from fluent.runtime import FluentBundle, FluentResource

from handlers.replies import Msg

LOCALES_DIR = Path(__file__).resolve().parent.parent / "locales"
SUPPORTED_LANGUAGES = ("id", "en")
FALLBACK_LANGUAGE = "id"
SHORT_ATTRIBUTE = "whatsapp"

log = logging.getLogger(__name__)


class Translator:
    """Formats locale keys for one language, falling back to Bahasa Indonesia."""

    def __init__(self, bundles: Mapping[str, FluentBundle], language: str) -> None:
        self._bundles = bundles
        self.language = language if language in bundles else FALLBACK_LANGUAGE

    def __call__(self, key: str, **args: Any) -> str:
        for language in (self.language, FALLBACK_LANGUAGE):
            bundle = self._bundles[language]
            if bundle.has_message(key):
                message = bundle.get_message(key)
                if message.value is None:
                    break
                text, errors = bundle.format_pattern(message.value, dict(args))
                for error in errors:
                    log.warning("locale %s key %s: %s", language, key, error)
                return str(text)
        log.error("missing locale key %s", key)
        return key

    def render(self, message: Msg) -> str:
        """Formats a :class:`Msg`; arguments that are messages (or sequences of them, one per
        line) are translated first."""
        return self(message.key, **{name: self._arg(value) for name, value in message.args.items()})

    def short(self, message: Msg) -> str | None:
        """The ``.whatsapp`` attribute of a label's message: its form for channels whose
        buttons hold few characters; None when the label has none."""
        for language in (self.language, FALLBACK_LANGUAGE):
            bundle = self._bundles[language]
            if bundle.has_message(message.key):
                pattern = bundle.get_message(message.key).attributes.get(SHORT_ATTRIBUTE)
                if pattern is None:
                    return None
                args = {name: self._arg(value) for name, value in message.args.items()}
                text, errors = bundle.format_pattern(pattern, args)
                for error in errors:
                    log.warning(
                        "locale %s key %s.%s: %s", language, message.key, SHORT_ATTRIBUTE, error
                    )
                return str(text)
        return None

    def _arg(self, value: Any) -> Any:
        if isinstance(value, Msg):
            return self.render(value)
        if isinstance(value, (list, tuple)):
            return "\n".join(str(self._arg(item)) for item in value)
        return value


class Locales:
    """All loaded languages; hands out a :class:`Translator` per user language."""

    def __init__(self, directory: Path = LOCALES_DIR) -> None:
        self._bundles = {lang: load_bundle(directory, lang) for lang in SUPPORTED_LANGUAGES}

    def translator(self, language: str | None) -> Translator:
        return Translator(self._bundles, language or FALLBACK_LANGUAGE)


def load_bundle(directory: Path, language: str) -> FluentBundle:
    """Loads every ``.ftl`` file of one language into a bundle."""
    bundle = FluentBundle([language], use_isolating=False)
    for path in sorted((directory / language).glob("*.ftl")):
        bundle.add_resource(FluentResource(path.read_text(encoding="utf-8")))
    return bundle
