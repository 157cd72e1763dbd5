"""Issues 11 and 17: pages mark in words what the site infers, with the reason next to it (so it reads the same on
screen, to a screen reader, in print and in a feed), and say which deadlines and levels the plan states. One template
macro draws the mark; the scan of the built site below finds a deadline or a goal shown without it."""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup

from macros.site import pages, render, views


def _html(text: str) -> BeautifulSoup:
    return BeautifulSoup(text, "lxml")


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
    rows = {tr.th.get_text(strip=True): tr.td.get_text() for tr in page.select("table.kh-facts tr")}
    assert rows["Mục tiêu"].endswith("(Kế hoạch nêu)")
    assert rows["Thời hạn"] == "Năm 2030 (trang suy ra; lý do ở ghi chú)"
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


def test_hamlet_page_marks_the_inferred_deadline_of_a_per_hamlet_target(real_site_data):
    page = _html(views.hamlets(real_site_data, "ap/"))
    caption = page.select_one("table.kh-hamlets caption")
    target = real_site_data.plan.target_by_id["to-hop-tac-tung-ap"]
    assert not target.deadline_stated
    assert "thời hạn: năm 2030 (trang suy ra; lý do ở ghi chú)" in caption.get_text()
    assert caption.select_one(".kh-inferred a")["href"] == "../chi-tieu/to-hop-tac-tung-ap/#ghi-chu"


def test_a_verdict_on_an_inferred_deadline_says_so_in_the_page_and_the_feed(fixture_site):
    page = BeautifulSoup((fixture_site / "chi-tieu" / "san-pham-ocop-3-sao" / "index.html").read_bytes(), "lxml")
    reason = page.find(id="trang-thai").find_next("p")
    assert "31/12/2030" in reason.get_text()
    assert (
        reason.select_one(".kh-inferred").get_text() == "(kết quả dựa trên thời hạn do trang suy ra; lý do ở ghi chú)"
    )
    feed = (fixture_site / "feed.xml").read_text(encoding="utf-8")
    assert (
        "31/12/2030 cho mức cần có" in feed and "(kết quả dựa trên thời hạn do trang suy ra; lý do ở ghi chú)" in feed
    )


def deadline_patterns(target) -> list[re.Pattern]:
    """How the site writes a target's deadline: "Năm 2030", "hạn năm 2030", "31/12/2030"; "Hằng năm" for yearly."""
    if target.deadline is None:
        return [re.compile(r"\bhằng năm\b", re.IGNORECASE)]
    return [re.compile(rf"\bnăm {target.deadline}\b", re.IGNORECASE), re.compile(rf"\b31/12/{target.deadline}\b")]


# Parts of a target's own page that quote the plan or list reports (a report's period is not a deadline).
NOT_SHOWN_BY_THE_SITE = ".kh-promise, .kh-note, table.kh-history, h1"
BLOCKS = ("tr", "li", "caption", "p", "title", "text")
ATOM = "{http://www.w3.org/2005/Atom}"


def unmarked(site: Path, targets) -> dict[str, list[str]]:
    """Target id -> every place of the built site (pages and feeds) that shows its deadline without saying the site
    inferred it. Each page is read once."""
    found = {target.id: [] for target in targets}
    for path in site.rglob("*.html"):
        page = BeautifulSoup(path.read_bytes(), "lxml")
        for target in targets:
            texts = _own_blocks(path, target) if path == site / "chi-tieu" / target.id / "index.html" else None
            texts = texts if texts is not None else _blocks_naming(page, target)
            found[target.id] += [f"{path.relative_to(site)}: {text}" for text in _unmarked(texts, target)]
    for path in (path for path in (site / "feed.xml", site / "rss.xml") if path.exists()):
        for target in targets:
            found[target.id] += [f"{path.name}: {text}" for text in _unmarked(_feed_entries(path, target), target)]
    return found


def _unmarked(texts, target) -> list[str]:
    """The texts that show the deadline (leaving out the target's name and the plan's words) without the mark."""
    found = []
    for text in texts:
        text = " ".join(text.split()).replace(target.name, "").replace(target.wording, "")
        if any(p.search(text) for p in deadline_patterns(target)) and "suy ra" not in text:
            found.append(text[:160])
    return found


def _own_blocks(path: Path, target) -> list[str]:
    """Every block the target's own page writes, leaving out the plan's words and the reports."""
    page = BeautifulSoup(path.read_bytes(), "lxml")
    for part in page.select(NOT_SHOWN_BY_THE_SITE):
        part.decompose()
    return [block.get_text(" ") for block in page.find_all(BLOCKS)]


def _blocks_naming(page, target) -> list[str]:
    """The smallest row, item, caption or paragraph around each link to the target."""
    links = page.find_all("a", href=re.compile(rf"chi-tieu/{re.escape(target.id)}/$"))
    return [link.find_parent(BLOCKS).get_text(" ") for link in links if link.find_parent(BLOCKS) is not None]


def _feed_entries(path: Path, target) -> list[str]:
    """The text of each Atom entry or RSS item about the target."""
    tree, texts = ElementTree.parse(path), []
    for entry in [*tree.iter(f"{ATOM}entry"), *tree.iter("item")]:
        links = [link.get("href") or link.text or "" for link in [*entry.iter(f"{ATOM}link"), *entry.iter("link")]]
        if any(link.rstrip("/").endswith(f"chi-tieu/{target.id}") for link in links):
            texts.append(" ".join(entry.itertext()))
    return texts


@pytest.mark.parametrize("build", ["real_site", "fixture_site"])
def test_no_built_page_shows_an_inferred_deadline_without_the_mark(build, request, real_site_data):
    site = request.getfixturevalue(build)
    inferred = [t for t in real_site_data.plan.targets if not t.deadline_stated]
    assert len(inferred) >= 10
    assert unmarked(site, inferred) == {t.id: [] for t in inferred}


def test_the_deadline_scan_can_fail(real_site, real_site_data, tmp_path):
    """The hamlet page as it was before issue 17 (its deadline without the mark) is caught."""
    target = real_site_data.plan.target_by_id["to-hop-tac-tung-ap"]
    page = tmp_path / "ap" / "index.html"
    page.parent.mkdir()
    text = (real_site / "ap" / "index.html").read_text(encoding="utf-8")
    mark = r' <span class="kh-inferred">\(trang suy ra; lý do ở <a[^>]*>ghi chú</a>\)</span>'
    page.write_text(re.sub(mark, "", text), encoding="utf-8")
    assert any("năm 2030" in place for place in unmarked(tmp_path, [target])[target.id])


@pytest.mark.parametrize("build", ["real_site", "fixture_site"])
def test_every_goal_cell_of_an_inferred_level_carries_the_mark(build, request, real_site_data):
    site = request.getfixturevalue(build)
    for target in (t for t in real_site_data.plan.targets if not t.value_stated):
        for path in (site / "chi-tieu" / "index.html", site / "tom-tat-tien-do" / "index.html"):
            row = _html(path.read_text(encoding="utf-8")).find("a", href=re.compile(rf"chi-tieu/{target.id}/$"))
            cell = row.find_parent("tr").select_one('td[data-label="Mục tiêu"]')
            assert "trang suy ra" in cell.get_text(), (path, target.id)
        own = _html((site / "chi-tieu" / target.id / "index.html").read_text(encoding="utf-8"))
        goal = next(tr.td for tr in own.select("table.kh-facts tr") if tr.th.get_text() == "Mục tiêu")
        assert "trang suy ra" in goal.get_text()


def test_a_verdict_names_only_the_inferences_it_stands_on(real_site_data):
    targets = real_site_data.plan.target_by_id
    assert render.verdict_basis(targets["san-pham-ocop-3-sao"], "dung-tien-do") == "thời hạn"
    assert render.verdict_basis(targets["san-pham-ocop-3-sao"], "chua-co-so-lieu") == ""
    assert render.verdict_basis(targets["bau-cu-nhiem-ky-2026-2031"], "da-dat") == ""  # met: the deadline is moot
    assert render.verdict_basis(targets["duy-tri-nong-thon-moi"], "da-dat") == "thời hạn"  # judged every year
    assert render.verdict_basis(targets["giu-vung-dien-tich-rau-mau"], "khong-dat") == "thời hạn và mức cần đạt"
    assert render.verdict_basis(targets["bao-hiem-y-te"], "cham-tien-do") == ""
