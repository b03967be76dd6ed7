"""Queued messages delivered to Telegram chats."""

from __future__ import annotations

from telegram import Bot
from telegram.error import Forbidden, TelegramError

from bot.outbox import DeliveryError, Recipient
from bot.telegram.sending import send_messages
from handlers.replies import OutMessage


class TelegramDelivery:
    def __init__(self, bot: Bot) -> None:
        self._bot = bot

    async def __call__(self, recipient: Recipient, message: OutMessage) -> None:
        try:
            await send_messages(self._bot, int(recipient.address), [message])
        except Forbidden as blocked:  # the user blocked the bot: retrying cannot help
            raise DeliveryError(f"forbidden: {blocked.message}", permanent=True) from blocked
        except TelegramError as failure:
            raise DeliveryError(f"{type(failure).__name__}: {failure.message}") from failure
