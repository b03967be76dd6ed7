"""Keeps personal data and secrets out of the logs, in every process.

Our own code logs ids, never what users typed. Libraries are less careful: python-telegram-bot
logs every update and Bot API call with its content at DEBUG, pywa every Graph API request,
SQLAlchemy the rows it reads, the HTTP client request URLs (which hold the bot token), and
errors quote the text they failed on. :class:`RedactingFilter` rewrites a record once, before
any handler sees it: the message with its arguments described (:mod:`bot.log_summary`), the
traceback with each error's kind and place but not its message, and then configured secrets,
anything shaped like a Telegram token, numbers of 15 digits or more (NIK, NPWP) and phone
numbers replaced by ``[redacted]``.

:func:`configure_logging` is the one set-up of every process: ``run``, ``serve``, each of its
``WEB_WORKERS`` processes and every command. It installs the filter as the record factory's
last step, so that no handler (SQLAlchemy's own for ``DATABASE_ECHO``, a test's) gets a record
unfiltered.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable
from typing import Any

from pydantic import SecretStr
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from bot.log_format import log_handler
from bot.log_summary import format_exception, summarise
from bot.settings import Settings

REDACTED = "[redacted]"
SQL_LOGGER = "sqlalchemy.engine.Engine"
_CLEANED = "_personal_data_removed"
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

    def clean(self, record: logging.LogRecord) -> None:
        """Once per record: the message summarised and redacted, the traceback rendered."""
        if record.__dict__.get(_CLEANED):
            return
        record.msg = self.redact(summarise(record))
        record.args = None
        if record.exc_info and record.exc_info[1] is not None:
            record.exc_text = format_exception(record.exc_info[1])
        record.exc_info = None  # handlers render exc_text; none sees the error itself
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        record.__dict__[_CLEANED] = True

    def filter(self, record: logging.LogRecord) -> bool:
        self.clean(record)
        return True


def secrets_of(settings: Settings) -> list[str]:
    """Every secret setting's value, each key of ``DATA_ENCRYPTION_KEYS`` on its own, and the
    password in ``DATABASE_URL``."""
    values = [
        field.get_secret_value()
        for field in vars(settings).values()
        if isinstance(field, SecretStr)
    ]
    keys = settings.data_encryption_keys
    values += keys.get_secret_value().split(",") if keys else []
    try:
        password = make_url(settings.database_url).password
    except ArgumentError:
        password = None
    return values + ([str(password)] if password else [])


_active: RedactingFilter | None = None
_factory_installed = False


def install(redactor: RedactingFilter, handlers: Iterable[logging.Handler] | None = None) -> None:
    """Adds the filter to ``handlers``; by default makes it the last step of creating every
    record, in this process, and adds it to the root logger's handlers and to SQLAlchemy's
    statement logger (which ``DATABASE_ECHO`` gives a handler of its own)."""
    if handlers is not None:
        for handler in handlers:
            handler.addFilter(redactor)
        return
    global _active, _factory_installed
    _active = redactor
    if not _factory_installed:
        logging.setLogRecordFactory(_cleaning(logging.getLogRecordFactory()))
        _factory_installed = True
    for handler in logging.getLogger().handlers:
        _replace_filter(handler, redactor)
    _replace_filter(logging.getLogger(SQL_LOGGER), redactor)


def _replace_filter(target: logging.Filterer, redactor: RedactingFilter) -> None:
    for old in [f for f in target.filters if isinstance(f, RedactingFilter)]:
        target.removeFilter(old)
    target.addFilter(redactor)


def _cleaning(make: Callable[..., logging.LogRecord]) -> Callable[..., logging.LogRecord]:
    def make_clean(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = make(*args, **kwargs)
        # logging.makeLogRecord makes an empty one, then fills it in: the handlers' filter
        # cleans that one.
        if _active is not None and record.name is not None:
            _active.clean(record)
        return record

    return make_clean


def uninstall() -> None:
    """Stops filtering records (tests restore the process as they found it)."""
    global _active
    _active = None
    for target in [*logging.getLogger().handlers, logging.getLogger(SQL_LOGGER)]:
        for old in [f for f in target.filters if isinstance(f, RedactingFilter)]:
            target.removeFilter(old)


def configure_logging(settings: Settings, *, verbose: bool = False) -> None:
    """The logging of every process: the level of ``LOG_LEVEL`` (DEBUG with ``verbose``), one
    line per record on stderr in ``LOG_FORMAT``, and the filter with this deployment's
    secrets."""
    level = logging.DEBUG if verbose else logging.getLevelNamesMapping()[settings.log_level]
    logging.basicConfig(level=level, handlers=[log_handler(settings.log_format)])
    logging.getLogger().setLevel(level)
    install(RedactingFilter(secrets_of(settings)))
    # Every HTTP request is a line at INFO: only DEBUG shows them (without the token). The
    # connection trace below them is noise. SQLAlchemy stays at its own WARNING unless
    # DATABASE_ECHO asks for the statements (their parameters are never logged).
    logging.getLogger("httpx").setLevel(logging.INFO if level <= logging.DEBUG else logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
