"""Read a report the way a Vietnamese clerk writes it (a workbook row, a web form) into a report record.

The record has the shape of a report in data/cap-nhat/<year>.yml, so it then goes through exactly the same check.
This module only translates human forms ("81,82", "Quý IV/2026", "30/11/2026", "Đạt") and what an office suite
stores for them (0.8182 in a percent cell is 81,82%); it never guesses. A value that can be read two ways is refused
with both readings, and a blank value means "no report", never 0.

Every cell goes through `read_report`, which cannot raise: each reader below either returns a value or raises
`Refused` (and nothing else: numbers are matched before they are converted), and `read_report` turns a refusal into
a `Refusal` naming the field.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal

from macros import formats as fmt
from macros import slug
from macros.data import text_source
from macros.intake import fields
from macros.vocabulary import corrections, periods

YES = ("đạt", "có")
NO = ("chưa đạt", "không")
ROMAN_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
NUMBER_FIX = "viết số bằng chữ số, ví dụ 81,82 hoặc 1.234.567"
PERIOD_FIX = "chọn kỳ trong danh sách, hoặc viết: Tháng 11/2026, Quý 4/2026, Năm 2026, Giữa nhiệm kỳ 2028"
DATE_FIX = "viết ngày theo dạng ngày/tháng/năm, ví dụ 30/11/2026"
HIDDEN_FIX = "xoá ký tự đó (thường do dán từ Word hay Zalo) rồi gõ lại bằng bàn phím"
MAX_NUMBER_TEXT = 40  # characters: no report value is longer, and Python refuses to convert very long digit strings
MAX_STORED = 10**15  # a number cell holding this much or more is a slip (a pasted code, 1E+308), not a report


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


@dataclass(frozen=True)
class Cell:
    """One cell as an office suite stores it: the value, whether its number format shows it as a percentage (Excel
    and LibreOffice store a typed "81,82%" as 0.8182 in a 0.00% cell), and how many decimals the format shows (None:
    every decimal the value has, as the General format does)."""

    value: object
    percent: bool = False
    decimals: int | None = None


@dataclass(frozen=True)
class Shown:
    """A number whose cell shows it rounded: what the cell shows, and what it holds."""

    field: str
    shown: float
    stored: float


@dataclass
class Reading:
    """What could be read from one report: the record, the fields refused, whether a value was written or formatted
    as a percentage, and the numbers whose cells show them rounded."""

    record: dict = field(default_factory=dict)
    refusals: list[Refusal] = field(default_factory=list)
    percent: bool = False
    shown: list[Shown] = field(default_factory=list)


def blank(raw) -> bool:
    if isinstance(raw, Cell):
        return blank(raw.value)
    return raw is None or (isinstance(raw, str) and not raw.strip())


def _plain(text: str) -> str:
    """Lower case, one space between words, NFC: how "Quý  IV / 2026" and "quý iv/2026" become comparable."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text).strip().lower())


def _shown(raw) -> str:
    return f'"{raw}"'


def _number(raw) -> bool:
    return isinstance(raw, (int, float)) and not isinstance(raw, bool)


# ----------------------------------------------------------------- characters that do not show


def hidden(char: str) -> bool:
    """A character that shows as nothing or as a plain space but is not one: it makes a value differ from what the
    cell shows (a zero-width space, a soft hyphen, a control character). Line breaks and tabs are typed on purpose."""
    if char in "\n\t":
        return False
    return bool(text_source.INVISIBLE.match(char)) or unicodedata.category(char) in ("Cc", "Cf", "Co", "Cn")


def check_hidden(text: str) -> None:
    """Refuse a text holding a character that does not show, naming it and where it is: "dấu cách độ rộng 0
    (U+200B) sau ‘93,5’"."""
    places = [_hidden_place(text, index) for index, char in enumerate(text) if hidden(char)]
    if places:
        raise Refused("có ký tự vô hình: " + "; ".join(places), HIDDEN_FIX)


def _hidden_place(text: str, index: int) -> str:
    before = "".join(char for char in text[:index] if not hidden(char)).strip()[-20:]
    after = "".join(char for char in text[index + 1 :] if not hidden(char)).strip()[:20]
    label = text_source.invisible_label(text[index])
    if before:
        return f"{label} sau ‘{before}’"
    return f"{label} ở đầu, trước ‘{after}’" if after else f"{label} (ô không có gì khác)"


def _text_of(raw) -> str:
    """A cell's text, NFC, with what does not show refused and the ordinary spaces around it dropped."""
    text = unicodedata.normalize("NFC", str(raw))
    check_hidden(text)
    return text.strip()


# ----------------------------------------------------------------- numbers

DIGITS = r"[0-9]"
DECIMAL = re.compile(r"^([0-9]+)([.,])([0-9]+)$")  # one separator: "81,82", "81.82", or the ambiguous "1.234"
DOT_THOUSANDS = re.compile(r"^[0-9]{1,3}(\.[0-9]{3})+(,[0-9]+)?$")  # Vietnamese: "1.234.567", "1.234,5"
SPACED_THOUSANDS = re.compile(r"^-?[0-9]{1,3}( [0-9]{3})+([.,][0-9]+)?%?$")
COMMA_THOUSANDS = re.compile(r"^[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?$")  # English: "1,234,567", "1,234.5"
WHOLE = re.compile(r"^[0-9]+$")
MINUS_SIGNS = ("-", "\u2212", "\u2013")  # hyphen-minus, the minus sign, and the en dash Word puts for it


def _number_of(text: str) -> int | float:
    return float(text) if "." in text else int(text)


def _two_readings(before: str, after: str) -> bool:
    """ "1.234" is 1234 with a thousands dot, or 1,234 with a decimal dot; "81.82" and "0.125" are only decimals."""
    return len(after) == 3 and len(before) <= 3 and not before.startswith("0")


def _odd_digits(text: str) -> None:
    """A digit that is not 0–9 ("95²", "８１", "٣") is named: read as a digit, it would publish another number."""
    odd = [char for char in text if unicodedata.category(char) in ("Nd", "No", "Nl") and not re.match(DIGITS, char)]
    if odd:
        names = ", ".join(f"‘{char}’ (U+{ord(char):04X})" for char in dict.fromkeys(odd))
        raise Refused(f"{_shown(text)} có ký tự {names} không phải chữ số thường", "gõ lại số bằng các chữ số 0–9")


def _unsigned(text: str) -> int | float:
    _odd_digits(text)
    if len(text) > MAX_NUMBER_TEXT:
        raise Refused(f"{_shown(text[:20] + '…')} quá dài để là một số báo cáo", NUMBER_FIX)
    if WHOLE.match(text):
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


def _as_percentage(value: float) -> int | float:
    """0.8182 in a percent cell is the 81,82 it shows: scaled in decimal, so 0.8182 is 81.82, not 81.82000000000001."""
    scaled = Decimal(repr(value)) * 100
    return int(scaled) if scaled == scaled.to_integral_value() else float(scaled)


def _stored_number(raw, percent: bool) -> int | float:
    if not math.isfinite(raw):
        raise Refused("ô chứa một giá trị không phải số (lỗi tính toán hoặc số vô cực)", NUMBER_FIX)
    if abs(raw) >= MAX_STORED:  # 1E+308 in a percent cell would overflow once scaled; no report is near it
        raise Refused(f"ô chứa số {raw:.6G}, quá lớn để là một số báo cáo", NUMBER_FIX)
    value = _as_percentage(raw) if percent else raw
    return int(value) if float(value).is_integer() else value


def read_number(raw) -> tuple[int | float, bool]:
    """A number from a number cell or from text; also says whether it was written (or formatted) as a percentage."""
    cell = raw if isinstance(raw, Cell) else Cell(raw)
    value = cell.value
    if isinstance(value, (bool, dt.date, dt.time, dt.timedelta)):
        raise Refused(f"ô chứa {_cell_kind(value)} thay vì một số", "định dạng ô là Số rồi gõ lại số")
    if _number(value):
        return _stored_number(value, cell.percent), cell.percent
    return _number_text(_text_of(value))


def _number_text(text: str) -> tuple[int | float, bool]:
    text = re.sub(r"\s*%$", "%", text)
    if SPACED_THOUSANDS.match(text):
        text = text.replace(" ", "")  # "1 234 567": a space between groups of three separates thousands
    percent = text.endswith("%")
    body = text.removesuffix("%").strip()
    negative = body.startswith(MINUS_SIGNS)
    number = _unsigned(body[1:].strip() if negative else body)
    return (-number if negative else number), percent


def shown_number(raw) -> float | None:
    """What a number cell shows when its format rounds it (0.8182 in a 0% cell shows 82), else None."""
    if not isinstance(raw, Cell) or raw.decimals is None or not _number(raw.value) or not math.isfinite(raw.value):
        return None
    value = _stored_number(raw.value, raw.percent)
    shown = fmt.round_half_up(value, raw.decimals)
    return None if shown == value else shown


def _cell_kind(raw) -> str:
    if isinstance(raw, bool):
        return "giá trị TRUE/FALSE"
    if isinstance(raw, (dt.time, dt.timedelta)):
        return "giờ phút (ô đang định dạng kiểu thời gian)"
    return "ngày tháng (có thể Excel đã tự đổi số thành ngày)"


def read_yes_no(raw) -> bool | None:
    """Đạt / Chưa đạt / Có / Không (and TRUE/FALSE cells); None when the text is none of them."""
    if isinstance(raw, Cell):
        raw = raw.value
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
    value = raw.value if isinstance(raw, Cell) else raw
    answer = None if _number(value) else read_yes_no(value)
    if answer is not None:
        return answer, False
    try:
        return read_number(raw)
    except Refused as refused:
        if isinstance(value, str) and not re.search(r"\d", value) and not any(hidden(c) for c in value):
            raise Refused(
                f"không đọc được {_shown(value.strip())}: cần một số, hoặc Đạt / Chưa đạt",
                "viết số bằng chữ số (ví dụ 81,82); chỉ tiêu đạt chuẩn ghi Đạt hoặc Chưa đạt",
            ) from refused
        raise


# ----------------------------------------------------------------- periods

PERIOD_FORMS = tuple(
    (re.compile(pattern, re.ASCII), code_of)
    for pattern, code_of in (
        (r"^(?:thang ?|t)?([0-9]{1,2})(?: ?[/-] ?| nam )([0-9]{4})$", lambda m: f"{m[2]}-{int(m[1]):02d}"),
        (r"^([0-9]{4})-([0-9]{2})$", lambda m: f"{m[1]}-{m[2]}"),
        (r"^(?:quy ?|q)([0-9]|i{1,3}|iv)(?: ?[/-] ?| nam )([0-9]{4})$", lambda m: f"{m[2]}-Q{_quarter(m[1])}"),
        (r"^([0-9]{4})-q([0-9])$", lambda m: f"{m[1]}-Q{m[2]}"),
        (r"^(?:nam )?([0-9]{4})$", lambda m: m[1]),
        (r"^(?:danh gia )?giua (?:nhiem )?ky ([0-9]{4})$", lambda m: f"{m[1]}-GK"),
        (r"^([0-9]{4})-gk$", lambda m: f"{m[1]}-GK"),
    )
)


def _quarter(text: str) -> int:
    return int(text) if text.isdigit() else ROMAN_QUARTERS[text]


def read_period(raw) -> str:
    """The period code (2026-11, 2026-Q4, 2026, 2028-GK) of "Tháng 11/2026", "Quý IV/2026", "Năm 2026"…"""
    if isinstance(raw, Cell):
        raw = raw.value
    if isinstance(raw, dt.date):  # a datetime too
        return _period_of_date(raw)
    if isinstance(raw, int) and not isinstance(raw, bool):
        raw = str(raw)
    text = slug.fold(_plain(_text_of(raw)))
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
    (re.compile(r"^([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{4})$"), (3, 2, 1)),  # 30/11/2026, 30-11-2026, 30.11.2026
    (re.compile(r"^([0-9]{4})([/.-])([0-9]{1,2})\2([0-9]{1,2})$"), (1, 3, 4)),  # 2026-11-30, 2026/11/30
)


def read_date(raw) -> dt.date:
    """A day from a date cell (whatever its format shows) or from text written day first (Vietnamese) or as
    YYYY-MM-DD."""
    if isinstance(raw, Cell):
        raw = raw.value
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    if _number(raw):
        raise Refused(
            f"ô chứa số {fmt.number(raw) if math.isfinite(raw) else raw}, không phải một ngày",
            "định dạng ô là Ngày (Date) rồi gõ lại ngày, ví dụ 30/11/2026",
        )
    text = _text_of(raw)
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
    if isinstance(raw, Cell):
        raw = raw.value
    text = _text_of(raw)
    match = re.search(r"\(([^()]*)\)\s*$", text)
    return (match[1] if match else text).strip()


def read_text(raw) -> str:
    if isinstance(raw, Cell):
        raw = raw.value
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    if isinstance(raw, dt.date):
        return f"{raw:%d/%m/%Y}"
    return _text_of(raw)


def hamlet_key(text: str) -> str:
    """How a hamlet is matched by its name or its id: "Ấp Vĩnh Thạnh", "vĩnh thạnh", "vinh-thanh" are one key."""
    words = slug.slugify(text).split("-")
    return "-".join(words[1:] if words[:1] == ["ap"] and len(words) > 1 else words)


def hamlet_id(text: str, hamlets: dict[str, str]) -> str | None:
    """The id of the hamlet written as `text` (its id, or its name with or without "ấp"), from {id: name}; None
    when no hamlet, or more than one, answers to it."""
    if text in hamlets:
        return text
    key = hamlet_key(text)
    found = {known for known, name in hamlets.items() if key in (hamlet_key(known), hamlet_key(name))}
    return found.pop() if len(found) == 1 else None


# ----------------------------------------------------------------- one report

# How each kind of clerk field is read (values, one or per hamlet, are read by read_value below).
READ_BY_KIND = {"ref": read_id, "period": read_period, "date": read_date, "text": read_text}
READERS = {field.name: READ_BY_KIND[field.kind] for field in fields.CLERK_FIELDS if field.kind in READ_BY_KIND}


def read_report(cells: dict, hamlet_values: dict | None = None) -> Reading:
    """A report record from raw cells (or `Cell`s) keyed by report field. Blank cells stay out of the record, so a
    missing required field is reported by the check like in YAML. `hamlet_values` maps hamlet id to raw value.
    Never raises: whatever cannot be read is a refusal naming its field."""
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
    shown = shown_number(raw)
    if shown is not None:
        reading.shown.append(Shown(name, shown, value))
    store(value)


def _set_hamlet(reading: Reading, hamlet: str, value) -> None:
    reading.record.setdefault("theo_ap", {})[hamlet] = value


def percent_refusal(unit: str | None, yes_no: bool = False) -> Refusal | None:
    """A percentage is only read for a target counted in per cent: "81%" of cooperatives is a slip, not a number;
    a percent cell on a target reported as Đạt / Chưa đạt is a cell formatted for another row."""
    if yes_no:
        return Refusal(
            "gia_tri",
            "ô đang ở dạng phần trăm nhưng chỉ tiêu này ghi Đạt hoặc Chưa đạt",
            "chọn Đạt hoặc Chưa đạt trong danh sách (định dạng ô là Văn bản hoặc Chung)",
        )
    if unit and unit.startswith("%"):
        return None
    return Refusal(
        "gia_tri",
        f"chỉ tiêu này tính bằng {unit or 'số lượng'}, không phải phần trăm (ô ghi dấu % hoặc định dạng phần trăm)",
        "bỏ dấu % (hoặc đổi định dạng ô sang Số), hoặc kiểm tra lại đã ghi đúng dòng chỉ tiêu chưa",
    )


def shown_refusal(shown: Shown, unit: str | None) -> Refusal:
    """A cell that shows a rounded number other than the one it holds, at the precision the target is judged."""
    return Refusal(
        shown.field,
        f"ô hiển thị {fmt.quantity(shown.shown, unit)} nhưng số lưu trong ô là {fmt.quantity(shown.stored, unit)}",
        "tăng số chữ số thập phân của ô (Định dạng ô → Số) cho thấy đúng số cần báo cáo, hoặc gõ lại số",
    )


CORRECTION_FIX = (
    f'nếu dòng này sửa số đã gửi, ghi ở cột "Ghi chú": "{corrections.MARK} <lý do sửa>" (ví dụ "{corrections.MARK} số '
    'quý 3 tính nhầm"); nếu không, xoá dòng này hoặc sửa lại kỳ'
)


def fix_in_words(fix: str, name: str, label: str) -> str:
    """The check speaks YAML ("thêm dòng nguon: …", "viết gia_tri: true"); a clerk filling a workbook cell or a web
    form field reads the same advice in terms of that cell or field."""
    if fix.startswith("thêm dòng"):
        return f'điền "{label}"'
    if fix.startswith(f"xoá dòng {name}"):
        return f'để trống "{label}"'
    if fix.startswith("xoá theo_ap"):
        return "không ghi số theo từng ấp; ghi một số chung cho cả xã"
    if corrections.MARK in fix and "ghi_chu" in fix:
        return CORRECTION_FIX
    if "true" in fix:
        return "chọn Đạt hoặc Chưa đạt với chỉ tiêu đạt chuẩn, ghi số với chỉ tiêu khác"
    if "theo_ap" in fix:
        return "ghi số của từng ấp"
    return fix.replace(f"{name}:", f'"{label}":')
