"""deploy/constraints.txt pins every dependency pyproject.toml names, at a version it allows:
a dependency added or raised without regenerating the pins is caught here, before an image
build or a server install would stop at `pip check`. (The pins of what those dependencies need
in turn are checked by the install itself, in tests/deploy/test_container.py.)"""

from __future__ import annotations

import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[2]


def pins() -> dict[str, Version]:
    lines = (ROOT / "deploy" / "constraints.txt").read_text().splitlines()
    found: dict[str, Version] = {}
    for line in lines:
        if line.strip() and not line.startswith("#"):
            name, separator, version = line.partition("==")
            assert separator, f"not pinned with ==: {line}"
            found[canonicalize_name(name)] = Version(version)
    return found


def test_every_dependency_is_pinned_at_a_version_pyproject_allows() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    pinned = pins()
    for dependency in map(Requirement, project["dependencies"]):
        name = canonicalize_name(dependency.name)
        assert name in pinned, f"{name} is not in deploy/constraints.txt"
        assert pinned[name] in dependency.specifier, f"{name}=={pinned[name]} vs {dependency}"


def test_the_build_tools_are_pinned_too() -> None:
    build = tomllib.loads((ROOT / "pyproject.toml").read_text())["build-system"]["requires"]
    pinned = pins()
    for requirement in map(Requirement, [*build, "pip"]):
        name = canonicalize_name(requirement.name)
        assert name in pinned and pinned[name] in requirement.specifier, requirement
