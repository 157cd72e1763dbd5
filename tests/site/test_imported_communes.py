"""Other communes stand up their site from their plan alone: real plan openings of other communes, in other
layouts (header laid out as a table, "Phần thứ nhất", lines broken at the page width, a list restarting under a
title), are imported with `make import` and built with the project's own mkdocs.yml; nothing of Vĩnh Phong is left
anywhere in the build. Sources: tests/fixtures/ke-hoach-that/README.md."""

from __future__ import annotations

import html
import json
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from support import docx_plan
from support.build import build_site
from support.data import imported_data
from support.paths import FIXTURES, ROOT

from macros.importer import paragraphs, source
from macros.slug import fold

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
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
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
    nav = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser").select("nav a[href]")
    addresses = {a["href"].strip("./") for a in nav}
    for part in plan["muc"]:
        assert f"ke-hoach/{part['id']}" in addresses
        assert (site / "muc" / part["id"] / "index.html").exists()


def test_the_original_document_page_shows_what_the_plan_has_and_no_more(commune):
    _, data, site = commune
    document = yaml.safe_load((data / "ke-hoach.yml").read_text(encoding="utf-8"))["van_ban"]
    page = BeautifulSoup((site / "van-ban-goc" / "index.html").read_text(encoding="utf-8"), "html.parser")
    text = page.get_text(" ")
    assert document["trich_yeu"] in text
    assert page.find(id="ket-luan") is None and page.find(id="noi-nhan") is None  # openings: no closing, no list
    assert "None" not in text
