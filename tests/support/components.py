"""The real programs the deployment tests run (Caddy, nginx, Prometheus, podman, systemd-analyze).

On a developer's machine a missing program skips its test; in CI (``CI`` set), where `.ci/run`
installs them from Debian's packages, a missing one fails it, so a green run never hides a
deployment test that did not run.
"""

from __future__ import annotations

import os
import shutil

import pytest


def require_program(name: str) -> str:
    """The path of ``name`` on PATH, or skip (fail in CI) when it is not installed."""
    path = shutil.which(name)
    if path is not None:
        return path
    message = f"{name} is not installed (.ci/debian-packages lists it)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)
