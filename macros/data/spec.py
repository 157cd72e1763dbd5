"""What each data file may hold, declared once per field.

A Field names its YAML key, the attribute of the model record it becomes (`attr`) and, for the open data, what a
reader is told about it (`public`). The check (validate, rules), the JSON Schemas, the model, the CSV/JSON export and
datapackage.json all derive from these declarations. Field titles and descriptions are Vietnamese because staff read
them in their editor.
"""

from __future__ import annotations

from dataclasses import dataclass

from macros.vocabulary import corrections, kinds, periods

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
ABBREVIATION_PATTERN = r"^[A-ZĐ0-9]+(-[A-ZĐ0-9]+)*$"
ANCHOR_KINDS = ("anchor", "anchors")  # kinds whose ids name a unit or a paragraph of the plan
# The parts of the document outside its numbered sections, as the page "Văn bản gốc" addresses them: where the plan
# names the bodies behind its basis and the recipients. Agencies' `nguon` may name them (field kind "sources").
DOCUMENT_ANCHORS = {"can-cu": "căn cứ", "loi-dan": "lời dẫn", "ket-luan": "đoạn kết", "noi-nhan": "nơi nhận"}


@dataclass(frozen=True)
class Role:
    """What the plan gives a body (field vai_tro of data/co-quan.yml), in the words every page uses for it.

    A role that a field of a target or a task gives (its `Field.role`: chu_tri gives "duoc-giao") also has `each`, how
    a list names one such record ("chủ trì"); the check keeps vai_tro and those fields in step."""

    label: str  # "Được giao chủ trì": the start of the line the agency pages and the link preview write
    note: str = ""  # said after the label and its count, in brackets: "kế hoạch không giao việc mà đề nghị"
    each: str = ""  # for a role given by a field: how a list names one record in that role


AGENCY_ROLES = {  # code -> how the pages say it, in this order
    "ban-hanh": Role("Ban hành kế hoạch này"),
    "duoc-giao": Role("Được giao chủ trì", each="chủ trì"),
    "duoc-chi-dao": Role("Được chỉ đạo thực hiện", each="được chỉ đạo thực hiện"),
    "duoc-de-nghi": Role("Được đề nghị", note="kế hoạch không giao việc mà đề nghị", each="được đề nghị"),
    "phoi-hop": Role("Phối hợp thực hiện", each="phối hợp"),
    "nhan-bao-cao": Role("Nhận báo cáo tiến độ"),
    "ban-hanh-can-cu": Role("Ban hành văn bản mà kế hoạch dẫn làm căn cứ"),
    "noi-nhan": Role("Có tên ở phần nơi nhận"),
    "duoc-neu-ten": Role("Được nêu tên", note="không được giao việc"),
}


@dataclass(frozen=True)
class Field:
    """One field of a record. `kind` names a checker in validate.TYPE_CHECKS."""

    name: str  # the YAML key
    kind: str
    title: str
    description: str  # for staff, in their editor and in the check's messages
    required: bool = False
    attr: str = ""  # the attribute of the model record; empty when the model builds it another way
    choices: tuple = ()
    ref: str = ""  # the collection an id refers to, for kinds "ref" and "refs"
    record: str = ""  # the record spec of items, for kinds "records" and "record"
    public: str | None = None  # its description in the open data; None keeps it out of the open data
    max_length: int = 200  # characters, for kinds "text" and "texts" (each item): a name or a short phrase
    role: str = ""  # for a field naming bodies (ref="agency"): the vai_tro (AGENCY_ROLES) this gives each of them
    clerk: str = ""  # the label a clerk fills it under (workbook column, web-form field); empty: not asked of clerks

    @property
    def refers_to(self) -> str | None:
        """The collection whose ids this field names ("anchor" for units and paragraphs of the plan)."""
        return "anchor" if self.kind in ANCHOR_KINDS else (self.ref or None)  # "sources" declares ref="source"


@dataclass(frozen=True)
class Record:
    name: str
    title: str
    fields: tuple[Field, ...]

    def field(self, name: str) -> Field | None:
        return next((f for f in self.fields if f.name == name), None)

    def key_of(self, attr: str) -> str:
        """The YAML key of a model attribute."""
        return next(f.name for f in self.fields if f.attr == attr)

    @property
    def modelled(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.attr)

    @property
    def public(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.public is not None)

    @property
    def references(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.refers_to)


@dataclass(frozen=True)
class FileSpec:
    """A data file: its path pattern, schema file and top-level record."""

    pattern: str
    schema: str
    root: str
    required: bool = True
    reader: str = "yaml"  # "xlsx", "ods": a filled copy of the report template, read by macros/intake/workbook.py;
    # "refused": a spreadsheet format the intake does not read, answered with how to save it as .xlsx


RECORDS: dict[str, Record] = {}


def role_text(code: str) -> str:
    """A role in words, with its note: "Được đề nghị (kế hoạch không giao việc mà đề nghị)"."""
    role = AGENCY_ROLES[code]
    return f"{role.label} ({role.note})" if role.note else role.label


def _record(name: str, title: str, *fields: Field) -> None:
    RECORDS[name] = Record(name, title, fields)


# Open-data descriptions shared by several fields.
AGENCY = "Mã đơn vị (xem trang Cơ quan, đơn vị); để trống khi Kế hoạch không nêu."
DATA_LICENCES = ("CC-BY-4.0", "CC-BY-SA-4.0", "CC0-1.0", "ODbL-1.0")

_record(
    "block",
    "Đoạn văn hoặc gạch đầu dòng",
    Field("doan", "text", title="Đoạn văn", description="Một đoạn văn của kế hoạch, giữ nguyên văn.", max_length=5000),
    Field(
        "gach",
        "text",
        title="Gạch đầu dòng",
        description="Một ý gạch đầu dòng của kế hoạch, giữ nguyên văn.",
        max_length=5000,
    ),
)
_record(
    "unit",
    "Mục của kế hoạch",
    Field(
        "id",
        "id",
        attr="id",
        title="Mã trích dẫn",
        description="Số mục viết thường, nối bằng gạch ngang, ví dụ iii-2-1. Không bao giờ đổi.",
        required=True,
    ),
    Field(
        "so",
        "text",
        attr="number",
        title="Số mục",
        description='Số mục như văn bản gốc, ví dụ "III" hoặc "2.1".',
        required=True,
        max_length=20,
    ),
    Field(
        "tieu_de", "text", attr="title", title="Tiêu đề", description="Tiêu đề của mục, giữ nguyên văn.", max_length=500
    ),
    Field(
        "ten_ngan",
        "text",
        attr="short_title",
        title="Tên ngắn trong trình đơn",
        description='Tên rút gọn của một mục có trang riêng, hiện trong trình đơn bên trái, ví dụ "Tư pháp" cho '
        '"Công tác tư pháp". Không bắt buộc: để trống thì trình đơn dùng tiêu đề. Đây là nhãn của trang web, không '
        "phải lời của Kế hoạch.",
        max_length=100,
    ),
    Field(
        "van_ban",
        "text",
        attr="text",
        title="Nội dung ngay sau số mục",
        description="Khi mục không có tiêu đề mà là một đoạn văn.",
        max_length=5000,
    ),
    Field(
        "noi_dung",
        "records",
        title="Các đoạn và gạch đầu dòng",
        description="Theo đúng thứ tự trong văn bản gốc.",
        record="block",
    ),
    Field("muc", "records", title="Các mục con", description="Các mục con theo thứ tự.", record="unit"),
)
_record(
    "signature",
    "Khối chữ ký",
    Field("the_thuc", "text", attr="form", title="Thể thức", description="Ví dụ: TM. ỦY BAN NHÂN DÂN", required=True),
    Field("chuc_vu", "text", attr="position", title="Chức vụ người ký", description="Ví dụ: CHỦ TỊCH", required=True),
    Field(
        "nguoi_ky",
        "text",
        attr="signer",
        title="Người ký",
        description="Họ tên người ký. Để trống nếu văn bản gốc không ghi.",
    ),
)
_record(
    "span",
    "Giai đoạn",
    Field("tu", "year", attr="first", title="Từ năm", description="Năm đầu tiên nhận báo cáo.", required=True),
    Field("den", "year", attr="last", title="Đến năm", description="Năm cuối cùng.", required=True),
    Field(
        "giua_ky",
        "year",
        attr="midterm",
        title="Năm đánh giá giữa nhiệm kỳ",
        description="Năm mà kế hoạch định đánh giá giữa nhiệm kỳ (thường ở mục Tổ chức thực hiện). Bỏ trống nếu "
        "kế hoạch không nêu.",
    ),
)
_record(
    "document",
    "Thông tin văn bản",
    Field("loai", "text", attr="kind", title="Loại văn bản", description="Ví dụ: KẾ HOẠCH", required=True),
    Field(
        "trich_yeu",
        "text",
        attr="title",
        title="Trích yếu",
        description="Tên đầy đủ của kế hoạch, giữ nguyên văn.",
        required=True,
        max_length=500,
    ),
    Field(
        "so_hieu",
        "text",
        attr="number",
        title="Số hiệu",
        description="Số ký hiệu văn bản. Để trống (null) nếu văn bản gốc không ghi.",
    ),
    Field(
        "ngay_ban_hanh",
        "date",
        attr="issued",
        title="Ngày ban hành",
        description="Dạng NĂM-THÁNG-NGÀY. Để trống nếu văn bản gốc không ghi.",
    ),
    Field(
        "co_quan_ban_hanh",
        "text",
        attr="issuer",
        title="Cơ quan ban hành",
        description="Cơ quan ban hành như văn bản ghi.",
    ),
    Field(
        "giai_doan",
        "record",
        title="Giai đoạn kế hoạch",
        description="Năm đầu và năm cuối được báo cáo, như kế hoạch ghi giai đoạn của nó "
        "(thường ở mục Tổ chức thực hiện).",
        required=True,
        record="span",
    ),
    Field(
        "can_cu",
        "text",
        attr="basis",
        title="Căn cứ",
        description="Đoạn căn cứ ở đầu văn bản.",
        required=True,
        max_length=3000,
    ),
    Field(
        "loi_dan",
        "text",
        attr="preamble",
        title="Lời dẫn",
        description="Câu dẫn trước mục I.",
        required=True,
        max_length=1000,
    ),
    Field(
        "ket_luan",
        "text",
        attr="closing",
        title="Đoạn kết",
        description="Đoạn kết của văn bản.",
        required=True,
        max_length=3000,
    ),
    Field(
        "noi_nhan",
        "texts",
        attr="recipients",
        title="Nơi nhận",
        description="Danh sách nơi nhận, giữ nguyên văn.",
        required=True,
    ),
    Field(
        "chu_ky",
        "record",
        title="Khối chữ ký",
        description="Thể thức, chức vụ và người ký.",
        required=True,
        record="signature",
    ),
)
_record(
    "plan",
    "Tệp kế hoạch",
    Field(
        "van_ban",
        "record",
        title="Thông tin văn bản",
        description="Thông tin chung của văn bản.",
        required=True,
        record="document",
    ),
    Field(
        "muc",
        "records",
        title="Các phần",
        description="Các phần I, II, III, V như văn bản gốc.",
        required=True,
        record="unit",
    ),
)
_record(
    "agency",
    "Cơ quan, đơn vị",
    Field(
        "id",
        "id",
        attr="id",
        title="Mã đơn vị",
        description="Viết thường, không dấu, nối bằng gạch ngang. Không bao giờ đổi.",
        required=True,
    ),
    Field("ten", "text", attr="name", title="Tên đơn vị", description="Tên như kế hoạch ghi.", required=True),
    Field(
        "nguon",
        "sources",
        attr="sources",
        title="Nơi kế hoạch nêu tên",
        description="Mã các mục hoặc đoạn có nêu đơn vị này; can-cu, loi-dan, ket-luan, noi-nhan cho phần căn cứ, "
        "lời dẫn, đoạn kết và nơi nhận của văn bản.",
        required=True,
        ref="source",
    ),
    Field(
        "vai_tro",
        "enums",
        attr="roles",
        title="Vai trò trong kế hoạch",
        description="; ".join(f"{code}: {role_text(code).lower()}" for code in AGENCY_ROLES) + ".",
        required=True,
        choices=tuple(AGENCY_ROLES),
    ),
    Field("ghi_chu", "text", attr="note", title="Ghi chú", description="Ghi chú ngắn cho người đọc.", max_length=500),
)
_record(
    "agencies",
    "Tệp cơ quan, đơn vị",
    Field(
        "co_quan",
        "records",
        title="Danh sách cơ quan, đơn vị",
        description="Mỗi đơn vị một mục.",
        required=True,
        record="agency",
    ),
)
_record(
    "target",
    "Chỉ tiêu",
    Field(
        "id",
        "id",
        attr="id",
        title="Mã chỉ tiêu",
        description="Viết thường, không dấu, nối bằng gạch ngang. Không bao giờ đổi.",
        required=True,
        public="Mã cố định, cũng là địa chỉ trang /chi-tieu/<mã>/.",
    ),
    Field(
        "muc",
        "ref",
        attr="unit_id",
        title="Mục của Kế hoạch",
        description="Mã mục chứa chỉ tiêu, ví dụ iii-3-3.",
        required=True,
        ref="unit",
        public="Mã mục chứa chỉ tiêu, ví dụ iii-3-3 là mục III.3.3.",
    ),
    Field(
        "doan",
        "anchor",
        attr="anchor",
        title="Đoạn chứa chỉ tiêu",
        description="Mã đoạn, ví dụ iii-3-3-d1.",
        required=True,
    ),
    Field(
        "ten",
        "text",
        attr="name",
        title="Tên ngắn",
        description="Tên dễ hiểu cho người dân.",
        required=True,
        public="Tên dễ hiểu của chỉ tiêu.",
    ),
    Field(
        "nguyen_van",
        "text",
        attr="wording",
        title="Nguyên văn",
        description="Trích đúng từng chữ từ đoạn văn của kế hoạch.",
        required=True,
        public="Câu chữ của Kế hoạch, trích nguyên văn.",
        max_length=2000,
    ),
    Field(
        "loai",
        "enum",
        attr="kind",
        title="Loại chỉ tiêu",
        description=kinds.summary(),
        required=True,
        choices=kinds.CODES,
        public=kinds.summary(),
    ),
    Field(
        "gia_tri",
        "number",
        attr="value",
        title="Giá trị mục tiêu",
        description="Số cần đạt (dùng dấu chấm thập phân).",
        public="Số cần đạt; để trống với chỉ tiêu đạt/chưa đạt và dạng khoảng.",
    ),
    Field(
        "gia_tri_tu",
        "number",
        attr="low",
        title="Cận dưới",
        description="Với chỉ tiêu dạng khoảng: số nhỏ nhất.",
        public="Với chỉ tiêu dạng khoảng: số nhỏ nhất.",
    ),
    Field(
        "gia_tri_den",
        "number",
        attr="high",
        title="Cận trên",
        description="Với chỉ tiêu dạng khoảng: số lớn nhất, để trống nếu là 'trở lên'.",
        public="Với chỉ tiêu dạng khoảng: số lớn nhất; trống nghĩa là “trở lên”.",
    ),
    Field(
        "don_vi",
        "text",
        attr="unit",
        title="Đơn vị tính",
        description='Ví dụ "%", "sản phẩm".',
        public="Ví dụ %, sản phẩm.",
        max_length=50,
    ),
    Field(
        "han",
        "deadline",
        attr="deadline",
        title="Thời hạn",
        description=f"Năm phải đạt (trong nhiệm kỳ của kế hoạch) hoặc {kinds.YEARLY} nếu xét từng năm.",
        required=True,
        public=f"Năm phải đạt, hoặc {kinds.YEARLY} với chỉ tiêu xét từng năm "
        f"(trong JSON: số năm hoặc chữ {kinds.YEARLY}).",
    ),
    Field(
        "han_theo_ke_hoach",
        "bool",
        attr="deadline_stated",
        title="Thời hạn do kế hoạch nêu",
        description="true nếu kế hoạch nêu rõ thời hạn (một năm, “hằng năm”); false nếu trang suy ra, "
        "khi đó ghi lý do ở ghi_chu.",
        required=True,
        public="true khi Kế hoạch nêu rõ thời hạn; false khi trang suy ra (lý do ở cột ghi_chu).",
    ),
    Field(
        "gia_tri_theo_ke_hoach",
        "bool",
        attr="value_stated",
        title="Mức cần đạt do kế hoạch nêu",
        description="true nếu kế hoạch nêu rõ mức cần đạt (con số, chuẩn); false nếu trang suy ra, "
        "khi đó ghi lý do ở ghi_chu.",
        required=True,
        public="true khi Kế hoạch nêu rõ mức cần đạt; false khi trang suy ra (lý do ở cột ghi_chu).",
    ),
    Field(
        "so_sanh",
        "enum",
        attr="comparison",
        title="Cách so với mục tiêu",
        description="Với chỉ tiêu có số: "
        + "; ".join(f"{c.code} khi kế hoạch viết {c.words}" for c in kinds.COMPARISONS.values())
        + ". Để trống với chỉ tiêu đạt/chưa đạt.",
        choices=tuple(kinds.COMPARISONS),
        public="; ".join(
            f"{c.code}: {c.rule[:1].lower()}{c.rule[1:]} (Kế hoạch viết {c.words})" for c in kinds.COMPARISONS.values()
        )
        + "; trống với chỉ tiêu đạt/chưa đạt.",
    ),
    Field(
        "trong_nam",
        "enum",
        attr="in_year",
        title="Số trong năm",
        description="Với chỉ tiêu xét hằng năm có số: "
        + "; ".join(f"{code}: {text}" for code, text in kinds.IN_YEAR_MEASURES.items())
        + ".",
        choices=tuple(kinds.IN_YEAR_MEASURES),
        public="Với chỉ tiêu xét hằng năm có số: "
        + "; ".join(f"{code}: {text}" for code, text in kinds.IN_YEAR_MEASURES.items())
        + ".",
    ),
    Field(
        "co_so",
        "number",
        attr="baseline",
        title="Giá trị gốc",
        description="Số liệu đầu kỳ. Để trống nếu kế hoạch không nêu.",
        public="Số liệu đầu kỳ; để trống khi Kế hoạch không nêu.",
    ),
    Field(
        "nam_co_so",
        "year",
        attr="baseline_year",
        title="Năm gốc",
        description="Năm của giá trị gốc.",
        public="Năm của giá trị gốc.",
    ),
    Field(
        "chu_tri",
        "ref",
        attr="lead",
        title="Đơn vị chủ trì",
        description="Mã đơn vị chủ trì, chỉ khi kế hoạch nêu rõ.",
        ref="agency",
        public=AGENCY,
        role="duoc-giao",
    ),
    Field(
        "phoi_hop",
        "refs",
        attr="partners",
        title="Đơn vị phối hợp",
        description="Mã các đơn vị phối hợp, chỉ khi kế hoạch nêu rõ.",
        ref="agency",
        public="Mã các đơn vị phối hợp.",
        role="phoi-hop",
    ),
    Field(
        "theo_ap",
        "bool",
        attr="per_hamlet",
        title="Tính theo từng ấp",
        description="true nếu kế hoạch đặt chỉ tiêu cho mỗi ấp.",
        public="true khi Kế hoạch đặt chỉ tiêu cho mỗi ấp.",
    ),
    Field(
        "ghi_chu",
        "text",
        attr="note",
        title="Ghi chú",
        description="Cách hiểu câu chữ của kế hoạch; bắt buộc khi trang suy ra thời hạn hoặc mức cần đạt.",
        public="Cách hiểu câu chữ của Kế hoạch, và lý do của mọi thời hạn hay mức cần đạt do trang suy ra.",
        max_length=500,
    ),
)
_record(
    "targets",
    "Tệp chỉ tiêu",
    Field(
        "chi_tieu",
        "records",
        title="Danh sách chỉ tiêu",
        description="Mỗi chỉ tiêu một mục.",
        required=True,
        record="target",
    ),
)
_record(
    "task",
    "Nhiệm vụ (06 rõ)",
    Field(
        "id",
        "id",
        attr="id",
        title="Mã nhiệm vụ",
        description="nv- và mã đoạn, ví dụ nv-iii-2-1-d1. Không bao giờ đổi.",
        required=True,
        public="Mã cố định.",
    ),
    Field(
        "doan",
        "anchor",
        attr="anchor",
        title="Đoạn của Kế hoạch",
        description="Mã đoạn giao nhiệm vụ.",
        required=True,
        public="Mã đoạn giao nhiệm vụ; trang /muc/<mã>/ dẫn tới đoạn đó.",
    ),
    Field(
        "ro_viec",
        "text",
        attr="what",
        title="Rõ việc",
        description="Việc phải làm, viết ngắn gọn.",
        required=True,
        public="Việc phải làm, viết ngắn gọn.",
        max_length=1000,
    ),
    Field(
        "chu_tri",
        "ref",
        attr="lead",
        title="Rõ cơ quan chủ trì",
        description="Chỉ khi đoạn kế hoạch nêu rõ đơn vị làm hay chủ trì việc này.",
        ref="agency",
        public=AGENCY,
        role="duoc-giao",
    ),
    Field(
        "phoi_hop",
        "refs",
        attr="partners",
        title="Rõ cơ quan phối hợp",
        description="Chỉ khi đoạn kế hoạch nêu rõ đơn vị phối hợp.",
        ref="agency",
        public="Mã các đơn vị phối hợp.",
        role="phoi-hop",
    ),
    Field(
        "chi_dao",
        "refs",
        attr="directed",
        title="Cơ quan được chỉ đạo thực hiện",
        description="Khi đoạn kế hoạch viết “chỉ đạo” một cơ quan làm việc này (ví dụ “chỉ đạo, đôn đốc các đơn vị "
        "trường học”): mã các cơ quan được chỉ đạo. Cơ quan được chỉ đạo không phải cơ quan chủ trì.",
        ref="agency",
        public="Khi Kế hoạch chỉ đạo một cơ quan làm việc này: mã các cơ quan được chỉ đạo (không phải chủ trì).",
        role="duoc-chi-dao",
    ),
    Field(
        "de_nghi",
        "refs",
        attr="requested",
        title="Cơ quan được đề nghị",
        description="Khi kế hoạch “đề nghị” (không giao) một cơ quan làm việc này: mã các cơ quan được đề nghị. "
        "Khi đó để trống chu_tri và phoi_hop.",
        ref="agency",
        public="Khi Kế hoạch đề nghị (không giao) một cơ quan làm việc này: mã các cơ quan được đề nghị.",
        role="duoc-de-nghi",
    ),
    Field(
        "bien_phap",
        "text",
        attr="means",
        title="Rõ biện pháp, nguồn lực",
        description="Cách làm, phương tiện, nguồn lực đoạn kế hoạch nêu (“theo phương châm …”, “trên cơ sở …”), trích "
        "nguyên văn; không chép lại việc phải làm. Kế hoạch không nêu thì để trống.",
        public="Trích nguyên văn Kế hoạch.",
        max_length=1000,
    ),
    Field(
        "thoi_gian",
        "text",
        attr="timing",
        title="Rõ thời gian",
        description="Thời gian đoạn kế hoạch nêu cho việc này (một năm, “hằng năm”, “định kỳ”, “thường xuyên”, “đến "
        "năm …”, “trong nhiệm kỳ”), trích nguyên văn; đoạn nêu thời gian khác nhau cho từng sản phẩm thì lấy thời "
        "gian của sản phẩm ghi ở san_pham. Không lấy tên hay thời kỳ của chương trình, kế hoạch khác. Kế hoạch không "
        "nêu thì để trống.",
        public="Trích nguyên văn Kế hoạch.",
        max_length=1000,
    ),
    Field(
        "tham_quyen",
        "text",
        attr="authority",
        title="Rõ thẩm quyền, trách nhiệm",
        description="Ai có thẩm quyền hay chịu trách nhiệm về việc này (“theo sự phân công của …”, “Giao … chủ "
        "trì”, “tham mưu UBND xã”), trích nguyên văn; không lấy một việc phải làm (“nâng cao trách nhiệm …”). Kế "
        "hoạch không nêu thì để trống.",
        public="Trích nguyên văn Kế hoạch.",
        max_length=1000,
    ),
    Field(
        "san_pham",
        "text",
        attr="product",
        title="Rõ sản phẩm",
        description="Kết quả cụ thể (văn bản, chuẩn đạt được, số lượng), trích nguyên văn; đoạn nêu nhiều sản phẩm "
        "liền nhau thì trích cả cụm. Kế hoạch không nêu thì để trống.",
        public="Trích nguyên văn Kế hoạch.",
        max_length=1000,
    ),
    Field(
        "chi_tieu",
        "refs",
        attr="target_ids",
        title="Chỉ tiêu liên quan",
        description="Mã các chỉ tiêu nằm trong đoạn này.",
        ref="target",
        public="Mã các chỉ tiêu nằm trong đoạn này.",
    ),
)
_record(
    "tasks",
    "Tệp nhiệm vụ",
    Field(
        "nhiem_vu",
        "records",
        title="Danh sách nhiệm vụ",
        description="Mỗi nhiệm vụ một mục.",
        required=True,
        record="task",
    ),
)
_record(
    "hamlet",
    "Ấp",
    Field("id", "id", attr="id", title="Mã ấp", description="Viết thường, không dấu, ví dụ vinh-thanh.", required=True),
    Field("ten", "text", attr="name", title="Tên ấp", description="Ví dụ: ấp Vĩnh Thạnh", required=True),
    Field("nguon", "anchor", attr="source", title="Nơi kế hoạch nêu tên", description="Mã đoạn có nêu ấp, nếu có."),
)
_record(
    "hamlets",
    "Tệp danh sách ấp",
    Field(
        "day_du",
        "bool",
        title="Danh sách đã đủ",
        description="Đổi thành true khi đã liệt kê đủ các ấp của xã.",
        required=True,
    ),
    Field("ghi_chu", "text", title="Ghi chú", description="Ghi chú hiển thị trên trang.", max_length=500),
    Field("ap", "records", title="Các ấp", description="Mỗi ấp một mục.", required=True, record="hamlet"),
)
_record(
    "report",
    "Báo cáo tiến độ",
    Field(
        "chi_tieu",
        "ref",
        attr="target_id",
        title="Chỉ tiêu",
        description="Mã chỉ tiêu được báo cáo.",
        required=True,
        ref="target",
        public="Mã chỉ tiêu được báo cáo.",
        clerk="Chỉ tiêu",
    ),
    Field(
        "ky",
        "period",
        attr="period",
        title="Kỳ báo cáo",
        description=periods.FORMS[:1].upper() + periods.FORMS[1:] + ".",
        required=True,
        public=periods.FORMS[:1].upper() + periods.FORMS[1:] + ".",
        clerk="Kỳ báo cáo",
    ),
    Field(
        "gia_tri",
        "value",
        attr="value",
        title="Giá trị",
        description="Số đạt được (dấu chấm thập phân), hoặc true/false với chỉ tiêu đạt chuẩn.",
        public="Số đạt được, đúng như đã báo cáo (trang web hiển thị và so với mục tiêu ở số chữ số thập phân của "
        "mục tiêu, ít nhất hai), hoặc true/false với chỉ tiêu đạt/chưa đạt; trống với chỉ tiêu theo ấp.",
        clerk="Giá trị",
    ),
    Field(
        "theo_ap",
        "hamlet_values",
        attr="hamlet_values",
        title="Giá trị theo ấp",
        description="Mã ấp: số đạt được, cho chỉ tiêu tính theo ấp.",
        public=(
            "Với chỉ tiêu tính theo từng ấp: trong CSV là các cặp mã-ấp=số nối bằng dấu chấm phẩy; "
            "trong JSON là một đối tượng."
        ),
        clerk="Giá trị theo ấp",
    ),
    Field(
        "ngay",
        "date",
        attr="as_of",
        title="Ngày số liệu",
        description="Số liệu tính đến ngày nào, dạng NĂM-THÁNG-NGÀY.",
        required=True,
        public="Số liệu tính đến ngày này (NĂM-THÁNG-NGÀY).",
        clerk="Ngày số liệu",
    ),
    Field(
        "nguon",
        "text",
        attr="source",
        title="Nguồn, minh chứng",
        description="Số hiệu văn bản báo cáo hoặc đường liên kết.",
        required=True,
        public="Số hiệu văn bản báo cáo hoặc đường liên kết.",
        max_length=300,
        clerk="Nguồn số liệu",
    ),
    Field(
        "don_vi_bao_cao",
        "ref",
        attr="agency_id",
        title="Đơn vị báo cáo",
        description="Mã đơn vị gửi báo cáo.",
        required=True,
        ref="agency",
        public="Mã đơn vị gửi báo cáo.",
        clerk="Đơn vị báo cáo",
    ),
    Field(
        "ghi_chu",
        "text",
        attr="note",
        title="Ghi chú",
        description="Giải thích ngắn nếu cần.",
        public="Giải thích ngắn của đơn vị báo cáo.",
        max_length=500,
        clerk="Ghi chú",
    ),
)
_record(
    "report_request",
    "Báo cáo mới hay sửa báo cáo đã gửi (chỉ hỏi trong biểu mẫu web; không ghi vào tệp dữ liệu)",
    Field(
        "loai_bao_cao",
        "enum",
        title="Loại báo cáo",
        description="Báo cáo mới, hoặc sửa một báo cáo đã gửi cho cùng chỉ tiêu, cùng kỳ.",
        required=True,
        choices=(corrections.NEW_REPORT, corrections.CORRECTION),
        clerk="Loại báo cáo",
    ),
    Field(
        "ly_do_sua",
        "text",
        title="Lý do sửa",
        description=f"Bắt buộc khi sửa báo cáo đã gửi; được ghi vào ghi_chu của báo cáo, sau chữ “{corrections.MARK}”.",
        max_length=300,
        clerk="Lý do sửa",
    ),
)
_record(
    "reports",
    "Tệp báo cáo tiến độ",
    Field("bao_cao", "records", title="Các báo cáo", description="Mỗi chỉ tiêu, mỗi kỳ một mục.", record="report"),
)
_record(
    "registry",
    "Sổ đăng ký mã đã công bố",
    Field(
        "id",
        "texts",
        title="Các mã đã công bố",
        description="Không bao giờ xóa dòng nào: báo chí đã trích dẫn các mã này.",
        required=True,
    ),
    Field("chuyen_huong", "redirects", title="Chuyển hướng", description="Mã cũ: mã mới, khi một mục được dời chỗ."),
)
_record(
    "abbreviation",
    "Chữ viết tắt",
    Field(
        "viet_tat",
        "abbreviation",
        attr="short",
        title="Chữ viết tắt",
        description="Chữ in hoa như người ta vẫn viết, có thể có dấu gạch ngang, ví dụ HĐND, KT-XH.",
        required=True,
    ),
    Field(
        "day_du",
        "text",
        attr="full",
        title="Viết đầy đủ",
        description="Dạng đầy đủ, đúng chính tả tiếng Việt, ví dụ Hội đồng nhân dân.",
        required=True,
    ),
)
_record(
    "abbreviations",
    "Tệp chữ viết tắt",
    Field(
        "tu_viet_tat",
        "records",
        title="Danh sách chữ viết tắt",
        description="Mỗi chữ viết tắt một mục; tìm kiếm trên trang hiểu chữ viết tắt theo danh sách này.",
        required=True,
        record="abbreviation",
    ),
)
_record(
    "commune",
    "Thông tin xã",
    Field(
        "ten", "text", attr="name", title="Tên xã", description="Tên riêng của xã, không kèm chữ “xã”.", required=True
    ),
    Field("tinh", "text", attr="province", title="Tỉnh", description="Tên tỉnh, không kèm chữ “tỉnh”.", required=True),
    Field(
        "giay_phep",
        "enum",
        attr="licence",
        title="Giấy phép dữ liệu mở",
        description="Mã giấy phép của dữ liệu mở; phải khớp với dòng copyright trong mkdocs.yml.",
        required=True,
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
    FileSpec("cap-nhat/*.xlsx", "", "reports", required=False, reader="xlsx"),
    FileSpec("cap-nhat/*.ods", "", "reports", required=False, reader="ods"),
    # Saved in a format the intake does not read: read only to say how to save it as .xlsx.
    FileSpec("cap-nhat/*.xls", "", "reports", required=False, reader="refused"),
    FileSpec("cap-nhat/*.csv", "", "reports", required=False, reader="refused"),
    FileSpec("xa.yml", "xa.schema.json", "commune"),
    FileSpec("tu-viet-tat.yml", "tu-viet-tat.schema.json", "abbreviations", required=False),
)

# Files kept under data/ that no loader reads: the plan as received (tests compare it with ke-hoach.yml).
KEPT_FILES: tuple[str, ...] = ("nguon/*",)
