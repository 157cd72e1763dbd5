"""A second commune: the fictional "Xã Mẫu" of tests/fixtures/xa-mau/ builds from its own data and mkdocs.yml alone,
and no page of that build mentions Vĩnh Phong."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from support.paths import ROOT, TODAY, XA_MAU

from macros import pipeline
from macros.slug import fold
from macros.urls import Urls

FORBIDDEN = ("vinh phong", "an giang")  # compared without diacritics, lower case: "Vĩnh Phong" and "Vinh Phong"


@pytest.fixture(scope="module")
def site(xa_mau_site) -> Path:
    return xa_mau_site


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
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "lxml")
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
        "ho-ngheo",
        "tang-thu-nhap",
        "kham-pha-an",
        "bao-cao-giua-nhiem-ky",
    ]
    assert sorted(p.name for p in (site / "ke-hoach").iterdir() if p.is_dir()) == ["i", "ii", "iii", "v"]
    assert (site / "bao-cao" / "2026-q3" / "index.html").exists()


def article(site: Path, path: str) -> str:
    page = BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "lxml")
    return page.select_one("article").get_text(" ", strip=True)


def test_a_ceiling_is_judged_lower_is_better_from_data_to_page(site):
    """ "giảm … xuống dưới 2%": 4,2% on 30/09/2026 is above the straight line from 5% (2025) to 2% (2030), so behind;
    the page, the open data and the summary say so with the plan's words."""
    text = article(site, "chi-tieu/ho-ngheo")
    assert "Chậm tiến độ" in text and "dưới 2%" in text
    assert "mức cần có ngày 30/09/2026 là 4,13%; số báo cáo là 4,2%" in text
    assert "Chỉ đạt khi thấp hơn mục tiêu, số càng thấp càng tốt" in text
    targets = {t["id"]: t for t in json.loads((site / "du-lieu" / "chi-tieu.json").read_text(encoding="utf-8"))}
    assert (targets["ho-ngheo"]["so_sanh"], targets["ho-ngheo"]["trang_thai"]) == ("<", "cham-tien-do")


def test_a_yearly_average_is_judged_on_the_years_reported(site):
    text = article(site, "chi-tieu/tang-thu-nhap")
    assert "Đúng tiến độ" in text and "bình quân 8%/năm" in text
    assert "Bình quân 1 năm đã có số cả năm (năm 2026: 8,6%/năm) là 8,6%/năm" in text


def section(site: Path, path: str, anchor: str):
    """The heading with id `anchor` of a built page and everything up to the next heading of its level."""
    page = BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "lxml")
    heading = page.find(id=anchor)
    parts = [heading]
    for sibling in heading.find_next_siblings():
        if sibling.name == heading.name:
            break
        parts.append(sibling)
    return parts


def test_the_rule_page_lists_this_communes_inferences_with_their_reasons(site):
    """ "Những điều trang suy ra" is made from the records: Xã Mẫu's two inferred deadlines, nothing of Vĩnh Phong's."""
    plan = pipeline.load_site(XA_MAU / "data", XA_MAU, TODAY).plan
    inferred = [t for _, targets in plan.targets_by_area for t in targets if t.inferred]
    assert [t.id for t in inferred] == ["nong-thon-moi", "to-hop-tac-moi-ap"]
    items = [li for part in section(site, "cach-tinh-tien-do", "suy-ra") for li in part.find_all("li")]
    assert [li.a["href"] for li in items] == [f"../chi-tieu/{t.id}/" for t in inferred]
    for li, target in zip(items, inferred, strict=True):
        assert li.get_text() == f"{target.name} — trang suy ra thời hạn. {target.note}"


def test_the_rule_page_states_this_plans_years_and_where_it_says_them(site):
    text = " ".join(" ".join(p.get_text(" ").split()) for p in section(site, "cach-tinh-tien-do", "nhiem-ky"))
    assert text.startswith("Nhiệm kỳ 2025–2030 và giai đoạn 2026–2030")
    # Its text never writes "giai đoạn 2026-2030", so no section is named for it; V.1 sets the mid-term review.
    assert "giai đoạn 2026–2030 . Năm liền trước" in text
    assert "Kế hoạch đặt báo cáo đánh giá giữa nhiệm kỳ vào năm 2028 (mục V.1)" in text
    links = [a["href"] for p in section(site, "cach-tinh-tien-do", "nhiem-ky") for a in p.find_all("a")]
    assert links == ["../bao-cao/giua-nhiem-ky-2028/"]


def test_the_guide_and_the_plans_index_give_this_communes_examples(site):
    guide = article(site, "huong-dan-cap-nhat")
    assert "- chi_tieu: bao-hiem-y-te" in guide and "ấp Một (ap-mot): 2" in guide and "to-hop-tac-moi-ap" in guide
    assert "Theo Kế hoạch, báo cáo tiến độ được gửi về" not in guide  # no body of its plan receives reports
    contents = article(site, "ke-hoach")
    assert "Văn bản không có phần IV, nên sau phần III là phần V." in contents and "/muc/i-1/" in contents


def test_no_hand_written_page_states_a_fact_of_vinh_phongs_plan(site):
    real, own = (pipeline.load_site(data, data.parent, TODAY).plan for data in (ROOT / "data", XA_MAU / "data"))
    names = {t.name for t in real.targets} - {t.name for t in own.targets}  # the two share "Tỷ lệ hộ nghèo"…
    facts = ("38/KH-UBND", "mục V.5", "V.2", "vinh-thanh", "Vĩnh Thạnh", *sorted(names))
    pages = [Urls.of_markdown(p.relative_to(ROOT / "docs").as_posix()) for p in (ROOT / "docs").rglob("*.md")]
    texts = {page: article(site, page.rstrip("/") or ".") for page in pages}
    found = {page: [f for f in facts if f in text] for page, text in texts.items()}
    assert {page: words for page, words in found.items() if words} == {}


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


# What a page source of docs/ may not state, because it is a fact of one plan: a section number of the plan ("mục
# V.5", "phần IV", "III.2.3"), a year (the plan's period, its mid-term review), a target or a hamlet of the data. A
# hand-written page takes these from the data (macros/publish/hand_written.py: ke_hoach(), vi_du(), suy_ra()).
SECTION = re.compile(r"\b(?:mục|phần)\s+[IVXL]+\b|\b[IVXL]+(?:\.\d{1,2})+\b", re.IGNORECASE)
YEAR = re.compile(r"(?<![\d.,])(?:19|20)\d{2}(?![\d.,%])")
JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
# Years that are no plan's: the day the accessibility statement was made, the name of a program.
NOT_THE_PLANS = {"tuyen-bo-tiep-can.md": ("29/11/2026",), "huong-dan-cap-nhat.md": ("Excel 2007-365",)}


def one_plans_facts(text: str, records: tuple[str, ...], allowed: tuple[str, ...] = ()) -> list[str]:
    """The facts of one plan that a page source states: section numbers, years, and the ids and names of
    `records` (the data's targets and hamlets), left out the Jinja expressions and the `allowed` phrases."""
    text = JINJA.sub(" ", text)
    for phrase in allowed:
        text = text.replace(phrase, " ")
    found = SECTION.findall(text) + YEAR.findall(text)
    folded = fold(text).lower()
    return found + [
        record for record in records if re.search(rf"(?<![\w-]){re.escape(fold(record).lower())}(?![\w-])", folded)
    ]


def records_of(data: Path) -> tuple[str, ...]:
    """What names one commune's records: the ids of its targets, bodies and hamlets, and its hamlets' names (with
    and without "ấp"). Target and body names are left out: "Tỷ lệ hộ nghèo", "Phòng Kinh tế" are every commune's."""
    plan = pipeline.load_site(data, data.parent, TODAY).plan
    ids = tuple(record.id for record in (*plan.targets, *plan.agencies, *plan.hamlets))
    return ids + tuple(name for hamlet in plan.hamlets for name in (hamlet.name, hamlet.name.partition(" ")[2]))


def page_sources() -> list[Path]:
    sources = sorted(ROOT.joinpath("docs").rglob("*.md"))
    return sources + [p for p in sorted(ROOT.joinpath("overrides").rglob("*.html"))]


def test_no_page_source_states_a_fact_of_one_plan():
    """The pages of docs/ are every commune's: what they say of the plan comes from the data."""
    records = records_of(ROOT / "data")
    found = {
        str(path.relative_to(ROOT)): facts
        for path in page_sources()
        if (facts := one_plans_facts(path.read_text(encoding="utf-8"), records, NOT_THE_PLANS.get(path.name, ())))
    }
    assert found == {}


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("Phòng Kinh tế chủ trì báo cáo giữa nhiệm kỳ năm 2028 (theo mục V.5).", "mục V"),
        ("Phòng Kinh tế chủ trì báo cáo giữa nhiệm kỳ năm 2028 (theo mục V.5).", "2028"),
        ("kỳ `2028-GK`", "2028"),
        ('"Kế hoạch số 38/KH-UBND ngày 28 tháng 01 năm 2026 của UBND tỉnh"', "2026"),
        ("Văn bản không có phần IV, nên sau phần III là phần V.", "phần IV"),
        ("ví dụ mục III.2.3", "mục III"),
        ('(ví dụ: "thu vượt dự toán", III.2.3)', "III.2.3"),
        ("ví dụ `ấp Vĩnh Thạnh (vinh-thanh): 2`", "ấp Vĩnh Thạnh"),
        ("    theo_ap:\n      vinh-thanh: 2", "vinh-thanh"),
        ("  - chi_tieu: bao-hiem-y-te", "bao-hiem-y-te"),
        ("báo cáo gửi về Phòng Kinh tế (`phong-kinh-te`)", "phong-kinh-te"),
        ("mỗi ấp một dòng, ví dụ `Vĩnh Thạnh: 2`", "Vĩnh Thạnh"),
    ],
)
def test_the_page_source_check_can_fail(text, fact):
    records = records_of(ROOT / "data")
    assert fact in one_plans_facts(text, records)


def test_the_page_source_check_leaves_data_and_generic_words_alone():
    records = records_of(ROOT / "data")
    text = (
        "Năm {{ kh.den }}, kỳ `{{ vd.nam }}-Q3`, mã `{{ vd.chi_tieu }}`; mục 4 của trang này; 81,82%; 1250000; "
        "WCAG 2.1; Excel 2007-365; `data/cap-nhat/<năm>.yml`; Phòng Kinh tế."
    )
    assert one_plans_facts(text, records, NOT_THE_PLANS["huong-dan-cap-nhat.md"]) == []
