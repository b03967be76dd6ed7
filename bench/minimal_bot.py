"""The baseline of `bench.load`: the smallest python-telegram-bot webhook bot that handles
updates concurrently. Every message and button press gets one reply (a press is answered too,
beside the reply), nothing is stored.

    python -m bench.minimal_bot --port 8091 --api http://127.0.0.1:8090/bot
"""

from __future__ import annotations

import argparse
import asyncio
import json
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from telegram import Update
from telegram.ext import Application, CallbackQueryHandler, ContextTypes, MessageHandler, filters

from bench.ourbot import TOKEN

AnyApplication = Application[Any, Any, Any, Any, Any, Any]


async def reply(update: Update, _: ContextTypes.DEFAULT_TYPE) -> None:
    if update.callback_query is not None:
        await asyncio.gather(
            update.callback_query.answer(),
            update.get_bot().send_message(update.callback_query.from_user.id, "ok"),
        )
    elif update.effective_chat is not None:
        await update.get_bot().send_message(update.effective_chat.id, "ok")


def web_app(application: AnyApplication) -> Starlette:
    async def receive(request: Request) -> Response:
        update = Update.de_json(json.loads(await request.body()), application.bot)
        await application.update_queue.put(update)
        return Response()

    async def lifespan(_: Starlette) -> Any:
        async with application:
            await application.start()
            yield
            await application.stop()

    return Starlette(
        routes=[Route("/telegram/webhook", receive, methods=["POST"])], lifespan=lifespan
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--api", required=True, help="the Bot API base URL, ending in /bot")
    args = parser.parse_args()
    application = (
        Application.builder()
        .token(TOKEN)
        .base_url(args.api)
        .concurrent_updates(256)
        .updater(None)
        .build()
    )
    application.add_handler(MessageHandler(filters.ALL, reply))
    application.add_handler(CallbackQueryHandler(reply))
    uvicorn.run(web_app(application), host="127.0.0.1", port=args.port, log_level="warning")


if __name__ == "__main__":
    main()
