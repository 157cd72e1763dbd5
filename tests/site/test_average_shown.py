"""A bình quân target stands at the average of its whole years: every place that shows that number says it is an
average, never "the latest report" (whose own number differs), and the open data describes it the same way."""

from __future__ import annotations

import datetime as dt

from bs4 import BeautifulSoup
from support.factories import make_report, site_with_reports
from support.paths import XA_MAU

from macros import pipeline
from macros.opendata import columns
from macros.site import pages, render

TARGET = "tang-thu-nhap"  # Xã Mẫu: "tăng bình quân hằng năm 8% trở lên"
DAY = dt.date(2028, 3, 1)


def two_years():
    data = XA_MAU / "data"
    site = pipeline.load_site(data, data.parent, DAY)
    years = [
        make_report(str(year), value, dt.date(year, 12, 31), target_id=TARGET)
        for year, value in ((2026, 6), (2027, 10))
    ]
    return site_with_reports(site, years, DAY)


def text(html: str) -> str:
    return " ".join(BeautifulSoup(html, "lxml").get_text(" ").split())


def test_the_target_page_calls_the_average_an_average():
    site = two_years()
    page = text(pages.TARGETS.body(site, site.plan.target_by_id[TARGET]))
    assert "Bình quân các năm đã có số cả năm (Năm 2026, Năm 2027): 8%/năm" in page
    assert "Số báo cáo mới nhất: 8%/năm" not in page  # the 2027 report says 10%/năm


def test_the_targets_table_calls_the_average_an_average():
    site = two_years()
    row = BeautifulSoup(render.targets_page(site, "chi-tieu/"), "lxml").find("a", href=f"../chi-tieu/{TARGET}/")
    cells = {td["data-label"]: td.get_text(" ", strip=True) for td in row.find_parent("tr").find_all("td")}
    assert cells["Số mới nhất"] == "bình quân 8%/năm"


def test_the_open_data_says_what_the_latest_value_is():
    latest = next(column for column in columns.LATEST if column.name == "gia_tri_moi_nhat")
    assert "bình quân" in latest.description and "cao nhất khi số càng thấp càng tốt" in latest.description
