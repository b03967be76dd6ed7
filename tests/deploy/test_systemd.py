"""The systemd units of ``deploy/systemd``: ``systemd-analyze verify`` accepts every one, and the
webhook server's stop timeout outlasts its graceful drain."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from bot.telegram.sending import REPLY_GIVE_UP_SECONDS
from tests.support.components import require_program

UNITS = Path(__file__).resolve().parents[2] / "deploy" / "systemd"
PREFIX = "/opt/umkm-bot"


def unit_files() -> list[Path]:
    return sorted(path for path in UNITS.iterdir() if path.suffix in (".service", ".timer"))


def render(folder: Path) -> list[Path]:
    """The units with the application under ``folder`` instead of /opt/umkm-bot (verify checks
    that each ExecStart program exists and is executable)."""
    program = folder / PREFIX.lstrip("/") / "bin" / "umkm-bot"
    program.parent.mkdir(parents=True)
    program.write_text("#!/bin/sh\n")
    program.chmod(0o755)
    rendered = []
    for unit in unit_files():
        target = folder / unit.name
        target.write_text(unit.read_text().replace(PREFIX, str(program.parent.parent)))
        rendered.append(target)
    return rendered


def test_systemd_analyze_verifies_every_unit(tmp_path: Path) -> None:
    analyze = require_program("systemd-analyze")
    units = render(tmp_path)
    assert {"umkm-bot.service", "umkm-bot-migrate.service"} <= {unit.name for unit in units}
    result = subprocess.run(
        [analyze, "verify", *map(str, units)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == "", result.stderr  # unknown keys are only warned about


def setting(unit: str, key: str) -> str:
    found = re.findall(rf"^{key}=(.*)$", (UNITS / unit).read_text(), re.MULTILINE)
    assert len(found) == 1, f"{key} in {unit}"
    return str(found[0])


def test_the_server_is_given_longer_to_stop_than_it_may_take_to_drain() -> None:
    timeout = setting("umkm-bot.service", "TimeoutStopSec")
    assert timeout.endswith("s")
    assert int(timeout.removesuffix("s")) > REPLY_GIVE_UP_SECONDS + 30
    assert setting("umkm-bot.service", "ExecStart").endswith("umkm-bot serve")
    assert setting("umkm-bot-migrate.service", "ExecStart").endswith("umkm-bot migrate")
    writable = setting("umkm-bot.service", "ReadWritePaths").split()
    assert writable == ["/var/lib/umkm-bot/database", "/var/lib/umkm-bot/media"]
    assert setting("umkm-bot.service", "ProtectSystem") == "strict"
