"""The review lifecycle shared by vendor registrations and (later) products."""

from __future__ import annotations

from enum import StrEnum

from models.errors import InvalidTransition


class Status(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    NEEDS_FIX = "needs_fix"
    APPROVED = "approved"
    REJECTED = "rejected"


ALLOWED_TRANSITIONS: dict[Status, frozenset[Status]] = {
    Status.DRAFT: frozenset({Status.SUBMITTED}),
    Status.SUBMITTED: frozenset({Status.NEEDS_FIX, Status.APPROVED, Status.REJECTED}),
    Status.NEEDS_FIX: frozenset({Status.SUBMITTED}),
    Status.APPROVED: frozenset(),
    Status.REJECTED: frozenset(),
}

EDITABLE_STATUSES = frozenset({Status.DRAFT, Status.NEEDS_FIX})


def check_transition(current: Status, target: Status) -> None:
    """Raises :class:`InvalidTransition` unless the lifecycle allows ``current`` → ``target``."""
    if target not in ALLOWED_TRANSITIONS[current]:
        raise InvalidTransition("error-transition", current=current.value, target=target.value)
