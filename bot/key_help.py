"""How to make a missing key, in the words of the way the bot was installed: a source checkout
(``python3 manage.py start`` writes both keys), the systemd installation (the installed Python,
the settings in /etc/umkm-bot/umkm-bot.env) or the container (``docker compose run``, the
settings in .env beside compose.yaml)."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path

APP_DIR = Path(__file__).resolve().parents[1]
CONTAINER_MARKS = (Path("/.dockerenv"), Path("/run/.containerenv"))
"""Files Docker and Podman put in every container."""
NEW_KEY = "from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())"


class Route(Enum):
    SOURCE = "source"
    SERVER = "server"
    CONTAINER = "container"


def installed_route() -> Route:
    """A checkout has manage.py beside the code; an installation copies the code alone."""
    if (APP_DIR / "manage.py").is_file():
        return Route.SOURCE
    if any(mark.exists() for mark in CONTAINER_MARKS):
        return Route.CONTAINER
    return Route.SERVER


def settings_file() -> Path | None:
    """The settings file this command read (.env in its folder; a link on the server)."""
    found = Path(".env")
    return found.resolve() if found.exists() else None


def key_help(route: Route, python: str = sys.executable, settings: Path | None = None) -> str:
    """One plain paragraph: the command that prints a new key, and where to put it."""
    both = "Run it twice: one key for DATA_ENCRYPTION_KEYS, another for BLIND_INDEX_KEY."
    match route:
        case Route.SOURCE:
            return (
                "Run `python3 manage.py start` in the bot's folder: it writes both keys into "
                f'.env when neither is set. Or make a key with: python3 -c "{NEW_KEY}". '
                'See README.md, "Sensitive data".'
            )
        case Route.CONTAINER:
            return (
                "Make a key with the bot's image, in the folder of compose.yaml: docker compose "
                f'run --rm --no-deps --entrypoint python bot -c "{NEW_KEY}". {both} Write them '
                "into .env beside compose.yaml, then run docker compose up -d."
            )
    where = settings or Path("/etc/umkm-bot/umkm-bot.env")
    return (
        f'Make a key with the installed Python: {python} -c "{NEW_KEY}". {both} Write them into '
        f"{where} (sudoedit {where}), then run sudo systemctl restart umkm-bot."
    )
