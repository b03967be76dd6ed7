"""What a failed Bot API call tells: refused, asked to wait, or possibly carried out after all."""

from __future__ import annotations

import warnings
from datetime import timedelta

import aiohttp
from telegram.error import BadRequest, NetworkError, RetryAfter, TelegramError, TimedOut
from telegram.warnings import PTBDeprecationWarning

NEVER_SENT = (aiohttp.ClientConnectorError, aiohttp.ConnectionTimeoutError)
"""Transport errors before the request left: no connection, or none free in the pool in time
(``bot.telegram.request``)."""


def may_have_arrived(failure: NetworkError) -> bool:
    """Whether a failed request may still have reached Telegram and been carried out.

    An HTTP error answer (502, 500) means Telegram refused it, and a connection that never
    opened sent nothing: both are safe to retry. A timeout, or a connection lost while waiting
    for the answer, may hide a message that was delivered.
    """
    cause = failure.__cause__
    if cause is None or isinstance(cause, TelegramError):  # an HTTP answer, or a bare timeout
        return isinstance(failure, TimedOut)
    return not isinstance(cause, NEVER_SENT)


def retry_after(flood: RetryAfter) -> timedelta:
    with warnings.catch_warnings():  # an int until PTB 23 unless PTB_TIMEDELTA is set
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        value = flood.retry_after
    return value if isinstance(value, timedelta) else timedelta(seconds=value)


def safe_to_retry(error: BaseException) -> bool:
    """A 429, a refusal by a failing server, or a request that never left: sending again
    cannot make the user see a message twice."""
    if isinstance(error, RetryAfter):
        return True
    if isinstance(error, BadRequest):  # a NetworkError in python-telegram-bot, but final
        return False
    return isinstance(error, NetworkError) and not may_have_arrived(error)
