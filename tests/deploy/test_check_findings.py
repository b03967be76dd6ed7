"""The checks of ``umkm-bot check`` that need no process of their own: invalid settings, a media
folder that cannot be written, WhatsApp's token and phone number id, and the clock."""

from __future__ import annotations

from email.utils import formatdate
from pathlib import Path
from time import time

import httpx
import pytest

from bot.cli import load_settings
from bot.preflight import media_finding
from bot.preflight_remote import Clock, whatsapp_findings
from bot.settings import Settings
from tests.whatsapp.chat import whatsapp_settings


def test_invalid_settings_are_named_without_their_values(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WEB_PORT", "99999")
    monkeypatch.setenv("MAX_PHOTO_MB", "lots")
    with pytest.raises(SystemExit) as stopped:
        load_settings()
    lines = str(stopped.value.code).splitlines()
    assert [line.split(" is invalid")[0] for line in lines] == [
        "PROBLEM  setting WEB_PORT",
        "PROBLEM  setting MAX_PHOTO_MB",
    ]
    assert "99999" not in str(stopped.value.code) and "lots" not in str(stopped.value.code)


def test_the_domain_is_taken_without_a_scheme_or_slash() -> None:
    for given in ("katalog.example.go.id", " https://katalog.example.go.id/ "):
        assert Settings(_env_file=None, bot_domain=given).bot_domain == "katalog.example.go.id"


def test_a_media_folder_that_cannot_be_made_is_named(tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("")
    finding = media_finding(tmp_path / "a-file" / "media")
    assert finding.problem and "MEDIA_DIR" in finding.text
    assert not media_finding(tmp_path / "media").problem


@pytest.mark.parametrize(
    ("status", "error", "named"),
    [
        (200, None, None),
        (401, {"code": 190, "message": "Invalid OAuth access token"}, "WHATSAPP_ACCESS_TOKEN"),
        (400, {"code": 100, "message": "Unsupported get request"}, "WHATSAPP_PHONE_NUMBER_ID"),
    ],
)
async def test_whatsapp_token_and_phone_number_id(
    settings: Settings, status: int, error: dict[str, object] | None, named: str | None
) -> None:
    asked: list[httpx.Request] = []

    def graph(request: httpx.Request) -> httpx.Response:
        asked.append(request)
        body = {"error": error} if error else {"verified_name": "BPBJ", "id": "1"}
        return httpx.Response(status, json=body)

    async with httpx.AsyncClient(transport=httpx.MockTransport(graph)) as http:
        [finding] = await whatsapp_findings(whatsapp_settings(settings), http, Clock())
    assert finding.problem == (named is not None)
    assert named is None or named in finding.text
    assert asked[0].url.path.endswith("/106540352242922")
    assert asked[0].headers["authorization"] == "Bearer test-access-token-never-sent-anywhere"
    assert "test-access-token" not in finding.text


def test_a_clock_off_by_two_minutes_is_named() -> None:
    clock = Clock()
    clock.witness(httpx.Response(200, headers={"Date": formatdate(time() + 120, usegmt=True)}))
    finding = clock.finding()
    assert finding is not None and finding.problem
    assert "clock is 120 s behind" in finding.text or "clock is 119 s behind" in finding.text
    assert "timedatectl set-ntp true" in finding.text

    clock = Clock()
    clock.witness(httpx.Response(200, headers={"Date": formatdate(time(), usegmt=True)}))
    finding = clock.finding()
    assert finding is not None and not finding.problem
