"""The registration form: consent first, then the questions, the summary and submission.

```mermaid
flowchart LR
    consent --> owner_name --> nik --> phone --> business_name --> nib --> kbli --> npwp
    npwp --> scale --> scale_confirm --> etalase --> kecamatan --> kelurahan --> address
    address --> email --> summary
    npwp -- "sama dengan NIK" --> npwp_confirm --> scale
    summary -- "edit a field" --> owner_name
    summary -- "submit" --> submitted((submitted))
```
Every question also offers back, help and stop (see :mod:`handlers.forms`).
"""

from __future__ import annotations

from handlers.answers import consent_answer
from handlers.context import Flow, FlowContext
from handlers.events import ChoiceMade, TextReceived
from handlers.forms import NAV_CANCEL, NAV_HELP, SUMMARY, Form, FormInput
from handlers.mentoring import notices
from handlers.recovery import remember_final
from handlers.registration.steps import FIELD_STEPS, FOLLOW_UPS, RegistrationStep
from handlers.registration.summary import edit_choices, field_label, field_value, summary_lines
from handlers.replies import Choice, Msg, msg
from handlers.review import announce
from handlers.status import describe_status
from models.entities import Vendor
from models.errors import DomainError, InvalidInput
from models.schemas import RegistrationField
from models.status import Status


class RegistrationForm(Form[Vendor]):
    flow = Flow.REGISTRATION
    steps = FIELD_STEPS
    follow_ups = FOLLOW_UPS

    def mark_fixed(self, ctx: FlowContext, subject: Vendor, field: str) -> None:
        ctx.registration.mark_fixed(subject, field)

    def fix_pending(self, subject: Vendor) -> list[str]:
        return list(subject.fix_pending or []) if subject.status == Status.NEEDS_FIX else []

    async def subject(self, ctx: FlowContext) -> Vendor | None:
        vendor = await ctx.registration.vendor_of(ctx.user)
        if vendor is None or not ctx.registration.is_editable(vendor):
            return None
        return vendor

    def is_answered(self, ctx: FlowContext, subject: Vendor, field: str) -> bool:
        return ctx.registration.draft(subject).is_answered(RegistrationField(field))

    def field_value(self, ctx: FlowContext, subject: Vendor, field: str) -> Msg | None:
        return field_value(ctx, subject, RegistrationField(field))

    async def restart(self, ctx: FlowContext) -> None:
        await start(ctx)

    async def navigate(self, ctx: FlowContext, subject: Vendor, step: str, choice: str) -> None:
        """Help names the bureau of the vendor's kabupaten/kota once they have given it."""
        if choice != NAV_HELP or subject.regency_code is None:
            await super().navigate(ctx, subject, step, choice)
            return
        unit = ctx.bureau.unit_of(subject.regency_code)
        help_text = msg(self.help_key(step), bureau=unit.name, contact=unit.contact)
        self.ask(ctx, subject, step, (help_text,))

    def pause(self, ctx: FlowContext, subject: Vendor) -> None:
        answered, total = ctx.registration.draft(subject).progress()
        ctx.say(
            msg("registration-paused", answered=answered, total=total),
            choices=[
                Choice("menu.register", msg("button-continue-registration")),
                Choice("menu.main", msg("button-main-menu")),
            ],
        )

    def show_summary(self, ctx: FlowContext, subject: Vendor, notes: tuple[Msg, ...]) -> None:
        missing = ctx.registration.draft(subject).missing()
        warnings: list[Msg] = []
        mismatched = ctx.registration.kbli_mismatches(subject)
        if mismatched:
            warnings.append(msg("summary-warning-kbli", codes=", ".join(mismatched)))
        if subject.no_nib:
            warnings.append(msg("summary-warning-no-nib"))
        if pending := self.fix_pending(subject):
            warnings.append(fixes_unchanged(pending))
        ctx.say(
            *notes,
            msg("summary-title"),
            msg("summary-lines", lines=summary_lines(ctx, subject)),
            *warnings,
            msg("summary-hint"),
            choices=edit_choices(subject),
            columns=2,
            actions=self.summary_footer(missing),
        )

    def summary_footer(self, missing: list[RegistrationField]) -> list[Choice]:
        return [
            Choice("summary.submit", msg("button-submit"))
            if not missing
            else Choice("summary.complete", msg("button-complete", count=len(missing))),
            Choice("summary.later", msg("button-save-later")),
        ]

    async def on_summary_choice(self, ctx: FlowContext, subject: Vendor, choice: str) -> None:
        if choice == "summary.later":
            ctx.interrupt()
            self.pause(ctx, subject)
        elif choice == "summary.submit":
            await self.submit(ctx, subject)
        else:
            self.show_summary(ctx, subject, (msg("error-prefix", text=msg("error-use-buttons")),))

    async def submit(self, ctx: FlowContext, vendor: Vendor) -> None:
        try:
            await ctx.registration.submit(vendor, ctx.user)
        except InvalidInput as error:
            if error.key == "error-fixes-unchanged":
                refused = msg("error-prefix", text=fixes_unchanged(self.fix_pending(vendor)))
                self.start_fix(ctx, vendor, notes=(refused,))
                return
            self.show_summary(
                ctx, vendor, (msg("error-prefix", text=Msg(error.key, error.args_map)),)
            )
            return
        announce.vendor_submitted(ctx, vendor)
        await notices.tell_mentor(ctx, vendor, "submitted")
        ctx.finish()
        remember_final(ctx, FINAL_KIND, vendor.id)
        say_submitted(ctx, vendor)


FINAL_KIND = "registration"


def say_submitted(ctx: FlowContext, vendor: Vendor, notes: tuple[Msg, ...] = ()) -> None:
    """The confirmation of a submission, with what happens next."""
    ctx.say(
        *notes,
        msg("registration-submitted", bureau=ctx.bureau.unit_of(vendor.regency_code).name),
        choices=[Choice("menu.status", msg("button-status"))],
    )


FORM = RegistrationForm()


async def start(ctx: FlowContext) -> None:
    """Begins or resumes the registration exactly where the user left it."""
    vendor = await ctx.registration.vendor_of(ctx.user)
    if vendor is None or not await ctx.registration.has_consented(ctx.user):
        if at_consent(ctx):  # the notice was just shown: the question alone, notice a tap away
            ask_consent_briefly(ctx)
        else:
            ask_consent(ctx)
    elif not ctx.registration.is_editable(vendor):
        ctx.finish()
        await describe_status(ctx)
    else:
        FORM.continue_subject(ctx, vendor)


def fixes_unchanged(fields: list[str]) -> Msg:
    """The warning that lists the asked fields still unchanged."""
    labels = [msg("summary-bullet", text=field_label(RegistrationField(f))) for f in fields]
    return msg("summary-warning-fixes", count=len(fields), fields=labels)


def resume_step(ctx: FlowContext, vendor: Vendor) -> str:
    return FORM.resume_step(ctx, vendor)


def ask_consent(ctx: FlowContext, notes: tuple[Msg, ...] = ()) -> None:
    """Shows the privacy notice; nothing personal is stored before the user agrees."""
    ctx.enter(Flow.REGISTRATION, RegistrationStep.CONSENT)
    bureau = ctx.bureau
    units = bureau.units
    by_units = (
        [msg("privacy-notice-units", bureau=bureau.name)]
        if units is not None and not units.single
        else []
    )
    ctx.say(
        *notes,
        msg(
            "privacy-notice",
            bureau=bureau.name,
            contact=bureau.contact,
            years=bureau.retention_years,
        ),
        *by_units,
        choices=[
            Choice("consent.agree", msg("button-consent-agree")),
            Choice("consent.decline", msg("button-consent-decline")),
        ],
    )


async def handle(ctx: FlowContext, event: FormInput) -> None:
    """Applies the user's answer to the current step of the registration."""
    if ctx.conversation.step == RegistrationStep.CONSENT:
        await handle_consent(ctx, event)
    else:
        await FORM.handle(ctx, event)


async def handle_consent(ctx: FlowContext, event: FormInput) -> None:
    """Agreement pressed or typed ("setuju", "saya setuju"); anything else is asked again in
    one line, with the full notice behind a button."""
    choice = event.choice_id if isinstance(event, ChoiceMade) else None
    typed = isinstance(event, TextReceived)
    if isinstance(event, TextReceived):
        answer = consent_answer(event.text)
        choice = None if answer is None else f"consent.{answer.value}"
    if choice == NAV_HELP:
        ask_consent_briefly(ctx, (msg("help-consent", contact=ctx.bureau.contact),))
    elif choice == "consent.notice":
        ask_consent(ctx)
    elif choice == "consent.agree" and ctx.data.get("claim_token"):
        await claim_after_consent(ctx, str(ctx.data["claim_token"]), typed=typed)
    elif choice == "consent.agree":
        vendor = await ctx.registration.give_consent(ctx.user, ctx.sender.channel, typed=typed)
        await continue_after_consent(ctx, vendor)
    elif choice in ("consent.decline", NAV_CANCEL):
        ctx.finish()
        ctx.say(msg("consent-declined"), choices=[Choice("menu.register", msg("button-register"))])
    else:
        ask_consent_briefly(ctx)


def at_consent(ctx: FlowContext) -> bool:
    conversation = ctx.conversation
    return conversation.flow == Flow.REGISTRATION and conversation.step == RegistrationStep.CONSENT


def ask_consent_briefly(ctx: FlowContext, notes: tuple[Msg, ...] = ()) -> None:
    """The consent question in one line; the notice itself is one press away."""
    ctx.enter(Flow.REGISTRATION, RegistrationStep.CONSENT)
    ctx.say(
        *notes,
        msg("consent-ask-short"),
        choices=[
            Choice("consent.agree", msg("button-consent-agree")),
            Choice("consent.decline", msg("button-consent-decline")),
            Choice("consent.notice", msg("button-consent-notice")),
        ],
    )


async def continue_after_consent(ctx: FlowContext, vendor: Vendor) -> None:
    """A new draft starts at its first question; one kept from before (consent given again
    after a withdrawal) continues at what is missing, or shows its status once submitted."""
    if ctx.registration.is_editable(vendor):
        step = FORM.first_unanswered(ctx, vendor) or SUMMARY
        FORM.ask(ctx, vendor, step, (msg("consent-thanks"),))
    else:
        ctx.finish()
        ctx.say(msg("consent-thanks"))
        await describe_status(ctx)


async def offer_claim(ctx: FlowContext, token: str) -> None:
    """A vendor opened the link of a draft a mentor filled in: consent first, then the draft."""
    if not await ctx.mentoring.claimable(token):
        ctx.say(msg("error-prefix", text=msg("error-claim-invalid")))
        return
    ask_consent(ctx, (msg("claim-intro"),))
    ctx.set_data(claim_token=token)


async def claim_after_consent(ctx: FlowContext, token: str, *, typed: bool = False) -> None:
    try:
        vendor = await ctx.mentoring.claim(ctx.user, token)
    except DomainError as error:
        ctx.finish()
        ctx.say(msg("error-prefix", text=Msg(error.key, error.args_map)))
        return
    await ctx.registration.give_consent(ctx.user, ctx.sender.channel, typed=typed)
    await notices.tell_mentor(ctx, vendor, "claimed")
    FORM.ask(ctx, vendor, SUMMARY, (msg("claim-done"),))


__all__ = ["FORM", "SUMMARY", "ask_consent", "handle", "resume_step", "start"]
