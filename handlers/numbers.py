"""Numeric questions of a form: a number typed as digits in the step's own unit is stored; one
read through words, slang, a unit multiple or a period ("1 kodi", "100 per minggu", "seminggu")
is shown back first ("Maksud Anda: 20 pcs?"), and stored only when the vendor agrees."""

from __future__ import annotations

from abc import abstractmethod
from typing import Any, ClassVar, TypeVar

from handlers import forms
from handlers.answers import yes_or_no
from handlers.context import FlowContext
from handlers.forms import GoTo, Outcome, Retry
from handlers.replies import Choice, Msg, Reply, msg, reply
from models.validators import Reading

S = TypeVar("S")

PENDING = "number_pending"
"""Scratch keys of the reading waiting for the vendor's yes: the value and the text typed."""
PENDING_TYPED = "number_typed"
TYPED_SHOWN = 60
"""At most this many characters of the answer are quoted back."""


class NumberStep(forms.Step[S]):
    """A question whose answer is a number; :attr:`confirm_step` shows a converted reading."""

    confirm_step: ClassVar[str]

    @abstractmethod
    def read(self, ctx: FlowContext, subject: S, text: str) -> Reading:
        """The number in ``text`` (the service's reading and checks)."""

    @abstractmethod
    def store(self, ctx: FlowContext, subject: S, value: int) -> Outcome: ...

    @abstractmethod
    def shown(self, ctx: FlowContext, subject: S, value: int) -> Msg:
        """The value as the vendor reads it, with its unit ("20 pcs", "7 hari")."""

    async def on_text(self, ctx: FlowContext, subject: S, text: str) -> Outcome:
        reading = self.read(ctx, subject, text)
        if not reading.converted:
            return self.store(ctx, subject, reading.value)
        ctx.set_data(**{PENDING: reading.value, PENDING_TYPED: " ".join(text.split())})
        return GoTo(self.confirm_step)


class NumberConfirmStep(forms.Step[S]):
    """ "Maksud Anda: 20 pcs?": yes stores the reading, no asks the question again, and a new
    answer typed here is read in its place."""

    asked: ClassVar[NumberStep[Any]]
    question_key: ClassVar[str]
    """Its text, given ``value`` (with its unit) and ``typed`` (the answer as typed)."""
    reads_none = False

    def question(self, ctx: FlowContext, subject: S) -> Reply:
        typed = str(ctx.data.get(PENDING_TYPED, ""))
        if len(typed) > TYPED_SHOWN:
            typed = typed[: TYPED_SHOWN - 1].rstrip() + "…"
        return reply(
            msg(
                self.question_key,
                value=self.asked.shown(ctx, subject, int(ctx.data.get(PENDING, 0))),
                typed=typed,
            ),
            choices=[
                Choice("confirm.yes", msg("button-yes-correct")),
                Choice("confirm.no", msg("button-change-answer")),
            ],
        )

    async def on_text(self, ctx: FlowContext, subject: S, text: str) -> Outcome:
        answer = yes_or_no(text)
        if answer is None:
            return await self.asked.on_text(ctx, subject, text)
        return await self.on_choice(ctx, subject, "confirm.yes" if answer else "confirm.no")

    async def on_choice(self, ctx: FlowContext, subject: S, choice_id: str) -> Outcome:
        if choice_id == "confirm.no":
            return GoTo(self.asked.name)
        if choice_id != "confirm.yes" or ctx.data.get(PENDING) is None:
            return Retry(msg("error-use-buttons"))
        outcome = self.store(ctx, subject, int(ctx.data[PENDING]))
        ctx.set_data(**{PENDING: None, PENDING_TYPED: None})
        return outcome

    def store(self, ctx: FlowContext, subject: S, value: int) -> Outcome:
        return self.asked.store(ctx, subject, value)
