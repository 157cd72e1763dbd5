"""A value is published at the plan's precision, the same one it is judged at (status.at_plan_precision), on the
pages, in the feeds and in the summaries; the open data keeps the value as it was reported (issue 16)."""

from __future__ import annotations

import csv
import io
import json

from bs4 import BeautifulSoup
from support.build import build_site
from support.data import copy_data
from support.factories import make_report, make_target

from macros.domain import status

REPORT = """bao_cao:
  - chi_tieu: truong-dat-chuan-quoc-gia
    ky: 2026-Q3
    gia_tri: 81.81818181818181
    ngay: 2026-09-30
    nguon: "Báo cáo số 9/BC-THCS: 9 trên 11 trường"
    don_vi_bao_cao: phong-kinh-te
"""


def test_the_published_value_is_the_judged_value():
    schools = make_target(value=81.82, comparison=">=", unit="%")
    assert status.published(schools, 9 / 11 * 100) == "81,82%"
    assert status.judged_value(schools, make_report("2026-Q3", 9 / 11 * 100)) == 81.82
    revenue = make_target(value=100, unit="% dự toán", comparison=">")
    assert status.published(revenue, 100.004) == "100% dự toán"  # the number judged "chưa vượt" is the one shown


def test_nine_of_eleven_schools_is_the_plans_81_82_percent_everywhere(tmp_path):
    data = copy_data(tmp_path)
    (data / "cap-nhat" / "2026.yml").write_text(REPORT, encoding="utf-8")
    site = build_site(tmp_path / "site", data_dir=data)
    page = BeautifulSoup((site / "chi-tieu" / "truong-dat-chuan-quoc-gia" / "index.html").read_text(), "lxml")
    text = page.get_text(" ")
    assert "81,82%" in text and "81,818" not in text
    assert "Đã đạt" in text
    for feed in ("feed.xml", "rss.xml"):
        text = (site / feed).read_text(encoding="utf-8")
        assert "81,82%" in text and "81,818" not in text
    reports = list(csv.DictReader(io.StringIO((site / "du-lieu" / "cap-nhat.csv").read_text(encoding="utf-8-sig"))))
    assert [row["gia_tri"] for row in reports] == ["81.81818181818181"]  # as reported
    targets = json.loads((site / "du-lieu" / "chi-tieu.json").read_text(encoding="utf-8"))
    latest = next(t for t in targets if t["id"] == "truong-dat-chuan-quoc-gia")
    assert latest["gia_tri_moi_nhat"] == 81.82 and latest["trang_thai"] == status.ACHIEVED
