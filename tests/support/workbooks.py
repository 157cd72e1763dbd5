"""Fill the published report template the way a clerk does, and resave it with LibreOffice Calc."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import shutil
import subprocess
from pathlib import Path

import openpyxl

from macros import pipeline
from macros.intake import template
from support.paths import ROOT, TODAY

SOFFICE = os.environ.get("SOFFICE", "/usr/bin/soffice")

# A month's reports as a clerk types them: text with a decimal comma, plain numbers, real date cells, drop-down picks.
GOOD_ROWS = {
    "bao-hiem-y-te": {
        "Kỳ báo cáo": "Quý 3/2026",
        "Giá trị": "81,82",
        "Ngày số liệu": "30/09/2026",
        "Nguồn số liệu": "Báo cáo số 45/BC-BHXH ngày 05/10/2026",
        "Đơn vị báo cáo": "Thống kê cơ sở Vĩnh Phong (thong-ke-co-so)",
    },
    "san-pham-ocop-3-sao": {
        "Kỳ báo cáo": "Tháng 10/2026",
        "Giá trị": 3,
        "Ngày số liệu": dt.datetime(2026, 10, 31),
        "Nguồn số liệu": "Báo cáo số 12/BC-PKT",
        "Đơn vị báo cáo": "Phòng Kinh tế (phong-kinh-te)",
        "Ghi chú": "Số ước tính",
    },
    "duy-tri-nong-thon-moi": {
        "Kỳ báo cáo": "Năm 2026",
        "Giá trị": "Đạt",
        "Ngày số liệu": "2026-11-20",
        "Nguồn số liệu": "Quyết định số 7/QĐ-UBND",
        "Đơn vị báo cáo": "Phòng Kinh tế (phong-kinh-te)",
    },
    "to-hop-tac-tung-ap/vinh-thanh": {
        "Kỳ báo cáo": "Quý IV/2026",
        "Giá trị": 2,
        "Ngày số liệu": dt.date(2026, 11, 15),
        "Nguồn số liệu": "Báo cáo số 13/BC-PKT",
        "Đơn vị báo cáo": "phong-kinh-te",
    },
}


def template_bytes(data_dir: Path = ROOT / "data") -> bytes:
    site = pipeline.load_site(data_dir, data_dir.parent, TODAY)
    return template.workbook_bytes(site)


def fill(content: bytes, rows: dict[str, dict], sheet_name: str = template.REPORT_SHEET) -> openpyxl.Workbook:
    """The template with the given cells typed into the row of each target id (matched by the id column)."""
    book = openpyxl.load_workbook(io.BytesIO(content))
    sheet = book[sheet_name]
    headers = {cell.value: cell.column for cell in sheet[1]}
    ids = {sheet.cell(row, headers["Mã chỉ tiêu"]).value: row for row in range(2, sheet.max_row + 1)}
    for target, cells in rows.items():
        for header, value in cells.items():
            sheet.cell(ids[target], headers[header]).value = value
    return book


def row_of(book: openpyxl.Workbook | bytes, target: str, sheet: str = template.REPORT_SHEET) -> int:
    """The row of a target's id (or "target/hamlet") in a filled or blank template."""
    if isinstance(book, bytes):
        book = openpyxl.load_workbook(io.BytesIO(book))
    return next(cell.row for cell in book[sheet]["A"] if cell.value == target)


def save(book: openpyxl.Workbook, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


def resave_with_libreoffice(path: Path, out_dir: Path) -> Path:
    """Open and save the workbook with LibreOffice Calc, as a clerk using LibreOffice would."""
    out_dir.mkdir(parents=True, exist_ok=True)
    profile = out_dir / "lo-profile"
    command = [
        SOFFICE,
        f"-env:UserInstallation=file://{profile}",
        "--headless",
        "--norestore",
        "--convert-to",
        "xlsx:Calc MS Excel 2007 XML",
        "--outdir",
        str(out_dir),
        str(path),
    ]
    subprocess.run(command, check=True, capture_output=True, timeout=180)
    shutil.rmtree(profile, ignore_errors=True)
    return out_dir / path.name


def to_ods(path: Path, out_dir: Path) -> Path:
    """The workbook saved by LibreOffice Calc in its own format (.ods), as LibreOffice saves by default."""
    out_dir.mkdir(parents=True, exist_ok=True)
    profile = out_dir / "lo-profile"
    command = [SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore", "--convert-to", "ods"]
    subprocess.run([*command, "--outdir", str(out_dir), str(path)], check=True, capture_output=True, timeout=180)
    shutil.rmtree(profile, ignore_errors=True)
    return out_dir / path.with_suffix(".ods").name


VIETNAMESE = 1066  # LibreOffice's language id of vi-VN: "81,82%" and "30/09/2026" are read as a Vietnamese clerk types


def typed_in_calc(header: list[str], rows: list[list[str]], out_dir: Path, fmt: str = "xlsx") -> Path:
    """A sheet whose cells are typed as text into LibreOffice Calc with Vietnamese settings: Calc turns "81,82%" into
    0.8182 with a percent format and "30/09/2026" into a date, exactly as when a clerk types them (its text import
    uses the same number recognition as typing)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    typed = out_dir / "go-tay.csv"
    with typed.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([header, *rows])
    profile = out_dir / "lo-profile"
    command = [SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore"]
    command += [f"--infilter=CSV:44,34,76,1,,{VIETNAMESE},false,true", "--convert-to", fmt, "--outdir", str(out_dir)]
    subprocess.run([*command, str(typed)], check=True, capture_output=True, timeout=180)
    shutil.rmtree(profile, ignore_errors=True)
    return out_dir / f"go-tay.{fmt}"
