"""The document's own fields: header (issuer, number, place and date), kind, title, basis, preamble, closing,
recipients and signature; and the commune and province it names. Nothing the text lacks is filled in."""

from __future__ import annotations

import datetime as dt

import pytest
from support import docx_plan
from support.paths import FIXTURES

from macros.errors import DataError
from macros.importer import document, names, paragraphs, plan_file, run, source

REAL = FIXTURES / "ke-hoach-that"


def parsed(path):
    raw = source.read(path)
    found = paragraphs.join_lines(raw.lines, raw.hard_wrapped)
    return document.parse(raw.name, found), "\n".join(found)


def test_header_of_a_commune_plan():
    plan, text = parsed(REAL / "cat-van-2019.txt")
    fields = plan_file.document_fields(plan)
    assert fields["so_hieu"] == "14/KH-UBND" and fields["ngay_ban_hanh"] == dt.date(2019, 2, 12)
    assert fields["co_quan_ban_hanh"] == "Ủy ban nhân dân xã Cát Vân"
    assert (fields["loai"], fields["trich_yeu"]) == ("KẾ HOẠCH", "Giảm nghèo năm 2019")
    assert fields["can_cu"].count("\n") == 6 and fields["can_cu"].startswith("Căn cứ quyết định số: 289-QĐ/TU")
    assert fields["loi_dan"].endswith("với các nội dung cụ thể sau:")
    assert fields["giai_doan"] == {"tu": 2019, "den": 2019}  # "năm 2019" of its title; 2016 – 2020 is a programme's
    assert plan_file.commune_names(plan, text) == ("Cát Vân", "Thanh Hóa")


def test_a_number_left_blank_is_no_number():
    plan, _ = parsed(REAL / "dan-luc-2021.txt")
    fields = plan_file.document_fields(plan)
    assert fields["so_hieu"] is None and fields["ngay_ban_hanh"] == dt.date(2021, 2, 18)
    assert fields["co_quan_ban_hanh"] == "Ủy ban nhân dân xã Dân Lực"


def test_a_title_over_several_lines_and_a_preamble_without_basis():
    plan, text = parsed(REAL / "dong-quang-2020.txt")
    assert plan.kind == "KẾ HOẠCH HÀNH ĐỘNG"
    assert plan.title.endswith("nhiệm kỳ 2020 - 2025 về nhiệm vụ phát triển kinh tế, văn hóa - xã hội, đảm bảo "
                               "Quốc phòng - An ninh")  # fmt: skip
    assert plan.basis == [] and plan.preamble.startswith("Ngày 19/3/2020")
    assert (plan.closing, plan.recipients, plan.signature) == (None, [], {})
    assert plan_file.commune_names(plan, text) == ("Đông Quang", None)


@pytest.mark.parametrize("name", ["cat-van-2019", "dong-quang-2020", "dan-luc-2021"])
def test_a_word_file_with_its_header_in_a_table_reads_as_the_text_does(tmp_path, name):
    raw = source.read(REAL / f"{name}.txt")
    word = docx_plan.write(tmp_path / f"{name}.docx", paragraphs.join_lines(raw.lines, raw.hard_wrapped))
    assert (
        run.read_plan(word, province="Thanh Hóa").plan == run.read_plan(REAL / f"{name}.txt", province="Thanh Hóa").plan
    )


def test_signature_and_recipients_in_either_order():
    lines = ["KẾ HOẠCH", "Thử", "I. MỤC TIÊU", "Một đoạn.", "Trên đây là Kế hoạch./.", "KT. CHỦ TỊCH",
             "PHÓ CHỦ TỊCH", "(Đã ký)", "Nguyễn Văn A", "Nơi nhận:", "- UBND huyện;", "- Lưu: VT."]  # fmt: skip
    plan = document.parse("x.txt", lines)
    assert plan.closing == "Trên đây là Kế hoạch./."
    assert plan.signature == {"the_thuc": "KT. CHỦ TỊCH", "chuc_vu": "PHÓ CHỦ TỊCH", "nguoi_ky": "Nguyễn Văn A"}
    assert plan.recipients == ["UBND huyện;", "Lưu: VT."]


def test_a_plan_signed_by_the_head_has_no_form_line():
    plan = document.parse("x.txt", ["KẾ HOẠCH", "Thử", "I. MỤC TIÊU", "Nơi nhận:", "- Lưu.", "CHỦ TỊCH", "Lê Văn B"])
    assert plan.signature == {"chuc_vu": "CHỦ TỊCH", "nguoi_ky": "Lê Văn B"}


def test_no_kind_or_no_numbered_unit_is_refused():
    with pytest.raises(DataError) as error:
        document.parse("x.txt", ["Một đoạn văn.", "I. MỤC TIÊU"])
    assert "KẾ HOẠCH" in error.value.problems[0].message
    with pytest.raises(DataError) as error:
        document.parse("x.txt", ["KẾ HOẠCH", "Thử", "Một đoạn văn."])
    assert "đánh số" in error.value.problems[0].message


@pytest.mark.parametrize(
    ("caps", "written"),
    [
        ("ỦY BAN NHÂN DÂN XÃ CÁT VÂN", "Ủy ban nhân dân xã Cát Vân"),
        ("UBND HUYỆN NHƯ XUÂN UBND XÃ CÁT VÂN", "UBND xã Cát Vân"),
        ("ĐẢNG BỘ TỈNH AN GIANG ĐẢNG ỦY XÃ VĨNH PHONG", "Đảng ủy xã Vĩnh Phong"),
    ],
)
def test_the_issuer_in_capitals_reads_as_written_in_running_text(caps, written):
    assert names.caps_to_text(caps) == written


def test_the_commune_from_the_title_or_the_preamble_and_the_province_the_text_names_most():
    assert names.commune("", "Triển khai … trên địa bàn xã Vĩnh Phong", "") == "Vĩnh Phong"
    assert names.commune("", "Giảm nghèo năm 2019", "Ủy ban nhân dân xã Cát Vân xây dựng") == "Cát Vân"
    assert names.province("", "của UBND tỉnh An Giang; tỉnh An Giang; Đảng bộ tỉnh và") == "An Giang"
    assert names.province("ỦY BAN NHÂN DÂN TỈNH NGHỆ AN", "") == "Nghệ An"
