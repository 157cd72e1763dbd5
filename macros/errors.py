"""The one error type that crosses the boundary between the data layer and its callers."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in one data file, explained for commune staff."""

    file: str
    line: int
    field: str
    message: str
    fix: str
    in_sheet: bool = False  # a workbook cell: `line` is the row, `field` the column header
    sheet: str = ""  # the workbook's sheet that holds the row

    @property
    def place(self) -> str:
        """`file:line`, or just the file when the problem is with the file as a whole (line 0); in a workbook, the
        row and the column, the way staff count them."""
        if self.in_sheet and self.line:
            return f'{self.file}: {self.row_place}, cột "{self.field}"'
        return f"{self.file}:{self.line}" if self.line else self.file

    @property
    def row_place(self) -> str:
        """`trang tính "Báo cáo", dòng 7` in a workbook (the sheet named whenever it is known)."""
        sheet = f'trang tính "{self.sheet}", ' if self.sheet else ""
        return f"{sheet}dòng {self.line}"

    def __str__(self) -> str:
        if self.in_sheet and self.line:
            return f"{self.place}: {self.message} — {self.fix}"
        return f"{self.place}: {self.field}: {self.message} — {self.fix}"


class DataError(Exception):
    """Raised with every problem found, so staff fix them all in one round."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        lines = [str(problem) for problem in self.problems]
        lines.append(f"Có {count} lỗi trong dữ liệu. Trang web chưa được cập nhật.")
        return "\n".join(lines)
