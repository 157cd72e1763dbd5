"""ruff lints and format-checks every Python file of every stage: an exclude pattern that also matched a folder of the
code (as "site" once matched macros/site/ and tests/site/) would leave it unchecked without a word."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from support.paths import ROOT

RUFF = shutil.which("ruff", path=str(Path(sys.executable).parent)) or "ruff"
LINTED = ("macros", "scripts", "tests")  # what `make lint` checks


def seen_by_ruff(root: Path) -> set[str]:
    """The files ruff would check under LINTED, relative to root, read from `ruff check --show-files`."""
    shown = subprocess.run(
        [RUFF, "check", "--show-files", *LINTED], cwd=root, capture_output=True, text=True, check=True
    ).stdout
    return {Path(line.strip()).resolve().relative_to(root.resolve()).as_posix() for line in shown.splitlines() if line}


def python_files(root: Path) -> set[str]:
    return {
        path.relative_to(root).as_posix()
        for folder in LINTED
        for path in (root / folder).rglob("*.py")
        if "__pycache__" not in path.parts
    }


def test_ruff_sees_every_python_file_of_every_stage():
    missing = python_files(ROOT) - seen_by_ruff(ROOT)
    assert missing == set()
    stages = {path.split("/")[1] for path in seen_by_ruff(ROOT) if path.startswith("macros/") and path.count("/") > 1}
    assert {"adapter", "data", "domain", "intake", "opendata", "site", "vocabulary"} <= stages


def test_the_check_finds_a_folder_an_exclude_pattern_hides(tmp_path):
    for folder in ("macros/site", "scripts", "tests"):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "module.py").write_text("X = 1\n")
    (tmp_path / "pyproject.toml").write_text('[tool.ruff]\nextend-exclude = ["site"]\n')
    assert python_files(tmp_path) - seen_by_ruff(tmp_path) == {"macros/site/module.py"}
