"""Take the screenshots of the guide "Hướng dẫn cập nhật số liệu" from the real built site and workbook.

Usage: python scripts/guide_screenshots.py   (or `make screenshots`; needs Chromium and LibreOffice Calc)

1. Builds the site (mkdocs build --strict) into a temporary folder.
2. Takes /du-lieu/mau-bao-cao.xlsx from that build, types a few example rows into it as a clerk would, has
   LibreOffice Calc render it (HTML export), and photographs the "Báo cáo" sheet with headless Chromium.
3. Photographs the section "Mẫu báo cáo tiến độ" of the built page /du-lieu/.
The pictures go to docs/assets/huong-dan/. The example rows say "Ví dụ minh hoạ": they are not real figures.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import openpyxl

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "assets" / "huong-dan"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
SOFFICE = os.environ.get("SOFFICE", "/usr/bin/soffice")
EXAMPLE = "Ví dụ minh hoạ"
EXAMPLE_ROWS = {  # target id -> (Kỳ báo cáo, Giá trị, Ngày số liệu, Nguồn số liệu, Đơn vị báo cáo)
    "san-pham-ocop-3-sao": ("Tháng 10/2026", "2", "31/10/2026", "Báo cáo số …/BC-PKT", "Phòng Kinh tế (phong-kinh-te)"),
    "thu-ngan-sach-vuot-du-toan": (
        "Năm 2026",
        "105,5",
        "30/11/2026",
        "Báo cáo số …/BC-UBND",
        "Cơ quan Thuế (co-quan-thue)",
    ),
    "duy-tri-nong-thon-moi": (
        "Năm 2026",
        "Đạt",
        "20/11/2026",
        "Quyết định số …/QĐ-UBND",
        "Phòng Kinh tế (phong-kinh-te)",
    ),
}
JPEG = {"type": "jpeg", "quality": 40}  # every page with its images stays under 100 KB (tests/test_budgets.py)
PAGE_CLIP = {"x": 0, "width": 900, "height": 150}
SHOT_STYLE = (
    "body{margin:8px;background:#fff} table{border-collapse:collapse}"
    " td{border:1px solid #d0d7de;padding:2px 4px;font-size:13px}"
)


def build(site: Path) -> None:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(site)], cwd=ROOT, env=env, check=True
    )


def filled_example(template: Path, out: Path) -> Path:
    book = openpyxl.load_workbook(template)
    sheet = book["Báo cáo"]
    rows = {sheet.cell(row, 1).value: row for row in range(2, sheet.max_row + 1)}
    for target, values in EXAMPLE_ROWS.items():
        for column, value in enumerate((*values, EXAMPLE), start=4):
            sheet.cell(rows[target], column).value = value
    book.save(out)
    return out


def libreoffice_html(workbook: Path, folder: Path) -> Path:
    profile = f"-env:UserInstallation=file://{folder / 'lo-profile'}"
    command = [SOFFICE, profile, "--headless", "--convert-to", "html", "--outdir", str(folder), str(workbook)]
    subprocess.run(command, check=True, capture_output=True, timeout=180)
    return folder / (workbook.stem + ".html")


def photograph(html: Path, site: Path) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1100, "height": 700}, device_scale_factor=1)
        page.goto(html.as_uri())
        page.add_style_tag(content=SHOT_STYLE)
        sheet = page.locator("a[name=table1] + table")
        box = sheet.bounding_box()
        page.screenshot(
            path=OUT / "mau-bao-cao.jpg",
            full_page=True,
            clip={**box, "width": min(box["width"], 1080), "height": 136},
            **JPEG,
        )
        page = browser.new_page(viewport={"width": 900, "height": 900}, device_scale_factor=1)
        page.goto((site / "du-lieu" / "index.html").as_uri())
        top = page.locator("#mau-bao-cao").bounding_box()["y"] - 8
        page.screenshot(path=OUT / "trang-du-lieu.jpg", full_page=True, clip=PAGE_CLIP | {"y": top}, **JPEG)
        browser.close()


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        build(folder / "site")
        workbook = filled_example(folder / "site" / "du-lieu" / "mau-bao-cao.xlsx", folder / "mau-bao-cao.xlsx")
        photograph(libreoffice_html(workbook, folder), folder / "site")
    print(f"Đã chụp ảnh vào {OUT.relative_to(ROOT)}/")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
