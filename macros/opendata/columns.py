"""The open data files and their columns.

A column that publishes a data field is derived from its declaration in macros/data/spec.py (name, title, the
open-data description, whether it is required, its choices): the field is declared once. The columns the site
computes (the latest value, the status, the section of a task) are declared here.

Used by the CSV/JSON export, by datapackage.json and by the page "Dữ liệu mở". What a column's values are (their
Table Schema types, https://specs.frictionlessdata.io/table-schema/, and their description) comes from the kind of the
field it publishes (VALUE_TYPES). A CSV cell is text, so a list is written as values joined by ";"
and a map as "key=value" pairs; the JSON file keeps the real list or object.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from macros.data.spec import ID_PATTERN, RECORDS, Field
from macros.domain import status
from macros.vocabulary import kinds, periods


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _is_year(value) -> bool:
    """A year written as a number (the check holds it to the plan's years, data/ke-hoach.yml `giai_doan`)."""
    return isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 9999


def _is_text(value) -> bool:
    return isinstance(value, str) and value != ""


def _matches(pattern: str) -> Callable[[object], bool]:
    return lambda value: isinstance(value, str) and re.fullmatch(pattern, value) is not None


@dataclass(frozen=True)
class ValueType:
    """What the values of a column are, said once: the Table Schema types of the CSV cell and of the JSON value, how
    the page "Dữ liệu mở" describes them, and whether one JSON value is one of them (a missing value is judged by the
    column: only a column that is not always there may be empty). The tests run `accepts` over every exported
    value, so the description cannot drift from the data."""

    cell: str
    json: str
    text: str
    accepts: Callable[[object], bool]


ID_TEXT = "mã (chữ thường không dấu, nối bằng gạch ngang)"
# Field kind (macros/data/spec.py) -> what its values are in the open data.
VALUE_TYPES = {
    "id": ValueType("string", "string", ID_TEXT, _matches(ID_PATTERN)),
    "ref": ValueType("string", "string", ID_TEXT, _matches(ID_PATTERN)),
    "anchor": ValueType("string", "string", ID_TEXT, _matches(ID_PATTERN)),
    "text": ValueType("string", "string", "văn bản", _is_text),
    "enum": ValueType("string", "string", "một trong các giá trị kể ở cột Ý nghĩa", _is_text),
    "number": ValueType("number", "number", "số", _is_number),
    "year": ValueType("integer", "integer", "năm (số có bốn chữ số)", _is_year),
    "bool": ValueType("boolean", "boolean", "true hoặc false", lambda value: isinstance(value, bool)),
    "date": ValueType("date", "date", "ngày, dạng NĂM-THÁNG-NGÀY", _matches(r"\d{4}-\d{2}-\d{2}")),
    "period": ValueType(
        "string",
        "string",
        "kỳ báo cáo: NĂM-TT (tháng), NĂM-Q1 đến NĂM-Q4 (quý), NĂM (cả năm) hoặc NĂM-GK (đánh giá giữa nhiệm kỳ)",
        _matches(periods.PATTERN),
    ),
    "value": ValueType(
        "any",
        "any",
        "số, hoặc true/false với chỉ tiêu đạt/chưa đạt",
        lambda value: _is_number(value) or isinstance(value, bool),
    ),
    "refs": ValueType(
        "string",
        "array",
        "danh sách mã",
        lambda value: isinstance(value, list) and all(_matches(ID_PATTERN)(item) for item in value),
    ),
    "deadline": ValueType(
        "string",
        "any",
        f"năm (số có bốn chữ số), hoặc chữ {kinds.YEARLY} với chỉ tiêu xét từng năm",
        lambda value: _is_year(value) or value == kinds.YEARLY,
    ),
    "hamlet_values": ValueType(
        "string",
        "object",
        "các cặp mã ấp: số",
        lambda value: isinstance(value, dict) and all(_is_number(number) for number in value.values()),
    ),
}


@dataclass(frozen=True)
class Column:
    name: str
    value_type: ValueType
    title: str
    description: str
    choices: tuple[str, ...] = ()
    required: bool = False
    field: Field | None = None  # the data field it publishes; None for a column the site computes

    @property
    def type(self) -> str:
        """The Table Schema type of the CSV cell."""
        return self.value_type.cell

    @property
    def json(self) -> str:
        """The Table Schema type of the JSON value."""
        return self.value_type.json

    def accepts(self, value) -> bool:
        """Whether one exported JSON value is what the column says: empty only where the column may be empty."""
        if value is None:
            return not self.required
        return self.value_type.accepts(value) and (not self.choices or value in self.choices)


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


def field_column(field: Field) -> Column:
    value_type = VALUE_TYPES[field.kind]
    description = f"{field.public} {LIST}" if value_type.json == "array" else field.public
    return Column(
        field.name,
        value_type,
        title=field.title,
        description=description,
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
        VALUE_TYPES["value"],
        title="Số mới nhất",
        description="Số của báo cáo mới nhất (chỉ tiêu theo ấp: số của ấp xa mục tiêu nhất, tức ấp thấp nhất, hay ấp "
        "cao nhất khi số càng thấp càng tốt; chỉ tiêu bình quân hằng năm: bình quân số cả năm của các năm đã báo cáo), "
        "làm tròn như trang hiển thị và "
        "như khi so với mục tiêu: đến số chữ số thập phân của mục tiêu, ít nhất hai (số đúng như đã báo cáo ở cột "
        "gia_tri của cap-nhat); true/false với chỉ tiêu đạt/chưa đạt; để trống khi chưa có báo cáo.",
    ),
    Column(
        "ngay_so_lieu",
        VALUE_TYPES["date"],
        title="Ngày số liệu",
        description="Số mới nhất tính đến ngày này (NĂM-THÁNG-NGÀY).",
    ),
    Column(
        "trang_thai",
        VALUE_TYPES["enum"],
        title="Trạng thái",
        description="Tính theo trang Cách tính tiến độ: "
        + "; ".join(f"{key}: {label}" for key, label in status.LABELS.items()),
        choices=status.ORDER,
        required=True,
    ),
)
TASK_SECTION = Column(
    "muc", VALUE_TYPES["ref"], title="Mục của Kế hoạch", description="Mã mục chứa đoạn đó.", required=True
)

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
