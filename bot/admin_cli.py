"""Bureau tasks on the server's command line: the catalogue export and staff roles.

Each command opens its own services and one unit of work, and acts as the server itself
(``actor`` None): whoever can run commands on the server is trusted. ``bot/cli.py`` runs them
with ``asyncio.run``.
"""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

from bot.settings import Settings
from bot.wiring import build_services, units_of
from handlers.commands import queue_menu
from models.catalog import load_catalog
from models.services.access import AccessService, Role
from models.services.export import ExportService, export_basename


async def export_command(
    settings: Settings, directory: Path, unit: str | None = None
) -> list[Path]:
    """Writes the CSV and XLSX of approved products (of one unit, or all) into ``directory``;
    returns their paths."""
    services = build_services(settings)
    try:
        async with services.uow_factory() as uow:
            catalog = load_catalog(settings.etalase_file, settings.region_file, settings.served)
            units = units_of(settings, catalog)
            access = AccessService(uow, services.clock, settings.admin_ids, units)
            export = ExportService(uow, access, catalog)
            local_now = services.clock().astimezone(ZoneInfo(settings.timezone))
            basename = export_basename(local_now, unit)
            files = await export.write(None, directory, basename, unit=unit)
        return files.paths
    finally:
        await services.close()


async def grant_role_command(
    settings: Settings,
    telegram_id: int | str,
    role: Role,
    revoke: bool = False,
    unit: str | None = None,
) -> frozenset[Role]:
    """Gives (or takes back) a role by Telegram user id, for ``unit`` (a kabupaten/kota or
    province code; None: the whole deployment); returns the user's roles afterwards.

    Raises :class:`models.errors.InvalidInput` when the user already has (or lacks) the role.
    Their chat's command menu follows, through the outbox, the next time the bot sweeps it.
    """
    services = build_services(settings)
    try:
        async with services.uow_factory() as uow:
            catalog = load_catalog(settings.etalase_file, settings.region_file, settings.served)
            units = units_of(settings, catalog)
            access = AccessService(uow, services.clock, settings.admin_ids, units)
            target = await access.telegram_user(str(telegram_id))
            if revoke:
                await access.revoke(None, target, role, unit)
            else:
                await access.grant(None, target, role, unit)
            roles = await access.roles(target)
            await queue_menu(uow, access, services.locales, services.clock(), target)
            await uow.commit()
        return roles
    finally:
        await services.close()
