"""The pull-request summary: what a fixture change does to reports and statuses, workbook rows included."""

from __future__ import annotations

import shutil
import subprocess
import sys

from support.data import patch
from support.gh_expressions import context, evaluate_if
from support.paths import BUILD_EPOCH, FIXTURES, ROOT
from support.workbooks import fill, save, template_bytes
from support.workflows import jobs, load, steps

ENV = {"SOURCE_DATE_EPOCH": BUILD_EPOCH, "PATH": "/usr/bin:/bin"}


def data_copy(tmp_path, name: str):
    data = tmp_path / name / "data"
    shutil.copytree(ROOT / "data", data)
    shutil.rmtree(data / "cap-nhat")
    shutil.copytree(FIXTURES / "cap-nhat", data / "cap-nhat")
    return data


def summary(base, head, tmp_path) -> tuple[str, str]:
    out = tmp_path / "summary.md"
    command = [sys.executable, str(ROOT / "scripts" / "pr_summary.py"), "--base", str(base), "--head", str(head)]
    result = subprocess.run([*command, "--summary", str(out)], capture_output=True, text=True, env=ENV)
    assert result.returncode == 0, result.stderr
    return result.stdout, out.read_text(encoding="utf-8")


def section(text: str, title: str) -> str:
    """One `### ` section of the summary (its `#### ` groups included)."""
    return text.split(f"\n### {title}\n")[1].split("\n### ")[0]


def test_the_summary_lists_reports_and_status_changes_of_a_fixture_change(tmp_path):
    base, head = data_copy(tmp_path, "base"), data_copy(tmp_path, "head")
    patch(head, "cap-nhat/2026.yml", "gia_tri: 70\n", "gia_tri: 95\n")  # kham-pha-an 2026-Q3: 70 -> 95
    rows = {
        "tuyen-quan": {
            "Kỳ báo cáo": "Năm 2026",
            "Giá trị": "100",
            "Ngày số liệu": "20/11/2026",
            "Nguồn số liệu": "Báo cáo số 9/BC-CAX | bảng 2",
            "Đơn vị báo cáo": "Công an xã (cong-an-xa)",
        }
    }
    save(fill(template_bytes(head), rows), head / "cap-nhat" / "thang-11.xlsx")
    printed, written = summary(base, head, tmp_path)
    assert printed.strip() == written.strip()
    added = section(written, "Báo cáo thêm mới (1)")
    assert "`tuyen-quan` | Năm 2026 | 100% chỉ tiêu giao | 20/11/2026 | Báo cáo số 9/BC-CAX \\| bảng 2" in added
    assert '#### `data/cap-nhat/thang-11.xlsx`, trang tính "Báo cáo" (1)' in added  # listed by file and sheet
    assert '`data/cap-nhat/thang-11.xlsx` trang tính "Báo cáo", dòng ' in added  # a row, not a binary blob
    changed = section(written, "Báo cáo được sửa (1)")
    assert "`kham-pha-an` | Quý 3/2026 | 70%, 30/09/2026" in changed and "| 95%, 30/09/2026" in changed
    statuses = written.split("### Chỉ tiêu đổi trạng thái (2)")[1]
    assert "(`kham-pha-an`) | Chậm tiến độ (70%) | Đã đạt (95%) |" in statuses
    assert "(`tuyen-quan`) | Chưa có số liệu | Đã đạt (100% chỉ tiêu giao) |" in statuses
    assert "Báo cáo bị xoá" not in written


def test_a_removed_report_is_listed(tmp_path):
    base, head = data_copy(tmp_path, "base"), data_copy(tmp_path, "head")
    text = (head / "cap-nhat" / "2026.yml").read_text(encoding="utf-8")
    start = text.index("  - chi_tieu: kham-pha-an")
    end = text.index("  - chi_tieu: san-pham-ocop-3-sao")
    (head / "cap-nhat" / "2026.yml").write_text(text[:start] + text[end:], encoding="utf-8")
    _, written = summary(base, head, tmp_path)
    assert "### Báo cáo bị xoá (1)" in written and "`kham-pha-an` | Quý 3/2026 | 70%" in written
    assert "(`kham-pha-an`) | Chậm tiến độ (70%) | Chưa có số liệu |" in written


def test_no_change_says_so(tmp_path):
    base = data_copy(tmp_path, "base")
    _, written = summary(base, base, tmp_path)
    assert "không thêm, sửa hay xoá báo cáo nào" in written


def test_head_data_with_problems_is_not_compared(tmp_path):
    base, head = data_copy(tmp_path, "base"), data_copy(tmp_path, "head")
    patch(head, "cap-nhat/2026.yml", "gia_tri: 70\n", "gia_tri: bảy mươi\n")
    _, written = summary(base, head, tmp_path)
    assert "còn lỗi" in written


def test_the_build_workflow_writes_the_summary_for_pull_requests_and_form_branches():
    workflow = load((ROOT / ".github" / "workflows" / "build.yml").read_text(encoding="utf-8"))
    build = steps(jobs(workflow)["data"])
    step = next(s for s in build if "pr_summary.py" in str(s.get("run", "")))
    assert "--base .base/data --head data" in step["run"] and '"$GITHUB_STEP_SUMMARY"' in step["run"]
    base = next(s for s in build if (s.get("with") or {}).get("path") == ".base")
    assert base["with"]["sparse-checkout"] == "data" and base["with"]["persist-credentials"] is False
    for event, ref, expected in [
        ("pull_request", "refs/pull/7/merge", True),
        ("workflow_dispatch", "refs/heads/bao-cao/issue-42", True),
        ("push", "refs/heads/main", False),
    ]:
        where = context(event, ref) | {"steps.install.outcome": "success"}
        assert evaluate_if(step["if"], where, upstream_ok=False) is expected
        assert evaluate_if(base["if"], where, upstream_ok=False) is expected


def test_a_share_written_as_a_fraction_is_a_warning_that_does_not_block(tmp_path):
    base, head = data_copy(tmp_path, "base"), data_copy(tmp_path, "head")
    rows = {
        "bao-hiem-y-te": {
            "Kỳ báo cáo": "Tháng 10/2026",
            "Giá trị": "0,935",
            "Ngày số liệu": "31/10/2026",
            "Nguồn số liệu": "Báo cáo số 45/BC-BHXH",
            "Đơn vị báo cáo": "phong-kinh-te",
        }
    }
    save(fill(template_bytes(head), rows), head / "cap-nhat" / "thang-9.xlsx")
    _, written = summary(base, head, tmp_path)
    warnings = section(written, "Cần xem lại (1)")
    assert '`bao-hiem-y-te` Tháng 10/2026 (`data/cap-nhat/thang-9.xlsx` trang tính "Báo cáo", dòng ' in warnings
    assert "0,94% khác xa mục tiêu 100%: có thể tỷ lệ đã được ghi dạng số thập phân (0,935 là 93,5%)" in warnings
    assert "### Báo cáo thêm mới (1)" in written  # listed, not refused: the reviewer decides


def test_reports_are_listed_by_file_and_sheet(tmp_path):
    base, head = data_copy(tmp_path, "base"), data_copy(tmp_path, "head")
    row = {"Nguồn số liệu": "Báo cáo số 12/BC-PKT", "Đơn vị báo cáo": "phong-kinh-te"}
    book = fill(
        template_bytes(head),
        {"san-pham-ocop-3-sao": row | {"Kỳ báo cáo": "Tháng 10/2026", "Giá trị": 3, "Ngày số liệu": "31/10/2026"}},
    )
    copy = book.copy_worksheet(book["Báo cáo"])
    copy.title = "Tháng 11"
    target_row = next(cell.row for cell in copy["A"] if cell.value == "san-pham-ocop-3-sao")
    copy[f"D{target_row}"], copy[f"E{target_row}"], copy[f"F{target_row}"] = "Tháng 11/2026", 4, "29/11/2026"
    save(book, head / "cap-nhat" / "hai-thang.xlsx")
    _, written = summary(base, head, tmp_path)
    added = section(written, "Báo cáo thêm mới (2)")
    assert added.index('#### `data/cap-nhat/hai-thang.xlsx`, trang tính "Báo cáo" (1)') < added.index(
        '#### `data/cap-nhat/hai-thang.xlsx`, trang tính "Tháng 11" (1)'
    )
    assert "| `san-pham-ocop-3-sao` | Tháng 11/2026 | 4 sản phẩm |" in added
