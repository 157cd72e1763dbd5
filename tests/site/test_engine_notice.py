"""Material for MkDocs is maintained until 5 May 2027: from the day after, every build and the CI job summary say so
in Vietnamese, and the build still succeeds (NO_MKDOCS_2_WARNING=1, which hides Material's own notice, does not hide
ours)."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys

import pytest
from support.paths import ROOT, XA_MAU

from macros.publish import support
from macros.settings import TIMEZONE


def epoch(day: dt.date) -> str:
    """Noon in Việt Nam on `day`, as SOURCE_DATE_EPOCH."""
    return str(int(dt.datetime(day.year, day.month, day.day, 12, tzinfo=TIMEZONE).timestamp()))


@pytest.mark.parametrize(
    ("day", "shown"),
    [(dt.date(2026, 11, 29), False), (dt.date(2027, 5, 4), False), (dt.date(2027, 5, 5), False),
     (dt.date(2027, 5, 6), True), (dt.date(2030, 12, 31), True)],
)  # fmt: skip
def test_the_notice_starts_the_day_after_support_ends(day, shown):
    notice = support.material_notice(day)
    assert (notice is not None) == shown
    if shown:
        assert "05/05/2027" in notice and "README.md" in notice and "Đổi công cụ dựng trang" in notice


def run_script(day: dt.date, summary) -> subprocess.CompletedProcess:
    env = dict(os.environ, SOURCE_DATE_EPOCH=epoch(day))
    command = [sys.executable, "scripts/engine_notice.py", "--summary", str(summary)]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)


def test_ci_copies_the_notice_to_the_job_summary(tmp_path):
    summary = tmp_path / "summary.md"
    summary.write_text("## Kiểm tra dữ liệu: không có lỗi\n", encoding="utf-8")
    before = run_script(dt.date(2027, 5, 5), summary)
    assert (before.returncode, before.stdout) == (0, "")
    after = run_script(dt.date(2027, 5, 6), summary)
    assert after.returncode == 0 and after.stdout.startswith("::warning title=Công cụ dựng trang::Lưu ý: Material")
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("## Kiểm tra dữ liệu") and "## Công cụ dựng trang" in text and "05/05/2027" in text


def test_a_strict_build_after_that_day_prints_the_notice_and_succeeds(tmp_path):
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH=epoch(dt.date(2027, 5, 6)))
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(XA_MAU / "mkdocs.yml")]
    result = subprocess.run([*command, "-d", str(tmp_path / "site")], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("Material for MkDocs không còn được sửa lỗi") == 1
    assert (tmp_path / "site" / "index.html").is_file()
