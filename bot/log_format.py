"""Log lines as JSON objects for a log system (``LOG_FORMAT=json``), or as text (the default).

Each JSON line carries the time (UTC, ISO 8601), level, logger, message, the process id, the
error's rendered traceback when there is one, and, for what is logged while an update is
handled, its update id, its chat's lane and its channel (:func:`handling_update`). The
message and traceback are those :mod:`bot.redaction` cleaned. A lane is a Telegram chat id
(an id the text lines show too); a WhatsApp chat's lane is a hash of the number, never the
number.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, datetime

TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_UPDATE: ContextVar[tuple[str, str, str] | None] = ContextVar("logged_update", default=None)


@contextmanager
def handling_update(channel: str, update_id: str, lane: str) -> Iterator[None]:
    """What is logged inside names this update (the lanes run each update in a task of its
    own, so the context never leaks to another chat's update)."""
    token = _UPDATE.set((channel, update_id, lane))
    try:
        yield
    finally:
        _UPDATE.reset(token)


def whatsapp_lane(number: str) -> str:
    return "wa-" + hashlib.sha256(number.encode()).hexdigest()[:12]


class UpdateContext(logging.Filter):
    """Adds the update being handled to the record (``channel``, ``update_id``, ``lane``)."""

    def filter(self, record: logging.LogRecord) -> bool:
        current = _UPDATE.get()
        if current is not None and not hasattr(record, "update_id"):
            record.channel, record.update_id, record.lane = current
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "process": record.process,
        }
        for field in ("update_id", "lane", "channel"):
            if hasattr(record, field):
                line[field] = getattr(record, field)
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            line["error"] = record.exc_text
        if record.stack_info:
            line["stack"] = record.stack_info
        return json.dumps(line, ensure_ascii=False, default=str)


def log_handler(log_format: str) -> logging.Handler:
    """The stderr handler of every process, in the format asked for."""
    handler = logging.StreamHandler()
    handler.addFilter(UpdateContext())
    json_lines = log_format == "json"
    handler.setFormatter(JsonFormatter() if json_lines else logging.Formatter(TEXT_FORMAT))
    return handler
