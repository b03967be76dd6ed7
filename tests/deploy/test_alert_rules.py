"""The alerting rules in deploy/prometheus: valid for Prometheus (Debian's ``promtool``), firing
when their unit tests say (``promtool test rules``), and naming only metrics the bot serves."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from prometheus_client import generate_latest

from bot.metrics_server import registry
from bot.settings import Settings
from tests.support.components import require_program

RULES = Path(__file__).resolve().parents[2] / "deploy" / "prometheus"
UNIT_TESTS = Path(__file__).resolve().parent / "alert_rules.test.yml"
SUFFIXES = {"counter": ("",), "histogram": ("_bucket", "_count", "_sum"), "gauge": ("",)}


def promtool(*arguments: str) -> str:
    done = subprocess.run(
        [require_program("promtool"), *arguments],
        cwd=RULES,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def test_rules_are_valid_and_fire_as_their_tests_say() -> None:
    assert "SUCCESS: 8 rules found" in promtool("check", "rules", "umkm-bot-alerts.yml")
    assert "SUCCESS" in promtool("test", "rules", str(UNIT_TESTS))


def test_rules_name_only_metrics_the_bot_serves(settings: Settings) -> None:
    exposition = generate_latest(registry(settings, workers=1)).decode()
    served = {
        name + suffix
        for name, kind in re.findall(r"^# TYPE (\w+) (\w+)$", exposition, re.MULTILINE)
        for suffix in SUFFIXES.get(kind, ("",))
    }
    named = set(re.findall(r"\bumkm_bot_\w+", (RULES / "umkm-bot-alerts.yml").read_text()))
    assert named and named <= served, named - served
