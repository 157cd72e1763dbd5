"""scripts/add_report.py checks before it writes, touches no line it did not add, and never shows a traceback."""

from __future__ import annotations

import difflib
import subprocess
import sys

import pytest
from support.data import copy_data
from support.paths import BUILD_EPOCH, ROOT

COMMAND = [sys.executable, str(ROOT / "scripts" / "add_report.py")]
REPORT = {
    "--chi-tieu": "bao-hiem-y-te",
    "--ky": "2026-Q4",
    "--gia-tri": "92.5",
    "--ngay": "2026-10-31",
    "--nguon": 'Báo cáo số 15/BC-BHXH: "quý 4" #15',
    "--don-vi": "phong-kinh-te",
}
ADDED = [
    "  - chi_tieu: bao-hiem-y-te",
    "    ky: 2026-Q4",
    "    gia_tri: 92.5",
    "    ngay: 2026-10-31",
    '    nguon: "Báo cáo số 15/BC-BHXH: \\"quý 4\\" #15"',
    "    don_vi_bao_cao: phong-kinh-te",
]
# A year file as a clerk may have left it: Windows line endings, a BOM, single quotes, comments, a blank line.
EXISTING = (
    "\ufeff# yaml-language-server: $schema=../schemas/cap-nhat.schema.json\r\n"
    "# Báo cáo năm 2026\r\n"
    "bao_cao:\r\n"
    "  - chi_tieu: bao-hiem-y-te   # BHYT\r\n"
    "    ky: '2026-Q3'\r\n"
    "    gia_tri: 91\r\n"
    "    ngay: 2026-09-30\r\n"
    "    nguon: 'Báo cáo số 1'\r\n"
    "    don_vi_bao_cao: phong-kinh-te\r\n"
    "\r\n"
    "# hết\r\n"
)


def run(data, **changes):
    options = {**REPORT, **changes}
    flags = [item for key, value in options.items() for item in ((key, value) if value else (key,))]
    return subprocess.run(
        [*COMMAND, *flags, "--data", str(data)],
        capture_output=True,
        text=True,
        env={"SOURCE_DATE_EPOCH": BUILD_EPOCH, "PATH": "/usr/bin:/bin"},
    )


def year_file(tmp_path, content: bytes):
    data = copy_data(tmp_path)
    path = data / "cap-nhat" / "2026.yml"
    path.write_bytes(content)
    return data, path


def diff(before: bytes, after: bytes) -> list[tuple[str, list[str], list[str]]]:
    """(operation, old lines, new lines) for each change, lines with their own line endings."""
    old, new = before.decode("utf-8").splitlines(True), after.decode("utf-8").splitlines(True)
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    return [(op, old[i1:i2], new[j1:j2]) for op, i1, i2, j1, j2 in matcher.get_opcodes() if op != "equal"]


def test_only_the_new_lines_are_added_and_every_other_byte_stays(tmp_path):
    data, path = year_file(tmp_path, EXISTING.encode("utf-8"))
    result = run(data)
    assert result.returncode == 0, result.stdout + result.stderr
    after = path.read_bytes()
    assert after.startswith(b"\xef\xbb\xbf")
    assert diff(EXISTING.encode("utf-8"), after) == [("insert", [], [line + "\r\n" for line in ADDED])]
    assert after.decode("utf-8").index("phong-kinh-te\r\n  - chi_tieu") > 0  # right after the last report


def test_the_empty_list_line_is_the_only_line_changed(tmp_path):
    real = (ROOT / "data" / "cap-nhat" / "2026.yml").read_bytes()
    data, path = year_file(tmp_path, real)
    assert run(data).returncode == 0
    assert diff(real, path.read_bytes()) == [
        ("replace", ["bao_cao: []\n"], ["bao_cao:\n", *[line + "\n" for line in ADDED]])
    ]


def test_a_typo_is_not_written_and_a_rerun_adds_no_second_entry(tmp_path):
    data, path = year_file(tmp_path, EXISTING.encode("utf-8"))
    for _ in range(2):
        result = run(data, **{"--chi-tieu": "bao-hiem-y-tee"})
        assert result.returncode == 1
        assert 'chi_tieu: không có chỉ tiêu nào mang mã "bao-hiem-y-tee"' in result.stdout
        assert "Không ghi gì vào data/cap-nhat/2026.yml" in result.stderr
        assert path.read_bytes() == EXISTING.encode("utf-8")
    assert not list(path.parent.glob(".*.tmp"))


def test_replacing_changes_only_the_lines_of_that_report(tmp_path):
    data, path = year_file(tmp_path, EXISTING.encode("utf-8"))
    result = run(data, **{"--ky": "2026-Q3", "--ngay": "2026-09-30", "--thay-the": ""})
    assert result.returncode == 0, result.stdout + result.stderr
    before, after = EXISTING.splitlines(True), path.read_bytes().decode("utf-8").splitlines(True)
    replaced = [line.replace("2026-Q4", "2026-Q3").replace("2026-10-31", "2026-09-30") + "\r\n" for line in ADDED]
    assert after == [*before[:3], *replaced, *before[9:]]


BROKEN_INPUTS = {
    "empty": (b"", 0),
    "only comments": (b"# chua co bao cao\n", 0),
    "broken": (b"bao_cao:\n  - chi_tieu: bao-hiem-y-te\n     ky: 2026-Q3\n", 2),
    "utf-16": ("bao_cao: []\n".encode("utf-16"), 2),
    "windows-1258": ("bao_cao: []\n# Báo cáo\n".encode("cp1258"), 2),
    "a list at the top": (b"- a\n- b\n", 2),
    "reports not a list": (b"bao_cao: 3\n", 2),
    "flow list": (b'bao_cao: [{chi_tieu: a, ky: "2026"}]\n', 2),
}


@pytest.mark.parametrize(("content", "code"), BROKEN_INPUTS.values(), ids=BROKEN_INPUTS.keys())
def test_no_traceback_whatever_the_file_holds(tmp_path, content, code):
    data, path = year_file(tmp_path, content)
    result = run(data)
    assert "Traceback" not in result.stderr + result.stdout
    assert result.returncode == code, result.stdout + result.stderr
    if code:
        assert result.stderr.startswith("Không thêm được báo cáo: ")
        assert path.read_bytes() == content
    else:
        assert path.read_bytes().startswith(content) and "Dữ liệu hợp lệ." in result.stdout


def test_a_broken_file_is_refused_with_the_check_message(tmp_path):
    data, _ = year_file(tmp_path, BROKEN_INPUTS["broken"][0])
    assert run(data).stderr == (
        "Không thêm được báo cáo: tệp đang có lỗi, sửa lỗi này trước: data/cap-nhat/2026.yml:3: cú pháp YAML: "
        "tệp không đọc được: dòng này thụt lề 5 dấu cách, lệch với dòng 2 (4 dấu cách) — thụt lề dòng này bằng "
        "4 dấu cách, thẳng cột với dòng 2\n"
    )


def test_a_missing_year_file_is_created(tmp_path):
    data = copy_data(tmp_path)
    (data / "cap-nhat" / "2026.yml").unlink()
    result = run(data)
    assert result.returncode == 0, result.stdout + result.stderr
    text = (data / "cap-nhat" / "2026.yml").read_text(encoding="utf-8")
    assert (
        text == "# yaml-language-server: $schema=../schemas/cap-nhat.schema.json\nbao_cao:\n" + "\n".join(ADDED) + "\n"
    )
