"""`make import` as a person runs it: what it prints, what it refuses, and that a refusal writes nothing."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
import yaml
from support.paths import FIXTURES, ROOT

SCRIPT = ROOT / "scripts" / "import_plan.py"
CAT_VAN = FIXTURES / "ke-hoach-that" / "cat-van-2019.txt"
PLAN = """KẾ HOẠCH
Phát triển kinh tế - xã hội nhiệm kỳ 2025 - 2030

Căn cứ Nghị quyết của Hội đồng nhân dân xã;

Ủy ban nhân dân xã xây dựng Kế hoạch như sau:

I. CHỈ TIÊU

1. Phấn đấu đến năm 2030 tỷ lệ hộ nghèo giảm còn 1,26%.
"""


def empty_data(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    shutil.copytree(ROOT / "data" / "schemas", data / "schemas")
    return data


def run_import(*args):
    return subprocess.run([sys.executable, str(SCRIPT), *map(str, args)], capture_output=True, text=True, cwd=ROOT)


def test_it_says_what_it_wrote_in_vietnamese(tmp_path):
    data = empty_data(tmp_path)
    result = run_import(CAT_VAN, "--data", data)
    assert result.returncode == 0, result.stderr
    assert "Đã nhập Kế hoạch của xã Cát Vân (tỉnh Thanh Hóa)" in result.stdout
    assert "co-quan.yml: 8 cơ quan" in result.stdout and "make suggestions" in result.stdout
    written = sorted(p.name for p in data.iterdir())
    assert written == ["ap.yml", "cap-nhat", "chi-tieu-de-xuat.yml", "chi-tieu.yml", "co-quan.yml",
                       "id-da-cong-bo.yml", "ke-hoach.yml", "nguon", "nhiem-vu.yml", "schemas", "xa.yml"]  # fmt: skip


def test_a_plan_that_names_no_commune_is_refused_and_nothing_is_written(tmp_path):
    plan, data = tmp_path / "ke-hoach.txt", empty_data(tmp_path)
    plan.write_text(PLAN, encoding="utf-8")
    result = run_import(plan, "--data", data)
    assert result.returncode == 1
    assert "ke-hoach.txt: tên xã: không tìm thấy tên xã" in result.stderr and 'XA="Cát Vân"' in result.stderr
    assert "Traceback" not in result.stderr and "Chưa ghi gì" in result.stderr
    assert sorted(p.name for p in data.iterdir()) == ["schemas"]


def test_the_names_given_win_over_the_document(tmp_path):
    plan, data = tmp_path / "ke-hoach.txt", empty_data(tmp_path)
    plan.write_text(PLAN, encoding="utf-8")
    assert run_import(plan, "--data", data, "--xa", "Mới Lập", "--tinh", "Thử").returncode == 0
    assert yaml.safe_load((data / "xa.yml").read_text(encoding="utf-8"))["ten"] == "Mới Lập"
    suggested = yaml.safe_load((data / "chi-tieu-de-xuat.yml").read_text(encoding="utf-8"))["de_xuat"]
    assert [(s["loai"], s["gia_tri"], s["so_sanh"], s["han"]) for s in suggested] == [("tich-luy", 1.26, "<=", 2030)]


def test_data_that_holds_reports_is_kept_unless_forced(tmp_path):
    data = empty_data(tmp_path)
    (data / "cap-nhat").mkdir()
    report = data / "cap-nhat" / "2026.yml"
    report.write_text("bao_cao:\n  - chi_tieu: x\n", encoding="utf-8")
    refused = run_import(CAT_VAN, "--data", data)
    assert refused.returncode == 1 and "đã có báo cáo tiến độ" in refused.stderr and "FORCE=1" in refused.stderr
    assert report.exists() and not (data / "ke-hoach.yml").exists()
    assert run_import(CAT_VAN, "--data", data, "--force").returncode == 0
    assert not report.exists() and (data / "ke-hoach.yml").exists()
    assert yaml.safe_load((data / "cap-nhat" / "2019.yml").read_text(encoding="utf-8")) == {"bao_cao": []}


@pytest.mark.parametrize("suffix", [".doc", ".pdf"])
def test_doc_and_pdf_are_refused_by_the_command(tmp_path, suffix):
    plan = tmp_path / f"ke-hoach{suffix}"
    plan.write_bytes(b"%PDF-1.5" if suffix == ".pdf" else b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
    result = run_import(plan, "--data", empty_data(tmp_path))
    assert result.returncode == 1 and ".docx" in result.stderr and "Traceback" not in result.stderr
