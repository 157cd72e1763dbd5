"""Nothing a clerk types is silently changed or dropped (issue 10): YAML 1.2 scalars, cut-off values,
stray files, encodings, invisible characters, text limits and syntax messages, each with its exact message."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import unicodedata

import pytest
from support.data import copy_data, messages
from support.paths import ROOT

from macros.data.load import parse_text
from macros.data.spec import RECORDS

TODAY = dt.date(2026, 11, 29)
REPORTS = "data/cap-nhat/2026.yml"
HEADER = "# yaml-language-server: $schema=../schemas/cap-nhat.schema.json\nbao_cao:\n"
# One good report; line 3 is chi_tieu, 5 gia_tri, 7 nguon. Each case changes one line of it.
GOOD = {
    "chi_tieu": "bao-hiem-y-te",
    "ky": "2026-Q3",
    "gia_tri": "91",
    "ngay": "2026-09-30",
    "nguon": '"Báo cáo số 1"',
    "don_vi_bao_cao": "phong-kinh-te",
}


def report_text(**changes: str) -> str:
    fields = {**GOOD, **changes}
    lines = [f"{'  - ' if index == 0 else '    '}{key}: {value}" for index, (key, value) in enumerate(fields.items())]
    return HEADER + "\n".join(lines) + "\n"


def check_with(tmp_path, text: str | bytes, name: str = "cap-nhat/2026.yml") -> list[str]:
    data = copy_data(tmp_path)
    path = data / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return messages(data, TODAY)


def run_check(data) -> subprocess.CompletedProcess:
    summary = data.parent / "summary.md"
    command = [sys.executable, str(ROOT / "scripts" / "check.py"), "--data", str(data), "--summary", str(summary)]
    return subprocess.run(command, capture_output=True, text=True)


NUMBER_CASES = [
    (
        "1:30",
        f'{REPORTS}:5: gia_tri: "1:30" không phải là một số (dấu hai chấm dùng cho giờ hay tỷ số) '
        "— viết một số thập phân với dấu chấm, ví dụ 1.5; tỷ số thì tính ra số trước",
    ),
    (
        "0x10",
        f'{REPORTS}:5: gia_tri: "0x10" là số viết theo hệ 16, 8 hoặc 2 '
        "— viết số thập phân bằng các chữ số 0–9, không có tiền tố 0x, 0o, 0b",
    ),
    ("1_0", f'{REPORTS}:5: gia_tri: số "1_0" có dấu gạch dưới "_" — bỏ dấu "_", viết 10'),
    (
        ".inf",
        f'{REPORTS}:5: gia_tri: phải là một số cụ thể, nhận được ".inf" '
        "— viết bằng chữ số, dùng dấu chấm thập phân, ví dụ 93.5; chưa có số liệu thì để trống",
    ),
    (
        ".nan",
        f'{REPORTS}:5: gia_tri: phải là một số cụ thể, nhận được ".nan" '
        "— viết bằng chữ số, dùng dấu chấm thập phân, ví dụ 93.5; chưa có số liệu thì để trống",
    ),
    ('"92.9"', f'{REPORTS}:5: gia_tri: số "92.9" nằm trong ngoặc kép nên bị đọc là chữ — bỏ dấu ngoặc kép, viết 92.9'),
]


@pytest.mark.parametrize(("typed", "expected"), NUMBER_CASES, ids=[case[0] for case in NUMBER_CASES])
def test_numbers_outside_yaml_1_2_are_refused_saying_what_to_write(tmp_path, typed, expected):
    assert check_with(tmp_path, report_text(gia_tri=typed)) == [expected]


def test_leading_zero_is_decimal_and_decimal_numbers_read_as_typed():
    value, problems = parse_text("a: 010\nb: 92.9\nc: -5\nd: 1e3\ne: .5\nf: 2026-Q4\n", "data/t.yml")
    assert problems == []
    assert value == {"a": 10, "b": 92.9, "c": -5, "d": 1000.0, "e": 0.5, "f": "2026-Q4"}
    assert isinstance(value["a"], int)


def test_a_report_of_010_is_published_as_ten(tmp_path):
    data = copy_data(tmp_path)
    (data / "cap-nhat" / "2026.yml").write_text(report_text(gia_tri="010"), encoding="utf-8")
    from macros import pipeline

    site = pipeline.load_site(data, data.parent, TODAY)
    assert [report.value for report in site.plan.reports_for("bao-hiem-y-te")] == [10]


CUT_OFF = f'{REPORTS}:7: nguon: phần sau dấu # bị bỏ ("#15 của BHXH" không được đọc) — đặt cả giá trị trong ngoặc kép'


def test_a_comment_cutting_a_text_value_short_is_reported(tmp_path):
    assert check_with(tmp_path, report_text(nguon="Báo cáo #15 của BHXH")) == [CUT_OFF]


def test_a_comment_after_a_number_or_an_id_is_still_a_comment(tmp_path):
    text = report_text(gia_tri="91 # tạm tính", chi_tieu="bao-hiem-y-te # BHYT")
    assert check_with(tmp_path, text) == []


def test_quoted_text_keeps_its_hash():
    value, problems = parse_text('nguon: "Báo cáo #15 của BHXH"\n', "data/t.yml")
    assert problems == [] and value == {"nguon": "Báo cáo #15 của BHXH"}


OTHER_DROPS = [
    (
        "anchor",
        report_text(nguon="&15 Báo cáo"),
        [
            f'{REPORTS}:7: nguon: giá trị bắt đầu bằng dấu "&" nên YAML coi chữ đầu là tên neo và bỏ đi — '
            "đặt cả giá trị trong ngoặc kép"
        ],
    ),
    (
        "alias",
        report_text(nguon="&a Báo cáo", ghi_chu="*a"),
        [
            f'{REPORTS}:7: nguon: giá trị bắt đầu bằng dấu "&" nên YAML coi chữ đầu là tên neo và bỏ đi — '
            "đặt cả giá trị trong ngoặc kép",
            f"{REPORTS}:7: bí danh YAML: giá trị này chép lại một giá trị khác bằng bí danh YAML (*tên) — "
            'viết đầy đủ giá trị; nếu văn bản bắt đầu bằng dấu "*" thì đặt cả giá trị trong ngoặc kép',
        ],
    ),
    (
        "tag",
        report_text(gia_tri="!!float 1:30"),
        [
            f'{REPORTS}:5: gia_tri: giá trị bắt đầu bằng dấu "!" nên YAML coi chữ đầu là thẻ kiểu và bỏ đi — '
            "đặt cả giá trị trong ngoặc kép",
            f'{REPORTS}:5: gia_tri: "1:30" không phải là một số (dấu hai chấm dùng cho giờ hay tỷ số) '
            "— viết một số thập phân với dấu chấm, ví dụ 1.5; tỷ số thì tính ra số trước",
        ],
    ),
    (
        "second document",
        report_text() + "---\nbao_cao:\n  - chi_tieu: bao-hiem-y-te\n",
        [
            f'{REPORTS}:9: cú pháp YAML: tệp không đọc được: dòng "---" (hoặc "...") chia tệp thành nhiều phần, '
            'nhưng mỗi tệp chỉ được có một phần — bỏ dòng "---" và đưa các mục phía sau vào cùng danh sách phía trên'
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [case[1:] for case in OTHER_DROPS], ids=[c[0] for c in OTHER_DROPS])
def test_other_constructs_that_drop_text_are_reported(tmp_path, text, expected):
    assert sorted(check_with(tmp_path, text)) == sorted(expected)


def test_block_scalars_keep_every_word():
    text = "a: |\n  Báo cáo #15\n  của BHXH\nb: >-\n  Báo cáo #15\n  của BHXH\n"
    value, problems = parse_text(text, "data/t.yml")
    assert problems == []
    assert value == {"a": "Báo cáo #15\ncủa BHXH\n", "b": "Báo cáo #15 của BHXH"}


STRAY_FIX = "đổi tên thành data/cap-nhat/2026.yml (nếu tệp đó đã có, chép các mục còn thiếu sang đó rồi xóa tệp này)"
STRAY_MESSAGE = "không có bước nào đọc tệp này, nên nội dung của nó không được kiểm tra và không được công bố"


@pytest.mark.parametrize("name", ["cap-nhat/2026.yaml", "cap-nhat/2026.YML", "cap-nhat/2026.yml.txt", "2026.yml"])
def test_a_report_file_nobody_reads_is_an_error_saying_where_it_belongs(tmp_path, name):
    assert check_with(tmp_path, report_text(), name) == [f"data/{name}: tệp: {STRAY_MESSAGE} — {STRAY_FIX}"]


@pytest.mark.parametrize("name", ["cap-nhat/Bao-cao.XLSX", "Bao-cao.xlsx", "cap-nhat/thang-11/Bao-cao.xlsx"])
def test_a_workbook_nobody_reads_keeps_its_own_name_in_the_fix(tmp_path, name):
    """A workbook may have any name in data/cap-nhat/: the fix is its place and a lower-case .xlsx, not "<năm>"."""
    fix = "đổi tên thành data/cap-nhat/bao-cao.xlsx"
    assert check_with(tmp_path, b"PK", name) == [f"data/{name}: tệp: {STRAY_MESSAGE} — {fix}"]


def test_a_stray_copy_of_a_main_file_is_named_with_its_place(tmp_path):
    expected = f"data/chi-tieu.yaml: tệp: {STRAY_MESSAGE} — đổi tên thành data/chi-tieu.yml"
    assert check_with(tmp_path, "chi_tieu: []\n", "chi-tieu.yaml") == [expected]


def test_the_kept_files_are_accounted_for():
    from macros.data.stray import accepted

    data = ROOT / "data"
    assert {path for path in data.rglob("*") if path.is_file()} == accepted(data)


ENCODING = (
    f"{REPORTS}: mã hóa ký tự: tệp không được lưu theo bảng mã UTF-8 (có thể là UTF-16 hoặc Windows-1258) nên "
    "không đọc được — mở tệp bằng Notepad, chọn File > Save As (Lưu thành), ở ô Encoding (Mã hóa) chọn UTF-8 rồi "
    "lưu lại; hoặc chép nội dung vào trình sửa tệp trên trang GitHub"
)


def windows_1258(text: str) -> bytes:
    """Vietnamese as Windows-1258 writes it: a base letter (maybe with its hat) and a combining tone mark."""
    out = b""
    for char in text:
        parts = unicodedata.normalize("NFD", char)
        if char.encode("cp1258", errors="ignore") or len(parts) == 1:
            out += char.encode("cp1258")
        else:
            out += (unicodedata.normalize("NFC", parts[:-1]) + parts[-1]).encode("cp1258")
    return out


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "cp1258"])
def test_other_encodings_get_one_message_and_the_summary_lists_it(tmp_path, encoding):
    data = copy_data(tmp_path)
    text = report_text(ghi_chu='"Ấp Vĩnh Thạnh đạt"')
    raw = windows_1258(text) if encoding == "cp1258" else text.encode(encoding)
    (data / "cap-nhat" / "2026.yml").write_bytes(raw)
    assert messages(data, TODAY) == [ENCODING]
    result = run_check(data)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stdout.splitlines()[0] == ENCODING
    summary = (data.parent / "summary.md").read_text(encoding="utf-8")
    assert f"- `{REPORTS}`, trường `mã hóa ký tự`: tệp không được lưu theo bảng mã UTF-8" in summary


def test_utf8_with_bom_and_crlf_is_read(tmp_path):
    text = "\ufeff" + report_text().replace("\n", "\r\n")
    assert check_with(tmp_path, text.encode("utf-8")) == []


def test_text_is_normalised_to_nfc():
    decomposed = unicodedata.normalize("NFD", "Báo cáo Ấp Vĩnh Thạnh")
    value, problems = parse_text(f"nguon: {decomposed}\n", "data/t.yml")
    assert problems == [] and value["nguon"] == "Báo cáo Ấp Vĩnh Thạnh"
    assert value["nguon"] != decomposed


def test_decomposed_text_is_accepted_by_the_check(tmp_path):
    nfd = unicodedata.normalize("NFD", '"Báo cáo số 1 của Ủy ban"')
    assert check_with(tmp_path, report_text(nguon=nfd).encode("utf-8")) == []


INVISIBLE_CASES = [
    (
        "nbsp in id",
        report_text(chi_tieu="bao-hiem-y-te\u00a0"),
        f"{REPORTS}:3: chi_tieu: có ký tự vô hình (dấu cách không ngắt (NBSP), U+00A0) ở cột 28 "
        "— xóa ký tự đó rồi gõ lại bằng bàn phím (dấu cách thường nếu cần một dấu cách)",
    ),
    (
        "zero-width space in id",
        report_text(don_vi_bao_cao="phong\u200b-kinh-te"),
        f"{REPORTS}:8: don_vi_bao_cao: có ký tự vô hình (dấu cách độ rộng 0 (zero-width space), U+200B) ở cột 26 "
        "— xóa ký tự đó rồi gõ lại bằng bàn phím (dấu cách thường nếu cần một dấu cách)",
    ),
    (
        "nbsp in text",
        report_text(nguon='"Báo cáo\u00a0số 1"'),
        f"{REPORTS}:7: nguon: có ký tự vô hình (dấu cách không ngắt (NBSP), U+00A0) ở cột 20 "
        "— xóa ký tự đó rồi gõ lại bằng bàn phím (dấu cách thường nếu cần một dấu cách)",
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in INVISIBLE_CASES], ids=[c[0] for c in INVISIBLE_CASES])
def test_invisible_characters_are_named_with_their_column(tmp_path, text, expected):
    assert expected in check_with(tmp_path, text)


LONG_NOTE = (
    f"{REPORTS}:9: ghi_chu: dài 20.000 ký tự, quá giới hạn 500 ký tự của trường này — viết ngắn gọn; "
    "nội dung dài để trong văn bản báo cáo, ở đây chỉ ghi số hiệu hoặc đường liên kết"
)


def test_a_very_long_note_is_refused(tmp_path):
    assert check_with(tmp_path, report_text(ghi_chu="a" * 20_000)) == [LONG_NOTE]


def test_every_text_field_declares_a_limit_and_the_schema_carries_it():
    for record in RECORDS.values():
        for field in record.fields:
            if field.kind in ("text", "texts"):
                assert 0 < field.max_length <= 5000, (record.name, field.name)
    schema = json.loads((ROOT / "data" / "schemas" / "cap-nhat.schema.json").read_text(encoding="utf-8"))
    note = schema["$defs"]["report"]["properties"]["ghi_chu"]["anyOf"][0]
    assert note["maxLength"] == RECORDS["report"].field("ghi_chu").max_length == 500


SYNTAX = f"{REPORTS}:{{line}}: cú pháp YAML: tệp không đọc được: "
SYNTAX_CASES = [
    (
        "tab indentation",
        report_text().replace("    ky:", "\tky:"),
        SYNTAX.format(line=4) + "dòng này thụt lề bằng phím Tab, mà YAML chỉ nhận dấu cách — xóa Tab ở đầu dòng "
        "rồi thụt lề bằng dấu cách, thẳng cột với các trường cùng mục",
    ),
    (
        "missing colon",
        report_text().replace("ky: 2026-Q3", "ky 2026-Q3"),
        SYNTAX.format(line=4) + 'dòng này thiếu dấu hai chấm sau tên trường — viết "ky: 2026-Q3"',
    ),
    (
        "missing colon on the last line",
        report_text().replace("don_vi_bao_cao: phong-kinh-te", "don_vi_bao_cao phong-kinh-te"),
        SYNTAX.format(line=8) + 'dòng này thiếu dấu hai chấm sau tên trường — viết "don_vi_bao_cao: phong-kinh-te"',
    ),
    (
        "missing space after the colon",
        report_text().replace("gia_tri: 91", "gia_tri:92.9"),
        SYNTAX.format(line=5)
        + 'thiếu dấu cách sau dấu hai chấm — viết "gia_tri: 92.9" (một dấu cách sau dấu hai chấm)',
    ),
    (
        "curly quotes",
        report_text(nguon="“Báo cáo: số 12”"),
        SYNTAX.format(line=7) + "giá trị mở đầu bằng dấu ngoặc kép cong “ ” (thường do dán từ Word), YAML không coi "
        'đó là ngoặc kép — thay dấu ngoặc cong ở đầu và cuối giá trị bằng dấu ngoặc kép thẳng ", ví dụ '
        'nguon: "Báo cáo: số 12"',
    ),
    (
        "unclosed quote",
        report_text(nguon='"Báo cáo số 1'),
        SYNTAX.format(line=7) + "dấu ngoặc kép mở ở dòng này chưa được đóng — thêm dấu ngoặc kép đóng (cùng loại "
        "với dấu mở) ở cuối giá trị, trên cùng dòng này",
    ),
    (
        "indented too far",
        report_text().replace("    gia_tri", "     gia_tri"),
        SYNTAX.format(line=5) + "dòng này thụt lề 5 dấu cách, lệch với dòng 4 (4 dấu cách) — thụt lề dòng này bằng "
        "4 dấu cách, thẳng cột với dòng 4",
    ),
    (
        "indented too little",
        report_text().replace("    gia_tri", "   gia_tri"),
        SYNTAX.format(line=5) + "dòng này thụt lề 3 dấu cách, lệch với dòng 4 (4 dấu cách) — thụt lề dòng này bằng "
        "4 dấu cách, thẳng cột với dòng 4",
    ),
    (
        "colon inside a value",
        report_text(nguon="Báo cáo: số 12"),
        SYNTAX.format(line=7) + 'giá trị có dấu hai chấm và dấu cách (": "), YAML hiểu nhầm là một trường mới — '
        'đặt cả giá trị trong ngoặc kép, ví dụ nguon: "Báo cáo: số 12"',
    ),
    (
        "missing space after the list dash",
        report_text().replace("  - chi_tieu", "  -chi_tieu"),
        SYNTAX.format(line=3) + 'thiếu dấu cách sau dấu gạch ngang mở đầu mục — viết "  - chi_tieu: bao-hiem-y-te"',
    ),
    (
        "text after the closing quote",
        report_text(nguon='"Báo cáo" số 1'),
        SYNTAX.format(line=7) + 'có chữ ("số 1") sau dấu ngoặc kép đóng — đặt cả giá trị trong một cặp ngoặc kép; '
        "nếu trong chữ có ngoặc kép thì bao ngoài bằng ngoặc đơn",
    ),
    (
        "control character",
        report_text(nguon='"Báo cáo\x07 số 1"'),
        SYNTAX.format(line=7) + "có ký tự điều khiển không in được (U+0007) ở cột 20 — gõ lại đoạn văn bản này "
        "thay vì dán từ tệp khác",
    ),
    (
        "missing list dash",
        report_text() + "\n".join(f"    {key}: {value}" for key, value in {**GOOD, "ky": "2026-Q4"}.items()) + "\n",
        f"{REPORTS}:9: chi_tieu: trường này đã có ở dòng 3 trong cùng một mục: có lẽ dòng 9 mở đầu một mục mới "
        'nhưng thiếu dấu gạch ngang — viết dòng 9 thành "  - chi_tieu: bao-hiem-y-te" (dấu gạch ngang thẳng cột '
        "với dòng 3)",
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in SYNTAX_CASES], ids=[c[0] for c in SYNTAX_CASES])
def test_syntax_errors_show_only_the_real_error_at_its_line(tmp_path, text, expected):
    found = check_with(tmp_path, text)
    assert found == [expected]
    fixes = expected.split(" — ", 1)[1]
    assert "xóa dòng" not in fixes and "xóa một" not in fixes and "giữ lại" not in fixes


# Every bad case above, through the command staff and CI run: exit status 1 and the exact line, file and line first.
CHECK_CASES = [
    *[(name, text, expected) for name, text, expected in SYNTAX_CASES],
    *[(typed, report_text(gia_tri=typed), expected) for typed, expected in NUMBER_CASES],
    *[(name, text, expected) for name, text, expected in INVISIBLE_CASES],
    *[(name, text, expected[0]) for name, text, expected in OTHER_DROPS],
    ("cut by #", report_text(nguon="Báo cáo #15 của BHXH"), CUT_OFF),
    ("long note", report_text(ghi_chu="a" * 20_000), LONG_NOTE),
]


@pytest.mark.parametrize(("text", "expected"), [case[1:] for case in CHECK_CASES], ids=[c[0] for c in CHECK_CASES])
def test_make_check_fails_naming_file_and_line(tmp_path, text, expected):
    data = copy_data(tmp_path)
    (data / "cap-nhat" / "2026.yml").write_text(text, encoding="utf-8")
    result = run_check(data)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert expected in result.stdout.splitlines()
    assert expected.startswith(f"{REPORTS}:") and expected.split(":")[1].isdigit()


def test_make_check_fails_naming_a_stray_file(tmp_path):
    data = copy_data(tmp_path)
    (data / "cap-nhat" / "2026.YML").write_text(report_text(), encoding="utf-8")
    result = run_check(data)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stdout.splitlines() == [f"data/cap-nhat/2026.YML: tệp: {STRAY_MESSAGE} — {STRAY_FIX}"]
    summary = (data.parent / "summary.md").read_text(encoding="utf-8")
    assert f"- `data/cap-nhat/2026.YML`, trường `tệp`: {STRAY_MESSAGE} — {STRAY_FIX}" in summary
