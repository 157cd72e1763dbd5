"""A second commune: the fictional "Xã Mẫu" of tests/fixtures/xa-mau/ builds from its own data and mkdocs.yml alone,
and no page of that build mentions Vĩnh Phong."""

from __future__ import annotations

import html
import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from support.paths import FIXTURES, ROOT
from support.build import build_site

from macros.slug import fold

XA_MAU = FIXTURES / "xa-mau"
FORBIDDEN = ("vinh phong", "an giang")  # compared without diacritics, lower case: "Vĩnh Phong" and "Vinh Phong"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return build_site(tmp_path_factory.mktemp("site-xa-mau"), config=XA_MAU / "mkdocs.yml")


def readable(path: Path) -> str:
    """The text a reader or a program gets: JSON without \\u escapes, HTML without entities, no diacritics."""
    text = path.read_text(encoding="utf-8-sig")
    if path.suffix == ".json":
        text = json.dumps(json.loads(text), ensure_ascii=False)
    return fold(html.unescape(text)).lower()


def test_no_output_file_mentions_the_real_commune(site):
    checked = [p for p in site.rglob("*") if p.suffix in (".html", ".json", ".csv", ".xml") and p.is_file()]
    assert len(checked) > 50
    found = [f"{p.relative_to(site)}: {word}" for p in checked for word in FORBIDDEN if word in readable(p)]
    assert found == []


def test_the_pages_name_the_second_commune(site):
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert home.select_one("article h1").get_text(strip=True) == "Kế hoạch 2025–2030 của xã Mẫu"
    assert "Thử Nghiệm" in home.select_one("article").get_text()
    assert "Kế hoạch xã Mẫu" in (site / "feed.xml").read_text(encoding="utf-8")
    package = json.loads((site / "du-lieu" / "datapackage.json").read_text(encoding="utf-8"))
    assert package["name"] == "ke-hoach-2025-2030-mau"


def test_the_pages_come_from_its_own_data(site):
    targets = json.loads((site / "du-lieu" / "chi-tieu.json").read_text(encoding="utf-8"))
    assert [t["id"] for t in targets] == [
        "san-pham-ocop",
        "nong-thon-moi",
        "to-hop-tac-moi-ap",
        "bao-hiem-y-te",
        "kham-pha-an",
        "bao-cao-giua-nhiem-ky",
    ]
    assert sorted(p.name for p in (site / "ke-hoach").iterdir() if p.is_dir()) == ["i", "ii", "iii", "v"]
    assert (site / "bao-cao" / "2026-q3" / "index.html").exists()


def test_every_fixture_file_says_it_is_fictional():
    for path in sorted(XA_MAU.rglob("*")):
        if path.is_file():
            head = "\n".join(path.read_text(encoding="utf-8").splitlines()[:3])
            assert "HƯ CẤU" in head, path.relative_to(XA_MAU)


def test_no_template_or_page_source_hard_codes_the_commune():
    """Commune names live in data/ and mkdocs.yml only."""
    sources = [*ROOT.joinpath("docs").rglob("*.md"), *ROOT.joinpath("macros", "site", "templates").iterdir()]
    sources += [p for p in ROOT.joinpath("overrides").rglob("*") if p.suffix in (".html", ".js")]
    found = [
        str(p.relative_to(ROOT))
        for p in sources
        if any(word in fold(p.read_text(encoding="utf-8")).lower() for word in FORBIDDEN)
    ]
    assert found == []


def test_readme_gives_the_steps_to_adopt_the_site():
    text = (XA_MAU / "README.md").read_text(encoding="utf-8")
    for step in ("mkdocs.yml", "xa.yml", "ke-hoach.yml", "id-da-cong-bo.yml", "make check"):
        assert step in text
