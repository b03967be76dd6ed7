"""compose.yaml as Docker Compose reads it: only Caddy listens outside the host, the migrations
run to completion before the bot starts, PostgreSQL is healthy before either, data lives in
named volumes, and secrets come from `.env`, which never goes into the image.

The file is read with Debian's YAML parser (python3-yaml, which `.ci/debian-packages` lists);
the bot itself has no YAML dependency.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEBIAN_PYTHON = "/usr/bin/python3"
TO_JSON = "import json, sys, yaml; json.dump(yaml.safe_load(sys.stdin), sys.stdout)"


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    if subprocess.run([DEBIAN_PYTHON, "-c", "import yaml"], capture_output=True).returncode:
        message = "python3-yaml is not installed (.ci/debian-packages lists it)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    read = subprocess.run(
        [DEBIAN_PYTHON, "-c", TO_JSON],
        input=(ROOT / "compose.yaml").read_text(),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    parsed: dict[str, Any] = json.loads(read.stdout)
    return parsed


def test_only_caddy_publishes_ports_and_only_the_web_ones(compose: dict[str, Any]) -> None:
    published = {name: service.get("ports") for name, service in compose["services"].items()}
    assert {name for name, ports in published.items() if ports} == {"caddy"}
    assert {port.split(":")[0] for port in published["caddy"]} == {"80", "443"}


def test_the_migration_completes_before_the_bot_starts(compose: dict[str, Any]) -> None:
    services = compose["services"]
    assert services["migrate"]["command"] == ["migrate"]
    assert services["migrate"]["restart"] == "no"
    assert services["bot"]["command"] == ["serve"]
    assert services["bot"]["depends_on"] == {
        "postgres": {"condition": "service_healthy"},
        "migrate": {"condition": "service_completed_successfully"},
    }
    assert services["migrate"]["depends_on"] == {"postgres": {"condition": "service_healthy"}}
    assert "pg_isready" in services["postgres"]["healthcheck"]["test"]


def test_data_lives_in_named_volumes(compose: dict[str, Any]) -> None:
    services, named = compose["services"], set(compose["volumes"])
    assert "bot-data:/var/lib/umkm-bot" in services["bot"]["volumes"]
    assert "postgres-data:/var/lib/postgresql/data" in services["postgres"]["volumes"]
    for name, service in services.items():
        for volume in service.get("volumes", []):
            source = volume.split(":")[0]
            assert source.startswith("./") or source in named, (name, volume)


def test_secrets_come_from_the_env_file_and_stay_out_of_the_image(
    compose: dict[str, Any],
) -> None:
    for name in ("bot", "migrate"):
        assert compose["services"][name]["env_file"] == ".env"
    assert "env_file" not in compose["services"]["caddy"]
    ignored = (ROOT / ".dockerignore").read_text().splitlines()
    assert ".env" in ignored
