"""Queued messages delivered to Telegram chats, with each failure told apart: refused for
good, asked to wait (429), safe to retry, or possibly delivered after all. A failure's reason
(logged and stored) names the error and Telegram's fixed description, never the text sent."""

from __future__ import annotations

from telegram import Bot
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError

from bot.log_summary import describe_error
from bot.outbox import DeliveryError, Recipient
from bot.telegram.errors import may_have_arrived, retry_after
from bot.telegram.sending import allow_unparsed_sends, send_messages
from handlers.replies import OutMessage


class TelegramDelivery:
    def __init__(self, bot: Bot) -> None:
        self._bot = bot
        allow_unparsed_sends()

    async def __call__(self, recipient: Recipient, message: OutMessage) -> None:
        try:
            await send_messages(self._bot, int(recipient.address), [message])
        except Forbidden as blocked:  # the user blocked the bot: retrying cannot help
            raise DeliveryError(describe_error(blocked), permanent=True) from blocked
        except BadRequest as refused:  # chat not found, text too long: the same next time
            raise DeliveryError(describe_error(refused), permanent=True) from refused
        except RetryAfter as flood:
            wait = retry_after(flood)
            raise DeliveryError(f"flood control: {wait}", retry_after=wait) from flood
        except NetworkError as failure:
            reason = describe_error(failure)
            raise DeliveryError(reason, maybe_sent=may_have_arrived(failure)) from failure
        except TelegramError as failure:
            raise DeliveryError(describe_error(failure)) from failure
