"""Layering: the core depends on nothing above it, and domains announce through the core's events instead of
importing their listeners."""

import ast
from pathlib import Path

API = Path(__file__).resolve().parents[1] / "api"
# Packages that compose the domains (entry points, wiring, demo data, the export) may import any of them.
COMPOSERS = {"main.py", "cli.py", "subscribers.py", "demo", "exports"}


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name.startswith("api.")}


def _modules(top: str) -> list[Path]:
    return sorted((API / top).rglob("*.py")) if (API / top).is_dir() else [API / top]


def test_the_core_and_the_models_import_nothing_above_them() -> None:
    # The tables are the lowest layer the core's plumbing (idempotency records) stores into.
    allowed = {"core": ("api.core", "api.models"), "models": ("api.core", "api.models")}
    upward = [
        f"{path.relative_to(API)} imports {name}"
        for top, prefixes in allowed.items()
        for path in _modules(top)
        for name in _imports(path)
        if not name.startswith(prefixes)
    ]
    assert upward == []


def test_no_domain_imports_the_funders_webhook_outbox() -> None:
    offenders = [
        f"{path.relative_to(API)} imports {name}"
        for path in API.rglob("*.py")
        if path.relative_to(API).parts[0] not in COMPOSERS | {"funders"}
        for name in _imports(path)
        if name in {"api.funders.outbox", "api.funders.worker", "api.funders.webhooks"}
    ]
    assert offenders == []
