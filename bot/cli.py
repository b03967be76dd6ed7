"""Command-line entry: run the bot (Telegram, or the console chat without a token), serve the
webhooks (WhatsApp, Telegram), and the bureau's maintenance tasks."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import signal
import sys
from contextlib import AsyncExitStack
from pathlib import Path

from pydantic import ValidationError
from telegram.ext import Application

from bot.admin_cli import export_command, grant_role_command
from bot.backup import KEYS_NOTICE, backup
from bot.backup_db import BackupFailed
from bot.console import ConsoleChat, read_stdin
from bot.maintenance import rotate_keys
from bot.maintenance_rights import purge_drafts_command
from bot.metrics_server import metrics_served
from bot.migrate import SchemaTooNew, upgrade
from bot.outbox_watch import watching
from bot.preflight import local_findings, settings_findings
from bot.preflight_remote import remote_findings
from bot.redaction import configure_logging
from bot.restore import RestoreRefused, keys_verdict, restore
from bot.serving import serving
from bot.settings import Settings
from bot.telegram.app import TelegramChannel, build_application, running
from bot.telegram.polling import DurablePolling
from bot.web import serve
from bot.wiring import Services, build_services, freeze_start_up_objects, telegram_channel
from models.errors import InvalidInput
from models.services.access import Role

log = logging.getLogger("bot")


def main(argv: list[str] | None = None) -> None:
    args = parser().parse_args(argv)
    if args.verbose:  # so that the processes `serve` starts log at DEBUG too
        os.environ["LOG_LEVEL"] = "DEBUG"
    settings = load_settings()
    configure_logging(settings, verbose=args.verbose)
    if args.command in ("backup", "restore"):  # the copy as it is; a restore migrates after
        backup_or_restore(settings, args)
        return
    if args.command == "check":
        sys.exit(check(settings))
    try:
        upgrade(settings.database_url)
    except SchemaTooNew as too_new:
        sys.exit(f"umkm-bot {args.command} does not start: {too_new}")
    if args.command == "migrate":
        return
    if args.command == "rotate-keys":
        log.info("re-encrypted %d stored numbers", asyncio.run(rotate_keys(settings)))
        return
    if args.command == "purge-drafts":
        purged = asyncio.run(purge_drafts_command(settings))
        log.info("purged %d registrations, %d products", purged.registrations, purged.products)
        return
    if args.command == "serve":
        with serving(settings.database_url):
            serve(settings)
        return
    if args.command == "export":
        for path in asyncio.run(export_command(settings, args.dir, args.unit)):
            print(path)
        return
    if args.command == "role":
        change_role(settings, args.action, args.telegram_id, Role(args.role), args.unit)
        return
    token = settings.telegram_token
    with serving(settings.database_url):
        if args.command == "console" or token is None:
            if args.command != "console":
                log.info("TELEGRAM_BOT_TOKEN is not set: starting the console chat")
            asyncio.run(run_console(settings, args.user))
        else:
            run_telegram(settings, token)


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="umkm-bot", description=__doc__)
    root.add_argument("-v", "--verbose", action="store_true", help="debug logging")
    root.add_argument("--user", default="demo", help="console user id (default: demo)")
    root.set_defaults(command="run")
    commands = root.add_subparsers(dest="command", metavar="command")
    for name, text in (
        ("run", "Telegram if a token is set, else the console chat (the default)"),
        ("console", "always the console chat"),
        ("serve", "the webhook server for WhatsApp (and Telegram webhooks)"),
        ("migrate", "only update the database schema"),
        ("check", "tell what would stop the bot working (settings, database, keys, Telegram, …)"),
        ("rotate-keys", "re-encrypt NIK and NPWP with the first of DATA_ENCRYPTION_KEYS"),
        ("purge-drafts", "delete drafts never submitted and idle for DRAFT_RETENTION_DAYS"),
    ):
        commands.add_parser(name, help=text)
    export = commands.add_parser("export", help="approved products as CSV and XLSX files")
    export.add_argument("--dir", type=Path, default=Path("."), help="output folder")
    export.add_argument("--unit", help="only one unit: a kabupaten/kota code such as 35.73")
    copy = commands.add_parser("backup", help="database, media files and manifest in one archive")
    copy.add_argument("dir", nargs="?", type=Path, help="output folder (default: BACKUP_DIR)")
    back = commands.add_parser("restore", help="put a backup back, with the bot stopped")
    back.add_argument("file", type=Path, help="an archive `umkm-bot backup` wrote")
    back.add_argument("--force", action="store_true", help="replace a database that has rows")
    role = commands.add_parser("role", help="give or take back a staff role")
    role.add_argument("action", choices=("grant", "revoke"))
    role.add_argument("telegram_id", help="the person's Telegram user id")
    role.add_argument("role", choices=[role.value for role in Role])
    role.add_argument("--unit", help="for one unit: a kabupaten/kota (35.73) or province (35) code")
    return root


def backup_or_restore(settings: Settings, args: argparse.Namespace) -> None:
    """Prints where the archive went, or what was restored; always where the keys must be."""
    try:
        if args.command == "backup":
            print(backup(settings, args.dir))
        else:
            manifest = restore(settings, args.file, force=args.force)
            print(
                f"restored the backup of {manifest.created_at}: {sum(manifest.rows.values())} rows"
            )
            print(keys_verdict(settings))
    except (BackupFailed, RestoreRefused) as error:
        sys.exit(f"{args.command} failed: {error}")
    print(KEYS_NOTICE)


def load_settings() -> Settings:
    """The settings, or an exit naming each invalid one (never its value)."""
    try:
        return Settings()
    except ValidationError as error:
        sys.exit("\n".join(finding.line() for finding in settings_findings(error)))


def check(settings: Settings) -> int:
    """Prints one line per check; 1 when anything is wrong."""
    logging.getLogger("httpx").setLevel(logging.WARNING)  # one line per check, not per request
    findings = asyncio.run(local_findings(settings))
    findings += asyncio.run(remote_findings(settings))
    for finding in findings:
        print(finding.line())
    faults = sum(finding.problem for finding in findings)
    print(f"{faults} problem(s) found" if faults else "everything checked is ready")
    return 1 if faults else 0


def change_role(
    settings: Settings, action: str, telegram_id: str, role: Role, unit: str | None = None
) -> None:
    try:
        roles = asyncio.run(
            grant_role_command(settings, telegram_id, role, revoke=action == "revoke", unit=unit)
        )
    except InvalidInput as error:
        sys.exit(f"{error.key}: {error.args_map}")
    print(f"{telegram_id}: {', '.join(sorted(roles)) or '-'}")


async def run_console(settings: Settings, user: str) -> None:
    services = build_services(settings)
    freeze_start_up_objects()
    try:
        chat = ConsoleChat(services.engine, services.locales, user, print, settings.media_dir)
        await chat.run(read_stdin)
    finally:
        await services.close()


def run_telegram(settings: Settings, token: str) -> None:
    services: Services = build_services(settings)
    channel = telegram_channel(services, settings)
    application = build_application(
        token,
        channel,
        base_url=settings.telegram_api_base_url,
        base_file_url=settings.telegram_api_file_url,
    )

    freeze_start_up_objects()
    log.info("starting Telegram long polling")
    with metrics_served(settings):
        asyncio.run(poll(services, application, channel, watch_outbox=settings.outbox_watch))


async def poll(
    services: Services,
    application: Application,  # type: ignore[type-arg]
    channel: TelegramChannel,
    *,
    watch_outbox: bool,
) -> None:
    """Polls until SIGINT or SIGTERM, then finishes every update accepted. With
    ``watch_outbox``, what another process queues for Telegram goes out at once."""
    polling = DurablePolling(application, channel)
    loop = asyncio.get_running_loop()
    for stop_signal in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(stop_signal, polling.stop)
    try:
        async with running(application), AsyncExitStack() as stack:
            if watch_outbox:
                await stack.enter_async_context(watching(services))
            await polling.run()
    finally:
        await services.close()
