"""README's first screen and CODEOWNERS's team names come from data/: the repository's copies are current, and a
commune imported into a copy of the repository gets its own, with nothing of Vĩnh Phong."""

from __future__ import annotations

import shutil
import subprocess
import sys

from support.data import imported_data
from support.paths import FIXTURES, ROOT

from macros.slug import fold

SCRIPT = ROOT / "scripts" / "repo_files.py"


def test_the_repositorys_copies_are_current():
    result = subprocess.run([sys.executable, str(SCRIPT), "--check"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout


def test_an_imported_commune_gets_its_own_first_screen_and_team_names(tmp_path):
    root = tmp_path / "kho"
    (root / ".github").mkdir(parents=True)
    shutil.copy2(ROOT / "README.md", root / "README.md")
    imported_data(root, FIXTURES / "ke-hoach-that" / "cat-van-2019.txt", province="Thanh Hóa")
    stale = subprocess.run(
        [sys.executable, str(SCRIPT), "--check", "--root", str(root)], capture_output=True, text=True
    )
    assert stale.returncode == 1 and "README.md: đã cũ" in stale.stdout
    subprocess.run([sys.executable, str(SCRIPT), "--write", "--root", str(root)], check=True, capture_output=True)
    readme = (root / "README.md").read_text(encoding="utf-8")
    head = readme.split("<!-- Hết phần sinh từ dữ liệu. -->")[0]
    assert "# Kế hoạch 2018–2019 xã Cát Vân — trang công khai" in head
    assert "Ủy ban nhân dân xã Cát Vân (tỉnh Thanh Hóa): “Giảm nghèo năm 2019”" in head
    assert "vinh phong" not in fold(head).lower()
    assert readme.count("<!-- Phần đầu này sinh từ") == 1  # replaced, not added again
    owners = (root / ".github" / "CODEOWNERS").read_text(encoding="utf-8")
    assert "@xa-cat-van/phong-kinh-te" in owners and "vinh" not in owners
