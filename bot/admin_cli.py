"""Bureau tasks on the server's command line: the catalogue export and staff roles.

Each command opens its own services and one unit of work, and acts as the server itself
(``actor`` None): whoever can run commands on the server is trusted. ``bot/cli.py`` runs them
with ``asyncio.run``.
"""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

from bot.settings import Settings
from bot.wiring import build_services
from models.catalog import load_catalog
from models.services.access import AccessService, Role
from models.services.export import ExportService, export_basename


async def export_command(settings: Settings, directory: Path) -> list[Path]:
    """Writes the CSV and XLSX of approved products into ``directory``; returns their paths."""
    services = build_services(settings)
    try:
        async with services.uow_factory() as uow:
            access = AccessService(uow, services.clock, settings.admin_ids)
            catalog = load_catalog(settings.etalase_file, settings.region_file, settings.served)
            export = ExportService(uow, access, catalog)
            local_now = services.clock().astimezone(ZoneInfo(settings.timezone))
            files = await export.write(None, directory, export_basename(local_now))
        return files.paths
    finally:
        await services.close()


async def grant_role_command(
    settings: Settings, telegram_id: int | str, role: Role, revoke: bool = False
) -> frozenset[Role]:
    """Gives (or takes back) a role by Telegram user id; returns the user's roles afterwards.

    Raises :class:`models.errors.InvalidInput` when the user already has (or lacks) the role.
    """
    services = build_services(settings)
    try:
        async with services.uow_factory() as uow:
            access = AccessService(uow, services.clock, settings.admin_ids)
            target = await access.telegram_user(str(telegram_id))
            if revoke:
                await access.revoke(None, target, role)
            else:
                await access.grant(None, target, role)
            roles = await access.roles(target)
            await uow.commit()
        return roles
    finally:
        await services.close()
