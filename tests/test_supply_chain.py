"""The hashed locks hold exactly the pins of pyproject.toml (run `make lock` after changing one)."""

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _pins(requirements: list[str]) -> dict[str, str]:
    pins = {}
    for requirement in requirements:
        name, _, version = requirement.partition("==")
        assert version, f"{requirement!r} is not pinned with =="
        pins[_normalise(name.split("[")[0])] = version
    return pins


def _locked(lock: str) -> dict[str, str]:
    text = (ROOT / "requirements" / lock).read_text()
    entries = re.findall(
        r"^([A-Za-z0-9_.\-]+)==(\S+) \\\n((?:\s+--hash=sha256:[0-9a-f]{64}(?: \\)?\n)+)", text, re.M
    )
    assert len(entries) == len(re.findall(r"^[A-Za-z0-9]", text, re.M)), f"{lock}: an entry without a hash"
    return {_normalise(name): version for name, version, _ in entries}


def test_every_pin_is_locked_with_its_version_and_hashes() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    app, dev = _pins(project["dependencies"]), _pins(project["optional-dependencies"]["dev"])
    app_lock, dev_lock = _locked("app.lock"), _locked("dev.lock")
    assert {name: app_lock.get(name) for name in app} == app
    assert {name: dev_lock.get(name) for name in app | dev} == app | dev
    assert not set(dev) - set(app) & set(app_lock), "a development tool is in the production lock"
