"""What a text field may not hide: a value cut short by ` #`, or more text than the field is for."""

from __future__ import annotations

from macros import formats as fmt
from macros.data.load import Located, LocatedList
from macros.data.spec import Field
from macros.errors import Problem

TEXT_KINDS = ("text", "texts")
CUT_FIX = "đặt cả giá trị trong ngoặc kép"


def problems(mapping: Located, field: Field, path: str) -> list[Problem]:
    """Problems of one text (or list-of-texts) field, whose values already passed the type check."""
    value = mapping[field.name]
    line = mapping.line_of(field.name)
    if field.kind == "text":
        found = _cut(path, line, field, getattr(mapping, "comments", {}).get(field.name))
        return found + _too_long(path, line, field, value)
    found = []
    for index, item in enumerate(value):
        item_line = value.line_of(index) if isinstance(value, LocatedList) else line
        found += _cut(path, item_line, field, getattr(value, "comments", {}).get(index))
        found += _too_long(path, item_line, field, item)
    return found


def _cut(path: str, line: int, field: Field, comment: str | None) -> list[Problem]:
    if not comment:
        return []
    message = f'phần sau dấu # bị bỏ ("{comment}" không được đọc)'
    return [Problem(path, line, field.name, message, CUT_FIX)]


def _too_long(path: str, line: int, field: Field, text: str) -> list[Problem]:
    if len(text) <= field.max_length:
        return []
    message = f"dài {fmt.number(len(text))} ký tự, quá giới hạn {fmt.number(field.max_length)} ký tự của trường này"
    fix = "viết ngắn gọn; nội dung dài để trong văn bản báo cáo, ở đây chỉ ghi số hiệu hoặc đường liên kết"
    return [Problem(path, line, field.name, message, fix)]
