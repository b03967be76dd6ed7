"""The pywa client for one WhatsApp Business number, with its webhook routes on our web app."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

import httpx
from pydantic import SecretStr
from pywa.types.base_update import RawUpdate
from pywa_async.client import WhatsApp

from bot.settings import Settings
from bot.whatsapp.webhook import malformed

log = logging.getLogger(__name__)

WEBHOOK_PATH = "/whatsapp/webhook"


@dataclass(frozen=True, slots=True)
class WhatsAppConfig:
    phone_number_id: str
    access_token: str
    app_secret: str
    verify_token: str
    api_base_url: str


def whatsapp_config(settings: Settings) -> WhatsAppConfig | None:
    """The Cloud API credentials; None when none is set, an error when only some are."""
    values = {
        "phone_number_id": _value(settings.whatsapp_phone_number_id),
        "access_token": _value(settings.whatsapp_access_token),
        "app_secret": _value(settings.whatsapp_app_secret),
        "verify_token": _value(settings.whatsapp_verify_token),
    }
    present = {name: value for name, value in values.items() if value is not None}
    if not present:
        return None
    if len(present) < len(values):
        missing = ", ".join(f"WHATSAPP_{name.upper()}" for name in values if name not in present)
        raise ValueError(f"WhatsApp is half configured: set {missing} too")
    return WhatsAppConfig(**present, api_base_url=settings.whatsapp_api_base_url)


def _value(setting: str | SecretStr | None) -> str | None:
    value = setting.get_secret_value() if isinstance(setting, SecretStr) else setting
    return (value or "").strip() or None


class BotWhatsApp(WhatsApp):
    """pywa's client, completing each verified update before pywa reads it (see
    :func:`complete_update`), and refusing one it cannot read (the webhook answers 400)."""

    async def _call_handlers(self, raw_update: RawUpdate) -> None:  # type: ignore[override]
        complete_update(raw_update)
        try:
            handler_type = self._get_handler_type(raw_update)
            if handler_type is None:
                return
            update = self._handlers_to_updates[handler_type].from_update(
                client=self, update=raw_update
            )
        except Exception as error:  # a field missing or of the wrong type, wherever pywa reads
            log.warning("unreadable WhatsApp update refused: %s", type(error).__name__)
            malformed()
            return
        await self._invoke_callbacks(handler_type, update)


def complete_update(update: dict[str, Any]) -> None:
    """Fills in what pywa needs and Meta may leave out, so no update fails to parse.

    A contact without a business-scoped user id (``user_id``) is keyed by its number
    (``wa_id``); a status webhook, which carries no contact, gets one from its recipient, and
    a message without one from its sender; an error without a message gets its title as the
    message.
    """
    for entry in update.get("entry", ()):
        for change in entry.get("changes", ()):
            value = change.get("value", {})
            for status in value.get("statuses", ()):
                if not value.get("contacts"):
                    user = status.get("recipient_user_id") or status.get("recipient_id")
                    value["contacts"] = [{"wa_id": status.get("recipient_id"), "user_id": user}]
                for error in status.get("errors", ()):
                    error.setdefault("message", error.get("title", ""))
            messages = value.get("messages", ())
            if messages and not value.get("contacts"):
                sender = messages[0]
                user = sender.get("from_user_id") or sender.get("from")
                value["contacts"] = [{"wa_id": sender.get("from"), "user_id": user}]
            for contact in value.get("contacts", ()):
                if not contact.get("user_id") and contact.get("wa_id"):
                    contact["user_id"] = contact["wa_id"]
            for message in value.get("messages", ()):
                if not message.get("from_user_id") and message.get("from"):
                    message["from_user_id"] = message["from"]


def whatsapp_client(config: WhatsAppConfig, session: httpx.AsyncClient) -> WhatsApp:
    """The client, without routes of its own: ``bot/whatsapp/webhook.py`` serves the webhook,
    so that it answers only once the update is durable (pywa's own routes answer first).

    pywa's in-memory de-duplication is off: the engine claims each message id in the database,
    which also holds across restarts and several processes.
    """
    wa = BotWhatsApp(
        phone_id=config.phone_number_id,
        token=config.access_token,
        session=session,
        server=None,
        verify_token=config.verify_token,
        app_secret=config.app_secret,
        skip_duplicate_updates=False,
    )
    # pywa points the session at graph.facebook.com/v<version>; keep its version path.
    session.base_url = httpx.URL(config.api_base_url.rstrip("/") + session.base_url.path)
    return wa
