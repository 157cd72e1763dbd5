"""Following progress over time (macros/domain/progress.py): statuses at the end of each period, changes, mid-term.

Pure tests on the real plan with the fixture reports of tests/fixtures/cap-nhat/; a few checks on the built pages last.
"""

from __future__ import annotations

import datetime as dt

import pytest
from bs4 import BeautifulSoup
from support.factories import make_report, make_target, site_with_reports
from support.paths import TODAY

from macros import pipeline
from macros.domain import progress, status
from macros.domain.site_data import SiteData
from macros.site import pages
from macros.vocabulary import kinds, periods

Q3 = periods.parse("2026-Q3")


@pytest.fixture(scope="module")
def site(fixture_data_dir):
    return pipeline.load_site(fixture_data_dir, fixture_data_dir.parent, TODAY)


def report_of(site, code: str) -> progress.PeriodReport:
    return next(r for r in progress.all_periods(site.plan, site.today) if r.period.code == code)


@pytest.mark.parametrize(
    ("code", "before"),
    [("2026-01", "2025-12"), ("2026-11", "2026-10"), ("2026-Q1", "2025-Q4"), ("2026-Q3", "2026-Q2"), ("2026", "2025")],
)
def test_previous_period_is_of_the_same_kind(code, before):
    assert progress.previous(periods.parse(code)).code == before


def test_the_mid_term_review_has_no_previous_period():
    assert progress.previous(periods.parse("2028-GK")) is None


def test_one_report_per_period_with_data_most_recent_first(site):
    codes = [r.period.code for r in progress.all_periods(site.plan, site.today)]
    assert codes == ["2026", "2026-11", "2026-Q3", "2026-Q2", "2026-Q1"]


def test_real_data_has_no_period_yet(real_site_data):
    assert progress.all_periods(real_site_data.plan, TODAY) == ()


def test_what_was_reported_in_the_period(site):
    report = report_of(site, "2026-Q3")
    assert [(r.target_id, r.period.code) for r in report.reports] == [
        ("bao-hiem-y-te", "2026-Q3"),
        ("kham-pha-an", "2026-Q3"),
        ("to-hop-tac-tung-ap", "2026-Q3"),
    ]


def test_status_at_period_end_runs_the_status_rule_on_the_reports_known_then(site):
    plan = site.plan
    target = plan.target_by_id["bao-hiem-y-te"]
    known = tuple(r for r in plan.reports_for(target.id) if r.period.code in ("2026-Q1", "2026-Q3"))
    expected = status.assess(target, known, dt.date(2026, 9, 30))
    assert progress.assess_at(plan, Q3, TODAY)[target.id] == expected


def test_later_reports_are_not_known_at_an_earlier_period_end(site):
    at_q1 = progress.assess_at(site.plan, periods.parse("2026-Q1"), TODAY)
    at_q2 = progress.assess_at(site.plan, periods.parse("2026-Q2"), TODAY)
    at_q3 = progress.assess_at(site.plan, Q3, TODAY)
    assert at_q1["bau-cu-nhiem-ky-2026-2031"].status == status.NO_DATA
    assert at_q2["bau-cu-nhiem-ky-2026-2031"].status == status.ACHIEVED
    assert at_q3["xa-khong-ma-tuy"].status == status.NO_DATA  # its report is for 2026-11


def test_changes_compare_with_the_previous_quarter(site):
    report = report_of(site, "2026-Q3")
    assert report.previous.code == "2026-Q2"
    changed = {c.target.id: (c.before.status, c.after.status) for c in report.changes}
    assert changed == {
        "kham-pha-an": (status.NO_DATA, status.BEHIND),
        "to-hop-tac-tung-ap": (status.NO_DATA, status.ON_TRACK),
    }  # bao-hiem-y-te was on track at the end of Q2 and still is


def test_changes_of_a_month_compare_with_the_month_before(site):
    report = report_of(site, "2026-11")
    assert report.previous.code == "2026-10"
    assert [(c.target.id, c.after.status) for c in report.changes] == [("xa-khong-ma-tuy", status.ON_TRACK)]


def test_targets_no_one_reported_in_the_period(site):
    report = report_of(site, "2026-Q3")
    silent = {t.id for t in report.silent}
    assert len(silent) == len(site.plan.targets) - 3
    assert silent.isdisjoint({"bao-hiem-y-te", "kham-pha-an", "to-hop-tac-tung-ap"})


def test_a_running_period_is_judged_on_the_build_day(site):
    year = report_of(site, "2026")
    assert year.running and year.day == TODAY
    assert not report_of(site, "2026-Q3").running and report_of(site, "2026-Q3").day == dt.date(2026, 9, 30)


def test_summary_by_lead_agency_has_an_unassigned_bucket(site):
    report = report_of(site, "2026-Q3")
    unassigned = [g for g in report.by_agency if g.agency is None]
    assert len(unassigned) == 1
    assert {t.id for t in unassigned[0].targets} == {t.id for t in site.plan.targets if t.lead is None}
    assert sum(len(g.targets) for g in report.by_agency) == len(site.plan.targets)
    assert sum(g.reported for g in report.by_agency) == 3
    for group in report.by_agency:
        assert sum(count for _, count in group.counts) == len(group.targets)


# The mid-term review


def test_without_a_mid_term_report_there_is_no_comparison_yet(site):
    review = progress.midterm(site.plan, TODAY)
    assert not review.has_report and review.rows == ()
    assert review.halfway_day == dt.date(2028, 6, 30)


def _with_midterm(site, **values) -> SiteData:
    """The fixture plan plus 2028-GK reports, judged in 2029 (data never holds future periods)."""
    extra = tuple(
        make_report("2028-GK", value, dt.date(2028, 6, 30), target_id=target, file="data/cap-nhat/2028.yml")
        for target, value in values.items()
    )
    return site_with_reports(site, site.plan.reports + extra, today=dt.date(2029, 1, 15))


def _straight_line(start: tuple[dt.date, float], end: tuple[dt.date, float], day: dt.date) -> float:
    return start[1] + (end[1] - start[1]) * (day - start[0]).days / (end[0] - start[0]).days


@pytest.mark.parametrize(("value", "verdict"), [(94.0, progress.NOT_REACHED), (95.0, progress.REACHED)])
def test_line_target_against_its_halfway_point(site, value, verdict):
    later = _with_midterm(site, **{"bao-hiem-y-te": value})
    rows = {row.target.id: row for row in progress.midterm(later.plan, later.today).rows}
    point = _straight_line((dt.date(2026, 3, 31), 90), (dt.date(2030, 12, 31), 100), dt.date(2028, 6, 30))
    assert rows["bao-hiem-y-te"].point == round(point, 2)  # 94,74%: first report -> goal, read on 30/06/2028
    assert rows["bao-hiem-y-te"].verdict == verdict


def test_every_kind_of_target_gets_a_defined_verdict(site):
    later = _with_midterm(site, **{"kham-pha-an": 80.0, "bao-cao-giua-nhiem-ky": True})
    review = progress.midterm(later.plan, later.today)
    rows = {row.target.id: row for row in review.rows}
    assert review.has_report and len(review.rows) == len(site.plan.targets)
    assert (rows["kham-pha-an"].point, rows["kham-pha-an"].verdict) == (75, progress.REACHED)  # yearly: the goal
    assert rows["bau-cu-nhiem-ky-2026-2031"].verdict == progress.REACHED  # yes/no, due before: must be met
    assert rows["bao-cao-giua-nhiem-ky"].verdict == progress.NO_POINT  # yes/no due end of 2028: no halfway level
    assert rows["duy-tri-nong-thon-moi"].verdict == status.NO_DATA
    assert rows["to-hop-tac-tung-ap"].verdict == progress.NOT_REACHED  # 2 >= 1, but the hamlet list is incomplete
    assert "danh sách ấp chưa đủ" in rows["to-hop-tac-tung-ap"].reason


def test_mid_term_page_writes_the_definition_and_the_comparison(site):
    later = _with_midterm(site, **{"bao-hiem-y-te": 95.0})
    text = BeautifulSoup(pages.MIDTERM.body(later, progress.midterm(later.plan, later.today)), "lxml").get_text(" ")
    assert "30/06/2028" in text and "đường thẳng" in text
    assert "Đạt mốc giữa nhiệm kỳ" in text and "94,74%" in text


# The built pages


def _article(path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml").select_one("article")


def test_index_says_plainly_that_there_is_no_period_yet(real_site):
    article = _article(real_site / "bao-cao" / "index.html")
    assert "Chưa có kỳ báo cáo nào" in article.get_text()
    assert article.select_one('a[href="giua-nhiem-ky-2028/"]')


def test_mid_term_page_exists_before_any_data(real_site):
    text = _article(real_site / "bao-cao" / "giua-nhiem-ky-2028" / "index.html").get_text(" ")
    assert "30/06/2028" in text and "Chưa có báo cáo kỳ đánh giá giữa nhiệm kỳ" in text


def test_one_page_per_period_listed_on_the_index(fixture_site):
    links = [a["href"] for a in _article(fixture_site / "bao-cao" / "index.html").select("table a")]
    assert links == [
        "../bao-cao/2026/",
        "../bao-cao/2026-11/",
        "../bao-cao/2026-q3/",
        "../bao-cao/2026-q2/",
        "../bao-cao/2026-q1/",
    ]
    for link in links:
        assert (fixture_site / link.removeprefix("../") / "index.html").exists()


def test_period_page_has_every_section_and_prints_cleanly(fixture_site):
    article = _article(fixture_site / "bao-cao" / "2026-q3" / "index.html")
    ids = {h["id"] for h in article.select("h1, h2")}
    assert ids >= {"bao-cao-ky", "so-lieu", "thay-doi", "chua-bao-cao", "theo-don-vi", "theo-linh-vuc"}
    assert article.find(string=lambda s: s and "chưa phân công" in s)
    assert not article.select("form, button, details, script")  # nothing interactive to hide on paper
    assert all(table.get("class", [""])[0].startswith("kh-") for table in article.select("table"))


def test_every_page_renders_with_a_report_for_each_kind_of_target(real_site_data):
    """One report for every target of the real data, every kind and deadline: nothing in the pages may fail."""
    reports = (
        make_report(
            "2026-Q3",
            None if t.per_hamlet else (True if kinds.of(t).yes_no else 1),
            target_id=t.id,
            hamlet_values=(("vinh-thanh", 1),) if t.per_hamlet else (),
        )
        for t in real_site_data.plan.targets
    )
    files = pages.all_files(site_with_reports(real_site_data, reports), "https://example.org/")
    assert any(f.path == "bao-cao/2026-q3.md" for f in files)


def test_a_running_total_at_mid_term_is_held_to_the_share_of_the_year_as_the_status_is():
    """Revenue "vượt dự toán" (> 100% each year, added up in the year): 60% of the estimate by 30/06/2028 is ahead
    of the 49,73% the year's share asks for, so the mid-term review and the status agree."""
    revenue = make_target(
        kind="ty-le-hang-nam", value=100, unit="% dự toán", deadline=None, comparison=">", in_year="cong-don"
    )
    reports = (make_report("2027", 104, dt.date(2027, 12, 31)), make_report("2028-Q2", 60, dt.date(2028, 6, 30)))
    row = progress.halfway(revenue, reports, dt.date(2028, 6, 30))
    assert (row.verdict, row.point) == (progress.REACHED, 49.73)
    assert "49,73% dự toán" in row.reason
    assert status.assess(revenue, reports, dt.date(2028, 7, 1)).status == status.ON_TRACK
    behind = progress.halfway(
        revenue, (*reports[:1], make_report("2028-Q2", 40, dt.date(2028, 6, 30))), reports[1].as_of
    )
    assert behind.verdict == progress.NOT_REACHED
