"""The change feeds (/feed.xml, /rss.xml) and the page "Có gì mới": valid, stable ids, dates from the data."""

from __future__ import annotations

import shutil

import feedparser
import pytest
import yaml
from bs4 import BeautifulSoup
from support.build import build_site
from support.paths import FIXTURES, TODAY

from macros import pipeline
from macros.domain import feed

FIXTURE_REPORTS = yaml.safe_load((FIXTURES / "cap-nhat" / "2026.yml").read_text(encoding="utf-8"))["bao_cao"]


def parse(site, name="feed.xml"):
    parsed = feedparser.parse((site / name).read_bytes())
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    return parsed


def prefix_of(parsed) -> str:
    """The tag URI prefix the feed should use, derived from its own self link (that is, from site_url)."""
    self_link = next(link.href for link in parsed.feed.links if link.rel == "self")
    return feed.tag_prefix(self_link.removesuffix("feed.xml"), 2026)


@pytest.mark.parametrize(
    ("site_url", "prefix"),
    [
        ("https://vinhphong.example/", "tag:vinhphong.example,2026:"),
        ("https://someone.github.io/ke-hoach/", "tag:someone.github.io,2026:ke-hoach/"),
        ("http://127.0.0.1:8000/", "tag:127.0.0.1,2026:"),
    ],
)
def test_tag_authority_comes_from_site_url(site_url, prefix):
    assert feed.tag_prefix(site_url, 2026) == prefix


@pytest.mark.parametrize("name", ["feed.xml", "rss.xml"])
def test_real_data_gives_a_valid_empty_feed(real_site, name):
    parsed = parse(real_site, name)
    assert parsed.version == ("atom10" if name == "feed.xml" else "rss20")
    assert parsed.entries == []


def test_every_fixture_report_is_an_entry_dated_by_its_ngay(fixture_site):
    parsed = parse(fixture_site)
    prefix = prefix_of(parsed)
    reports = {e.id: e for e in parsed.entries if e.id.startswith(prefix + "bao-cao/")}
    expected = {f"{prefix}bao-cao/{r['chi_tieu']}/{str(r['ky']).lower()}": r["ngay"] for r in FIXTURE_REPORTS}
    assert set(reports) == set(expected)
    for entry_id, day in expected.items():
        assert reports[entry_id].updated == f"{day.isoformat()}T00:00:00+07:00"  # the day in Việt Nam


def test_status_changes_are_entries_too(fixture_site):
    prefix = prefix_of(parse(fixture_site))
    ids = {e.id for e in parse(fixture_site).entries}
    assert prefix + "trang-thai/bao-hiem-y-te/2026-03-31" in ids  # first report: no data -> on track
    assert prefix + "trang-thai/bau-cu-nhiem-ky-2026-2031/2026-05-31" in ids  # -> achieved


def test_rss_has_the_same_entries(fixture_site):
    atom_ids = [e.id for e in parse(fixture_site).entries]
    assert [e.id for e in parse(fixture_site, "rss.xml").entries] == atom_ids


def test_data_in_the_feed_is_escaped_text(fixture_site):
    raw = (fixture_site / "feed.xml").read_text(encoding="utf-8")
    assert "<script>" not in raw and "&lt;script&gt;" in raw


def test_ids_and_dates_are_stable_across_builds_and_new_data(fixture_site, fixture_data_dir, tmp_path):
    """A second build, with one more report, keeps every id and date of the first (a reader sees one new item)."""
    data = tmp_path / "data"
    shutil.copytree(fixture_data_dir, data)
    with (data / "cap-nhat" / "2026.yml").open("a", encoding="utf-8") as handle:
        handle.write(
            "  - chi_tieu: tuyen-quan\n    ky: 2026-11\n    gia_tri: 100\n    ngay: 2026-11-20\n"
            '    nguon: "Báo cáo mẫu bổ sung (kiểm thử)"\n    don_vi_bao_cao: phong-kinh-te\n'
        )
    first = {e.id: e.updated for e in parse(fixture_site).entries}
    second = {e.id: e.updated for e in parse(build_site(tmp_path / "site", data_dir=data)).entries}
    assert first.items() <= second.items()
    assert {i.rsplit(":", 1)[-1] for i in set(second) - set(first)} == {
        "bao-cao/tuyen-quan/2026-11",
        "trang-thai/tuyen-quan/2026-11-20",
    }


def test_entries_follow_the_status_rule_day_by_day(fixture_data_dir):
    site = pipeline.load_site(fixture_data_dir, fixture_data_dir.parent, TODAY)
    changes = [e for e in feed.entries(site.plan, TODAY) if e.change]
    for entry in changes:
        assert entry.change[0].status != entry.change[1].status
        assert entry.day <= TODAY
    days = [e.day for e in feed.entries(site.plan, TODAY)]
    assert days == sorted(days, reverse=True)


def test_whats_new_page_shows_the_same_entries(fixture_site):
    parsed = parse(fixture_site)
    page = BeautifulSoup((fixture_site / "co-gi-moi" / "index.html").read_text(encoding="utf-8"), "lxml")
    items = page.select("article ol.kh-news > li")
    assert [li["id"] for li in items] == [e.id.rsplit(":", 1)[-1].replace("/", "-") for e in parsed.entries]


def test_whats_new_page_is_plain_about_no_news(real_site):
    page = BeautifulSoup((real_site / "co-gi-moi" / "index.html").read_text(encoding="utf-8"), "lxml")
    assert "Chưa có gì mới" in page.select_one("article").get_text()


@pytest.mark.parametrize("page", ["index.html", "co-gi-moi/index.html"])
def test_home_and_whats_new_announce_the_feeds(real_site, page):
    html = BeautifulSoup((real_site / page).read_text(encoding="utf-8"), "lxml")
    atom = html.select_one('head link[rel="alternate"][type="application/atom+xml"]')
    assert atom and (real_site / page).parent.joinpath(atom["href"]).resolve() == (real_site / "feed.xml").resolve()


def test_other_pages_do_not_make_the_theme_fetch_the_sitemap(real_site):
    # Material fetches sitemap.xml for every link[rel=alternate] on a page: a cost on slow networks
    html = BeautifulSoup((real_site / "chi-tieu/bao-hiem-y-te/index.html").read_text(encoding="utf-8"), "lxml")
    assert html.select("head link[rel=alternate]") == []
