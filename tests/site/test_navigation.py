"""The navigation: mkdocs.yml names only what every commune has; the plan's pages and the mid-term review come from the
data (macros/publish/navigation.py), for the MkDocs build and the site-files folder alike."""

from __future__ import annotations

import yaml
from bs4 import BeautifulSoup
from support.build import build_site
from support.data import copy_data, patch
from support.links import broken_links
from support.paths import ROOT, TODAY, XA_MAU

from macros import pipeline
from macros.publish import config as engine_config
from macros.publish import navigation

COMMON = engine_config.read(ROOT / "mkdocs.yml")["nav"]


def section(nav: list, name: str) -> list:
    return next(entry[name] for entry in nav if isinstance(entry, dict) and name in entry)


def test_mkdocs_yml_names_no_page_that_only_one_plan_has():
    listed = yaml.safe_dump(COMMON, allow_unicode=True)
    assert "ke-hoach/index.md" in listed and "bao-cao/index.md" in listed
    assert "ke-hoach/i.md" not in listed and "giua-nhiem-ky" not in listed and "III." not in listed


def test_the_real_plan_in_its_order_with_its_short_titles(real_site_data):
    nav = navigation.nav(real_site_data, COMMON)
    sections = [f"III.{n}. {title}" for n, title in enumerate(
        ["Chỉ đạo, điều hành", "Kinh tế, khoa học công nghệ, môi trường", "Văn hóa, xã hội, con người",
         "Quốc phòng - an ninh", "Phòng chống tham nhũng, tiếp dân", "Tư pháp", "Đối ngoại, hội nhập quốc tế",
         "Xây dựng chính quyền, cải cách hành chính"], start=1)]  # fmt: skip
    assert section(nav, "Kế hoạch") == [
        "ke-hoach/index.md",
        {"I. Mục đích, yêu cầu": "ke-hoach/i.md"},
        {"II. Nhiệm vụ trọng tâm và các khâu đột phá": "ke-hoach/ii.md"},
        {
            "III. Các giải pháp chủ yếu": [
                "ke-hoach/iii.md",
                *({label: f"ke-hoach/iii-{n}.md"} for n, label in enumerate(sections, start=1)),
            ]
        },
        {"V. Tổ chức thực hiện": "ke-hoach/v.md"},
        {"Văn bản gốc": "van-ban-goc.md"},
    ]
    assert section(nav, "Báo cáo theo kỳ") == [
        "bao-cao/index.md",
        {"Đánh giá giữa nhiệm kỳ 2028": "bao-cao/giua-nhiem-ky-2028.md"},
    ]


def test_another_plan_brings_its_own_parts():
    """Xã Mẫu's part III is short, so it is one page; its titles are in capitals, shown in sentence case."""
    site = pipeline.load_site(XA_MAU / "data", XA_MAU, TODAY)
    assert navigation.plan_entries(site) == [
        {"I. Mục đích, yêu cầu": "ke-hoach/i.md"},
        {"II. Nhiệm vụ trọng tâm": "ke-hoach/ii.md"},
        {"III. Các giải pháp chủ yếu": "ke-hoach/iii.md"},
        {"V. Tổ chức thực hiện": "ke-hoach/v.md"},
    ]


def test_titles_in_capitals_are_shown_in_sentence_case_and_others_as_written():
    assert navigation.sentence_case("TỔ CHỨC THỰC HIỆN") == "Tổ chức thực hiện"
    assert navigation.sentence_case("Phát triển văn hóa, xã hội, con người") == "Phát triển văn hóa, xã hội, con người"
    assert navigation.sentence_case("Nâng cao sức khỏe Nhân dân") == "Nâng cao sức khỏe Nhân dân"


def test_a_plan_without_a_mid_term_review_has_no_such_page_entry_or_link(tmp_path):
    data = copy_data(tmp_path)
    patch(data, "ke-hoach.yml", "    giua_ky: 2028\n", "")
    site = pipeline.load_site(data, data.parent, TODAY)
    assert section(navigation.nav(site, COMMON), "Báo cáo theo kỳ") == ["bao-cao/index.md"]
    built = build_site(tmp_path / "site", data_dir=data)  # strict: a nav entry or a link to a missing page fails
    assert not list(built.joinpath("bao-cao").glob("giua-nhiem-ky-*"))
    periods = BeautifulSoup((built / "bao-cao" / "index.html").read_text(encoding="utf-8"), "lxml")
    assert "giữa nhiệm kỳ" not in periods.select_one("article").get_text().lower()
    assert broken_links(built, engine_config.read(ROOT / "mkdocs.yml")["site_url"]) == []
