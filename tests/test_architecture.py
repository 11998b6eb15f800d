"""Data flows one way: YAML -> loader -> projection -> graph -> queries and exports -> CLI / server.

Every ``import`` of a dipgraph module inside the package, at any depth (function-level
imports included), must point to the same layer or a lower one. A drift that has to
exist is listed by name below (none does today), so that none is added unseen. The
graph and the compile cache sit side by side and know nothing of each other: the
layer above them (dipgraph.cached_graph) wires them.
"""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import REPO

PACKAGE = REPO / "dipgraph"

# Lowest first. A module belongs to the first entry that is a prefix of its name.
LAYERS: list[tuple[str, ...]] = [
    (
        "dipgraph.errors",
        "dipgraph.slugs",
        "dipgraph.dates",
        "dipgraph.facts",
        "dipgraph.names",
        "dipgraph.process_memory",
        "dipgraph.bundled",
        "dipgraph.schema",
        "dipgraph.browser",
        "dipgraph.version",
    ),
    ("dipgraph.loader", "dipgraph.curation"),  # curation: rules over checked facts
    ("dipgraph.projection",),  # the one typed record of each fact that every door reads
    ("dipgraph.cache",),
    ("dipgraph.graph",),
    (
        "dipgraph.cached_graph",
        "dipgraph.exports",
        "dipgraph.suggest",
        "dipgraph.imports",
        "dipgraph.build",
        "dipgraph.editing",
    ),
    ("dipgraph.__init__",),  # the library API: dipgraph.load, dipgraph.check ...
    ("dipgraph.sparql",),
    ("dipgraph.cli", "dipgraph.__main__"),
]

# (importer, imported): known upward imports, each with its reason.
KNOWN_DRIFTS: set[tuple[str, str]] = set()  # none left


def module_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1]) if parts[-1] == "__init__" and len(parts) > 2 else ".".join(parts)


def layer_of(module: str) -> int:
    if module == "dipgraph":
        module = "dipgraph.__init__"
    for index, prefixes in enumerate(LAYERS):
        if any(module == p or module.startswith(p + ".") for p in prefixes):
            return index
    raise AssertionError(f"{module} is in no layer: add it to LAYERS")


def imports(path: Path) -> set[str]:
    """The dipgraph modules a file imports (``from dipgraph import x`` counts as the
    root package unless ``x`` is a subpackage or module)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.split(".")[0] == "dipgraph"}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module.split(".")[0] != "dipgraph":
                continue
            for alias in node.names:
                candidate = f"{node.module}.{alias.name}"
                stem = PACKAGE.parent / candidate.replace(".", "/")
                is_module = stem.with_suffix(".py").exists() or stem.is_dir()
                found.add(candidate if is_module else node.module)
    return found


def upward_imports() -> set[tuple[str, str]]:
    found = set()
    for path in PACKAGE.rglob("*.py"):
        importer = module_name(path)
        for imported in imports(path):
            if layer_of(imported) > layer_of(importer):
                found.add((importer, "dipgraph.__init__" if imported == "dipgraph" else imported))
    return found


def test_every_module_is_in_a_layer() -> None:
    for path in PACKAGE.rglob("*.py"):
        layer_of(module_name(path))


def test_no_module_imports_a_higher_layer() -> None:
    found = {
        (importer, imported)
        for importer, imported in upward_imports()
        if not any(importer.startswith(a) and imported == b for a, b in KNOWN_DRIFTS)
    }
    assert found == set(), "imports against the data flow (see LAYERS)"


def test_the_known_drifts_still_exist() -> None:
    """A drift that was fixed is removed from the list, so the list stays true."""
    found = upward_imports()
    stale = {
        (a, b) for a, b in KNOWN_DRIFTS if not any(i.startswith(a) and j == b for i, j in found)
    }
    assert stale == set()


def test_an_upward_import_is_caught(tmp_path: Path) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text("def f():\n    from dipgraph.cli.output import Format\n")
    assert "dipgraph.cli.output" in imports(probe)
    assert layer_of("dipgraph.cli.output") > layer_of("dipgraph.graph.paths")


def import_graph() -> dict[str, set[str]]:
    """module -> the dipgraph modules it imports, at any depth (function-level and
    TYPE_CHECKING imports included: each still ties the two modules together)."""
    graph: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        importer = module_name(path)
        graph[importer] = {
            "dipgraph.__init__" if imported == "dipgraph" else imported
            for imported in imports(path)
        } - {importer}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The groups of modules that import one another, directly or not (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in graph.get(node, ()):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_import_cycle() -> None:
    assert cycles(import_graph()) == []


def test_an_import_cycle_is_caught() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c"]]


# -- the graph and the cache know nothing of each other -------------------------------

GRAPH = "dipgraph.graph"
CACHE = "dipgraph.cache"
WIRING = "dipgraph.cached_graph"  # loads a graph through the cache; owns recovery


def _within(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def crossings(graph: dict[str, set[str]], importers: str, *imported: str) -> set[tuple[str, str]]:
    """(importer, imported) where a module of ``importers`` imports one of ``imported``."""
    return {
        (importer, target)
        for importer, targets in graph.items()
        if _within(importer, importers)
        for target in targets
        if any(_within(target, package) for package in imported)
    }


def test_the_graph_imports_nothing_from_the_cache_or_the_wiring() -> None:
    assert crossings(import_graph(), GRAPH, CACHE, WIRING) == set()


def test_the_cache_imports_no_graph_and_no_wiring() -> None:
    assert crossings(import_graph(), CACHE, GRAPH, WIRING) == set()


def test_the_wiring_is_what_joins_them() -> None:
    """The rules above look where they should: the wiring imports both."""
    joined = import_graph()
    assert crossings(joined, WIRING, CACHE) and crossings(joined, WIRING, GRAPH)
    assert not _within("dipgraph.cached_graph.parts", CACHE)  # (a prefix, not a package)


def test_a_crossing_is_caught(tmp_path: Path) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text(
        "from dipgraph.cache.tables import CacheDamaged\n"
        "def f():\n    from dipgraph.cached_graph import load_cached\n"
    )
    found = crossings({"dipgraph.graph.probe": imports(probe)}, GRAPH, CACHE, WIRING)
    assert found == {
        ("dipgraph.graph.probe", "dipgraph.cache.tables"),
        ("dipgraph.graph.probe", "dipgraph.cached_graph"),
    }
