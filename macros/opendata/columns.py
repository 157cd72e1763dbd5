"""The open data files and their columns.

A column that publishes a data field is derived from its declaration in macros/data/spec.py (name, title, the
open-data description, whether it is required, its choices): the field is declared once. The columns the site
computes (the latest value, the status, the section of a task) are declared here.

Used by the CSV/JSON export, by datapackage.json and by the page "Dữ liệu mở". Types are Table Schema types
(https://specs.frictionlessdata.io/table-schema/). A CSV cell is text, so a list is written as values joined by ";"
and a map as "key=value" pairs; the JSON file keeps the real list or object.
"""

from __future__ import annotations

from dataclasses import dataclass

from macros.data.spec import RECORDS, Field
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
    field: Field | None = None  # the data field it publishes; None for a column the site computes

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

    def file_name(self, fmt: str) -> str:
        """ "chi-tieu.csv": the file's name in the open data folder (Urls.data_file gives its address)."""
        return f"{self.name}.{fmt}"


LIST = "Nhiều giá trị: trong tệp CSV nối bằng dấu chấm phẩy (;), trong tệp JSON là một danh sách."
# Field kind -> (Table Schema type of the CSV cell, type of the JSON value when it differs).
TYPES = {
    "number": ("number", ""),
    "year": ("integer", ""),
    "bool": ("boolean", ""),
    "date": ("date", ""),
    "value": ("any", ""),
    "refs": ("string", "array"),
    "deadline": ("string", "any"),
    "hamlet_values": ("string", "object"),
}


def field_column(field: Field) -> Column:
    cell, json_type = TYPES.get(field.kind, ("string", ""))
    description = f"{field.public} {LIST}" if json_type == "array" else field.public
    return Column(
        field.name,
        cell,
        title=field.title,
        description=description,
        json_type=json_type,
        choices=tuple(field.choices),
        required=field.required,
        field=field,
    )


def record_columns(record: str, computed: dict[str, tuple[Column, ...]] | None = None) -> tuple[Column, ...]:
    """The public fields of a record in their declared order; computed columns follow the field they are keyed to."""
    columns = []
    for field in RECORDS[record].public:
        columns += [field_column(field), *(computed or {}).get(field.name, ())]
    return tuple(columns)


LATEST = (
    Column(
        "gia_tri_moi_nhat",
        "any",
        title="Số mới nhất",
        description="Số của báo cáo mới nhất (chỉ tiêu theo ấp: số của ấp thấp nhất), làm tròn như trang hiển thị và "
        "như khi so với mục tiêu: đến số chữ số thập phân của mục tiêu, ít nhất hai (số đúng như đã báo cáo ở cột "
        "gia_tri của cap-nhat); true/false với chỉ tiêu đạt/chưa đạt; để trống khi chưa có báo cáo.",
    ),
    Column("ngay_so_lieu", "date", title="Ngày số liệu", description="Số mới nhất tính đến ngày này (NĂM-THÁNG-NGÀY)."),
    Column(
        "trang_thai",
        "string",
        title="Trạng thái",
        description="Tính theo trang Cách tính tiến độ: "
        + "; ".join(f"{key}: {label}" for key, label in status.LABELS.items()),
        choices=status.ORDER,
        required=True,
    ),
)
TASK_SECTION = Column("muc", "string", title="Mục của Kế hoạch", description="Mã mục chứa đoạn đó.", required=True)

TARGETS = Dataset(
    "chi-tieu",
    "Các chỉ tiêu",
    "Mỗi dòng là một chỉ tiêu đo được của Kế hoạch, kèm số mới nhất và trạng thái tính ngày dựng trang.",
    record_columns("target") + LATEST,
)
TASKS = Dataset(
    "nhiem-vu",
    "Các nhiệm vụ (06 rõ)",
    "Mỗi dòng là một nhiệm vụ của Kế hoạch, phân công theo phương châm “06 rõ”; ô trống là điều Kế hoạch không nêu.",
    record_columns("task", computed={"doan": (TASK_SECTION,)}),
)
REPORTS = Dataset(
    "cap-nhat",
    "Các báo cáo tiến độ",
    "Mỗi dòng là số liệu một đơn vị báo cáo cho một chỉ tiêu trong một kỳ, kèm nguồn để đối chiếu.",
    record_columns("report"),
)

DATASETS = (TARGETS, TASKS, REPORTS)
