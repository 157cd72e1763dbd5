"""Each kind of staff mistake is caught, with the exact Vietnamese message, file and line."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys

import pytest
from support.data import copy_data, messages, patch, replaced_by
from support.paths import BAD, ROOT

from macros.vocabulary import kinds

TODAY = dt.date(2026, 11, 29)

# (bad fixture in tests/fixtures/hong/, the exact message expected)
FIXTURE_CASES = [
    (
        "ngay-khong-co-that.yml",
        'data/cap-nhat/2026.yml:6: ngay: "2026-02-30" không phải là ngày hợp lệ '
        "— viết ngày theo dạng NĂM-THÁNG-NGÀY, ví dụ 2026-12-31",
    ),
    (
        "theo-ap-rong.yml",
        "data/cap-nhat/2026.yml:6: theo_ap: chỉ tiêu này tính theo từng ấp — thêm theo_ap với số của từng ấp",
    ),
    (
        "theo-ap-chi-tieu-chung.yml",
        "data/cap-nhat/2026.yml:6: theo_ap: chỉ tiêu này không tính theo từng ấp, nên số của từng ấp không được dùng "
        "— xoá theo_ap và các dòng số của từng ấp; ghi một số chung cho cả xã ở gia_tri",
    ),
    (
        "gia-tri-chi-tieu-theo-ap.yml",
        "data/cap-nhat/2026.yml:5: gia_tri: chỉ tiêu này tính theo từng ấp, nên chỉ số của từng ấp được dùng; số chung "
        "của cả xã thì không — xoá dòng gia_tri",
    ),
    (
        "so-vo-cuc.yml",
        'data/cap-nhat/2026.yml:5: gia_tri: phải là một số cụ thể, nhận được ".inf" '
        "— viết bằng chữ số, dùng dấu chấm thập phân, ví dụ 93.5; chưa có số liệu thì để trống",
    ),
    (
        "ngay-sau-ky.yml",
        "data/cap-nhat/2026.yml:6: ngay: ngày số liệu 30/09/2026 sau khi kỳ Quý 1/2026 đã kết thúc (31/03/2026) "
        "— ghi ngày mà số liệu được tính đến, trong kỳ báo cáo",
    ),
    (
        "ky-tu-dieu-khien.yml",
        "data/cap-nhat/2026.yml:7: nguon: có ký tự điều khiển không in được "
        "— gõ lại đoạn văn bản này thay vì dán từ tệp khác",
    ),
    (
        "danh-sach-o-tham-chieu.yml",
        "data/cap-nhat/2026.yml:3: chi_tieu: mã \"['bao-hiem-y-te']\" không hợp lệ "
        "— chỉ dùng chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ bao-hiem-y-te",
    ),
    (
        "cu-phap.yml",
        "data/cap-nhat/2026.yml:5: cú pháp YAML: tệp không đọc được: "
        "dòng này thụt lề 5 dấu cách, lệch với dòng 4 (4 dấu cách) — thụt lề dòng này bằng 4 dấu cách, "
        "thẳng cột với dòng 4",
    ),
    (
        "khoa-trung.yml",
        "data/cap-nhat/2026.yml:6: gia_tri: trường này xuất hiện hai lần trong cùng một mục "
        "(lần đầu ở dòng 5) — mỗi trường chỉ ghi một lần: nếu hai dòng thuộc hai mục khác nhau "
        "thì thêm dấu gạch ngang mở đầu mục sau; nếu cùng một mục thì gộp thành một dòng mang giá trị đúng",
    ),
    (
        "truong-sai-chinh-ta.yml",
        "data/cap-nhat/2026.yml:5: gia_tr: trường này không có trong mẫu Báo cáo tiến độ "
        '— có phải bạn muốn viết "gia_tri"?',
    ),
    (
        "thieu-truong.yml",
        "data/cap-nhat/2026.yml:3: nguon: thiếu trường bắt buộc (Nguồn, minh chứng) — thêm dòng nguon: …",
    ),
    (
        "so-bang-chu.yml",
        'data/cap-nhat/2026.yml:5: gia_tri: phải là một số, nhận được "chín mươi mốt" '
        "— viết bằng chữ số, dùng dấu chấm thập phân, ví dụ 93.5",
    ),
    (
        "so-dau-phay.yml",
        'data/cap-nhat/2026.yml:5: gia_tri: phải là một số, nhận được "91,5" '
        "— viết bằng chữ số, dùng dấu chấm thập phân, ví dụ 93.5",
    ),
    (
        "ngay-sai.yml",
        'data/cap-nhat/2026.yml:6: ngay: "30/09/2026" không phải là ngày hợp lệ '
        "— viết ngày theo dạng NĂM-THÁNG-NGÀY, ví dụ 2026-12-31",
    ),
    (
        "yes-no.yml",
        'data/cap-nhat/2026.yml:5: gia_tri: "no" không phải là true/false '
        "— viết true (đúng, đã đạt) hoặc false (chưa đạt), không có ngoặc kép",
    ),
    (
        "bool-thanh-chu.yml",
        "data/cap-nhat/2026.yml:7: nguon: đây là giá trị đúng/sai chứ không phải văn bản "
        '— đặt văn bản trong ngoặc kép, ví dụ "true"',
    ),
    (
        "bao-cao-tuong-lai.yml",
        "data/cap-nhat/2026.yml:4: ky: kỳ 2027-Q1 chưa bắt đầu (hôm nay là 29/11/2026) "
        "— chỉ báo cáo cho kỳ đã bắt đầu; kiểm tra lại năm và tháng",
    ),
    (
        "bao-cao-truoc-ke-hoach.yml",
        "data/cap-nhat/2026.yml:4: ky: kỳ 2024-Q4 nằm ngoài giai đoạn kế hoạch "
        "2026–2030 và năm gốc 2025 — kiểm tra lại năm của kỳ báo cáo",
    ),
    (
        "ty-le-qua-100.yml",
        "data/cap-nhat/2026.yml:5: gia_tri: tỷ lệ 105% lớn hơn 100% — kiểm tra lại số, tỷ lệ tối đa là 100",
    ),
    ("so-am.yml", "data/cap-nhat/2026.yml:5: gia_tri: giá trị -1 là số âm — số lượng và tỷ lệ không thể âm"),
    (
        "tham-chieu-sai.yml",
        'data/cap-nhat/2026.yml:3: chi_tieu: không có chỉ tiêu nào mang mã "bao-hiem-xa-hoi" '
        "— kiểm tra lại chính tả, hoặc thêm chỉ tiêu đó trước",
    ),
    (
        "tham-chieu-sai.yml",
        'data/cap-nhat/2026.yml:8: don_vi_bao_cao: không có đơn vị nào mang mã "phong-van-hoa" '
        "— kiểm tra lại chính tả, hoặc thêm đơn vị đó trước",
    ),
    (
        "bao-cao-trung-ky.yml",
        "data/cap-nhat/2026.yml:10: ky: chỉ tiêu bao-hiem-y-te đã có báo cáo kỳ 2026-Q3 "
        "(data/cap-nhat/2026.yml:3) — nếu đây là số sửa lại, sửa thẳng vào báo cáo cũ, hoặc ghi ghi_chu bắt đầu "
        'bằng "Sửa:" và lý do (ví dụ ghi_chu: "Sửa: số quý 3 tính nhầm"); nếu không, gộp hai báo cáo làm một hoặc '
        "sửa lại kỳ",
    ),
    (
        "ky-sai-dang.yml",
        'data/cap-nhat/2026.yml:4: ky: kỳ báo cáo "quý 3/2026" không đúng dạng '
        "— viết tháng NĂM-TT (ví dụ 2026-11), quý NĂM-Q1 đến NĂM-Q4, năm NĂM (ví dụ 2026) "
        "hoặc đánh giá giữa nhiệm kỳ NĂM-GK",
    ),
]


@pytest.mark.parametrize(
    ("fixture", "expected"), FIXTURE_CASES, ids=[f"{c[0]}:{i}" for i, c in enumerate(FIXTURE_CASES)]
)
def test_bad_fixture_is_reported_exactly(tmp_path, fixture, expected):
    data = copy_data(tmp_path)
    shutil.copy(BAD / fixture, data / replaced_by(fixture))
    assert expected in messages(data, TODAY)


BOM_TARGET = "  - id: bao-hiem-y-te\n    muc: iii-3-3\n"
# (data file, text to replace, replacement, exact message) — patches on the real files, so they never go stale silently
PATCH_CASES = [
    (
        "chi-tieu.yml",
        '    don_vi: "%"\n    han: 2030\n    co_so: null',
        '    don_vi: "%"\n    han: 2030\n    co_so: 80',
        "nam_co_so: có giá trị gốc nhưng thiếu năm của giá trị gốc — thêm dòng nam_co_so: <năm>",
    ),
    (
        "chi-tieu.yml",
        '    gia_tri: 100\n    gia_tri_tu: null\n    gia_tri_den: null\n    don_vi: "%"',
        '    gia_tri: 120\n    gia_tri_tu: null\n    gia_tri_den: null\n    don_vi: "%"',
        "gia_tri: tỷ lệ 120% lớn hơn 100% — kiểm tra lại số, tỷ lệ tối đa là 100",
    ),
    (
        "chi-tieu.yml",
        "    gia_tri: 5\n",
        "    gia_tri: -5\n",
        "gia_tri: giá trị -5 là số âm — số lượng và tỷ lệ không thể âm",
    ),
    (
        "chi-tieu.yml",
        "    gia_tri: 5\n",
        "    gia_tri: năm\n",
        'gia_tri: phải là một số, nhận được "năm" — viết bằng chữ số, dùng dấu chấm thập phân, ví dụ 93.5',
    ),
    (
        "chi-tieu.yml",
        "    han: 2030\n",
        "    han: 2031\n",
        "han: năm 2031 nằm ngoài nhiệm kỳ 2025–2030 — chọn một năm từ 2025 đến 2030",
    ),
    (
        "chi-tieu.yml",
        "  - id: san-pham-ocop-3-sao\n",
        "  - id: duy-tri-nong-thon-moi\n",
        'id: mã đã dùng "duy-tri-nong-thon-moi" bị trùng — mỗi mã chỉ dùng một lần; đặt mã khác cho mục mới',
    ),
    (
        "chi-tieu.yml",
        "    muc: iii-3-3\n",
        "    muc: iii-9\n",
        'muc: không có mục kế hoạch nào mang mã "iii-9" — kiểm tra lại chính tả, hoặc thêm mục kế hoạch đó trước',
    ),
    (
        "chi-tieu.yml",
        "    theo_ap: false\n    ghi_chu: null\n",
        "    theo_ap: no\n    ghi_chu: null\n",
        'theo_ap: "no" không phải là true/false — viết true (đúng, đã đạt) hoặc false (chưa đạt), không có ngoặc kép',
    ),
    (
        "chi-tieu.yml",
        '    nguyen_van: "Phân đấu tỷ lệ dân số tham gia bảo hiểm y tế đạt 100% đến năm 2030"',
        '    nguyen_van: "Phấn đấu tỷ lệ dân số tham gia bảo hiểm y tế đạt 100% đến năm 2030"',
        "nguyen_van: câu trích không có nguyên văn trong đoạn kế hoạch đã ghi ở trường doan "
        "— chép đúng từng chữ, từng dấu từ văn bản gốc",
    ),
    (
        "chi-tieu.yml",
        BOM_TARGET,
        BOM_TARGET + '    don_vi_tinh: "%"\n',
        'don_vi_tinh: trường này không có trong mẫu Chỉ tiêu — có phải bạn muốn viết "don_vi"?',
    ),
    (
        "chi-tieu.yml",
        "    loai: tich-luy\n",
        "    loai: tich-luy-nam\n",
        'loai: giá trị "tich-luy-nam" không được dùng — chọn một trong: ' + ", ".join(kinds.CODES),
    ),
    (
        "nhiem-vu.yml",
        "    chi_tieu: [san-pham-ocop-3-sao, giu-vung-dien-tich-rau-mau]",
        "    chi_tieu: [san-pham-ocop, giu-vung-dien-tich-rau-mau]",
        'chi_tieu: không có chỉ tiêu nào mang mã "san-pham-ocop" — kiểm tra lại chính tả, hoặc thêm chỉ tiêu đó trước',
    ),
    (
        "chi-tieu.yml",
        "  - id: bao-hiem-y-te\n",
        "  - id: bao-hiem-y-te-toan-dan\n",
        'id: mã "chi-tieu/bao-hiem-y-te" đã công bố nhưng không còn trong dữ liệu '
        "— khôi phục mục đó, hoặc thêm chuyen_huong từ mã cũ sang mã mới",
    ),
]


@pytest.mark.parametrize(("file", "old", "new", "expected"), PATCH_CASES, ids=[c[3][:40] for c in PATCH_CASES])
def test_bad_edit_is_reported_exactly(tmp_path, file, old, new, expected):
    data = copy_data(tmp_path)
    patch(data, file, old, new)
    found = messages(data, TODAY)
    assert any(message.startswith("data/") and message.endswith(expected) for message in found), found


def test_messages_carry_the_right_line(tmp_path):
    data = copy_data(tmp_path)
    patch(
        data,
        "chi-tieu.yml",
        '    gia_tri: 100\n    gia_tri_tu: null\n    gia_tri_den: null\n    don_vi: "%"',
        '    gia_tri: 120\n    gia_tri_tu: null\n    gia_tri_den: null\n    don_vi: "%"',
    )
    lines = (data / "chi-tieu.yml").read_text(encoding="utf-8").splitlines()
    expected_line = lines.index("    gia_tri: 120") + 1
    assert any(m.startswith(f"data/chi-tieu.yml:{expected_line}: gia_tri:") for m in messages(data, TODAY))


def test_renamed_id_with_redirect_is_accepted(tmp_path):
    data = copy_data(tmp_path)
    patch(data, "chi-tieu.yml", "  - id: bao-hiem-y-te\n", "  - id: bao-hiem-y-te-toan-dan\n")
    patch(data, "nhiem-vu.yml", " bao-hiem-y-te]", " bao-hiem-y-te-toan-dan]")
    patch(
        data,
        "id-da-cong-bo.yml",
        "chuyen_huong:\n",
        "chuyen_huong:\n  chi-tieu/bao-hiem-y-te: chi-tieu/bao-hiem-y-te-toan-dan\n",
    )
    patch(data, "id-da-cong-bo.yml", "id:\n", "id:\n  - chi-tieu/bao-hiem-y-te-toan-dan\n")
    assert messages(data, TODAY) == []


def test_every_problem_is_reported_in_one_run(tmp_path):
    data = copy_data(tmp_path)
    shutil.copy(BAD / "tham-chieu-sai.yml", data / "cap-nhat" / "2026.yml")
    patch(data, "chi-tieu.yml", "    han: 2030\n", "    han: 2031\n")
    found = messages(data, TODAY)
    assert any("bao-hiem-xa-hoi" in m for m in found)
    assert any("phong-van-hoa" in m for m in found)
    assert any("năm 2031" in m for m in found)


def test_rules_across_records_still_run_when_a_record_is_malformed(tmp_path):
    """A malformed record is left out of the rules across records; the others are still checked against each other."""
    data = copy_data(tmp_path)
    shutil.copy(BAD / "danh-sach-o-tham-chieu.yml", data / "cap-nhat" / "2026.yml")  # chi_tieu: [list] (unhashable)
    patch(data, "chi-tieu.yml", "    loai: tich-luy\n    gia_tri: 100\n", "    loai: tich-luy-nam\n    gia_tri: 100\n")
    patch(
        data,
        "nhiem-vu.yml",
        "chu_tri: ",
        "chu_tri: phong-khong-co-that # ",
    )
    found = messages(data, TODAY)
    assert any('loai: giá trị "tich-luy-nam" không được dùng' in m for m in found)
    assert any("chi_tieu: mã \"['bao-hiem-y-te']\" không hợp lệ" in m for m in found)
    assert any('chu_tri: không có đơn vị nào mang mã "phong-khong-co-that"' in m for m in found)


def test_rules_across_records_still_run_when_a_file_cannot_be_read(tmp_path):
    """A file that cannot be read is reported once; references into it are not blamed, the rest is still checked."""
    data = copy_data(tmp_path)
    (data / "ap.yml").write_text("ap:\n  - id: vinh-thanh\n    ten: [ấp Vĩnh Thạnh\n", encoding="utf-8")
    patch(data, "nhiem-vu.yml", "chu_tri: ", "chu_tri: phong-khong-co-that # ")
    found = messages(data, TODAY)
    assert [m for m in found if m.startswith("data/ap.yml")] and not [m for m in found if "ấp nào" in m]
    assert any('chu_tri: không có đơn vị nào mang mã "phong-khong-co-that"' in m for m in found)
    assert not any("id-da-cong-bo.yml" in m for m in found)


@pytest.mark.data_change
def test_the_real_data_passes():
    assert messages(ROOT / "data", TODAY) == []


def run(command, **env):
    import os

    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env={**os.environ, **env})


def test_check_command_fails_with_the_message(tmp_path):
    data = copy_data(tmp_path)
    shutil.copy(BAD / "so-bang-chu.yml", data / "cap-nhat" / "2026.yml")
    summary = tmp_path / "summary.md"
    result = run([sys.executable, "scripts/check.py", "--data", str(data), "--summary", str(summary)])
    assert result.returncode == 1
    assert "data/cap-nhat/2026.yml:5: gia_tri: phải là một số" in result.stdout
    assert "Trang web chưa được cập nhật" in result.stderr
    assert "`data/cap-nhat/2026.yml` dòng 5, trường `gia_tri`" in summary.read_text(encoding="utf-8")


def test_build_fails_on_bad_data_and_publishes_nothing(tmp_path):
    data = copy_data(tmp_path)
    shutil.copy(BAD / "so-bang-chu.yml", data / "cap-nhat" / "2026.yml")
    out = tmp_path / "site"
    result = run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)],
        DATA_DIR=str(data),
        NO_MKDOCS_2_WARNING="1",
    )
    assert result.returncode != 0
    assert "data/cap-nhat/2026.yml:5: gia_tri: phải là một số" in result.stdout + result.stderr
    assert not (out / "index.html").exists()
