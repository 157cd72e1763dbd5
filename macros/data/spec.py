"""What each data file may hold: one description used by the check and by the JSON Schemas.

Field titles and descriptions are Vietnamese because staff read them in their editor.
"""

from __future__ import annotations

from dataclasses import dataclass, field

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
ABBREVIATION_PATTERN = r"^[A-ZĐ0-9]+(-[A-ZĐ0-9]+)*$"
PERIOD_PATTERN = r"^(20[0-9]{2})(-(0[1-9]|1[0-2])|-Q[1-4]|-GK)?$"
FIRST_YEAR, LAST_YEAR = 2025, 2030


@dataclass(frozen=True)
class Field:
    """One field of a record. `kind` names a checker in validate.TYPE_CHECKS."""

    name: str
    kind: str
    title: str
    description: str
    required: bool = False
    choices: tuple = ()
    ref: str = ""  # the collection an id refers to, for kinds "ref" and "refs"
    record: str = ""  # the record spec of items, for kinds "records" and "record"


@dataclass(frozen=True)
class Record:
    name: str
    title: str
    fields: tuple[Field, ...]

    def field(self, name: str) -> Field | None:
        return next((f for f in self.fields if f.name == name), None)


@dataclass(frozen=True)
class FileSpec:
    """A data file: its path pattern, schema file and top-level record."""

    pattern: str
    schema: str
    root: str
    required: bool = True
    notes: tuple[str, ...] = field(default=())


TARGET_KINDS = ("tich-luy", "ty-le-hang-nam", "dat-chuan", "khoang", "moc")
YES_NO_KINDS = ("dat-chuan", "moc")  # reported as true (đạt) or false (chưa đạt), with no number

RECORDS: dict[str, Record] = {}


def _record(name: str, title: str, *fields: Field) -> None:
    RECORDS[name] = Record(name, title, fields)


_record(
    "block",
    "Đoạn văn hoặc gạch đầu dòng",
    Field("doan", "text", "Đoạn văn", "Một đoạn văn của kế hoạch, giữ nguyên văn."),
    Field(
        "gach",
        "text",
        "Gạch đầu dòng",
        "Một ý gạch đầu dòng của kế hoạch, giữ nguyên văn.",
    ),
)
_record(
    "unit",
    "Mục của kế hoạch",
    Field(
        "id",
        "id",
        "Mã trích dẫn",
        "Số mục viết thường, nối bằng gạch ngang, ví dụ iii-2-1. Không bao giờ đổi.",
        True,
    ),
    Field("so", "text", "Số mục", 'Số mục như văn bản gốc, ví dụ "III" hoặc "2.1".', True),
    Field("tieu_de", "text", "Tiêu đề", "Tiêu đề của mục, giữ nguyên văn."),
    Field(
        "van_ban",
        "text",
        "Nội dung ngay sau số mục",
        "Khi mục không có tiêu đề mà là một đoạn văn.",
    ),
    Field(
        "noi_dung",
        "records",
        "Các đoạn và gạch đầu dòng",
        "Theo đúng thứ tự trong văn bản gốc.",
        record="block",
    ),
    Field("muc", "records", "Các mục con", "Các mục con theo thứ tự.", record="unit"),
)
_record(
    "signature",
    "Khối chữ ký",
    Field("the_thuc", "text", "Thể thức", "Ví dụ: TM. ỦY BAN NHÂN DÂN", True),
    Field("chuc_vu", "text", "Chức vụ người ký", "Ví dụ: CHỦ TỊCH", True),
    Field(
        "nguoi_ky",
        "text",
        "Người ký",
        "Họ tên người ký. Để trống nếu văn bản gốc không ghi.",
    ),
)
_record(
    "span",
    "Giai đoạn",
    Field("tu", "year", "Từ năm", "Năm đầu tiên nhận báo cáo.", True),
    Field("den", "year", "Đến năm", "Năm cuối cùng.", True),
)
_record(
    "document",
    "Thông tin văn bản",
    Field("loai", "text", "Loại văn bản", "Ví dụ: KẾ HOẠCH", True),
    Field(
        "trich_yeu",
        "text",
        "Trích yếu",
        "Tên đầy đủ của kế hoạch, giữ nguyên văn.",
        True,
    ),
    Field(
        "so_hieu",
        "text",
        "Số hiệu",
        "Số ký hiệu văn bản. Để trống (null) nếu văn bản gốc không ghi.",
    ),
    Field(
        "ngay_ban_hanh",
        "date",
        "Ngày ban hành",
        "Dạng NĂM-THÁNG-NGÀY. Để trống nếu văn bản gốc không ghi.",
    ),
    Field(
        "co_quan_ban_hanh",
        "text",
        "Cơ quan ban hành",
        "Cơ quan ban hành như văn bản ghi.",
    ),
    Field(
        "giai_doan",
        "record",
        "Giai đoạn kế hoạch",
        "Năm đầu và năm cuối được báo cáo (mục V.1: giai đoạn 2026-2030).",
        True,
        record="span",
    ),
    Field("can_cu", "text", "Căn cứ", "Đoạn căn cứ ở đầu văn bản.", True),
    Field("loi_dan", "text", "Lời dẫn", "Câu dẫn trước mục I.", True),
    Field("ket_luan", "text", "Đoạn kết", "Đoạn kết của văn bản.", True),
    Field("noi_nhan", "texts", "Nơi nhận", "Danh sách nơi nhận, giữ nguyên văn.", True),
    Field(
        "chu_ky",
        "record",
        "Khối chữ ký",
        "Thể thức, chức vụ và người ký.",
        True,
        record="signature",
    ),
)
_record(
    "plan",
    "Tệp kế hoạch",
    Field(
        "van_ban",
        "record",
        "Thông tin văn bản",
        "Thông tin chung của văn bản.",
        True,
        record="document",
    ),
    Field(
        "muc",
        "records",
        "Các phần",
        "Các phần I, II, III, V như văn bản gốc.",
        True,
        record="unit",
    ),
)
_record(
    "agency",
    "Cơ quan, đơn vị",
    Field(
        "id",
        "id",
        "Mã đơn vị",
        "Viết thường, không dấu, nối bằng gạch ngang. Không bao giờ đổi.",
        True,
    ),
    Field("ten", "text", "Tên đơn vị", "Tên như kế hoạch ghi.", True),
    Field(
        "nguon",
        "anchors",
        "Nơi kế hoạch nêu tên",
        "Mã các mục hoặc đoạn có nêu đơn vị này.",
        True,
    ),
    Field("ghi_chu", "text", "Ghi chú", "Ghi chú ngắn cho người đọc."),
)
_record(
    "agencies",
    "Tệp cơ quan, đơn vị",
    Field(
        "co_quan",
        "records",
        "Danh sách cơ quan, đơn vị",
        "Mỗi đơn vị một mục.",
        True,
        record="agency",
    ),
)
_record(
    "target",
    "Chỉ tiêu",
    Field(
        "id",
        "id",
        "Mã chỉ tiêu",
        "Viết thường, không dấu, nối bằng gạch ngang. Không bao giờ đổi.",
        True,
    ),
    Field(
        "muc",
        "ref",
        "Mục của kế hoạch",
        "Mã mục chứa chỉ tiêu, ví dụ iii-3-3.",
        True,
        ref="unit",
    ),
    Field("doan", "anchor", "Đoạn chứa chỉ tiêu", "Mã đoạn, ví dụ iii-3-3-d1.", True),
    Field(
        "nguyen_van",
        "text",
        "Nguyên văn",
        "Trích đúng từng chữ từ đoạn văn của kế hoạch.",
        True,
    ),
    Field("ten", "text", "Tên ngắn", "Tên dễ hiểu cho người dân.", True),
    Field(
        "loai",
        "enum",
        "Loại chỉ tiêu",
        "tich-luy: đạt mức vào hạn; ty-le-hang-nam: tỷ lệ xét từng năm; "
        "dat-chuan: đạt/không đạt; khoang: khoảng như 01-02; moc: việc phải xong trước một mốc.",
        True,
        choices=TARGET_KINDS,
    ),
    Field("gia_tri", "number", "Giá trị mục tiêu", "Số cần đạt (dùng dấu chấm thập phân)."),
    Field("gia_tri_tu", "number", "Cận dưới", "Với chỉ tiêu dạng khoảng: số nhỏ nhất."),
    Field(
        "gia_tri_den",
        "number",
        "Cận trên",
        "Với chỉ tiêu dạng khoảng: số lớn nhất, để trống nếu là 'trở lên'.",
    ),
    Field("don_vi", "text", "Đơn vị tính", 'Ví dụ "%", "sản phẩm".'),
    Field(
        "han",
        "deadline",
        "Thời hạn",
        "Năm phải đạt (2025–2030) hoặc hang-nam nếu xét từng năm.",
        True,
    ),
    Field(
        "co_so",
        "number",
        "Giá trị gốc",
        "Số liệu đầu kỳ. Để trống nếu kế hoạch không nêu.",
    ),
    Field("nam_co_so", "year", "Năm gốc", "Năm của giá trị gốc."),
    Field(
        "chu_tri",
        "ref",
        "Đơn vị chủ trì",
        "Mã đơn vị chủ trì, chỉ khi kế hoạch nêu rõ.",
        ref="agency",
    ),
    Field(
        "phoi_hop",
        "refs",
        "Đơn vị phối hợp",
        "Mã các đơn vị phối hợp, chỉ khi kế hoạch nêu rõ.",
        ref="agency",
    ),
    Field(
        "theo_ap",
        "bool",
        "Tính theo từng ấp",
        "true nếu kế hoạch đặt chỉ tiêu cho mỗi ấp.",
    ),
    Field("ghi_chu", "text", "Ghi chú", "Ghi chú ngắn cho người đọc."),
)
_record(
    "targets",
    "Tệp chỉ tiêu",
    Field(
        "chi_tieu",
        "records",
        "Danh sách chỉ tiêu",
        "Mỗi chỉ tiêu một mục.",
        True,
        record="target",
    ),
)
_record(
    "task",
    "Nhiệm vụ (06 rõ)",
    Field(
        "id",
        "id",
        "Mã nhiệm vụ",
        "nv- và mã đoạn, ví dụ nv-iii-2-1-d1. Không bao giờ đổi.",
        True,
    ),
    Field("doan", "anchor", "Đoạn của kế hoạch", "Mã đoạn giao nhiệm vụ.", True),
    Field("ro_viec", "text", "Rõ việc", "Việc phải làm, viết ngắn gọn.", True),
    Field("chu_tri", "ref", "Rõ cơ quan chủ trì", "Chỉ khi kế hoạch nêu rõ.", ref="agency"),
    Field(
        "phoi_hop",
        "refs",
        "Rõ cơ quan phối hợp",
        "Chỉ khi kế hoạch nêu rõ.",
        ref="agency",
    ),
    Field(
        "bien_phap",
        "text",
        "Rõ biện pháp, nguồn lực",
        "Trích nguyên văn từ đoạn, hoặc để trống.",
    ),
    Field("thoi_gian", "text", "Rõ thời gian", "Trích nguyên văn từ đoạn, hoặc để trống."),
    Field(
        "tham_quyen",
        "text",
        "Rõ thẩm quyền, trách nhiệm",
        "Trích nguyên văn từ đoạn, hoặc để trống.",
    ),
    Field("san_pham", "text", "Rõ sản phẩm", "Trích nguyên văn từ đoạn, hoặc để trống."),
    Field(
        "chi_tieu",
        "refs",
        "Chỉ tiêu liên quan",
        "Mã các chỉ tiêu nằm trong đoạn này.",
        ref="target",
    ),
)
_record(
    "tasks",
    "Tệp nhiệm vụ",
    Field(
        "nhiem_vu",
        "records",
        "Danh sách nhiệm vụ",
        "Mỗi nhiệm vụ một mục.",
        True,
        record="task",
    ),
)
_record(
    "hamlet",
    "Ấp",
    Field("id", "id", "Mã ấp", "Viết thường, không dấu, ví dụ vinh-thanh.", True),
    Field("ten", "text", "Tên ấp", "Ví dụ: ấp Vĩnh Thạnh", True),
    Field("nguon", "anchor", "Nơi kế hoạch nêu tên", "Mã đoạn có nêu ấp, nếu có."),
)
_record(
    "hamlets",
    "Tệp danh sách ấp",
    Field(
        "day_du",
        "bool",
        "Danh sách đã đủ",
        "Đổi thành true khi đã liệt kê đủ các ấp của xã.",
        True,
    ),
    Field("ghi_chu", "text", "Ghi chú", "Ghi chú hiển thị trên trang."),
    Field("ap", "records", "Các ấp", "Mỗi ấp một mục.", True, record="hamlet"),
)
_record(
    "report",
    "Báo cáo tiến độ",
    Field("chi_tieu", "ref", "Chỉ tiêu", "Mã chỉ tiêu được báo cáo.", True, ref="target"),
    Field(
        "ky",
        "period",
        "Kỳ báo cáo",
        "Tháng 2026-11, quý 2026-Q4, năm 2026 hoặc giữa nhiệm kỳ 2028-GK.",
        True,
    ),
    Field(
        "gia_tri",
        "value",
        "Giá trị",
        "Số đạt được (dấu chấm thập phân), hoặc true/false với chỉ tiêu đạt chuẩn.",
    ),
    Field(
        "theo_ap",
        "hamlet_values",
        "Giá trị theo ấp",
        "Mã ấp: số đạt được, cho chỉ tiêu tính theo ấp.",
    ),
    Field(
        "ngay",
        "date",
        "Ngày số liệu",
        "Số liệu tính đến ngày nào, dạng NĂM-THÁNG-NGÀY.",
        True,
    ),
    Field(
        "nguon",
        "text",
        "Nguồn, minh chứng",
        "Số hiệu văn bản báo cáo hoặc đường liên kết.",
        True,
    ),
    Field(
        "don_vi_bao_cao",
        "ref",
        "Đơn vị báo cáo",
        "Mã đơn vị gửi báo cáo.",
        True,
        ref="agency",
    ),
    Field("ghi_chu", "text", "Ghi chú", "Giải thích ngắn nếu cần."),
)
_record(
    "reports",
    "Tệp báo cáo tiến độ",
    Field(
        "bao_cao",
        "records",
        "Các báo cáo",
        "Mỗi chỉ tiêu, mỗi kỳ một mục.",
        record="report",
    ),
)
_record(
    "registry",
    "Sổ đăng ký mã đã công bố",
    Field(
        "id",
        "texts",
        "Các mã đã công bố",
        "Không bao giờ xóa dòng nào: báo chí đã trích dẫn các mã này.",
        True,
    ),
    Field(
        "chuyen_huong",
        "redirects",
        "Chuyển hướng",
        "Mã cũ: mã mới, khi một mục được dời chỗ.",
    ),
)

_record(
    "abbreviation",
    "Chữ viết tắt",
    Field(
        "viet_tat",
        "abbreviation",
        "Chữ viết tắt",
        "Chữ in hoa như người ta vẫn viết, có thể có dấu gạch ngang, ví dụ HĐND, KT-XH.",
        True,
    ),
    Field("day_du", "text", "Viết đầy đủ", "Dạng đầy đủ, đúng chính tả tiếng Việt, ví dụ Hội đồng nhân dân.", True),
)
_record(
    "abbreviations",
    "Tệp chữ viết tắt",
    Field(
        "tu_viet_tat",
        "records",
        "Danh sách chữ viết tắt",
        "Mỗi chữ viết tắt một mục; tìm kiếm trên trang hiểu chữ viết tắt theo danh sách này.",
        True,
        record="abbreviation",
    ),
)

DATA_LICENCES = ("CC-BY-4.0", "CC-BY-SA-4.0", "CC0-1.0", "ODbL-1.0")
_record(
    "commune",
    "Thông tin xã",
    Field("ten", "text", "Tên xã", "Tên riêng của xã, không kèm chữ “xã”.", True),
    Field("tinh", "text", "Tỉnh", "Tên tỉnh, không kèm chữ “tỉnh”.", True),
    Field(
        "giay_phep",
        "enum",
        "Giấy phép dữ liệu mở",
        "Mã giấy phép của dữ liệu mở; phải khớp với dòng copyright trong mkdocs.yml.",
        True,
        choices=DATA_LICENCES,
    ),
)

FILES: tuple[FileSpec, ...] = (
    FileSpec("ke-hoach.yml", "ke-hoach.schema.json", "plan"),
    FileSpec("co-quan.yml", "co-quan.schema.json", "agencies"),
    FileSpec("chi-tieu.yml", "chi-tieu.schema.json", "targets"),
    FileSpec("nhiem-vu.yml", "nhiem-vu.schema.json", "tasks"),
    FileSpec("ap.yml", "ap.schema.json", "hamlets"),
    FileSpec("id-da-cong-bo.yml", "id-da-cong-bo.schema.json", "registry"),
    FileSpec("cap-nhat/*.yml", "cap-nhat.schema.json", "reports", required=False),
    FileSpec("xa.yml", "xa.schema.json", "commune"),
    FileSpec("tu-viet-tat.yml", "tu-viet-tat.schema.json", "abbreviations", required=False),
)
