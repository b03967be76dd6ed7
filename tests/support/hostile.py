"""Hostile webhook bodies: a real payload with one value at a time replaced by a value of the
wrong type, an absurd number or a deeply nested structure, and bodies that are not updates."""

from __future__ import annotations

import copy
import json
import logging
from collections.abc import Iterator
from typing import Any

import pytest

DIGITS = "9" * 5000
"""Past Python's limit on converting decimal strings to int (4300 digits)."""

NESTED = "[" * 100_000 + "]" * 100_000
"""Deeper than the JSON parser's recursion limit."""

HOSTILE_VALUES: tuple[Any, ...] = (
    None,
    True,
    0,
    -1,
    1.5,
    10**30,
    "",
    "x",
    "1" * 80,
    DIGITS,
    [],
    [1],
    {},
    {"a": 1},
)
"""What each value of a real payload is replaced with."""

APOLOGY = "Maaf, terjadi gangguan"


def paths(value: Any, prefix: tuple[str | int, ...] = ()) -> Iterator[tuple[str | int, ...]]:
    """Every key and index in ``value``, outermost first."""
    children: Any = (
        value.items()
        if isinstance(value, dict)
        else enumerate(value)
        if isinstance(value, list)
        else ()
    )
    for key, child in children:
        yield (*prefix, key)
        yield from paths(child, (*prefix, key))


def replaced(payload: Any, path: tuple[str | int, ...], value: Any) -> bytes:
    """The body of ``payload`` with the value at ``path`` replaced by ``value``."""
    changed = copy.deepcopy(payload)
    parent = changed
    for key in path[:-1]:
        parent = parent[key]
    parent[path[-1]] = value
    return json.dumps(changed).encode()


def mutations(payload: Any) -> Iterator[bytes]:
    for path in paths(payload):
        for value in HOSTILE_VALUES:
            yield replaced(payload, path, value)
        yield replaced(payload, path, 0).replace(b": 0", b": " + NESTED.encode(), 1)


NOT_UPDATES = (
    b"",
    b"{not json",
    b"null",
    b"true",
    b"5",
    b'"update"',
    b"[]",
    b"{}",
    NESTED.encode(),
    b'{"a": ' + NESTED.encode() + b"}",
    b'{"update_id": ' + DIGITS.encode() + b"}",
    b"\xff\xfe\x00",
)


def assert_no_failure(caplog: pytest.LogCaptureFixture) -> None:
    """Nothing was logged as an error, nor with a traceback."""
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]
    assert errors == [], [r.getMessage() for r in errors]
