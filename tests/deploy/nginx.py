"""nginx run with the deployment's own ``deploy/nginx`` files, as a test can: a self-signed
certificate (openssl) where certbot would put one, free high ports on 127.0.0.1 for 80 and 443,
and a main configuration of the test's that includes the site as Debian's ``conf.d`` does; all
its state in a temporary folder."""

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

NGINX = Path(__file__).resolve().parents[2] / "deploy" / "nginx"
DOMAIN = "katalog.bpbj.example.go.id"
TEST_DOMAIN = "localhost"
START_SECONDS = 20.0
MAIN = """\
{user}worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/error.log;
events {{
    worker_connections 64;
}}
http {{
    access_log {folder}/access.log;
    client_body_temp_path {folder}/body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    include {folder}/umkm-bot.conf;
}}
"""


@dataclass
class Nginx:
    url: str
    """``https://localhost:<port>``: the site's 443."""
    http_url: str
    """``http://localhost:<port>``: the site's 80, for certbot's challenges."""
    certificate: Path
    challenges: Path
    """The folder served under ``/.well-known/acme-challenge/``."""

    def client(self) -> httpx.AsyncClient:
        """An HTTPS client that trusts the test's self-signed certificate only."""
        context = ssl.create_default_context(cafile=str(self.certificate))
        return httpx.AsyncClient(base_url=self.url, verify=context, timeout=30)


def replace(text: str, old: str, new: str, count: int) -> str:
    """``text`` with ``old`` replaced, which must occur exactly ``count`` times."""
    assert text.count(old) == count, f"{old!r} in deploy/nginx/umkm-bot.conf"
    return text.replace(old, new)


def render_site(folder: Path, upstream: int, http_port: int, https_port: int) -> str:
    """``umkm-bot.conf`` for the test's domain, ports, certificate and upstream ``serve``."""
    site = (NGINX / "umkm-bot.conf").read_text()
    site = replace(site, "    listen [::]:80;\n", "", 1)  # no IPv6 needed on the test's host
    site = replace(site, "    listen [::]:443 ssl http2;\n", "", 1)
    site = replace(site, "listen 80;", f"listen 127.0.0.1:{http_port};", 1)
    site = replace(site, "listen 443 ssl", f"listen 127.0.0.1:{https_port} ssl", 1)
    site = replace(site, f"/etc/letsencrypt/live/{DOMAIN}/", f"{folder}/live/", 2)
    site = replace(site, DOMAIN, TEST_DOMAIN, 4)
    site = replace(site, "/etc/nginx/snippets/", f"{folder}/", 2)
    site = replace(site, "root /var/www/html;", f"root {folder}/www;", 1)
    return replace(site, "server 127.0.0.1:8080 ", f"server 127.0.0.1:{upstream} ", 1)


def self_signed_certificate(live: Path) -> Path:
    """``fullchain.pem`` and ``privkey.pem`` for the test's domain, where certbot puts them."""
    live.mkdir(parents=True)
    certificate = live / "fullchain.pem"
    subprocess.run(
        [
            require_program("openssl"),
            *("req", "-x509", "-nodes", "-days", "1", "-subj", f"/CN={TEST_DOMAIN}"),
            *("-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1"),
            *("-addext", f"subjectAltName=DNS:{TEST_DOMAIN}"),
            *("-keyout", str(live / "privkey.pem"), "-out", str(certificate)),
        ],
        check=True,
        capture_output=True,
        timeout=30,
    )
    return certificate


def configure(folder: Path, upstream: int) -> tuple[Path, Nginx]:
    """The test's nginx configuration in ``folder`` and where it serves."""
    http_port, https_port = free_port(), free_port()
    certificate = self_signed_certificate(folder / "live")
    (folder / "umkm-bot-proxy.conf").write_text((NGINX / "umkm-bot-proxy.conf").read_text())
    (folder / "umkm-bot.conf").write_text(render_site(folder, upstream, http_port, https_port))
    challenges = folder / "www" / ".well-known" / "acme-challenge"
    challenges.mkdir(parents=True)
    # As root, nginx's workers would run as nobody, who cannot enter the test's folder.
    user = "user root root;\n" if os.geteuid() == 0 else ""
    config = folder / "nginx.conf"
    config.write_text(MAIN.format(folder=folder, user=user))
    served = Nginx(
        f"https://{TEST_DOMAIN}:{https_port}",
        f"http://{TEST_DOMAIN}:{http_port}",
        certificate,
        challenges,
    )
    return config, served


def command(config: Path, *args: str) -> list[str]:
    return [require_program("nginx"), "-c", str(config), "-p", str(config.parent), *args]


@contextmanager
def running_nginx(config: Path, served: Nginx) -> Iterator[Nginx]:
    """nginx in the foreground with ``config``, stopped (SIGTERM) at the end."""
    log = config.parent / "nginx.out"
    with log.open("wb") as output:
        process = subprocess.Popen(
            command(config, "-g", "daemon off;"), stdout=output, stderr=subprocess.STDOUT
        )
    try:
        _wait_until_serving(served, process, log)
        yield served
    finally:
        process.terminate()
        process.wait(timeout=10)


def _wait_until_serving(served: Nginx, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + START_SECONDS
    context = ssl.create_default_context(cafile=str(served.certificate))
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"nginx exited:\n{log.read_text()[-3000:]}")
        try:
            httpx.get(f"{served.url}/", verify=context, timeout=2)
            return
        except httpx.HTTPError:
            time.sleep(0.05)
    raise TimeoutError(f"nginx did not serve:\n{log.read_text()[-3000:]}")
