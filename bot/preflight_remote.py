"""The half of ``umkm-bot check`` that asks Telegram and Meta: is the bot token accepted
(``getMe``), does Telegram send the updates to this deployment (``getWebhookInfo``), are the
WhatsApp token and phone number id accepted, and is this server's clock right (by the ``Date``
of their answers). The token is part of Bot API URLs, so no URL of a request is ever shown.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import httpx
from pywa.utils import Version

from bot.preflight import Finding, ok, problem
from bot.settings import Settings
from bot.web import TELEGRAM_WEBHOOK_PATH, telegram_secret
from bot.whatsapp.client import whatsapp_config

TIMEOUT = httpx.Timeout(10.0, connect=5.0)
CLOCK_TOLERANCE_SECONDS = 30
"""More than Telegram's and Meta's ``Date`` rounding; far less than a day's reminders care."""
RECENT_ERROR_SECONDS = 3600
"""A webhook delivery error younger than this is still a problem."""


@dataclass
class Clock:
    """What the answering servers' ``Date`` headers say of this server's clock."""

    offsets: list[float] = field(default_factory=list)

    def witness(self, response: httpx.Response) -> None:
        date = response.headers.get("date")
        if date:
            self.offsets.append(parsedate_to_datetime(date).timestamp() - time.time())

    def finding(self) -> Finding | None:
        if not self.offsets:
            return None
        offset = min(self.offsets, key=abs)
        if abs(offset) > CLOCK_TOLERANCE_SECONDS:
            direction = "behind" if offset > 0 else "ahead"
            return problem(
                f"this server's clock is {abs(offset):.0f} s {direction}: turn on time "
                "synchronisation (`timedatectl set-ntp true`)"
            )
        return ok("the clock agrees with Telegram's or Meta's servers")


async def remote_findings(settings: Settings) -> list[Finding]:
    clock = Clock()
    async with httpx.AsyncClient(timeout=TIMEOUT) as http:
        findings = await telegram_findings(settings, http, clock)
        findings += await whatsapp_findings(settings, http, clock)
    verdict = clock.finding()
    return findings + ([verdict] if verdict is not None else [])


async def telegram_findings(
    settings: Settings, http: httpx.AsyncClient, clock: Clock
) -> list[Finding]:
    token = settings.telegram_token
    if token is None:
        return [ok("TELEGRAM_BOT_TOKEN is empty: Telegram is not used")]
    base = settings.telegram_api_base_url

    async def call(method: str) -> tuple[int, dict[str, Any]]:
        response = await http.post(f"{base}{token}/{method}")
        clock.witness(response)
        return response.status_code, response.json()

    try:
        status, me = await call("getMe")
        if status in (401, 404):
            return [
                problem(
                    "Telegram refuses TELEGRAM_BOT_TOKEN (Unauthorized): copy the bot's token "
                    "from @BotFather again (/mybots, API Token)"
                )
            ]
        if not me.get("ok"):
            return [problem(f"Telegram answered getMe with {status}: try again later")]
        username = me["result"].get("username", "?")
        _, info = await call("getWebhookInfo")
    except (httpx.HTTPError, ValueError) as error:
        return [
            problem(
                f"the Bot API at TELEGRAM_API_BASE_URL cannot be reached ({type(error).__name__}): "
                "check the server's outgoing HTTPS and DNS"
            )
        ]
    found = [ok(f"Telegram accepts TELEGRAM_BOT_TOKEN (the bot @{username})")]
    return found + webhook_findings(settings, info.get("result") or {})


def webhook_findings(settings: Settings, info: dict[str, Any]) -> list[Finding]:
    """The webhook Telegram has, against the one this deployment serves."""
    url = info.get("url") or ""
    if telegram_secret(settings) is None:
        if url:
            return [
                problem(
                    f"Telegram sends updates to the webhook {url}, but TELEGRAM_WEBHOOK_SECRET is "
                    "empty, so `serve` refuses them and `run` cannot poll: set the secret, or "
                    "call deleteWebhook"
                )
            ]
        return [ok("no Telegram webhook: `umkm-bot run` polls")]
    if not settings.bot_domain:
        return [
            problem(
                "BOT_DOMAIN is empty: set it to the domain the reverse proxy serves (e.g. "
                "katalog.bpbj.example.go.id), so the webhook can be checked"
            )
        ]
    expected = f"https://{settings.bot_domain}{TELEGRAM_WEBHOOK_PATH}"
    if url != expected:
        where = f"to {url}" if url else "nowhere (no webhook set)"
        return [
            problem(
                f"Telegram sends updates {where}, not to this deployment's {expected}: call "
                "setWebhook with that URL and the secret (README), or correct BOT_DOMAIN"
            )
        ]
    pending = info.get("pending_update_count", 0)
    connections = info.get("max_connections", "?")
    found = [
        ok(f"Telegram sends updates to {url} ({pending} waiting, max_connections {connections})")
    ]
    error_at = info.get("last_error_date")
    if error_at and time.time() - error_at < RECENT_ERROR_SECONDS:
        when = datetime.fromtimestamp(error_at, UTC).strftime("%Y-%m-%d %H:%M UTC")
        found.append(
            problem(
                f"Telegram's last delivery failed at {when}: {info.get('last_error_message', '')}. "
                "Check that the reverse proxy runs and `serve` answers /readyz"
            )
        )
    return found


async def whatsapp_findings(
    settings: Settings, http: httpx.AsyncClient, clock: Clock
) -> list[Finding]:
    try:
        config = whatsapp_config(settings)
    except ValueError as half:
        return [problem(str(half))]
    if config is None:
        return [ok("the WHATSAPP_* settings are empty: WhatsApp is not used")]
    url = f"{config.api_base_url.rstrip('/')}/v{Version.GRAPH_API.value}/{config.phone_number_id}"
    headers = {"Authorization": f"Bearer {config.access_token}"}
    try:
        response = await http.get(url, params={"fields": "verified_name"}, headers=headers)
        clock.witness(response)
        answer = response.json()
    except (httpx.HTTPError, ValueError) as error:
        return [
            problem(
                f"the Graph API at WHATSAPP_API_BASE_URL cannot be reached ({type(error).__name__})"
            )
        ]
    if response.status_code == 200:
        return [ok("Meta accepts WHATSAPP_ACCESS_TOKEN and WHATSAPP_PHONE_NUMBER_ID")]
    code = (answer.get("error") or {}).get("code")
    if code == 190 or response.status_code == 401:
        return [
            problem(
                "Meta refuses WHATSAPP_ACCESS_TOKEN (expired or revoked): make a permanent "
                "system user token (README, Connecting a WhatsApp Business number)"
            )
        ]
    if code in (100, 803):
        return [
            problem(
                "Meta does not know WHATSAPP_PHONE_NUMBER_ID for this token: copy the phone "
                "number id (not the number) from WhatsApp > API Setup"
            )
        ]
    return [problem(f"the Graph API refused the check (code {code}): try again later")]
