"""Typed settings, read once from the environment and `.env` in the composition root."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from models.catalog import DEFAULT_ETALASE_PATH, DEFAULT_REGION_PATH
from models.crypto import Keyring
from models.regions import parse_served


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
    web_workers: int = Field(default=1, ge=1, le=64)
    """Worker processes of ``serve`` (uvicorn ``--workers``), all on the same database."""
    serve_hosts: int = Field(default=1, ge=1, le=64)
    """``serve`` hosts behind the reverse proxy on the same database, each with
    ``web_workers`` processes."""
    bot_domain: str = ""
    """The public host name the reverse proxy serves the webhooks at (``:port`` if not 443);
    ``umkm-bot check`` compares Telegram's webhook URL with it."""
    report_processes: int = Field(default=1, ge=0, le=8)
    """Worker processes for exports and statistics; 0 runs them in a thread of the bot."""
    max_concurrent_updates: int = Field(default=64, ge=1, le=10_000)
    """Updates of different chats handled at once by one process; a chat's own updates always
    run one at a time, in order."""
    max_pending_updates: int = Field(default=256, ge=1, le=100_000)
    """Updates one process has accepted and not finished, beyond which its webhooks answer 503
    with ``Retry-After``: Telegram and Meta deliver them again a little later, so an overload
    delays the updates it cannot take instead of every update."""
    telegram_messages_per_second: float = Field(default=25, gt=0, le=30)
    outbox_watch: bool = True
    """Deliver what another process queued at once (``bot/outbox_watch.py``), not at the next
    sweep."""
    """Queued messages (notices, broadcasts) sent to Telegram per second by all ``serve``
    workers together; each of the ``web_workers`` takes its share."""

    admin_telegram_ids: str = ""
    """Comma-separated Telegram user ids of the first superadmins."""
    staff_group_chat_id: str | None = None
    """A Telegram group of the bureau's staff where every new submission is announced."""

    database_url: str = "sqlite+aiosqlite:///umkm-bot.sqlite3"
    database_echo: bool = False
    database_pool_size: int = Field(default=20, ge=1, le=1_000)
    """Connections each process keeps open; an update holds one only for its transaction (its
    replies are sent after), so a few serve ``MAX_CONCURRENT_UPDATES`` chats. Never more:
    connections opened beyond the pool and closed again cost PostgreSQL a backend each time."""
    reports_database_url: str | None = None
    """Where exports and statistics read: a read replica, so that they take no CPU from the
    database the chats write to. Unset: ``database_url``."""

    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    """Of every process (``-v`` on the command line is ``DEBUG``)."""
    log_format: Literal["text", "json"] = "text"
    """``json``: one JSON object per line, for a log system (``bot/log_format.py``)."""

    metrics_host: str = "127.0.0.1"
    metrics_port: int = Field(default=9710, ge=0, le=65535)
    """Prometheus metrics of ``run`` and ``serve`` (``bot/metrics.py``); 0: not served."""

    backup_dir: Path = Path("backups")
    """Where ``umkm-bot backup`` writes when no folder is given."""
    backup_keep: int = Field(default=14, ge=1)
    """Backups ``umkm-bot backup`` keeps in its folder: the oldest beyond are deleted."""

    data_encryption_keys: SecretStr | None = None
    """Comma-separated Fernet keys for NIK and NPWP: the first encrypts, every one decrypts."""
    blind_index_key: SecretStr | None = None
    """A separate key for the blind index that finds duplicate numbers."""

    default_language: str = "id"
    bureau_name: str = "BPBJ Kota Batu"
    bureau_contact: str = "bpbj@batukota.go.id"
    bureau_phone: str = ""
    """The bureau's phone or WhatsApp number shown in help texts (empty: e-mail only)."""
    data_retention_years: int = Field(default=5, ge=1)
    timezone: str = "Asia/Jakarta"

    etalase_file: Path = DEFAULT_ETALASE_PATH
    region_file: Path = DEFAULT_REGION_PATH
    regions_served: str = ""
    """Comma-separated Kemendagri codes of the provinces ("35") and kabupaten/kota ("35.79")
    served, read from the bundled dataset; empty: the single kota/kabupaten of ``region_file``."""
    bureau_units_file: str = ""
    """A TOML file naming each unit's bureau and contact; units it omits get defaults."""

    media_dir: Path = Path("media")
    max_photo_mb: int = Field(default=5, ge=1, le=50)

    telegram_bot_username: str | None = None
    """For the links mentors hand out; read from Telegram at start-up when not set."""
    stuck_after_days: int = Field(default=3, ge=1)
    remind_every_days: int = Field(default=3, ge=1)
    reminder_hour: int = Field(default=8, ge=0, le=23)
    claim_link_hours: int = Field(default=72, ge=1)
    role_invitation_days: int = Field(default=7, ge=1)
    """How long an invitation to a staff role (``/peran undang``) can be taken."""
    whatsapp_number: str = Field(default="", pattern=r"^(\d{8,15})?$")
    """The bot's WhatsApp number in international form without "+" (6281…), for wa.me links."""

    resume_after_minutes: int = Field(default=60, ge=1)

    draft_retention_days: int = Field(default=180, ge=1)
    """Registrations and product drafts never submitted, whose owner has been away this long,
    are deleted (``bot/maintenance_rights.py``)."""
    flood_max_updates: int = Field(default=20, ge=1)
    flood_window_seconds: int = Field(default=10, ge=1)
    """More than ``flood_max_updates`` updates from one user within this window is a flood."""

    target_vendors: int = Field(default=1000, ge=1)
    target_products: int = Field(default=10_000, ge=1)
    """Approved vendors and products the bureau aims for, shown in the staff statistics."""

    @field_validator("log_level", mode="before")
    @classmethod
    def _upper_case_level(cls, value: object) -> object:
        return value.strip().upper() if isinstance(value, str) else value

    @field_validator("log_format", mode="before")
    @classmethod
    def _lower_case_format(cls, value: object) -> object:
        return value.strip().lower() if isinstance(value, str) else value

    @field_validator("bot_domain", mode="before")
    @classmethod
    def _bare_domain(cls, value: object) -> object:
        """``https://katalog.example.go.id/`` is taken as the domain it names."""
        if not isinstance(value, str):
            return value
        return value.strip().removeprefix("https://").removeprefix("http://").rstrip("/")

    @property
    def admin_ids(self) -> frozenset[str]:
        return frozenset(
            part.strip() for part in self.admin_telegram_ids.split(",") if part.strip()
        )

    @property
    def serve_processes(self) -> int:
        """Webhook processes sharing the database: every host's workers."""
        return self.web_workers * self.serve_hosts

    @property
    def shares_database(self) -> bool:
        """Another ``serve`` process may get the next update of a chat."""
        return self.serve_processes > 1

    @property
    def served(self) -> tuple[str, ...]:
        return parse_served(self.regions_served)

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

    def keyring(self) -> Keyring:
        """The keys protecting identity numbers; raises :class:`models.crypto.KeysMissing`
        when they are not set: nothing is ever derived or defaulted silently."""
        return Keyring.parse(_secret(self.data_encryption_keys), _secret(self.blind_index_key))


def _secret(value: SecretStr | None) -> str | None:
    return value.get_secret_value() if value is not None else None
