"""The layout's rules, checked on the source: who may import whom, and no import cycles."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("afpols_events", "programme", "registrations")


def _module_name(path):
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _sources():
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" not in path.parts:
                yield _module_name(path), path


def _imports(name, path, *, top_level_only):
    """Project modules that ``name`` imports (``from x import y`` may name a module y)."""
    tree = ast.parse(path.read_text())
    is_package = path.name == "__init__.py"
    nodes = tree.body if top_level_only else list(ast.walk(tree))
    found = set()
    for node in nodes:
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".")
                base = base[: len(base) - node.level + (1 if is_package else 0)]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)
    return {module for module in found if module.split(".")[0] in PACKAGES}


@pytest.fixture(scope="module")
def modules():
    return dict(_sources())


def test_programme_never_imports_registrations(modules):
    offenders = {
        name: sorted(
            m for m in _imports(name, path, top_level_only=False) if m.startswith("registrations")
        )
        for name, path in modules.items()
        if name.startswith("programme")
    }
    assert {name: found for name, found in offenders.items() if found} == {}


def test_no_import_cycles_between_modules(modules):
    graph = {
        name: {m for m in _imports(name, path, top_level_only=True) if m in modules and m != name}
        for name, path in modules.items()
    }
    # A package's __init__ re-exporting its own modules is not a cycle of the design.
    for name in graph:
        graph[name] = {m for m in graph[name] if not name.startswith(m + ".")}
    visiting, done, cycles = set(), set(), []

    def visit(node, trail):
        visiting.add(node)
        for target in sorted(graph[node]):
            if target in visiting:
                cycles.append([*trail[trail.index(target) :], target])
            elif target not in done:
                visit(target, [*trail, target])
        visiting.discard(node)
        done.add(node)

    for name in sorted(graph):
        if name not in done:
            visit(name, [name])
    assert cycles == []


@pytest.mark.parametrize(
    "package",
    ["registrations.services", "registrations.selectors", "registrations.documents"],
)
def test_every_name_a_package_exports_exists(package):
    import importlib

    module = importlib.import_module(package)
    assert [name for name in module.__all__ if not hasattr(module, name)] == []
