"""Text that looks like a number to a person but is not a YAML 1.2 number: say what to write instead.

YAML 1.1 read `1:30` as 90, `010` as 8 and `0x10` as 16; this project reads YAML 1.2 strictly, so these
stay text and are refused here with the number a clerk should type.
"""

from __future__ import annotations

import re

from macros.data.load import YAML12_FLOAT, YAML12_INT

SEXAGESIMAL = re.compile(r"^[-+]?[0-9]+(?::[0-9]{1,2})+(?:\.[0-9]*)?$")
PREFIXED = re.compile(r"^[-+]?0[xob][0-9a-fA-F_]+$")
NOT_FINITE = re.compile(r"^[-+]?\.?(?:inf|Inf|INF|nan|NaN|NAN)$")
DECIMAL_FIX = "viết bằng chữ số, dùng dấu chấm thập phân, ví dụ 93.5"


def explain(text: str) -> tuple[str, str] | None:
    """(message, fix) for a number-like text, or None when it does not look like a number at all."""
    shown = f'"{text}"'
    if YAML12_INT.match(text) or YAML12_FLOAT.match(text):
        return f"số {shown} nằm trong ngoặc kép nên bị đọc là chữ", f"bỏ dấu ngoặc kép, viết {text}"
    if SEXAGESIMAL.match(text):
        message = f"{shown} không phải là một số (dấu hai chấm dùng cho giờ hay tỷ số)"
        return message, "viết một số thập phân với dấu chấm, ví dụ 1.5; tỷ số thì tính ra số trước"
    if PREFIXED.match(text):
        return (
            f"{shown} là số viết theo hệ 16, 8 hoặc 2",
            "viết số thập phân bằng các chữ số 0–9, không có tiền tố 0x, 0o, 0b",
        )
    if "_" in text and (YAML12_INT.match(text.replace("_", "")) or YAML12_FLOAT.match(text.replace("_", ""))):
        return f'số {shown} có dấu gạch dưới "_"', f'bỏ dấu "_", viết {text.replace("_", "")}'
    if NOT_FINITE.match(text):
        return f"phải là một số cụ thể, nhận được {shown}", f"{DECIMAL_FIX}; chưa có số liệu thì để trống"
    return None
