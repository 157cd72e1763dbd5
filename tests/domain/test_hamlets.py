"""Hamlets (ấp): the /ap/ page, the incomplete-list note, and per-hamlet targets, with the fixture reports."""

from __future__ import annotations

import dataclasses

import pytest
from bs4 import BeautifulSoup
from support.paths import FIXTURES, ROOT, TODAY

from macros import pipeline
from macros.domain import status
from macros.site import views

PER_HAMLET = "to-hop-tac-tung-ap"


def article(path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml").select_one("article")


@pytest.fixture(scope="module")
def fixture_data(fixture_data_dir):
    return pipeline.load_site(fixture_data_dir, fixture_data_dir.parent, TODAY)


@pytest.fixture(scope="module")
def xa_mau():
    data = FIXTURES / "xa-mau" / "data"
    return pipeline.load_site(data, data.parent, TODAY)


def test_hamlet_page_lists_the_hamlets_of_data_ap_yml(real_site, real_site_data):
    page = article(real_site / "ap" / "index.html")
    rows = page.select("table.kh-history tbody tr")
    assert [row["id"] for row in rows] == [f"ap-{h.id}" for h in real_site_data.plan.hamlets]
    assert [row.th.get_text(strip=True) for row in rows] == [h.name for h in real_site_data.plan.hamlets]


def test_hamlet_page_says_the_list_is_incomplete(real_site, real_site_data):
    warning = article(real_site / "ap" / "index.html").select_one(".kh-warning")
    assert not real_site_data.plan.hamlets_complete
    assert "Danh sách ấp chưa đầy đủ" in warning.get_text()
    assert real_site_data.plan.hamlets_note in warning.get_text()


def test_target_page_says_the_list_is_incomplete_and_links_the_hamlets(real_site):
    warning = article(real_site / "chi-tieu" / PER_HAMLET / "index.html").select_one("#theo-ap ~ .kh-warning")
    assert "Danh sách ấp chưa đầy đủ" in warning.get_text()
    assert warning.select_one('a[href="../../ap/"]')


def test_hamlet_page_lists_the_per_hamlet_targets(real_site):
    page = article(real_site / "ap" / "index.html")
    tables = page.select("table.kh-hamlets")
    assert [t.caption.a["href"] for t in tables] == [f"../chi-tieu/{PER_HAMLET}/"]
    assert "Chưa có số liệu" in tables[0].get_text()  # the real data has no report yet


def test_fixture_report_shows_per_hamlet_value(fixture_site):
    table = article(fixture_site / "ap" / "index.html").select_one("table.kh-hamlets")
    cells = [td.get_text(strip=True) for td in table.select("tbody td")]
    assert cells == ["2 tổ hợp tác", "Đạt"]


def test_an_incomplete_list_never_counts_as_achieved(fixture_data):
    assessment = fixture_data.assessments[PER_HAMLET]
    assert assessment.value == 2 and assessment.status != status.ACHIEVED
    assert "danh sách ấp chưa đủ" in assessment.reason


def test_a_complete_list_with_every_hamlet_met_is_achieved(xa_mau):
    assert xa_mau.plan.hamlets_complete
    assert xa_mau.assessments["to-hop-tac-moi-ap"].status == status.ACHIEVED
    page = BeautifulSoup(views.hamlets(xa_mau, "ap/"), "lxml")
    assert not page.select(".kh-warning")
    assert [td.get_text(strip=True) for td in page.select("table.kh-hamlets tbody td")] == [
        "1 tổ hợp tác",
        "Đạt",
        "2 tổ hợp tác",
        "Đạt",
    ]


def test_a_hamlet_missing_from_the_report_blocks_achieved(xa_mau):
    plan = xa_mau.plan
    one_missing = tuple(
        dataclasses.replace(r, hamlet_values=r.hamlet_values[:1]) if r.hamlet_values else r for r in plan.reports
    )
    site = dataclasses.replace(plan, reports=one_missing)
    assessment = status.assess_all(site, TODAY)["to-hop-tac-moi-ap"]
    assert assessment.status != status.ACHIEVED


def test_hamlet_fixture_is_fictional():
    assert "HƯ CẤU" in (FIXTURES / "xa-mau" / "data" / "ap.yml").read_text(encoding="utf-8").splitlines()[0]
    assert (ROOT / "docs" / "ap" / "index.md").exists()
