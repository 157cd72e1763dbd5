"""Issue bodies as GitHub renders a submitted (or hand-edited) form, through scripts/form_report.py (issue 16): read by
the form's labels in order, refused whole when sections are repeated, missing or out of order, never a traceback;
and the correction route ("Loại báo cáo": "Sửa báo cáo đã gửi")."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import unicodedata

import pytest
import yaml
from support.data import copy_data
from support.forms import CORRECTION, ENV, GOOD, HAMLET, body, render, sections, submit
from support.paths import ROOT, TODAY
from support.workbooks import GOOD_ROWS, fill, save, template_bytes

from macros import pipeline


def yaml_reports(data) -> list[dict]:
    return yaml.safe_load((data / "cap-nhat" / "2026.yml").read_text(encoding="utf-8"))["bao_cao"] or []


def swapped(parts, first: str, second: str):
    index = {label: i for i, (label, _) in enumerate(parts)}
    parts = list(parts)
    parts[index[first]], parts[index[second]] = parts[index[second]], parts[index[first]]
    return parts


NOTE = "Ghi chú"
# (body, "pr" and what the YAML report holds, or "invalid" and a line of the comment)
BODIES = [
    ("good", body(**GOOD), "pr", {"gia_tri": 81.82}),
    ("percent sign", body(**GOOD | {"gia_tri": "81,82%"}), "pr", {"gia_tri": 81.82}),
    ("windows line ends", body(**GOOD).replace("\n", "\r\n"), "pr", {"gia_tri": 81.82}),
    ("labels typed in decomposed Unicode", unicodedata.normalize("NFD", body(**GOOD)), "pr", {"gia_tri": 81.82}),
    ("bare ids", body(**GOOD | {"chi_tieu": "bao-hiem-y-te", "don_vi_bao_cao": "thong-ke-co-so"}), "pr", {}),
    (
        "a heading typed in the note",
        body(**GOOD | {"ghi_chu": "Số ước tính\n\n### Chi tiết\n\nxem bảng 2"}),
        "pr",
        {"ghi_chu": "Số ước tính\n\n### Chi tiết\n\nxem bảng 2"},
    ),
    (
        "a heading without a space",
        body(**GOOD | {"ghi_chu": "###Giá trị cũ là 80"}),
        "pr",
        {"ghi_chu": "###Giá trị cũ là 80"},
    ),
    ("trailing spaces on a heading", body(**GOOD).replace("### Giá trị\n", "### Giá trị   \n"), "pr", {}),
    ("a note that is a share as a fraction", body(**GOOD | {"gia_tri": "0,935"}), "pr", {"gia_tri": 0.935}),
    (
        "per-hamlet by name",
        body(**HAMLET | {"gia_tri": None, "theo_ap": "Vĩnh Thạnh: 2"}),
        "pr",
        {"theo_ap": {"vinh-thanh": 2}},
    ),
    (
        "95²",
        body(**GOOD | {"gia_tri": "95²"}),
        "invalid",
        '**Giá trị**: "95²" có ký tự ‘²’ (U+00B2) không phải chữ số thường',
    ),
    (
        "zero-width space",
        body(**GOOD | {"gia_tri": "93,5\u200b"}),
        "invalid",
        "**Giá trị**: có ký tự vô hình: dấu cách độ rộng 0 (U+200B) sau ‘93,5’",
    ),
    (
        "no-break space in the source",
        body(**GOOD | {"nguon": "Báo cáo\u00a0số 45"}),
        "invalid",
        "**Nguồn số liệu**: có ký tự vô hình: dấu cách không ngắt (U+00A0) sau ‘Báo cáo’",
    ),
    (
        "a second value section",
        body(**GOOD | {"ghi_chu": "Sửa lại:\n\n### Giá trị\n\n90"}),
        "invalid",
        "**Nội dung issue**: mục “Giá trị” xuất hiện 2 lần; mỗi mục chỉ được có một lần",
    ),
    (
        "sections out of order",
        render(swapped(sections(**GOOD), "Kỳ báo cáo", "Ngày số liệu")),
        "invalid",
        "**Nội dung issue**: các mục không theo thứ tự của biểu mẫu",
    ),
    (
        "a section deleted",
        render([part for part in sections(**GOOD) if part[0] != "Nguồn số liệu"]),
        "invalid",
        "**Nguồn số liệu**: thiếu mục này trong nội dung issue",
    ),
    (
        "text before the first section",
        "Xin gửi số liệu.\n\n" + body(**GOOD),
        "invalid",
        "**Nội dung issue**: có nội dung trước mục đầu tiên “Loại báo cáo”",
    ),
    ("an empty body", "", "invalid", "**Chỉ tiêu**: thiếu mục này trong nội dung issue"),
    ("a letter, not a form", "Kính gửi UBND xã,\n\nSố liệu quý 3 là 81,82%.", "invalid", "thiếu mục này"),
    ("no value", body(**GOOD | {"gia_tri": None}), "invalid", '**Giá trị**: thiếu giá trị báo cáo — điền "Giá trị"'),
    ("two readings", body(**GOOD | {"gia_tri": "1.234"}), "invalid", '**Giá trị**: "1.234" đọc được hai cách'),
    ("a formula typed", body(**GOOD | {"gia_tri": "=9/11*100"}), "invalid", '**Giá trị**: không đọc được "=9/11*100"'),
    ("scientific", body(**GOOD | {"gia_tri": "1e3"}), "invalid", '**Giá trị**: không đọc được "1e3"'),
    (
        "no such day",
        body(**GOOD | {"ngay": "31/09/2026"}),
        "invalid",
        '**Ngày số liệu**: ngày "31/09/2026" không có thật',
    ),
    (
        "correction without a reason",
        body(**CORRECTION | {"ly_do_sua": None}),
        "invalid",
        "**Lý do sửa**: chưa ghi lý do sửa — khi chọn “Sửa báo cáo đã gửi”, ghi vì sao sửa",
    ),
    (
        "a reason on a new report",
        body(**GOOD | {"ly_do_sua": "nhầm"}),
        "invalid",
        "**Lý do sửa**: chỉ ghi lý do sửa khi chọn “Sửa báo cáo đã gửi”",
    ),
    (
        "an unknown kind",
        body(**GOOD | {"loai_bao_cao": "Khác"}),
        "invalid",
        "**Loại báo cáo**: “Khác” không phải một lựa chọn",
    ),
    (
        "a correction of nothing",
        body(**CORRECTION),
        "invalid",
        "**Kỳ báo cáo**: chỉ tiêu bao-hiem-y-te chưa có báo cáo kỳ 2026-Q3 nào để sửa",
    ),
    (
        "an unknown hamlet",
        body(**HAMLET | {"gia_tri": None, "theo_ap": "ấp Không Có: 2"}),
        "invalid",
        "**Giá trị theo ấp**: không có ấp nào mang mã",
    ),
    ("a long note", body(**GOOD | {"ghi_chu": "a" * 600}), "invalid", "**Ghi chú**: dài 600 ký tự"),
    (
        "one hamlet on two lines, by name and by id",
        body(**HAMLET | {"gia_tri": None, "theo_ap": "Vĩnh Thạnh: 3\nvinh-thanh: 4"}),
        "invalid",
        "**Giá trị theo ấp**: ấp “vinh-thanh” có hơn một dòng (“vinh-thanh: 4”) "
        "— mỗi ấp chỉ ghi một dòng; xoá dòng thừa",
    ),
    (
        "hamlets given for a target not counted by hamlet",
        body(**GOOD | {"theo_ap": "Vĩnh Thạnh: 95"}),
        "invalid",
        "**Giá trị theo ấp**: chỉ tiêu này không tính theo từng ấp, nên số của từng ấp không được dùng "
        "— không ghi số theo từng ấp; ghi một số chung cho cả xã",
    ),
    (
        "a commune-wide value for a per-hamlet target",
        body(**HAMLET | {"gia_tri": "5", "theo_ap": "Vĩnh Thạnh: 2"}),
        "invalid",
        "**Giá trị**: chỉ tiêu này tính theo từng ấp, nên chỉ số của từng ấp được dùng; số chung của cả xã thì không "
        '— để trống "Giá trị"',
    ),
]


def test_there_are_enough_bodies():
    assert len(BODIES) >= 20


@pytest.mark.parametrize(("name", "text", "result", "expected"), BODIES, ids=[case[0] for case in BODIES])
def test_every_body_is_read_or_refused_with_the_reason(tmp_path, name, text, result, expected):
    data = copy_data(tmp_path)
    before = (data / "cap-nhat" / "2026.yml").read_text(encoding="utf-8")
    files = submit(data, text, tmp_path)
    assert files["result"].strip() == result, files["comment.md"]
    if result == "invalid":
        assert expected in files["comment.md"], files["comment.md"]
        assert "close.md" in files and (data / "cap-nhat" / "2026.yml").read_text(encoding="utf-8") == before
        return
    (report,) = yaml_reports(data)
    assert {key: report[key] for key in expected} == expected
    assert pipeline.check(data, data.parent, TODAY) == []


# ----------------------------------------------------------------- the correction route

REPORTED = (
    "bao_cao:\n  - chi_tieu: bao-hiem-y-te  # quý 3\n    ky: 2026-Q3\n    gia_tri: 80\n    ngay: 2026-09-30\n"
    '    nguon: "Báo cáo số 1"\n    don_vi_bao_cao: phong-kinh-te\n\n  - chi_tieu: kham-pha-an\n    ky: 2026-Q3\n'
    '    gia_tri: 70\n    ngay: 2026-09-30\n    nguon: "Báo cáo số 2"\n    don_vi_bao_cao: cong-an-xa\n'
)


def reported(data, text: str = REPORTED) -> None:
    path = data / "cap-nhat" / "2026.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("bao_cao: []\n", text), encoding="utf-8")


def test_a_new_report_for_a_period_already_reported_points_to_the_correction_route(tmp_path):
    data = copy_data(tmp_path)
    reported(data)
    files = submit(data, body(**GOOD), tmp_path)
    line = (
        (data / "cap-nhat" / "2026.yml")
        .read_text(encoding="utf-8")
        .splitlines()
        .index("  - chi_tieu: bao-hiem-y-te  # quý 3")
    )
    assert (
        f"- **Kỳ báo cáo**: chỉ tiêu bao-hiem-y-te đã có báo cáo kỳ 2026-Q3 (data/cap-nhat/2026.yml:{line + 1}) — nếu "
        "muốn sửa số đã gửi, chọn “Loại báo cáo”: “Sửa báo cáo đã gửi” và ghi “Lý do sửa”"
    ) in files["comment.md"]


def test_a_correction_replaces_the_yaml_report_in_place(tmp_path):
    data = copy_data(tmp_path)
    reported(data)
    before = (data / "cap-nhat" / "2026.yml").read_text(encoding="utf-8")
    files = submit(data, body(**CORRECTION | {"ghi_chu": "theo báo cáo của BHXH"}), tmp_path)
    assert files["result"].strip() == "pr", files["comment.md"]
    assert files["title"].startswith("Sửa báo cáo tiến độ từ biểu mẫu web (#42)")
    after = (data / "cap-nhat" / "2026.yml").read_text(encoding="utf-8")
    head, tail = before.split("  - chi_tieu: bao-hiem-y-te  # quý 3\n")
    assert after.startswith(head) and after.endswith(tail[tail.index("\n\n  - chi_tieu: kham-pha-an") :])
    reports = {report["chi_tieu"]: report for report in yaml_reports(data)}
    assert reports["bao-hiem-y-te"]["gia_tri"] == 81.82
    assert reports["bao-hiem-y-te"]["ghi_chu"] == "Sửa: Số quý 3 tính nhầm; theo báo cáo của BHXH"
    assert reports["kham-pha-an"]["gia_tri"] == 70 and len(reports) == 2
    assert pipeline.check(data, data.parent, TODAY) == []


def test_a_correction_of_a_workbook_row_is_added_as_a_correction_that_replaces_it(tmp_path):
    data = copy_data(tmp_path)
    save(fill(template_bytes(), {"bao-hiem-y-te": GOOD_ROWS["bao-hiem-y-te"]}), data / "cap-nhat" / "thang-9.xlsx")
    files = submit(data, body(**CORRECTION | {"gia_tri": "82,5"}), tmp_path)
    assert files["result"].strip() == "pr", files["comment.md"]
    assert 'trước đây ở `data/cap-nhat/thang-9.xlsx, trang tính "Báo cáo", dòng' in files["pr-body.md"]
    (added,) = yaml_reports(data)
    assert added["gia_tri"] == 82.5 and added["ghi_chu"] == "Sửa: Số quý 3 tính nhầm"
    site = pipeline.load_site(data, data.parent, TODAY)
    (report,) = [r for r in site.plan.reports if r.target_id == "bao-hiem-y-te"]
    assert report.value == 82.5 and report.file == "data/cap-nhat/2026.yml"


def test_a_correction_of_one_hamlet_keeps_the_others(tmp_path):
    data = copy_data(tmp_path)
    reported(
        data,
        "bao_cao:\n  - chi_tieu: to-hop-tac-tung-ap\n    ky: 2026-Q4\n    theo_ap:\n      vinh-thanh: 1\n"
        '    ngay: 2026-11-15\n    nguon: "Báo cáo số 13/BC-PKT"\n    don_vi_bao_cao: phong-kinh-te\n',
    )
    text = body(**HAMLET | {"loai_bao_cao": "Sửa báo cáo đã gửi", "ly_do_sua": "Ấp báo thiếu", "gia_tri": None})
    files = submit(
        data, text.replace("### Giá trị theo ấp\n\n_No response_", "### Giá trị theo ấp\n\nẤp Vĩnh Thạnh: 2"), tmp_path
    )
    assert files["result"].strip() == "pr", files["comment.md"]
    (report,) = yaml_reports(data)
    assert report["theo_ap"] == {"vinh-thanh": 2} and report["ghi_chu"] == "Sửa: Ấp báo thiếu"


def test_the_review_summary_shows_a_correction_old_to_new_with_its_reason(tmp_path):
    base = copy_data(tmp_path / "base")
    reported(base)
    head = copy_data(tmp_path / "head")
    reported(head)
    assert submit(head, body(**CORRECTION), tmp_path)["result"].strip() == "pr"
    command = [sys.executable, str(ROOT / "scripts" / "pr_summary.py"), "--base", str(base), "--head", str(head)]
    out = subprocess.run(command, capture_output=True, text=True, env=ENV, check=True).stdout
    assert "### Báo cáo được sửa (1)" in out
    assert (
        "| `bao-hiem-y-te` | Quý 3/2026 | 80%, 30/09/2026, Báo cáo số 1 → | 81,82%, 30/09/2026, Báo cáo số 45/BC-BHXH"
        in out
    )
    assert "| Số quý 3 tính nhầm |" in out


def test_an_edited_body_that_is_no_longer_valid_says_how_the_open_pr_is_closed(tmp_path):
    data = copy_data(tmp_path)
    assert submit(data, body(**GOOD), tmp_path)["result"].strip() == "pr"
    fresh = copy_data(tmp_path / "again")  # the workflow starts again from the default branch
    files = submit(fresh, body(**GOOD | {"gia_tri": "tám mươi"}), tmp_path)
    assert files["result"].strip() == "invalid"
    assert files["close.md"].startswith("Issue #42 đã được sửa và nội dung mới chưa hợp lệ")


def test_the_date_of_a_correction_is_checked_like_any_other(tmp_path):
    data = copy_data(tmp_path)
    reported(data)
    files = submit(data, body(**CORRECTION | {"ngay": "15/10/2026"}), tmp_path)
    assert files["result"].strip() == "invalid"
    assert "**Ngày số liệu**: ngày số liệu 15/10/2026 sau khi kỳ Quý 3/2026 đã kết thúc" in files["comment.md"]
    assert yaml_reports(data)[0]["gia_tri"] == 80  # restored
    assert dt.date(2026, 9, 30) == yaml_reports(data)[0]["ngay"]
