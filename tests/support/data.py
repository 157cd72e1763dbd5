"""Helpers for tests that run the check on a copy of the real data with one deliberate mistake."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from macros import pipeline
from macros.importer import run
from support.paths import BAD, BUILD_EPOCH, ROOT, TODAY


def copy_data(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    return data


def replaced_by(fixture: str) -> str:
    """The data file a bad fixture replaces, from its first line: `# thay: <file> — …`."""
    first = (BAD / fixture).read_text(encoding="utf-8").splitlines()[0]
    return first.removeprefix("# thay:").split("—")[0].strip()


def patch(data: Path, file: str, old: str, new: str) -> None:
    path = data / file
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {file}: the fixture patch is stale"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def messages(data: Path, today) -> list[str]:
    return [str(problem) for problem in pipeline.check(data, data.parent, today)]


def imported_data(folder: Path, plan: Path, **names) -> Path:
    """A data/ made by `make import` from a plan: what is the same for every commune (schemas, abbreviations) is
    taken from the real data, the rest comes from the plan alone."""
    data = folder / "data"
    data.mkdir()
    shutil.copytree(ROOT / "data" / "schemas", data / "schemas")
    shutil.copy2(ROOT / "data" / "tu-viet-tat.yml", data / "tu-viet-tat.yml")
    run.import_plan(plan, data, **names)
    return data


def check_data(data: Path, *extra: str) -> subprocess.CompletedProcess:
    """`make check` (scripts/check.py) on a data folder, judged on the tests' day."""
    return subprocess.run(
        [sys.executable, "scripts/check.py", "--data", str(data), *extra],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"SOURCE_DATE_EPOCH": BUILD_EPOCH, "PATH": "/usr/bin:/bin"},
    )


def reports_of(data: Path, today=TODAY) -> dict:
    """The published reports of a data folder, by (target id, period code)."""
    site = pipeline.load_site(data, data.parent, today)
    return {(r.target_id, r.period.code): r for r in site.plan.reports}


def one_yaml_report(data: Path) -> None:
    """data/cap-nhat/2026.yml with one report: bao-hiem-y-te, 2026-Q3, 80%."""
    path = data / "cap-nhat" / "2026.yml"
    report = (
        "bao_cao:\n  - chi_tieu: bao-hiem-y-te\n    ky: 2026-Q3\n    gia_tri: 80\n    ngay: 2026-09-30\n"
        '    nguon: "Báo cáo số 1"\n    don_vi_bao_cao: phong-kinh-te\n'
    )
    path.write_text(path.read_text(encoding="utf-8").replace("bao_cao: []", report), encoding="utf-8")
