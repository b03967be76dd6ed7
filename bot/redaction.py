"""Keeps personal data and secrets out of the logs.

Our own code logs ids, never what users typed. Libraries are less careful: the HTTP client logs
request URLs, which hold the bot token; python-telegram-bot logs every Bot API call with its
parameters at DEBUG (message texts, such as a vendor's own summary with NIK and phone number);
SQLAlchemy logs statement parameters. :class:`RedactingFilter` rewrites every record a handler
receives: configured secrets, anything shaped like a Telegram token, numbers of 15 digits or
more (NIK, NPWP) and phone numbers become ``[redacted]``. ``bot/cli.py`` installs it.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable

from pydantic import SecretStr

from bot.settings import Settings

REDACTED = "[redacted]"
SQL_LOGGER = "sqlalchemy.engine.Engine"
_PATTERNS = (
    re.compile(r"\d{5,}:[\w-]{30,}"),  # a Telegram bot token
    re.compile(r"(?<!\d)\d(?:[ .-]?\d){14,}"),  # NIK, NPWP (in any grouping), longer numbers
    re.compile(r"(?<![\d+.,])(?:\+|62|0)\d(?:[ -]?\d){7,}"),  # phone numbers
)


class RedactingFilter(logging.Filter):
    """Rewrites a record's message, arguments and traceback without the sensitive parts."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        super().__init__()
        unique = {secret.strip() for secret in secrets if secret.strip()}
        self._secrets = sorted(unique, key=len, reverse=True)

    def redact(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, REDACTED)
        for pattern in _PATTERNS:
            text = pattern.sub(REDACTED, text)
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = self.redact(record.getMessage())
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        return True


def secrets_of(settings: Settings) -> list[str]:
    """Every secret setting's value, and each key of ``DATA_ENCRYPTION_KEYS`` on its own."""
    values = [
        field.get_secret_value()
        for field in vars(settings).values()
        if isinstance(field, SecretStr)
    ]
    keys = settings.data_encryption_keys
    return values + (keys.get_secret_value().split(",") if keys else [])


def install(redactor: RedactingFilter, handlers: Iterable[logging.Handler] | None = None) -> None:
    """Adds the filter to ``handlers``; by default to every handler of the root logger, and to
    SQLAlchemy's statement logger, which ``DATABASE_ECHO`` gives a handler of its own."""
    for handler in logging.getLogger().handlers if handlers is None else handlers:
        handler.addFilter(redactor)
    if handlers is None:
        logging.getLogger(SQL_LOGGER).addFilter(redactor)
