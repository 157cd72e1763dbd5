"""Stage 2: check every rule on the loaded data and collect every problem.

Nothing is printed and nothing stops early: staff get the whole list at once.
"""

from __future__ import annotations

import datetime as dt
import difflib
import math
import re

from macros.data import number_text, rules, text_limits, value_rules
from macros.data.load import Located, LocatedList, Source
from macros.data.spec import ABBREVIATION_PATTERN, ID_PATTERN, RECORDS, Field
from macros.errors import Problem
from macros.vocabulary import kinds, periods

# Characters that are invisible, break the XML feed and never belong in a plan: C0 controls except tab and newline.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
NUMBER_FIX = "viết bằng chữ số, dùng dấu chấm thập phân, ví dụ 93.5"
PLAUSIBLE_YEARS = (2000, 2100)  # a year typed with four digits; the plan's own term is checked against its data
BOOL_WORDS = {"yes", "no", "on", "off", "y", "n", "có", "không", "dat", "đạt"}


def _text(value):
    if isinstance(value, bool):
        return (
            "đây là giá trị đúng/sai chứ không phải văn bản",
            'đặt văn bản trong ngoặc kép, ví dụ "true"',
        )
    if not isinstance(value, str) or not value.strip():
        return (
            "phải là một đoạn văn bản",
            "viết nội dung văn bản, đặt trong ngoặc kép nếu có dấu hai chấm",
        )
    if CONTROL.search(value):
        return "có ký tự điều khiển không in được", "gõ lại đoạn văn bản này thay vì dán từ tệp khác"
    return None


def _texts(value):
    if not isinstance(value, list) or not value or any(_text(item) for item in value):
        return (
            "phải là một danh sách văn bản",
            "viết mỗi mục trên một dòng, bắt đầu bằng dấu gạch ngang và dấu cách",
        )
    return None


def _id(value):
    if not isinstance(value, str) or not re.match(ID_PATTERN, value):
        return (
            f"mã {_show(value)} không hợp lệ",
            "chỉ dùng chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ bao-hiem-y-te",
        )
    return None


def _abbreviation(value):
    if not isinstance(value, str) or not re.match(ABBREVIATION_PATTERN, value):
        return (
            f"chữ viết tắt {_show(value)} không đúng dạng",
            "viết chữ in hoa, không dấu cách, các phần nối bằng dấu gạch ngang, ví dụ HĐND hoặc KT-XH",
        )
    return None


def _number(value):
    if isinstance(value, str) and number_text.explain(value.strip()):
        return number_text.explain(value.strip())
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return f"phải là một số, nhận được {_show(value)}", NUMBER_FIX
    if not math.isfinite(value):
        return f"phải là một số cụ thể, nhận được {_show(value)}", NUMBER_FIX
    return None


def _year(value):
    if isinstance(value, str) and value.strip().isdigit():
        return number_text.explain(value.strip())
    if isinstance(value, bool) or not isinstance(value, int):
        return (
            f"phải là một năm, nhận được {_show(value)}",
            "viết năm bằng bốn chữ số, ví dụ 2030",
        )
    if not PLAUSIBLE_YEARS[0] <= value <= PLAUSIBLE_YEARS[1]:
        return f"năm {value} không hợp lý", "viết năm bằng bốn chữ số, ví dụ 2030"
    return None  # whether the year lies in the plan's term is a rule across records (value_rules)


def _deadline(value):
    return None if value == kinds.YEARLY else _year(value)


def _date(value):
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        return (
            f"{_show(value)} không phải là ngày hợp lệ",
            "viết ngày theo dạng NĂM-THÁNG-NGÀY, ví dụ 2026-12-31",
        )
    return None


def _bool(value):
    if isinstance(value, bool):
        return None
    if isinstance(value, str) and value.strip().lower() in BOOL_WORDS:
        return (
            f"{_show(value)} không phải là true/false",
            "viết true (đúng, đã đạt) hoặc false (chưa đạt), không có ngoặc kép",
        )
    return f"phải là true hoặc false, nhận được {_show(value)}", "viết true hoặc false"


def _value(value):
    if isinstance(value, str) and value.strip().lower() in BOOL_WORDS:
        return _bool(value)
    return None if isinstance(value, bool) else _number(value)


def _period(value):
    if not re.match(periods.PATTERN, str(value)) or isinstance(value, bool):
        return (
            f"kỳ báo cáo {_show(value)} không đúng dạng",
            "viết " + periods.FORMS,
        )
    return None


def _mapping_of(check_value):
    def check(value):
        if not isinstance(value, dict) or not value:
            return (
                "phải là các dòng dạng mã: giá trị",
                "viết mỗi dòng một mã, ví dụ vinh-thanh: 2",
            )
        return next(filter(None, map(check_value, value.values())), None)

    return check


TYPE_CHECKS = {
    "text": _text,
    "texts": _texts,
    "id": _id,
    "number": _number,
    "year": _year,
    "deadline": _deadline,
    "date": _date,
    "bool": _bool,
    "value": _value,
    "period": _period,
    "ref": _id,
    "anchor": _id,
    "refs": lambda v: (
        None if isinstance(v, list) and not any(map(_id, v)) else _id(v if not isinstance(v, list) else "?")
    ),
    "anchors": lambda v: None if isinstance(v, list) and v and not any(map(_id, v)) else _texts(None),
    "sources": lambda v: None if isinstance(v, list) and v and not any(map(_id, v)) else _texts(None),
    "hamlet_values": _mapping_of(_number),
    "redirects": _mapping_of(_text),
    "abbreviation": _abbreviation,
}


def _show(value) -> str:
    if value is None:
        return "ô trống"
    if isinstance(value, bool):
        return "true" if value else "false"
    return f'"{value}"'


def check_record(value, record: str, path: str, line: int, where: str, malformed: set[int]) -> list[Problem]:
    """Check one mapping against its record spec, descending into nested records.

    A mapping with a problem in its own fields is added to `malformed` (by id), so that the rules across records
    leave it out instead of tripping over it; a problem in a nested record marks only that nested record."""
    spec = RECORDS[record]
    if not isinstance(value, Located):
        fix = "viết các trường dạng tên: giá trị, mỗi trường một dòng"
        return [
            Problem(
                path,
                line,
                where or spec.title,
                f"phải là một mục có các trường của {spec.title}",
                fix,
            )
        ]
    own = [_unknown(path, value, key, spec) for key in value if spec.field(key) is None]
    nested = []
    for field in spec.fields:
        found = _check_field(value, field, path, malformed)
        (nested if field.kind in NESTED and _present(value.get(field.name)) else own).extend(found)
    if own:
        malformed.add(id(value))
    return own + nested


NESTED = ("record", "records")


def _present(value) -> bool:
    return not (value is None or value == [] or value == {})


def _unknown(path: str, mapping: Located, key, spec) -> Problem:
    names = [f.name for f in spec.fields]
    guess = difflib.get_close_matches(str(key), names, n=1)
    hint = f'có phải bạn muốn viết "{guess[0]}"?' if guess else "các trường được dùng: " + ", ".join(names)
    return Problem(
        path,
        mapping.line_of(key),
        str(key),
        f"trường này không có trong mẫu {spec.title}",
        hint,
    )


def _check_field(mapping: Located, field: Field, path: str, malformed: set[int]) -> list[Problem]:
    line = mapping.line_of(field.name)
    value = mapping.get(field.name)
    if not _present(value):
        return [_missing(path, mapping.line, field)] if field.required else []
    if field.kind == "record":
        return check_record(value, field.record, path, line, field.name, malformed)
    if field.kind == "records":
        return _check_records(value, field, path, line, malformed)
    if field.kind == "enum":
        return _check_choice(value, field, path, line)
    if field.kind == "enums":
        return _check_choices(value, field, path, line)
    failure = TYPE_CHECKS[field.kind](value)
    if failure:
        return [Problem(path, line, field.name, *failure)]
    return text_limits.problems(mapping, field, path) if field.kind in text_limits.TEXT_KINDS else []


def _missing(path: str, line: int, field: Field) -> Problem:
    return Problem(
        path,
        line,
        field.name,
        f"thiếu trường bắt buộc ({field.title})",
        f"thêm dòng {field.name}: …",
    )


def _check_choice(value, field: Field, path: str, line: int) -> list[Problem]:
    if value in field.choices:
        return []
    allowed = ", ".join(field.choices)
    return [
        Problem(
            path,
            line,
            field.name,
            f"giá trị {_show(value)} không được dùng",
            f"chọn một trong: {allowed}",
        )
    ]


def _check_choices(value, field: Field, path: str, line: int) -> list[Problem]:
    if not isinstance(value, list):
        fix = "viết trong ngoặc vuông, ví dụ [" + ", ".join(field.choices[:2]) + "]"
        return [Problem(path, line, field.name, "phải là một danh sách", fix)]
    return [problem for item in value for problem in _check_choice(item, field, path, line)]


def _check_records(value, field: Field, path: str, line: int, malformed: set[int]) -> list[Problem]:
    if not isinstance(value, LocatedList):
        fix = "viết mỗi mục bắt đầu bằng dấu gạch ngang và dấu cách"
        return [Problem(path, line, field.name, "phải là một danh sách", fix)]
    problems = []
    for index, item in enumerate(value):
        problems += check_record(item, field.record, path, value.line_of(index), field.name, malformed)
    return problems


def validate(sources: dict[str, list[Source]], today: dt.date) -> list[Problem]:
    """Every structural problem, then every rule that links records together, on the well-formed records."""
    problems, malformed = [], set()
    for root, files in sources.items():
        for source in files:
            problems += check_record(source.root, root, source.path, 1, "", malformed) if source.readable else []
    index, found = rules.build_index(sources, malformed)
    for rule in CROSS_RECORD_RULES:
        found += rule(index)
    return problems + found + value_rules.check_reports(index, today)


CROSS_RECORD_RULES = (
    rules.check_unique_ids,
    rules.check_references,
    rules.check_quotes,
    rules.check_target_sections,
    value_rules.check_target_values,
    value_rules.check_requests,
    value_rules.check_roles,
    value_rules.check_registry,
    rules.check_unique_abbreviations,
)
