"""The shape of the code, read from the source with ast, so a change that breaks a rule fails here:

- the layers depend one way, in the order declared once below (LAYERS), top-level modules and imports inside
  functions included, and no module imports itself back through others (no cycle);
- only the adapter knows MkDocs; no private name crosses a module; nothing edits sys.path.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from support.paths import ROOT

PACKAGE = ROOT / "macros"
MODULES = sorted(PACKAGE.rglob("*.py"))
PYTHON = sorted([*MODULES, *(ROOT / "scripts").glob("*.py"), *(ROOT / "tests").rglob("*.py")])

# The layers, lowest first. A module may import its own layer and the layers below it, never one above. Each entry
# names modules or packages by prefix; every module of `macros` must belong to exactly one layer.
LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "foundation",
        ("macros.settings", "macros.errors", "macros.slug", "macros.formats", "macros.files", "macros.urls"),
    ),
    ("vocabulary", ("macros.vocabulary",)),
    ("data", ("macros.data",)),
    ("domain", ("macros.domain",)),
    ("intake", ("macros.intake",)),
    ("pipeline", ("macros.pipeline",)),
    ("opendata", ("macros.opendata",)),
    ("site", ("macros.site",)),
    ("publish", ("macros.publish",)),
    ("adapter", ("macros.adapter", "macros")),
)


def module_name(path: Path, root: Path = ROOT) -> str:
    parts = path.relative_to(root).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer_of(module: str) -> int | None:
    """The position of the layer a module belongs to: the longest declared prefix that names it."""
    found = [
        (len(prefix), position)
        for position, (_, prefixes) in enumerate(LAYERS)
        for prefix in prefixes
        if module == prefix or module.startswith(prefix + ".")
    ]
    return max(found)[1] if found else None


def imports(path: Path) -> list[tuple[str, list[str]]]:
    """(module, names imported from it) for every import statement in a file, at any depth (inside functions too)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(alias.name, []) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.append((node.module, [alias.name for alias in node.names]))
    return found


def project_imports(path: Path, known: set[str]) -> set[str]:
    """The project modules a file imports (`known`: every module's name): `from macros.x import y` names macros.x.y
    when y is a module."""
    found = set()
    for module, names in imports(path):
        if module == "macros" or module.startswith("macros."):
            found |= {f"{module}.{name}" for name in names if f"{module}.{name}" in known} or {module}
    return found


KNOWN = {module_name(path) for path in MODULES}


def wrong_direction(path: Path, root: Path = ROOT, known: set[str] = KNOWN) -> list[str]:
    own = layer_of(module_name(path, root))
    return sorted(m for m in project_imports(path, known) if (layer_of(m) or 0) > own)


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan), each sorted."""
    index, low, stack, on_stack, found, counter = {}, {}, [], set(), [], [0]

    def visit(node: str) -> None:
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for other in graph.get(node, ()):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while not component or component[-1] != node:
                component.append(stack.pop())
                on_stack.discard(component[-1])
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def import_graph(paths, root: Path = ROOT) -> dict[str, set[str]]:
    known = {module_name(path, root) for path in paths}
    return {module_name(path, root): project_imports(path, known) - {module_name(path, root)} for path in paths}


def test_the_rules_read_the_whole_package():
    assert len(MODULES) > 30 and any("adapter" in str(path) for path in MODULES)


@pytest.mark.parametrize("path", MODULES, ids=module_name)
def test_every_module_belongs_to_a_layer(path):
    assert layer_of(module_name(path)) is not None, f"add {module_name(path)} to LAYERS in {__file__}"


@pytest.mark.parametrize("path", MODULES, ids=module_name)
def test_a_layer_imports_only_itself_and_the_layers_below(path):
    assert wrong_direction(path) == []


def test_no_module_imports_itself_back():
    assert cycles(import_graph(MODULES)) == []


def test_the_layer_checks_can_fail(tmp_path):
    """A data module that imports the domain, and two data modules that import each other from inside functions;
    a top-level module that imports a stage above it."""
    folder = tmp_path / "macros" / "data"
    folder.mkdir(parents=True)
    first, second, top = folder / "first.py", folder / "second.py", tmp_path / "macros" / "urls.py"
    first.write_text("from macros.domain import status\n\ndef f():\n    from macros.data import second\n")
    second.write_text("def g():\n    from macros.data.first import f\n")
    top.write_text("from macros.site import pages\n")
    known = {"macros.data.first", "macros.data.second", "macros.domain.status", "macros.site.pages"}
    assert wrong_direction(first, tmp_path, known) == ["macros.domain.status"]
    assert wrong_direction(top, tmp_path, known) == ["macros.site.pages"]
    assert cycles(import_graph([first, second], tmp_path)) == [["macros.data.first", "macros.data.second"]]


@pytest.mark.parametrize("path", MODULES, ids=module_name)
def test_only_the_adapter_imports_mkdocs(path):
    mkdocs = [module for module, _ in imports(path) if module == "mkdocs" or module.startswith("mkdocs.")]
    assert not mkdocs or module_name(path).startswith("macros.adapter"), mkdocs


def private_imports(path: Path) -> list[str]:
    """Names with a leading underscore imported from another module of the project."""
    return [
        f"{module}.{name}"
        for module, names in imports(path)
        if module.startswith("macros")
        for name in names
        if name.startswith("_") and not name.startswith("__")
    ]


def private_attributes(path: Path) -> list[str]:
    """module._name, where module is a project module imported into this file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    modules = {
        alias.asname or alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("macros")
        for alias in node.names
    }
    return [
        f"{node.value.id}.{node.attr}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in modules
        if node.attr.startswith("_") and not node.attr.startswith("__")
    ]


@pytest.mark.parametrize("path", [p for p in PYTHON if "tests" not in p.parts], ids=lambda p: p.name)
def test_no_private_name_crosses_a_module(path):
    assert private_imports(path) + private_attributes(path) == []


def test_the_private_name_check_can_fail(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("from macros.domain import status\nfrom macros.site.render import _hamlet_rows\nstatus._x\n")
    assert private_imports(sample) == ["macros.site.render._hamlet_rows"]
    assert private_attributes(sample) == ["status._x"]


@pytest.mark.parametrize("path", PYTHON, ids=lambda p: str(p.relative_to(ROOT)))
def test_nothing_edits_sys_path(path):
    edits = [
        node.lineno
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Attribute) and node.attr == "path"
        if isinstance(node.value, ast.Name) and node.value.id == "sys"
    ]
    assert edits == [], f"{path.relative_to(ROOT)} touches sys.path on lines {edits}: the package is installed"
