"""The spreadsheet route: the published template, and filled copies of it under data/cap-nhat/ as report sources."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import time

import openpyxl
import pytest
from bs4 import BeautifulSoup
from support.build import build_site
from support.data import check_data, copy_data, one_yaml_report, reports_of
from support.paths import TODAY
from support.workbooks import GOOD_ROWS, fill, resave_with_libreoffice, row_of, save, template_bytes, to_ods

from macros import pipeline
from macros.errors import DataError
from macros.intake import template
from macros.intake.workbook import HEADERS

HEADER_ROW = [header for header, _ in HEADERS]


@pytest.fixture(scope="module")
def blank_template() -> bytes:
    return template_bytes()


# ----------------------------------------------------------------- the template


def test_template_has_the_header_one_row_per_target_and_locked_ids(blank_template, real_site_data):
    book = openpyxl.load_workbook(io.BytesIO(blank_template))
    sheet = book[template.REPORT_SHEET]
    assert [cell.value for cell in sheet[1]] == HEADER_ROW
    ids = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    per_hamlet = [t.id for t in real_site_data.plan.targets if t.per_hamlet]
    expected = [t.id for t in real_site_data.plan.targets if not t.per_hamlet]
    expected += [f"{t}/{h.id}" for t in per_hamlet for h in real_site_data.plan.hamlets]
    assert sorted(ids) == sorted(expected)
    assert sheet.protection.sheet
    assert sheet["A2"].protection.locked and sheet["B2"].protection.locked
    assert not any(sheet.cell(2, column).protection.locked for column in range(3, len(HEADERS) + 1))


def test_template_has_drop_downs_for_period_yes_no_and_agency(blank_template, real_site_data):
    book = openpyxl.load_workbook(io.BytesIO(blank_template))
    sheet = book[template.REPORT_SHEET]
    lists = {str(v.sqref): v.formula1 for v in sheet.data_validations.dataValidation}
    last = sheet.max_row
    assert lists[f"D2:D{last}"].startswith("'Danh mục'!$A$2")
    assert lists[f"H2:H{last}"].startswith("'Danh mục'!$B$2")
    yes_no_cells = next(ref for ref, formula in lists.items() if formula == '"Đạt,Chưa đạt"').split()
    kinds = {row[0]: row[2] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert {sheet[f"A{cell[1:]}"].value for cell in yes_no_cells} == {
        k for k, u in kinds.items() if u == "Đạt / Chưa đạt"
    }
    choices = [row[1] for row in book[template.LISTS_SHEET].iter_rows(min_row=2, values_only=True) if row[1]]
    assert choices == [f"{a.name} ({a.id})" for a in real_site_data.plan.agencies]
    periods = [row[0] for row in book[template.LISTS_SHEET].iter_rows(min_row=2, values_only=True) if row[0]]
    assert {"Tháng 11/2026", "Quý 4/2026", "Năm 2026", "Đánh giá giữa nhiệm kỳ 2028"} <= set(periods)


def test_template_has_vietnamese_instructions(blank_template):
    book = openpyxl.load_workbook(io.BytesIO(blank_template))
    text = "\n".join(str(row[0]) for row in book[template.GUIDE_SHEET].iter_rows(values_only=True) if row[0])
    assert "Kỳ báo cáo" in text and "Giá trị" in text and "Upload files" in text


def test_template_is_the_same_bytes_on_every_build():
    first = template_bytes()
    time.sleep(1.1)  # openpyxl and zip both stamp the second of writing; none of it may reach the file
    assert template_bytes() == first


def test_the_template_is_kept_in_the_cache_under_what_it_is_made_of(tmp_path, real_site_data):
    """A build with a cache folder reuses the template of the same data and day; any change makes a new one."""
    cache = tmp_path / "cache"
    ((path, first),) = [(file.path, file.content) for file in template.files(real_site_data, cache)]
    assert path == "du-lieu/mau-bao-cao.xlsx" and first == template.workbook_bytes(real_site_data)
    (kept,) = cache.iterdir()
    kept.write_bytes(b"sentinel")  # a second build must read the cache, not write the workbook again
    assert template.files(real_site_data, cache)[0].content == b"sentinel"
    renamed = dataclasses.replace(real_site_data.plan.agencies[0], name="Đơn vị đổi tên")
    plan = dataclasses.replace(real_site_data.plan, agencies=(renamed, *real_site_data.plan.agencies[1:]))
    for changed in (
        dataclasses.replace(real_site_data, plan=plan),
        dataclasses.replace(real_site_data, today=real_site_data.today + dt.timedelta(days=1)),
    ):
        assert template.files(changed, cache)[0].content == template.workbook_bytes(changed) != first
    assert len(list(cache.iterdir())) == 3


def test_the_blank_template_is_no_report(tmp_path, blank_template):
    data = copy_data(tmp_path)
    (data / "cap-nhat" / "mau-bao-cao.xlsx").write_bytes(blank_template)
    assert reports_of(data) == {}


# ----------------------------------------------------------------- reading filled copies


def assert_good_reports(reports):
    assert reports[("bao-hiem-y-te", "2026-Q3")].value == 81.82
    assert reports[("bao-hiem-y-te", "2026-Q3")].as_of == dt.date(2026, 9, 30)
    assert reports[("bao-hiem-y-te", "2026-Q3")].agency_id == "thong-ke-co-so"
    assert reports[("san-pham-ocop-3-sao", "2026-10")].value == 3
    assert reports[("san-pham-ocop-3-sao", "2026-10")].as_of == dt.date(2026, 10, 31)
    assert reports[("san-pham-ocop-3-sao", "2026-10")].note == "Số ước tính"
    assert reports[("duy-tri-nong-thon-moi", "2026")].value is True
    assert dict(reports[("to-hop-tac-tung-ap", "2026-Q4")].hamlet_values) == {"vinh-thanh": 2}
    assert len(reports) == 4


def test_a_filled_template_gives_the_reports_typed(tmp_path, blank_template):
    data = copy_data(tmp_path)
    save(fill(blank_template, GOOD_ROWS), data / "cap-nhat" / "thang-11.xlsx")
    assert_good_reports(reports_of(data))


def test_a_copy_resaved_by_libreoffice_reads_the_same(tmp_path, blank_template):
    filled = save(fill(blank_template, GOOD_ROWS), tmp_path / "in" / "thang-11.xlsx")
    resaved = resave_with_libreoffice(filled, tmp_path / "libreoffice")
    assert resaved.read_bytes() != filled.read_bytes()
    data = copy_data(tmp_path)
    (data / "cap-nhat" / "thang-11.xlsx").write_bytes(resaved.read_bytes())
    assert_good_reports(reports_of(data))
    sheet = openpyxl.load_workbook(resaved)[template.REPORT_SHEET]
    assert sheet.protection.sheet and sheet["A2"].protection.locked  # LibreOffice keeps the lock


def test_extra_sheets_moved_columns_and_empty_rows(tmp_path, blank_template):
    book = fill(blank_template, GOOD_ROWS)
    source = book[template.REPORT_SHEET]
    rows = [list(row) for row in source.iter_rows(values_only=True)]
    moved = book.create_sheet("Số liệu tháng 11", 0)
    book.create_sheet("Trang trống", 0)
    moved.append(["Báo cáo tháng 11 của xã"])  # a title above the header row
    order = [8, 4, 0, 7, 1, 2, 3, 5, 6]
    for number, row in enumerate(rows):
        moved.append([row[index] for index in order])
        if number % 3 == 0:
            moved.append([])
    del book[template.REPORT_SHEET]
    data = copy_data(tmp_path)
    save(book, data / "cap-nhat" / "thang-11.xlsx")
    assert_good_reports(reports_of(data))


# ----------------------------------------------------------------- bad workbooks


BAD_ROWS = {
    "khong-co-chi-tieu-nay": {"Kỳ báo cáo": "Quý 3/2026", "Giá trị": 5, "Ngày số liệu": "30/09/2026"},
    "bao-hiem-y-te": {"Kỳ báo cáo": "Quý 1/2027", "Giá trị": "81,82", "Ngày số liệu": "31/03/2027"},
    "tuyen-quan": {"Kỳ báo cáo": "Năm 2026", "Giá trị": "một trăm", "Ngày số liệu": "20/11/2026"},
    "hop-tac-xa-moi": {"Kỳ báo cáo": "Năm 2026", "Giá trị": "1.234", "Ngày số liệu": "20/11/2026"},
    "khach-san-moi": {"Kỳ báo cáo": "Năm 2026", "Giá trị": "2%", "Ngày số liệu": "20/11/2026"},
}
COMMON = {"Nguồn số liệu": "Báo cáo số 1/BC", "Đơn vị báo cáo": "Phòng Kinh tế (phong-kinh-te)"}


def test_bad_rows_fail_the_check_naming_row_and_column(tmp_path, blank_template):
    book = fill(
        blank_template,
        {target: cells | COMMON for target, cells in BAD_ROWS.items() if target != "khong-co-chi-tieu-nay"},
    )
    sheet = book[template.REPORT_SHEET]
    sheet.append(["khong-co-chi-tieu-nay", "", "", "Quý 3/2026", 5, "30/09/2026", *COMMON.values()])
    unknown_row = sheet.max_row
    data = copy_data(tmp_path)
    save(book, data / "cap-nhat" / "loi.xlsx")
    result = check_data(data)
    assert result.returncode == 1
    where = 'data/cap-nhat/loi.xlsx: trang tính "Báo cáo", dòng {}, cột '
    out = result.stdout
    assert where.format(unknown_row) + '"Mã chỉ tiêu": không có chỉ tiêu nào mang mã "khong-co-chi-tieu-nay"' in out
    assert where.format(row_of(blank_template, "bao-hiem-y-te")) + '"Kỳ báo cáo": kỳ 2027-Q1 chưa bắt đầu' in out
    assert where.format(row_of(blank_template, "tuyen-quan")) + '"Giá trị": không đọc được "một trăm"' in out
    assert where.format(row_of(blank_template, "hop-tac-xa-moi")) + '"Giá trị": "1.234" đọc được hai cách' in out
    assert where.format(row_of(blank_template, "khach-san-moi")) + '"Giá trị": chỉ tiêu này tính bằng khách sạn' in out
    assert "Traceback" not in result.stderr
    # a refused cell is reported once, as read, not again as a missing value
    assert out.count(f"dòng {row_of(blank_template, 'tuyen-quan')},") == 1


def test_a_formula_whose_result_is_not_stored_is_reported_not_skipped(tmp_path, blank_template):
    """openpyxl writes formulas without their result, as some programs do; Excel and LibreOffice store it."""
    row = GOOD_ROWS["san-pham-ocop-3-sao"] | {"Giá trị": "=1+2"}
    written = save(fill(blank_template, {"san-pham-ocop-3-sao": row}), tmp_path / "in" / "cong-thuc.xlsx")
    data = copy_data(tmp_path)
    (data / "cap-nhat" / "cong-thuc.xlsx").write_bytes(written.read_bytes())
    result = check_data(data)
    where = f'data/cap-nhat/cong-thuc.xlsx: trang tính "Báo cáo", dòng {row_of(blank_template, "san-pham-ocop-3-sao")}'
    assert result.returncode == 1 and f'{where}, cột "Giá trị": ô có công thức =1+2 nhưng tệp' in result.stdout
    resaved = resave_with_libreoffice(written, tmp_path / "libreoffice")
    (data / "cap-nhat" / "cong-thuc.xlsx").write_bytes(resaved.read_bytes())
    assert reports_of(data)[("san-pham-ocop-3-sao", "2026-10")].value == 3


def test_a_workbook_without_the_header_row_fails_naming_it(tmp_path, blank_template):
    book = fill(blank_template, GOOD_ROWS)
    sheet = book[template.REPORT_SHEET]
    sheet["E1"] = "Số liệu"
    data = copy_data(tmp_path)
    save(book, data / "cap-nhat" / "thieu-cot.xlsx")
    result = check_data(data)
    assert result.returncode == 1
    assert (
        'data/cap-nhat/thieu-cot.xlsx: trang tính "Báo cáo", dòng 1, cột "Giá trị": dòng tiêu đề thiếu cột này'
        in result.stdout
    )
    sheet.delete_rows(1)
    save(book, data / "cap-nhat" / "thieu-cot.xlsx")
    assert "data/cap-nhat/thieu-cot.xlsx: dòng tiêu đề: không tìm thấy dòng tiêu đề" in check_data(data).stdout


def test_a_header_written_twice_is_refused_naming_both_columns(tmp_path, blank_template):
    """A "Giá trị" column copied for another month: reading either one alone would drop the other's numbers."""
    book = fill(blank_template, GOOD_ROWS)
    sheet = book[template.REPORT_SHEET]
    extra = sheet.max_column + 1
    sheet.cell(1, extra).value = "Giá trị"
    sheet.cell(row_of(blank_template, "bao-hiem-y-te"), extra).value = "95"
    data = copy_data(tmp_path)
    save(book, data / "cap-nhat" / "hai-cot.xlsx")
    result = check_data(data)
    assert result.returncode == 1
    column = openpyxl.utils.get_column_letter(HEADER_ROW.index("Giá trị") + 1)
    assert (
        'data/cap-nhat/hai-cot.xlsx: trang tính "Báo cáo", dòng 1, cột "Giá trị": dòng tiêu đề có 2 cột mang tên này '
        f"(cột {column}, {openpyxl.utils.get_column_letter(extra)}), nên máy không biết đọc cột nào"
    ) in result.stdout


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"Ma chi tieu;Gia tri\nbao-hiem-y-te;81,82\n", "không phải là bảng tính Excel (.xlsx)"),
        (b"PK\x03\x04 broken zip", "không phải là bảng tính Excel (.xlsx)"),
        # The start of an OLE file, as Excel writes a workbook locked with a password (EncryptionInfo stream).
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500) + "EncryptionInfo".encode("utf-16-le"), "đặt mật khẩu"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500) + "Workbook".encode("utf-16-le"), "dạng cũ (.xls)"),
    ],
)
def test_a_file_that_is_not_a_readable_workbook_gets_one_clear_error(tmp_path, content, message):
    data = copy_data(tmp_path)
    (data / "cap-nhat" / "bao-cao.xlsx").write_bytes(content)
    result = check_data(data)
    assert result.returncode == 1
    lines = [line for line in result.stdout.splitlines() if "bao-cao.xlsx" in line]
    assert len(lines) == 1 and lines[0].startswith("data/cap-nhat/bao-cao.xlsx: tệp: ") and message in lines[0]
    assert "Traceback" not in result.stderr


def test_a_workbook_report_duplicating_a_yaml_report_is_refused(tmp_path, blank_template):
    data = copy_data(tmp_path)
    one_yaml_report(data)
    save(fill(blank_template, GOOD_ROWS), data / "cap-nhat" / "thang-11.xlsx")
    with pytest.raises(DataError) as error:
        pipeline.load_site(data, data.parent, TODAY)
    assert any(
        p.file.endswith("thang-11.xlsx") and p.field == "Kỳ báo cáo" and "đã có báo cáo kỳ 2026-Q3" in p.message
        for p in error.value.problems
    )


# ----------------------------------------------------------------- through the real build


def test_workbook_values_reach_the_target_pages_and_the_open_data(tmp_path, blank_template):
    data = copy_data(tmp_path)
    save(fill(blank_template, GOOD_ROWS), data / "cap-nhat" / "thang-11.xlsx")
    site = build_site(tmp_path / "site", data_dir=data)
    page = BeautifulSoup((site / "chi-tieu" / "bao-hiem-y-te" / "index.html").read_text(), "lxml")
    assert "81,82" in page.get_text()
    rows = list(csv.DictReader(io.StringIO((site / "du-lieu" / "cap-nhat.csv").read_text(encoding="utf-8-sig"))))
    assert {(row["chi_tieu"], row["ky"], row["gia_tri"]) for row in rows} >= {
        ("bao-hiem-y-te", "2026-Q3", "81.82"),
        ("san-pham-ocop-3-sao", "2026-10", "3"),
        ("duy-tri-nong-thon-moi", "2026", "true"),
    }
    published = openpyxl.load_workbook(site / "du-lieu" / "mau-bao-cao.xlsx")
    assert [cell.value for cell in published[template.REPORT_SHEET][1]] == HEADER_ROW


def test_a_bad_workbook_publishes_nothing(tmp_path, blank_template):
    data = copy_data(tmp_path)
    save(fill(blank_template, {"tuyen-quan": BAD_ROWS["tuyen-quan"] | COMMON}), data / "cap-nhat" / "loi.xlsx")
    with pytest.raises(AssertionError) as failed:
        build_site(tmp_path / "site", data_dir=data)
    assert 'loi.xlsx: trang tính "Báo cáo", dòng' in str(failed.value) and 'cột "Giá trị"' in str(failed.value)
    assert not (tmp_path / "site" / "index.html").exists()


def test_hamlet_rows_of_one_period_make_one_report_and_disagreements_are_named(tmp_path, blank_template):
    book = fill(blank_template, GOOD_ROWS)
    sheet = book[template.REPORT_SHEET]
    hamlet_row = row_of(blank_template, "to-hop-tac-tung-ap/vinh-thanh")
    copied = [cell.value for cell in sheet[hamlet_row]]
    copied[6] = "Báo cáo khác"  # Nguồn số liệu differs from the first row of the same target and period
    sheet.append(copied)
    data = copy_data(tmp_path)
    save(book, data / "cap-nhat" / "thang-11.xlsx")
    with pytest.raises(DataError) as error:
        pipeline.load_site(data, data.parent, TODAY)
    messages = {(p.line, p.field): p.message for p in error.value.problems}
    assert "đã có số của cùng chỉ tiêu" in messages[(sheet.max_row, "Mã chỉ tiêu")]
    assert messages[(sheet.max_row, "Nguồn số liệu")] == f"khác với dòng {hamlet_row} của cùng chỉ tiêu, cùng kỳ"


def test_the_job_summary_names_row_and_column(tmp_path, blank_template):
    data = copy_data(tmp_path)
    save(fill(blank_template, {"tuyen-quan": BAD_ROWS["tuyen-quan"] | COMMON}), data / "cap-nhat" / "loi.xlsx")
    summary = tmp_path / "summary.md"
    assert check_data(data, "--summary", str(summary)).returncode == 1
    row = row_of(blank_template, "tuyen-quan")
    assert (
        f'- `data/cap-nhat/loi.xlsx` trang tính "Báo cáo", dòng {row}, cột "Giá trị": không đọc được "một trăm"'
        in summary.read_text()
    )


def test_workbook_rows_are_named_by_row_and_column_even_when_a_yaml_file_is_unreadable(tmp_path, blank_template):
    data = copy_data(tmp_path)
    (data / "cap-nhat" / "2026.yml").write_text("bao_cao: [\n", encoding="utf-8")  # a syntax error
    cells = {"Kỳ báo cáo": "Năm 2026", "Giá trị": "100", "Nguồn số liệu": "Báo cáo số 1"}
    save(fill(blank_template, {"tuyen-quan": cells}), data / "cap-nhat" / "thang-11.xlsx")
    out = check_data(data).stdout
    row = row_of(blank_template, "tuyen-quan")
    assert (
        f'data/cap-nhat/thang-11.xlsx: trang tính "Báo cáo", dòng {row}, cột "Ngày số liệu": thiếu trường bắt buộc'
        in out
    )
    assert "data/cap-nhat/2026.yml:" in out


@pytest.mark.parametrize("office", ["openpyxl", "libreoffice"])
def test_a_hidden_report_sheet_is_refused_not_read_nor_skipped(tmp_path, blank_template, office):
    """An old copy of the report sheet, hidden instead of deleted: its rows are not what the clerk sees."""
    book = fill(blank_template, GOOD_ROWS)
    old = book.copy_worksheet(book[template.REPORT_SHEET])
    old.title, old.sheet_state = "Bản cũ", "hidden"
    data = copy_data(tmp_path)
    path = save(book, data / "cap-nhat" / "an.xlsx")
    if office == "libreoffice":
        converted = to_ods(path, tmp_path / "ods")
        path.unlink()
        path = data / "cap-nhat" / "an.ods"
        path.write_bytes(converted.read_bytes())
    result = check_data(data)
    assert result.returncode == 1
    assert (
        f'data/cap-nhat/{path.name}: trang tính "Bản cũ": đang bị ẩn nhưng có dòng tiêu đề của mẫu báo cáo'
    ) in result.stdout
