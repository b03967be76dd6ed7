"""One status change of a reviewed item (registration or product), with its history row."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from models.entities import Product, StatusChange, User, Vendor
from models.status import Status, check_transition
from models.uow import UnitOfWork


def subject_type(subject: Vendor | Product) -> str:
    return "vendor" if isinstance(subject, Vendor) else "product"


def transition(
    uow: UnitOfWork,
    subject: Vendor | Product,
    target: Status,
    *,
    actor: User | None,
    now: datetime,
    note: str | None = None,
    reason: str | None = None,
    fields: Sequence[str] = (),
) -> None:
    """Moves ``subject`` along the lifecycle (or raises) and records who did it and why."""
    current = Status(subject.status)
    check_transition(current, target)
    subject.status = target.value
    subject.updated_at = now
    subject.fix_pending = list(fields) if target is Status.NEEDS_FIX else []
    uow.status_changes.add(
        StatusChange(
            subject_type=subject_type(subject),
            subject_id=subject.id,
            regency_code=subject.regency_code,
            from_status=current.value,
            to_status=target.value,
            actor_user_id=actor.id if actor else None,
            note=note,
            reason=reason,
            fields=list(fields),
            created_at=now,
        )
    )
