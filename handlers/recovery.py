"""A question that may not have reached the user is never answered unseen.

When the replies of the last update were not confirmed as delivered (the process stopped after
its commit, the network failed, Telegram refused), the user may still be looking at the question
before. What they send then is most likely that earlier answer again, or a nudge ("halo?",
"kok diam"): either way it gets the pending question again instead of being stored as the answer
to a question they never saw.

A flow that ends with a confirmation ("sent for review") asks nothing more; if that confirmation
is lost, whatever the user sends next (pressing "Kirim" again, "halo?") gets it again, and so does
a user who says nothing: the sweep sends it once, like a pending question.
"""

from __future__ import annotations

import hashlib

from handlers.context import FlowContext
from handlers.events import CommandReceived, ContactShared, Event, MediaReceived, TextReceived
from handlers.intents import normalise
from models.entities import FINAL_CONFIRMATION

NUDGES = frozenset(
    {
        "",
        "p",
        "halo",
        "hallo",
        "helo",
        "hai",
        "hi",
        "hello",
        "ping",
        "tes",
        "test",
        "min",
        "admin",
        "kak",
        "woi",
        "oi",
        "gimana",
        "bagaimana",
        "terus",
        "lanjut gimana",
        "kok diam",
        "kok diam aja",
        "kok diem",
        "kok diem aja",
        "kok gak dibales",
        "kok ga dibales",
        "kok nggak dibalas",
        "kok tidak dibalas",
        "kok tidak dibales",
        "tidak dibalas",
        "belum dibalas",
        "mana",
        "mana pertanyaannya",
        "hello anyone there",
        "anyone there",
    }
)
"""What people send when a chat falls silent, after :func:`normalise`."""


def fingerprint(event: Event) -> str | None:
    """A short digest of an answer, to recognise the same answer sent again."""
    match event:
        case TextReceived(text=text):
            content = "text:" + normalise(text)
        case ContactShared(phone=phone):
            content = "contact:" + phone
        case MediaReceived(file_ref=file_ref):
            content = "media:" + file_ref
        case _:
            return None
    return hashlib.blake2b(content.encode(), digest_size=8).hexdigest()


def is_nudge(event: Event) -> bool:
    return isinstance(event, TextReceived) and normalise(event.text) in NUDGES


def answers_unseen(event: Event, last_answer: str | None) -> bool:
    """Whether ``event`` repeats the last answer or nudges, instead of answering anew."""
    digest = fingerprint(event)
    return digest is not None and (digest == last_answer or is_nudge(event))


FINAL = FINAL_CONFIRMATION
"""Scratch key of a finished conversation: which confirmation ended it, and at which turn."""


def remember_final(ctx: FlowContext, kind: str, item: int) -> None:
    """Records that this update ends the flow with a confirmation (a submission) of ``item``,
    to send it again should it never arrive: nothing else would ask the user anything."""
    ctx.set_data(**{FINAL: {"kind": kind, "item": item, "turn": ctx.conversation.turn}})


def lost_final(ctx: FlowContext, event: Event, unseen: bool) -> tuple[str, int] | None:
    """The confirmation (kind, item) whose delivery was never confirmed, when the user writes
    or presses again after it; a command is answered as usual."""
    final = ctx.data.get(FINAL)
    if not unseen or ctx.waiting or not final or isinstance(event, CommandReceived):
        return None
    if final.get("turn") != ctx.conversation.turn - 1:  # a later update answered since
        return None
    return str(final["kind"]), int(final["item"])
