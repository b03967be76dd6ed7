"""Domain errors raised by validators and services.

Each error carries a locale key and its arguments, so any channel can render it in the user's
language without the service layer knowing about text.
"""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    """A rule of the domain was not met; ``key`` names the message in ``locales/``."""

    def __init__(self, key: str, **args: Any) -> None:
        super().__init__(key)
        self.key = key
        self.args_map: dict[str, Any] = args


class InvalidInput(DomainError):
    """The user's answer cannot be accepted; the message says what is expected."""


class AmbiguousAmount(DomainError):
    """A money amount could be read in more than one way; ``candidates`` lists the readings."""

    def __init__(self, candidates: list[int]) -> None:
        super().__init__("error-money-ambiguous")
        self.candidates = candidates


class InvalidTransition(DomainError):
    """A status change that the lifecycle does not allow."""


class NotPermitted(DomainError):
    """The acting user may not do this."""
