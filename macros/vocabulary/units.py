"""The units a target may be counted in, and which of them count whole things.

"5 sản phẩm OCOP", "từ 01-02 hợp tác xã", "2 khách sạn": a target whose unit names a thing counts things, so its
goal and every reported value are whole numbers, whatever the target's kind (a "tich-luy" or "khoang" target counts
products as surely as a "so-luong-hang-nam" one). The unit already says so in the data, so no field has to repeat it
(and no clerk or importer has to remember to set one); this registry says which words name things to count and
which name measures. A numeric target's unit must be one of them, so a new unit is classified once, here, before
a fraction of it can be published: a unit that is neither is refused by the check (macros/data/value_rules.py).
"""

from __future__ import annotations

import re

# Things one counts one by one: a fraction of one is a typing slip.
COUNTED = frozenset(
    {
        "sản phẩm",
        "cơ sở",
        "khách sạn",
        "hợp tác xã",
        "tổ hợp tác",
        "điểm du lịch",
        "doanh nghiệp",
        "trường",
        "trạm",
        "hộ",
        "người",
        "lao động",
        "công trình",
        "dự án",
        "ấp",
        "xã",
        "chợ",
        "mô hình",
        "câu lạc bộ",
        "lớp",
        "học sinh",
        "cán bộ",
        "vụ",
        "vụ án",
        "lượt",
        "căn",
        "nhà",
        "cây cầu",
        "tuyến",
    }
)
# Measures: a fraction is a real value (a share, an area, an amount of money, a length, a weight).
MEASURED = frozenset(
    {"ha", "km", "m", "m2", "m²", "m3", "m³", "tấn", "tạ", "kg", "lít", "đồng", "triệu đồng", "tỷ đồng", "usd", "năm"}
)
PERCENT = "%"  # "%", "% dự toán", "% chỉ tiêu giao": a share of something


def _plain(unit: str) -> str:
    return re.sub(r"\s+", " ", unit.strip().lower())


def counts_things(unit: str | None) -> bool:
    """Whether a target counted in this unit counts whole things ("sản phẩm"), never a share or a measure."""
    return isinstance(unit, str) and _plain(unit) in COUNTED


def known(unit: str | None) -> bool:
    """A unit this registry classifies: a percentage, a rate ("%/năm", "triệu đồng/người"), a measure, or a count."""
    if not isinstance(unit, str):
        return False
    plain = _plain(unit)
    return plain.startswith(PERCENT) or "/" in plain or plain in MEASURED or plain in COUNTED
