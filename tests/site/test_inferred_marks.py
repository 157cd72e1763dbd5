"""Issue 11: pages mark in words what the site infers, with the reason next to it (so it reads the same on screen,
to a screen reader and in print), and say which deadlines and levels the plan states."""

from __future__ import annotations

from bs4 import BeautifulSoup

from macros.site import pages, render


def _html(text: str) -> BeautifulSoup:
    return BeautifulSoup(text, "html.parser")


def test_targets_table_marks_each_inferred_value_and_gives_the_reason(real_site_data):
    page = _html(render.targets_page(real_site_data, "chi-tieu/"))
    notes = {
        li["id"].removeprefix("suy-ra-"): li.get_text(" ", strip=True) for li in page.select(".kh-inferred-notes li")
    }
    inferred = [t for t in real_site_data.plan.targets if t.inferred]
    assert set(notes) == {t.id for t in inferred} and len(inferred) >= 9
    for target in inferred:
        assert target.note in notes[target.id]
        row = page.find("a", string=target.name).find_parent("tr")
        marks = row.select(".kh-inferred")
        assert len(marks) == (not target.deadline_stated) + (not target.value_stated)
        assert all("trang suy ra" in mark.get_text() for mark in marks)
        assert all(mark.a["href"] == f"#suy-ra-{target.id}" for mark in marks)
    stated = next(t for t in real_site_data.plan.targets if t.id == "bao-hiem-y-te")
    assert not page.find("a", string=stated.name).find_parent("tr").select(".kh-inferred")


def test_target_page_says_stated_or_inferred_with_the_reason(real_site_data):
    target = real_site_data.plan.target_by_id["khach-san-moi"]
    page = _html(pages.TARGETS.body(real_site_data, target))
    rows = {tr.th.get_text(strip=True): tr.td.get_text(" ", strip=True) for tr in page.select("table.kh-facts tr")}
    assert rows["Mục tiêu"].endswith("(Kế hoạch nêu)")
    assert rows["Thời hạn"] == "Năm 2030 (trang suy ra; lý do ở ghi chú dưới bảng)"
    assert rows["Cách so"] == "Đạt khi bằng hoặc cao hơn mục tiêu."
    assert target.note in page.select_one("#ghi-chu").get_text()


def test_revenue_target_page_says_more_than_the_estimate(real_site_data):
    target = real_site_data.plan.target_by_id["thu-ngan-sach-vuot-du-toan"]
    rows = {
        tr.th.get_text(strip=True): tr.td.get_text(" ", strip=True)
        for tr in _html(pages.TARGETS.body(real_site_data, target)).select("table.kh-facts tr")
    }
    assert rows["Mục tiêu"] == "trên 100% dự toán (Kế hoạch nêu)"
    assert rows["Cách so"] == "Chỉ đạt khi cao hơn mục tiêu; bằng mục tiêu là chưa đạt."
    assert rows["Số trong năm"].startswith("Là số cộng dồn trong năm")


def test_printed_summary_marks_inferred_deadlines(real_site_data):
    page = _html(render.summary_page(real_site_data, "tom-tat-tien-do/"))
    marked = [
        td.find_parent("tr").a.get_text() for td in page.select("td[data-label='Hạn']") if td.select(".kh-inferred")
    ]
    assert sorted(marked) == sorted(t.name for t in real_site_data.plan.targets if not t.deadline_stated)


def test_a_2025_report_is_labelled_as_the_baseline_year(real_site_data):
    from support.factories import make_report, site_with_reports

    site = site_with_reports(real_site_data, [make_report("2025", 91, target_id="bao-hiem-y-te")])
    target = site.plan.target_by_id["bao-hiem-y-te"]
    page = _html(pages.TARGETS.body(site, target))
    assert "Năm 2025 (năm gốc, trước kế hoạch)" in page.select_one("table.kh-history").get_text(" ", strip=True)
    assert "Mới có số của năm gốc 2025" in page.get_text()
    period = _html(pages.PERIODS.body(site, site.period_reports[0]))
    assert "Năm 2025 là năm gốc, trước khi Kế hoạch bắt đầu" in period.select_one("p.kh-note").get_text()
