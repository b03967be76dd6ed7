"""Log records and errors summarised without what users typed.

Our own code logs ids and counts. Libraries log payloads: python-telegram-bot every Bot API call
with its parameters and answer, and every update; pywa every Graph API request and webhook body;
SQLAlchemy the rows it reads; aiosqlite the calls it runs. Errors carry user text too: a Telegram
or Graph API error can quote the message refused, a database error its statement's parameters.

:func:`summarise` turns a record into a message in which a value that may be user data never
appears. A message template is code, so it is kept; its arguments are kept for our own loggers
(which pass ids) and for libraries whose records carry no content (uvicorn, the HTTP client's
request lines, the connection pool), and are otherwise described: numbers and dates as they are,
text by its length, a mapping by its keys and numbers (``{chat_id=42, text}``), an update by its
ids. :func:`format_exception` renders a traceback with its frames and each error's kind and safe
details (:func:`error_details`), never its message.
"""

from __future__ import annotations

import asyncio
import enum
import logging
import re
import sqlite3
import time
import traceback
import weakref
from collections.abc import Mapping, Sequence
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import PurePath
from typing import Any

import aiohttp
import httpx
from fluent.runtime.errors import FluentFormatError
from pydantic import ValidationError
from pywa.errors import WhatsAppError
from pywa.types.base_update import BaseUpdate
from sqlalchemy.engine import Row
from sqlalchemy.exc import DBAPIError, StatementError
from telegram import TelegramObject, Update
from telegram.error import ChatMigrated, NetworkError, RetryAfter, TelegramError

from models.errors import InvalidInput

OWN_LOGGERS = ("bot", "handlers", "models", "bench", "tests")
"""Our code passes only ids, counts and settings' names as arguments."""

CONTENT_FREE_LOGGERS = (
    "aiohttp",
    "alembic",
    "apscheduler",
    "asyncio",
    "h11",
    "httpcore",
    "httpx",
    "py.warnings",
    "sqlalchemy.orm",
    "sqlalchemy.pool",
    "starlette",
    "uvicorn",
)
"""Libraries whose records hold methods, URLs, statuses, job names and timings, never a payload
(a URL's bot token is removed by the redaction after this)."""

TRUSTED_TEMPLATES: dict[str, frozenset[int]] = {
    template: frozenset(positions)
    for template, positions in (
        # python-telegram-bot: URLs (the token is redacted) and its retry loops' names.
        ("Set Bot API URL: %s", (0,)),
        ("Set Bot API File URL: %s", (0,)),
        ("%s Starting", (0,)),
        ("%s Cancelled", (0,)),
        ("%s Action succeeded. Stopping loop.", (0,)),
        ("%s Invalid token. Aborting retry loop.", (0,)),
        ("%s Failed run number %s of %s. Retrying.", (0,)),
        ("%s Failed run number %s of %s. Aborting.", (0,)),
        # pywa: the HTTP method, the Graph API endpoint (the business number's id), a handler.
        ("Making %s request to %s with kwargs: %s", (0, 1)),
        ("Response code %d from %s: %s", (1,)),
        ("%s Request to %s failed: %s", (0, 1)),
        ("GraphAPI initialized with base URL: %s", (0,)),
        ("Error occurred while '%s' was handling the update", (0,)),
        # SQLAlchemy: how the statement was compiled and how long ago.
        ("[%s] [SQL parameters hidden due to hide_parameters=True]", (0,)),
    )
}
"""Library templates, and the positions of their arguments that are code: method names,
endpoints, URLs, timings. Every other argument is described."""

BOT_API_CALL = "Calling Bot API endpoint `%s` with parameters `%s`"
BOT_API_DONE = "Call to Bot API endpoint `%s` finished with return value `%s`"
SQL_PARAMETERS = "[%s] %r"
_MAX_DEPTH = 3
_MAX_ITEMS = 12


def is_own(logger_name: str) -> bool:
    return _within(logger_name, OWN_LOGGERS)


def _within(name: str, prefixes: Sequence[str]) -> bool:
    return any(name == prefix or name.startswith(prefix + ".") for prefix in prefixes)


def summarise(record: logging.LogRecord) -> str:
    """The record's message with every argument that could be user data described instead."""
    template, args = record.msg, record.args
    if not isinstance(template, str):
        return describe(template)
    if not args:
        return _without_context(record.name, template)
    own = is_own(record.name)
    content_free = _within(record.name, CONTENT_FREE_LOGGERS)
    named = isinstance(args, Mapping) and "%(" in template
    values = args if isinstance(args, tuple) else (args,)  # a lone mapping, for one ``%s``
    if template in (BOT_API_CALL, BOT_API_DONE) and len(values) == 2:
        return _bot_api_call(template, values[0], values[1])
    if template == SQL_PARAMETERS and len(values) == 2 and record.name.startswith("sqlalchemy"):
        return f"[{values[0]}] [parameters not logged]"
    kept = _trusted_positions(template)
    described: Any
    if named and isinstance(args, Mapping):
        described = {key: _argument(value, own, content_free) for key, value in args.items()}
    else:
        described = tuple(
            _argument(value, own, content_free or position in kept)
            for position, value in enumerate(values)
        )
    try:
        return str(template % described)
    except (TypeError, ValueError, KeyError):
        shown = described.values() if isinstance(described, dict) else described
        return f"{template} {' '.join(map(str, shown))}"


_RECIPIENT = re.compile(r"^Resolved recipient .* to type ")


_UPDATE_PREFIX = re.compile(r"^(\[\w+\] )(\[[\w/.-]+\] )?")


def _trusted_positions(template: str) -> frozenset[int]:
    """Of one of ``TRUSTED_TEMPLATES``, also behind the ``[update hash] [endpoint] `` prefix
    pywa adds."""
    return TRUSTED_TEMPLATES.get(_UPDATE_PREFIX.sub("", template), frozenset())


def _without_context(logger_name: str, message: str) -> str:
    """A message a library wrote values into itself, without them: pywa names a recipient's
    number; asyncio's handler of an unretrieved task error lists reprs after its first line
    (the task's error with its message; the traceback follows on its own)."""
    if _within(logger_name, ("pywa",)):
        return _RECIPIENT.sub("Resolved recipient to type ", message)
    if _within(logger_name, ("asyncio",)) and "\n" in message:
        return message.split("\n", 1)[0] + " (details not logged)"
    return message


OWN_ARGUMENT_TYPES = (str, int, float, Decimal, enum.Enum, date, timedelta, PurePath)
"""What our own code passes: ids, counts, names from the code, times. Anything else it passes by
mistake (an event, a sender, a row) is described like a library's argument."""


def _argument(value: object, own: bool, kept: bool) -> object:
    if isinstance(value, BaseException):
        return _Shown(describe_error(value))
    if isinstance(value, (TelegramObject, BaseUpdate)):
        return _Shown(describe(value))
    if kept or (own and (value is None or isinstance(value, OWN_ARGUMENT_TYPES))):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value  # numbers keep %d and %.3f working
    return _Shown(describe(value))


class _Shown(str):
    """A description, printed as it is by ``%s`` and ``%r`` alike."""

    def __repr__(self) -> str:
        return str(self)


_calls_started: weakref.WeakKeyDictionary[asyncio.Task[Any], dict[str, float]] = (
    weakref.WeakKeyDictionary()
)


def _bot_api_call(template: str, endpoint: object, payload: object) -> str:
    """``Bot API sendMessage {chat_id=42, text}`` and, once answered, how long it took."""
    task = _current_task()
    if template == BOT_API_CALL:
        if task is not None:
            _calls_started.setdefault(task, {})[str(endpoint)] = time.perf_counter()
        return f"Bot API {endpoint} {describe(payload)}"
    started = _calls_started.get(task, {}).pop(str(endpoint), None) if task else None
    took = f" in {(time.perf_counter() - started) * 1000:.1f} ms" if started else ""
    return f"Bot API {endpoint} answered{took}: {describe(payload)}"


def _current_task() -> asyncio.Task[Any] | None:
    try:
        return asyncio.current_task()
    except RuntimeError:  # no running event loop
        return None


def describe(value: object, depth: int = 0) -> str:
    """A value as a log may show it: numbers, dates, flags and ids as they are; text by its
    length; a mapping by its keys (their numbers shown); an update or Bot API object by its ids."""
    if value is None or isinstance(value, (bool, int, float, Decimal, enum.Enum)):
        return str(value.name if isinstance(value, enum.Enum) else value)
    if isinstance(value, (datetime, date, timedelta)):
        return str(value)
    if isinstance(value, str):
        return f"[text, {len(value)} chars]"
    if isinstance(value, (bytes, bytearray, memoryview)):
        return f"[{len(value)} bytes]"
    if isinstance(value, BaseException):
        return describe_error(value)
    if isinstance(value, Update):
        return _update(value)
    if isinstance(value, TelegramObject):
        return f"{type(value).__name__}{_mapping(value.to_dict(), depth)}"
    if isinstance(value, BaseUpdate):  # pywa's: by its WhatsApp id
        return f"{type(value).__name__} {getattr(value, 'id', '')}".rstrip()
    if isinstance(value, Mapping):
        return _mapping(value, depth)
    if isinstance(value, Row):
        return f"row of {len(value)} values"
    if type(value).__name__.startswith("_repr_"):  # SQLAlchemy's view of rows and parameters
        return "[values not logged]"
    if isinstance(value, (list, tuple, set, frozenset)):
        return _sequence(value)
    return f"<{type(value).__name__}>"


def _update(update: Update) -> str:
    kinds = [key for key in update.to_dict() if key != "update_id"]
    user, chat = update.effective_user, update.effective_chat
    parts = [f"#{update.update_id} ({', '.join(kinds) or 'empty'})"]
    if user is not None:
        parts.append(f"from user {user.id}")
    if chat is not None:
        parts.append(f"in chat {chat.id}")
    return " ".join(parts)


def _mapping(mapping: Mapping[Any, Any], depth: int) -> str:
    if depth >= _MAX_DEPTH:
        return "{…}"
    shown = []
    for key, item in list(mapping.items())[:_MAX_ITEMS]:
        name = key if isinstance(key, str) and key.isidentifier() else "?"
        if item is None or isinstance(item, (bool, int, float)):
            shown.append(f"{name}={item}")
        elif isinstance(item, Mapping):
            shown.append(f"{name}={_mapping(item, depth + 1)}")
        else:
            shown.append(name)
    more = ", …" if len(mapping) > _MAX_ITEMS else ""
    return "{" + ", ".join(shown) + more + "}"


def _sequence(items: list[Any] | tuple[Any, ...] | set[Any] | frozenset[Any]) -> str:
    values = list(items)
    if values and len(values) <= _MAX_ITEMS and all(_is_id(item) for item in values):
        return "[" + ", ".join(map(str, values)) + "]"
    return f"[{len(values)} items]"


def _is_id(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


# Errors ----------------------------------------------------------------------------------------

TELEGRAM_PHRASES = (
    "bot can't initiate conversation with a user",
    "bot was blocked by the user",
    "bot was kicked",
    "button_data_invalid",
    "can't parse entities",
    "chat not found",
    "failed to get http url content",
    "file is too big",
    "flood control exceeded",
    "group chat was upgraded to a supergroup chat",
    "have no rights to send a message",
    "invalid token",
    "message can't be deleted",
    "message can't be edited",
    "message is not modified",
    "message is too long",
    "message text is empty",
    "message to delete not found",
    "message to edit not found",
    "not enough rights",
    "not found",
    "peer_id_invalid",
    "query is too old",
    "reply markup is too long",
    "terminated by other getupdates request",
    "timed out",
    "unauthorized",
    "user is deactivated",
    "wrong file identifier",
    "wrong remote file identifier",
)
"""Telegram's own fixed error descriptions: one of these is logged, anything else Telegram says
(which could quote the message it refused) is not."""

SAFE_MESSAGE_ERRORS: tuple[type[BaseException], ...] = (
    OSError,
    aiohttp.ClientConnectionError,
    httpx.HTTPError,
    sqlite3.Error,
    FluentFormatError,
)
"""Errors whose message comes from the operating system, the network stack, SQLite (which names
tables, columns and constraints, never values) or Fluent (which names a locale's variables)."""


def describe_error(error: BaseException) -> str:
    """``Kind: safe details``, on one line."""
    details = error_details(error)
    return f"{type(error).__name__}: {details}" if details else type(error).__name__


def error_details(error: BaseException) -> str:
    """What an error may say in a log: codes, ids, names from the code, the statement without
    its parameters; never a message that could quote what a user typed."""
    if isinstance(error, StatementError):
        return _statement_error(error)
    if isinstance(error, (RetryAfter, ChatMigrated)):
        return error.message  # the library's own text, with the wait or the new chat's id
    if isinstance(error, NetworkError) and error.message.startswith(("aiohttp.", "httpx.")):
        return error.message  # the HTTP client's transport error, wrapped
    if isinstance(error, TelegramError):
        return _telegram_phrase(error.message)
    if isinstance(error, WhatsAppError):
        parts = [f"code {error.code}"]
        parts += [f"subcode {error.subcode}"] if error.subcode is not None else []
        parts += [f"trace {error.fbtrace_id}"] if error.fbtrace_id else []
        return ", ".join(parts)
    if isinstance(error, ValidationError):
        fields = [f"{'.'.join(map(str, e['loc']))} {e['type']}" for e in error.errors()[:5]]
        return f"{error.error_count()} invalid: {'; '.join(fields)}"
    if isinstance(error, InvalidInput):
        return error.key
    if isinstance(error, BaseExceptionGroup):
        return f"{len(error.exceptions)} errors: " + "; ".join(
            describe_error(inner) for inner in error.exceptions[:5]
        )
    if isinstance(error, SAFE_MESSAGE_ERRORS):
        return str(error)
    return "message not logged" if str(error) else ""


def _telegram_phrase(description: str) -> str:
    lowered = description.lower()
    for phrase in TELEGRAM_PHRASES:
        if phrase in lowered:
            return phrase
    return "description not logged"


def _statement_error(error: StatementError) -> str:
    """The driver's error kind and codes, and the statement (placeholders, not values)."""
    parts = []
    original = error.orig
    if original is not None:
        parts.append(type(original).__name__)
        cause = original.__cause__ or original
        for label, attribute in (
            ("sqlstate", "sqlstate"),
            ("constraint", "constraint_name"),
            ("table", "table_name"),
            ("column", "column_name"),
        ):
            value = getattr(original, attribute, None) or getattr(cause, attribute, None)
            if isinstance(value, str) and value:
                parts.append(f"{label} {value}")
        if isinstance(original, sqlite3.Error):
            parts.append(str(original))
    if isinstance(error, DBAPIError) and error.connection_invalidated:
        parts.append("connection invalidated")
    statement = " ".join((error.statement or "").split())
    if statement:
        parts.append(f"in: {statement[:500]}")
    return ", ".join(parts)


def format_exception(error: BaseException) -> str:
    """The traceback as Python prints it (causes first), each error by kind and safe details."""
    lines: list[str] = []
    _format_chain(error, lines, set())
    return "".join(lines).rstrip("\n")


def _format_chain(error: BaseException, lines: list[str], seen: set[int]) -> None:
    seen.add(id(error))
    cause, context = error.__cause__, error.__context__
    if cause is not None and id(cause) not in seen:
        _format_chain(cause, lines, seen)
        lines.append("\nThe above exception was the direct cause of the following exception:\n\n")
    elif context is not None and not error.__suppress_context__ and id(context) not in seen:
        _format_chain(context, lines, seen)
        lines.append("\nDuring handling of the above exception, another exception occurred:\n\n")
    if error.__traceback__ is not None:
        lines.append("Traceback (most recent call last):\n")
        lines.extend(traceback.format_tb(error.__traceback__))
    kind = type(error)
    name = (
        kind.__qualname__
        if kind.__module__ == "builtins"
        else f"{kind.__module__}.{kind.__qualname__}"
    )
    details = error_details(error)
    lines.append(f"{name}: {details}\n" if details else f"{name}\n")
    if isinstance(error, BaseExceptionGroup):
        for number, inner in enumerate(error.exceptions, 1):
            lines.append(f"\n[{number} of {len(error.exceptions)} in the group]\n")
            _format_chain(inner, lines, seen)
