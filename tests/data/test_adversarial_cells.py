"""Adversarial value cells, as Excel and LibreOffice store them, through the real reader, check and build.

Each case is one value cell of a target counted in % ("bao-hiem-y-te", "truong-dat-chuan-quoc-gia"), in a row of its
own period. No input may
raise; a refused one is named at its sheet, row and column; every accepted one publishes what the cell shows (at the
plan's precision: the page "Cách tính tiến độ" says a number is read at two decimals at least).
"""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pytest
from bs4 import BeautifulSoup
from support.build import build_site
from support.data import copy_data
from support.paths import TODAY
from support.workbooks import resave_with_libreoffice, save, template_bytes, to_ods

from macros import pipeline
from macros.intake import clerk, template

TARGETS = ("bao-hiem-y-te", "truong-dat-chuan-quoc-gia")  # both counted in %: a row of its own for each case
REFUSED = None
# (cell value, number format, what the target page shows, or REFUSED)
CASES = [
    ("81,82", None, "81,82%"),
    ("81,82%", None, "81,82%"),
    (0.8182, "0.00%", "81,82%"),  # "81,82%" typed in Excel or Calc: 0.8182 with a percent format
    (81.82, None, "81,82%"),
    (" 93,5 ", None, "93,5%"),
    ("93.5", None, "93,5%"),
    (0.935, "0.0%", "93,5%"),
    (1, "0%", "100%"),
    ("100", None, "100%"),
    (95, "0", "95%"),
    ("=9/11*100", None, "81,82%"),  # 9 of 11 schools: the plan's own 81,82%
    ("=0.8182", "0.00%", "81,82%"),
    (81.818181, "0.00", "81,82%"),
    ("0", None, "0%"),
    (0, None, "0%"),
    ("50 %", None, "50%"),
    ("81,82\t", None, "81,82%"),
    ("95²", None, REFUSED),
    ("93,5\u200b", None, REFUSED),
    ("\u200b93,5", None, REFUSED),
    ("93,5\u00a0", None, REFUSED),
    ("\u202e81", None, REFUSED),
    ("１００", None, REFUSED),
    ("١٠٠", None, REFUSED),
    ("1.234", None, REFUSED),
    ("1,234", None, REFUSED),
    ("tám mươi", None, REFUSED),
    ("N/A", None, REFUSED),
    ("#DIV/0!", None, REFUSED),
    ("=1/0", None, REFUSED),
    (dt.datetime(2026, 5, 6), "DD/MM/YYYY", REFUSED),
    (True, None, REFUSED),
    ("81,82%%", None, REFUSED),
    ("1e3", None, REFUSED),
    ("0x10", None, REFUSED),
    ("9" * 5000, None, REFUSED),
    ("81,82 người", None, REFUSED),
    (0.8182, "0%", REFUSED),  # shows 82% while it holds 81,82%
    (81.82, "0.0", REFUSED),  # shows 81,8 while it holds 81,82
    ("120", None, REFUSED),
    ("-5", None, REFUSED),
    ("81.82.3", None, REFUSED),
    ("Đạt", None, REFUSED),
    (1e308, "0.00%", REFUSED),  # overflowed once scaled to the percentage shown
]
# One period for each case: the months, quarters and years of 2026 begun by the tests' day, and of the baseline 2025.
PERIODS = [
    *(f"{year}-{month:02d}" for year in (2025, 2026) for month in range(1, 13) if (year, month) <= (2026, 11)),
    *(f"{year}-Q{quarter}" for year in (2025, 2026) for quarter in range(1, 5)),
    "2025",
    "2026",
]
SLOTS = [(target, period) for target in TARGETS for period in PERIODS]


def last_day(code: str) -> dt.date:
    year = int(code[:4])
    if "-Q" in code:
        month = int(code[-1]) * 3
    elif "-" in code:
        month = int(code[5:])
    else:
        month = 12
    end = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    return min(end, TODAY)


def label(code: str) -> str:
    from macros.vocabulary import periods

    return periods.parse(code).label


def test_there_are_enough_cases_and_periods():
    assert len(CASES) >= 30 and len(SLOTS) >= len(CASES)


@pytest.mark.parametrize(("value", "number_format", "shown"), CASES)
def test_the_reader_never_raises(value, number_format, shown):
    percent = bool(number_format and "%" in number_format)
    cell = clerk.Cell(value, percent=percent, decimals=2 if number_format else None)
    reading = clerk.read_report({"chi_tieu": TARGETS[0], "gia_tri": cell, "ky": "2026-Q3", "ngay": "30/09/2026"})
    refused = [refusal.field for refusal in reading.refusals]
    assert ("gia_tri" in reading.record) != ("gia_tri" in refused)  # the value is read, or refused by name: never lost
    assert set(refused) <= {"gia_tri"} and reading.record["ky"] == "2026-Q3"


def adversarial_book(accepted_only: bool = False) -> tuple[openpyxl.Workbook, dict[int, tuple]]:
    """The template with one row per case (a target and period of its own): row number -> case."""
    book = openpyxl.load_workbook(io.BytesIO(template_bytes()))
    sheet = book[template.REPORT_SHEET]
    sheet.delete_rows(2, sheet.max_row)
    rows = {}
    for (target, period), case in zip(SLOTS, CASES, strict=False):
        value, number_format, shown = case
        if accepted_only and shown is REFUSED:
            continue
        sheet.append([target, "", "%", period, value, last_day(period), "Báo cáo số 1/BC", "phong-kinh-te"])
        if number_format:
            sheet.cell(sheet.max_row, 5).number_format = number_format
        sheet.cell(sheet.max_row, 6).number_format = "DD/MM/YYYY"
        rows[sheet.max_row] = (target, period, *case)
    return book, rows


def saved_by_libreoffice(tmp, accepted_only: bool = False) -> tuple:
    """The cases written by openpyxl, then saved again by LibreOffice Calc (which stores each formula's result)."""
    book, rows = adversarial_book(accepted_only)
    written = save(book, tmp / "in" / "kho.xlsx")
    return resave_with_libreoffice(written, tmp / "libreoffice"), rows


@pytest.fixture(scope="module")
def resaved(tmp_path_factory) -> tuple:
    return saved_by_libreoffice(tmp_path_factory.mktemp("adversarial"))


def refused_rows(data) -> dict[int, list[str]]:
    problems = pipeline.check(data, data.parent, TODAY)
    found: dict[int, list[str]] = {}
    for problem in problems:
        assert problem.in_sheet and problem.sheet == template.REPORT_SHEET, str(problem)
        assert problem.field == "Giá trị", str(problem)
        found.setdefault(problem.line, []).append(str(problem))
    return found


@pytest.mark.parametrize("suffix", [".xlsx", ".ods"])
def test_refused_cells_are_named_and_accepted_ones_are_not(tmp_path, resaved, suffix):
    path, rows = resaved
    data = copy_data(tmp_path)
    content = path.read_bytes() if suffix == ".xlsx" else to_ods(path, tmp_path / "ods").read_bytes()
    (data / "cap-nhat" / f"kho{suffix}").write_bytes(content)
    refused = refused_rows(data)
    for row, (_, _, value, _, shown) in rows.items():
        if shown is REFUSED:
            assert row in refused, (row, value)
            assert all(f'trang tính "Báo cáo", dòng {row}, cột "Giá trị": ' in text for text in refused[row])
        else:
            assert row not in refused, (value, refused.get(row))


def test_every_accepted_cell_publishes_what_it_shows(tmp_path):
    path, rows = saved_by_libreoffice(tmp_path, accepted_only=True)
    data = copy_data(tmp_path)
    (data / "cap-nhat" / "kho.xlsx").write_bytes(path.read_bytes())
    site = build_site(tmp_path / "site", data_dir=data)
    for target in TARGETS:
        expected = {label(p): shown for t, p, _, _, shown in rows.values() if t == target and shown is not REFUSED}
        assert published_values(site, target) == expected


def published_values(site, target: str) -> dict[str, str]:
    """Period label -> the value the target page shows, from its table of reports."""
    page = BeautifulSoup((site / "chi-tieu" / target / "index.html").read_text(encoding="utf-8"), "lxml")
    rows = [tr for tr in page.select("tr") if tr.select_one('td[data-label="Kỳ"]')]
    return {
        tr.select_one('td[data-label="Kỳ"]').get_text(" ", strip=True).split(" (")[0]: tr.select_one(
            'td[data-label="Giá trị"]'
        ).get_text(strip=True)
        for tr in rows
    }
