"""The hand-written pages of docs/ are rendered with plain Jinja (macros/publish/hand_written.py): their front matter
kept as written, their macros run, a mistake in a page reported with its file and line."""

from __future__ import annotations

import dataclasses

import pytest
from bs4 import BeautifulSoup

from macros.errors import DataError
from macros.publish import hand_written
from macros.site import render, views
from macros.vocabulary import periods

CONFIG = {"site_url": "https://vi.example/", "repo_url": "https://example.org/kho"}
PAGE = (
    "---\n# chú thích\ntitle: Thử\ndu_lieu: data/ap.yml\n---\n\n# Xã {{ xa().ten }}\n\n{{ config.repo_url }}/issues\n"
)


def test_front_matter_is_kept_as_written_and_macros_run(real_site_data):
    written, meta, body = hand_written.render_page(real_site_data, "thu/trang.md", PAGE, CONFIG)
    assert written == "# chú thích\ntitle: Thử\ndu_lieu: data/ap.yml\n"
    assert meta == {"title": "Thử", "du_lieu": "data/ap.yml"}
    assert body == "# Xã Vĩnh Phong\n\nhttps://example.org/kho/issues"


def test_each_macro_gets_the_page_address_and_its_html_can_be_set_aside(real_site_data):
    text = "# Chỉ tiêu\n\n{{ bang_chi_tieu() }}\n"
    _, _, body = hand_written.render_page(real_site_data, "chi-tieu/index.md", text, CONFIG)
    assert 'href="../chi-tieu/bao-hiem-y-te/"' in body, "links lead from chi-tieu/ back to the root"
    _, _, aside = hand_written.render_page(real_site_data, "chi-tieu/index.md", text, CONFIG, lambda html: "<!--x-->")
    assert aside == "# Chỉ tiêu\n\n<!--x-->"


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("---\ntitle: Thử\n---\n\nĐoạn.\n\n{{ bang_chi_tieu( }}\n", 7, "lệnh trong trang viết sai"),
        ("---\ntitle: Thử\n---\n\n{{ khong_co() }}\n", 0, "trang gọi 'khong_co', nhưng không có lệnh"),
    ],
)
def test_a_mistake_in_a_page_names_the_file_and_line(real_site_data, text, line, words):
    with pytest.raises(DataError) as raised:
        hand_written.render_page(real_site_data, "huong-dan.md", text, CONFIG)
    problem = raised.value.problems[0]
    assert (problem.file, problem.line) == ("docs/huong-dan.md", line)
    assert words in problem.message and "MACROS" in problem.fix


def test_a_page_gets_its_way_back_to_the_docs_root():
    assert [hand_written.to_docs_root(source) for source in ("index.md", "bao-cao/index.md", "a/b/c.md")] == [
        "",
        "../",
        "../../",
    ]
    _, _, body = hand_written.render_page(None, "bao-cao/index.md", "[x]({{ goc }}don-vi/a.md)", CONFIG)
    assert body == "[x](../don-vi/a.md)"  # a page that calls no macro needs no data


def test_the_plan_facts_of_the_real_plan_come_from_its_data(real_site_data):
    facts = views.plan_names(real_site_data, "cach-tinh-tien-do/")
    years = (facts.tu, facts.den, facts.nam_goc, facts.giua_ky, facts.nhiem_ky, facts.giai_doan)
    assert years == (2026, 2030, 2025, 2028, "2025–2030", "2026–2030")
    assert facts.ten_neu_nhiem_ky and facts.trich_yeu.endswith("trên địa bàn xã Vĩnh Phong")
    assert (facts.muc_giai_doan, facts.muc_giua_ky) == (("V.1", "V.5"), ("V.5",))
    assert facts.phan_thieu == (views.Gap("IV", "III", "V"),)
    assert [link.trang for link in facts.nhan_bao_cao] == [
        "don-vi/ubnd-xa.md",
        "don-vi/phong-kinh-te.md",
        "don-vi/van-phong-hdnd-ubnd.md",
    ]
    assert facts.gia_tri_goc == 0 and facts.trang_giua_ky == "bao-cao/giua-nhiem-ky-2028.md"


def test_a_plan_without_a_mid_term_review_or_a_term_in_its_title_says_so(real_site_data):
    document = dataclasses.replace(
        real_site_data.plan.document, title="Giảm nghèo năm 2019", span=periods.Span(2019, 2019)
    )
    site = dataclasses.replace(real_site_data, plan=dataclasses.replace(real_site_data.plan, document=document))
    facts = views.plan_names(site, "cach-tinh-tien-do/")
    assert (facts.giai_doan, facts.cac_nam, facts.nam_goc) == ("2019", "năm 2019", 2018)
    assert (facts.giua_ky, facts.trang_giua_ky, facts.ten_neu_nhiem_ky) == (None, None, False)
    assert facts.muc_giai_doan == facts.muc_giua_ky == ()


@pytest.mark.parametrize(
    ("numbers", "gaps"),
    [
        (("I", "II", "III", "V"), [("IV", "III", "V")]),
        (("I", "IV", "V", "VIII"), [("II, III", "I", "IV"), ("VI, VII", "V", "VIII")]),
        (("1", "2", "4"), [("3", "2", "4")]),
        (("I", "II", "III"), []),
        (("Phần thứ nhất", "Phần thứ ba"), []),  # not a numbering the page reads
        (("III", "II"), []),
    ],
)
def test_the_parts_a_plan_skips_are_named_as_it_numbers_them(real_site_data, numbers, gaps):
    part = real_site_data.plan.parts[0]
    parts = tuple(dataclasses.replace(part, number=number) for number in numbers)
    plan = dataclasses.replace(real_site_data.plan, parts=parts)
    assert [(g.thieu, g.truoc, g.sau) for g in views.part_gaps(plan)] == gaps


def test_the_guides_examples_are_the_communes_records_or_say_what_to_write(real_site_data):
    examples = views.examples(real_site_data, "huong-dan-cap-nhat/")
    targets = real_site_data.plan.target_by_id
    assert targets[examples.chi_tieu].unit == "%" and targets[examples.theo_ap].per_hamlet
    assert (examples.ap, examples.ten_ap, examples.ten_ap_ngan) == ("vinh-thanh", "ấp Vĩnh Thạnh", "Vĩnh Thạnh")
    assert (examples.don_vi, examples.nam, examples.nam_sau, examples.muc) == ("phong-kinh-te", 2026, 2027, "iii-2-1")
    empty = dataclasses.replace(real_site_data.plan, targets=(), hamlets=(), agencies=())
    none = views.examples(dataclasses.replace(real_site_data, plan=empty), "huong-dan-cap-nhat/")
    assert (none.chi_tieu, none.theo_ap, none.ap, none.don_vi) == (
        "ma-chi-tieu",
        "ma-chi-tieu-theo-ap",
        "ma-ap",
        "ma-don-vi",
    )


def test_the_rule_pages_list_of_inferences_is_the_targets_tables_notes(real_site_data):
    listed = BeautifulSoup(render.inferred_list(real_site_data, "cach-tinh-tien-do/"), "lxml").select("li")
    table = BeautifulSoup(render.targets_page(real_site_data, "chi-tieu/"), "lxml")
    notes = table.select(".kh-inferred-notes li")
    assert len(listed) == len(notes) == sum(1 for t in real_site_data.plan.targets if t.inferred) >= 9
    assert [li.get_text() for li in listed] == [li.get_text() for li in notes]
    assert listed[0].a["href"] == "../chi-tieu/duy-tri-nong-thon-moi/"
