"""Library records and errors are summarised by ids, kinds and places, never their content."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

import aiohttp
import httpx
import pytest
from pydantic import BaseModel, ValidationError
from pywa.errors import WhatsAppError
from sqlalchemy.exc import IntegrityError
from telegram import Update
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter

from bot.log_summary import describe, describe_error, format_exception, summarise
from handlers.events import Sender

TYPED = "Siti Aminah, Jl. Raya Punten 12, siti@example.com"


def record(name: str, msg: object, *args: object) -> logging.LogRecord:
    return logging.LogRecord(name, logging.DEBUG, __file__, 1, msg, args, None)


def test_bot_api_calls_show_the_method_and_the_ids_with_the_time_taken() -> None:
    called = record(
        "telegram.ext.ExtBot",
        "Calling Bot API endpoint `%s` with parameters `%s`",
        "sendMessage",
        {"chat_id": 42, "text": TYPED, "reply_markup": {"inline_keyboard": [[{"text": TYPED}]]}},
    )
    assert (
        summarise(called)
        == "Bot API sendMessage {chat_id=42, text, reply_markup={inline_keyboard}}"
    )
    done = record(
        "telegram.ext.ExtBot",
        "Call to Bot API endpoint `%s` finished with return value `%s`",
        "sendMessage",
        {"message_id": 7, "chat": {"id": 42, "first_name": "Siti"}, "text": TYPED},
    )
    assert (
        summarise(done)
        == "Bot API sendMessage answered: {message_id=7, chat={id=42, first_name}, text}"
    )


def test_an_update_is_shown_by_its_ids() -> None:
    update = Update.de_json(
        {
            "update_id": 9,
            "message": {
                "message_id": 3,
                "date": 1_790_000_000,
                "chat": {"id": 42, "type": "private", "first_name": "Siti"},
                "from": {"id": 42, "is_bot": False, "first_name": "Siti", "last_name": "Aminah"},
                "text": TYPED,
            },
        },
        None,
    )
    shown = summarise(record("telegram.ext.Application", "Processing update %s", update))
    assert shown == "Processing update #9 (message) from user 42 in chat 42"


@pytest.mark.parametrize(
    ("name", "template", "args", "expected"),
    [
        (
            "telegram.ext._utils.webhookhandler",
            "Webhook received data: %s",
            (TYPED,),
            "Webhook received data: [text, 49 chars]",
        ),
        (
            "pywa.api",
            "Response code %d from %s: %s",
            (400, "/123/messages", TYPED),
            "Response code 400 from /123/messages: [text, 49 chars]",
        ),
        (
            "pywa.api",
            "Making %s request to %s with kwargs: %s",
            ("POST", "/123/messages", {"json": {"to": "62812", "text": {"body": TYPED}}}),
            "Making POST request to /123/messages with kwargs: {json={to, text={body}}}",
        ),
        (
            "pywa.server",
            "[ab12] [/whatsapp/webhook] Received raw update: %s",
            ({"entry": [TYPED]},),
            "[ab12] [/whatsapp/webhook] Received raw update: {entry}",
        ),
        (
            "sqlalchemy.engine.Engine",
            "[%s] %r",
            ("generated in 0.001s", (TYPED,)),
            "[generated in 0.001s] [parameters not logged]",
        ),
        ("aiosqlite", "executing %s", (TYPED,), "executing [text, 49 chars]"),
        (
            "uvicorn.access",
            '%s - "%s %s HTTP/%s" %d',
            ("127.0.0.1:5", "POST", "/telegram/webhook", "1.1", 200),
            '127.0.0.1:5 - "POST /telegram/webhook HTTP/1.1" 200',
        ),
        (
            "bot.outbox",
            "outbox message %s not sent: %s",
            (12, "BadRequest: chat not found"),
            "outbox message 12 not sent: BadRequest: chat not found",
        ),
        (
            "bot.telegram.app",
            "ignored Telegram error: %s",
            (BadRequest(f"Can't send {TYPED}"),),
            "ignored Telegram error: BadRequest: description not logged",
        ),
        (
            "some.library",
            "took %.1f ms for %d rows of %s",
            (1.25, 3, TYPED),
            "took 1.2 ms for 3 rows of [text, 49 chars]",
        ),
    ],
)
def test_library_arguments_are_described_and_our_own_kept(
    name: str, template: str, args: tuple[object, ...], expected: str
) -> None:
    assert summarise(record(name, template, *args)) == expected


def test_our_own_code_passing_an_object_by_mistake_logs_its_kind() -> None:
    sender = Sender("telegram", "42", display_name="Siti Aminah")
    shown = summarise(record("handlers.engine", "update %s from %s in %s", "7", sender, Path("m")))
    assert shown == "update 7 from <Sender> in m"


def test_pywa_never_names_the_recipient() -> None:
    shown = summarise(record("pywa._helpers", "Resolved recipient 6281234567890 to type USER"))
    assert shown == "Resolved recipient to type USER"


def test_asyncio_lists_no_reprs_of_a_failed_task() -> None:
    message = f"Task exception was never retrieved\nfuture: <Task exception=ValueError({TYPED!r})>"
    shown = summarise(record("asyncio", message))
    assert shown == "Task exception was never retrieved (details not logged)"


def test_values_are_described_by_kind() -> None:
    assert describe(None) == "None" and describe(12) == "12" and describe(True) == "True"
    assert describe(b"abc") == "[3 bytes]"
    assert describe([1, 2, 3]) == "[1, 2, 3]"
    assert describe(["Siti", "Budi"]) == "[2 items]"
    assert describe(object()) == "<object>"


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (BadRequest("Chat not found"), "BadRequest: chat not found"),
        (
            Forbidden("Forbidden: bot was blocked by the user"),
            "Forbidden: bot was blocked by the user",
        ),
        (BadRequest(f"Message '{TYPED}' is refused"), "BadRequest: description not logged"),
        (RetryAfter(5), "RetryAfter: Flood control exceeded. Retry in 5 seconds"),
        (
            NetworkError("httpx.ConnectError: All connection attempts failed"),
            "NetworkError: httpx.ConnectError: All connection attempts failed",
        ),
        (
            NetworkError("aiohttp.ServerDisconnectedError: Server disconnected"),
            "NetworkError: aiohttp.ServerDisconnectedError: Server disconnected",
        ),
        (
            aiohttp.ServerDisconnectedError(),
            "ServerDisconnectedError: Server disconnected",
        ),
        (
            ConnectionRefusedError(111, "Connection refused"),
            "ConnectionRefusedError: [Errno 111] Connection refused",
        ),
        (
            httpx.ConnectError("All connection attempts failed"),
            "ConnectError: All connection attempts failed",
        ),
        (ValueError(f"bad {TYPED}"), "ValueError: message not logged"),
        (KeyError(TYPED), "KeyError: message not logged"),
        (RuntimeError(), "RuntimeError"),
        (
            ExceptionGroup("two", [ValueError(TYPED), OSError("disk full")]),
            "ExceptionGroup: 2 errors: ValueError: message not logged; OSError: disk full",
        ),
    ],
)
def test_errors_keep_their_kind_and_only_safe_details(error: Exception, expected: str) -> None:
    assert describe_error(error) == expected


def test_a_graph_api_error_shows_its_codes_not_its_message() -> None:
    error = WhatsAppError.from_dict(
        {
            "code": 131_026,
            "message": f"Message undeliverable: {TYPED}",
            "error_data": {"details": TYPED},
            "error_subcode": 2_494_010,
            "fbtrace_id": "Atrace",
        }
    )
    assert describe_error(error).endswith(": code 131026, subcode 2494010, trace Atrace")
    assert "Siti" not in describe_error(error)


def test_a_validation_error_shows_the_fields_and_rules_not_the_input() -> None:
    class Draft(BaseModel):
        owner_name: int

    with pytest.raises(ValidationError) as raised:
        Draft(owner_name=TYPED)
    assert describe_error(raised.value) == "ValidationError: 1 invalid: owner_name int_parsing"


def test_a_failed_statement_shows_the_statement_and_codes_without_its_parameters() -> None:
    original = sqlite3.IntegrityError("UNIQUE constraint failed: vendor.nib")
    error = IntegrityError(
        "INSERT INTO vendor (business_name, nib)\nVALUES (?, ?)", (TYPED, "9120001234567"), original
    )
    expected = (
        "IntegrityError: IntegrityError, UNIQUE constraint failed: vendor.nib, "
        "in: INSERT INTO vendor (business_name, nib) VALUES (?, ?)"
    )
    assert describe_error(error) == expected

    class UniqueViolation(Exception):
        sqlstate = "23505"
        constraint_name = "uq_vendor_nib"

    postgres = IntegrityError(
        "UPDATE vendor SET nib=$1", (TYPED,), UniqueViolation(f"Key (nib)=({TYPED})")
    )
    expected = (
        "IntegrityError: UniqueViolation, sqlstate 23505, constraint uq_vendor_nib, "
        "in: UPDATE vendor SET nib=$1"
    )
    assert describe_error(postgres) == expected


def test_a_traceback_keeps_its_frames_and_causes_without_messages() -> None:
    def send(text: str) -> None:
        try:
            raise OSError("connection reset")
        except OSError as failure:
            raise BadRequest(f"can't send {text}") from failure

    with pytest.raises(BadRequest) as raised:
        send(TYPED)
    rendered = format_exception(raised.value)
    assert "Siti" not in rendered
    assert rendered.startswith("Traceback (most recent call last):\n")
    assert "OSError: connection reset" in rendered
    assert "The above exception was the direct cause of the following exception:" in rendered
    assert ", in send\n" in rendered
    assert rendered.endswith("telegram.error.BadRequest: description not logged")
