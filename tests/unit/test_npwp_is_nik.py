"""The NPWP step's reading of "my NPWP is my NIK", and its answer when no NIK was given yet."""

from __future__ import annotations

from typing import cast

import pytest

from handlers.context import FlowContext
from handlers.forms import GoTo, Retry
from handlers.registration.steps import NpwpStep, RegistrationStep
from models.entities import Vendor
from models.validators.npwp import says_npwp_is_nik


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("sama kyk nik", True),
        ("podo karo nik", True),
        ("pakai no ktp aja", True),
        ("beda sama nik", False),
        ("ga pake nik", False),
        ("nik saya 3579014101850001", False),  # a number typed is the NPWP itself
        ("sama", False),  # the NIK is not named
    ],
)
def test_npwp_is_nik_is_read(typed: str, meant: bool) -> None:
    assert says_npwp_is_nik(typed) is meant


async def test_without_a_nik_it_is_explained_and_asked_again() -> None:
    ctx = cast(FlowContext, None)  # nothing of the conversation is needed to refuse
    outcome = await NpwpStep().on_text(ctx, Vendor(nik=None), "sama kyk nik")
    assert isinstance(outcome, Retry)
    assert outcome.error.key == "error-npwp-nik-missing"


async def test_with_a_nik_it_is_shown_back_to_confirm() -> None:
    ctx = cast(FlowContext, None)
    outcome = await NpwpStep().on_text(ctx, Vendor(nik="3579014101850001"), "pake nik aja")
    assert outcome == GoTo(RegistrationStep.NPWP_CONFIRM)
