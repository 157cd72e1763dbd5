"""Pages rendered from the data, read back as parsed HTML (datasette style: assert on cells)."""

from __future__ import annotations

import datetime as dt

import pytest
from bs4 import BeautifulSoup
from support.paths import FIXTURES

from macros import pipeline
from macros.site import pages, render
from macros.slug import slugify


def page_by_id(site, page_id):
    return next(page for page in site.plan.pages if page.id == page_id)


@pytest.fixture(scope="module")
def fixture_data(fixture_data_dir):
    return pipeline.load_site(fixture_data_dir, fixture_data_dir.parent, dt.date(2026, 11, 29))


def html(text: str) -> BeautifulSoup:
    return BeautifulSoup(text, "lxml")


def test_targets_table_groups_by_area_and_counts(fixture_data):
    page = html(render.targets_page(fixture_data, "chi-tieu/"))
    groups = [th.get_text(strip=True) for th in page.select("tr.kh-group th")]
    assert groups[0].startswith("II.") and any(g.startswith("III.3.") for g in groups)
    counts = {
        div["class"][1].removeprefix("kh-count--"): int(div.select_one(".kh-count__n").get_text())
        for div in page.select(".kh-counts .kh-count")
    }
    assert sum(counts.values()) == len(fixture_data.plan.targets)
    assert counts["da-dat"] >= 1 and counts["dung-tien-do"] >= 1 and counts["cham-tien-do"] >= 1


def test_targets_table_reads_without_javascript(fixture_data):
    page = html(render.targets_page(fixture_data, "chi-tieu/"))
    assert page.select_one("form.kh-filter").has_attr("hidden")
    row = page.select_one('tr[data-status] a[href="../chi-tieu/bao-hiem-y-te/"]').find_parent("tr")
    cells = {td["data-label"]: td.get_text(" ", strip=True) for td in row.select("td")}
    assert cells["Mục tiêu"] == "100%" and cells["Hạn"] == "Năm 2030" and cells["Số mới nhất"] == "91,5%"
    assert cells["Chủ trì"] == "chưa phân công" and "Đúng tiến độ" in cells["Trạng thái"]


def test_target_page_shows_promise_reasoning_history_and_chart(fixture_data):
    page = html(pages.TARGETS.body(fixture_data, fixture_data.plan.target_by_id["bao-hiem-y-te"]))
    quote = page.select_one("blockquote.kh-promise")
    assert "Phân đấu tỷ lệ dân số tham gia bảo hiểm y tế đạt 100% đến năm 2030" in quote.get_text()
    assert quote.find("a")["href"] == "../../muc/iii-3-3-d1/"
    history = [[td.get_text(strip=True) for td in tr.select("td")] for tr in page.select("table.kh-history tbody tr")]
    assert [row[:3] for row in history] == [["Quý 1/2026", "90%", "31/03/2026"], ["Quý 3/2026", "91,5%", "30/09/2026"]]
    assert page.select_one("figure.kh-chart svg title").get_text().startswith("Biểu đồ")
    assert len(page.select("figure.kh-chart circle")) == 2


def test_target_without_reports_says_so(real_site_data):
    page = html(pages.TARGETS.body(real_site_data, real_site_data.plan.target_by_id["bao-hiem-y-te"]))
    assert page.select_one(".kh-empty").get_text().startswith("Chưa có số liệu")
    assert page.select_one("figure.kh-chart") is None


def test_section_shows_its_targets_and_tasks_inline(fixture_data):
    page = html(pages.PLAN_SECTIONS.body(fixture_data, page_by_id(fixture_data, "iii-3")))
    block = page.find(id="iii-3-3-d1")
    assert block.select_one('.kh-inline-targets a[href="../../chi-tieu/bao-hiem-y-te/"]') is not None
    six = block.select_one("details.kh-task table.kh-six")
    rows = {tr.th.get_text(): tr.td.get_text(" ", strip=True) for tr in six.select("tr")}
    assert list(rows) == [
        "Rõ việc",
        "Rõ cơ quan chủ trì",
        "Rõ cơ quan phối hợp",
        "Rõ biện pháp, nguồn lực",
        "Rõ thời gian",
        "Rõ thẩm quyền, trách nhiệm",
        "Rõ sản phẩm",
    ]
    assert rows["Rõ cơ quan chủ trì"] == "chưa phân công", "III.3.3 names no lead agency"
    assert rows["Rõ thời gian"] == "“đến năm 2030”"


def test_gaps_in_the_six_clear_are_shown_not_filled(real_site_data):
    page = html(pages.PLAN_SECTIONS.body(real_site_data, page_by_id(real_site_data, "iii-7")))
    gaps = [td.get_text(strip=True) for td in page.select("table.kh-six td")]
    assert "chưa phân công" in gaps and "Kế hoạch không nêu" in gaps


def test_agency_page_lists_its_tasks(real_site_data):
    page = html(pages.AGENCIES.body(real_site_data, real_site_data.plan.agency_by_id["phong-kinh-te"]))
    tasks = [li.get_text(" ", strip=True) for li in page.select("#nhiem-vu ~ ul li, ul.kh-list li")]
    assert any("chủ trì" in task for task in tasks)


def test_home_summary_counts_by_status_and_area(real_site_data):
    page = html(render.home_summary(real_site_data, ""))
    no_data = page.select_one(".kh-legend__item--chua-co-so-lieu .kh-legend__n").get_text()
    assert int(no_data) == len(real_site_data.plan.targets)
    assert len(page.select("ul.kh-area-list li.kh-area")) == len(real_site_data.plan.targets_by_area) >= 5


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Bảo đảm", "bao-dam"),
        ("Đường giao thông", "duong-giao-thong"),
        ("Những điều trang web không làm", "nhung-dieu-trang-web-khong-lam"),
    ],
)
def test_slugify_keeps_d(text, slug):
    assert slugify(text) == slug


def test_fixture_folder_is_never_the_published_data():
    assert "tests" in FIXTURES.parts
