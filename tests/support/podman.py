"""The bot's image, built with Debian's podman the way the README builds it, on a machine where
no image registry is reachable: the base image (Debian with Python 3.11, what the Dockerfile's
``python:3.11-slim`` has) is made with ``debootstrap`` from Debian's packages and imported.

What takes long is kept between runs: the base system's tarball under :data:`CACHE` (named by a
hash of what goes into it) with the Debian packages it was made from, its imported image, and
podman's layer cache, so a rerun builds in seconds. The build trusts the host's certificate
store and uses the host's pip settings, as an image built behind a TLS-inspecting proxy or with
a package mirror has to.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CACHE = Path(os.environ.get("UMKM_BOT_TEST_CACHE", "/var/cache/umkm-bot-tests"))
SUITE = "bookworm"
PACKAGES = ("python3", "python3-venv", "python3-pip", "ca-certificates", "passwd")
IMAGE = "localhost/umkm-bot-test:latest"
CONTAINERS_CONF = '[containers]\ndefault_ulimits = []\n\n[engine]\nruntime = "runc"\n'
"""What podman needs where it runs without systemd or raisable limits (CI, this machine)."""
CA_BUNDLE = "/etc/ssl/certs/ca-certificates.crt"
"""Where Debian (and the base image) keep the certificate store, on the host as in the build."""


class Podman:
    """Runs ``podman`` with the test's own ``containers.conf``."""

    def __init__(self, program: str, workdir: Path) -> None:
        conf = workdir / "containers.conf"
        conf.write_text(CONTAINERS_CONF)
        self.program = program
        self.env = {**os.environ, "CONTAINERS_CONF": str(conf)}

    def __call__(
        self, *args: str, timeout: float = 120, check: bool = True
    ) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            [self.program, *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if check and done.returncode != 0:
            raise AssertionError(f"podman {args[0]} failed ({done.returncode}):\n{tail(done)}")
        return done

    def image_exists(self, name: str) -> bool:
        return self("image", "exists", name, check=False).returncode == 0


def tail(done: subprocess.CompletedProcess[str], size: int = 4000) -> str:
    return (done.stdout + done.stderr)[-size:]


def debian_mirror() -> str:
    """The Debian mirror the host's apt uses for the suite (Debian's own when none is found)."""
    sources = Path("/etc/apt/sources.list.d")
    for path in sorted(sources.glob("*.sources")) if sources.is_dir() else []:
        for block in path.read_text().split("\n\n"):
            fields = dict(
                line.split(":", 1) for line in block.splitlines() if ":" in line and line[0] != "#"
            )
            if SUITE in fields.get("Suites", "").split() and "URIs" in fields:
                return fields["URIs"].split()[0]
    legacy = Path("/etc/apt/sources.list")
    for line in legacy.read_text().splitlines() if legacy.exists() else []:
        words = [word for word in line.split() if not word.startswith("[")]
        if len(words) >= 3 and words[0] == "deb" and words[2] == SUITE:
            return words[1]
    return "http://deb.debian.org/debian"


def base_image(podman: Podman, debootstrap: str) -> str:
    """The Debian base image's name, imported from the cached tarball, made first if need be."""
    mirror = debian_mirror()
    inputs = json.dumps([SUITE, PACKAGES, mirror, platform.machine()]).encode()
    key = hashlib.sha256(inputs).hexdigest()[:16]
    name = f"localhost/umkm-bot-test-base:{key}"
    if podman.image_exists(name):
        return name
    tarball = CACHE / f"debian-{SUITE}-python3-{key}.tar"
    if not tarball.exists():
        make_base_tarball(debootstrap, mirror, tarball)
    podman("import", str(tarball), name, timeout=300)
    return name


def make_base_tarball(debootstrap: str, mirror: str, tarball: Path) -> None:
    """Debian's minimal system with Python, as a tarball for ``podman import``."""
    debs = CACHE / "debs"  # the packages, kept for a base with other packages or a new key
    debs.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=CACHE) as work:
        rootfs = Path(work) / "rootfs"
        command = [
            debootstrap,
            "--variant=minbase",
            f"--include={','.join(PACKAGES)}",
            f"--cache-dir={debs}",
        ]
        subprocess.run(
            [*command, SUITE, str(rootfs), mirror],
            check=True,
            capture_output=True,
            timeout=900,
        )
        for cache in ("var/cache/apt", "var/lib/apt/lists"):
            for entry in (rootfs / cache).glob("*"):
                if entry.is_file():
                    entry.unlink()
        partial = Path(work) / "rootfs.tar"
        subprocess.run(["tar", "-C", str(rootfs), "-cf", str(partial), "."], check=True)
        partial.rename(tarball)


def pip_settings(workdir: Path) -> list[str]:
    """``podman build`` volumes that give the build the host's pip settings (index, mirror,
    wheels on disk) and certificate store."""
    listed = subprocess.run(
        [sys.executable, "-m", "pip", "config", "list"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    options: dict[str, str] = {}
    # Settings from the environment come last so that they win, as they do for pip itself.
    for line in sorted(listed, key=lambda line: line.startswith(":env:")):
        key, _, quoted = line.partition("=")
        options[key.rsplit(".", 1)[-1]] = quoted.strip("'\"")
    options["cert"] = CA_BUNDLE
    config = workdir / "pip.conf"
    config.write_text("[global]\n" + "".join(f"{k} = {v}\n" for k, v in options.items()))
    host_bundle = os.environ.get("SSL_CERT_FILE") or CA_BUNDLE
    volumes = [f"{config}:/etc/pip.conf:ro", f"{host_bundle}:{CA_BUNDLE}:ro"]
    for option, value in options.items():
        for word in value.split():
            path = Path(word.removeprefix("file://"))
            if option.endswith("index-url"):  # an index on disk links to files beside it
                path = path.parent
            if path.is_absolute() and path.exists() and str(path) != CA_BUNDLE:
                volumes.append(f"{path}:{path}:ro")
    return volumes


def build_image(podman: Podman, base: str, workdir: Path) -> str:
    """Builds the project's Dockerfile on ``base``; podman's layer cache makes a rerun quick."""
    downloads = CACHE / "pip"  # pip's own cache: a change of constraints.txt downloads less
    downloads.mkdir(parents=True, exist_ok=True)
    mounts = [*pip_settings(workdir), f"{downloads}:/root/.cache/pip"]
    volumes = [arg for volume in mounts for arg in ("--volume", volume)]
    podman(
        "build",
        "--format=docker",  # the OCI format has no HEALTHCHECK
        "--network=host",
        f"--build-arg=BASE_IMAGE={base}",
        *volumes,
        f"--tag={IMAGE}",
        str(ROOT),
        timeout=900,
    )
    return IMAGE
