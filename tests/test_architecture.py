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


def test_no_domain_imports_funders_internals() -> None:
    offenders = [
        f"{path.relative_to(API)} imports {name}"
        for path in API.rglob("*.py")
        if path.relative_to(API).parts[0] not in COMPOSERS | {"funders"}
        for name in _imports(path)
        if name.startswith("api.funders")
    ]
    assert offenders == []


def test_nothing_imports_the_composers() -> None:
    """Entry points, wiring and demo data sit on top: no domain (nor the core) reaches up into them."""
    tops = {"api.main", "api.cli", "api.subscribers", "api.demo", "api.serving"}
    upward = [
        f"{path.relative_to(API)} imports {name}"
        for path in API.rglob("*.py")
        if path.relative_to(API).parts[0] not in COMPOSERS | {"serving.py"}
        for name in _imports(path)
        if any(name == top or name.startswith(top + ".") for top in tops)
    ]
    assert upward == []


def _module_name(path: Path) -> str:
    parts = path.relative_to(API.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _top_level_imports(path: Path, known: set[str]) -> set[str]:
    """What a module imports when it is loaded (not inside functions), as module names of this tree."""
    found: set[str] = set()
    for node in ast.parse(path.read_text()).body:
        blocks = (
            [node] if not isinstance(node, ast.If | ast.Try) else [*node.body, *getattr(node, "orelse", [])]
        )
        for block in blocks:
            if isinstance(block, ast.ImportFrom) and block.module and block.module.startswith("api"):
                for alias in block.names:
                    child = f"{block.module}.{alias.name}"
                    found.add(child if child in known else block.module)
            elif isinstance(block, ast.Import):
                found.update(alias.name for alias in block.names if alias.name in known)
    return found & known


def test_no_import_cycles() -> None:
    paths = {_module_name(path): path for path in API.rglob("*.py")}
    graph = {name: _top_level_imports(path, set(paths)) - {name} for name, path in paths.items()}
    cycles = []
    # Tarjan's strongly connected components: any component of more than one module is a circle.
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in graph[node]:
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for name in sorted(graph):
        if name not in index:
            visit(name)
    assert cycles == []
