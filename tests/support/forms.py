"""Issue bodies exactly as GitHub renders a submitted "Báo cáo tiến độ" form, and scripts/form_report.py run on them
as the intake workflow runs it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from macros.intake import issue_form
from support.paths import BUILD_EPOCH, ROOT

ENV = {"SOURCE_DATE_EPOCH": BUILD_EPOCH, "PATH": "/usr/bin:/bin"}  # judged on the tests' day
# A good report as a clerk fills the form: drop-down picks, a decimal comma, a date written day first.
GOOD = dict(
    loai_bao_cao="Báo cáo mới",
    chi_tieu="Tỷ lệ dân số tham gia bảo hiểm y tế (bao-hiem-y-te)",
    ky="Quý 3/2026",
    gia_tri="81,82",
    ngay="30/09/2026",
    nguon="Báo cáo số 45/BC-BHXH",
    don_vi_bao_cao="Thống kê cơ sở Vĩnh Phong (thong-ke-co-so)",
)
CORRECTION = dict(GOOD, loai_bao_cao="Sửa báo cáo đã gửi", ly_do_sua="Số quý 3 tính nhầm")
HAMLET = dict(GOOD, chi_tieu="Tổ hợp tác ở mỗi ấp (to-hop-tac-tung-ap)", ky="Quý IV/2026", ngay="15/11/2026")


def sections(**answers: str | None) -> list[tuple[str, str]]:
    """(label, answer) for every field of the form, in its order; an empty answer is GitHub's `_No response_`."""
    return [(label, answers.get(name) or "_No response_") for name, label in issue_form.LABELS.items()]


def render(parts: list[tuple[str, str]]) -> str:
    """A body exactly as GitHub renders a form: `### <label>`, a blank line, the answer; sections apart by a blank."""
    return "\n\n".join(f"### {label}\n\n{answer}" for label, answer in parts)


def body(**answers: str | None) -> str:
    return render(sections(**answers))


def submit(data: Path, text: str, tmp_path: Path, association: str = "MEMBER", issue: int = 42) -> dict[str, str]:
    """Run scripts/form_report.py on a body: the files it writes (result, comment.md, …), which never include a
    traceback."""
    out = tmp_path / f"out-{issue}"
    shutil.rmtree(out, ignore_errors=True)
    (tmp_path / "body.md").write_text(text, encoding="utf-8")
    command = [sys.executable, str(ROOT / "scripts" / "form_report.py"), "--body", str(tmp_path / "body.md")]
    command += ["--issue", str(issue), "--association", association, "--out", str(out), "--data", str(data)]
    result = subprocess.run(command, capture_output=True, text=True, env=ENV)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    return {path.name: path.read_text(encoding="utf-8") for path in out.iterdir()}
