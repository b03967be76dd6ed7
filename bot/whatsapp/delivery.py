"""Queued messages delivered on WhatsApp: free-form inside the 24-hour service window, and
through the approved message template outside it (its name in ``WHATSAPP_NOTIFICATION_TEMPLATE``;
its body must have one parameter, ``{{1}}``, which receives the message text). Each delivery
returns WhatsApp's id of the message (``wamid``), which its status webhooks name."""

from __future__ import annotations

from pywa.errors import WhatsAppError
from pywa.types.templates import TemplateLanguage
from pywa_async.client import WhatsApp

from bot.log_summary import describe_error
from bot.outbox import DeliveryError, Recipient
from bot.whatsapp.render import shorten
from bot.whatsapp.sending import WhatsAppSender
from handlers.i18n import Locales
from handlers.replies import OutMessage

TEMPLATE_PARAMETER_LIMIT = 1024
TEMPLATE_LANGUAGES = {"id": TemplateLanguage.INDONESIAN, "en": TemplateLanguage.ENGLISH}


class WhatsAppDelivery:
    def __init__(
        self, wa: WhatsApp, locales: Locales, template: str | None, sender: WhatsAppSender
    ) -> None:
        self._wa = wa
        self._locales = locales
        self._template = template
        self._sender = sender

    async def __call__(self, recipient: Recipient, message: OutMessage) -> str | None:
        if message.command_menu is not None:  # WhatsApp has no command menu
            return None
        try:
            if recipient.window_open:
                translator = self._locales.translator(recipient.language)
                return await self._sender.send(recipient.address, message, translator)
            if self._template:
                sent = await self._wa.send_template(
                    recipient.address,
                    self._template,
                    TEMPLATE_LANGUAGES.get(recipient.language, TemplateLanguage.INDONESIAN),
                    params=[body_parameter(shorten(message.text, TEMPLATE_PARAMETER_LIMIT))],
                )
                return sent.id
            raise DeliveryError("outside the 24-hour window and no template", permanent=True)
        except WhatsAppError as failure:
            raise DeliveryError(describe_error(failure)) from failure  # its code, not its text


def body_parameter(text: str) -> dict[str, object]:
    """The template's body component with its one text parameter, as the Cloud API takes it."""
    return {"type": "body", "parameters": [{"type": "text", "text": text}]}
