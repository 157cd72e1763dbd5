"""Read a filled copy of the report template (data/cap-nhat/*.xlsx) into report records, one per row.

Columns are found by their header, on whichever sheet has the header row, so extra sheets, moved columns and empty
rows do not matter. A row with no value is no report. Each cell is read by the intake core; the records then go
through the same check as YAML reports, and every problem is named by row and column.

openpyxl is imported where a workbook is opened: a build with no workbook in data/ never loads it.
"""

from __future__ import annotations

import dataclasses
import zipfile
from pathlib import Path

from macros.data.load import Located, LocatedList, Source
from macros.errors import Problem
from macros.intake import clerk, fields

# The template's header row, in order, and the report field each column feeds ("" for columns that only help
# the clerk find the row): the target's id with its name and unit beside it, then the clerk's fields of the spec
# (a per-hamlet value goes in the value column of the hamlet's own row).
ID_HEADER = "Mã chỉ tiêu"
HELP_HEADERS = ((fields.LABELS["chi_tieu"], ""), ("Đơn vị tính", ""))
ASKED = tuple((fields.LABELS[name], name) for name in fields.NAMES if name not in ("chi_tieu", fields.HAMLETS))
HEADERS = ((ID_HEADER, "chi_tieu"), *HELP_HEADERS, *ASKED)
COLUMN_OF = {name: header for header, name in HEADERS if name} | {fields.HAMLETS: fields.LABELS["gia_tri"]}
REQUIRED_HEADERS = tuple(header for header, name in HEADERS if name and name != "ghi_chu")
HAMLET_MARK = "/"  # a per-hamlet target has one row per hamlet, its id written "target-id/hamlet-id"
HEADER_SEARCH_ROWS = 20
CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an OLE file: an old .xls, or an .xlsx locked with a password
TEMPLATE_FIX = "tải lại mẫu /du-lieu/mau-bao-cao.xlsx trên trang web và chép số liệu vào"


def _empty_root() -> Located:
    root = Located()
    root.line, root.key_lines = 1, {}
    return root


class RowRecord(Located):
    """A report read from workbook rows: `line` is its (first) row. Remembers the cells the intake refused."""

    refused: frozenset = frozenset()
    percent: bool = False


def _sheet_problem(path: str, row: int, column: str, message: str, fix: str) -> Problem:
    return Problem(path, row, column, message, fix, in_sheet=True)


def read_workbook(path: Path, root_dir: Path) -> tuple[Source, list[Problem]]:
    """Every report in one workbook. An unreadable file gives one problem and no reports, never a traceback."""
    display = path.relative_to(root_dir).as_posix()
    book, problem = _open(path, display)
    if problem:
        return Source(display, _empty_root()), [problem]
    try:
        return _read_book(book, display, path)
    finally:
        book.close()


def _open(path: Path, display: str):
    with path.open("rb") as handle:
        head = handle.read(len(CFB_MAGIC))
    if head == CFB_MAGIC:
        return None, _locked_or_old(path, display)
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=True), None
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError):
        message = "tệp này không phải là bảng tính Excel (.xlsx) hoặc đã bị hỏng"
        fix = "mở tệp bằng Excel, chọn Lưu thành (Save As) dạng Excel Workbook (.xlsx), rồi tải lên lại"
        return None, _sheet_problem(display, 0, "tệp", message, fix)


def _locked_or_old(path: Path, display: str) -> Problem:
    if "EncryptionInfo".encode("utf-16-le") in path.read_bytes():
        message = "bảng tính được đặt mật khẩu nên máy không đọc được"
        fix = "mở tệp, bỏ mật khẩu (File → Info → Protect Workbook → Encrypt with Password, xoá mật khẩu), lưu lại"
    else:
        message = "đây là tệp Excel dạng cũ (.xls), máy chỉ đọc dạng .xlsx"
        fix = "mở tệp bằng Excel, chọn Lưu thành (Save As) dạng Excel Workbook (.xlsx), rồi tải lên lại"
    return _sheet_problem(display, 0, "tệp", message, fix)


def _key(text) -> str:
    return clerk.read_text(text).lower() if isinstance(text, str) else ""


def _find_header(book) -> tuple[object, int, dict[str, int]] | None:
    """The first sheet row holding at least three of the template's headers: (sheet, row, header -> column)."""
    known = {header.lower(): header for header, _ in HEADERS}
    for sheet in book.worksheets:
        rows = sheet.iter_rows(max_row=HEADER_SEARCH_ROWS, values_only=True)
        for number, row in enumerate(rows, start=1):
            found = {known[_key(cell)]: index for index, cell in enumerate(row) if _key(cell) in known}
            if len(found) >= 3:
                return sheet, number, found
    return None


def _read_book(book, display: str, path: Path) -> tuple[Source, list[Problem]]:
    header = _find_header(book)
    if header is None:
        message = "không tìm thấy dòng tiêu đề (Mã chỉ tiêu, Kỳ báo cáo, Giá trị, …) trên trang tính nào"
        return Source(display, _empty_root()), [_sheet_problem(display, 0, "dòng tiêu đề", message, TEMPLATE_FIX)]
    sheet, header_row, columns = header
    missing = [name for name in REQUIRED_HEADERS if name not in columns]
    if missing:
        problems = [_missing_column(display, header_row, name) for name in missing]
        return Source(display, _empty_root()), problems
    rows = sheet.iter_rows(min_row=header_row + 1, values_only=True)
    records, problems = _read_rows(rows, header_row, columns, display)
    problems += _uncached_formulas(book, path, sheet.title, header_row, columns["Giá trị"], display)
    return Source(display, _root(records, header_row)), problems


def _uncached_formulas(book, path: Path, title: str, header_row: int, column: int, display: str) -> list[Problem]:
    """A value cell holding a formula whose result the file does not store reads as empty: it is reported, not
    skipped (Excel, LibreOffice and Google Sheets store the result; a file written by a program may not)."""
    import openpyxl

    formulas = openpyxl.load_workbook(path, read_only=True, data_only=False)
    try:
        written = _column(formulas[title], header_row, column)
    finally:
        formulas.close()
    results = _column(book[title], header_row, column)
    message, fix = "ô có công thức {} nhưng tệp không lưu kết quả của công thức", UNCACHED_FIX
    return [
        _sheet_problem(display, number, COLUMN_OF["gia_tri"], message.format(formula), fix)
        for number, (formula, result) in enumerate(zip(written, results, strict=False), start=header_row + 1)
        if str(formula or "").startswith("=") and result is None
    ]


UNCACHED_FIX = "gõ thẳng số vào ô, hoặc mở tệp bằng Excel hay LibreOffice rồi lưu lại"


def _column(sheet, header_row: int, column: int) -> list:
    rows = sheet.iter_rows(min_row=header_row + 1, min_col=column + 1, max_col=column + 1, values_only=True)
    return [row[0] if row else None for row in rows]


def _missing_column(display: str, row: int, name: str) -> Problem:
    message = "dòng tiêu đề thiếu cột này (hoặc tên cột đã bị sửa)"
    return _sheet_problem(display, row, name, message, f'thêm lại cột "{name}" đúng tên như mẫu, hoặc {TEMPLATE_FIX}')


def _read_rows(rows, header_row: int, columns: dict[str, int], display: str):
    records: dict[tuple, RowRecord] = {}
    problems: list[Problem] = []
    for number, row in enumerate(rows, start=header_row + 1):
        cells = {name: _cell(row, columns.get(header)) for header, name in HEADERS if name}
        if clerk.blank(cells["gia_tri"]):
            continue  # no value: no report (never 0)
        problems += _add_row(records, cells, number, display)
    return list(records.values()), problems


def _cell(row: tuple, index: int | None):
    return row[index] if index is not None and index < len(row) else None


def _add_row(records: dict, cells: dict, number: int, display: str) -> list[Problem]:
    target, _, hamlet = clerk.read_id(cells["chi_tieu"] or "").partition(HAMLET_MARK)
    hamlet_values = {hamlet.strip(): cells.pop("gia_tri")} if hamlet else None
    reading = clerk.read_report(cells | {"chi_tieu": target.strip() or None}, hamlet_values)
    problems = [_sheet_problem(display, number, COLUMN_OF[r.field], r.message, r.fix) for r in reading.refusals]
    record = _row_record(reading, number)
    key = (record.get("chi_tieu"), record.get("ky"), number if not hamlet else "theo_ap")
    if key in records:
        return problems + _merge_hamlet_row(records[key], record, display)
    records[key] = record
    return problems


def _row_record(reading: clerk.Reading, row: int) -> RowRecord:
    record = RowRecord(reading.record)
    record.line = row
    record.key_lines = {name: row for name in record}
    record.refused = frozenset(refusal.field for refusal in reading.refusals)
    record.percent = reading.percent
    return record


def _merge_hamlet_row(first: RowRecord, later: RowRecord, display: str) -> list[Problem]:
    """Rows of one per-hamlet target and period make one report: its hamlets' values, one date, source, agency."""
    hamlets = first.setdefault("theo_ap", {})
    again = [hamlet for hamlet in later.get("theo_ap", {}) if hamlet in hamlets]
    hamlets.update(later.get("theo_ap", {}))
    first.refused |= later.refused
    first.percent = first.percent or later.percent
    repeated = [
        _sheet_problem(
            display,
            later.line,
            COLUMN_OF["chi_tieu"],
            f'ấp "{hamlet}" đã có số của cùng chỉ tiêu, cùng kỳ ở một dòng trên',
            "mỗi ấp chỉ ghi một dòng cho mỗi kỳ; xoá dòng thừa",
        )
        for hamlet in again
    ]
    return repeated + [
        _sheet_problem(
            display,
            later.line,
            COLUMN_OF[name],
            f"khác với dòng {first.line} của cùng chỉ tiêu, cùng kỳ",
            "các ấp của cùng một chỉ tiêu và cùng kỳ ghi chung ngày số liệu, nguồn và đơn vị báo cáo",
        )
        for name in ("ngay", "nguon", "don_vi_bao_cao", "ghi_chu")
        if later.get(name) != first.get(name)
    ]


def _root(records: list[RowRecord], header_row: int) -> Located:
    reports = LocatedList(records)
    reports.line = header_row
    reports.item_lines = [record.line for record in records]
    root = Located(bao_cao=reports)
    root.line = 1
    root.key_lines = {"bao_cao": header_row}
    return root


# ----------------------------------------------------------------- after the check


def review(problems: list[Problem], sources: dict[str, list[Source]]) -> list[Problem]:
    """Name workbook problems by row and column; drop the check's echo of a cell already refused (a blank or
    unreadable value is reported once, as read); add the % sign written against a target not counted in %."""
    rows = {(source.path, record.line): record for source in sources.get("reports", []) for record in _rows(source)}
    reviewed = []
    for problem in problems:
        record = rows.get((problem.file, problem.line))
        if record is None or problem.in_sheet:
            reviewed.append(problem)
        elif problem.field not in record.refused:
            column = COLUMN_OF.get(problem.field, problem.field)
            fix = clerk.fix_in_words(problem.fix, problem.field, column)
            reviewed.append(dataclasses.replace(problem, field=column, fix=fix, in_sheet=True))
    return reviewed + _percent_problems(rows, sources)


def _rows(source: Source) -> list[RowRecord]:
    reports = source.root.get("bao_cao") if isinstance(source.root, Located) else None
    return [record for record in reports or [] if isinstance(record, RowRecord)]


def _percent_problems(rows: dict, sources: dict[str, list[Source]]) -> list[Problem]:
    units = {target.get("id"): target.get("don_vi") for target in _targets(sources)}
    problems = []
    for (path, row), record in rows.items():
        refusal = clerk.percent_refusal(units.get(record.get("chi_tieu"))) if record.percent else None
        if refusal and record.get("chi_tieu") in units:
            problems.append(_sheet_problem(path, row, COLUMN_OF[refusal.field], refusal.message, refusal.fix))
    return problems


def _targets(sources: dict[str, list[Source]]) -> list[Located]:
    roots = [source.root for source in sources.get("targets", []) if isinstance(source.root, Located)]
    return [item for root in roots for item in root.get("chi_tieu") or [] if isinstance(item, Located)]
