"""The scripted vendor: a full registration, its submission, and three products with a photo
each, submitted together. The answers are those of the end-to-end tests
(``register_until_summary`` and ``add_product``).

Buttons send opaque tokens that only the bot knows, so the script is first *learned*: one vendor
plays it against the real bot with a recording fake, and every button press is resolved to the
callback data the bot actually sent. The flow is deterministic, so every vendor then replays the
same concrete steps, which lets all updates be built before timing.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Literal, Protocol

from telegram import Bot, Update

from bench.fake_api import BOT_ID, DATE, FakeBotApi

Kind = Literal["text", "press", "contact", "photo"]
Phase = Literal["registration", "products"]


@dataclass(frozen=True, slots=True)
class Action:
    """What the user does; ``expect`` is a text the bot's last answer must contain."""

    kind: Kind
    value: str = ""
    expect: str | None = None


@dataclass(frozen=True, slots=True)
class Step:
    """A concrete update to send: text (or a command), a callback, a contact or a photo."""

    kind: Literal["text", "callback", "contact", "photo"]
    value: str
    phase: Phase


REGISTRATION: tuple[Action, ...] = (
    Action("text", "/daftar", "UU No. 27 Tahun 2022"),
    Action("press", "Saya setuju"),
    Action("text", "Siti Aminah"),
    Action("text", "3579 0141 0185 0001"),
    Action("contact", "+62 812-3456-7890", "Nomor +6281234567890 sudah tersimpan"),
    Action("text", "Keripik Apel Bu Siti"),
    Action("text", "9120001234567"),
    Action("text", "10792, 47211"),
    Action("press", "Lewati"),
    Action("text", "25 juta per bulan"),
    Action("press", "Ya, benar"),
    Action("press", "Makanan dan Minuman"),
    Action("press", "Bumiaji"),
    Action("press", "Punten"),
    Action("text", "Jl. Raya Punten No. 12, RT 02/RW 05"),
    Action("text", "keripikapel@gmail.com", "Ringkasan pendaftaran"),
    Action("press", "Kirim untuk diverifikasi", "sudah dikirim ke BPBJ Kota Batu"),
    Action("text", "/start"),
)


def product_actions(name: str, price: str) -> tuple[Action, ...]:
    """One product from the menu to a saved draft (``add_product`` with one photo)."""
    return (
        Action("press", "Tambah produk"),
        Action("text", name),
        Action("press", "Makanan dan Minuman"),
        Action("text", "Keripik apel asli Batu tanpa pengawet. Berat 200 gram, kemasan pouch."),
        Action("press", "Lewati"),  # brand
        Action("press", "pcs"),
        Action("text", price),
        Action("press", "Ya, benar"),
        Action("text", "10"),
        Action("text", "1.000 pcs"),
        Action("press", "Ya, produk dalam negeri"),
        Action("text", "45,5%"),
        Action("press", "Lewati"),  # SNI
        Action("press", "Lewati"),  # KBKI
        Action("photo", expect="Foto 1 dari 5 tersimpan"),
        Action("press", "Selesai"),
        Action("text", "3 hari", "Ringkasan produk"),
        Action("press", "Simpan sebagai draf"),
    )


PRODUCTS: tuple[Action, ...] = (
    *product_actions("Keripik Apel Original 200 gram", "Rp15.000,-"),
    *product_actions("Sari Apel 1 liter", "25rb"),
    *product_actions("Dodol Apel 250 gram", "1,5 jt"),
    Action("press", "Produk saya", "3 produk"),
    Action("press", "Kirim semua yang siap (3)", "3 produk sudah dikirim"),
)

SCRIPT: tuple[tuple[Action, Phase], ...] = tuple(
    [(action, "registration") for action in REGISTRATION]
    + [(action, "products") for action in PRODUCTS]
)


class UpdateFactory:
    """Builds raw Bot API updates for users, with ever-growing update ids."""

    def __init__(self, first_update_id: int = 1) -> None:
        self._next = first_update_id

    def _update_id(self) -> int:
        update_id = self._next
        self._next += 1
        return update_id

    @staticmethod
    def _from(user_id: int) -> dict[str, Any]:
        return {"id": user_id, "is_bot": False, "first_name": "Siti", "language_code": "id"}

    def message(self, user_id: int, fields: dict[str, Any]) -> dict[str, Any]:
        update_id = self._update_id()
        return {
            "update_id": update_id,
            "message": {
                "message_id": update_id,
                "date": DATE,
                "chat": {"id": user_id, "type": "private", "first_name": "Siti"},
                "from": self._from(user_id),
                **fields,
            },
        }

    def text(self, user_id: int, text: str) -> dict[str, Any]:
        entities = (
            [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
            if text.startswith("/")
            else []
        )
        return self.message(user_id, {"text": text, "entities": entities})

    def callback(self, user_id: int, data: str) -> dict[str, Any]:
        update_id = self._update_id()
        return {
            "update_id": update_id,
            "callback_query": {
                "id": str(update_id),
                "from": self._from(user_id),
                "chat_instance": str(user_id),
                "data": data,
                "message": {
                    "message_id": 1,
                    "date": DATE,
                    "chat": {"id": user_id, "type": "private"},
                    "from": {"id": BOT_ID, "is_bot": True, "first_name": "Katalog UMKM"},
                    "text": "…",
                },
            },
        }

    def contact(self, user_id: int, phone: str) -> dict[str, Any]:
        contact = {"phone_number": phone, "first_name": "Siti", "user_id": user_id}
        return self.message(user_id, {"contact": contact})

    def photo(self, user_id: int, size: int) -> dict[str, Any]:
        file_id = f"photo-{user_id}-{self._next}"
        photo = [
            {"file_id": f"{file_id}-thumb", "file_unique_id": "t", "width": 90, "height": 90},
            {
                "file_id": file_id,
                "file_unique_id": file_id,
                "width": 800,
                "height": 600,
                "file_size": size,
            },
        ]
        return self.message(user_id, {"photo": photo})

    def step(self, user_id: int, step: Step, photo_size: int) -> dict[str, Any]:
        match step.kind:
            case "text":
                return self.text(user_id, step.value)
            case "callback":
                return self.callback(user_id, step.value)
            case "contact":
                return self.contact(user_id, step.value)
            case "photo":
                return self.photo(user_id, photo_size)


Feed = Callable[[dict[str, Any]], Any]


async def learn_script(
    feed: Feed, fake: FakeBotApi, factory: UpdateFactory, user_id: int
) -> list[Step]:
    """Plays the script once against the bot, returning the concrete steps every vendor sends.

    ``feed`` hands one raw update to the bot and awaits it; ``fake`` must record messages.
    """
    steps: list[Step] = []
    for action, phase in SCRIPT:
        step = resolve(action, phase, fake, user_id)
        before = len(fake.inbox(user_id))
        await feed(factory.step(user_id, step, len(fake.photo)))
        received = fake.inbox(user_id)[before:]
        if not received:
            raise RuntimeError(f"no answer to {action}")
        if action.expect is not None and action.expect not in received[-1].text:
            raise RuntimeError(f"{action}: expected {action.expect!r}, got {received[-1].text!r}")
        steps.append(step)
    return steps


class Offered(Protocol):
    """A message as a fake Bot API recorded it: its buttons."""

    @property
    def inline(self) -> Sequence[tuple[str, str]]: ...
    @property
    def keyboard(self) -> Sequence[str]: ...


class Inboxes(Protocol):
    """A fake Bot API: in-process (``bench.fake_api``) or a server (``fake_bot_api_server``)."""

    def inbox(self, chat_id: int) -> Sequence[Offered]: ...


def resolve(action: Action, phase: Phase, fake: Inboxes, user_id: int) -> Step:
    """A button press becomes the callback data (or reply-keyboard text) the bot offered."""
    if action.kind != "press":
        return Step(action.kind, action.value, phase)
    for message in reversed(fake.inbox(user_id)):
        for label, data in message.inline:
            if action.value in label:
                return Step("callback", data, phase)
        for label in message.keyboard:
            if action.value in label:
                return Step("text", label, phase)
    raise RuntimeError(f"no button {action.value!r} for user {user_id}")


def schedule(vendors: int, steps: int, order: str, seed: int) -> list[int]:
    """Which vendor sends next: each vendor appears ``steps`` times, keeping its own order.

    ``random`` interleaves vendors uniformly at random (fixed seed); ``roundrobin`` lets every
    vendor take one step before anyone takes the next.
    """
    if order == "roundrobin":
        return [vendor for _ in range(steps) for vendor in range(vendors)]
    sequence = [vendor for vendor in range(vendors) for _ in range(steps)]
    random.Random(seed).shuffle(sequence)
    return sequence


@dataclass(frozen=True, slots=True)
class Planned:
    update: Update
    phase: Phase
    step: int
    """Position of the step in the script."""


def planned_updates(
    bot: Bot,
    steps: list[Step],
    order: list[int],
    user_ids: list[int],
    factory: UpdateFactory,
    photo_size: int,
    chunk: int,
) -> Iterator[list[Planned]]:
    """Parsed updates in schedule order, in chunks, so that they are built outside the timer
    without holding every update of a long run in memory at once."""
    position = [0] * len(user_ids)
    batch: list[Planned] = []
    for vendor in order:
        index = position[vendor]
        step = steps[index]
        position[vendor] += 1
        payload = factory.step(user_ids[vendor], step, photo_size)
        batch.append(Planned(Update.de_json(payload, bot), step.phase, index))
        if len(batch) >= chunk:
            yield batch
            batch = []
    if batch:
        yield batch
