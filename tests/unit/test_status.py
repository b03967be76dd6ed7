import pytest

from models.errors import InvalidTransition
from models.status import ALLOWED_TRANSITIONS, Status, check_transition

ALLOWED = [
    (Status.DRAFT, Status.SUBMITTED),
    (Status.SUBMITTED, Status.NEEDS_FIX),
    (Status.SUBMITTED, Status.APPROVED),
    (Status.SUBMITTED, Status.REJECTED),
    (Status.NEEDS_FIX, Status.SUBMITTED),
]


@pytest.mark.parametrize(("current", "target"), ALLOWED)
def test_allowed_transitions_pass(current: Status, target: Status) -> None:
    check_transition(current, target)


@pytest.mark.parametrize(
    ("current", "target"),
    [(c, t) for c in Status for t in Status if (c, t) not in ALLOWED],
)
def test_every_other_transition_is_refused(current: Status, target: Status) -> None:
    with pytest.raises(InvalidTransition) as error:
        check_transition(current, target)
    assert error.value.args_map == {"current": current.value, "target": target.value}


def test_decided_items_are_final() -> None:
    assert ALLOWED_TRANSITIONS[Status.APPROVED] == frozenset()
    assert ALLOWED_TRANSITIONS[Status.REJECTED] == frozenset()
