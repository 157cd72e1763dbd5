"""Read a filled copy of the report template (data/cap-nhat/*.xlsx, or *.ods as LibreOffice saves it) into report
records, one per row.

Every sheet that has the template's header row is read; columns are found by their header, so moved columns, a
title above the header and empty rows do not matter. A sheet with content but no header row is named, never skipped
silently. Cells are read as the office suite shows them (a percent cell is the percentage shown, a date cell a date,
a formula its stored result), a merged cell's value counts for each row it covers, and rows below the table that
carry no target and no value (dates, signatures) are ignored. Each cell goes through the intake core; the records then
go through the same check as YAML reports, and every problem is named by sheet, row and column.
"""

from __future__ import annotations

import dataclasses
import functools
import zipfile
from collections.abc import Callable
from pathlib import Path

from macros import formats as fmt
from macros.data.load import Located, LocatedList, Reader, Source
from macros.data.spec import RECORDS
from macros.domain import status
from macros.errors import Problem
from macros.intake import clerk, fields, sheets
from macros.vocabulary import kinds

# The template's header row, in order, and the report field each column feeds ("" for columns that only help
# the clerk find the row): the target's id with its name and unit beside it, then the clerk's fields of the spec
# (a per-hamlet value goes in the value column of the hamlet's own row).
ID_HEADER = "Mã chỉ tiêu"
HELP_HEADERS = ((fields.LABELS["chi_tieu"], ""), ("Đơn vị tính", ""))
ASKED = tuple((fields.LABELS[name], name) for name in fields.NAMES if name not in ("chi_tieu", fields.HAMLETS))
HEADERS = ((ID_HEADER, "chi_tieu"), *HELP_HEADERS, *ASKED)
COLUMN_OF = {name: header for header, name in HEADERS if name} | {fields.HAMLETS: fields.LABELS["gia_tri"]}
REQUIRED_HEADERS = tuple(header for header, name in HEADERS if name and name != "ghi_chu")
FIELD_HEADERS = {header.lower(): header for header, name in HEADERS if name}  # the columns a report is read from
REPORT_SHEET, GUIDE_SHEET, LISTS_SHEET = "Báo cáo", "Hướng dẫn", "Danh mục"  # the template's sheets
HAMLET_MARK = "/"  # a per-hamlet target has one row per hamlet, its id written "target-id/hamlet-id"
HEADER_SEARCH_ROWS = 20
SHEET_STRIDE = 10**7  # a record's line is unique in its file: sheet position × stride + row
CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an OLE file: an old .xls, or an .xlsx locked with a password
TEMPLATE_FIX = "tải lại mẫu /du-lieu/mau-bao-cao.xlsx trên trang web và chép số liệu vào"
SAVE_AS_XLSX = (
    "mở tệp rồi lưu lại dạng .xlsx — Excel: Tệp (File) → Lưu Như (Save As) → ở ô Lưu dưới dạng (Save as type) chọn "
    "Sổ làm việc Excel (*.xlsx) → Lưu (Save); LibreOffice: Tập tin (File) → Lưu dạng (Save As) → ở ô Kiểu tập tin "
    "(File type) chọn Excel 2007-365 (.xlsx) → Lưu (Save) → Dùng định dạng Excel 2007-365! (Use Excel 2007-365!); "
    "WPS Office: Tệp (File) → Lưu thành (Save As) → ở ô Kiểu tệp (File type) chọn Tệp Excel (*.xlsx) → Lưu (Save). "
    "Rồi tải tệp .xlsx lên thư mục data/cap-nhat và xoá tệp này"
)
FORMAT_MESSAGES = {
    ".xls": "đây là tệp Excel dạng cũ (.xls), máy chỉ đọc dạng .xlsx (hoặc .ods của LibreOffice)",
    ".csv": "tệp .csv chỉ có chữ, không giữ được định dạng số và ngày của ô, nên máy không đọc; "
    "máy đọc dạng .xlsx (hoặc .ods của LibreOffice)",
}
UNCACHED_FIX = "gõ thẳng số vào ô, hoặc mở tệp bằng Excel hay LibreOffice rồi lưu lại"
NOT_A_BOOK = (  # with openpyxl's InvalidFileException, added where a workbook is opened
    KeyError,
    OSError,
    SyntaxError,  # lxml's XMLSyntaxError: an .ods whose content is not XML
    TypeError,
    ValueError,
    zipfile.BadZipFile,
)


def _empty_root() -> Located:
    root = Located()
    root.line, root.key_lines = 1, {}
    return root


class RowRecord(Located):
    """A report read from workbook rows: `line` is unique in its file (sheet position × SHEET_STRIDE + row); `sheet`
    and `row` are where a clerk finds it. Remembers the cells the intake refused, whether a value was a percentage,
    the merged cells it read, and the numbers whose cells show them rounded."""

    refused: frozenset = frozenset()
    percent: bool = False
    sheet: str = ""
    row: int = 0
    merged: dict
    shown: tuple = ()


def _sheet_problem(path: str, sheet: str, row: int, column: str, message: str, fix: str) -> Problem:
    return Problem(path, row, column, message, fix, in_sheet=True, sheet=sheet)


def _file_problem(path: str, column: str, message: str, fix: str) -> Problem:
    return Problem(path, 0, column, message, fix, in_sheet=True)


def reader(hamlets: Callable[[], dict[str, str]]) -> Reader:
    """The workbook reader, knowing the hamlets ({id: name}) so that a hamlet may be written by name or by id. They
    are looked up at the first workbook read, so a build without workbooks reads data/ap.yml only once."""
    known = functools.cache(hamlets)
    return lambda path, root_dir: read_workbook(path, root_dir, hamlets=known())


def read_workbook(path: Path, root_dir: Path, hamlets: dict[str, str] | None = None) -> tuple[Source, list[Problem]]:
    """Every report in one workbook. An unreadable file gives one problem and no reports, never a traceback."""
    display = path.relative_to(root_dir).as_posix()
    grids, problem = _open(path, display)
    if problem:
        return Source(display, _empty_root()), [problem]
    return _read_grids(grids, display, hamlets or {})


def refuse_format(path: Path, root_dir: Path) -> tuple[Source, list[Problem]]:
    """An .xls or .csv under data/cap-nhat/: one problem with the steps to save it as .xlsx in each office suite."""
    display = path.relative_to(root_dir).as_posix()
    message = FORMAT_MESSAGES.get(path.suffix.lower(), FORMAT_MESSAGES[".xls"])
    return Source(display, _empty_root()), [_file_problem(display, "tệp", message, SAVE_AS_XLSX)]


def _open(path: Path, display: str) -> tuple[list[sheets.Grid], Problem | None]:
    with path.open("rb") as handle:
        head = handle.read(len(CFB_MAGIC))
    if head == CFB_MAGIC:
        return [], _locked_or_old(path, display)
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        return (sheets.read_ods(path) if path.suffix == ".ods" else sheets.read_xlsx(path)), None
    except (InvalidFileException, *NOT_A_BOOK):
        kind = "bảng tính LibreOffice (.ods)" if path.suffix == ".ods" else "bảng tính Excel (.xlsx)"
        return [], _file_problem(display, "tệp", f"tệp này không phải là {kind} hoặc đã bị hỏng", SAVE_AS_XLSX)


def _locked_or_old(path: Path, display: str) -> Problem:
    if "EncryptionInfo".encode("utf-16-le") in path.read_bytes():
        message = "bảng tính được đặt mật khẩu nên máy không đọc được"
        fix = "mở tệp, bỏ mật khẩu (File → Info → Protect Workbook → Encrypt with Password, xoá mật khẩu), lưu lại"
        return _file_problem(display, "tệp", message, fix)
    return _file_problem(display, "tệp", FORMAT_MESSAGES[".xls"], SAVE_AS_XLSX)


def _key(cell: clerk.Cell) -> str:
    value = cell.value
    return " ".join(value.split()).lower() if isinstance(value, str) else ""


def find_header(grid: sheets.Grid) -> tuple[int, dict[str, int]] | None:
    """The first row holding at least three of the template's headers: (row, header -> column), 1-based."""
    known = {header.lower(): header for header, _ in HEADERS}
    for number, row in enumerate(grid.rows[:HEADER_SEARCH_ROWS], start=1):
        found = {known[_key(cell)]: index for index, cell in enumerate(row, start=1) if _key(cell) in known}
        if len(found) >= 3:
            return number, found
    return None


def _read_grids(grids: list[sheets.Grid], display: str, hamlets: dict) -> tuple[Source, list[Problem]]:
    tables = [(position, grid, find_header(grid)) for position, grid in enumerate(grids)]
    if not any(header for _, _, header in tables):
        message = "không tìm thấy dòng tiêu đề (Mã chỉ tiêu, Kỳ báo cáo, Giá trị, …) trên trang tính nào"
        return Source(display, _empty_root()), [_file_problem(display, "dòng tiêu đề", message, TEMPLATE_FIX)]
    records: dict[tuple, RowRecord] = {}
    problems = [_headless(display, grid) for _, grid, header in tables if header is None and _holds_data(grid)]
    problems += [_hidden(display, grid) for _, grid, header in tables if header is not None and grid.hidden]
    for position, grid, header in tables:
        if header is not None and not grid.hidden:
            problems += _read_table(records, _Table(display, position, grid, *header, hamlets))
    return Source(display, _root(list(records.values()))), problems


def _holds_data(grid: sheets.Grid) -> bool:
    return grid.name not in (GUIDE_SHEET, LISTS_SHEET) and grid.has_content


def _headless(display: str, grid: sheets.Grid) -> Problem:
    message = (
        "có nội dung nhưng không có dòng tiêu đề của mẫu báo cáo (Mã chỉ tiêu, Kỳ báo cáo, Giá trị, …), nên số liệu "
        "trên đó không được đọc"
    )
    fix = (
        "nếu đó là số liệu báo cáo, chép dòng tiêu đề của trang tính Báo cáo lên đầu bảng; nếu không, xoá trang "
        "tính đó khỏi tệp (hoặc để riêng trong một tệp khác)"
    )
    return _file_problem(display, f'trang tính "{grid.name}"', message, fix)


def _hidden(display: str, grid: sheets.Grid) -> Problem:
    """A hidden sheet with the report's header (an old copy, hidden instead of deleted): reading it would publish
    numbers the clerk cannot see, skipping it would drop them without a word."""
    message = "đang bị ẩn nhưng có dòng tiêu đề của mẫu báo cáo, nên không biết số liệu trên đó có còn dùng hay không"
    fix = (
        "hiện trang tính đó để xem lại (bấm chuột phải vào tên một trang tính → Hiện / Unhide), rồi giữ nó nếu số "
        "liệu còn đúng hoặc xoá nó nếu là bản cũ"
    )
    return _file_problem(display, f'trang tính "{grid.name}"', message, fix)


@dataclasses.dataclass(frozen=True)
class _Table:
    """One sheet's report table: where it is, its header row, and which column holds each header."""

    display: str
    position: int
    grid: sheets.Grid
    header_row: int
    columns: dict[str, int]
    hamlets: dict

    def problem(self, row: int, column: str, message: str, fix: str) -> Problem:
        return _sheet_problem(self.display, self.grid.name, row, column, message, fix)

    def uncached(self, row: int, header: str) -> str | None:
        """The formula of a cell whose result the file does not store (a merged cell's, in every row it covers)."""
        column = self.columns.get(header)
        merge = self.grid.merge_at(row, column) if column else None
        where = (merge.first_row, merge.first_column) if merge else (row, column)
        return self.grid.uncached.get(where) if column else None

    def cell(self, row: int, header: str) -> clerk.Cell:
        column = self.columns.get(header)
        return self.grid.cell(row, column) if column else sheets.EMPTY


def _read_table(records: dict, table: _Table) -> list[Problem]:
    missing = [name for name in REQUIRED_HEADERS if name not in table.columns]
    if missing or _repeated_columns(table):
        return [_missing_column(table, name) for name in missing] + _repeated_columns(table)
    problems: list[Problem] = []
    last_id_row = max((row for row in _data_rows(table) if not clerk.blank(table.cell(row, ID_HEADER))), default=0)
    for row in _data_rows(table):
        value = table.cell(row, COLUMN_OF["gia_tri"])
        if clerk.blank(value) and not table.uncached(row, COLUMN_OF["gia_tri"]):
            continue  # no value: no report (never 0), whatever else the row holds
        if clerk.blank(table.cell(row, ID_HEADER)) and row > last_id_row and not _reads_as_value(value):
            continue  # below the table: a date, a signature, a name
        problems += _add_row(records, table, row)
    return problems


def _data_rows(table: _Table) -> range:
    return range(table.header_row + 1, len(table.grid.rows) + 1)


def _reads_as_value(cell: clerk.Cell) -> bool:
    reading = clerk.read_report({"gia_tri": cell})
    return not reading.refusals


def _repeated_columns(table: _Table) -> list[Problem]:
    """A header the clerk's fields are read from, written twice (a copied "Giá trị" column for another month): one
    of the two columns would be dropped without a word, so the sheet is refused naming both."""
    found: dict[str, list[int]] = {}
    for index, cell in enumerate(table.grid.rows[table.header_row - 1], start=1):
        header = FIELD_HEADERS.get(_key(cell))
        if header:
            found.setdefault(header, []).append(index)
    return [
        table.problem(
            table.header_row,
            header,
            f"dòng tiêu đề có {len(columns)} cột mang tên này (cột "
            + ", ".join(sheets.column_letter(column) for column in columns)
            + "), nên máy không biết đọc cột nào",
            f'giữ một cột "{header}"; số của kỳ khác ghi ở một dòng mới (chép dòng của chỉ tiêu, sửa cột Kỳ báo cáo)',
        )
        for header, columns in found.items()
        if len(columns) > 1
    ]


def _missing_column(table: _Table, name: str) -> Problem:
    message = "dòng tiêu đề thiếu cột này (hoặc tên cột đã bị sửa)"
    return table.problem(
        table.header_row, name, message, f'thêm lại cột "{name}" đúng tên như mẫu, hoặc {TEMPLATE_FIX}'
    )


def _add_row(records: dict, table: _Table, row: int) -> list[Problem]:
    cells = {name: table.cell(row, header) for header, name in HEADERS if name}
    merged, problems = _merges(table, row)
    uncached = _uncached(table, row, cells)
    problems += [problem for _, problem in uncached]
    target, hamlet, id_refusal = _target_and_hamlet(cells.pop("chi_tieu"), table.hamlets)
    hamlet_values = {hamlet: cells.pop("gia_tri")} if hamlet else None
    reading = clerk.read_report(cells | {"chi_tieu": target}, hamlet_values)
    reading.refusals += [id_refusal] if id_refusal else []
    problems += [_refusal_problem(table, row, refusal, merged) for refusal in reading.refusals]
    record = _row_record(reading, table, row, merged)
    record.refused |= {name for name, _ in uncached}
    key = (record.get("chi_tieu"), record.get("ky"), "theo_ap") if hamlet else (table.position, row)
    if key in records:
        return [p for p in problems if p] + _merge_hamlet_row(records[key], record, table)
    records[key] = record
    return [p for p in problems if p]


def _target_and_hamlet(cell: clerk.Cell, hamlets: dict) -> tuple[str | None, str | None, clerk.Refusal | None]:
    """The target id and the hamlet ("to-hop-tac-tung-ap/vinh-thanh", or the hamlet's name after the slash)."""
    reading = clerk.read_report({"chi_tieu": cell})
    if reading.refusals or "chi_tieu" not in reading.record:
        return None, None, (reading.refusals or [None])[0]
    target, _, hamlet = reading.record["chi_tieu"].partition(HAMLET_MARK)
    hamlet = hamlet.strip()
    return target.strip() or None, (clerk.hamlet_id(hamlet, hamlets) or hamlet) if hamlet else None, None


def _merges(table: _Table, row: int) -> tuple[dict[str, str], list[Problem]]:
    """The merged cells a row reads ({field: "F5:F8"}), and a merge that spans two read columns, once."""
    merged, problems = {}, []
    for header, name in HEADERS:
        column = table.columns.get(header)
        merge = table.grid.merge_at(row, column) if column and name else None
        if merge is None:
            continue
        merged[name] = merge.ref
        spanned = [h for h, n in HEADERS if n and merge.first_column <= table.columns.get(h, 0) <= merge.last_column]
        first = min(table.columns[h] for h in spanned)
        if len(spanned) > 1 and column == first and row == merge.first_row:
            message = f"ô gộp {merge.ref} trùm lên nhiều cột ({', '.join(spanned)}), mà mỗi cột cần giá trị riêng"
            problems.append(table.problem(row, header, message, "bỏ gộp ô (Merge → Unmerge) rồi điền từng cột"))
    return merged, problems


def _uncached(table: _Table, row: int, cells: dict) -> list[tuple[str, Problem]]:
    """A formula whose result the file does not store reads as empty: it is reported, not skipped (Excel,
    LibreOffice and Google Sheets store the result; a file written by a program may not)."""
    problems = []
    for header, name in HEADERS:
        formula = table.uncached(row, header) if name else None
        if formula is not None:
            cells[name] = clerk.Cell(None)
            message = f"ô có công thức {formula} nhưng tệp không lưu kết quả của công thức"
            problems.append((name, table.problem(row, header, message, UNCACHED_FIX)))
    return problems


def _refusal_problem(table: _Table, row: int, refusal: clerk.Refusal, merged: dict) -> Problem | None:
    """A refused cell, named once: a merged cell at its first row only, saying it is merged."""
    ref = merged.get("chi_tieu" if refusal.field == "chi_tieu" else refusal.field)
    merge = table.grid.merge_at(row, table.columns.get(COLUMN_OF[refusal.field], 0))
    if merge is not None and row != merge.first_row:
        return None
    message = f"{refusal.message} (ô gộp {ref})" if ref else refusal.message
    return table.problem(row, COLUMN_OF[refusal.field], message, refusal.fix)


def _row_record(reading: clerk.Reading, table: _Table, row: int, merged: dict) -> RowRecord:
    record = RowRecord(reading.record)
    record.line = table.position * SHEET_STRIDE + row
    record.key_lines = {name: record.line for name in record}
    record.refused = frozenset(refusal.field for refusal in reading.refusals)
    record.percent = reading.percent
    record.sheet, record.row, record.merged = table.grid.name, row, merged
    record.shown = tuple(reading.shown)
    record.place = f'{table.display}, trang tính "{table.grid.name}", dòng {row}'
    return record


def _merge_hamlet_row(first: RowRecord, later: RowRecord, table: _Table) -> list[Problem]:
    """Rows of one per-hamlet target and period make one report: its hamlets' values, one date, source, agency."""
    hamlets = first.setdefault("theo_ap", {})
    again = [hamlet for hamlet in later.get("theo_ap", {}) if hamlet in hamlets]
    hamlets.update(later.get("theo_ap", {}))
    first.refused |= later.refused
    first.percent = first.percent or later.percent
    first.shown += later.shown
    repeated = [
        table.problem(
            later.row,
            COLUMN_OF["chi_tieu"],
            f'ấp "{hamlet}" đã có số của cùng chỉ tiêu, cùng kỳ ở một dòng trên',
            "mỗi ấp chỉ ghi một dòng cho mỗi kỳ; xoá dòng thừa",
        )
        for hamlet in again
    ]
    return repeated + [
        table.problem(
            later.row,
            COLUMN_OF[name],
            f"khác với {_row_name(first, later)} của cùng chỉ tiêu, cùng kỳ",
            "các ấp của cùng một chỉ tiêu và cùng kỳ ghi chung ngày số liệu, nguồn và đơn vị báo cáo",
        )
        for name in ("ngay", "nguon", "don_vi_bao_cao", "ghi_chu")
        if later.get(name) != first.get(name)
    ]


def _row_name(first: RowRecord, later: RowRecord) -> str:
    return f"dòng {first.row}" if first.sheet == later.sheet else f'trang tính "{first.sheet}", dòng {first.row}'


def _root(records: list[RowRecord]) -> Located:
    reports = LocatedList(records)
    reports.line = min((record.line for record in records), default=1)
    reports.item_lines = [record.line for record in records]
    root = Located(bao_cao=reports)
    root.line = 1
    root.key_lines = {"bao_cao": reports.line}
    return root


# ----------------------------------------------------------------- after the check


def review(problems: list[Problem], sources: dict[str, list[Source]]) -> list[Problem]:
    """Name workbook problems by sheet, row and column; drop the check's echo of a cell already refused (a blank or
    unreadable value is reported once, as read); add what needs the target: a percentage against a target not
    counted in per cent, a cell that shows a number rounded otherwise than the target is judged."""
    rows = {(source.path, record.line): record for source in sources.get("reports", []) for record in _rows(source)}
    reviewed = []
    for problem in problems:
        record = rows.get((problem.file, problem.line))
        if record is None or problem.in_sheet:
            reviewed.append(problem)
        elif problem.field not in record.refused:
            reviewed.append(_in_sheet(problem, record))
    targets = {target.get("id"): target for target in _targets(sources)}
    return reviewed + _target_problems(rows, targets)


def _in_sheet(problem: Problem, record: RowRecord) -> Problem:
    column = COLUMN_OF.get(problem.field, problem.field)
    fix = clerk.fix_in_words(problem.fix, problem.field, column)
    ref = record.merged.get(problem.field)
    message = f"{problem.message} (ô gộp {ref})" if ref else problem.message
    return dataclasses.replace(
        problem, line=record.row, field=column, message=message, fix=fix, in_sheet=True, sheet=record.sheet
    )


def _rows(source: Source) -> list[RowRecord]:
    reports = source.root.get("bao_cao") if isinstance(source.root, Located) else None
    return [record for record in reports or [] if isinstance(record, RowRecord)]


def _target_problems(rows: dict, targets: dict) -> list[Problem]:
    problems = []
    for (path, _), record in rows.items():
        target = targets.get(record.get("chi_tieu"))
        if target is None:
            continue
        refusals = [_percent(record, target)] + [_rounded(shown, target) for shown in record.shown]
        problems += [
            _sheet_problem(path, record.sheet, record.row, COLUMN_OF[r.field], r.message, r.fix)
            for r in refusals
            if r is not None
        ]
    return problems


def _percent(record: RowRecord, target: Located) -> clerk.Refusal | None:
    kind = kinds.KINDS.get(target.get("loai"))
    return clerk.percent_refusal(target.get("don_vi"), kind is not None and kind.yes_no) if record.percent else None


def _rounded(shown: clerk.Shown, target: Located) -> clerk.Refusal | None:
    """A cell that shows 82% while it holds 81,82%: what would be published is not what the clerk sees."""
    precision = status.precision_of(goal_of(target))
    if fmt.round_half_up(shown.shown, precision) == fmt.round_half_up(shown.stored, precision):
        return None
    return clerk.shown_refusal(shown, target.get("don_vi"))


def goal_of(target: Located):
    """The goal of a target still in its data file (the number its kind judges by), or None."""
    kind = kinds.KINDS.get(target.get("loai"))
    if kind is None or kind.yes_no:
        return None
    goal = target.get(RECORDS["target"].key_of(kind.goal_attr))
    return goal if isinstance(goal, (int, float)) and not isinstance(goal, bool) else None


def _targets(sources: dict[str, list[Source]]) -> list[Located]:
    roots = [source.root for source in sources.get("targets", []) if isinstance(source.root, Located)]
    return [item for root in roots for item in root.get("chi_tieu") or [] if isinstance(item, Located)]
