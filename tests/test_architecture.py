"""The shape of the code: the stages depend one way, only the adapter knows MkDocs, no private name crosses a module,
and nothing edits sys.path. Read from the source with ast, so a change that breaks a rule fails here."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from support.paths import ROOT

PACKAGE = ROOT / "macros"
MODULES = sorted(PACKAGE.rglob("*.py"))
PYTHON = sorted([*MODULES, *(ROOT / "scripts").glob("*.py"), *(ROOT / "tests").rglob("*.py")])
# A stage may not import a later one: the data layer knows nothing of pages, open data files or MkDocs.
FORBIDDEN = {
    "macros.data": ("macros.site", "macros.opendata", "macros.adapter"),
    "macros.domain": ("macros.site", "macros.opendata", "macros.adapter"),
    "macros.opendata": ("macros.site", "macros.adapter"),
    "macros.site": ("macros.adapter",),
}


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> list[tuple[str, list[str]]]:
    """(module, names imported from it) for every import statement in a file."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(alias.name, []) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.append((node.module, [alias.name for alias in node.names]))
    return found


def test_the_rules_read_the_whole_package():
    assert len(MODULES) > 30 and any("adapter" in str(path) for path in MODULES)


@pytest.mark.parametrize("path", MODULES, ids=module_name)
def test_only_the_adapter_imports_mkdocs(path):
    mkdocs = [module for module, _ in imports(path) if module == "mkdocs" or module.startswith("mkdocs.")]
    assert not mkdocs or module_name(path).startswith("macros.adapter"), mkdocs


@pytest.mark.parametrize("path", MODULES, ids=module_name)
def test_stages_import_only_earlier_stages(path):
    name = module_name(path)
    banned = next((banned for stage, banned in FORBIDDEN.items() if name.startswith(stage)), ())
    wrong = [module for module, _ in imports(path) if module.startswith(banned)] if banned else []
    assert wrong == []


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
