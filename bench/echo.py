"""Baseline (a): the bare python-telegram-bot echo bot, the framework's floor per update."""

from __future__ import annotations

import dataclasses
from typing import Any

from telegram import Update
from telegram.ext import Application, ContextTypes, MessageHandler, filters

from bench.fake_api import FakeBotApi
from bench.ourbot import BASE_URL, FILE_URL, TOKEN
from bench.runner import run_updates
from bench.stats import Timing
from bench.workload import UpdateFactory


async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    if message is not None and message.text is not None:
        await message.reply_text(message.text)


def echo_application(fake: FakeBotApi) -> Application[Any, Any, Any, Any, Any, Any]:
    application = (
        Application.builder()
        .token(TOKEN)
        .base_url(BASE_URL)
        .base_file_url(FILE_URL)
        .request(fake)
        .get_updates_request(fake)
        .build()
    )
    application.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, echo))
    return application


async def run_echo(updates: int, users: int, photo: bytes) -> Timing:
    """``updates`` text messages from ``users`` users, round robin, each echoed back."""
    fake = FakeBotApi(photo)
    application = echo_application(fake)
    await application.initialize()
    factory = UpdateFactory()
    texts = ("Siti Aminah", "Keripik Apel Bu Siti", "Jl. Raya Punten No. 12, RT 02/RW 05")
    warmup = [
        Update.de_json(factory.text(1, text), application.bot) for text in texts for _ in range(50)
    ]
    await run_updates(application, warmup)
    prepared = [
        Update.de_json(factory.text(10_000_000 + i % users, texts[i % len(texts)]), application.bot)
        for i in range(updates)
    ]
    timing = await run_updates(application, prepared)
    await application.shutdown()
    if fake.calls["sendMessage"] != len(warmup) + updates:
        raise RuntimeError(f"echo bot answered {fake.calls['sendMessage']} of {updates} updates")
    return dataclasses.replace(timing, name="echo")
