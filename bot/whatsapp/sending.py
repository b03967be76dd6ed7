"""Sends rendered messages to a WhatsApp user: attachments first, then the text and choices.

Files go through the Graph API's media endpoint: uploaded, then sent by media id. WhatsApp
keeps an upload for 30 days, so the id of a stored file (a product photo) is remembered
(``whatsapp_media``, by the content's SHA-256) and reused for :data:`MEDIA_ID_REUSE`: a photo
shown on many cards is uploaded once a month. Files made for one message (a chart, an export,
a ``/datasaya`` copy) are uploaded each time and leave no row. Images must be JPEG or PNG of
at most 5 MB, documents at most 100 MB: a file over its limit is not sent, and the user is told
so in a line of text instead, as when WhatsApp refuses one.
"""

from __future__ import annotations

import hashlib
import logging
import mimetypes
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Literal

from pywa.errors import WhatsAppError
from pywa_async.client import WhatsApp

from bot.settings import Settings
from bot.whatsapp.render import render
from bot.wiring import Services
from handlers.i18n import Translator
from handlers.replies import Attachment, OutMessage
from models.uow import UnitOfWorkFactory

log = logging.getLogger(__name__)

MEDIA_ID_REUSE = timedelta(days=29)
"""A day short of the 30 days WhatsApp keeps an upload, so no send races its expiry."""
IMAGE_LIMIT = 5 * 1024 * 1024
DOCUMENT_LIMIT = 100 * 1024 * 1024
IMAGE_TYPES = {b"\xff\xd8\xff": "image/jpeg", b"\x89PNG\r\n\x1a\n": "image/png"}
DOCUMENT_TYPES = {
    ".json": "text/plain",  # WhatsApp takes no application/json; the file keeps its name
    ".csv": "text/plain",
    ".txt": "text/plain",
    ".pdf": "application/pdf",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@dataclass(frozen=True, slots=True)
class MediaFile:
    """An attachment's content as WhatsApp takes it."""

    kind: Literal["image", "document"]
    data: bytes
    mime_type: str
    filename: str
    stored: bool = False
    """A file kept in the media folder (a product photo), sent again and again: its media
    id is remembered. A file made for one message (a chart, an export) is not."""

    @property
    def limit(self) -> int:
        return IMAGE_LIMIT if self.kind == "image" else DOCUMENT_LIMIT

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.mime_type.encode() + b"\0" + self.data).hexdigest()


def media_file(attachment: Attachment, media_dir: Path) -> MediaFile:
    """The attachment's bytes and type; a photo that is neither JPEG nor PNG goes as a
    document, which WhatsApp shows as a file."""
    stored = attachment.data is None
    if attachment.data is not None:
        data = attachment.data
        name = attachment.filename or "lampiran"
    elif attachment.path is not None:
        path = media_dir / attachment.path
        data = path.read_bytes()
        name = attachment.filename or path.name
    else:
        raise ValueError(f"attachment without content: {attachment!r}")
    image_type = next((t for magic, t in IMAGE_TYPES.items() if data.startswith(magic)), None)
    if attachment.kind == "photo" and image_type is not None:
        return MediaFile("image", data, image_type, name, stored)
    suffix = Path(name).suffix.lower()
    guessed = DOCUMENT_TYPES.get(suffix) or mimetypes.guess_type(name)[0]
    return MediaFile("document", data, guessed or "application/pdf", name, stored)


class WhatsAppSender:
    """Sends engine messages, with their attachments, to one WhatsApp user at a time."""

    def __init__(
        self,
        wa: WhatsApp,
        uow_factory: UnitOfWorkFactory,
        clock: Callable[[], datetime],
        media_dir: Path,
    ) -> None:
        self._wa = wa
        self._uow_factory = uow_factory
        self._clock = clock
        self._media_dir = media_dir

    async def send(self, to: str, message: OutMessage, tr: Translator) -> str | None:
        """Sends ``message``; returns the id WhatsApp gave its last part (the text)."""
        for attachment in ordered(message.attachments):
            file = media_file(attachment, self._media_dir)
            try:
                await self.send_file(to, file, tr)
            except WhatsAppError as failure:  # the text still goes, saying what did not
                log.warning("a %s could not be sent: WhatsApp error %s", file.kind, failure.code)
                await self._wa.send_message(to, tr("whatsapp-file-failed", name=file.filename))
        sent_id = None
        for outgoing in render(message, tr):
            sent = await self._wa.send_message(to, outgoing.text, buttons=outgoing.buttons)
            sent_id = sent.id
        return sent_id

    async def send_file(self, to: str, file: MediaFile, tr: Translator) -> None:
        if len(file.data) > file.limit:
            log.info(
                "a %s of %d bytes is over WhatsApp's limit: told instead", file.kind, len(file.data)
            )
            await self._wa.send_message(to, too_large(file, tr))
            return
        known = await self.known_id(file) if file.stored else None
        if known is not None:
            try:
                await self._send_media(to, file, known)
                return
            except WhatsAppError as failure:  # deleted early on WhatsApp's side: upload again
                log.info("media id refused (%s): uploading again", failure.code)
        await self._send_media(to, file, await self.upload(file))

    async def _send_media(self, to: str, file: MediaFile, media_id: str) -> None:
        if file.kind == "image":
            await self._wa.send_image(to, media_id)
        else:
            await self._wa.send_document(to, media_id, filename=file.filename)

    async def known_id(self, file: MediaFile) -> str | None:
        """The media id of this content's upload while WhatsApp still keeps it."""
        async with self._uow_factory() as uow:
            known = await uow.whatsapp_media.get(file.content_hash)
            if known is not None and self._clock() - known.uploaded_at < MEDIA_ID_REUSE:
                return known.media_id
        return None

    async def upload(self, file: MediaFile) -> str:
        """A new upload's media id, remembered for a stored file (the ids of uploads older
        than :data:`MEDIA_ID_REUSE` are dropped meanwhile)."""
        uploaded = await self._wa.upload_media(
            file.data, mime_type=file.mime_type, filename=file.filename
        )
        if file.stored:
            now = self._clock()
            async with self._uow_factory() as uow:
                await uow.whatsapp_media.remember(file.content_hash, uploaded.id, now)
                await uow.whatsapp_media.forget_before(now - MEDIA_ID_REUSE)
                await uow.commit()
        return uploaded.id


def whatsapp_sender(wa: WhatsApp, services: Services, settings: Settings) -> WhatsAppSender:
    return WhatsAppSender(wa, services.uow_factory, services.clock, settings.media_dir)


def ordered(attachments: tuple[Attachment, ...]) -> list[Attachment]:
    """Photos before documents, as on Telegram."""
    return sorted(attachments, key=lambda item: item.kind != "photo")


def too_large(file: MediaFile, tr: Translator) -> str:
    """The line sent instead of a file over WhatsApp's limit."""
    size = f"{len(file.data) / 1_048_576:.1f}"
    limit = file.limit // 1_048_576
    if file.kind == "image":
        return tr("whatsapp-image-too-large", name=file.filename, size=size, limit=limit)
    return tr("whatsapp-document-too-large", name=file.filename, size=size, limit=limit)
