"""Typed settings, read once from the environment and `.env` in the composition root."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from models.catalog import DEFAULT_ETALASE_PATH, DEFAULT_REGION_PATH


class Settings(BaseSettings):
    """Every setting is documented in `.env.example`."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    telegram_bot_token: SecretStr | None = None
    telegram_api_base_url: str = "https://api.telegram.org/bot"
    telegram_api_file_url: str = "https://api.telegram.org/file/bot"
    telegram_webhook_secret: SecretStr | None = None

    whatsapp_phone_number_id: str | None = None
    whatsapp_access_token: SecretStr | None = None
    whatsapp_app_secret: SecretStr | None = None
    whatsapp_verify_token: SecretStr | None = None
    whatsapp_api_base_url: str = "https://graph.facebook.com"
    whatsapp_notification_template: str | None = None
    """An approved template with one body parameter, for notices outside the 24-hour window."""

    web_host: str = "127.0.0.1"
    web_port: int = Field(default=8080, ge=1, le=65535)

    admin_telegram_ids: str = ""
    """Comma-separated Telegram user ids of the first superadmins."""

    database_url: str = "sqlite+aiosqlite:///umkm-bot.sqlite3"
    database_echo: bool = False

    default_language: str = "id"
    bureau_name: str = "BPBJ Kota Batu"
    bureau_contact: str = "bpbj@batukota.go.id"
    data_retention_years: int = Field(default=5, ge=1)
    timezone: str = "Asia/Jakarta"

    etalase_file: Path = DEFAULT_ETALASE_PATH
    region_file: Path = DEFAULT_REGION_PATH

    media_dir: Path = Path("media")
    max_photo_mb: int = Field(default=5, ge=1, le=50)

    resume_after_minutes: int = Field(default=60, ge=1)

    target_vendors: int = Field(default=1000, ge=1)
    target_products: int = Field(default=10_000, ge=1)

    @property
    def admin_ids(self) -> frozenset[str]:
        return frozenset(
            part.strip() for part in self.admin_telegram_ids.split(",") if part.strip()
        )

    @property
    def resume_after(self) -> timedelta:
        """Idle time after which a returning user is offered to resume instead of answering."""
        return timedelta(minutes=self.resume_after_minutes)

    @property
    def telegram_token(self) -> str | None:
        """The bot token, or None when the bot should run as a console chat."""
        if self.telegram_bot_token is None:
            return None
        value = self.telegram_bot_token.get_secret_value().strip()
        return value or None
