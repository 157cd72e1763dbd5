"""One strict build of the whole site, read back as HTML: verbatim text, citations, links, escaping."""

from __future__ import annotations

import json
import re
import urllib.parse
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from support.build import build_site
from support.data import copy_data, patch
from support.paths import ROOT
from support.plan_text import PUBLISHED_IDS, normalize, sentences

from macros.urls import Urls


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def page_text(path: Path) -> str:
    return normalize(soup(path).get_text(" "))


# The fidelity and citation checks run on the site built from the published data, and on the site built from data
# that `make import` made from the source text alone (data/nguon/): the import must give the same plan.
BUILDS = ["real", "imported"]


@pytest.fixture(params=BUILDS)
def built(request):
    """(site folder, its data) of each build."""
    return request.getfixturevalue(f"{request.param}_site"), request.getfixturevalue(f"{request.param}_site_data")


def test_every_sentence_of_the_source_is_on_the_original_document_page(built):
    text = page_text(built[0] / "van-ban-goc" / "index.html")
    assert [s for s in sentences() if normalize(s) not in text] == []


def test_every_unit_is_on_its_own_section_page(built):
    site, plan = built[0], built[1].plan
    for unit in plan.units.values():
        page = soup(site / Urls.plan_page(plan.page_of_unit[unit.id].id) / "index.html")
        assert normalize(page.find(id=unit.id).get_text(" ")).find(normalize(unit.title or unit.text)) >= 0, unit.id
        for block in unit.blocks:
            assert normalize(block.text) in normalize(page.find(id=block.anchor).get_text(" ")), block.anchor


def resolve_short_link(site: Path, anchor: str) -> tuple[Path, str]:
    page = site / "muc" / anchor / "index.html"
    html = soup(page)
    refresh = html.find("meta", attrs={"http-equiv": "refresh"})["content"]
    target = refresh.split("url=", 1)[1]
    assert html.find("link", rel="canonical")["href"].endswith(target.removeprefix("../../"))
    assert html.find("a", href=target) is not None, "a visible link for browsers without refresh"
    path, _, fragment = target.partition("#")
    return (page.parent / path / "index.html").resolve(), fragment


@pytest.mark.parametrize("anchor", PUBLISHED_IDS)
@pytest.mark.parametrize("build", BUILDS)
def test_short_link_lands_on_the_cited_unit(request, build, anchor):
    landing, fragment = resolve_short_link(request.getfixturevalue(f"{build}_site"), anchor)
    assert fragment == anchor
    assert soup(landing).find(id=anchor) is not None


@pytest.mark.parametrize("build", BUILDS)
def test_every_registered_id_still_resolves(request, build):
    real_site = request.getfixturevalue(f"{build}_site")
    data = ROOT / "data" if build == "real" else request.getfixturevalue("imported_data_dir")
    registry = yaml.safe_load((data / "id-da-cong-bo.yml").read_text(encoding="utf-8"))
    redirects = registry.get("chuyen_huong") or {}
    tasks = {task["id"] for task in json.loads((real_site / "du-lieu" / "nhiem-vu.json").read_text(encoding="utf-8"))}
    for published in registry["id"]:
        current = redirects.get(published, published)
        kind, _, key = current.partition("/")
        if kind == "muc":
            landing, fragment = resolve_short_link(real_site, key)
            assert soup(landing).find(id=fragment) is not None, published
        elif kind == "nhiem-vu":  # tasks have no page of their own; the open data names them
            assert key in tasks, published
        else:
            assert (real_site / kind / key / "index.html").exists(), published


def test_paragraph_anchor_example_from_the_issue(built):
    landing, _ = resolve_short_link(built[0], "iii-2-1-d2")
    element = soup(landing).find(id="iii-2-1-d2")
    assert element.get_text().startswith("Khuyến khích các hộ sản xuất, chăn nuôi")


def test_each_unit_has_a_copy_link_control(real_site):
    page = soup(real_site / "ke-hoach" / "iii-2" / "index.html")
    hrefs = {button["data-href"] for button in page.select("button.kh-copy")}
    assert {"../../muc/iii-2-1/", "../../muc/iii-2-7/", "../../muc/iii-2/"} <= hrefs


def test_edit_link_opens_the_yaml_file(real_site):
    for path, data_file in [
        ("ke-hoach/iii-3", "data/ke-hoach.yml"),
        ("chi-tieu/bao-hiem-y-te", "data/chi-tieu.yml"),
        ("chi-tieu", "data/chi-tieu.yml"),
        ("don-vi/phong-kinh-te", "data/co-quan.yml"),
        ("van-ban-goc", "data/ke-hoach.yml"),
    ]:
        edit = soup(real_site / path / "index.html").find("a", rel="edit")
        assert edit["href"].endswith("/edit/main/" + data_file), path


def test_headings_slugify_d_as_d(real_site):
    guide = soup(real_site / "cach-tinh-tien-do" / "index.html")
    ids = {h.get("id") for h in guide.find_all(["h2", "h3"])}
    assert "nhung-dieu-trang-web-khong-lam" in ids


def test_no_third_party_requests_in_pages(real_site):
    local = ("127.0.0.1", "")
    for page in real_site.rglob("*.html"):
        html = soup(page)
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src")):
            for element in html.find_all(tag):
                url = element.get(attr)
                if url and (tag != "link" or set(element.get("rel", [])) & {"stylesheet", "preload", "icon"}):
                    assert urllib.parse.urlsplit(url).hostname in (None, *local), (page, url)


def test_unknown_metadata_shows_not_updated(real_site):
    meta = soup(real_site / "van-ban-goc" / "index.html").select_one("dl.kh-meta").get_text(" ")
    assert re.search(r"Số hiệu\s+chưa cập nhật", meta) and re.search(r"Ngày ban hành\s+chưa cập nhật", meta)


def test_shipped_data_shows_no_invented_numbers(real_site):
    table = soup(real_site / "chi-tieu" / "index.html").select_one("table.kh-targets")
    rows = table.select("tr[data-status]")
    assert rows and all(row["data-status"] == "chua-co-so-lieu" for row in rows)
    assert all("Chưa có số liệu" in row.select_one('td[data-label="Số mới nhất"]').get_text() for row in rows)


EVIL = (
    "<script>alert(1)</script> <img src=x onerror=alert(3)> {{ 7*7 }} **đậm** <!--break-->[x](javascript:alert(2)) @@"
)


def _plant_markup(data: Path) -> None:
    """Markup in every kind of text field staff can edit: names, notes, the commune, a report."""
    patch(data, "chi-tieu.yml", 'ten: "Tỷ lệ dân số tham gia bảo hiểm y tế"', f'ten: "{EVIL}"')
    patch(data, "co-quan.yml", "ten: Phòng Kinh tế\n", f'ten: "Phòng <b>Kinh</b> tế {EVIL}"\n')
    patch(data, "xa.yml", "ten: Vĩnh Phong\n", f'ten: "Vĩnh Phong {EVIL}"\n')
    patch(data, "ap.yml", "ten: ấp Vĩnh Thạnh", f'ten: "ấp Vĩnh Thạnh {EVIL}"')
    report = (
        "bao_cao:\n  - chi_tieu: bao-hiem-y-te\n    ky: 2026-Q3\n    gia_tri: 91\n    ngay: 2026-09-30\n"
        f'    nguon: "{EVIL}"\n    don_vi_bao_cao: phong-kinh-te\n    ghi_chu: "{EVIL}"\n'
    )
    (data / "cap-nhat" / "2026.yml").write_text(report, encoding="utf-8")


def _runs_script(html: BeautifulSoup) -> list[str]:
    found = [s.get_text() for s in html.find_all("script") if "alert(" in s.get_text()]
    found += [str(tag) for tag in html.find_all(True) if any(a.startswith("on") for a in tag.attrs)]
    found += [a["href"] for a in html.find_all("a", href=True) if a["href"].strip().lower().startswith("javascript")]
    return found + [str(b) for b in html.find_all(["b", "img"]) if "Kinh" in b.get_text() or b.get("src") == "x"]


def test_markup_in_data_is_shown_as_text_and_never_runs(tmp_path):
    data = copy_data(tmp_path)
    _plant_markup(data)
    site = build_site(tmp_path / "site", data_dir=data)
    for page in site.rglob("*.html"):
        assert _runs_script(soup(page)) == [], page
    for xml in (site / "feed.xml", site / "rss.xml"):
        assert "<script>" not in xml.read_text(encoding="utf-8")
    target = page_text(site / "chi-tieu" / "bao-hiem-y-te" / "index.html")
    assert normalize(EVIL) in target, "the markup is shown to the reader as the text it is"
    assert "{{ 7*7 }}" in page_text(site / "index.html"), "data is never run as a template"


def test_no_template_marker_leaks_into_pages(real_site, fixture_site):
    for site in (real_site, fixture_site):
        leaked = [page for page in site.rglob("*.html") if "<!--break-->" in page.read_text(encoding="utf-8")]
        assert leaked == []


def test_moved_addresses_keep_resolving(tmp_path):
    data = copy_data(tmp_path)
    patch(data, "chi-tieu.yml", "  - id: bao-hiem-y-te\n", "  - id: bao-hiem-y-te-toan-dan\n")
    patch(data, "nhiem-vu.yml", " bao-hiem-y-te]", " bao-hiem-y-te-toan-dan]")
    moves = "chuyen_huong:\n  chi-tieu/bao-hiem-y-te: chi-tieu/bao-hiem-y-te-toan-dan\n  muc/iii-9: muc/iii-8\n"
    patch(data, "id-da-cong-bo.yml", "chuyen_huong:\n", moves)
    patch(data, "id-da-cong-bo.yml", "id:\n", "id:\n  - chi-tieu/bao-hiem-y-te-toan-dan\n  - muc/iii-9\n")
    site = build_site(tmp_path / "site", data_dir=data)
    old_target = soup(site / "chi-tieu" / "bao-hiem-y-te" / "index.html")
    assert old_target.find("meta", attrs={"http-equiv": "refresh"})["content"].endswith(
        "url=../../chi-tieu/bao-hiem-y-te-toan-dan/"
    )
    assert (site / "chi-tieu" / "bao-hiem-y-te-toan-dan" / "index.html").exists()
    landing, fragment = resolve_short_link(site, "iii-9")
    assert fragment == "iii-8" and soup(landing).find(id="iii-8") is not None
