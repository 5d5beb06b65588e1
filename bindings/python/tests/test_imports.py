"""The package's modules import each other without a cycle (offline: the sources are parsed, not run)."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import REPOSITORY

PACKAGE = "temporal_capi"
ROOT = REPOSITORY / "bindings" / "python" / PACKAGE


def _module_name(path: Path) -> str:
    parts = [PACKAGE, *path.relative_to(ROOT).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES: dict[str, Path] = {_module_name(path): path for path in sorted(ROOT.rglob("*.py"))}
"""Every module of the package by dotted name (a package by its own name, for its ``__init__``)."""


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(tree: ast.AST):
    """Every import statement, at any depth, except inside ``if TYPE_CHECKING:`` blocks."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            for child in node.orelse:
                yield from _imports_in(child)
            continue
        yield from _imports_in(node)


def _imports_in(node: ast.AST):
    if isinstance(node, (ast.Import, ast.ImportFrom)):
        yield node
    else:
        yield from _imports(node)


def _resolve(module: str, node: ast.ImportFrom) -> str:
    """The absolute module a ``from`` import names (``from .x import y`` in ``pkg.m`` -> ``pkg.x``)."""
    if not node.level:
        return node.module or ""
    package = module if MODULES[module].name == "__init__.py" else module.rpartition(".")[0]
    for _ in range(node.level - 1):
        package = package.rpartition(".")[0]
    return f"{package}.{node.module}" if node.module else package


def _targets(name: str, imported: list[str]) -> set[str]:
    """The package modules that importing ``imported`` from module ``name`` loads.

    Only the submodules when every imported name is one (``from . import x``),
    else the module itself too.
    """
    if name not in MODULES:
        return set()
    submodules = {f"{name}.{item}" for item in imported if f"{name}.{item}" in MODULES}
    return submodules if submodules and len(submodules) == len(imported) else {name, *submodules}


def import_graph() -> dict[str, set[str]]:
    """Module -> the package modules it imports at run time (top level or inside functions)."""
    graph: dict[str, set[str]] = {}
    for module, path in MODULES.items():
        edges: set[str] = set()
        for node in _imports(ast.parse(path.read_text(), filename=str(path))):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    edges |= _targets(alias.name, [])
            else:
                edges |= _targets(_resolve(module, node), [alias.name for alias in node.names])
        graph[module] = edges - {module}
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle as ``[a, b, ..., a]``, or None."""
    done: set[str] = set()
    path: list[str] = []

    def visit(module: str) -> list[str] | None:
        if module in path:
            return path[path.index(module):] + [module]
        if module in done:
            return None
        path.append(module)
        for target in sorted(graph.get(module, ())):
            cycle = visit(target)
            if cycle:
                return cycle
        path.pop()
        done.add(module)
        return None

    for module in sorted(graph):
        cycle = visit(module)
        if cycle:
            return cycle
    return None


def test_the_graph_sees_every_kind_of_import() -> None:
    graph = import_graph()
    assert f"{PACKAGE}.handle" in graph[f"{PACKAGE}.client"], "from .handle import ..."
    assert f"{PACKAGE}.handle" in graph[f"{PACKAGE}.sync"], "from . import handle as _handle"
    assert f"{PACKAGE}.client" not in graph[f"{PACKAGE}.handle"], "TYPE_CHECKING imports are not edges"


def test_the_cycle_finder_finds_cycles() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set(), "c": {"b"}}) is None


def test_no_import_cycle() -> None:
    cycle = find_cycle(import_graph())
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])
