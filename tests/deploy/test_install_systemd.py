"""``deploy/install-systemd.sh`` run for real on a fresh Debian 12 server (tests/deploy/
debian_server.py), then again as an upgrade: the user, the application, the folders, the
settings readable by root and the bot only, the `umkm-bot` command (which migrates the SQLite
database the settings name), the units enabled and accepted by ``systemd-analyze verify``, and
the settings an operator filled in and the database kept.

A cold run builds the server's image (a few minutes); later runs reuse it.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import POSTGRES_URL
from tests.deploy.debian_server import SOURCE, release, running_server, server_image
from tests.support.components import require_program
from tests.support.podman import Podman, base_image, tail

pytestmark = pytest.mark.skipif(
    bool(POSTGRES_URL), reason="no database involved: runs once, in the SQLite run"
)

INSTALL = f"{SOURCE}/deploy/install-systemd.sh"
SETTINGS = "/etc/umkm-bot/umkm-bot.env"
DATABASE = "/var/lib/umkm-bot/database/umkm-bot.sqlite3"
"""Where the settings file made from .env.example puts the SQLite database."""
BACKUP_TIMER = """\
[Unit]
Description=stand-in for the backup timer

[Timer]
OnCalendar=daily

[Install]
WantedBy=timers.target
"""
BACKUP_SERVICE = "[Unit]\nDescription=stand-in\n\n[Service]\nType=oneshot\nExecStart=/bin/true\n"
UNITS = {
    "umkm-bot.service": "multi-user.target.wants",
    "umkm-bot-migrate.service": "multi-user.target.wants",
    "umkm-bot-backup.timer": "timers.target.wants",
}


@pytest.fixture(scope="module")
def podman(tmp_path_factory: pytest.TempPathFactory) -> Podman:
    require_program("runc")
    return Podman(require_program("podman"), tmp_path_factory.mktemp("podman"))


@pytest.fixture(scope="module")
def server(podman: Podman, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A running fresh server, with the release (and a backup timer) in /usr/local/src."""
    workdir = tmp_path_factory.mktemp("server")
    image = server_image(podman, base_image(podman, require_program("debootstrap")), workdir)
    source = release(workdir / "release")
    units = source / "deploy" / "systemd"
    if not (units / "umkm-bot-backup.timer").exists():  # the timer comes with the backups
        (units / "umkm-bot-backup.timer").write_text(BACKUP_TIMER)
        (units / "umkm-bot-backup.service").write_text(BACKUP_SERVICE)
    with running_server(podman, image, source, workdir) as name:
        yield name


def install(podman: Podman, server: str) -> str:
    done = podman("exec", server, INSTALL, timeout=300, check=False)
    assert done.returncode == 0, tail(done)
    return done.stdout


def owners_and_modes(podman: Podman, server: str, *paths: str) -> dict[str, str]:
    done = podman("exec", server, "stat", "--format=%n %U:%G %a", *paths)
    return dict(line.split(" ", 1) for line in done.stdout.splitlines())


def enabled(podman: Podman, server: str) -> list[str]:
    """systemd's own answer, offline, for each of :data:`UNITS`."""
    return podman("exec", server, "systemctl", "is-enabled", *UNITS, check=False).stdout.split()


def test_installs_as_services_then_upgrades_keeping_the_settings(
    podman: Podman, server: str
) -> None:
    assert "umkm-bot check" in install(podman, server)  # the next steps, for the operator

    account = podman("exec", server, "getent", "passwd", "umkm-bot").stdout.strip().split(":")
    assert int(account[2]) < 1000, "a system user"
    assert account[5:] == ["/var/lib/umkm-bot", "/usr/sbin/nologin"]
    expected = {
        "/var/lib/umkm-bot": "root:umkm-bot 755",
        "/var/lib/umkm-bot/database": "umkm-bot:umkm-bot 750",
        "/var/lib/umkm-bot/media": "umkm-bot:umkm-bot 750",
        "/var/cache/umkm-bot": "umkm-bot:umkm-bot 750",
        "/etc/umkm-bot": "root:umkm-bot 750",
        SETTINGS: "root:umkm-bot 640",
        "/usr/local/bin/umkm-bot": "root:root 755",
    }
    assert owners_and_modes(podman, server, *expected) == expected
    settings = podman("exec", server, "cat", SETTINGS).stdout
    assert f"DATABASE_URL=sqlite+aiosqlite:///{DATABASE}\n" in settings
    assert "MEDIA_DIR=/var/lib/umkm-bot/media\n" in settings

    # The command an operator runs: as the bot's user, in its folder, with its settings; the
    # database it makes is the bot's, and its group's only.
    helped = podman("exec", server, "/usr/local/bin/umkm-bot", "--help", check=False)
    assert helped.returncode == 0 and helped.stderr == "", tail(helped)
    assert "serve" in helped.stdout and "check" in helped.stdout
    migrated = podman("exec", server, "/usr/local/bin/umkm-bot", "migrate", check=False)
    assert migrated.returncode == 0, tail(migrated)
    expected[DATABASE] = "umkm-bot:umkm-bot 640"
    assert owners_and_modes(podman, server, DATABASE) == {DATABASE: expected[DATABASE]}
    readable = [
        podman("exec", server, "runuser", "-u", user, "--", "test", "-r", SETTINGS, check=False)
        for user in ("umkm-bot", "nobody")
    ]
    assert [done.returncode for done in readable] == [0, 1], "the bot's user only reads it"

    assert enabled(podman, server) == ["enabled"] * len(UNITS)
    for unit, wants in UNITS.items():
        link = f"/etc/systemd/system/{wants}/{unit}"
        target = podman("exec", server, "readlink", link).stdout.strip()
        assert target == f"/etc/systemd/system/{unit}"
    installed = [f"/etc/systemd/system/{unit}" for unit in UNITS]
    verified = podman("exec", server, "systemd-analyze", "verify", *installed, check=False)
    assert (verified.returncode, verified.stderr) == (0, ""), tail(verified)

    # The operator fills in the settings; an upgrade installs again and keeps them.
    filled = settings + "BUREAU_NAME=BPBJ Kota Batu\n"
    podman("exec", server, "sh", "-c", f"echo 'BUREAU_NAME=BPBJ Kota Batu' >> {SETTINGS}")
    install(podman, server)
    assert podman("exec", server, "cat", SETTINGS).stdout == filled
    assert owners_and_modes(podman, server, *expected) == expected  # the database kept too
    assert enabled(podman, server) == ["enabled"] * len(UNITS)
