"""Durability and per-chat order through the real HTTP server, with kill -9 under load.

The bot runs as production runs it (``umkm-bot serve``, its own process group) against the local
fake Bot API server (``bench/fake_bot_api_server.py``, 100 ms round trip by default). Scripted
users go through the registration (``bench/workload.py``'s ``REGISTRATION``: /daftar, consent,
the answers, the submission, /start). Two goals are measured:

1. **Kill test.** While users arrive at a steady rate, the bot is killed with SIGKILL (the whole
   process group) at random moments (every 1–4 s, 30 times by default) and started again. Updates
   are POSTed as Telegram does: again every second until the answer is 200. A user who got no
   (or no complete) reply within a few seconds of their update's 200 behaves like a person: they
   send their last answer again (a new update id; a button is pressed again). That message must
   be answered with the question they are on (``reply-question-again`` or, for a button, "that
   button is no longer valid", followed by the question), not taken as the answer to the next
   question they never saw. Once the killing stops, everyone finishes the script. Then:

   * every update id that got a 200 is in ``processed_update`` (none lost);
   * nothing was applied twice: each chat has one user, one vendor, one consent and one
     submission, and the vendor's fields equal those of a reference user who registered without
     any kill (NIK compared by its blind index);
   * every user who typed again after a lost reply got their pending question;
   * every user completed the script with the expected texts.

2. **Order test.** Chats that, after the consent, send the next five answers at once (name, NIK,
   shared contact, business name, NIB). Telegram delivers a chat's updates one at a time, the
   next once the last was answered (``--delivery telegram``, the default); ``--delivery
   concurrent`` writes the five POSTs back to back over five warm connections instead, as a
   webhook that does not wait might. The vendor's fields must hold those answers, and the
   replies must be exactly the five replies in sequence; with ``WEB_WORKERS`` 1 and 2 (the
   connections are spread over the worker processes).

The bot's log (``serve.log``) is copied to ``--keep`` (default ``/tmp/umkm-durability``) with
markers between phases, since the run's folder is removed afterwards.

    python -m bench.durability --db sqlite
    python -m bench.durability --db postgres
    python -m bench.durability --db both --kills 30 --users 150 --rate 20
    python -m bench.durability --db sqlite --skip-kill --order-workers 1,2 --burst-chats 120
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from bench.botprocess import WEBHOOK_SECRET, BotProcess
from bench.chatters import Crowd, Outcome, Transport, User, poisson_arrivals
from bench.database import BenchDatabase, fresh_database
from bench.fake_bot_api_server import FakeBotApiServer, Sent
from bench.load import free_port, verdict
from bench.workload import REGISTRATION, Action, UpdateFactory

DB_NAME = f"umkm_bench_durability_{os.getpid()}"
"""Its own per run: two runs at once never drop each other's database."""
CHANNEL = "telegram"  # bot/telegram/updates.py: what `processed_update.channel` holds
QUESTION_AGAIN = "sepertinya pesan kami sebelumnya belum sampai"  # locales/id/delivery.ftl
STALE_BUTTON = "Tombol itu sudah tidak berlaku"  # locales/id/common.ftl
QUIET = 0.6
"""A reply is complete once the bot has sent the chat nothing for this long."""
LEARN_QUIET = 1.5
"""The undisturbed user's replies are complete once the chat was quiet this long."""
PATIENCE = 4.0
"""How long a user waits for a reply after sending, at least."""
AFTER_ACK = 3.0
"""...and after their update got its 200: a reply that has not come by then was lost."""
GIVE_UP = 120.0
RETYPES = 6
"""How often a user sends their answer again before they count as stuck."""
TERMINAL = len(REGISTRATION) - 2
"""From the submission on, nothing is asked: a lost reply is not followed by a question."""
BURST = range(2, 7)
"""The registration answers sent at once in the order test: name, NIK, contact, business, NIB."""
FIELDS = (
    "owner_name",
    "nik_hash",
    "phone",
    "business_name",
    "nib",
    "no_nib",
    "kbli",
    "npwp_skipped",
    "scale",
    "scale_basis",
    "scale_amount",
    "etalase_code",
    "regency_code",
    "kecamatan_code",
    "kelurahan_code",
    "address",
    "email",
    "email_skipped",
    "status",
)
BURST_FIELDS = ("owner_name", "nik_hash", "phone", "business_name", "nib")
SCRIPTED = {
    "owner_name": "Siti Aminah",
    "phone": "+6281234567890",
    "business_name": "Keripik Apel Bu Siti",
    "nib": "9120001234567",
    "address": "Jl. Raya Punten No. 12, RT 02/RW 05",
    "email": "keripikapel@gmail.com",
}


def question(text: str) -> str:
    """The question a message asks: from its "Langkah n dari 13" on, when it has one (a reply
    may begin with a confirmation or an error before the question)."""
    at = text.rfind("Langkah ")
    return text[at:] if at >= 0 else text


def ends_with(got: Sequence[Sent], want: str) -> bool:
    """Whether the last message asks the question ``want`` asks."""
    return bool(got) and question(want) in got[-1].text


# --- the database, read after a run --------------------------------------------------------


async def query(url: str, sql: str, **params: Any) -> list[dict[str, Any]]:
    engine = create_async_engine(url)
    try:
        async with engine.connect() as connection:
            result = await connection.execute(text(sql), params)
            return [dict(row) for row in result.mappings().all()]
    finally:
        await engine.dispose()


def normal(value: Any) -> Any:
    """JSON columns come back as text from raw SQL; booleans as 0/1 on SQLite."""
    if isinstance(value, str) and value[:1] in "[{":
        try:
            return json.loads(value)
        except ValueError:
            return value
    if isinstance(value, bool):
        return int(value)
    return value


async def vendors(url: str, chats: Sequence[int]) -> dict[int, list[dict[str, Any]]]:
    """Vendor rows by chat id (a list, to see a chat with more than one)."""
    columns = ", ".join(f"v.{name}" for name in FIELDS)
    rows = await query(
        url,
        f"SELECT ci.external_id AS chat, v.id AS vendor_id, v.user_id, {columns} "
        "FROM channel_identity ci JOIN vendor v ON v.user_id = ci.user_id "
        "WHERE ci.channel = :channel",
        channel=CHANNEL,
    )
    wanted = {str(chat) for chat in chats}
    found: dict[int, list[dict[str, Any]]] = {chat: [] for chat in chats}
    for row in rows:
        if row["chat"] in wanted:
            found[int(row["chat"])].append({k: normal(v) for k, v in row.items()})
    return found


async def per_chat_counts(url: str, table_sql: str, chats: Sequence[int]) -> Counter[int]:
    rows = await query(url, table_sql, channel=CHANNEL)
    wanted = {str(chat) for chat in chats}
    return Counter({int(r["chat"]): int(r["n"]) for r in rows if r["chat"] in wanted})


async def claimed_ids(url: str) -> set[str]:
    rows = await query(
        url, "SELECT update_id FROM processed_update WHERE channel = :channel", channel=CHANNEL
    )
    return {str(row["update_id"]) for row in rows}


# --- one bot process with its fake Bot API ---------------------------------------------------


@dataclass
class Learned:
    """What a user who is never disturbed gets: the replies to each step, and the vendor row."""

    replies: list[list[str]]
    reference: dict[str, Any]

    def question_after(self, step: int) -> str:
        return self.replies[step][-1]


@dataclass
class Harness:
    """The fake Bot API, the bot process, the webhook transport and the users' update ids."""

    db: BenchDatabase
    args: argparse.Namespace
    factory: UpdateFactory
    fake: FakeBotApiServer
    api_port: int
    workers: int = 1
    bot: BotProcess | None = None
    transport: Transport | None = None
    crowd: Crowd | None = None

    def mark(self, line: str) -> None:
        """A line in the bot's log between phases, to find one's way in it later."""
        with (self.db.workdir / "serve.log").open("a") as log:
            log.write(f"===== durability bench {time.strftime('%H:%M:%S')}: {line}\n")

    async def __aenter__(self) -> Harness:
        self.bot = BotProcess(
            "serve",
            self.db.url,
            self.db.workdir,
            self.api_port,
            free_port(),
            workers=self.workers,
            extra_env={"LOG_LEVEL": self.args.log_level},
        )
        await self.bot.start()
        self.transport = await Transport(
            self.fake, "webhook", self.bot.webhook_url, self.args.connections
        ).__aenter__()
        self.crowd = Crowd(self.fake, self.transport, self.factory)
        return self

    async def __aexit__(self, *_: object) -> None:
        for task in self.crowd.tasks if self.crowd is not None else ():
            task.cancel()
        if self.transport is not None:
            await self.transport.__aexit__()
        if self.bot is not None:
            self.bot.stop()

    def send(self, user_id: int, action: Action) -> Outcome:
        """POSTs the action (retried every second until 200) without waiting for it."""
        assert self.crowd is not None
        return self.crowd.send(User(user_id), action)

    @property
    def outcomes(self) -> list[Outcome]:
        return self.crowd.outcomes if self.crowd is not None else []

    async def reply(self, outcome: Outcome, before: int, want: str | None) -> list[Sent]:
        """The messages after ``outcome``: once the last is ``want`` and the chat is quiet, or
        (with ``want`` None, or when it never comes) once nothing came for a while after the
        update's 200."""
        while True:
            await asyncio.sleep(0.05)
            now = time.perf_counter()
            got = self.fake.inbox(outcome.user_id)[before:]
            if want is not None and ends_with(got, want) and now - got[-1].at >= QUIET:
                return got
            if want is None and got and outcome.acked_at and now - got[-1].at >= LEARN_QUIET:
                return got
            limit = outcome.offered_at + PATIENCE
            if outcome.acked_at is None:
                limit = now + 1
            else:
                limit = max(limit, outcome.acked_at + AFTER_ACK)
            if got:
                limit = max(limit, got[-1].at + (AFTER_ACK if want is not None else QUIET))
            if now > limit or now - outcome.offered_at > GIVE_UP:
                return got

    async def drain(self, seconds: float) -> None:
        if self.crowd is not None:
            await self.crowd.drain(seconds)


async def learn(harness: Harness, user_id: int) -> Learned:
    """One user plays the script alone, before anything is killed."""
    replies: list[list[str]] = []
    for step, action in enumerate(REGISTRATION):
        before = len(harness.fake.inbox(user_id))
        outcome = harness.send(user_id, action)
        got = await harness.reply(outcome, before, None)
        if not got:
            raise RuntimeError(f"no reply to step {step} ({action.kind})")
        if action.expect is not None and action.expect not in got[-1].text:
            raise RuntimeError(f"step {step}: expected {action.expect!r}")
        replies.append([sent.text for sent in got])
    rows = (await vendors(harness.db.url, [user_id]))[user_id]
    if len(rows) != 1:
        raise RuntimeError(f"the reference user has {len(rows)} vendor rows")
    reference = {name: rows[0][name] for name in FIELDS}
    wrong = [name for name, value in SCRIPTED.items() if reference[name] != value]
    if wrong or reference["nik_hash"] is None:
        raise RuntimeError(f"the reference vendor does not hold the scripted answers: {wrong}")
    return Learned(replies, reference)


# --- goal 1: kill -9 under load ----------------------------------------------------------------


@dataclass
class Retype:
    """A user's message after a reply that never (fully) came, and how the bot answered it."""

    user_id: int
    step: int
    update_id: int
    kind: str
    sent_at: float = 0.0
    result: str = ""
    """``question`` (the pending question again), ``disturbed`` (a kill fell in its reply),
    ``no reply``, or ``wrong``."""
    texts: list[str] = field(default_factory=list)


@dataclass
class KillRun:
    harness: Harness
    learned: Learned
    args: argparse.Namespace
    rng: random.Random
    kills: list[float] = field(default_factory=list)
    downtime: list[float] = field(default_factory=list)
    retypes: list[Retype] = field(default_factory=list)
    lost_replies: Counter[str] = field(default_factory=Counter)
    """Steps whose reply did not (fully) come, by kind of step."""
    wrong_first: list[tuple[int, int, int, list[str]]] = field(default_factory=list)
    """(user, step, update id, texts): a complete, undisturbed reply that was not the expected."""
    exact: int = 0
    inexact: int = 0
    stuck: list[tuple[int, int]] = field(default_factory=list)
    finished: list[int] = field(default_factory=list)
    users: list[int] = field(default_factory=list)
    killing: bool = True

    def timeline(self, user_id: int, around: float) -> list[str]:
        """What one user sent and got, and the kills, in seconds from their first update."""
        harness = self.harness
        sent = [o for o in harness.outcomes if o.user_id == user_id]
        start = sent[0].offered_at
        events = [
            (
                o.offered_at,
                f"sent update {o.update_id} ({o.action.kind} {o.action.value[:20]!r})"
                + (f", 200 after {o.acked_at - o.offered_at:.2f} s" if o.acked_at else ", no 200"),
            )
            for o in sent
        ]
        events += [(m.at, f"  got {m.text[:70]!r}") for m in harness.fake.inbox(user_id)]
        events += [(at, "KILL -9") for at in self.kills if start - 1 <= at <= events[-1][0] + 1]
        return [
            f"{at - start:7.2f} {what}"
            for at, what in sorted(events)
            if around - 20 <= at <= around + 8
        ]

    def disturbed(self, start: float, end: float) -> bool:
        return any(start - 0.2 <= at <= end for at in self.kills)

    async def killer(self) -> None:
        bot = self.harness.bot
        assert bot is not None
        for number in range(self.args.kills):
            await asyncio.sleep(self.rng.uniform(self.args.kill_min, self.args.kill_max))
            self.kills.append(time.perf_counter())
            bot.kill()
            self.harness.mark(f"kill -9 number {number + 1}")
            down = time.perf_counter()
            await bot.start()
            self.downtime.append(time.perf_counter() - down)
        self.killing = False
        self.harness.mark("no more kills")

    async def step(self, user_id: int, index: int) -> bool:
        harness, action = self.harness, REGISTRATION[index]
        want = self.learned.question_after(index)
        before = len(harness.fake.inbox(user_id))
        outcome = harness.send(user_id, action)
        got = await harness.reply(outcome, before, want)
        if ends_with(got, want):
            if [sent.text for sent in got] == self.learned.replies[index]:
                self.exact += 1
            else:
                self.inexact += 1
            return True
        now = time.perf_counter()
        if got and not self.disturbed(outcome.offered_at, now) and outcome.acked_at is not None:
            self.wrong_first.append((user_id, index, outcome.update_id, [s.text for s in got]))
        self.lost_replies[action.kind if index < TERMINAL else "after submission"] += 1
        if index == TERMINAL:
            return True  # submitted; nothing is pending (checked in the database)
        for _ in range(RETYPES):
            before = len(harness.fake.inbox(user_id))
            again = harness.send(user_id, action)
            retype = Retype(user_id, index, again.update_id, action.kind, again.offered_at)
            self.retypes.append(retype)
            got = await harness.reply(again, before, want)
            retype.texts = [sent.text for sent in got]
            marked = (action.kind == "text" and action.value.startswith("/")) or any(
                QUESTION_AGAIN in t or STALE_BUTTON in t for t in retype.texts
            )
            if ends_with(got, want):
                retype.result = "question again" if marked else "question after an error"
                return True
            if self.disturbed(again.offered_at, time.perf_counter()):
                retype.result = "disturbed"
            elif not got:
                retype.result = "no reply"
            else:
                retype.result = "wrong"
        return False

    async def user(self, user_id: int, arrivals: asyncio.Queue[float | None]) -> None:
        for index in range(len(REGISTRATION)):
            if await arrivals.get() is None:
                arrivals.put_nowait(None)
                return
            if not await self.step(user_id, index):
                self.stuck.append((user_id, index))
                return
        self.finished.append(user_id)

    async def run(self, first_user: int) -> None:
        arrivals: asyncio.Queue[float | None] = asyncio.Queue()
        next_user = first_user
        lives: set[asyncio.Task[None]] = set()

        def join() -> None:
            nonlocal next_user
            self.users.append(next_user)
            lives.add(asyncio.create_task(self.user(next_user, arrivals)))
            next_user += 1

        for _ in range(self.args.users):
            join()
        killer = asyncio.create_task(self.killer())
        feeder = asyncio.create_task(
            poisson_arrivals(arrivals, self.args.rate, 3600, self.rng.randrange(1 << 30))
        )
        while lives:
            done, lives = await asyncio.wait(lives, timeout=0.5)
            if self.killing:
                for _ in done:
                    join()  # the load stays the same while the bot is being killed
        feeder.cancel()
        await killer
        await self.harness.drain(60)

    async def report(self) -> bool:
        harness, url = self.harness, self.harness.db.url
        users = self.users
        acked = [o for o in harness.outcomes if o.acked_at is not None and o.user_id in set(users)]
        sent = [o for o in harness.outcomes if o.user_id in set(users)]
        claimed = await claimed_ids(url)
        lost = [o.update_id for o in acked if str(o.update_id) not in claimed]
        never_acked = [o.update_id for o in sent if o.acked_at is None]
        rows = await vendors(url, users)
        identities = await per_chat_counts(
            url,
            "SELECT external_id AS chat, COUNT(*) AS n FROM channel_identity "
            "WHERE channel = :channel GROUP BY external_id",
            users,
        )
        consents = await per_chat_counts(
            url,
            "SELECT ci.external_id AS chat, COUNT(*) AS n FROM consent c "
            "JOIN channel_identity ci ON ci.user_id = c.user_id WHERE ci.channel = :channel "
            "GROUP BY ci.external_id",
            users,
        )
        submissions = await per_chat_counts(
            url,
            "SELECT ci.external_id AS chat, COUNT(*) AS n FROM status_change s "
            "JOIN vendor v ON v.id = s.subject_id AND s.subject_type = 'vendor' "
            "JOIN channel_identity ci ON ci.user_id = v.user_id "
            "WHERE ci.channel = :channel AND s.to_status = 'submitted' GROUP BY ci.external_id",
            users,
        )
        finished = set(self.finished)
        twice: list[str] = []
        for chat in finished:
            vendor_rows = rows[chat]
            if identities[chat] != 1 or len(vendor_rows) != 1:
                twice.append(f"{chat}: {identities[chat]} users, {len(vendor_rows)} vendors")
                continue
            if consents[chat] != 1 or submissions[chat] != 1:
                twice.append(f"{chat}: {consents[chat]} consents, {submissions[chat]} submissions")
            differ = [n for n in FIELDS if vendor_rows[0][n] != self.learned.reference[n]]
            if differ:
                twice.append(f"{chat}: fields differ from the reference: {', '.join(differ)}")
        judged = Counter(r.result for r in self.retypes)
        wrong = [r for r in self.retypes if r.result == "wrong"]
        retyped_users = {r.user_id for r in self.retypes}
        down = sorted(self.downtime)
        print(
            f"  {len(self.kills)} kills -9; restart took {down[0]:.1f}–{down[-1]:.1f} s "
            f"(median {down[len(down) // 2]:.1f} s)"
            if down
            else "  no kills",
            flush=True,
        )
        transport = harness.transport
        assert transport is not None
        print(
            f"  {len(users)} users, {len(sent)} updates POSTed ({len(acked)} got 200, "
            f"{sum(o.attempts for o in sent) - len(sent)} re-POSTs: "
            f"{transport.transport_errors} connection errors, {transport.non_200} non-200)"
        )
        print(
            f"  replies as the undisturbed user got them: {self.exact} steps exactly, "
            f"{self.inexact} ending with the right question but otherwise different"
        )
        print(
            f"  replies lost or cut by a kill: {sum(self.lost_replies.values())} "
            f"({', '.join(f'{k} {n}' for k, n in sorted(self.lost_replies.items()))}); "
            f"complete undisturbed replies that were wrong: {len(self.wrong_first)}"
        )
        print(
            f"  typed again after a lost reply: {len(self.retypes)} messages by "
            f"{len(retyped_users)} users: "
            + ", ".join(f"{k} {n}" for k, n in sorted(judged.items()))
        )
        print(
            f"  finished the script: {len(finished)}/{len(users)}; stuck {len(self.stuck)}; "
            f"updates never acknowledged {len(never_acked)}"
        )
        for user_id, index, update_id, texts in self.wrong_first[:5]:
            print(f"    wrong reply: user {user_id} step {index} update {update_id}: {texts}")
        for retype in wrong[:5]:
            print(
                f"    not the pending question: user {retype.user_id} step {retype.step} "
                f"update {retype.update_id}: {retype.texts}"
            )
        shown = wrong[:2] + [r for r in self.retypes if r.result == "question after an error"][:2]
        for retype in shown:
            print(f"    timeline of user {retype.user_id} ({retype.result}, step {retype.step}):")
            for line in self.timeline(retype.user_id, retype.sent_at):
                print(f"      {line}")
        for line in twice[:5]:
            print(f"    applied twice? {line}")
        for user_id, index in self.stuck[:5]:
            print(f"    stuck: user {user_id} at step {index}")
        for update_id in lost[:5]:
            print(f"    acknowledged and not claimed: update {update_id}")
        goals = {
            "0 acknowledged updates lost": not lost and not never_acked,
            "0 applied twice": not twice,
            "0 users left without their pending question": not wrong and not self.stuck,
            "every user completed the script with the expected texts": (
                len(finished) == len(users) and not self.wrong_first
            ),
        }
        print(
            f"  lost {len(lost)}, applied twice {len(twice)}, not asked again {len(wrong)}, "
            f"stuck {len(self.stuck)}"
        )
        for goal, ok in goals.items():
            print(f"  {goal}: {verdict(ok)}")
        passed = all(goals.values()) and len(self.kills) == self.args.kills
        print(f"  GOAL 1 (kill -9 under load): {verdict(passed)}", flush=True)
        return passed


# --- goal 2: five at once, in order ----------------------------------------------------------


class Connection:
    """One keep-alive HTTP/1.1 connection to the webhook, writing a request as soon as asked."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def open(self) -> None:
        self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)
        self.write(b"{}")
        await self.status()  # 400: no update; the connection is now accepted by a worker

    def write(self, body: bytes) -> None:
        assert self.writer is not None
        head = (
            "POST /telegram/webhook HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            "Content-Type: application/json\r\n"
            f"X-Telegram-Bot-Api-Secret-Token: {WEBHOOK_SECRET}\r\n"
            f"Content-Length: {len(body)}\r\n\r\n"
        )
        self.writer.write(head.encode() + body)

    async def status(self) -> int:
        assert self.reader is not None
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        length = 0
        for line in lines[1:]:
            name, _, value = line.partition(":")
            if name.strip().lower() == "content-length":
                length = int(value)
        if length:
            await self.reader.readexactly(length)
        return int(lines[0].split()[1])

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()


@dataclass
class OrderRun:
    harness: Harness
    learned: Learned
    args: argparse.Namespace
    gap_ms: float = 0.0
    """Pause between writing one of the five requests and the next."""
    pool: asyncio.Queue[Connection] = field(default_factory=asyncio.Queue)
    retried: int = 0
    in_sequence: int = 0
    reordered: list[tuple[int, list[str]]] = field(default_factory=list)
    """Chats whose replies came in another order (same messages)."""
    different: list[tuple[int, list[str]]] = field(default_factory=list)
    """Chats whose replies were other messages: some answer was applied at another step."""
    gaps: list[float] = field(default_factory=list)
    """Seconds between writing the first and the fifth request of a burst."""

    async def post(self, connection: Connection, body: bytes) -> None:
        """Waits for the answer to a written request; again after a second until 200."""
        while (status := await connection.status()) != 200:
            self.retried += 1
            print(f"    a burst update was answered {status}: delivered again", flush=True)
            await asyncio.sleep(1.0)
            connection.write(body)

    async def chat(self, user_id: int) -> None:
        harness = self.harness
        for index in (0, 1):  # /daftar, consent: one at a time
            before = len(harness.fake.inbox(user_id))
            outcome = harness.send(user_id, REGISTRATION[index])
            got = await harness.reply(outcome, before, self.learned.question_after(index))
            if not ends_with(got, self.learned.question_after(index)):
                raise RuntimeError(f"chat {user_id}: unexpected reply at step {index}")
        assert harness.crowd is not None
        bodies = []
        for index in BURST:
            step = harness.crowd.resolve(User(user_id), REGISTRATION[index])
            bodies.append(json.dumps(harness.factory.step(user_id, step, 0)).encode())
        before = len(harness.fake.inbox(user_id))
        started = time.perf_counter()
        if self.args.delivery == "telegram":
            # As Telegram delivers a chat's updates: the next one once the last was answered.
            assert self.harness.bot is not None
            connection = Connection(self.harness.bot.web_port)  # the pool's may have idled out
            await connection.open()
            for body in bodies:
                connection.write(body)
                await self.post(connection, body)
            connection.close()
            self.gaps.append(time.perf_counter() - started)
        else:
            await self.all_at_once(bodies, started)
        expected = [t for index in BURST for t in self.learned.replies[index]]
        deadline = time.perf_counter() + 30
        while time.perf_counter() < deadline:
            await asyncio.sleep(0.1)
            got = harness.fake.inbox(user_id)[before:]
            if len(got) >= len(expected) and time.perf_counter() - got[-1].at > 1.5:
                break
        texts = [sent.text for sent in harness.fake.inbox(user_id)[before:]]
        if texts == expected:
            self.in_sequence += 1
        elif sorted(texts) == sorted(expected):
            self.reordered.append((user_id, texts))
        else:
            self.different.append((user_id, texts))

    async def all_at_once(self, bodies: list[bytes], started: float) -> None:
        """The five on five connections at once, as WhatsApp's webhook may send them."""
        connections = [await self.pool.get() for _ in bodies]
        for connection, body in zip(connections, bodies, strict=True):
            connection.write(body)
            assert connection.writer is not None
            await connection.writer.drain()
            if self.gap_ms:
                await asyncio.sleep(self.gap_ms / 1000)
        self.gaps.append(time.perf_counter() - started)
        await asyncio.gather(*(self.post(c, b) for c, b in zip(connections, bodies, strict=True)))
        for connection in connections:
            self.pool.put_nowait(connection)

    async def run(self, first_user: int) -> list[int]:
        bot = self.harness.bot
        assert bot is not None
        for _ in range(self.args.burst_connections):
            connection = Connection(bot.web_port)
            await connection.open()
            self.pool.put_nowait(connection)
        users = list(range(first_user, first_user + self.args.burst_chats))
        rng = random.Random(self.args.seed)
        chats: list[asyncio.Task[None]] = []
        for user_id in users:  # chats start at Poisson times
            await asyncio.sleep(rng.expovariate(self.args.burst_rate))
            chats.append(asyncio.create_task(self.chat(user_id)))
        await asyncio.gather(*chats)
        while not self.pool.empty():
            self.pool.get_nowait().close()
        return users

    async def report(self, users: list[int]) -> bool:
        rows = await vendors(self.harness.db.url, users)
        reference = self.learned.reference
        wrong_fields = {
            chat: [n for n in BURST_FIELDS if found[0][n] != reference[n]] if found else ["none"]
            for chat, found in rows.items()
        }
        out_of_order = {chat: f for chat, f in wrong_fields.items() if f or len(rows[chat]) != 1}
        gaps = sorted(self.gaps)
        how = (
            "delivered one at a time as Telegram does, all five in"
            if self.args.delivery == "telegram"
            else f"over {self.args.burst_connections} warm connections, written within"
        )
        print(
            f"  {len(users)} chats sent {len(BURST)} answers at once, {how} "
            f"{gaps[len(gaps) // 2] * 1000:.1f} ms median, {gaps[-1] * 1000:.1f} ms max "
            f"(gap {self.gap_ms:.0f} ms); re-POSTed after non-200: {self.retried}"
        )
        print(
            f"  vendor fields as sent: {len(users) - len(out_of_order)}/{len(users)}; "
            f"replies in sequence: {self.in_sequence}, same replies reordered: "
            f"{len(self.reordered)}, other replies: {len(self.different)}"
        )
        for chat, differ in list(out_of_order.items())[:5]:
            print(f"    chat {chat}: fields not as sent: {', '.join(differ)}")
        for chat, texts in (self.reordered + self.different)[:3]:
            print(f"    chat {chat} got: {[t[:60] for t in texts]}")
        passed = not out_of_order and self.in_sequence == len(users) and not self.retried
        print(
            f"  GOAL 2 (5 at once, in order), WEB_WORKERS={self.harness.workers}, "
            f"gap {self.gap_ms:.0f} ms: {verdict(passed)}",
            flush=True,
        )
        return passed


# --- the whole run -----------------------------------------------------------------------------


async def measure(db: BenchDatabase, args: argparse.Namespace) -> dict[str, bool]:
    results: dict[str, bool] = {}
    factory = UpdateFactory(first_update_id=1)  # one sequence per database: ids are claimed
    fake = FakeBotApiServer(rtt=args.rtt_ms / 1000)
    api_port = free_port()
    async with fake.serving(api_port):
        async with Harness(db, args, factory, fake, api_port) as harness:
            harness.mark("learning the replies (one user, no kill)")
            started = time.perf_counter()
            learned = await learn(harness, 1_000_000)
            print(
                f"learned the {len(REGISTRATION)} steps' replies from one undisturbed user in "
                f"{time.perf_counter() - started:.1f} s",
                flush=True,
            )
            if not args.skip_kill:
                print(
                    f"kill test: WEB_WORKERS=1, {args.users} users at a time arriving at "
                    f"{args.rate:.0f} updates/s, {args.kills} × kill -9 every "
                    f"{args.kill_min:.0f}–{args.kill_max:.0f} s",
                    flush=True,
                )
                harness.mark("kill test")
                run = KillRun(harness, learned, args, random.Random(args.seed))
                started = time.perf_counter()
                await run.run(2_000_000)
                print(f"  ran {time.perf_counter() - started:.0f} s", flush=True)
                results[f"{db.kind}: goal 1, kill -9"] = await run.report()
        for number, workers in enumerate(args.order_workers):
            async with Harness(db, args, factory, fake, api_port, workers=workers) as harness:
                for round_, gap in enumerate(args.burst_gaps_ms):
                    print(
                        f"order test: WEB_WORKERS={workers}, {args.burst_chats} chats starting "
                        f"at {args.burst_rate:.0f}/s, {gap:.0f} ms between the five requests",
                        flush=True,
                    )
                    harness.mark(f"order test, WEB_WORKERS={workers}, gap {gap:.0f} ms")
                    order = OrderRun(harness, learned, args, gap)
                    users = await order.run(3_000_000 + number * 100_000 + round_ * 10_000)
                    key = f"{db.kind}: goal 2, WEB_WORKERS={workers}, gap {gap:.0f} ms"
                    results[key] = await order.report(users)
    return results


def keep_log(db: BenchDatabase, keep: Path) -> Path:
    target = keep / f"{db.kind}-{time.strftime('%Y%m%d-%H%M%S')}"
    target.mkdir(parents=True, exist_ok=True)
    log = db.workdir / "serve.log"
    if log.exists():
        shutil.copy(log, target / "serve.log")
    return target / "serve.log"


def main(args: argparse.Namespace) -> None:
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    print(
        f"load average at start {load} ({os.cpu_count()} CPUs); round trip {args.rtt_ms:.0f} ms, "
        f"seed {args.seed}",
        flush=True,
    )
    results: dict[str, bool] = {}
    for kind in ("sqlite", "postgres") if args.db == "both" else (args.db,):
        print(f"=== {kind}", flush=True)
        with fresh_database(kind, DB_NAME) as db:
            (db.workdir / "media").mkdir(exist_ok=True)
            try:
                results.update(asyncio.run(measure(db, args)))
            finally:
                print(f"  the bot's log: {keep_log(db, args.keep)}", flush=True)
    print(f"load average at end {', '.join(f'{v:.2f}' for v in os.getloadavg())}")
    for name, ok in results.items():
        print(f"{verdict(ok)}  {name}")


def parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", choices=("sqlite", "postgres", "both"), default="sqlite")
    parser.add_argument("--rtt-ms", type=float, default=100.0, help="the fake's round trip")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--log-level", default="WARNING", help="LOG_LEVEL of the bot")
    parser.add_argument("--keep", type=Path, default=Path("/tmp/umkm-durability"))
    parser.add_argument("--skip-kill", action="store_true", help="only the order test")
    parser.add_argument("--users", type=int, default=150, help="users registering at a time")
    parser.add_argument("--rate", type=float, default=20.0, help="updates/s offered")
    parser.add_argument("--connections", type=int, default=40, help="webhook connections")
    parser.add_argument("--kills", type=int, default=30)
    parser.add_argument("--kill-min", type=float, default=1.0, help="seconds between kills, min")
    parser.add_argument("--kill-max", type=float, default=4.0, help="seconds between kills, max")
    parser.add_argument("--order-workers", default="1,2", help="WEB_WORKERS of the order test")
    parser.add_argument("--burst-chats", type=int, default=120)
    parser.add_argument("--burst-rate", type=float, default=8.0, help="bursts started per second")
    parser.add_argument("--burst-connections", type=int, default=40)
    parser.add_argument(
        "--delivery",
        choices=("telegram", "concurrent"),
        default="telegram",
        help="a chat's five: one after another once each is answered, as Telegram sends "
        "them (default); or all at once over several connections",
    )
    parser.add_argument(
        "--burst-gaps-ms",
        default="0",
        help="with --delivery concurrent: pause between writing the five, one test each",
    )
    args = parser.parse_args()
    args.order_workers = [int(w) for w in args.order_workers.split(",") if w]
    args.burst_gaps_ms = [float(g) for g in args.burst_gaps_ms.split(",") if g]
    return args


if __name__ == "__main__":
    main(parse())
