"""``/siaran``: a superadmin sends a message to every vendor or to one group of them, and
``/siaran status`` shows how far its delivery has got.

```mermaid
flowchart LR
    siaran["/siaran"] --> segment{{"who: all, or by status / etalase / kecamatan"}}
    segment -- "by …" --> value{{"which status / etalase / kecamatan (with counts)"}}
    value --> text
    segment -- all --> text["type the message"]
    text --> confirm{{"preview and count: send, edit, cancel"}}
    confirm -- "typed again" --> confirm
    confirm -- send --> queued["queued in the outbox; /siaran status"]
```

Each step is checked by the broadcast service, so anyone else is answered as if the command did
not exist. The message goes through the outbox, paced to Telegram's limits.
"""

from __future__ import annotations

from babel.dates import format_datetime

from handlers.context import Flow, FlowContext
from handlers.events import ChoiceMade, CommandReceived, TextReceived
from handlers.forms import NAV_CANCEL, NAV_HELP, FormInput
from handlers.replies import Choice, Msg, msg
from models.errors import DomainError
from models.services.broadcast import (
    GROUPED_BY,
    BroadcastService,
    Progress,
    Segment,
    SegmentKind,
)

TEXT_MAX = 3500
"""Telegram takes 4096 characters in a message; the bureau's heading goes before the text."""
STATUS_WORDS = ("status", "kemajuan", "progress")


def service(ctx: FlowContext) -> BroadcastService:
    return BroadcastService(ctx.uow, ctx.access)


async def command(ctx: FlowContext, command: CommandReceived) -> None:
    """``/siaran`` starts a broadcast; ``/siaran status`` reports on the last one."""
    broadcasts = service(ctx)
    await broadcasts.require_sender(ctx.user)
    if command.args.strip().lower() in STATUS_WORDS:
        show_progress(ctx, await broadcasts.latest(ctx.user))
    else:
        await ask_segment(ctx)


async def on_choice(ctx: FlowContext, choice: str) -> None:
    """Every ``broadcast.*`` press; the role is checked before anything else."""
    await service(ctx).require_sender(ctx.user)
    match choice.split(".", 2):
        case ["broadcast", "by", kind] if kind in GROUPED_BY:
            await ask_group(ctx, SegmentKind(kind))
        case ["broadcast", "to", written] if (segment := Segment.parse(written)) is not None:
            await choose(ctx, segment)
        case ["broadcast", "send"] if ctx.conversation.step == "confirm":
            await send(ctx)
        case ["broadcast", "edit"] if ctx.conversation.step == "confirm":
            await ask_text(ctx)
        case ["broadcast", "cancel"]:
            cancel(ctx)
        case _:
            await ask_segment(ctx)


async def handle(ctx: FlowContext, event: FormInput) -> None:
    """What the superadmin typed (or /batal, /bantuan) while the broadcast waits for it."""
    await service(ctx).require_sender(ctx.user)
    match event:
        case ChoiceMade(choice_id=choice) if choice == NAV_CANCEL:
            cancel(ctx)
        case ChoiceMade(choice_id=choice) if choice == NAV_HELP:
            ctx.say(msg("broadcast-help"))
            await resume(ctx)
        case TextReceived(text=text) if ctx.conversation.step in ("text", "confirm"):
            await take_text(ctx, text.strip())
        case _:
            wanted = (
                "error-use-buttons" if ctx.conversation.step == "segment" else "broadcast-use-text"
            )
            await resume(ctx, (msg("error-prefix", text=msg(wanted)),))


async def resume(ctx: FlowContext, notes: tuple[Msg, ...] = ()) -> None:
    """Asks the current question again."""
    match ctx.conversation.step:
        case "text":
            await ask_text(ctx, notes)
        case "confirm":
            await confirm(ctx, notes)
        case _:
            await ask_segment(ctx, notes)


async def ask_segment(ctx: FlowContext, notes: tuple[Msg, ...] = ()) -> None:
    """Who should get it: everyone, or a group chosen on the next step."""
    everyone = await service(ctx).count(ctx.user, Segment(SegmentKind.ALL))
    ctx.enter(Flow.BROADCAST, "segment")
    by_unit = [Choice("broadcast.by.unit", msg("broadcast-by-unit"))]
    ctx.say(
        *notes,
        msg("broadcast-ask-segment"),
        choices=[
            Choice("broadcast.to.all", msg("broadcast-all", count=everyone)),
            *(by_unit if len(ctx.catalog.regions) > 1 else []),
            Choice("broadcast.by.status", msg("broadcast-by-status")),
            Choice("broadcast.by.etalase", msg("broadcast-by-etalase")),
            Choice("broadcast.by.kecamatan", msg("broadcast-by-kecamatan")),
        ],
        footer=[Choice("broadcast.cancel", msg("button-broadcast-cancel"))],
    )


async def ask_group(ctx: FlowContext, kind: SegmentKind) -> None:
    """The statuses, etalase or kecamatan vendors have, each with how many."""
    groups = await service(ctx).groups(ctx.user, kind)
    if not groups:
        await ask_segment(ctx, (msg("error-prefix", text=msg("broadcast-nobody")),))
        return
    choices = []
    for value, count in sorted(groups.items()):
        segment = Segment(kind, value)
        label = msg("broadcast-option", label=segment_label(ctx, segment), count=count)
        choices.append(Choice(f"broadcast.to.{segment}", label))
    ctx.say(
        msg("broadcast-ask-group"),
        choices=choices,
        footer=[
            Choice("broadcast.back", msg("button-back")),
            Choice("broadcast.cancel", msg("button-broadcast-cancel")),
        ],
    )


async def choose(ctx: FlowContext, segment: Segment) -> None:
    if await service(ctx).count(ctx.user, segment) == 0:
        await ask_segment(ctx, (msg("error-prefix", text=msg("broadcast-nobody")),))
        return
    ctx.enter(Flow.BROADCAST, "text")
    ctx.set_data(segment=str(segment))
    await ask_text(ctx)


async def ask_text(ctx: FlowContext, notes: tuple[Msg, ...] = ()) -> None:
    segment = current_segment(ctx)
    ctx.enter(Flow.BROADCAST, "text")
    ctx.say(
        *notes,
        msg(
            "broadcast-ask-text",
            count=await service(ctx).count(ctx.user, segment),
            segment=segment_label(ctx, segment),
            bureau=ctx.bureau.name,
        ),
        choices=[Choice("broadcast.cancel", msg("button-broadcast-cancel"))],
    )


async def take_text(ctx: FlowContext, text: str) -> None:
    if len(text) > TEXT_MAX:
        note = msg("broadcast-text-too-long", length=len(text), limit=TEXT_MAX)
        await ask_text(ctx, (msg("error-prefix", text=note),))
        return
    ctx.enter(Flow.BROADCAST, "confirm")
    ctx.set_data(text=text)
    await confirm(ctx)


async def confirm(ctx: FlowContext, notes: tuple[Msg, ...] = ()) -> None:
    """The message as vendors will see it, how many get it, and the last word."""
    segment = current_segment(ctx)
    ctx.say(*notes, msg("broadcast-preview"))
    ctx.say(framed(ctx, str(ctx.data["text"])))
    ctx.say(
        msg(
            "broadcast-confirm",
            count=await service(ctx).count(ctx.user, segment),
            segment=segment_label(ctx, segment),
        ),
        choices=[
            Choice("broadcast.send", msg("button-broadcast-send")),
            Choice("broadcast.edit", msg("button-broadcast-edit")),
            Choice("broadcast.cancel", msg("button-broadcast-cancel")),
        ],
    )


async def send(ctx: FlowContext) -> None:
    text = str(ctx.data["text"])

    def render(language: str) -> str:
        return ctx.locales.translator(language).render(framed(ctx, text))

    try:
        broadcast = await service(ctx).send(ctx.user, current_segment(ctx), text, render, ctx.now)
    except DomainError as error:
        await ask_segment(ctx, (msg("error-prefix", text=Msg(error.key, error.args_map)),))
        return
    ctx.finish()
    ctx.outbox_queued = True
    ctx.say(msg("broadcast-queued", count=broadcast.recipients))


def cancel(ctx: FlowContext) -> None:
    ctx.finish()
    ctx.say(msg("broadcast-cancelled"))


def show_progress(ctx: FlowContext, progress: Progress | None) -> None:
    """``Terkirim 120 dari 300``, and what is still waiting, failed or uncertain."""
    if progress is None:
        ctx.say(msg("broadcast-progress-none"))
        return
    broadcast = progress.broadcast
    when = broadcast.created_at.astimezone(ctx.bureau.timezone)
    segment = Segment.parse(broadcast.segment) or Segment(SegmentKind.ALL)
    failed, unknown = progress.counts.get("failed", 0), progress.counts.get("unknown", 0)
    details = [
        *([msg("broadcast-progress-waiting", count=progress.waiting)] if progress.waiting else []),
        *([msg("broadcast-progress-failed", count=failed)] if failed else []),
        *([msg("broadcast-progress-unknown", count=unknown)] if unknown else []),
    ]
    ctx.say(
        msg(
            "broadcast-progress",
            date=format_datetime(when, "d MMM yyyy HH:mm", locale=ctx.user.language),
            segment=segment_label(ctx, segment),
            sent=progress.sent,
            total=broadcast.recipients,
        ),
        *details,
    )


def framed(ctx: FlowContext, text: str) -> Msg:
    return msg("broadcast-message", bureau=ctx.bureau.name, text=text)


def current_segment(ctx: FlowContext) -> Segment:
    return Segment.parse(str(ctx.data.get("segment", ""))) or Segment(SegmentKind.ALL)


def segment_label(ctx: FlowContext, segment: Segment) -> Msg:
    language = ctx.user.language
    match segment.kind:
        case SegmentKind.STATUS:
            status = msg(f"product-status-{segment.value.replace('_', '-')}")
            return msg("broadcast-segment-status", value=status)
        case SegmentKind.ETALASE:
            etalase = ctx.catalog.etalase_by_code(segment.value)
            name = etalase.name(language) if etalase else segment.value
            return msg("broadcast-segment-etalase", value=name)
        case SegmentKind.KECAMATAN:
            kecamatan = ctx.catalog.kecamatan_by_code(segment.value)
            return msg("broadcast-segment-kecamatan", value=kecamatan.name if kecamatan else "…")
        case SegmentKind.UNIT:
            name = ctx.catalog.place_name(segment.value) or segment.value
            return msg("broadcast-segment-unit", value=name)
        case _:
            return msg("broadcast-segment-all")
