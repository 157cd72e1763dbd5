"""Reading a plan as communes have it: Word (.docx) or UTF-8 text; old Word files and PDF refused with how to
save them as .docx; lines a page break or a window split joined back the way the published data has them."""

from __future__ import annotations

import docx
import pytest
from support.plan_text import SOURCE

from macros.errors import DataError
from macros.importer import paragraphs, source


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("ke-hoach.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1old word", "Word cũ (.doc)"),
        ("ke-hoach.pdf", b"%PDF-1.7\n...", "PDF"),
        ("ke-hoach.docx", b"%PDF-1.4 renamed", "PDF"),  # the first bytes, not the name, say what a file is
        ("ke-hoach.txt", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Word cũ (.doc)"),
    ],
)
def test_doc_and_pdf_are_refused_with_how_to_save_as_docx(tmp_path, name, content, words):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(DataError) as error:
        source.read(path)
    (problem,) = error.value.problems
    assert words in problem.message
    assert "Save As" in problem.fix and "(*.docx)" in problem.fix
    assert all(app in problem.fix for app in ("Microsoft Word", "LibreOffice Writer", "WPS Writer"))


def test_text_in_another_encoding_is_refused(tmp_path):
    path = tmp_path / "ke-hoach.txt"
    path.write_bytes("KẾ HOẠCH".encode("utf-16"))
    with pytest.raises(DataError) as error:
        source.read(path)
    assert "UTF-8" in error.value.problems[0].message


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(DataError) as error:
        source.read(tmp_path / "khong-co.docx")
    assert error.value.problems[0].message == "không tìm thấy tệp"


def test_invisible_characters_and_bold_marks_are_not_words():
    assert source.clean("**TM.\u00a0ỦY BAN\u200b NHÂN DÂN**") == "TM. ỦY BAN NHÂN DÂN"
    assert source.clean("Nông  thôn\tmới") == "Nông thôn mới"


def test_the_nine_page_break_splits_of_the_source_are_joined():
    raw = source.read(SOURCE)
    found = paragraphs.join_lines(raw.lines, raw.hard_wrapped)
    assert not raw.hard_wrapped
    assert len([line for line in raw.lines if line]) - len(found) == 9
    for words in ("khoa học, hiệu quả; nâng cao", "đất và người xã Vĩnh Phong", "bảo vệ môi trường. Thường xuyên"):
        assert sum(words in paragraph for paragraph in found) == 1


def test_lines_broken_at_the_page_width_are_joined_but_new_items_are_not():
    lines = (
        "Căn cứ quyết định số: 289-QĐ/TU ngày 27/05/2016 của Ban chấp hành Đảng",
        "bộ Tỉnh khóa XVIII ban hành chương trình giảm nghèo nhanh và bền vững tỉnh",
        "Thanh Hóa, giai đoạn 2016 – 2020;",
        "Căn cứ nghị quyết số 12-NQ/HU ngày 18 tháng 12 năm 2018 của Ban chấp",
        "hành Đảng bộ huyện khóa XXII về phương hướng nhiệm vụ năm 2019;",
        "Phần thứ nhất",
        "TÌNH HÌNH HỘ NGHÈO",
    )
    assert source.hard_wrapped(lines)
    assert paragraphs.join_lines(lines, hard_wrapped=True) == [
        "Căn cứ quyết định số: 289-QĐ/TU ngày 27/05/2016 của Ban chấp hành Đảng bộ Tỉnh khóa XVIII ban hành "
        "chương trình giảm nghèo nhanh và bền vững tỉnh Thanh Hóa, giai đoạn 2016 – 2020;",
        "Căn cứ nghị quyết số 12-NQ/HU ngày 18 tháng 12 năm 2018 của Ban chấp hành Đảng bộ huyện khóa XXII về "
        "phương hướng nhiệm vụ năm 2019;",
        "Phần thứ nhất",
        "TÌNH HÌNH HỘ NGHÈO",
    ]


def test_a_finished_sentence_is_never_continued():
    assert paragraphs.join_lines(("Trên đây là Kế hoạch.", "", "xã tổ chức thực hiện")) == [
        "Trên đây là Kế hoạch.",
        "xã tổ chức thực hiện",
    ]


@pytest.mark.parametrize("blank", [(), ("",)])
def test_a_lettered_item_under_a_heading_starts_its_own_paragraph(blank):
    """ "2. Về xã hội" then "a) Tỷ lệ …" (Word's paragraphs, or text with blank lines): the heading has no full stop
    and the item starts with a lower-case letter, yet it is an item of its own, with its own citation id."""
    lines = ("2. Về xã hội", *blank, "a) Tỷ lệ tham gia bảo hiểm y tế đạt trên 95%.", "b. Kết nạp 25 đảng viên.")
    assert paragraphs.join_lines(lines) == [lines[0], *lines[-2:]]


def test_numbers_word_adds_by_itself_are_read_as_typed(tmp_path):
    """Word keeps an automatic number out of the paragraph's text; the reader puts it back ("1.", "2.")."""
    document = docx.Document()
    for text in ("KẾ HOẠCH", "Thử nghiệm nhiệm kỳ 2025 - 2030", "I. MỤC TIÊU"):
        document.add_paragraph(text)
    document.add_paragraph("Mục tiêu tổng quát", style="List Number")
    document.add_paragraph("Phấn đấu đến năm 2030 có 03 trường đạt chuẩn quốc gia.")
    document.add_paragraph("Chỉ tiêu chủ yếu", style="List Number")
    document.add_paragraph("Giữ vững danh hiệu xã nông thôn mới.", style="List Bullet")
    path = tmp_path / "ke-hoach.docx"
    document.save(str(path))
    found = paragraphs.join_lines(source.read(path).lines)
    assert found[3:] == [
        "1. Mục tiêu tổng quát",
        "Phấn đấu đến năm 2030 có 03 trường đạt chuẩn quốc gia.",
        "2. Chỉ tiêu chủ yếu",
        "- Giữ vững danh hiệu xã nông thôn mới.",
    ]
