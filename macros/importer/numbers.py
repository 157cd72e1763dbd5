"""Numbers as Vietnamese plans write them, and what they measure.

"86,4" is 86.4 (comma for decimals), "5.000" is 5000 (dot between thousands), "01" is 1; "01-02", "02 - 03" and
"từ 01 đến 02" are ranges. A value is compared the way its words say: "trên", "vượt" (>), "dưới" (<), "còn",
"không quá" (<=), otherwise "đạt", "từ", "ít nhất", "trở lên" (>=).

Numbers that are not values are left alone: years, dates ("04/5/2025"), document numbers ("số 38/KH-UBND",
"68-NQ/TW"), names in quotation marks ("4 tại chỗ") and versions ("công nghiệp 4.0").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from macros.vocabulary import units

DIGITS = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
NUMBER = re.compile(rf"(?<![\w/.,\-–])({DIGITS})(?![\d/]|[.,]\d|[\-–]?[A-ZĐ])")
FRACTION = re.compile(r"(?<![\w/.,\-–])(\d{1,3})/(\d{1,3})(?=\s+[^\W\d_])")  # "04/09 thôn": 4 of 9 villages
RANGE_TAIL = re.compile(rf"^\s*(?:[-–]|đến)\s*({DIGITS})(?![\d/]|[.,]\d)")
YEAR = re.compile(r"^(19|20)\d{2}$")
# Words before a number that make it a reference, not a value ("Nghị quyết số 57", "khóa XIII", "lần thứ 2").
REFERENCE_BEFORE = re.compile(
    r"(?:\bsố|\bngày|\btháng|\bnăm|\bkhóa|\bkhoá|\blần thứ|\bquý|\bĐiều|\bkhoản|\bmục|\bnhiệm kỳ|\bgiai đoạn"
    r"|\bđoạn|\bphương châm|\bĐề án|\bNghị quyết|\bKết luận|\bChỉ thị|\bQuyết định)\s*$",
    re.IGNORECASE,
)
COMPARE_BEFORE = (  # the words right before a number, longest first; "không" turns a strict bound into its opposite
    ("không vượt quá", "<="), ("không quá", "<="), ("tối đa", "<="), ("giảm còn", "<="), ("xuống còn", "<="),
    ("không cao hơn", "<="), ("không nhiều hơn", "<="), ("không hơn", "<="), ("không trên", "<="),
    ("không dưới", ">="), ("không thấp hơn", ">="), ("không ít hơn", ">="),
    ("đạt và vượt", ">="), ("đạt hoặc vượt", ">="), ("bằng hoặc vượt", ">="),
    ("còn dưới", "<"), ("dưới", "<"), ("thấp hơn", "<"), ("ít hơn", "<"),
    ("cao hơn", ">"), ("nhiều hơn", ">"), ("vượt", ">"), ("trên", ">"), ("hơn", ">"),
    ("còn", "<="),
)  # fmt: skip
# The words right after a number's unit that bound it: "10% trở xuống" is at most 10%, "90% trở lên" at least 90%.
COMPARE_AFTER = (("trở xuống", "<="), ("trở lên", ">="), ("trở lại", "<="))
# The units of the vocabulary (macros/vocabulary/units.py), longest first, so "triệu đồng" wins over "đồng".
UNITS = tuple(sorted(units.COUNTED | units.MEASURED, key=len, reverse=True))
PERCENT_OF = re.compile(r"^\s*(chỉ tiêu(?: được)? giao|chỉ tiêu|dự toán(?: được giao| cấp trên giao)?|kế hoạch)\b")


@dataclass(frozen=True)
class Value:
    low: float
    high: float | None  # the upper bound of a range; None for one number
    unit: str | None
    per_year: bool  # "%/năm", "ha/năm"
    start: int  # where the number starts in the clause
    end: int  # where its unit ends
    out_of: float | None = None  # "04/09 thôn": 9, the whole the count is out of


def read_number(text: str) -> float:
    """ "86,4" -> 86.4, "5.000" -> 5000, "01" -> 1."""
    value = float(text.replace(".", "").replace(",", "."))
    return int(value) if value.is_integer() else value


def unit_after(text: str) -> tuple[str | None, int, bool]:
    """The unit right after a number, how many characters it takes, and whether it is "per year"."""
    percent = re.match(r"^\s?%", text)
    if percent:
        rest = text[percent.end() :]
        per_year = re.match(r"^\s?/\s?năm", rest)
        if per_year:
            return "%", percent.end() + per_year.end(), True
        of = PERCENT_OF.match(rest)
        return ("% " + of[1], percent.end() + of.end(), False) if of else ("%", percent.end(), False)
    lowered = text.lower()
    for unit in UNITS:
        if re.match(rf"^\s{re.escape(unit)}(?![\w])", lowered):
            size = len(unit) + 1
            per = re.match(r"^/người", text[size:])  # "triệu đồng/người": a rate, written as it is
            unit, size = (unit + per[0], size + per.end()) if per else (unit, size)
            per_year = re.match(r"^\s?/\s?năm", text[size:])
            return unit, size + (per_year.end() if per_year else 0), bool(per_year)
    word = re.match(r"^\s([^\W\d_]+)", text)
    return (word[1], word.end(), False) if word else (None, 0, False)


def quoted_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(r"“[^”]*”|\"[^\"]*\"", text)]


def is_reference(text: str, start: int, digits: str) -> bool:
    """ "Nghị quyết số 57", "tháng 11", "năm 2030": a reference or a date. A percentage never is ("hằng năm 8%")."""
    if re.match(r"^\s?%", text[start + len(digits) :]):
        return False
    return bool(REFERENCE_BEFORE.search(text[:start]) or YEAR.match(digits))


def values(text: str) -> list[Value]:
    """Every number in a clause that can be a value, with its range and unit."""
    quotes, found = quoted_spans(text), [fraction_at(text, m) for m in FRACTION.finditer(text)]
    for match in NUMBER.finditer(text):
        if any(a <= match.start() < b for a, b in quotes) or is_reference(text, match.start(), match[1]):
            continue
        if any(v.start <= match.start() < v.end for v in found):
            continue  # the upper bound of a range, or the whole of a fraction, already read
        found.append(value_at(text, match))
    return sorted((v for v in found if not is_reference(text, v.start, "x")), key=lambda v: v.start)


def fraction_at(text: str, match: re.Match) -> Value:
    unit, size, per_year = unit_after(text[match.end() :])
    return Value(read_number(match[1]), None, unit, per_year, match.start(), match.end() + size, read_number(match[2]))


def value_at(text: str, match: re.Match) -> Value:
    low, end, high = read_number(match[1]), match.end(), None
    tail = RANGE_TAIL.match(text[end:])
    if tail and not YEAR.match(tail[1]):
        high, end = read_number(tail[1]), end + tail.end()
    unit, size, per_year = unit_after(text[end:])
    return Value(low, high, unit, per_year, match.start(), end + size)


def comparison(before: str, after: str) -> str:
    """The comparison the words around a number call for: "đạt trên 95%" is ">", "giảm còn 1,26%" is "<="."""
    words = before.lower().rstrip()
    for phrase, code in COMPARE_BEFORE:
        if re.search(rf"(?:^|\s){re.escape(phrase)}$", words):
            return code
    following = after.lower().lstrip()
    for phrase, code in COMPARE_AFTER:
        if following.startswith(phrase):
            return code
    return ">="
