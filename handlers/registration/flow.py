"""The registration flow: consent, the questions, the summary and submission.

Diagram (each box is a stored step; every question also offers back, help and cancel):

```mermaid
flowchart LR
    consent --> owner_name --> nik --> phone --> business_name --> nib --> kbli --> npwp
    npwp --> scale --> scale_confirm --> etalase --> kecamatan --> kelurahan --> address
    address --> email --> summary
    summary -- "edit a field" --> owner_name
    summary -- "submit" --> submitted((submitted))
```
"""

from __future__ import annotations

from handlers.context import Flow, FlowContext
from handlers.events import ChoiceMade, ContactShared, MediaReceived, TextReceived
from handlers.registration.outcomes import Advance, GoTo, Outcome, RegistrationStep, Retry
from handlers.registration.steps import FIELD_STEPS, STEP_OF_FIELD, STEPS, Step
from handlers.registration.summary import edit_choices, field_value, summary_lines
from handlers.replies import Choice, Msg, msg
from handlers.status import describe_status
from models.entities import Vendor
from models.errors import InvalidInput, NotPermitted
from models.schemas import RegistrationField

FlowInput = TextReceived | ChoiceMade | ContactShared | MediaReceived

NAV_BACK, NAV_SKIP, NAV_HELP, NAV_CANCEL = "nav.back", "nav.skip", "nav.help", "nav.cancel"
KEEP = "keep"
FIELD_ORDER = tuple(step.name for step in FIELD_STEPS)


async def start(ctx: FlowContext) -> None:
    """Begins or resumes the registration exactly where the user left it."""
    if not await ctx.registration.has_consented(ctx.user):
        ask_consent(ctx)
        return
    vendor = await ctx.registration.vendor_of(ctx.user)
    if vendor is None:
        ask_consent(ctx)
        return
    if not ctx.registration.is_editable(vendor):
        ctx.finish()
        await describe_status(ctx)
        return
    ask(ctx, vendor, resume_step(ctx, vendor))


def resume_step(ctx: FlowContext, vendor: Vendor) -> RegistrationStep:
    """The stored step if the user was in the flow, else the first unanswered question."""
    conversation = ctx.conversation
    if conversation.flow == Flow.REGISTRATION and conversation.step:
        step = RegistrationStep(conversation.step)
        if step is not RegistrationStep.CONSENT:
            return step
    return first_unanswered(ctx, vendor) or RegistrationStep.SUMMARY


def first_unanswered(ctx: FlowContext, vendor: Vendor) -> RegistrationStep | None:
    draft = ctx.registration.draft(vendor)
    for step in FIELD_STEPS:
        if not draft.is_answered(step.field):
            return step.name
    return None


def ask_consent(ctx: FlowContext) -> None:
    """Shows the privacy notice; nothing personal is stored before the user agrees."""
    ctx.enter(Flow.REGISTRATION, RegistrationStep.CONSENT)
    bureau = ctx.bureau
    ctx.say(
        msg(
            "privacy-notice",
            bureau=bureau.name,
            contact=bureau.contact,
            years=bureau.retention_years,
        ),
        choices=[
            Choice("consent.agree", msg("button-consent-agree")),
            Choice("consent.decline", msg("button-consent-decline")),
        ],
    )


async def handle(ctx: FlowContext, event: FlowInput) -> None:
    """Applies the user's answer to the current step of the registration."""
    step = RegistrationStep(ctx.conversation.step or RegistrationStep.CONSENT)
    if step is RegistrationStep.CONSENT:
        await handle_consent(ctx, event)
        return
    vendor = await ctx.registration.vendor_of(ctx.user)
    if vendor is None:
        ask_consent(ctx)
        return
    if not ctx.registration.is_editable(vendor):
        ctx.finish()
        await describe_status(ctx)
        return
    if isinstance(event, ChoiceMade) and event.choice_id.startswith("nav."):
        await navigate(ctx, vendor, step, event.choice_id)
    elif step is RegistrationStep.SUMMARY:
        await handle_summary(ctx, vendor, event)
    else:
        apply(ctx, vendor, step, await answer(ctx, vendor, STEPS[step], event))


async def handle_consent(ctx: FlowContext, event: FlowInput) -> None:
    choice = event.choice_id if isinstance(event, ChoiceMade) else None
    if choice == NAV_HELP:
        ask_consent(ctx)
    elif choice == "consent.agree":
        vendor = await ctx.registration.give_consent(ctx.user, ctx.sender.channel)
        ask(ctx, vendor, RegistrationStep.OWNER_NAME, (msg("consent-thanks"),))
    elif choice in ("consent.decline", NAV_CANCEL):
        ctx.finish()
        ctx.say(msg("consent-declined"), choices=[Choice("menu.register", msg("button-register"))])
    else:
        ctx.say(msg("error-consent-needed"))
        ask_consent(ctx)


async def answer(ctx: FlowContext, vendor: Vendor, step: Step, event: FlowInput) -> Outcome:
    """Passes the event to the step; a rejected answer becomes a friendly retry."""
    try:
        match event:
            case ChoiceMade(choice_id=choice_id) if choice_id == KEEP:
                return Advance()
            case TextReceived(text=text):
                return await step.on_text(ctx, vendor, text)
            case ChoiceMade(choice_id=choice_id):
                return await step.on_choice(ctx, vendor, choice_id)
            case ContactShared(phone=phone, is_own=own):
                return await step.on_contact(ctx, vendor, phone, own)
            case MediaReceived():
                return Retry(msg("error-media-unexpected"))
    except InvalidInput as error:
        return Retry(Msg(error.key, error.args_map))
    except NotPermitted as error:
        return Retry(Msg(error.key, error.args_map))
    return Retry(msg("error-use-buttons"))


def apply(ctx: FlowContext, vendor: Vendor, step: RegistrationStep, outcome: Outcome) -> None:
    match outcome:
        case Retry(error=error):
            ask(ctx, vendor, step, (msg("error-prefix", text=error),))
        case GoTo(step=target, notes=notes):
            ask(ctx, vendor, target, notes)
        case Advance(notes=notes):
            ask(ctx, vendor, next_step(ctx, vendor, step), notes)


def next_step(ctx: FlowContext, vendor: Vendor, step: RegistrationStep) -> RegistrationStep:
    """The following question; when editing from the summary, only what is still unanswered."""
    if ctx.data.get("editing"):
        return first_unanswered(ctx, vendor) or RegistrationStep.SUMMARY
    if step is RegistrationStep.SCALE_CONFIRM:
        step = RegistrationStep.SCALE
    index = FIELD_ORDER.index(step) + 1
    return FIELD_ORDER[index] if index < len(FIELD_ORDER) else RegistrationStep.SUMMARY


def previous_step(step: RegistrationStep) -> RegistrationStep:
    if step is RegistrationStep.SCALE_CONFIRM:
        return RegistrationStep.SCALE
    if step is RegistrationStep.SUMMARY:
        return FIELD_ORDER[-1]
    return FIELD_ORDER[max(FIELD_ORDER.index(step) - 1, 0)]


def ask(
    ctx: FlowContext, vendor: Vendor, step: RegistrationStep, notes: tuple[Msg, ...] = ()
) -> None:
    """Stores ``step`` as the current one and asks its question (or shows the summary)."""
    ctx.enter(Flow.REGISTRATION, step)
    if step is RegistrationStep.SUMMARY:
        show_summary(ctx, vendor, notes)
        return
    current = STEPS[step]
    question = current.question(ctx, vendor)
    choices = list(question.choices)
    stored = field_value(ctx, vendor, current.field)
    if stored is not None and step is not RegistrationStep.SCALE_CONFIRM:
        choices.append(Choice(KEEP, msg("button-keep", value=stored)))
    position = FIELD_ORDER.index(STEP_OF_FIELD[current.field]) + 1
    ctx.say(
        *notes,
        msg("step-progress", current=position, total=len(FIELD_ORDER)),
        *question.parts,
        choices=choices,
        columns=question.columns,
        request_contact=question.request_contact,
        footer=nav_choices(ctx, vendor, current),
    )


def nav_choices(ctx: FlowContext, vendor: Vendor, step: Step) -> list[Choice]:
    choices = []
    if ctx.data.get("editing") or step.name is not RegistrationStep.OWNER_NAME:
        choices.append(Choice(NAV_BACK, msg("button-back")))
    if step.can_skip(vendor):
        choices.append(Choice(NAV_SKIP, msg("button-skip")))
    choices.append(Choice(NAV_HELP, msg("button-help")))
    choices.append(Choice(NAV_CANCEL, msg("button-cancel")))
    return choices


async def navigate(ctx: FlowContext, vendor: Vendor, step: RegistrationStep, choice: str) -> None:
    """Back, skip, help and cancel, offered at every question."""
    if choice == NAV_CANCEL:
        pause(ctx, vendor)
    elif choice == NAV_HELP:
        help_key = f"help-{step.value.replace('_', '-')}"
        ask(ctx, vendor, step, (msg(help_key, bureau=ctx.bureau.name, contact=ctx.bureau.contact),))
    elif choice == NAV_SKIP and step in STEPS and STEPS[step].can_skip(vendor):
        apply(ctx, vendor, step, STEPS[step].skip(ctx, vendor))
    elif choice == NAV_BACK and ctx.data.get("editing"):
        ctx.set_data(editing=False)
        ask(ctx, vendor, RegistrationStep.SUMMARY)
    elif choice == NAV_BACK:
        ask(ctx, vendor, previous_step(step))
    else:
        ask(ctx, vendor, step, (msg("error-prefix", text=msg("error-use-buttons")),))


def pause(ctx: FlowContext, vendor: Vendor) -> None:
    """Leaves the flow; the draft and the step are kept for later."""
    ctx.interrupt()
    answered, total = ctx.registration.draft(vendor).progress()
    ctx.say(
        msg("registration-paused", answered=answered, total=total),
        choices=[
            Choice("menu.register", msg("button-continue-registration")),
            Choice("menu.main", msg("button-main-menu")),
        ],
    )


def show_summary(ctx: FlowContext, vendor: Vendor, notes: tuple[Msg, ...] = ()) -> None:
    ctx.set_data(editing=False)
    draft = ctx.registration.draft(vendor)
    missing = draft.missing()
    warnings: list[Msg] = []
    mismatched = ctx.registration.kbli_mismatches(vendor)
    if mismatched:
        warnings.append(msg("summary-warning-kbli", codes=", ".join(mismatched)))
    if vendor.no_nib:
        warnings.append(msg("summary-warning-no-nib"))
    footer = [
        Choice("summary.submit", msg("button-submit"))
        if not missing
        else Choice("summary.complete", msg("button-complete", count=len(missing))),
        Choice("summary.later", msg("button-save-later")),
    ]
    ctx.say(
        *notes,
        msg("summary-title"),
        msg("summary-lines", lines=summary_lines(ctx, vendor)),
        *warnings,
        msg("summary-hint"),
        choices=edit_choices(vendor),
        columns=2,
        footer=footer,
    )


async def handle_summary(ctx: FlowContext, vendor: Vendor, event: FlowInput) -> None:
    choice = event.choice_id if isinstance(event, ChoiceMade) else ""
    if choice.startswith("edit."):
        field = RegistrationField(choice.removeprefix("edit."))
        ctx.set_data(editing=True)
        ask(ctx, vendor, STEP_OF_FIELD[field])
    elif choice == "summary.complete":
        ctx.set_data(editing=True)
        ask(ctx, vendor, first_unanswered(ctx, vendor) or RegistrationStep.SUMMARY)
    elif choice == "summary.later":
        pause(ctx, vendor)
    elif choice == "summary.submit":
        await submit(ctx, vendor)
    else:
        show_summary(ctx, vendor, (msg("error-prefix", text=msg("error-use-buttons")),))


async def submit(ctx: FlowContext, vendor: Vendor) -> None:
    try:
        await ctx.registration.submit(vendor, ctx.user)
    except InvalidInput as error:
        show_summary(ctx, vendor, (msg("error-prefix", text=Msg(error.key, error.args_map)),))
        return
    ctx.finish()
    ctx.say(
        msg("registration-submitted", bureau=ctx.bureau.name),
        choices=[Choice("menu.status", msg("button-status"))],
    )
