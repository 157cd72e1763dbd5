"""Read a report the way a Vietnamese clerk writes it (a workbook row, a web form) into a report record.

The record has the shape of a report in data/cap-nhat/<year>.yml, so it then goes through exactly the same check.
This module only translates human forms ("81,82", "Quý IV/2026", "30/11/2026", "Đạt"); it never guesses. A value that
can be read two ways is refused with both readings, and a blank value means "no report", never 0.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field

from macros.intake import fields
from macros.vocabulary import periods

YES = ("đạt", "có")
NO = ("chưa đạt", "không")
ROMAN_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
NUMBER_FIX = "viết số bằng chữ số, ví dụ 81,82 hoặc 1.234.567"
PERIOD_FIX = "chọn kỳ trong danh sách, hoặc viết: Tháng 11/2026, Quý 4/2026, Năm 2026, Giữa nhiệm kỳ 2028"
DATE_FIX = "viết ngày theo dạng ngày/tháng/năm, ví dụ 30/11/2026"


class Refused(ValueError):
    """A value this module will not read, with the reason and the fix, both in Vietnamese."""

    def __init__(self, message: str, fix: str):
        super().__init__(message)
        self.message = message
        self.fix = fix


@dataclass(frozen=True)
class Refusal:
    field: str
    message: str
    fix: str


@dataclass
class Reading:
    """What could be read from one report: the record, the fields refused, and whether a value had a % sign."""

    record: dict = field(default_factory=dict)
    refusals: list[Refusal] = field(default_factory=list)
    percent: bool = False


def blank(raw) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip())


def _plain(text: str) -> str:
    """Lower case, one space between words, NFC: how "Quý  IV / 2026" and "quý iv/2026" become comparable."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text).strip().lower())


def _shown(raw) -> str:
    return f'"{raw}"'


# ----------------------------------------------------------------- numbers

DECIMAL = re.compile(r"^(\d+)([.,])(\d+)$")  # one separator: "81,82", "81.82", or the ambiguous "1.234"
DOT_THOUSANDS = re.compile(r"^\d{1,3}(\.\d{3})+(,\d+)?$")  # Vietnamese: "1.234.567", "1.234,5"
SPACED_THOUSANDS = re.compile(r"^-?\d{1,3}(\s\d{3})+([.,]\d+)?%?$")
COMMA_THOUSANDS = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$")  # English: "1,234,567", "1,234.5"


def _number_of(text: str) -> int | float:
    return float(text) if "." in text else int(text)


def _two_readings(before: str, after: str) -> bool:
    """ "1.234" is 1234 with a thousands dot, or 1,234 with a decimal dot; "81.82" and "0.125" are only decimals."""
    return len(after) == 3 and len(before) <= 3 and not before.startswith("0")


def _unsigned(text: str) -> int | float:
    if text.isdigit():
        return int(text)
    single = DECIMAL.match(text)
    if single and _two_readings(*single.group(1, 3)):
        whole, decimal = f"{single.group(1)}{single.group(3)}", f"{single.group(1)},{single.group(3)}"
        raise Refused(
            f"{_shown(text)} đọc được hai cách: {whole} (dấu phân cách hàng nghìn) hoặc {decimal} (số thập phân)",
            f"viết {whole} nếu là số nguyên, hoặc {decimal}0 nếu là số thập phân",
        )
    if single:
        return _number_of(f"{single.group(1)}.{single.group(3)}")
    if DOT_THOUSANDS.match(text):
        return _number_of(text.replace(".", "").replace(",", "."))
    if COMMA_THOUSANDS.match(text):
        return _number_of(text.replace(",", ""))
    raise Refused(f"không đọc được {_shown(text)} thành một số", NUMBER_FIX)


def read_number(raw) -> tuple[int | float, bool]:
    """A number from a number cell or from text; also says whether it was written with a % sign."""
    if isinstance(raw, (bool, dt.date, dt.time)):
        raise Refused(f"ô chứa {_cell_kind(raw)} thay vì một số", "định dạng ô là Số rồi gõ lại số")
    if isinstance(raw, (int, float)):
        return (int(raw) if float(raw).is_integer() else raw), False
    text = re.sub(r"\s*%$", "%", unicodedata.normalize("NFC", str(raw)).strip())
    if SPACED_THOUSANDS.match(text):
        text = re.sub(r"\s", "", text)  # "1 234 567": a space between groups of three is a thousands separator
    percent = text.endswith("%")
    body = text.removesuffix("%")
    sign = -1 if body.startswith("-") else 1
    return sign * _unsigned(body.removeprefix("-")), percent


def _cell_kind(raw) -> str:
    if isinstance(raw, bool):
        return "giá trị TRUE/FALSE"
    return "ngày tháng (có thể Excel đã tự đổi số thành ngày)"


def read_yes_no(raw) -> bool | None:
    """Đạt / Chưa đạt / Có / Không (and TRUE/FALSE cells); None when the text is none of them."""
    if isinstance(raw, bool):
        return raw
    text = _plain(str(raw))
    if text in YES:
        return True
    if text in NO:
        return False
    return None


def read_value(raw) -> tuple[int | float | bool, bool]:
    """The reported value: a yes/no word or a number. Whether the target takes one or the other is the check's job."""
    answer = None if isinstance(raw, (int, float)) and not isinstance(raw, bool) else read_yes_no(raw)
    if answer is not None:
        return answer, False
    try:
        return read_number(raw)
    except Refused as refused:
        if isinstance(raw, str) and not re.search(r"\d", raw):
            raise Refused(
                f"không đọc được {_shown(raw.strip())}: cần một số, hoặc Đạt / Chưa đạt",
                "viết số bằng chữ số (ví dụ 81,82); chỉ tiêu đạt chuẩn ghi Đạt hoặc Chưa đạt",
            ) from refused
        raise


# ----------------------------------------------------------------- periods

PERIOD_FORMS = (
    (re.compile(r"^(?:thang ?|t)?(\d{1,2}) ?[/-] ?(\d{4})$"), lambda m: f"{m[2]}-{int(m[1]):02d}"),
    (re.compile(r"^(\d{4})-(\d{2})$"), lambda m: f"{m[1]}-{m[2]}"),
    (re.compile(r"^(?:quy ?|q)(\d|i{1,3}|iv) ?[/-] ?(\d{4})$"), lambda m: f"{m[2]}-Q{_quarter(m[1])}"),
    (re.compile(r"^(\d{4})-q(\d)$"), lambda m: f"{m[1]}-Q{m[2]}"),
    (re.compile(r"^(?:nam )?(\d{4})$"), lambda m: m[1]),
    (re.compile(r"^(?:danh gia )?giua (?:nhiem )?ky (\d{4})$"), lambda m: f"{m[1]}-GK"),
    (re.compile(r"^(\d{4})-gk$"), lambda m: f"{m[1]}-GK"),
)


def _quarter(text: str) -> int:
    return int(text) if text.isdigit() else ROMAN_QUARTERS[text]


def _unaccented(text: str) -> str:
    stripped = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return stripped.replace("đ", "d")


def read_period(raw) -> str:
    """The period code (2026-11, 2026-Q4, 2026, 2028-GK) of "Tháng 11/2026", "Quý IV/2026", "Năm 2026"…"""
    if isinstance(raw, dt.date):  # a datetime too
        return _period_of_date(raw)
    if isinstance(raw, int) and not isinstance(raw, bool):
        raw = str(raw)
    text = _unaccented(_plain(str(raw)))
    for pattern, code_of in PERIOD_FORMS:
        match = pattern.match(text)
        if match:
            code = code_of(match)
            if re.match(periods.PATTERN, code):
                return code
    raise Refused(f"không đọc được kỳ báo cáo {_shown(str(raw).strip())}", PERIOD_FIX)


def _period_of_date(day: dt.date) -> str:
    """Excel turns "11/2026" typed in a cell into the date 01/11/2026; only that first-of-month date is a month."""
    if day.day == 1:
        return f"{day.year}-{day.month:02d}"
    raise Refused(
        f"ô chứa ngày {day:%d/%m/%Y}, không phải một kỳ báo cáo",
        "chọn kỳ trong danh sách (ví dụ Tháng 11/2026); ngày số liệu ghi ở cột Ngày số liệu",
    )


# ----------------------------------------------------------------- dates

DATE_FORMS = (
    (re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$"), (3, 2, 1)),  # 30/11/2026, 30-11-2026, 30.11.2026
    (re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"), (1, 2, 3)),  # 2026-11-30
)


def read_date(raw) -> dt.date:
    """A day from a date cell or from text written day first (Vietnamese) or as YYYY-MM-DD."""
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    text = str(raw).strip()
    for pattern, (year, month, day) in DATE_FORMS:
        match = pattern.match(text)
        if match:
            return _real_day(text, int(match[year]), int(match[month]), int(match[day]))
    raise Refused(f"không đọc được ngày {_shown(text)}", DATE_FIX)


def _real_day(text: str, year: int, month: int, day: int) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise Refused(f"ngày {_shown(text)} không có thật trên lịch", DATE_FIX) from None


# ----------------------------------------------------------------- ids and text


def read_id(raw) -> str:
    """An id from a drop-down entry "Tên (mã)" or the bare id."""
    text = unicodedata.normalize("NFC", str(raw)).strip()
    match = re.search(r"\(([^()]*)\)\s*$", text)
    return (match[1] if match else text).strip()


def read_text(raw) -> str:
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    if isinstance(raw, dt.date):
        return f"{raw:%d/%m/%Y}"
    return unicodedata.normalize("NFC", str(raw)).strip()


# ----------------------------------------------------------------- one report

# How each kind of clerk field is read (values, one or per hamlet, are read by read_value below).
READ_BY_KIND = {"ref": read_id, "period": read_period, "date": read_date, "text": read_text}
READERS = {field.name: READ_BY_KIND[field.kind] for field in fields.CLERK_FIELDS if field.kind in READ_BY_KIND}


def read_report(cells: dict, hamlet_values: dict | None = None) -> Reading:
    """A report record from raw cells keyed by report field. Blank cells stay out of the record, so a missing
    required field is reported by the check like in YAML. `hamlet_values` maps hamlet id to raw value."""
    reading = Reading()
    for name, read in READERS.items():
        if not blank(cells.get(name)):
            _read_into(reading, name, read, cells[name])
    if not blank(cells.get("gia_tri")):
        _read_value_into(reading, "gia_tri", cells["gia_tri"], lambda value: reading.record.update(gia_tri=value))
    for hamlet, raw in (hamlet_values or {}).items():
        if not blank(raw):
            _read_value_into(reading, "theo_ap", raw, lambda value, h=hamlet: _set_hamlet(reading, h, value))
    return reading


def _read_into(reading: Reading, name: str, read, raw) -> None:
    try:
        reading.record[name] = read(raw)
    except Refused as refused:
        reading.refusals.append(Refusal(name, refused.message, refused.fix))


def _read_value_into(reading: Reading, name: str, raw, store) -> None:
    try:
        value, percent = read_value(raw)
    except Refused as refused:
        reading.refusals.append(Refusal(name, refused.message, refused.fix))
        return
    reading.percent = reading.percent or percent
    store(value)


def _set_hamlet(reading: Reading, hamlet: str, value) -> None:
    reading.record.setdefault("theo_ap", {})[hamlet] = value


def percent_refusal(unit: str | None) -> Refusal | None:
    """A % sign is only read for a target counted in per cent: "81%" of cooperatives is a slip, not a number."""
    if unit and unit.startswith("%"):
        return None
    return Refusal(
        "gia_tri",
        f"chỉ tiêu này tính bằng {unit or 'số lượng'}, không phải phần trăm",
        "bỏ dấu %, hoặc kiểm tra lại đã ghi đúng dòng chỉ tiêu chưa",
    )


def fix_in_words(fix: str, name: str, label: str) -> str:
    """The check speaks YAML ("thêm dòng nguon: …", "viết gia_tri: true"); a clerk filling a workbook cell or a web
    form field reads the same advice in terms of that cell or field."""
    if fix.startswith("thêm dòng"):
        return f'điền "{label}"'
    if "true" in fix:
        return "chọn Đạt hoặc Chưa đạt với chỉ tiêu đạt chuẩn, ghi số với chỉ tiêu khác"
    if "theo_ap" in fix:
        return "ghi số của từng ấp"
    return fix.replace(f"{name}:", f'"{label}":')
