"""Target sentences give the right kind, value, comparison and deadline; orientation and the README's exclusions
give nothing. Some sentences are from real resolutions of other communes (sources in comments)."""

from __future__ import annotations

import pytest

from macros.importer import suggestions
from macros.vocabulary.periods import Span

SPAN = Span(2026, 2030)

# baothanhhoa.vn, Nghị quyết Đại hội Đảng bộ xã Vĩnh Lộc (Thanh Hóa) 2025-2030; kbang.gialai.gov.vn, xã Sơn Lang
# and Lơ Ku (Gia Lai) 2020-2025 and 2021-2025; the rest in the words plans use.
SENTENCES = [
    ("Phấn đấu thu nhập bình quân đầu người đến năm 2030 đạt 86,4 triệu đồng.",
     [("tich-luy", 86.4, "triệu đồng", ">=", 2030, True)]),
    ("Tỷ lệ người dân tham gia bảo hiểm y tế đạt trên 95%.", [("tich-luy", 95, "%", ">", 2030, False)]),
    ("Giải quyết việc làm cho 5.000 người.", [("tich-luy", 5000, "người", ">=", 2030, False)]),
    ("Tỷ lệ hộ nghèo giảm còn 1,26%.", [("tich-luy", 1.26, "%", "<=", 2030, False)]),
    ("Tỷ lệ hộ nghèo đến năm 2030 còn dưới 2,37%.", [("tich-luy", 2.37, "%", "<", 2030, True)]),
    ("Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng không quá 10%.", [("tich-luy", 10, "%", "<=", 2030, False)]),
    ("Phấn đấu tốc độ tăng tổng giá trị sản phẩm trên địa bàn bình quân hàng năm 8%.",
     [("binh-quan-hang-nam", 8, "%", ">=", "hang-nam", True)]),
    ("Tăng trưởng kinh tế bình quân hằng năm 8%.", [("binh-quan-hang-nam", 8, "%", ">=", "hang-nam", True)]),
    ("Tỷ lệ hộ nghèo giảm bình quân 1,41%/năm.", [("binh-quan-hang-nam", 1.41, "%", ">=", "hang-nam", True)]),
    ("Tổng thu ngân sách nhà nước trên địa bàn tăng bình quân 10%/năm.",
     [("binh-quan-hang-nam", 10, "%", ">=", "hang-nam", True)]),
    ("Tốc độ tăng dân số bình quân hằng năm dưới 1%.", [("binh-quan-hang-nam", 1, "%", "<", "hang-nam", True)]),
    ("Phấn đấu điều tra khám phá án hằng năm đạt 75% trở lên, trong đó án rất nghiêm trọng đạt 90%.",
     [("ty-le-hang-nam", 75, "%", ">=", "hang-nam", True), ("ty-le-hang-nam", 90, "%", ">=", "hang-nam", True)]),
    ("Hàng năm kết nạp mới từ 25 đảng viên trở lên.",
     [("so-luong-hang-nam", 25, "đảng viên", ">=", "hang-nam", True)]),
    ("Trồng rừng mới: 30 ha/năm.", [("so-luong-hang-nam", 30, "ha", ">=", "hang-nam", True)]),
    ("Tỷ lệ người dân tham gia bảo hiểm y tế hàng năm: từ 90% trở lên.",
     [("ty-le-hang-nam", 90, "%", ">=", "hang-nam", True)]),
    ("Tuyển chọn, gọi công dân nhập ngũ hàng năm đạt 100% chỉ tiêu.",
     [("ty-le-hang-nam", 100, "% chỉ tiêu", ">=", "hang-nam", True)]),
    ("Thu ngân sách hàng năm đạt và vượt 100% dự toán được giao.",  # reaching it is enough: at least 100%
     [("ty-le-hang-nam", 100, "% dự toán được giao", ">=", "hang-nam", True)]),
    ("Tỷ lệ trẻ em suy dinh dưỡng từ 10% trở xuống.", [("tich-luy", 10, "%", "<=", 2030, False)]),
    ("Tỷ lệ hộ dân dùng nước sạch không dưới 95%.", [("tich-luy", 95, "%", ">=", 2030, False)]),
    ("Tỷ lệ hộ nghèo không cao hơn 3% vào năm 2028.", [("tich-luy", 3, "%", "<=", 2028, True)]),
    ("Giữ vững danh hiệu xã nông thôn mới.", [("dat-chuan", None, None, None, "hang-nam", False)]),
    ("Duy trì xã đạt chuẩn quốc gia về y tế.", [("dat-chuan", None, None, None, "hang-nam", False)]),
    ("Không để xảy ra cháy nổ lớn trên địa bàn.", [("dat-chuan", None, None, None, "hang-nam", False)]),
    ("Phấn đấu đến năm 2030 xã Vĩnh Lộc đạt xã nông thôn mới nâng cao.",
     [("dat-chuan", None, None, None, 2030, True)]),
    ("Phấn đấu đến năm 2027 hoàn thành xây dựng trụ sở làm việc mới.", [("moc", None, None, None, 2027, True)]),
    ("Đến năm 2030 có 03 trường đạt chuẩn quốc gia.", [("tich-luy", 3, "trường", ">=", 2030, True)]),
    ("Phấn đấu tỷ lệ cấp giấy chứng nhận quyền sử dụng đất công đạt 100%; cá nhân đạt 80%.",
     [("tich-luy", 100, "%", ">=", 2030, False), ("tich-luy", 80, "%", ">=", 2030, False)]),
    ("Phấn đấu có từ 01-02 điểm đến được công nhận là điểm du lịch.",
     [("khoang", (1, 2), "điểm đến", ">=", 2030, False)]),
    ("Mỗi ấp có từ 01-02 tổ hợp tác trở lên.", [("khoang", (1, None), "tổ hợp tác", ">=", 2030, False)]),
    ("Hộ nghèo giảm bình quân 4 - 5%/năm.", [("binh-quan-hang-nam", 4, "%", ">=", "hang-nam", True)]),
    ("Thu nhập bình quân đầu người đến năm 2030: 45 triệu đồng/năm.",
     [("tich-luy", 45, "triệu đồng/năm", ">=", 2030, True)]),
    ("Số thôn đạt chuẩn nông thôn mới đến năm 2030: 04/09 thôn.", [("tich-luy", 4, "thôn", ">=", 2030, True)]),
    ("Tỷ lệ hộ nghèo người đồng bào DTTS giảm bình quân/năm: trên 10%.",
     [("binh-quan-hang-nam", 10, "%", ">", "hang-nam", True)]),
    ("Đảng bộ xã hàng năm đạt: hoàn thành tốt nhiệm vụ trở lên.", [("dat-chuan", None, None, None, "hang-nam", True)]),
    ("Thực hiện tốt công tác dân số trong tình hình mới; duy trì mức sinh hợp lý.",
     [("dat-chuan", None, None, None, "hang-nam", False)]),
    ("Thủ trưởng các cơ quan căn cứ kế hoạch này xây dựng kế hoạch cụ thể của cơ quan, đơn vị mình.",
     [("moc", None, None, None, 2030, False)]),
    ("Tổ chức lập dự toán ngân sách, phấn đấu thu vượt dự toán được giao hằng năm.",
     [("ty-le-hang-nam", 100, "% dự toán", ">", "hang-nam", True)]),
]  # fmt: skip

NOTHING = [
    "Tăng cường công tác quản lý nhà nước về đất đai.",
    "Nâng cao chất lượng giáo dục toàn diện, giáo dục mũi nhọn.",
    "Khuyến khích phát triển kinh tế hộ gia đình, kinh tế trang trại.",
    "Quan tâm đầu tư cơ sở vật chất, trang thiết bị y tế.",
    "Đề nghị Ủy ban MTTQ Việt Nam xã vận động hội viên cùng thực hiện các mục tiêu hằng năm.",
    "Tiếp tục thực hiện Quy hoạch sử dụng đất đến năm 2030.",
    "Thực hiện Đề án phát triển dữ liệu dân cư giai đoạn 2022- 2025, tầm nhìn đến năm 2030 (Đề án số 06).",
    "Phấn đấu hoàn thành các chỉ tiêu kinh tế - xã hội đã đề ra đến năm 2030.",
    "Chú trọng khám sức khỏe định kỳ, tiêm chủng mở rộng.",
    "Triển khai đồng bộ 3 chương trình mục tiêu quốc gia về nông thôn mới.",
    "Duy trì mô hình lúa - tôm bền vững; duy trì mở rộng mô hình đào tạo nghề.",
    "Khuyến khích mở rộng quy mô, phát triển các cơ sở chế biến, giữ vững các ngành nghề truyền thống và thủ công.",
    "Chủ động nắm tình hình địa bàn, không để bị động, bất ngờ.",
    "Làm tốt công tác kiểm định chất lượng giáo dục theo kế hoạch đề ra.",
    "Thực hiện Nghị quyết số 68-NQ/TW ngày 04/5/2025 của Bộ Chính trị.",
    "Tập trung kêu gọi đầu tư Khu di tích lịch sử 200 ngày đêm Vàm Chác Bàng.",
    "Sẵn sàng các phương án theo phương châm “4 tại chỗ” và “5 sẵn sàng”.",
    "Đáp ứng yêu cầu cuộc cách mạng công nghiệp 4.0.",
    "Xây dựng ý thức bảo vệ môi trường trở thành nếp sống.",
    "+ Khuyến khích người dân tham gia bảo hiểm xã hội tự nguyện đạt 10%.",  # a sub-item keeps its "+"
    "(1) Đề nghị Ủy ban MTTQ Việt Nam xã vận động đạt 100% hộ tham gia.",
]


def suggested(text: str) -> list[dict]:
    found, _ = suggestions.suggest([("i-1-d1", "i-1", text)], SPAN)
    return found


def summary(item: dict) -> tuple:
    value = item.get("gia_tri") if "gia_tri" in item else (item.get("gia_tri_tu"), item.get("gia_tri_den"))
    if item["loai"] in ("dat-chuan", "moc"):
        value = None
    return item["loai"], value, item.get("don_vi"), item.get("so_sanh"), item["han"], item["han_theo_ke_hoach"]


@pytest.mark.parametrize(("text", "expected"), SENTENCES, ids=[s[0][:40] for s in SENTENCES])
def test_a_commitment_gives_its_kind_value_comparison_and_deadline(text, expected):
    found = suggested(text)
    assert [summary(item) for item in found] == expected
    for item in found:
        assert item["nguyen_van"] in text
        assert item["gia_tri_theo_ke_hoach"] is True
        assert item["han_theo_ke_hoach"] or item["ghi_chu"]  # whatever is inferred says why


@pytest.mark.parametrize("text", NOTHING, ids=[s[:40] for s in NOTHING])
def test_orientation_and_the_readme_exclusions_give_no_suggestion(text):
    assert suggested(text) == []


def test_a_commitment_said_twice_is_suggested_once_where_it_is_said_in_full():
    found, _ = suggestions.suggest(
        [
            ("ii-1-d4", "ii-1", "Bảo đảm quốc phòng, an ninh, giữ vững trật tự an toàn xã hội."),
            ("iii-4-d2", "iii-4", "Giữ vững ổn định an ninh chính trị, trật tự an toàn xã hội."),
            ("iii-3-3-d1", "iii-3-3", "Chủ động phòng, chống dịch, không để dịch bệnh lớn xảy ra."),
            ("iii-3-3-d2", "iii-3-3", "Phát hiện sớm, dập dịch kịp thời, không để dịch bệnh lớn xảy ra."),
        ],
        SPAN,
    )
    assert [(item["doan"], item["nguyen_van"]) for item in found] == [
        ("iii-4-d2", "Giữ vững ổn định an ninh chính trị, trật tự an toàn xã hội"),
        ("iii-3-3-d1", "không để dịch bệnh lớn xảy ra"),
    ]


def test_a_year_outside_the_term_is_left_out_and_counted():
    found, skipped = suggestions.suggest([("i-1", "i-1", "Phấn đấu đến năm 2023 có 05 trường đạt chuẩn.")], SPAN)
    assert (found, skipped) == ([], 1)


def test_each_suggestion_has_a_unique_id_and_a_short_name():
    found = suggested("Phấn đấu tỷ lệ cấp giấy chứng nhận quyền sử dụng đất công đạt 100%; cá nhân đạt 80%.")
    assert len({item["id"] for item in found}) == 2
    assert all(item["ten"][0].isupper() and not item["ten"].lower().startswith("phấn đấu") for item in found)
