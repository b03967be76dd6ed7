"""A reviewer's decision: approve, ask for fixes (naming the fields), or reject with a reason.

The choices travel in the reviewer's conversation (``Flow.REVIEW``); the decision itself is
taken by the review service on the item as stored, and the vendor is told in the same
transaction through the outbox.
"""

from __future__ import annotations

from typing import cast

from handlers.context import Flow, FlowContext
from handlers.events import ChoiceMade, TextReceived
from handlers.mentoring import notices
from handlers.notify import notify
from handlers.replies import Choice, Msg, msg
from handlers.review.cards import show_item, show_queue
from handlers.review.outcome import vendor_notice
from models.entities import Vendor
from models.errors import DomainError
from models.schemas import ProductField, RegistrationField
from models.services.review import Kind
from models.status import Status

REASONS = (
    "nib-invalid",
    "photo-unclear",
    "price-unreasonable",
    "kbli-mismatch",
    "data-mismatch",
    "spec-incomplete",
    "duplicate",
)
NOTE_MAX = 500


def fields_of(kind: str) -> list[str]:
    return [f.value for f in (RegistrationField if kind == "vendor" else ProductField)]


def field_label(kind: str, field: str) -> Msg:
    prefix = "field" if kind == "vendor" else "product-field"
    return msg(f"{prefix}-{field.replace('_', '-')}")


def start(ctx: FlowContext, kind: Kind, item_id: int, decision: Status) -> None:
    """Opens the decision dialogue for one item."""
    ctx.finish()
    ctx.enter(Flow.REVIEW, "fields" if decision is Status.NEEDS_FIX else "reason")
    ctx.set_data(kind=kind, id=item_id, decision=decision.value, fields=[], reason=None, note=None)
    ask(ctx)


def ask(ctx: FlowContext, notes: tuple[Msg, ...] = ()) -> None:
    step = ctx.conversation.step
    kind = str(ctx.data["kind"])
    if step == "fields":
        chosen = set(ctx.data["fields"])
        choices = [
            Choice(
                f"review.field.{name}",
                msg(
                    "review-field-toggle",
                    on="yes" if name in chosen else "no",
                    label=field_label(kind, name),
                ),
            )
            for name in fields_of(kind)
        ]
        footer = [Choice("review.next", msg("button-review-next"))] if chosen else []
        ctx.say(
            *notes,
            msg("review-ask-fields"),
            choices=choices,
            columns=2,
            footer=[*footer, Choice("review.cancel", msg("button-cancel"))],
        )
    elif step == "reason":
        choices = [Choice(f"review.reason.{key}", msg(f"reason-{key}")) for key in REASONS]
        ctx.say(
            *notes,
            msg("review-ask-reason"),
            choices=choices,
            columns=2,
            footer=[Choice("review.cancel", msg("button-cancel"))],
        )
    else:
        ctx.say(
            *notes,
            msg("review-confirm", **summary_args(ctx)),
            choices=[Choice("review.send", msg("button-review-send"))],
            footer=[Choice("review.cancel", msg("button-cancel"))],
        )


def summary_args(ctx: FlowContext) -> dict[str, object]:
    kind = str(ctx.data["kind"])
    fields = [msg("bullet", text=field_label(kind, name)) for name in ctx.data["fields"]]
    reason = ctx.data.get("reason")
    return {
        "decision": ctx.data["decision"],
        "fields": fields or msg("value-none"),
        "reason": msg(f"reason-{reason}") if reason else msg("value-none"),
        "note": ctx.data.get("note") or msg("value-none"),
    }


async def handle(ctx: FlowContext, event: ChoiceMade | TextReceived) -> None:
    """A press or a typed note inside the decision dialogue."""
    if isinstance(event, TextReceived):
        note = " ".join(event.text.split())[:NOTE_MAX]
        if not note or ctx.conversation.step == "fields":
            ask(ctx, (msg("error-prefix", text=msg("error-use-buttons")),))
            return
        ctx.set_data(note=note)
        ctx.enter(Flow.REVIEW, "confirm")
        ask(ctx)
        return
    await on_choice(ctx, event.choice_id)


async def on_choice(ctx: FlowContext, choice: str) -> None:
    match choice.split(".", 2):
        case ["review", "field", name] if name in fields_of(str(ctx.data["kind"])):
            chosen = list(ctx.data["fields"])
            chosen.remove(name) if name in chosen else chosen.append(name)
            ctx.set_data(fields=chosen)
            ask(ctx)
        case ["review", "next"] if ctx.data["fields"]:
            ctx.enter(Flow.REVIEW, "reason")
            ask(ctx)
        case ["review", "reason", key] if key in REASONS:
            ctx.set_data(reason=key)
            ctx.enter(Flow.REVIEW, "confirm")
            ask(ctx, (msg("review-note-hint"),))
        case ["review", "send"]:
            await send(ctx)
        case ["review", "cancel"]:
            kind, item_id = cast(Kind, ctx.data["kind"]), int(ctx.data["id"])
            ctx.finish()
            await show_item(ctx, kind, item_id)
        case _:
            ask(ctx, (msg("error-prefix", text=msg("error-use-buttons")),))


async def send(ctx: FlowContext) -> None:
    kind, item_id = cast(Kind, ctx.data["kind"]), int(ctx.data["id"])
    await decide(
        ctx,
        kind,
        item_id,
        Status(str(ctx.data["decision"])),
        note=ctx.data.get("note"),
        reason=ctx.data.get("reason"),
        fields=list(ctx.data["fields"]),
    )


async def decide(
    ctx: FlowContext,
    kind: Kind,
    item_id: int,
    decision: Status,
    *,
    note: str | None = None,
    reason: str | None = None,
    fields: list[str] | None = None,
) -> None:
    """Takes the decision, tells the vendor, and offers the next item of the queue."""
    ctx.finish()
    try:
        item = await ctx.review.decide(
            ctx.user, kind, item_id, decision, note=note, reason=reason, fields=fields or ()
        )
    except DomainError as error:
        await show_item(
            ctx, kind, item_id, (msg("error-prefix", text=Msg(error.key, error.args_map)),)
        )
        return
    vendor = item if isinstance(item, Vendor) else await ctx.review.vendor_of_product(item)
    await notify(
        ctx, vendor.user_id, vendor_notice(kind, item, decision, note, reason, fields or [])
    )
    product = None if isinstance(item, Vendor) else item
    await notices.tell_mentor(ctx, vendor, decision.value, product)
    next_entry = await ctx.review.oldest(ctx.user)
    choices = (
        [Choice(f"review.open.{next_entry.kind}.{next_entry.id}", msg("button-review-next-item"))]
        if next_entry
        else []
    )
    choices += [
        Choice(f"review.history.{kind}.{item_id}", msg("button-review-history")),
        Choice("review.page.1", msg("button-review-queue")),
    ]
    ctx.say(msg("review-decided", decision=decision.value), choices=choices)


__all__ = ["decide", "handle", "show_queue", "start"]
