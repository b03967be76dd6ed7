"""Caddy run with the deployment's own ``deploy/Caddyfile``, as a test can: ``tls internal``
(Caddy's own certificate authority, whose root the test client trusts) and free high ports,
its state in a temporary folder, nothing installed into the system's trust store."""

from __future__ import annotations

import os
import ssl
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from tests.support.bot_process import free_port
from tests.support.components import require_program

CADDYFILE = Path(__file__).resolve().parents[2] / "deploy" / "Caddyfile"
SITE = "{$BOT_DOMAIN} {"
OPTIONS = "\n{\n"
START_SECONDS = 20.0


def render(state: Path, http_port: int, https_port: int) -> str:
    """The deployment's Caddyfile with the test's global options and ``tls internal``."""
    source = CADDYFILE.read_text()
    assert source.count(SITE) == 1, "the Caddyfile serves one site, {$BOT_DOMAIN}"
    assert OPTIONS in source, "the Caddyfile has a global options block"
    options = (
        "\tadmin off\n\tskip_install_trust\n"
        f"\thttp_port {http_port}\n\thttps_port {https_port}\n"
        f"\tstorage file_system {state}\n"
    )
    source = source.replace(OPTIONS, OPTIONS + options, 1)
    return source.replace(SITE, SITE + "\n\ttls internal\n")


@dataclass
class Caddy:
    url: str
    """``https://localhost:<port>``."""
    root_certificate: Path
    log: Path

    def client(self) -> httpx.AsyncClient:
        """An HTTPS client that trusts Caddy's internal certificate authority only."""
        context = ssl.create_default_context(cafile=str(self.root_certificate))
        return httpx.AsyncClient(base_url=self.url, verify=context, timeout=30)


@contextmanager
def running_caddy(folder: Path, upstreams: list[int]) -> Iterator[Caddy]:
    """Caddy in front of the ``serve`` processes on ``upstreams`` (ports on 127.0.0.1), which
    may start later: until then their /readyz fails and they get nothing."""
    caddy = require_program("caddy")
    folder.mkdir(parents=True, exist_ok=True)
    https_port = free_port()
    config = folder / "Caddyfile"
    config.write_text(render(folder / "state", free_port(), https_port))
    env = {
        **os.environ,
        "BOT_DOMAIN": f"localhost:{https_port}",
        "BOT_UPSTREAMS": " ".join(f"127.0.0.1:{port}" for port in upstreams),
        "BOT_HEALTH_INTERVAL": "1s",
        "BOT_FAIL_DURATION": "1s",
        "XDG_DATA_HOME": str(folder / "data"),
        "XDG_CONFIG_HOME": str(folder / "config"),
    }
    log = folder / "caddy.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            [caddy, "run", "--config", str(config), "--adapter", "caddyfile"],
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        root = folder / "state" / "pki" / "authorities" / "local" / "root.crt"
        served = Caddy(f"https://localhost:{https_port}", root, log)
        _wait_until_serving(served, process)
        yield served
    finally:
        process.terminate()
        process.wait(timeout=10)


def _wait_until_serving(caddy: Caddy, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"caddy exited:\n{caddy.log.read_text()[-3000:]}")
        if caddy.root_certificate.exists():
            context = ssl.create_default_context(cafile=str(caddy.root_certificate))
            try:
                httpx.get(f"{caddy.url}/", verify=context, timeout=2)
                return
            except httpx.HTTPError:
                pass
        time.sleep(0.1)
    raise TimeoutError(f"caddy did not serve:\n{caddy.log.read_text()[-3000:]}")
