"""Sends rendered messages to a Telegram chat: attachments first, then the text and buttons."""

from __future__ import annotations

import contextlib
from pathlib import Path

from telegram import (
    Bot,
    BotCommand,
    BotCommandScopeChat,
    InputFile,
    InputMediaPhoto,
    ReplyKeyboardRemove,
)
from telegram.error import TelegramError

from bot.telegram.render import markup_for
from handlers.replies import Attachment, OutMessage

CHANNEL = "telegram"
MEDIA_GROUP_MAX = 10


async def send_messages(
    bot: Bot, chat_id: int, messages: list[OutMessage], media_dir: Path | None = None
) -> None:
    for message in messages:
        if message.command_menu is not None:
            await set_chat_menu(bot, chat_id, message.command_menu)
            continue
        await send_attachments(bot, chat_id, message.attachments, media_dir)
        if message.remove_keyboard and message.buttons:
            # A message cannot both remove a reply keyboard and carry inline buttons: remove
            # the keyboard with a short message that is deleted at once.
            placeholder = await bot.send_message(chat_id, "…", reply_markup=ReplyKeyboardRemove())
            with contextlib.suppress(TelegramError):
                await placeholder.delete()
        await bot.send_message(chat_id, message.text, reply_markup=markup_for(message))


async def set_chat_menu(bot: Bot, chat_id: int, menu: tuple[tuple[str, str], ...]) -> None:
    """This chat's command menu (the roles of the person in it, in their language)."""
    commands = [BotCommand(name, about) for name, about in menu]
    await bot.set_my_commands(commands, scope=BotCommandScopeChat(chat_id))


async def send_attachments(
    bot: Bot, chat_id: int, attachments: tuple[Attachment, ...], media_dir: Path | None
) -> None:
    photos = [item for item in attachments if item.kind == "photo"]
    for start in range(0, len(photos), MEDIA_GROUP_MAX):
        group = photos[start : start + MEDIA_GROUP_MAX]
        if len(group) == 1:
            await bot.send_photo(chat_id, source(group[0], media_dir))
        else:
            media = [InputMediaPhoto(source(item, media_dir)) for item in group]
            await bot.send_media_group(chat_id, media)
    for document in (item for item in attachments if item.kind == "document"):
        await bot.send_document(chat_id, source(document, media_dir))


def source(attachment: Attachment, media_dir: Path | None) -> str | InputFile:
    """Telegram's own file id when the file came through Telegram, else the file itself."""
    if attachment.channel == CHANNEL and attachment.file_ref:
        return attachment.file_ref
    if attachment.data is not None:
        return InputFile(attachment.data, filename=attachment.filename)
    if attachment.path is not None and media_dir is not None:
        path = media_dir / attachment.path
        return InputFile(path.read_bytes(), filename=attachment.filename or path.name)
    raise ValueError(f"attachment without content: {attachment!r}")
