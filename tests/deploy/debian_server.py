"""A fresh Debian 12 server for ``deploy/install-systemd.sh``: the container test's base system
(debootstrap, tests/support/podman.py) with systemd, as every Debian VM has it, run by podman
with a plain process as PID 1, where systemctl enables units offline as in a chroot.

The pinned dependencies are preinstalled, as a cached image layer, by the script's own first
step (``deploy/install-app.sh --dependencies-only``): an install then takes seconds rather than
a minute, and still runs every one of its commands.
"""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.support.podman import CACHE, ROOT, Podman, pip_settings

IMAGE = "localhost/umkm-bot-test-server:latest"
SOURCE = "/usr/local/src/umkm-bot"
"""Where the README puts the release on the server."""
STEPS = """\
FROM {base}
RUN apt-get update -qq \\
    && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends systemd \\
    && rm -rf /var/lib/apt/lists/*
COPY constraints.txt install-app.sh /src/deploy/
RUN sh /src/deploy/install-app.sh --dependencies-only /opt/umkm-bot /src
"""
IGNORED = (".git", ".venv", "__pycache__", "*.pyc", ".*_cache", "*.sqlite3", ".env", "media")


def pip_volumes(workdir: Path) -> list[str]:
    """The host's pip settings and pip's download cache, for the build and the installs."""
    downloads = CACHE / "pip"
    downloads.mkdir(parents=True, exist_ok=True)
    mounts = [*pip_settings(workdir), f"{downloads}:/root/.cache/pip"]
    return [arg for mount in mounts for arg in ("--volume", mount)]


def server_image(podman: Podman, base: str, workdir: Path) -> str:
    """The server's image; podman's layer cache makes a rebuild take seconds."""
    context = workdir / "context"
    context.mkdir()
    shutil.copy(ROOT / "deploy" / "constraints.txt", context)
    shutil.copy(ROOT / "deploy" / "install-app.sh", context)
    (context / "Containerfile").write_text(STEPS.format(base=base))
    podman(
        "build",
        "--network=host",
        *pip_volumes(workdir),
        f"--tag={IMAGE}",
        str(context),
        timeout=900,
    )
    return IMAGE


def release(folder: Path) -> Path:
    """A copy of this source tree, as the release put on the server (without local state)."""
    shutil.copytree(ROOT, folder, ignore=shutil.ignore_patterns(*IGNORED))
    return folder


@contextmanager
def running_server(podman: Podman, image: str, source: Path, workdir: Path) -> Iterator[str]:
    """The server's container, ``source`` at :data:`SOURCE`; yields its name, removed after."""
    name = f"umkm-bot-test-server-{uuid.uuid4().hex[:8]}"
    podman(
        "run",
        "--detach",
        "--network=host",
        f"--name={name}",
        *pip_volumes(workdir),
        f"--volume={source}:{SOURCE}:ro",
        image,
        "sleep",
        "600",
    )
    try:
        yield name
    finally:
        podman("rm", "--force", "--time=0", name, check=False)
