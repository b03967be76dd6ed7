"""The peer of `bench.load`: the smallest aiogram 3 webhook bot that does what any stateful bot
on a database must. Per update, one transaction: claim the update id, read and lock the user's
state, write it; then answer the pressed button and send one reply (with the buttons the scripted
users press, so that their presses arrive as presses). SQLite through aiosqlite (one writer at a
time, as SQLite allows), PostgreSQL through an asyncpg pool. The webhook is aiogram's own
(aiohttp, answered at once and handled in the background: aiogram's default).

    python -m bench.aiogram_bot --port 8092 --api http://127.0.0.1:8090 --database URL
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
from collections.abc import AsyncIterator
from typing import Any, Protocol

import aiosqlite
import asyncpg
from aiogram import Bot, Dispatcher, F
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message
from aiogram.webhook.aiohttp_server import SimpleRequestHandler
from aiohttp import web

from bench.botprocess import WEBHOOK_SECRET
from bench.ourbot import TOKEN

LABELS = (
    "Saya setuju",
    "Lewati",
    "Ya, benar",
    "Makanan dan Minuman",
    "Bumiaji",
    "Punten",
    "Kirim untuk diverifikasi",
    "Tambah produk",
    "pcs",
)
KEYBOARD = InlineKeyboardMarkup(
    inline_keyboard=[
        [InlineKeyboardButton(text=label, callback_data=f"b{index}")]
        for index, label in enumerate(LABELS)
    ]
)
SCHEMA = (
    "CREATE TABLE IF NOT EXISTS peer_update (update_id BIGINT PRIMARY KEY)",
    "CREATE TABLE IF NOT EXISTS peer_state"
    " (user_id BIGINT PRIMARY KEY, step INTEGER NOT NULL, answer TEXT NOT NULL)",
)


class Store(Protocol):
    async def step(self, update_id: int, user_id: int, answer: str) -> bool:
        """Claims the update and moves the user's state on; False for a redelivery."""


class PostgresStore:
    def __init__(self, pool: asyncpg.Pool) -> None:
        self._pool = pool

    async def step(self, update_id: int, user_id: int, answer: str) -> bool:
        async with self._pool.acquire() as connection, connection.transaction():
            claimed = await connection.fetchval(
                "INSERT INTO peer_update VALUES ($1) ON CONFLICT DO NOTHING RETURNING 1", update_id
            )
            if claimed is None:
                return False
            step = await connection.fetchval(
                "SELECT step FROM peer_state WHERE user_id = $1 FOR UPDATE", user_id
            )
            if step is None:
                await connection.execute(
                    "INSERT INTO peer_state VALUES ($1, 1, $2) ON CONFLICT (user_id)"
                    " DO UPDATE SET step = peer_state.step + 1, answer = $2",
                    user_id,
                    answer,
                )
            else:
                await connection.execute(
                    "UPDATE peer_state SET step = $2, answer = $3 WHERE user_id = $1",
                    user_id,
                    step + 1,
                    answer,
                )
            return True


class SqliteStore:
    def __init__(self, connection: aiosqlite.Connection) -> None:
        self._connection = connection
        self._writer = asyncio.Lock()

    async def step(self, update_id: int, user_id: int, answer: str) -> bool:
        db = self._connection
        async with self._writer:
            await db.execute("BEGIN IMMEDIATE")
            try:
                cursor = await db.execute(
                    "INSERT INTO peer_update VALUES (?) ON CONFLICT DO NOTHING", (update_id,)
                )
                if cursor.rowcount == 0:
                    await db.rollback()
                    return False
                cursor = await db.execute(
                    "SELECT step FROM peer_state WHERE user_id = ?", (user_id,)
                )
                row = await cursor.fetchone()
                step = 0 if row is None else row[0]
                await db.execute(
                    "INSERT INTO peer_state VALUES (?, ?, ?) ON CONFLICT (user_id)"
                    " DO UPDATE SET step = excluded.step, answer = excluded.answer",
                    (user_id, step + 1, answer),
                )
                await db.commit()
            except BaseException:
                await db.rollback()
                raise
            return True


@contextlib.asynccontextmanager
async def opened(url: str) -> AsyncIterator[Store]:
    """The store for a SQLAlchemy-style URL (``sqlite+aiosqlite:///…``,
    ``postgresql+asyncpg://…``), its tables created."""
    if url.startswith("sqlite"):
        async with aiosqlite.connect(url.split(":///", 1)[1], isolation_level=None) as db:
            await db.execute("PRAGMA journal_mode=WAL")
            await db.execute("PRAGMA synchronous=NORMAL")
            for statement in SCHEMA:
                await db.execute(statement)
            yield SqliteStore(db)
        return
    dsn = url.replace("postgresql+asyncpg://", "postgresql://", 1)
    async with asyncpg.create_pool(dsn, min_size=8, max_size=16) as pool:
        for statement in SCHEMA:
            await pool.execute(statement)
        yield PostgresStore(pool)


def handlers(dispatcher: Dispatcher, store: Store) -> None:
    async def on_message(message: Message, event_update: Any) -> None:
        text = message.text or ""
        if await store.step(event_update.update_id, message.chat.id, text):
            await message.answer("ok", reply_markup=KEYBOARD)

    async def on_press(query: CallbackQuery, event_update: Any) -> None:
        if await store.step(event_update.update_id, query.from_user.id, query.data or ""):
            bot = bot_of(query)
            reply = bot.send_message(query.from_user.id, "ok", reply_markup=KEYBOARD)
            await asyncio.gather(bot.answer_callback_query(query.id), reply)

    dispatcher.message.register(on_message, F.chat.type == "private")
    dispatcher.callback_query.register(on_press)


def bot_of(query: CallbackQuery) -> Bot:
    assert query.bot is not None
    return query.bot


def application(bot: Bot, dispatcher: Dispatcher, url: str) -> web.Application:
    app = web.Application()
    SimpleRequestHandler(dispatcher, bot, secret_token=WEBHOOK_SECRET).register(
        app, path="/telegram/webhook"
    )

    async def store(_: web.Application) -> AsyncIterator[None]:
        async with opened(url) as opened_store:
            handlers(dispatcher, opened_store)
            yield
        await bot.session.close()

    app.cleanup_ctx.append(store)
    return app


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--api", required=True, help="the Bot API server, without /bot")
    parser.add_argument("--database", required=True, help="sqlite+aiosqlite:/// or postgresql")
    args = parser.parse_args()
    session = AiohttpSession(api=TelegramAPIServer.from_base(args.api), limit=100)
    bot = Bot(TOKEN, session=session)
    app = application(bot, Dispatcher(), args.database)
    web.run_app(app, host="127.0.0.1", port=args.port, print=None)


if __name__ == "__main__":
    with contextlib.suppress(ImportError):
        import uvloop

        uvloop.install()
    main()
