"""Scripted users who talk to a bot over real HTTP, open loop, as people do on their phones.

Arrivals are tokens put on a queue at Poisson times; an idle user takes the next token and sends
their next action: a command, a typed answer, a shared contact or a button press, resolved from
the buttons of the last message the bot sent them. They wait for the first reply (its arrival at
the fake Bot API is the update's reply time), read until the bot has been quiet for a moment
(``think`` seconds), and are then idle again. A user thus has one update in flight at most, so
every first message that reaches a chat answers that chat's last update.

Updates reach the bot as Telegram sends them: POSTed to the webhook over at most
``connections`` connections (Telegram's ``max_connections``), again after a second until the
answer is 200; or queued for ``getUpdates`` on the polling path.
"""

from __future__ import annotations

import asyncio
import json
import random
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import count

import httpx

from bench.botprocess import WEBHOOK_SECRET
from bench.fake_bot_api_server import FakeBotApiServer, Sent
from bench.workload import REGISTRATION, Action, Step, UpdateFactory, resolve

TELEGRAM_RETRY_SECONDS = 1.0
REPLY_TIMEOUT = 30.0
AFTER_REGISTRATION = (Action("text", "/status"), Action("text", "/bantuan"))
"""What a registered user keeps asking, once the registration script is done."""


def script() -> Iterator[Action]:
    """The registration (``/daftar``, consent, the answers, submission), then questions."""
    yield from REGISTRATION
    while True:
        yield from AFTER_REGISTRATION


@dataclass(slots=True)
class Outcome:
    """One update sent, and what became of it."""

    user_id: int
    update_id: int
    action: Action
    offered_at: float
    acked_at: float | None = None
    replied_at: float | None = None
    last_text: str = ""
    attempts: int = 0

    @property
    def latency(self) -> float | None:
        return None if self.replied_at is None else self.replied_at - self.offered_at

    @property
    def as_expected(self) -> bool:
        expect = self.action.expect
        return expect is None or expect in self.last_text


@dataclass
class Transport:
    """How updates reach the bot: ``webhook`` (POST, retried until 200) or ``polling``."""

    fake: FakeBotApiServer
    path: str
    webhook_url: str = ""
    connections: int = 40
    client: httpx.AsyncClient | None = None
    non_200: int = 0
    transport_errors: int = 0

    async def __aenter__(self) -> Transport:
        limits = httpx.Limits(max_connections=self.connections, max_keepalive_connections=None)
        self.client = httpx.AsyncClient(limits=limits, timeout=httpx.Timeout(60.0, pool=None))
        return self

    async def __aexit__(self, *_: object) -> None:
        if self.client is not None:
            await self.client.aclose()

    async def deliver(self, payload: dict[str, object], outcome: Outcome) -> None:
        if self.path == "polling":
            outcome.attempts = 1
            self.fake.queue_update(payload)
            return
        assert self.client is not None
        body = json.dumps(payload).encode()
        headers = {"X-Telegram-Bot-Api-Secret-Token": WEBHOOK_SECRET}
        while True:
            outcome.attempts += 1
            try:
                response = await self.client.post(self.webhook_url, content=body, headers=headers)
                if response.status_code == 200:
                    outcome.acked_at = time.perf_counter()
                    return
                self.non_200 += 1
            except httpx.TransportError:
                self.transport_errors += 1
            await asyncio.sleep(TELEGRAM_RETRY_SECONDS)


@dataclass
class User:
    user_id: int
    actions: Iterator[Action] = field(default_factory=script)
    waiting: Outcome | None = None
    answered: asyncio.Event = field(default_factory=asyncio.Event)
    last_message_at: float = 0.0
    last_text: str = ""

    def on_message(self, sent: Sent) -> None:
        self.last_message_at = sent.at
        self.last_text = sent.text
        if self.waiting is not None and self.waiting.replied_at is None:
            self.waiting.replied_at = sent.at
            self.answered.set()


@dataclass
class Crowd:
    """The users of one run, sharing the arrival queue, the fake's messages and the factory."""

    fake: FakeBotApiServer
    transport: Transport
    factory: UpdateFactory
    think: float = 1.0
    users: dict[int, User] = field(default_factory=dict)
    outcomes: list[Outcome] = field(default_factory=list)
    unresolved: int = 0
    """Presses whose button was not offered (sent as typed text instead)."""
    tasks: set[asyncio.Task[None]] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.fake.on_send = self.on_send

    def on_send(self, sent: Sent) -> None:
        user = self.users.get(sent.chat_id)
        if user is not None:
            user.on_message(sent)

    def add_users(self, first_id: int, how_many: int) -> list[User]:
        added = [User(user_id) for user_id in range(first_id, first_id + how_many)]
        self.users.update((user.user_id, user) for user in added)
        return added

    def send(self, user: User, action: Action) -> Outcome:
        """POSTs one action (again every second until 200) without waiting for its reply."""
        payload = self.factory.step(user.user_id, self.resolve(user, action), len(self.fake.photo))
        outcome = Outcome(user.user_id, int(payload["update_id"]), action, time.perf_counter())
        self.outcomes.append(outcome)
        task = asyncio.create_task(self.transport.deliver(payload, outcome))
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)
        return outcome

    async def act(self, user: User, action: Action) -> Outcome:
        """Sends one action and waits for its first reply (or gives up after a while)."""
        user.answered.clear()
        outcome = user.waiting = self.send(user, action)
        try:
            await asyncio.wait_for(user.answered.wait(), REPLY_TIMEOUT)
        except TimeoutError:
            return outcome
        await self.quiet(user)
        outcome.last_text = user.last_text
        return outcome

    async def quiet(self, user: User) -> None:
        """Until the bot has sent this user nothing for ``think`` seconds."""
        # The deadline moves with every message, so this sleeps until it stops moving.
        while (delay := user.last_message_at + self.think - time.perf_counter()) > 0:  # noqa: ASYNC110
            await asyncio.sleep(delay)

    def resolve(self, user: User, action: Action) -> Step:
        """A press becomes the callback data the bot offered; one it did not offer is sent as
        typed text (and counted)."""
        try:
            return resolve(action, "registration", self.fake, user.user_id)
        except RuntimeError:
            self.unresolved += 1
            return Step("text", action.value, "registration")

    async def live(self, user: User, arrivals: asyncio.Queue[float | None]) -> None:
        """One user: takes an arrival, acts, repeats until the arrivals end."""
        while (await arrivals.get()) is not None:
            await self.act(user, next(user.actions))

    async def drain(self, seconds: float) -> None:
        """Waits (at most ``seconds``) for the updates still being POSTed."""
        if self.tasks:
            await asyncio.wait(set(self.tasks), timeout=seconds)


async def poisson_arrivals(
    arrivals: asyncio.Queue[float | None], rate: float, duration: float, seed: int
) -> int:
    """Puts an arrival on the queue at Poisson times for ``duration`` seconds; returns how many.
    Arrivals are scheduled against the clock, so a late wake-up does not lower the rate."""
    rng = random.Random(seed)
    started = time.perf_counter()
    due = started
    sent = 0
    for sent in count():  # noqa: B007
        due += rng.expovariate(rate)
        if due - started >= duration:
            break
        if (delay := due - time.perf_counter()) > 0:
            await asyncio.sleep(delay)
        arrivals.put_nowait(due)
    return sent
