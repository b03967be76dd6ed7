"""A generic step-by-step form: one question at a time, with back, skip, help, stop, a summary
and editing of any field from it.

Registration and product listing are both forms. A form names its steps (stored in the
conversation row, so never renumbered), loads its subject (the row being filled in), and knows
how to show its summary; this module does the rest the same way for every form.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Any, ClassVar, Generic, TypeVar

from handlers.answers import is_none_answer
from handlers.chat_only import is_chat_only
from handlers.choices import Matched, match_choice
from handlers.context import Flow, FlowContext
from handlers.events import ChoiceMade, ContactShared, MediaReceived, TextReceived
from handlers.lead_in import without_chat_around, without_lead_in
from handlers.replies import Choice, Msg, Reply, msg, reply
from models.errors import DomainError

FormInput = TextReceived | ChoiceMade | ContactShared | MediaReceived

NAV_BACK, NAV_SKIP, NAV_HELP, NAV_CANCEL = "nav.back", "nav.skip", "nav.help", "nav.cancel"
NAV_ALL = "nav.all"
KEEP = "keep"
SUMMARY = "summary"
FIX_QUEUE = "fix_queue"
"""Scratch key for the questions a reviewer asked to fix, still to be asked."""
CANDIDATES = "candidates"
"""Scratch key for the readings of an ambiguous answer, offered as buttons on the retry only."""

S = TypeVar("S")


@dataclass(frozen=True, slots=True)
class Advance:
    """The answer was stored: move on, showing ``notes`` first."""

    notes: tuple[Msg, ...] = ()


@dataclass(frozen=True, slots=True)
class GoTo:
    """Continue at a given step (a follow-up question such as a confirmation)."""

    step: str
    notes: tuple[Msg, ...] = ()


@dataclass(frozen=True, slots=True)
class Retry:
    """The answer was not accepted: explain and ask the same question again; ``offer`` narrows
    the buttons to the closest readings of the answer (with one to show them all)."""

    error: Msg
    offer: tuple[Choice, ...] = ()


Outcome = Advance | GoTo | Retry


class Step(Generic[S]):
    """A question of a form. ``field`` names what it fills in (several steps may share one)."""

    name: ClassVar[str]
    field: ClassVar[str]
    typed: ClassVar[bool] = True
    """Whether the answer is typed; otherwise it is chosen with the buttons."""
    reads_none: ClassVar[bool] = True
    """Whether "belum punya", "tidak ada", "skip", "-" answer it by :meth:`on_none`; not for
    questions where "tidak" is itself the answer (confirmations)."""
    lead_words: ClassVar[tuple[str, ...]] = ()
    """Words naming the field that people type before the value ("NIK saya …")."""
    free_text: ClassVar[bool] = False
    """Whether any text is a value (a name, an address): an answer made only of chat words
    ("iya", "sama kayak ktp") is then refused instead of stored."""
    person_name: ClassVar[bool] = False
    """Whether the value is a person's name: chat words typed in small letters before or after
    it ("ini Bambang", "Siti ya kak") are not part of it."""
    thing_name: ClassVar[bool] = False
    """Whether the value is the name of a business, brand or product: chat words typed in small
    letters around it are not part of it when it was typed with capitals ("Sari Rasa kak")."""

    def applies(self, subject: S) -> bool:
        """Whether the question is asked at all (TKDN only for domestic products)."""
        return True

    def has_answer_to_keep(self, subject: S) -> bool:
        """Whether an answered question offers to keep the stored answer; a field counted as
        dealt with without being asked (KBLI of a business with no NIB) has nothing to keep."""
        return True

    def question(self, ctx: FlowContext, subject: S) -> Reply:
        return reply(msg(f"ask-{kebab(self.name)}"))

    def can_skip(self, subject: S) -> bool:
        return False

    def skip(self, ctx: FlowContext, subject: S) -> Outcome:
        raise NotImplementedError

    def on_none(self, ctx: FlowContext, subject: S) -> Outcome:
        """The user says they have nothing to give: skipped when optional, else asked again."""
        if self.can_skip(subject):
            return self.skip(ctx, subject)
        return Retry(msg("error-answer-needed"))

    async def on_text(self, ctx: FlowContext, subject: S, text: str) -> Outcome:
        return Retry(msg("error-use-buttons"))

    async def on_choice(self, ctx: FlowContext, subject: S, choice_id: str) -> Outcome:
        return Retry(msg("error-use-buttons"))

    async def on_contact(self, ctx: FlowContext, subject: S, phone: str, own: bool) -> Outcome:
        return Retry(msg("error-contact-unexpected" if self.typed else "error-use-buttons"))

    async def on_media(self, ctx: FlowContext, subject: S, media: MediaReceived) -> Outcome:
        return Retry(msg("error-media-unexpected" if self.typed else "error-use-buttons"))


def read_typed(step: Step[Any], text: str) -> str | None:
    """What a typed step reads from ``text``: None for "nothing to give" ("belum punya",
    "skip", "-"), else the text without a lead-in naming the field ("NIK saya …")."""
    if step.reads_none and is_none_answer(text):
        return None
    rest = without_lead_in(text, step.lead_words)
    if step.person_name or step.thing_name:
        return without_chat_around(rest, capitalised_only=step.thing_name)
    return rest


def kebab(name: str) -> str:
    return name.replace("_", "-")


class Form(ABC, Generic[S]):
    """The generic runner; subclasses give the steps, the subject and the summary."""

    flow: ClassVar[Flow]
    steps: ClassVar[tuple[Step[Any], ...]]
    """One step per field, in the order asked."""
    follow_ups: ClassVar[dict[str, Step[Any]]] = {}
    """Follow-up questions reached through :class:`GoTo`, keyed by step name."""
    first_step_has_back: ClassVar[bool] = False
    contact_requests: ClassVar[bool] = True
    """Whether a question may ask for the user's own contact (not when filling in for someone)."""

    # --- what each form provides -------------------------------------------------------------

    @abstractmethod
    async def subject(self, ctx: FlowContext) -> S | None:
        """The row being filled in, or None when there is none (the form then restarts)."""

    @abstractmethod
    def is_answered(self, ctx: FlowContext, subject: S, field: str) -> bool: ...

    @abstractmethod
    def field_value(self, ctx: FlowContext, subject: S, field: str) -> Msg | None:
        """The stored answer as displayable text, or None when not answered."""

    @abstractmethod
    def show_summary(self, ctx: FlowContext, subject: S, notes: tuple[Msg, ...]) -> None: ...

    @abstractmethod
    async def on_summary_choice(self, ctx: FlowContext, subject: S, choice: str) -> None:
        """A press on the summary that is not an edit button (submit, later, ...)."""

    @abstractmethod
    def pause(self, ctx: FlowContext, subject: S) -> None:
        """The user stopped; the subject is kept. Says how to come back."""

    @abstractmethod
    async def restart(self, ctx: FlowContext) -> None:
        """The subject is gone or may not be edited any more: leave the form gracefully."""

    def help_key(self, step: str) -> str:
        return f"help-{kebab(step)}"

    def help_args(self, ctx: FlowContext) -> dict[str, Any]:
        return {"bureau": ctx.bureau.name, "contact": ctx.bureau.contact}

    # --- the runner ------------------------------------------------------------------------

    @property
    def field_order(self) -> tuple[str, ...]:
        return tuple(step.name for step in self.steps)

    def step(self, name: str) -> Step[Any]:
        for step in self.steps:
            if step.name == name:
                return step
        return self.follow_ups[name]

    def step_of_field(self, field: str) -> str:
        return next(step.name for step in self.steps if step.field == field)

    def first_unanswered(self, ctx: FlowContext, subject: S) -> str | None:
        for step in self.steps:
            if step.applies(subject) and not self.is_answered(ctx, subject, step.field):
                return step.name
        return None

    def resume_step(self, ctx: FlowContext, subject: S) -> str:
        """The stored step if the user was in this form, else the first unanswered question."""
        conversation = ctx.conversation
        if conversation.flow == self.flow and conversation.step and self.knows(conversation.step):
            return conversation.step
        return self.first_unanswered(ctx, subject) or SUMMARY

    def knows(self, step: str) -> bool:
        return step == SUMMARY or step in self.field_order or step in self.follow_ups

    async def resume(self, ctx: FlowContext) -> None:
        subject = await self.subject(ctx)
        if subject is None:
            await self.restart(ctx)
        else:
            self.continue_subject(ctx, subject)

    def continue_subject(self, ctx: FlowContext, subject: S) -> None:
        """Where the user left off; a subject sent back for fixes goes to the asked fields."""
        if self.fix_pending(subject) and not self.fixing(ctx):
            self.start_fix(ctx, subject)
        else:
            self.ask(ctx, subject, self.resume_step(ctx, subject))

    def fixing(self, ctx: FlowContext) -> bool:
        """Whether the user is already going through the fields asked to be fixed."""
        conversation = ctx.conversation
        return (
            conversation.flow == self.flow
            and bool(ctx.data.get("editing"))
            and conversation.step not in (None, SUMMARY)
        )

    async def handle(self, ctx: FlowContext, event: FormInput) -> None:
        """Applies the user's answer to the current step."""
        subject = await self.subject(ctx)
        if subject is None:
            await self.restart(ctx)
            return
        step = ctx.conversation.step or SUMMARY
        if not self.knows(step):
            step = self.resume_step(ctx, subject)
        if isinstance(event, ChoiceMade) and event.choice_id.startswith("nav."):
            await self.navigate(ctx, subject, step, event.choice_id)
        elif step == SUMMARY:
            await self.handle_summary(ctx, subject, event)
        else:
            current = self.step(step)
            before = self.field_value(ctx, subject, current.field)
            outcome = await self.answer(ctx, subject, current, event)
            self.note_change(ctx, subject, current.field, before)
            self.apply(ctx, subject, step, outcome)

    def note_change(self, ctx: FlowContext, subject: S, field: str, before: Msg | None) -> None:
        """A field asked to be fixed counts as fixed once its stored value changed."""
        if self.field_value(ctx, subject, field) != before:
            self.mark_fixed(ctx, subject, field)

    def mark_fixed(self, ctx: FlowContext, subject: S, field: str) -> None:
        """Records that ``field`` was changed (forms whose subject is reviewed override it)."""

    def fix_pending(self, subject: S) -> list[str]:
        """Fields a reviewer asked to fix that are still unchanged, in the order asked."""
        return []

    async def answer(
        self, ctx: FlowContext, subject: S, step: Step[Any], event: FormInput
    ) -> Outcome:
        """Passes the event to the step; a refused answer becomes a friendly retry."""
        try:
            match event:
                case ChoiceMade(choice_id=choice_id) if choice_id == KEEP:
                    return Advance()
                case TextReceived(text=text):
                    return await self.answer_text(ctx, subject, step, text)
                case ChoiceMade(choice_id=choice_id):
                    return await step.on_choice(ctx, subject, choice_id)
                case ContactShared(phone=phone, is_own=own):
                    return await step.on_contact(ctx, subject, phone, own)
                case MediaReceived():
                    return await step.on_media(ctx, subject, event)
        except DomainError as error:
            return Retry(Msg(error.key, error.args_map))
        return Retry(msg("error-use-buttons"))

    async def answer_text(
        self, ctx: FlowContext, subject: S, step: Step[Any], text: str
    ) -> Outcome:
        """A typed answer: a choice named in words, "nothing to give", or the value itself."""
        if not step.typed:
            matched = match_choice(text, self.offered_answers(ctx))
            if matched.single is not None:
                return await self.answer(ctx, subject, step, ChoiceMade(matched.single))
            outcome = await step.on_text(ctx, subject, text)
            if isinstance(outcome, Retry) and outcome.error.key == "error-use-buttons":
                return self.choice_retry(ctx, matched)
            return outcome
        typed = read_typed(step, text)
        if typed is None:
            return step.on_none(ctx, subject)
        if step.free_text and is_chat_only(typed):
            return Retry(msg("error-not-an-answer"))
        return await step.on_text(ctx, subject, typed)

    @staticmethod
    def offered_answers(ctx: FlowContext) -> list[tuple[str, str]]:
        """The buttons last shown that answer the question (not back, help or stop)."""
        return [
            (str(choice_id), str(label))
            for choice_id, label in ctx.conversation.offered
            if not str(choice_id).startswith("nav.") and choice_id != KEEP
        ]

    def choice_retry(self, ctx: FlowContext, matched: Matched) -> Retry:
        """Several close choices are offered back; none explains and shows them all."""
        if not matched.ids:
            return Retry(msg("error-choice-unmatched"))
        labels = dict(self.offered_answers(ctx))
        offer = tuple(Choice(i, msg("label-plain", text=labels[i])) for i in matched.ids)
        return Retry(msg("error-choice-several"), offer)

    def apply(self, ctx: FlowContext, subject: S, step: str, outcome: Outcome) -> None:
        match outcome:
            case Retry(error=error, offer=offer) if offer:
                self.ask(ctx, subject, step, (msg("error-prefix", text=error),), offer=offer)
            case Retry(error=error):
                self.ask(ctx, subject, step, (msg("error-prefix", text=error),))
            case GoTo(step=target, notes=notes):
                self.ask(ctx, subject, target, notes)
            case Advance(notes=notes):
                self.ask(ctx, subject, self.next_step(ctx, subject, step), notes)

    def next_step(self, ctx: FlowContext, subject: S, step: str) -> str:
        """The following question; when editing from the summary, only what is unanswered."""
        if ctx.data.get("editing"):
            queue = list(ctx.data.get(FIX_QUEUE, []))
            if queue:
                ctx.set_data(**{FIX_QUEUE: queue[1:]})
                return str(queue[0])
            return self.first_unanswered(ctx, subject) or SUMMARY
        index = self.field_order.index(self.step_of_field(self.step(step).field))
        following = [s.name for s in self.steps[index + 1 :] if s.applies(subject)]
        return following[0] if following else SUMMARY

    def previous_step(self, subject: S, step: str) -> str:
        if step == SUMMARY:
            index = len(self.steps)
        else:
            index = self.field_order.index(self.step_of_field(self.step(step).field))
            if step not in self.field_order:  # a follow-up goes back to the question it follows
                return self.field_order[index]
        earlier = [s.name for s in self.steps[:index] if s.applies(subject)]
        return earlier[-1] if earlier else self.steps[0].name

    def ask(
        self,
        ctx: FlowContext,
        subject: S,
        step: str,
        notes: tuple[Msg, ...] = (),
        offer: tuple[Choice, ...] = (),
    ) -> None:
        """Stores ``step`` as the current one and asks its question (or shows the summary);
        ``offer`` replaces the question's buttons by a few of them and one to show all."""
        if step != ctx.conversation.step:
            ctx.set_data(**{CANDIDATES: []})
        ctx.enter(self.flow, step)
        if step == SUMMARY:
            ctx.set_data(editing=False, **{FIX_QUEUE: []})
            self.show_summary(ctx, subject, notes)
            return
        current = self.step(step)
        question = current.question(ctx, subject)
        choices = list(question.choices)
        if offer:
            choices = [*offer, Choice(NAV_ALL, msg("button-show-all-choices"))]
        stored = self.field_value(ctx, subject, current.field)
        if stored is not None and step in self.field_order and current.has_answer_to_keep(subject):
            choices.append(Choice(KEEP, msg("button-keep", value=stored)))
        position = self.field_order.index(self.step_of_field(current.field)) + 1
        ctx.say(
            *notes,
            msg("step-progress", current=position, total=len(self.field_order)),
            *question.parts,
            choices=choices,
            columns=question.columns,
            request_contact=question.request_contact and self.contact_requests,
            footer=self.nav_choices(ctx, subject, current),
        )

    def nav_choices(self, ctx: FlowContext, subject: S, step: Step[Any]) -> list[Choice]:
        choices = []
        if ctx.data.get("editing") or self.first_step_has_back or step.name != self.steps[0].name:
            choices.append(Choice(NAV_BACK, msg("button-back")))
        if step.can_skip(subject):
            choices.append(Choice(NAV_SKIP, msg("button-skip")))
        choices.append(Choice(NAV_HELP, msg("button-help")))
        choices.append(Choice(NAV_CANCEL, msg("button-cancel")))
        return choices

    async def navigate(self, ctx: FlowContext, subject: S, step: str, choice: str) -> None:
        """Back, skip, help and stop, offered at every question."""
        if choice == NAV_CANCEL:
            ctx.interrupt()
            self.pause(ctx, subject)
        elif choice == NAV_HELP:
            self.ask(ctx, subject, step, (msg(self.help_key(step), **self.help_args(ctx)),))
        elif choice == NAV_ALL:
            self.ask(ctx, subject, step)
        elif choice == NAV_SKIP and step != SUMMARY and self.step(step).can_skip(subject):
            current = self.step(step)
            before = self.field_value(ctx, subject, current.field)
            outcome = current.skip(ctx, subject)
            self.note_change(ctx, subject, current.field, before)
            self.apply(ctx, subject, step, outcome)
        elif choice == NAV_BACK and ctx.data.get("editing"):
            self.ask(ctx, subject, SUMMARY)
        elif choice == NAV_BACK and step != self.steps[0].name:
            self.ask(ctx, subject, self.previous_step(subject, step))
        elif choice == NAV_BACK:
            await self.back_from_first(ctx, subject)
        else:
            self.ask(ctx, subject, step, (msg("error-prefix", text=msg("error-use-buttons")),))

    def start_fix(
        self,
        ctx: FlowContext,
        subject: S,
        fields: list[str] | None = None,
        notes: tuple[Msg, ...] = (),
    ) -> None:
        """Asks exactly the fields a reviewer named (by default those still unchanged), one
        after another, then the summary."""
        if fields is None:
            fields = self.fix_pending(subject)
        steps = [step.name for step in self.steps if step.field in fields and step.applies(subject)]
        if not steps:
            self.ask(ctx, subject, SUMMARY, notes)
            return
        ctx.enter(self.flow, steps[0])
        ctx.set_data(editing=True, **{FIX_QUEUE: steps[1:]})
        self.ask(ctx, subject, steps[0], (*notes, msg("fix-intro", count=len(steps))))

    async def back_from_first(self, ctx: FlowContext, subject: S) -> None:
        """Back on the first question: by default it is simply asked again."""
        self.ask(ctx, subject, self.steps[0].name)

    async def handle_summary(self, ctx: FlowContext, subject: S, event: FormInput) -> None:
        choice = event.choice_id if isinstance(event, ChoiceMade) else ""
        if isinstance(event, TextReceived):
            matched = match_choice(event.text, self.offered_answers(ctx))
            if matched.single is None:
                self.summary_retry(ctx, subject, matched)
                return
            choice = matched.single
        if choice.startswith("edit."):
            ctx.set_data(editing=True)
            self.ask(ctx, subject, self.step_of_field(choice.removeprefix("edit.")))
        elif choice == "summary.complete":
            ctx.set_data(editing=True)
            self.ask(ctx, subject, self.first_unanswered(ctx, subject) or SUMMARY)
        elif choice:
            await self.on_summary_choice(ctx, subject, choice)
        else:
            self.show_summary(ctx, subject, (msg("error-prefix", text=msg("error-use-buttons")),))

    def summary_retry(self, ctx: FlowContext, subject: S, matched: Matched) -> None:
        """A typed word at the summary that names no action: the closest ones, or the summary
        again with a hint."""
        if not matched.ids:
            hint = msg("error-prefix", text=msg("error-summary-typed"))
            self.show_summary(ctx, subject, (hint,))
            return
        retry = self.choice_retry(ctx, matched)
        ctx.say(msg("error-prefix", text=retry.error), choices=retry.offer)
