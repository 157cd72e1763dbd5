"""A spreadsheet file as grids of cells, whatever program saved it: .xlsx through openpyxl, .ods (LibreOffice's own
format) through odfdo. Each cell keeps what the office suite stores and how it shows it (a percent format, the
decimals its format shows), each sheet its merged cells and the formulas whose result the file does not store, so
the workbook reader reads both formats the same way.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path

from macros.intake.clerk import Cell

EMPTY = Cell(None)
MAX_COLUMNS = 64  # the template has nine columns; a sheet's far columns (16 384 in LibreOffice) are never read
MAX_ROWS = 5000  # far more than one row per target; the empty rows a suite repeats to the end are never expanded


@dataclass(frozen=True)
class Merge:
    """A merged cell: the rows and columns it covers (1-based, inclusive)."""

    first_row: int
    first_column: int
    last_row: int
    last_column: int

    @property
    def ref(self) -> str:
        """ "F5:F8", as the office suite names it."""
        first = f"{column_letter(self.first_column)}{self.first_row}"
        return f"{first}:{column_letter(self.last_column)}{self.last_row}"

    def covers(self, row: int, column: int) -> bool:
        return self.first_row <= row <= self.last_row and self.first_column <= column <= self.last_column


@dataclass(frozen=True)
class Grid:
    """One sheet: its name, its rows of cells (row 1 first), its merged cells, and the formulas (by row and column)
    whose result the file does not store."""

    name: str
    rows: tuple[tuple[Cell, ...], ...]
    merges: tuple[Merge, ...] = ()
    uncached: dict = field(default_factory=dict)
    hidden: bool = False  # hidden in the office suite: its rows are not what the clerk sees

    def cell(self, row: int, column: int) -> Cell:
        """The cell at a row and column (1-based); a merged cell's value in every row it covers (its other columns
        stay empty, as the office suite shows them)."""
        merge = self.merge_at(row, column)
        if merge is not None and column != merge.first_column:
            return EMPTY
        if merge is not None:
            row = merge.first_row
        cells = self.rows[row - 1] if 0 < row <= len(self.rows) else ()
        return cells[column - 1] if 0 < column <= len(cells) else EMPTY

    def merge_at(self, row: int, column: int) -> Merge | None:
        return next((merge for merge in self.merges if merge.covers(row, column)), None)

    @property
    def has_content(self) -> bool:
        return any(not _empty(cell.value) for row in self.rows for cell in row)


def _empty(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


# ----------------------------------------------------------------- number formats

QUOTED = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.')  # literal text, escapes, [colours]/[$-locale], padding


def format_shows(number_format: str | None) -> tuple[bool, int | None]:
    """(percent, decimals shown) of an Excel number format code: "0.00%" -> (True, 2), "#,##0" -> (False, 0),
    "General" and formats that are not plain numbers (dates, text, scientific) -> decimals None."""
    code = QUOTED.sub("", (number_format or "General").split(";")[0])
    percent = "%" in code
    if code.lower() in ("general", "") or "@" in code or re.search(r"[eEyYmMdDhHsS]", code):
        return percent, None
    if "." in code:
        return percent, len(re.match(r"[0#?]*", code.split(".", 1)[1]).group())
    return percent, 0 if re.search(r"[0#?]", code) else None


# ----------------------------------------------------------------- .xlsx


def column_letter(index: int) -> str:
    """Excel's name of a column: 1 → A, 26 → Z, 27 → AA."""
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def read_xlsx(path: Path) -> list[Grid]:
    """Every sheet of an .xlsx file. Raises what openpyxl raises for a file that is not one (the caller names it)."""
    import openpyxl  # here, not at the top: a build with no workbook in data/ never loads it

    values = openpyxl.load_workbook(path, data_only=True)
    formulas = openpyxl.load_workbook(path, data_only=False)
    try:
        return [_xlsx_grid(sheet, formulas[sheet.title]) for sheet in values.worksheets]
    finally:
        values.close()
        formulas.close()


def _xlsx_grid(sheet, written) -> Grid:
    last_row, last_column = min(sheet.max_row, MAX_ROWS), min(sheet.max_column, MAX_COLUMNS)
    rows = tuple(
        tuple(_xlsx_cell(cell) for cell in row)
        for row in sheet.iter_rows(min_row=1, max_row=last_row, max_col=last_column)
    )
    merges = tuple(
        Merge(merged.min_row, merged.min_col, merged.max_row, merged.max_col) for merged in sheet.merged_cells.ranges
    )
    uncached = {
        (cell.row, cell.column): cell.value
        for row in written.iter_rows(min_row=1, max_row=last_row, max_col=last_column)
        for cell in row
        if isinstance(cell.value, str)
        and cell.value.startswith("=")
        and sheet.cell(cell.row, cell.column).value is None
    }
    return Grid(sheet.title, rows, merges, uncached, hidden=sheet.sheet_state != "visible")


def _xlsx_cell(cell) -> Cell:
    percent, decimals = format_shows(getattr(cell, "number_format", None))
    return Cell(cell.value, percent=percent, decimals=decimals)


# ----------------------------------------------------------------- .ods

ODS_PERCENT = "percentage"
ODS_BOOLEANS = {"TRUE": True, "FALSE": False, "ĐÚNG": True, "SAI": False}


def read_ods(path: Path) -> list[Grid]:
    """Every sheet of an .ods file. Raises what odfdo raises for a file that is not one (the caller names it)."""
    from odfdo import Document  # here, not at the top: a build with no .ods in data/ never loads it

    document = Document(path)
    shows, hidden = _ods_number_styles(document), _ods_hidden_styles(document)
    return [
        replace(_ods_grid(table, shows), hidden=table.get_attribute("table:style-name") in hidden)
        for table in document.body.tables
    ]


def _ods_hidden_styles(document) -> set[str]:
    """The table styles that hide a sheet (LibreOffice: Sheet → Hide Sheet writes table:display="false")."""
    hidden = set()
    for part in (document.content, document.styles):
        for style in part.get_elements("//style:style[@style:family='table']"):
            properties = style.get_element("style:table-properties")
            if properties is not None and str(properties.get_attribute("table:display")).lower() == "false":
                hidden.add(style.get_attribute("style:name"))
    return hidden


def _ods_number_styles(document) -> dict[str, int | None]:
    """Cell style name -> decimals its number format shows (None: as many as the value has)."""
    decimals: dict[str, int | None] = {}
    for part in (document.content, document.styles):
        for style in part.get_elements("//number:*[number:number]"):
            number = style.get_element("number:number")
            places = number.get_attribute("number:decimal-places")
            decimals[style.get_attribute("style:name")] = int(places) if str(places).isdigit() else None
    cells = {}
    for part in (document.content, document.styles):
        for style in part.get_elements("//style:style[@style:family='table-cell']"):
            cells[style.get_attribute("style:name")] = decimals.get(style.get_attribute("style:data-style-name"))
    return cells


def _repeat(element, name: str) -> int:
    value = element.get_attribute(name)
    return int(value) if str(value).isdigit() else 1


def _ods_grid(table, shows: dict) -> Grid:
    rows: list[tuple[Cell, ...]] = []
    merges: list[Merge] = []
    uncached: dict = {}
    for element in table.get_elements(
        "table:table-row|table:table-rows/table:table-row|table:table-row-group//table:table-row"
    ):
        cells = _ods_row(element, len(rows) + 1, shows, merges, uncached)
        for _ in range(min(_repeat(element, "table:number-rows-repeated"), MAX_ROWS - len(rows))):
            rows.append(cells)
        if len(rows) >= MAX_ROWS:
            break
    while rows and all(_empty(cell.value) for cell in rows[-1]):
        rows.pop()
    return Grid(table.name, tuple(rows), tuple(merges), uncached)


def _ods_row(element, number: int, shows: dict, merges: list, uncached: dict) -> tuple[Cell, ...]:
    cells: list[Cell] = []
    for cell in element.get_elements("table:table-cell|table:covered-table-cell"):
        read = _ods_cell(cell, shows)
        column = len(cells) + 1
        spans = (_repeat(cell, "table:number-rows-spanned"), _repeat(cell, "table:number-columns-spanned"))
        if spans != (1, 1):
            merges.append(Merge(number, column, number + spans[0] - 1, column + spans[1] - 1))
        if cell.get_attribute("table:formula") and _empty(read.value):
            uncached[(number, column)] = "=" + str(cell.get_attribute("table:formula")).split(":=", 1)[-1]
        for _ in range(min(_repeat(cell, "table:number-columns-repeated"), MAX_COLUMNS - len(cells))):
            cells.append(read)
        if len(cells) >= MAX_COLUMNS:
            break
    while cells and _empty(cells[-1].value):
        cells.pop()
    return tuple(cells)


def _ods_cell(cell, shows: dict) -> Cell:
    kind = cell.get_attribute("office:value-type")
    if kind is None:
        return EMPTY
    if kind == "string" or cell.get_attribute("calcext:value-type") == "error":
        return Cell(cell.text_content if kind != "string" or cell.value is None else cell.value)  # "#DIV/0!" as shown
    shown = (cell.text_content or "").strip().upper()
    if kind == "boolean" or shown in ODS_BOOLEANS:
        return Cell(ODS_BOOLEANS.get(shown, bool(cell.value)))  # Calc stores TRUE as the number 1 it shows as TRUE
    value = cell.value
    if isinstance(value, Decimal):
        value = int(value) if value == value.to_integral_value() else float(value)
    if kind == "date" and isinstance(value, dt.datetime) and value.time() == dt.time():
        value = value.date()
    return Cell(value, percent=kind == ODS_PERCENT, decimals=shows.get(cell.get_attribute("table:style-name")))
