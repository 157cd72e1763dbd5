"""Units and citation ids from the numbering Vietnamese administrative documents use."""

from __future__ import annotations

import pytest

from macros.importer.numbering import marker
from macros.importer.outline import units


@pytest.mark.parametrize(
    ("text", "kind", "number", "key"),
    [
        ("Phần thứ nhất", "phan", "Phần thứ nhất", "phan-1"),
        ("PHẦN THỨ HAI: MỤC TIÊU", "phan", "PHẦN THỨ HAI", "phan-2"),
        ("Phần III. Tổ chức thực hiện", "phan", "Phần III", "phan-3"),
        ("A- NHỮNG THÀNH TỰU ĐẠT ĐƯỢC", "chu-hoa", "A", "a"),
        ("I. MỤC ĐÍCH, YÊU CẦU", "la-ma", "I", "i"),
        ("IV- VỀ QUỐC PHÒNG", "la-ma", "IV", "iv"),
        ("1. Mục đích", "so", "1", "1"),
        ("2.1. Phát triển nông nghiệp", "so", "2.1", "2-1"),
        ("2.3.1 Thu ngân sách", "so", "2.3.1", "2-3-1"),
        ("1- Mục tiêu tổng quát", "so", "1", "1"),
        ("a) Về kinh tế", "chu", "a", "a"),
        ("đ) Về môi trường", "chu", "đ", "dd"),
        ("- Tập trung kiện toàn", "gach", "-", ""),
        ("– Tập trung kiện toàn", "gach", "-", ""),
    ],
)
def test_numbering_is_read(text, kind, number, key):
    found = marker(text)
    assert (found.kind, found.number, found.key) == (kind, number, key)


@pytest.mark.parametrize(
    "text",
    ["100% ấp đạt chuẩn văn hóa", "01-02 hợp tác xã mới", "5.000 người có việc làm", "2026 là năm đầu",
     "Phần đầu điều tra khám phá án", "Phần lớn hộ dân", "+ Lúa 507 ha", "(1) Cơ cấu kinh tế", "* Về kinh tế"],
)  # fmt: skip
def test_a_paragraph_that_starts_with_a_number_or_a_word_is_not_a_unit(text):
    found = marker(text)
    assert found is None or found.kind == "gach"


def as_tree(nodes):
    return [(n.id, n.number, n.title, n.text, n.blocks, as_tree(n.children)) for n in nodes]


def test_every_level_nests_and_gets_its_citation_id():
    parts = units([
        "Phần thứ nhất", "MỤC TIÊU VÀ CHỈ TIÊU",
        "I. MỤC TIÊU", "1. Mục tiêu tổng quát", "Phát triển kinh tế nhanh và bền vững.",
        "2. Các chỉ tiêu chủ yếu", "2.1. Về kinh tế", "a) Thu nhập",
        "- Thu nhập bình quân đầu người đạt 86,4 triệu đồng.",
        "+ Trong đó nông nghiệp 40%.", "b) Ngân sách", "2.2. Về xã hội",
        "II. GIẢI PHÁP", "Phần thứ hai", "TỔ CHỨC THỰC HIỆN",
    ])  # fmt: skip
    first, second = parts
    assert (first.id, first.number, first.title) == ("phan-1", "Phần thứ nhất", "MỤC TIÊU VÀ CHỈ TIÊU")
    one = first.children[0]
    assert [c.id for c in one.children] == ["phan-1-i-1", "phan-1-i-2"]
    assert one.children[0].blocks == [{"doan": "Phát triển kinh tế nhanh và bền vững."}]
    economy = one.children[1].children[0]
    assert (economy.id, economy.number) == ("phan-1-i-2-1", "2.1")
    income = economy.children[0]
    assert (income.id, income.title) == ("phan-1-i-2-1-a", "Thu nhập")
    assert income.blocks == [
        {"gach": "Thu nhập bình quân đầu người đạt 86,4 triệu đồng."},
        {"doan": "+ Trong đó nông nghiệp 40%."},
    ]
    assert [c.id for c in economy.children] == ["phan-1-i-2-1-a", "phan-1-i-2-1-b"]
    assert [c.id for c in one.children[1].children] == ["phan-1-i-2-1", "phan-1-i-2-2"]
    assert [c.id for c in first.children] == ["phan-1-i", "phan-1-ii"]
    assert (second.id, second.title) == ("phan-2", "TỔ CHỨC THỰC HIỆN")


def test_text_after_a_number_is_a_title_or_the_units_own_paragraph():
    (part,) = units([
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Nhiệm vụ trọng tâm",
        "2. Cụ thể hóa và tổ chức thực hiện hiệu quả Chương trình hành động. Bám sát các quan điểm.",
        "3. Mục đích.",
        "4. Giao Phòng Kinh tế xã chủ trì, phối hợp các ngành có liên quan định kỳ thực hiện báo cáo tháng, quý, năm "
        "để Ủy ban nhân dân xã tổ chức đánh giá kết quả đạt được. Đồng thời, giao Phòng Kinh tế các nhiệm vụ sau:",
        "- Cụ thể hoá các mục tiêu.",
    ])  # fmt: skip
    titles = [(c.title, c.text is not None) for c in part.children]
    assert titles == [("Nhiệm vụ trọng tâm", False), (None, True), ("Mục đích.", False), (None, True)]
    assert part.children[3].blocks == [{"gach": "Cụ thể hoá các mục tiêu."}]


def test_a_list_restarting_under_a_bare_title_nests_under_it():
    (part,) = units(
        [
            "I. MỤC ĐÍCH - YÊU CẦU:",
            "1. Mục đích.",
            "1. Làm cho Nhân dân thấy rõ ý nghĩa; ủng hộ nhiệt tình.",
            "2. Yêu cầu",
        ]
    )
    assert [c.id for c in part.children] == ["i-1", "i-2"]
    assert [c.id for c in part.children[0].children] == ["i-1-1"]


def test_a_number_repeated_at_one_level_keeps_a_citation_of_its_own():
    (part,) = units(["I. MỤC TIÊU", "1. Kinh tế", "Phát triển.", "1. Xã hội", "Ổn định."])
    assert [c.id for c in part.children] == ["i-1", "i-1-2"]


def test_a_short_numbered_commitment_is_the_units_own_text_not_a_title():
    """A short numbered line ending in a full stop is a title ("Mục đích.") unless it states a commitment: a title
    is never suggested as a target, so "a) Tỷ lệ hộ nghèo còn dưới 2%." must stay a sentence."""
    parts = units(
        [
            "1. Các chỉ tiêu chủ yếu",
            "a) Tỷ lệ hộ nghèo còn dưới 2%.",
            "b) Giữ vững danh hiệu xã nông thôn mới.",
            "2. Mục đích.",
        ]
    )
    items = parts[0].children
    assert [(item.title, item.text) for item in items] == [
        (None, "Tỷ lệ hộ nghèo còn dưới 2%."),
        (None, "Giữ vững danh hiệu xã nông thôn mới."),
    ]
    assert parts[1].title == "Mục đích."
