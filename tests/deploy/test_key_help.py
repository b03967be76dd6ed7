"""``umkm-bot check`` without keys tells how to make one in the words of the installation: the
checkout's ``manage.py start``, the server's installed Python and settings file, or the
container's ``docker compose run``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

from bot import key_help as module
from bot.key_help import NEW_KEY, Route, installed_route, key_help
from bot.preflight import Finding, keyring_finding
from bot.settings import Settings
from models.crypto import KEY_HELP


def test_the_route_is_told_from_what_is_installed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert installed_route() is Route.SOURCE  # this checkout
    app = tmp_path / "opt" / "umkm-bot" / "app"  # what install-app.sh copies: no manage.py
    app.mkdir(parents=True)
    monkeypatch.setattr(module, "APP_DIR", app)
    mark = tmp_path / ".dockerenv"
    monkeypatch.setattr(module, "CONTAINER_MARKS", (mark,))
    assert installed_route() is Route.SERVER
    mark.write_text("")
    assert installed_route() is Route.CONTAINER


def test_the_installed_python_prints_a_key() -> None:
    """The command the server's help gives, with this environment's Python, makes a key."""
    help_text = key_help(Route.SERVER, sys.executable, Path("/etc/umkm-bot/umkm-bot.env"))
    assert f'{sys.executable} -c "{NEW_KEY}"' in help_text
    assert "/etc/umkm-bot/umkm-bot.env" in help_text and "manage.py" not in help_text
    assert "systemctl restart umkm-bot" in help_text
    printed = subprocess.run(
        [sys.executable, "-c", NEW_KEY], capture_output=True, text=True, check=True, timeout=60
    ).stdout.strip()
    Fernet(printed)  # a valid key


def test_the_container_help_uses_compose() -> None:
    help_text = key_help(Route.CONTAINER)
    assert "docker compose run --rm --no-deps --entrypoint python bot -c" in help_text
    assert ".env beside compose.yaml" in help_text and "manage.py" not in help_text


def test_check_names_the_fix_of_its_route(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = Settings(_env_file=None)
    findings: list[Finding] = []
    assert keyring_finding(settings, findings) is None
    [checkout] = findings
    assert "python3 manage.py start" in checkout.text

    config = tmp_path / "etc" / "umkm-bot.env"
    config.parent.mkdir()
    config.write_text("")
    (tmp_path / "state").mkdir()
    (tmp_path / "state" / ".env").symlink_to(config)
    monkeypatch.chdir(tmp_path / "state")
    monkeypatch.setattr(module, "APP_DIR", tmp_path)
    monkeypatch.setattr(module, "CONTAINER_MARKS", ())
    findings.clear()
    keyring_finding(settings, findings)
    [server] = findings
    text = server.text
    assert "DATA_ENCRYPTION_KEYS is not set" in text
    assert f"{sys.executable} -c" in text and str(config) in text
    assert "manage.py" not in text and KEY_HELP not in text
