"""Workbooks as the office suites store what a clerk types (issue 16): percent and date cells, every sheet, merged
cells, rows below the table, counts of things, corrections, .ods, .xls and .csv, characters that do not show. Each
case goes through the real reader and check (scripts/check.py), with the exact Vietnamese message."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pytest
from bs4 import BeautifulSoup
from support.build import build_site
from support.data import check_data, copy_data, one_yaml_report, patch, reports_of
from support.workbooks import (
    GOOD_ROWS,
    fill,
    resave_with_libreoffice,
    row_of,
    save,
    template_bytes,
    to_ods,
    typed_in_calc,
)

from macros.intake import template
from macros.intake.workbook import HEADERS

COMMON = {"Nguồn số liệu": "Báo cáo số 1/BC", "Đơn vị báo cáo": "Phòng Kinh tế (phong-kinh-te)"}
SAVE_STEPS = (
    "mở tệp rồi lưu lại dạng .xlsx — Excel: Tệp (File) → Lưu Như (Save As) → ở ô Lưu dưới dạng (Save as type) chọn "
    "Sổ làm việc Excel (*.xlsx) → Lưu (Save); LibreOffice: Tập tin (File) → Lưu dạng (Save As) → ở ô Kiểu tập tin "
    "(File type) chọn Excel 2007-365 (.xlsx) → Lưu (Save) → Dùng định dạng Excel 2007-365! (Use Excel 2007-365!); "
    "WPS Office: Tệp (File) → Lưu thành (Save As) → ở ô Kiểu tệp (File type) chọn Tệp Excel (*.xlsx) → Lưu (Save). "
    "Rồi tải tệp .xlsx lên thư mục data/cap-nhat và xoá tệp này"
)


@pytest.fixture(scope="module")
def blank() -> bytes:
    return template_bytes()


def formatted(book: openpyxl.Workbook, target: str, column: str, number_format: str) -> None:
    """The number format an office suite gives a cell when the clerk types into it ("81,82%" -> 0.00%)."""
    sheet = book[template.REPORT_SHEET]
    sheet[f"{column}{row_of(book, target)}"].number_format = number_format


def where(file: str, row: int, column: str, sheet: str = template.REPORT_SHEET) -> str:
    return f'data/cap-nhat/{file}: trang tính "{sheet}", dòng {row}, cột "{column}": '


PERCENT_ROWS = {
    "bao-hiem-y-te": GOOD_ROWS["bao-hiem-y-te"] | {"Giá trị": 0.8182},  # "81,82%" typed: 0.8182 in a 0.00% cell
    "thu-ngan-sach-vuot-du-toan": {"Kỳ báo cáo": "Năm 2025", "Giá trị": 1.053, "Ngày số liệu": "31/12/2025"} | COMMON,
}


def percent_book(blank: bytes) -> openpyxl.Workbook:
    book = fill(blank, PERCENT_ROWS)
    formatted(book, "bao-hiem-y-te", "E", "0.00%")
    formatted(book, "thu-ngan-sach-vuot-du-toan", "E", "0.0%")
    return book


# ----------------------------------------------------------------- 1. cells as the office suite shows them


@pytest.mark.parametrize("writer", ["openpyxl", "libreoffice", "ods"])
def test_a_percent_cell_is_the_percentage_it_shows(tmp_path, blank, writer):
    written = save(percent_book(blank), tmp_path / "in" / "phan-tram.xlsx")
    if writer == "libreoffice":
        written = resave_with_libreoffice(written, tmp_path / "lo")
    if writer == "ods":
        written = to_ods(written, tmp_path / "ods")
    data = copy_data(tmp_path)
    (data / "cap-nhat" / written.name).write_bytes(written.read_bytes())
    reports = reports_of(data)
    assert reports[("bao-hiem-y-te", "2026-Q3")].value == 81.82
    assert reports[("thu-ngan-sach-vuot-du-toan", "2025")].value == 105.3


def test_percent_cells_reach_the_pages_as_shown(tmp_path, blank):
    data = copy_data(tmp_path)
    save(percent_book(blank), data / "cap-nhat" / "phan-tram.xlsx")
    site = build_site(tmp_path / "site", data_dir=data)
    page = BeautifulSoup((site / "chi-tieu" / "bao-hiem-y-te" / "index.html").read_text(), "lxml").get_text()
    assert "81,82%" in page and "0,8182" not in page
    budget = (site / "chi-tieu" / "thu-ngan-sach-vuot-du-toan" / "index.html").read_text()
    assert "105,3% dự toán" in budget and "1,053% dự toán" not in budget


def test_a_percent_cell_on_a_count_target_is_refused(tmp_path, blank):
    rows = {"khach-san-moi": {"Kỳ báo cáo": "Năm 2026", "Giá trị": 0.02, "Ngày số liệu": "20/11/2026"} | COMMON}
    book = fill(blank, rows)
    formatted(book, "khach-san-moi", "E", "0%")
    data = copy_data(tmp_path)
    save(book, data / "cap-nhat" / "dem.xlsx")
    out = check_data(data).stdout
    assert (
        where("dem.xlsx", row_of(book, "khach-san-moi"), "Giá trị")
        + "chỉ tiêu này tính bằng khách sạn, không phải phần trăm (ô ghi dấu % hoặc định dạng phần trăm) — bỏ dấu % "
        "(hoặc đổi định dạng ô sang Số), hoặc kiểm tra lại đã ghi đúng dòng chỉ tiêu chưa"
    ) in out


def test_a_cell_that_shows_another_number_than_it_holds_is_refused(tmp_path, blank):
    book = fill(blank, {"bao-hiem-y-te": GOOD_ROWS["bao-hiem-y-te"] | {"Giá trị": 0.8182}})
    formatted(book, "bao-hiem-y-te", "E", "0%")  # the column was formatted without decimals: it shows 82%
    data = copy_data(tmp_path)
    save(book, data / "cap-nhat" / "lam-tron.xlsx")
    assert (
        where("lam-tron.xlsx", row_of(book, "bao-hiem-y-te"), "Giá trị")
        + "ô hiển thị 82% nhưng số lưu trong ô là 81,82% — tăng số chữ số thập phân của ô (Định dạng ô → Số) cho "
        "thấy đúng số cần báo cáo, hoặc gõ lại số"
    ) in check_data(data).stdout


@pytest.mark.parametrize("number_format", ["DD/MM/YYYY", "D MMMM YYYY", "YYYY-MM-DD", "[$-42A]dd/mm/yyyy", "d/m/yy"])
def test_a_date_cell_is_a_date_whatever_its_format(tmp_path, blank, number_format):
    row = GOOD_ROWS["bao-hiem-y-te"] | {"Ngày số liệu": dt.datetime(2026, 9, 30)}
    book = fill(blank, {"bao-hiem-y-te": row})
    formatted(book, "bao-hiem-y-te", "F", number_format)
    written = resave_with_libreoffice(save(book, tmp_path / "in" / "ngay.xlsx"), tmp_path / "lo")
    data = copy_data(tmp_path)
    (data / "cap-nhat" / "ngay.xlsx").write_bytes(written.read_bytes())
    assert reports_of(data)[("bao-hiem-y-te", "2026-Q3")].as_of == dt.date(2026, 9, 30)


# ----------------------------------------------------------------- 2. every sheet


def two_sheets(blank: bytes) -> openpyxl.Workbook:
    """October on the template's sheet, November on a copy of it (Excel's "Move or Copy")."""
    book = fill(blank, {"san-pham-ocop-3-sao": GOOD_ROWS["san-pham-ocop-3-sao"]})
    copy = book.copy_worksheet(book[template.REPORT_SHEET])
    copy.title = "Tháng 11"
    for row in copy.iter_rows(min_row=2):
        row[4].value = None
    row = row_of(book, "san-pham-ocop-3-sao", "Tháng 11")
    copy[f"D{row}"], copy[f"E{row}"], copy[f"F{row}"] = "Tháng 11/2026", 4, "29/11/2026"
    copy[f"G{row}"], copy[f"H{row}"] = "Báo cáo số 13/BC-PKT", "phong-kinh-te"
    return book


def test_every_sheet_with_the_header_row_is_read(tmp_path, blank):
    data = copy_data(tmp_path)
    save(two_sheets(blank), data / "cap-nhat" / "hai-trang.xlsx")
    reports = reports_of(data)
    assert reports[("san-pham-ocop-3-sao", "2026-10")].value == 3
    assert reports[("san-pham-ocop-3-sao", "2026-11")].value == 4
    assert (
        reports[("san-pham-ocop-3-sao", "2026-11")].place
        == 'data/cap-nhat/hai-trang.xlsx, trang tính "Tháng 11", dòng 5'
    )


def test_a_problem_on_another_sheet_is_named_by_sheet_row_and_column(tmp_path, blank):
    book = two_sheets(blank)
    row = row_of(book, "san-pham-ocop-3-sao", "Tháng 11")
    book["Tháng 11"][f"E{row}"] = "bốn"
    data = copy_data(tmp_path)
    save(book, data / "cap-nhat" / "hai-trang.xlsx")
    assert (
        where("hai-trang.xlsx", row, "Giá trị", "Tháng 11") + 'không đọc được "bốn": cần một số, hoặc Đạt / Chưa đạt'
    ) in check_data(data).stdout


def test_a_sheet_with_data_but_no_header_is_named(tmp_path, blank):
    book = fill(blank, GOOD_ROWS)
    notes = book.create_sheet("Số liệu tháng 12")
    notes.append(["bao-hiem-y-te", "Quý 4/2026", 94])
    data = copy_data(tmp_path)
    save(book, data / "cap-nhat" / "thieu-tieu-de.xlsx")
    assert (
        'data/cap-nhat/thieu-tieu-de.xlsx: trang tính "Số liệu tháng 12": có nội dung nhưng không có dòng tiêu đề của '
        "mẫu báo cáo (Mã chỉ tiêu, Kỳ báo cáo, Giá trị, …), nên số liệu trên đó không được đọc — nếu đó là số liệu "
        "báo cáo, chép dòng tiêu đề của trang tính Báo cáo lên đầu bảng; nếu không, xoá trang tính đó khỏi tệp (hoặc "
        "để riêng trong một tệp khác)"
    ) in check_data(data).stdout


# ----------------------------------------------------------------- 4. counts of things are whole


def test_a_fraction_of_a_counted_thing_is_refused(tmp_path, blank):
    row = GOOD_ROWS["san-pham-ocop-3-sao"] | {"Giá trị": "2,5"}
    book = fill(blank, {"san-pham-ocop-3-sao": row})
    data = copy_data(tmp_path)
    save(book, data / "cap-nhat" / "dem.xlsx")
    assert (
        where("dem.xlsx", row_of(book, "san-pham-ocop-3-sao"), "Giá trị")
        + "2,5 không phải là số nguyên — chỉ tiêu này đếm sản phẩm: viết một số nguyên"
    ) in check_data(data).stdout


def test_a_fraction_of_a_hamlet_count_is_refused(tmp_path, blank):
    rows = {"to-hop-tac-tung-ap/vinh-thanh": GOOD_ROWS["to-hop-tac-tung-ap/vinh-thanh"] | {"Giá trị": 1.5}}
    book = fill(blank, rows)
    data = copy_data(tmp_path)
    save(book, data / "cap-nhat" / "dem.xlsx")
    assert "1,5 không phải là số nguyên — chỉ tiêu này đếm tổ hợp tác: viết một số nguyên" in check_data(data).stdout


def test_a_target_in_a_unit_nobody_classified_is_refused(tmp_path):
    data = copy_data(tmp_path)
    patch(data, "chi-tieu.yml", 'don_vi: "sản phẩm"', 'don_vi: "hộ gia đình"')
    out = check_data(data).stdout
    assert (
        ': don_vi: đơn vị tính "hộ gia đình" chưa có trong danh mục đơn vị, nên máy không biết số này đếm từng cái (số '
        "nguyên) hay là số đo — thêm đơn vị vào macros/vocabulary/units.py (COUNTED nếu đếm từng cái như sản phẩm, hộ; "
        "MEASURED nếu là số đo như ha, tấn), hoặc viết lại đơn vị cho giống một đơn vị đã có"
    ) in out


# ----------------------------------------------------------------- 6. corrections in a workbook


def test_a_row_for_a_period_already_reported_points_to_the_correction_route(tmp_path, blank):
    data = copy_data(tmp_path)
    one_yaml_report(data)
    book = fill(blank, {"bao-hiem-y-te": GOOD_ROWS["bao-hiem-y-te"]})
    save(book, data / "cap-nhat" / "thang-11.xlsx")
    lines = (data / "cap-nhat" / "2026.yml").read_text(encoding="utf-8").splitlines()
    line = lines.index("  - chi_tieu: bao-hiem-y-te") + 1
    assert (
        where("thang-11.xlsx", row_of(book, "bao-hiem-y-te"), "Kỳ báo cáo")
        + f"chỉ tiêu bao-hiem-y-te đã có báo cáo kỳ 2026-Q3 (data/cap-nhat/2026.yml:{line}) — "
        "nếu dòng này sửa số đã gửi, ghi "
        'ở cột "Ghi chú": "Sửa: <lý do sửa>" (ví dụ "Sửa: số quý 3 tính nhầm"); nếu không, xoá dòng này hoặc sửa '
        "lại kỳ"
    ) in check_data(data).stdout


def test_a_row_whose_note_begins_with_sua_replaces_the_report(tmp_path, blank):
    data = copy_data(tmp_path)
    one_yaml_report(data)
    row = GOOD_ROWS["bao-hiem-y-te"] | {"Ghi chú": "Sửa: số quý 3 tính nhầm"}
    save(fill(blank, {"bao-hiem-y-te": row}), data / "cap-nhat" / "thang-11.xlsx")
    report = reports_of(data)[("bao-hiem-y-te", "2026-Q3")]
    assert report.value == 81.82 and report.note == "Sửa: số quý 3 tính nhầm"


def test_sua_without_a_reason_is_refused(tmp_path, blank):
    data = copy_data(tmp_path)
    one_yaml_report(data)
    book = fill(blank, {"bao-hiem-y-te": GOOD_ROWS["bao-hiem-y-te"] | {"Ghi chú": "Sửa:"}})
    save(book, data / "cap-nhat" / "thang-11.xlsx")
    assert (
        where("thang-11.xlsx", row_of(book, "bao-hiem-y-te"), "Ghi chú")
        + 'ghi chú bắt đầu bằng "Sửa:" nhưng chưa ghi lý do sửa — ghi lý do sau "Sửa:", ví dụ "Sửa: số quý 3 tính nhầm"'
    ) in check_data(data).stdout


# ----------------------------------------------------------------- 7. formats clerks save


def test_an_ods_file_is_read_like_an_xlsx(tmp_path, blank):
    ods = to_ods(save(fill(blank, GOOD_ROWS), tmp_path / "in" / "thang-11.xlsx"), tmp_path / "ods")
    data = copy_data(tmp_path)
    (data / "cap-nhat" / "thang-11.ods").write_bytes(ods.read_bytes())
    reports = reports_of(data)
    assert reports[("bao-hiem-y-te", "2026-Q3")].value == 81.82
    assert reports[("duy-tri-nong-thon-moi", "2026")].value is True
    assert dict(reports[("to-hop-tac-tung-ap", "2026-Q4")].hamlet_values) == {"vinh-thanh": 2}


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bao-cao.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), "đây là tệp Excel dạng cũ (.xls)"),
        ("bao-cao.csv", "Mã chỉ tiêu;Giá trị\nbao-hiem-y-te;81,82\n".encode(), "tệp .csv chỉ có chữ"),
    ],
)
def test_xls_and_csv_are_answered_with_how_to_save_as_xlsx(tmp_path, name, content, message):
    data = copy_data(tmp_path)
    (data / "cap-nhat" / name).write_bytes(content)
    result = check_data(data)
    lines = [line for line in result.stdout.splitlines() if name in line]
    assert result.returncode == 1 and len(lines) == 1
    assert lines[0].startswith(f"data/cap-nhat/{name}: tệp: {message}") and lines[0].endswith(SAVE_STEPS)


# ----------------------------------------------------------------- 8. no traceback, messages that name the problem


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("95²", '"95²" có ký tự ‘²’ (U+00B2) không phải chữ số thường — gõ lại số bằng các chữ số 0–9'),
        (
            "93,5\u200b",
            "có ký tự vô hình: dấu cách độ rộng 0 (U+200B) sau ‘93,5’ — xoá ký tự đó (thường do dán từ Word hay Zalo) "
            "rồi gõ lại bằng bàn phím",
        ),
    ],
)
def test_a_value_that_cannot_be_read_is_named_without_a_traceback(tmp_path, blank, value, message):
    book = fill(blank, {"bao-hiem-y-te": GOOD_ROWS["bao-hiem-y-te"] | {"Giá trị": value}})
    data = copy_data(tmp_path)
    save(book, data / "cap-nhat" / "loi.xlsx")
    result = check_data(data)
    assert where("loi.xlsx", row_of(book, "bao-hiem-y-te"), "Giá trị") + message in result.stdout
    assert "Traceback" not in result.stderr


def test_a_merged_cell_counts_for_every_row_it_covers(tmp_path, blank):
    rows = {target: GOOD_ROWS["bao-hiem-y-te"] | {"Ngày số liệu": None} for target in ("kham-pha-an", "tuyen-quan")}
    book = fill(blank, {"bao-hiem-y-te": GOOD_ROWS["bao-hiem-y-te"], **rows})
    sheet = book[template.REPORT_SHEET]
    first, last = sorted(row_of(book, target) for target in ("bao-hiem-y-te", "kham-pha-an", "tuyen-quan"))[::2]
    for number in range(first, last + 1):
        if sheet[f"A{number}"].value not in ("bao-hiem-y-te", "kham-pha-an", "tuyen-quan"):
            sheet[f"E{number}"] = None
    sheet[f"F{first}"] = "30/09/2026"
    sheet.merge_cells(f"F{first}:F{last}")
    data = copy_data(tmp_path)
    save(book, data / "cap-nhat" / "gop.xlsx")
    reports = reports_of(data)
    assert {reports[(t, "2026-Q3")].as_of for t in ("bao-hiem-y-te", "kham-pha-an", "tuyen-quan")} == {
        dt.date(2026, 9, 30)
    }
    sheet[f"F{first}"] = "31/09/2026"
    save(book, data / "cap-nhat" / "gop.xlsx")
    out = check_data(data).stdout
    assert (
        where("gop.xlsx", first, "Ngày số liệu") + f'ngày "31/09/2026" không có thật trên lịch (ô gộp F{first}:F{last})'
    ) in out
    assert out.count("31/09/2026") == 1  # named once, at the merged cell, not as a missing date in every row


def test_a_hamlet_may_be_written_by_its_name(tmp_path, blank):
    book = fill(blank, GOOD_ROWS)
    sheet = book[template.REPORT_SHEET]
    sheet[f"A{row_of(book, 'to-hop-tac-tung-ap/vinh-thanh')}"] = "to-hop-tac-tung-ap/Ấp Vĩnh Thạnh"
    data = copy_data(tmp_path)
    save(book, data / "cap-nhat" / "ten-ap.xlsx")
    assert dict(reports_of(data)[("to-hop-tac-tung-ap", "2026-Q4")].hamlet_values) == {"vinh-thanh": 2}


def test_rows_below_the_table_without_target_or_value_are_ignored(tmp_path, blank):
    book = fill(blank, GOOD_ROWS)
    sheet = book[template.REPORT_SHEET]
    sheet.append([])
    sheet.append([None, None, None, None, "Vĩnh Phong, ngày 30 tháng 11 năm 2026"])
    sheet.append([None, "Người lập biểu", None, None, "TM. ỦY BAN NHÂN DÂN"])
    sheet.append([None, None, None, None, dt.datetime(2026, 11, 30)])
    sheet.append([None, "Nguyễn Văn A", None, None, "CHỦ TỊCH"])
    sheet.merge_cells(f"B{sheet.max_row}:D{sheet.max_row}")
    data = copy_data(tmp_path)
    save(book, data / "cap-nhat" / "chu-ky.xlsx")
    assert check_data(data).stdout.strip() == "Dữ liệu hợp lệ."
    assert len(reports_of(data)) == 4


def test_a_value_without_a_target_inside_the_table_is_still_reported(tmp_path, blank):
    book = fill(blank, GOOD_ROWS)
    sheet = book[template.REPORT_SHEET]
    row = row_of(book, "bao-hiem-y-te")
    sheet[f"A{row}"] = None
    data = copy_data(tmp_path)
    save(book, data / "cap-nhat" / "thieu-ma.xlsx")
    assert where("thieu-ma.xlsx", row, "Mã chỉ tiêu") + "thiếu trường bắt buộc" in check_data(data).stdout


def test_the_template_reads_back_with_nothing_to_report(tmp_path, blank):
    data = copy_data(tmp_path)
    (data / "cap-nhat" / "mau.xlsx").write_bytes(blank)
    book = openpyxl.load_workbook(io.BytesIO(blank))
    assert [sheet.title for sheet in book.worksheets] == [template.GUIDE_SHEET, template.REPORT_SHEET, "Danh mục"]
    assert check_data(data).stdout.strip() == "Dữ liệu hợp lệ."


@pytest.mark.parametrize("fmt", ["xlsx", "ods"])
def test_values_typed_into_libreoffice_calc_are_read_as_it_shows_them(tmp_path, fmt):
    header = [header for header, _ in HEADERS]
    rows = [
        ["bao-hiem-y-te", "", "%", "Quý 3/2026", "81,82%", "30/09/2026", "Báo cáo số 1", "phong-kinh-te"],
        ["thu-ngan-sach-vuot-du-toan", "", "", "Năm 2025", "105,3%", "31/12/2025", "Báo cáo số 2", "phong-kinh-te"],
        ["san-pham-ocop-3-sao", "", "", "Tháng 10/2026", "3", "31/10/2026", "Báo cáo số 3", "phong-kinh-te"],
    ]
    typed = typed_in_calc(header, rows, tmp_path / "calc", fmt)
    if fmt == "xlsx":  # what Calc stored: a percent number, a date
        cells = openpyxl.load_workbook(typed).active["E2":"F2"][0]
        assert (cells[0].value, cells[0].number_format) == (0.8182, "0.00%")
        assert isinstance(cells[1].value, dt.datetime)
    data = copy_data(tmp_path)
    (data / "cap-nhat" / typed.name).write_bytes(typed.read_bytes())
    reports = reports_of(data)
    assert reports[("bao-hiem-y-te", "2026-Q3")].value == 81.82
    assert reports[("bao-hiem-y-te", "2026-Q3")].as_of == dt.date(2026, 9, 30)
    assert reports[("thu-ngan-sach-vuot-du-toan", "2025")].value == 105.3
    assert reports[("san-pham-ocop-3-sao", "2026-10")].value == 3


def test_a_cell_merged_across_two_columns_is_named_once(tmp_path, blank):
    book = fill(blank, {"bao-hiem-y-te": GOOD_ROWS["bao-hiem-y-te"]})
    row = row_of(book, "bao-hiem-y-te")
    book[template.REPORT_SHEET].merge_cells(f"G{row}:H{row}")  # Nguồn số liệu over Đơn vị báo cáo
    data = copy_data(tmp_path)
    save(book, data / "cap-nhat" / "gop-cot.xlsx")
    out = check_data(data).stdout
    assert (
        where("gop-cot.xlsx", row, "Nguồn số liệu")
        + f"ô gộp G{row}:H{row} trùm lên nhiều cột (Nguồn số liệu, Đơn vị báo cáo), mà mỗi cột cần giá trị riêng — bỏ "
        "gộp ô (Merge → Unmerge) rồi điền từng cột"
    ) in out
    assert out.count(f"ô gộp G{row}:H{row} trùm") == 1
