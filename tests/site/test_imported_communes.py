"""Other communes stand up their site from their plan alone: real plan openings of other communes, in other
layouts (header laid out as a table, "Phần thứ nhất", lines broken at the page width, a list restarting under a
title), are imported with `make import` and built with the project's own mkdocs.yml; nothing of Vĩnh Phong is left
anywhere in the build. Sources: tests/fixtures/ke-hoach-that/README.md."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from support import docx_plan
from support.build import build_site
from support.data import imported_data
from support.paths import FIXTURES, ROOT, TODAY

from macros import pipeline
from macros.importer import paragraphs, source
from macros.slug import fold
from macros.urls import Urls

REAL = FIXTURES / "ke-hoach-that"
FORBIDDEN = ("vinh phong", "an giang", "xa-vinh-phong")  # without diacritics, lower case
COMMUNES = {
    "cat-van-2019": ("Cát Vân", "Thanh Hóa", "txt"),
    "dong-quang-2020": ("Đông Quang", "Thanh Hóa", "docx"),  # the header as Word lays it out: a table
    "dan-luc-2021": ("Dân Lực", "Thanh Hóa", "txt"),
}


def readable(path: Path) -> str:
    text = path.read_text(encoding="utf-8-sig")
    if path.suffix == ".json":
        text = json.dumps(json.loads(text), ensure_ascii=False)
    return fold(html.unescape(text)).lower()


@pytest.fixture(scope="module", params=sorted(COMMUNES))
def commune(request, tmp_path_factory):
    name, (commune_name, province, form) = request.param, COMMUNES[request.param]
    folder = tmp_path_factory.mktemp(f"commune-{name}")
    plan = REAL / f"{name}.txt"
    if form == "docx":
        raw = source.read(plan)
        plan = docx_plan.write(folder / f"{name}.docx", paragraphs.join_lines(raw.lines, raw.hard_wrapped))
    data = imported_data(folder, plan, province=province)
    return commune_name, data, build_site(folder / "site", data_dir=data)


def test_the_build_names_the_commune_and_nothing_of_vinh_phong(commune):
    name, data, site = commune
    checked = [p for p in site.rglob("*") if p.suffix in (".html", ".json", ".csv", ".xml", ".txt") and p.is_file()]
    assert len(checked) > 30
    assert [f"{p.relative_to(site)}: {w}" for p in checked for w in FORBIDDEN if w in readable(p)] == []
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "lxml")
    assert home.title.get_text().endswith(f"xã {name}")
    assert (
        f"của Ủy ban nhân dân xã {name}. Dữ liệu mở theo giấy phép CC BY 4.0" in home.select_one(".md-copyright").text
    )
    assert yaml.safe_load((data / "xa.yml").read_text(encoding="utf-8"))["ten"] == name


def test_the_sites_configuration_names_no_commune():
    """Whatever mkdocs.yml says of a commune would show on every other commune's site."""
    text = fold((ROOT / "mkdocs.yml").read_text(encoding="utf-8")).lower()
    assert [word for word in FORBIDDEN if word in text] == []


def test_every_unit_has_its_page_in_the_navigation_and_its_citation(commune):
    _, data, site = commune
    plan = yaml.safe_load((data / "ke-hoach.yml").read_text(encoding="utf-8"))
    nav = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "lxml").select("nav a[href]")
    addresses = {a["href"].strip("./") for a in nav}
    for part in plan["muc"]:
        assert f"ke-hoach/{part['id']}" in addresses
        assert (site / "muc" / part["id"] / "index.html").exists()


def test_the_original_document_page_shows_what_the_plan_has_and_no_more(commune):
    _, data, site = commune
    document = yaml.safe_load((data / "ke-hoach.yml").read_text(encoding="utf-8"))["van_ban"]
    page = BeautifulSoup((site / "van-ban-goc" / "index.html").read_text(encoding="utf-8"), "lxml")
    text = page.get_text(" ")
    assert document["trich_yeu"] in text
    assert page.find(id="ket-luan") is None and page.find(id="noi-nhan") is None  # openings: no closing, no list
    assert "None" not in text


def article_text(site: Path, address: str) -> str:
    page = BeautifulSoup((site / address / "index.html").read_text(encoding="utf-8"), "lxml")
    return " ".join(page.select_one("article").get_text(" ").split())


def hand_written_addresses() -> list[str]:
    return [Urls.of_markdown(path.relative_to(ROOT / "docs").as_posix()) for path in (ROOT / "docs").rglob("*.md")]


def vinh_phongs_facts() -> tuple[str, ...]:
    """What only Vĩnh Phong's pages may say: its targets and hamlets, the province's plan its own plan follows."""
    plan = pipeline.load_site(ROOT / "data", ROOT, TODAY).plan
    names = [target.name for target in plan.targets] + [hamlet.name for hamlet in plan.hamlets]
    return (*names, *(hamlet.id for hamlet in plan.hamlets), "38/KH-UBND", "mục V.5", "mục III.2")


def test_the_hand_written_pages_state_this_plans_years_and_no_fact_of_vinh_phongs(commune):
    """The rule page and the clerks' guide of an imported plan state its own period, baseline year and the absence
    of a mid-term review (none of these plans has one), and list no inference, as it has no target yet."""
    name, data, site = commune
    plan = yaml.safe_load((data / "ke-hoach.yml").read_text(encoding="utf-8"))
    first, last = plan["van_ban"]["giai_doan"]["tu"], plan["van_ban"]["giai_doan"]["den"]
    assert "giua_ky" not in plan["van_ban"]["giai_doan"]
    rule, guide = article_text(site, "cach-tinh-tien-do"), article_text(site, "huong-dan-cap-nhat")
    period = str(first) if first == last else f"{first}–{last}"
    assert f"Kế hoạch được thực hiện và báo cáo tiến độ trong giai đoạn {period}" in rule
    assert f"Năm liền trước giai đoạn đó, năm {first - 1} , là năm gốc" in rule
    assert "Kế hoạch không đặt năm đánh giá giữa nhiệm kỳ" in rule and "giữa nhiệm kỳ năm" not in rule
    assert "Chưa có chỉ tiêu nào được công bố" in rule and "trang suy ra thời hạn" not in rule
    assert "-GK" not in guide and f"Quý 4/{first}" in guide and f"data/cap-nhat/{first - 1}.yml" in guide
    vinh_phongs_years = {str(year) for year in range(2025, 2031)} - {str(year) for year in range(first - 1, last + 1)}
    assert set(re.findall(r"\b20\d{2}\b", rule + " " + guide)) & vinh_phongs_years == set()
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "lxml")
    kind = plan["van_ban"]["loai"].capitalize()
    assert home.select_one("article h1").get_text(strip=True) == f"{kind} {first - 1}–{last} của xã {name}"
    facts = vinh_phongs_facts()
    texts = {address: article_text(site, address) for address in hand_written_addresses()}
    found = {address: [f for f in facts if f in text] for address, text in texts.items()}
    assert {address: words for address, words in found.items() if words} == {}
