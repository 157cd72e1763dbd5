"""The local command that adds one progress report keeps comments and order, refuses duplicates, checks first."""

from __future__ import annotations

import subprocess
import sys

from support.data import copy_data
from support.paths import BUILD_EPOCH, ROOT

COMMAND = [sys.executable, str(ROOT / "scripts" / "add_report.py")]
REPORT = [
    "--chi-tieu",
    "bao-hiem-y-te",
    "--ky",
    "2026-Q3",
    "--gia-tri",
    "91.5",
    "--ngay",
    "2026-09-30",
    "--nguon",
    "Báo cáo số 12/BC-UBND",
    "--don-vi",
    "phong-kinh-te",
]


def run(data, *extra):
    return subprocess.run(
        [*COMMAND, *REPORT, *extra, "--data", str(data)],
        capture_output=True,
        text=True,
        env={"SOURCE_DATE_EPOCH": BUILD_EPOCH, "PATH": "/usr/bin:/bin"},
    )


def test_adds_the_report_keeps_comments_and_passes_the_check(tmp_path):
    data = copy_data(tmp_path)
    before = (data / "cap-nhat" / "2026.yml").read_text(encoding="utf-8")
    result = run(data)
    assert result.returncode == 0, result.stdout + result.stderr
    after = (data / "cap-nhat" / "2026.yml").read_text(encoding="utf-8")
    comments = [line for line in before.splitlines() if line.startswith("#")]
    assert after.splitlines()[: len(comments)] == comments
    assert "  - chi_tieu: bao-hiem-y-te\n    ky: 2026-Q3\n    gia_tri: 91.5\n    ngay: 2026-09-30\n" in after
    assert "Dữ liệu hợp lệ." in result.stdout


def test_refuses_an_existing_period_unless_told_to_replace(tmp_path):
    data = copy_data(tmp_path)
    assert run(data).returncode == 0
    again = run(data)
    assert again.returncode == 2
    assert "đã có báo cáo kỳ 2026-Q3 — thêm --thay-the để ghi đè" in again.stderr
    replaced = subprocess.run(
        [*COMMAND, *REPORT[:5], "92", *REPORT[6:], "--thay-the", "--data", str(data)],
        capture_output=True,
        text=True,
        env={"SOURCE_DATE_EPOCH": BUILD_EPOCH},
    )
    assert replaced.returncode == 0, replaced.stderr
    text = (data / "cap-nhat" / "2026.yml").read_text(encoding="utf-8")
    assert text.count("ky: 2026-Q3") == 1 and "gia_tri: 92\n" in text


def test_a_bad_report_is_not_written_and_the_check_gives_the_reason(tmp_path):
    data = copy_data(tmp_path)
    before = (data / "cap-nhat" / "2026.yml").read_bytes()
    result = subprocess.run(
        [*COMMAND, *REPORT[:5], "105", *REPORT[6:], "--data", str(data)],
        capture_output=True,
        text=True,
        env={"SOURCE_DATE_EPOCH": BUILD_EPOCH},
    )
    assert result.returncode == 1
    assert "gia_tri: tỷ lệ 105% lớn hơn 100%" in result.stdout
    assert (data / "cap-nhat" / "2026.yml").read_bytes() == before


def test_words_are_refused_before_writing(tmp_path):
    data = copy_data(tmp_path)
    before = (data / "cap-nhat" / "2026.yml").read_text(encoding="utf-8")
    result = subprocess.run(
        [*COMMAND, *REPORT[:5], "chín mươi", *REPORT[6:], "--data", str(data)], capture_output=True, text=True
    )
    assert result.returncode == 2 and "không phải là số" in result.stderr
    assert (data / "cap-nhat" / "2026.yml").read_text(encoding="utf-8") == before
