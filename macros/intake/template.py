"""The report template /du-lieu/mau-bao-cao.xlsx, made from the data at every build.

One row per target (one per hamlet for a per-hamlet target), the header row the workbook reader expects, drop-down
lists for the period, yes/no values and the reporting agency, the id and name columns locked, and an instructions
sheet in Vietnamese. The file is byte-identical between two builds of the same data on the same day, so a build
with a cache folder keeps it there under a hash of everything written into it (`files`), and openpyxl, imported only
where a workbook is written, is not even loaded when the data did not change.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import re
import zipfile
from importlib.metadata import version
from pathlib import Path

from macros.domain.site_data import SiteData
from macros.files import VirtualFile
from macros.intake.sheets import column_letter
from macros.intake.workbook import GUIDE_SHEET, HAMLET_MARK, HEADERS, LISTS_SHEET, REPORT_SHEET
from macros.urls import Urls
from macros.vocabulary import kinds

PATH = Urls.data_file("mau-bao-cao.xlsx")
YES_NO = ("Đạt", "Chưa đạt")
LOCKED_COLUMNS = 2  # Mã chỉ tiêu and Chỉ tiêu: the row's identity, which the reader trusts
WIDTHS = (28, 48, 16, 18, 14, 15, 36, 36, 30)
CORE_PROPERTIES = "docProps/core.xml"
MODIFIED = re.compile(r"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")
ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can hold: no build clock in the file
HEADER_COLOUR = "DDEBF7"


# Column letters by the report field they feed (by header for the columns that only help the clerk).
COLUMN = {name or header: column_letter(index) for index, (header, name) in enumerate(HEADERS, start=1)}
GUIDE = (
    "Hướng dẫn điền mẫu báo cáo tiến độ",
    "",
    "1. Mỗi dòng của trang tính “Báo cáo” là một chỉ tiêu. Không sửa hai cột Mã chỉ tiêu và Chỉ tiêu (đã khoá).",
    "2. Chỉ điền dòng của chỉ tiêu có số liệu. Dòng để trống cột Giá trị được bỏ qua (không phải số 0).",
    "3. Kỳ báo cáo: chọn trong danh sách, ví dụ Tháng 11/2026, Quý 4/2026, Năm 2026.",
    "4. Giá trị: gõ số như thường lệ, ví dụ 81,82, 81,82% hoặc 1.234.567. Chỉ tiêu đạt chuẩn chọn Đạt hoặc Chưa đạt.",
    "   Máy đọc đúng con số ô hiển thị: ô hiện 82% mà số gõ là 81,82% thì bị báo lỗi (tăng số chữ số thập phân).",
    "   Số như 1.234 hoặc 1,234 đọc được hai cách nên bị từ chối: viết 1234, hoặc 1,2340 nếu là số thập phân.",
    "5. Chỉ tiêu tính theo ấp: mỗi ấp một dòng (mã dạng chỉ-tiêu/ấp); các ấp cùng kỳ ghi cùng ngày, nguồn, đơn vị.",
    "6. Ngày số liệu: ngày mà số liệu được tính đến, trong kỳ báo cáo, ví dụ 30/11/2026.",
    "7. Nguồn số liệu: số hiệu và ngày văn bản báo cáo, hoặc đường dẫn đến văn bản.",
    "8. Đơn vị báo cáo: chọn trong danh sách.",
    "9. Lưu tệp dạng .xlsx (hoặc .ods của LibreOffice; không lưu .xls hay .csv), tải lên thư mục data/cap-nhat của",
    "   kho dữ liệu trên GitHub (Add file → Upload files).",
    "   Máy kiểm tra từng dòng; lỗi được báo theo trang tính, số dòng và tên cột; chưa sửa thì chưa có gì lên trang.",
    "10. Sửa số đã gửi: điền lại dòng đó với số đúng, cột Ghi chú ghi “Sửa:” và lý do (“Sửa: số quý 3 tính nhầm”).",
    "",
    "Không đổi tên, không xoá các cột; có thể đổi thứ tự cột. Có thể chép trang tính Báo cáo thành nhiều trang (ví dụ",
    "mỗi tháng một trang): mọi trang tính có dòng tiêu đề đều được đọc; trang tính khác có nội dung thì bị báo lỗi.",
)


def files(site: SiteData, cache_dir: Path | None = None) -> list[VirtualFile]:
    return [VirtualFile(PATH, cached_bytes(site, cache_dir) if cache_dir else workbook_bytes(site))]


def inputs(site: SiteData) -> dict:
    """Everything the workbook is made of: the data it shows, the day, and this module's own text (its constants and
    how it writes them), with the version of openpyxl that writes them."""
    return {
        "rows": _rows(site),
        "periods": site.plan.document.span.labels(),
        "agencies": _agency_choices(site),
        "today": site.today.isoformat(),
        "headers": HEADERS,
        "code": hashlib.sha256(Path(__file__).read_bytes()).hexdigest(),
        "openpyxl": version("openpyxl"),
    }


def cached_bytes(site: SiteData, cache_dir: Path) -> bytes:
    key = hashlib.sha256(json.dumps(inputs(site), ensure_ascii=False).encode()).hexdigest()
    cached = cache_dir / f"{key}.xlsx"
    if cached.is_file():
        return cached.read_bytes()
    content = workbook_bytes(site)
    cache_dir.mkdir(parents=True, exist_ok=True)
    partial = cached.with_suffix(f".{os.getpid()}.tmp")
    partial.write_bytes(content)
    partial.replace(cached)  # two builds at once never read half a file
    return content


def workbook_bytes(site: SiteData) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = REPORT_SHEET
    lists = book.create_sheet(LISTS_SHEET)
    period_range, agency_range = _write_lists(lists, site)
    rows = _rows(site)
    _write_reports(sheet, rows)
    _add_drop_downs(sheet, rows, period_range, agency_range)
    _write_guide(book.create_sheet(GUIDE_SHEET, 0))
    book.active = 1
    stamp = dt.datetime.combine(site.today, dt.time())
    book.properties.created = stamp
    book.properties.creator = book.properties.lastModifiedBy = "mau-bao-cao"
    buffer = io.BytesIO()
    book.save(buffer)
    return _without_clock(buffer.getvalue(), stamp)


def _rows(site: SiteData) -> list[tuple[str, str, str, bool]]:
    """(id, name, unit, yes/no) for each row: per-hamlet targets get a row per hamlet."""
    rows = []
    for target in site.plan.targets:
        yes_no = kinds.of(target).yes_no
        unit = "Đạt / Chưa đạt" if yes_no else target.unit or ""
        if not target.per_hamlet:
            rows.append((target.id, target.name, unit, yes_no))
            continue
        for hamlet in site.plan.hamlets:
            rows.append((f"{target.id}{HAMLET_MARK}{hamlet.id}", f"{target.name} — {hamlet.name}", unit, yes_no))
    return rows


def _write_reports(sheet, rows) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill, Protection

    sheet.append([header for header, _ in HEADERS])
    for cell in sheet[1]:
        cell.font, cell.fill = Font(bold=True), PatternFill("solid", fgColor=HEADER_COLOUR)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in rows:
        sheet.append(list(row[:3]))
    for number in range(2, len(rows) + 2):
        for column in range(LOCKED_COLUMNS + 1, len(HEADERS) + 1):
            sheet.cell(number, column).protection = Protection(locked=False)
        sheet[f"{COLUMN['ky']}{number}"].number_format = "@"  # "11/2026" stays text, not a date
        sheet[f"{COLUMN['ngay']}{number}"].number_format = "DD/MM/YYYY"
    for index, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[column_letter(index)].width = width
    sheet.freeze_panes = "C2"
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False  # clerks may still widen columns and rows
    sheet.protection.formatRows = False


def _agency_choices(site: SiteData) -> list[str]:
    return [f"{agency.name} ({agency.id})" for agency in site.plan.agencies]


def _write_lists(sheet, site: SiteData) -> tuple[str, str]:
    labels = site.plan.document.span.labels()
    agencies = _agency_choices(site)
    sheet.append(["Kỳ báo cáo", "Đơn vị báo cáo"])
    for index in range(max(len(labels), len(agencies))):
        sheet.append([_at(labels, index), _at(agencies, index)])
    sheet.column_dimensions["A"].width, sheet.column_dimensions["B"].width = 28, 60
    sheet.protection.sheet = True
    return (
        f"'{LISTS_SHEET}'!$A$2:$A${len(labels) + 1}",
        f"'{LISTS_SHEET}'!$B$2:$B${len(agencies) + 1}",
    )


def _at(values: list[str], index: int) -> str | None:
    return values[index] if index < len(values) else None


def _drop_down(formula: str, prompt: str):
    from openpyxl.worksheet.datavalidation import DataValidation

    return DataValidation(
        type="list",
        formula1=formula,
        allow_blank=True,
        showErrorMessage=True,
        errorStyle="warning",
        errorTitle="Giá trị không có trong danh sách",
        error="Nên chọn trong danh sách. Máy kiểm tra sẽ báo nếu không đọc được.",
        promptTitle="Chọn trong danh sách",
        prompt=prompt,
        showInputMessage=True,
    )


def _add_drop_downs(sheet, rows, period_range: str, agency_range: str) -> None:
    if not rows:
        return  # a commune just imported has no targets yet: no row to offer a list in
    last = len(rows) + 1
    checks = (
        (_drop_down(period_range, "Tháng, quý hoặc năm của số liệu"), _cells("ky", last)),
        (_drop_down(agency_range, "Đơn vị gửi báo cáo"), _cells("don_vi_bao_cao", last)),
    )
    yes_no_rows = [f"{COLUMN['gia_tri']}{number}" for number, row in enumerate(rows, start=2) if row[3]]
    if yes_no_rows:
        checks += ((_drop_down(f'"{",".join(YES_NO)}"', "Đạt hoặc Chưa đạt"), " ".join(yes_no_rows)),)
    for check, cells in checks:
        for cell_range in cells.split():
            check.add(cell_range)
        sheet.add_data_validation(check)


def _cells(name: str, last: int) -> str:
    return f"{COLUMN[name]}2:{COLUMN[name]}{last}"


def _write_guide(sheet) -> None:
    from openpyxl.styles import Font

    for line in GUIDE:
        sheet.append([line])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.column_dimensions["A"].width = 120


def _without_clock(content: bytes, stamp: dt.datetime) -> bytes:
    """The same entries without the moment of writing: openpyxl stamps "modified" with the clock when it saves,
    and zip entries carry their own time."""
    source = zipfile.ZipFile(io.BytesIO(content))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == CORE_PROPERTIES:
                data = MODIFIED.sub(rf"\g<1>{stamp:%Y-%m-%dT%H:%M:%SZ}\g<2>", data.decode()).encode()
            target.writestr(zipfile.ZipInfo(item.filename, ZIP_TIME), data, zipfile.ZIP_DEFLATED)
    return buffer.getvalue()
