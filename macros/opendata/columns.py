"""The open data files and their columns, defined once.

Used by the CSV/JSON export, by datapackage.json and by the page "Dữ liệu mở".

Types are Table Schema types (https://specs.frictionlessdata.io/table-schema/). A CSV cell is text, so a list is
written as values joined by ";" and a map as "key=value" pairs; the JSON file keeps the real list or object.
"""

from __future__ import annotations

from dataclasses import dataclass

from macros.data.spec import COMPARISONS, IN_YEAR_MEASURES, TARGET_KINDS
from macros.domain import status


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # Table Schema type of the CSV cell
    title: str
    description: str
    json_type: str = ""  # when the JSON value has another type (a list is "array", a map is "object")
    choices: tuple[str, ...] = ()
    required: bool = False

    @property
    def json(self) -> str:
        return self.json_type or self.type


@dataclass(frozen=True)
class Dataset:
    """One table published twice, as du-lieu/<name>.csv and du-lieu/<name>.json."""

    name: str
    title: str
    description: str
    columns: tuple[Column, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(column.name for column in self.columns)


LIST = "Nhiều giá trị: trong tệp CSV nối bằng dấu chấm phẩy (;), trong tệp JSON là một danh sách."
AGENCY = "Mã đơn vị (xem trang Cơ quan, đơn vị); để trống khi Kế hoạch không nêu."

TARGETS = Dataset(
    "chi-tieu",
    "Các chỉ tiêu",
    "Mỗi dòng là một chỉ tiêu đo được của Kế hoạch, kèm số mới nhất và trạng thái tính ngày dựng trang.",
    (
        Column("id", "string", "Mã chỉ tiêu", "Mã cố định, cũng là địa chỉ trang /chi-tieu/<mã>/.", required=True),
        Column(
            "muc", "string", "Mục của Kế hoạch", "Mã mục chứa chỉ tiêu, ví dụ iii-3-3 là mục III.3.3.", required=True
        ),
        Column("ten", "string", "Tên ngắn", "Tên dễ hiểu của chỉ tiêu.", required=True),
        Column("nguyen_van", "string", "Nguyên văn", "Câu chữ của Kế hoạch, trích nguyên văn.", required=True),
        Column(
            "loai",
            "string",
            "Loại chỉ tiêu",
            "tich-luy: đạt mức vào hạn; ty-le-hang-nam: tỷ lệ xét từng năm; dat-chuan: đạt/chưa đạt; "
            "khoang: một khoảng, xét theo cận dưới; moc: việc phải xong trước một mốc.",
            choices=TARGET_KINDS,
            required=True,
        ),
        Column(
            "gia_tri", "number", "Giá trị mục tiêu", "Số cần đạt; để trống với chỉ tiêu đạt/chưa đạt và dạng khoảng."
        ),
        Column("gia_tri_tu", "number", "Cận dưới", "Với chỉ tiêu dạng khoảng: số nhỏ nhất."),
        Column("gia_tri_den", "number", "Cận trên", "Với chỉ tiêu dạng khoảng: số lớn nhất; trống nghĩa là “trở lên”."),
        Column("don_vi", "string", "Đơn vị tính", "Ví dụ %, sản phẩm."),
        Column(
            "so_sanh",
            "string",
            "Cách so với mục tiêu",
            ">=: đạt khi bằng hoặc hơn mục tiêu (Kế hoạch viết “đạt”, “trở lên”, “ít nhất”, “từ”); "
            ">: chỉ đạt khi hơn mục tiêu (Kế hoạch viết “vượt”, “trên”); trống với chỉ tiêu đạt/chưa đạt.",
            choices=COMPARISONS,
        ),
        Column(
            "trong_nam",
            "string",
            "Số trong năm",
            "Với chỉ tiêu xét hằng năm có số: cong-don khi số cộng dồn trong năm (báo cáo giữa năm được so với phần "
            "năm đã qua), ty-le khi là tỷ lệ so thẳng với mục tiêu.",
            choices=IN_YEAR_MEASURES,
        ),
        Column(
            "gia_tri_theo_ke_hoach",
            "boolean",
            "Mức cần đạt do Kế hoạch nêu",
            "true khi Kế hoạch nêu rõ mức cần đạt; false khi trang suy ra (lý do ở cột ghi_chu).",
            required=True,
        ),
        Column(
            "han",
            "string",
            "Thời hạn",
            "Năm phải đạt, hoặc hang-nam với chỉ tiêu xét từng năm (trong JSON: số năm hoặc chữ hang-nam).",
            json_type="any",
            required=True,
        ),
        Column(
            "han_theo_ke_hoach",
            "boolean",
            "Thời hạn do Kế hoạch nêu",
            "true khi Kế hoạch nêu rõ thời hạn; false khi trang suy ra (lý do ở cột ghi_chu).",
            required=True,
        ),
        Column("co_so", "number", "Giá trị gốc", "Số liệu đầu kỳ; để trống khi Kế hoạch không nêu."),
        Column("nam_co_so", "integer", "Năm gốc", "Năm của giá trị gốc."),
        Column("chu_tri", "string", "Đơn vị chủ trì", AGENCY),
        Column("phoi_hop", "string", "Đơn vị phối hợp", "Mã các đơn vị phối hợp. " + LIST, json_type="array"),
        Column("theo_ap", "boolean", "Tính theo từng ấp", "true khi Kế hoạch đặt chỉ tiêu cho mỗi ấp."),
        Column(
            "ghi_chu",
            "string",
            "Ghi chú",
            "Cách hiểu câu chữ của Kế hoạch, và lý do của mọi thời hạn hay mức cần đạt do trang suy ra.",
        ),
        Column(
            "gia_tri_moi_nhat",
            "any",
            "Số mới nhất",
            "Số của báo cáo mới nhất (chỉ tiêu theo ấp: số của ấp thấp nhất); true/false với chỉ tiêu đạt/chưa đạt; "
            "để trống khi chưa có báo cáo.",
        ),
        Column("ngay_so_lieu", "date", "Ngày số liệu", "Số mới nhất tính đến ngày này (NĂM-THÁNG-NGÀY)."),
        Column(
            "trang_thai",
            "string",
            "Trạng thái",
            "Tính theo trang Cách tính tiến độ: "
            + "; ".join(f"{key}: {label}" for key, label in status.LABELS.items()),
            choices=status.ORDER,
            required=True,
        ),
    ),
)

TASKS = Dataset(
    "nhiem-vu",
    "Các nhiệm vụ (06 rõ)",
    "Mỗi dòng là một nhiệm vụ của Kế hoạch, phân công theo phương châm “06 rõ”; ô trống là điều Kế hoạch không nêu.",
    (
        Column("id", "string", "Mã nhiệm vụ", "Mã cố định.", required=True),
        Column(
            "doan",
            "string",
            "Đoạn của Kế hoạch",
            "Mã đoạn giao nhiệm vụ; trang /muc/<mã>/ dẫn tới đoạn đó.",
            required=True,
        ),
        Column("muc", "string", "Mục của Kế hoạch", "Mã mục chứa đoạn đó.", required=True),
        Column("ro_viec", "string", "Rõ việc", "Việc phải làm, viết ngắn gọn.", required=True),
        Column("chu_tri", "string", "Rõ cơ quan chủ trì", AGENCY),
        Column("phoi_hop", "string", "Rõ cơ quan phối hợp", "Mã các đơn vị phối hợp. " + LIST, json_type="array"),
        Column(
            "de_nghi",
            "string",
            "Cơ quan được đề nghị",
            "Khi Kế hoạch đề nghị (không giao) một cơ quan làm việc này: mã các cơ quan được đề nghị. " + LIST,
            json_type="array",
        ),
        Column("bien_phap", "string", "Rõ biện pháp, nguồn lực", "Trích nguyên văn Kế hoạch."),
        Column("thoi_gian", "string", "Rõ thời gian", "Trích nguyên văn Kế hoạch."),
        Column("tham_quyen", "string", "Rõ thẩm quyền, trách nhiệm", "Trích nguyên văn Kế hoạch."),
        Column("san_pham", "string", "Rõ sản phẩm", "Trích nguyên văn Kế hoạch."),
        Column(
            "chi_tieu", "string", "Chỉ tiêu liên quan", "Mã các chỉ tiêu nằm trong đoạn này. " + LIST, json_type="array"
        ),
    ),
)

REPORTS = Dataset(
    "cap-nhat",
    "Các báo cáo tiến độ",
    "Mỗi dòng là số liệu một đơn vị báo cáo cho một chỉ tiêu trong một kỳ, kèm nguồn để đối chiếu.",
    (
        Column("chi_tieu", "string", "Chỉ tiêu", "Mã chỉ tiêu được báo cáo.", required=True),
        Column(
            "ky",
            "string",
            "Kỳ báo cáo",
            "Tháng (2026-11), quý (2026-Q4), năm (2026) hoặc đánh giá giữa nhiệm kỳ (2028-GK).",
            required=True,
        ),
        Column(
            "gia_tri",
            "any",
            "Giá trị",
            "Số đạt được, hoặc true/false với chỉ tiêu đạt/chưa đạt; trống với chỉ tiêu theo ấp.",
        ),
        Column(
            "theo_ap",
            "string",
            "Giá trị theo ấp",
            "Với chỉ tiêu tính theo từng ấp: trong CSV là các cặp mã-ấp=số nối bằng dấu chấm phẩy; "
            "trong JSON là một đối tượng.",
            json_type="object",
        ),
        Column("ngay", "date", "Ngày số liệu", "Số liệu tính đến ngày này (NĂM-THÁNG-NGÀY).", required=True),
        Column("nguon", "string", "Nguồn, minh chứng", "Số hiệu văn bản báo cáo hoặc đường liên kết.", required=True),
        Column("don_vi_bao_cao", "string", "Đơn vị báo cáo", "Mã đơn vị gửi báo cáo.", required=True),
        Column("ghi_chu", "string", "Ghi chú", "Giải thích ngắn của đơn vị báo cáo."),
    ),
)

DATASETS = (TARGETS, TASKS, REPORTS)
