"""Rules on values: target values by kind, report periods and values, and the registry of published ids."""

from __future__ import annotations

import datetime as dt
import re

from macros import formats as fmt
from macros.data.rules import Entry, Index
from macros.data.spec import PERIOD_PATTERN
from macros.data.spec import YES_NO_KINDS as YES_NO
from macros.domain import periods
from macros.errors import Problem

NEEDS_VALUE = {"tich-luy", "ty-le-hang-nam"}


def _number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _problem(entry: Entry, key: str, message: str, fix: str) -> Problem:
    return Problem(entry.path, entry.record.line_of(key), key, message, fix)


def _target_problems(entry: Entry) -> list[Problem]:
    record, kind = entry.record, entry.record.get("loai")
    problems = []
    if kind in NEEDS_VALUE and not _number(record.get("gia_tri")):
        problems.append(
            _problem(
                entry,
                "gia_tri",
                "chỉ tiêu loại này cần giá trị mục tiêu",
                "thêm dòng gia_tri: <số>",
            )
        )
    if kind == "khoang" and not _number(record.get("gia_tri_tu")):
        problems.append(
            _problem(
                entry,
                "gia_tri_tu",
                "chỉ tiêu dạng khoảng cần cận dưới",
                "thêm dòng gia_tri_tu: <số>",
            )
        )
    if kind in YES_NO and record.get("gia_tri") is not None:
        problems.append(
            _problem(
                entry,
                "gia_tri",
                "chỉ tiêu đạt/không đạt không có giá trị số",
                "xóa dòng gia_tri",
            )
        )
    return problems + _deadline_problems(entry) + _range_problems(entry) + _wording_problems(entry)


def _wording_problems(entry: Entry) -> list[Problem]:
    """How the plan words a target: the comparison, the in-year measure, and the reason for anything inferred."""
    record, kind = entry.record, entry.record.get("loai")
    problems = []
    if kind not in YES_NO and kind is not None and record.get("so_sanh") is None:
        fix = "thêm dòng so_sanh: \">=\" nếu kế hoạch viết “đạt”, “trở lên”, “ít nhất”; \">\" nếu viết “vượt”, “trên”"
        problems.append(_problem(entry, "so_sanh", "chỉ tiêu có số cần ghi cách so với mục tiêu", fix))
    if kind in YES_NO and record.get("so_sanh") is not None:
        problems.append(_problem(entry, "so_sanh", "chỉ tiêu đạt/không đạt không so số", "xóa dòng so_sanh"))
    if kind == "ty-le-hang-nam" and record.get("trong_nam") is None:
        fix = "thêm dòng trong_nam: cong-don (số cộng dồn trong năm) hoặc ty-le (tỷ lệ so được ngay)"
        problems.append(_problem(entry, "trong_nam", "chỉ tiêu xét hằng năm có số cần ghi số trong năm là gì", fix))
    inferred = record.get("han_theo_ke_hoach") is False or record.get("gia_tri_theo_ke_hoach") is False
    if inferred and not record.get("ghi_chu"):
        fix = "ghi ở ghi_chu vì sao trang suy ra thời hạn hoặc mức cần đạt này"
        problems.append(_problem(entry, "ghi_chu", "chỉ tiêu có phần do trang suy ra nhưng chưa ghi lý do", fix))
    return problems


def check_requests(index: Index) -> list[Problem]:
    """A request ("đề nghị") is not an assignment: the body asked is not also the lead or a partner."""
    problems = []
    for entry in index.collections.get("task", []):
        if entry.record.get("de_nghi") and (entry.record.get("chu_tri") or entry.record.get("phoi_hop")):
            message = "nhiệm vụ là lời đề nghị (de_nghi) nhưng lại ghi đơn vị chủ trì hoặc phối hợp"
            fix = "kế hoạch chỉ đề nghị, không giao: để trống chu_tri và phoi_hop"
            problems.append(_problem(entry, "de_nghi", message, fix))
    return problems


YEARLY_KINDS = {"ty-le-hang-nam", "dat-chuan"}  # the kinds that may be judged every year (han: hang-nam)


def _deadline_problems(entry: Entry) -> list[Problem]:
    record, kind = entry.record, entry.record.get("loai")
    yearly = record.get("han") == "hang-nam"
    if (kind == "ty-le-hang-nam" and not yearly) or (yearly and kind not in YEARLY_KINDS):
        message = (
            "chỉ tiêu ty-le-hang-nam có hạn hang-nam; dat-chuan có hạn là một năm hoặc hang-nam; "
            "loại khác có hạn là một năm"
        )
        return [_problem(entry, "han", message, "sửa han hoặc loai cho khớp nhau")]
    if _number(record.get("co_so")) and record.get("nam_co_so") is None:
        return [
            _problem(entry, "nam_co_so", "có giá trị gốc nhưng thiếu năm của giá trị gốc", "thêm dòng nam_co_so: <năm>")
        ]
    return []


def _range_problems(entry: Entry) -> list[Problem]:
    record, problems = entry.record, []
    for key in ("gia_tri", "gia_tri_tu", "gia_tri_den", "co_so"):
        value = record.get(key)
        if _number(value) and value < 0:
            problems.append(
                _problem(
                    entry,
                    key,
                    f"giá trị {value} là số âm",
                    "số lượng và tỷ lệ không thể âm",
                )
            )
        if _number(value) and record.get("don_vi") == "%" and value > 100:
            problems.append(
                _problem(
                    entry,
                    key,
                    f"tỷ lệ {value}% lớn hơn 100%",
                    "kiểm tra lại số, tỷ lệ tối đa là 100",
                )
            )
    low, high = record.get("gia_tri_tu"), record.get("gia_tri_den")
    if _number(low) and _number(high) and high < low:
        problems.append(_problem(entry, "gia_tri_den", "cận trên nhỏ hơn cận dưới", "đổi chỗ hai số"))
    return problems


def check_target_values(index: Index) -> list[Problem]:
    return [problem for entry in index.collections.get("target", []) for problem in _target_problems(entry)]


def _period_problems(entry: Entry, today: dt.date, span: tuple[int, int]) -> list[Problem]:
    code = entry.record.get("ky")
    if not re.match(PERIOD_PATTERN, str(code)) or isinstance(code, bool):
        return []
    period = periods.parse(code)
    if period.start > today:
        return [
            _problem(
                entry,
                "ky",
                f"kỳ {code} chưa bắt đầu (hôm nay là {fmt.date(today)})",
                "chỉ báo cáo cho kỳ đã bắt đầu; kiểm tra lại năm và tháng",
            )
        ]
    if not span[0] - 1 <= period.start.year <= span[1]:
        return [
            _problem(
                entry,
                "ky",
                f"kỳ {code} nằm ngoài giai đoạn kế hoạch {span[0]}–{span[1]} và năm gốc {span[0] - 1}",
                "kiểm tra lại năm của kỳ báo cáo",
            )
        ]
    if period.kind == "giua-ky" and period.start.year != 2028:
        return [
            _problem(
                entry,
                "ky",
                "đánh giá giữa nhiệm kỳ chỉ có vào năm 2028 (mục V.5)",
                "viết ky: 2028-GK",
            )
        ]
    return _date_problems(entry, period, today)


def _date_problems(entry: Entry, period: periods.Period, today: dt.date) -> list[Problem]:
    """`ngay` is the day the numbers stand at: inside the period, and not in the future."""
    day = entry.record.get("ngay")
    if not isinstance(day, dt.date):
        return []
    shown = fmt.date(day)
    if day > today:
        return [_problem(entry, "ngay", f"ngày số liệu {shown} ở tương lai", "ghi ngày đã có số liệu")]
    if day < period.start:
        message = f"ngày số liệu {shown} trước khi kỳ {period.label} bắt đầu"
        return [_problem(entry, "ngay", message, "ghi ngày trong kỳ báo cáo")]
    if day > period.end:
        message = f"ngày số liệu {shown} sau khi kỳ {period.label} đã kết thúc ({fmt.date(period.end)})"
        return [_problem(entry, "ngay", message, "ghi ngày mà số liệu được tính đến, trong kỳ báo cáo")]
    return []


def _value_problems(entry: Entry, target: Entry | None) -> list[Problem]:
    if target is None:
        return []
    kind, value = target.record.get("loai"), entry.record.get("gia_tri")
    per_hamlet = target.record.get("theo_ap") is True
    if per_hamlet and not entry.record.get("theo_ap"):
        return [
            _problem(
                entry,
                "theo_ap",
                "chỉ tiêu này tính theo từng ấp",
                "thêm theo_ap với số của từng ấp",
            )
        ]
    if not per_hamlet and value is None:
        return [
            _problem(
                entry,
                "gia_tri",
                "thiếu giá trị báo cáo",
                "thêm dòng gia_tri: <số> hoặc true/false",
            )
        ]
    if kind in YES_NO and value is not None and not isinstance(value, bool):
        return [
            _problem(
                entry,
                "gia_tri",
                "chỉ tiêu này chỉ nhận true (đã đạt) hoặc false (chưa đạt)",
                "viết gia_tri: true hoặc gia_tri: false",
            )
        ]
    if kind not in YES_NO and isinstance(value, bool):
        return [
            _problem(
                entry,
                "gia_tri",
                "chỉ tiêu này cần một số, không phải true/false",
                "viết số đạt được",
            )
        ]
    return _report_range(entry, target, value)


def _report_range(entry: Entry, target: Entry, value) -> list[Problem]:
    hamlet_values = entry.record.get("theo_ap")
    values = [value] + (list(hamlet_values.values()) if isinstance(hamlet_values, dict) else [])
    for number in filter(_number, values):
        if number < 0:
            return [
                _problem(
                    entry,
                    "gia_tri",
                    f"giá trị {number} là số âm",
                    "số lượng và tỷ lệ không thể âm",
                )
            ]
        if target.record.get("don_vi") == "%" and number > 100:
            return [
                _problem(
                    entry,
                    "gia_tri",
                    f"tỷ lệ {number}% lớn hơn 100%",
                    "kiểm tra lại số, tỷ lệ tối đa là 100",
                )
            ]
    return []


def check_reports(index: Index, today: dt.date) -> list[Problem]:
    targets = {entry.record.get("id"): entry for entry in index.collections.get("target", [])}
    hamlets = index.ids("hamlet")
    problems, seen = [], {}
    for entry in index.collections.get("report", []):
        key = (entry.record.get("chi_tieu"), str(entry.record.get("ky")))
        if key in seen:
            problems.append(
                _problem(
                    entry,
                    "ky",
                    f"chỉ tiêu {key[0]} đã có báo cáo kỳ {key[1]} ({seen[key]})",
                    "gộp hai báo cáo làm một, hoặc sửa lại kỳ",
                )
            )
        seen.setdefault(key, f"{entry.path}:{entry.record.line}")
        problems += _period_problems(entry, today, index.period_span)
        problems += _value_problems(entry, targets.get(key[0]))
        problems += _hamlet_problems(entry, hamlets)
    return problems


def _hamlet_problems(entry: Entry, hamlets: set[str]) -> list[Problem]:
    values = entry.record.get("theo_ap")
    unknown = [key for key in values if key not in hamlets] if isinstance(values, dict) else []
    return [
        _problem(
            entry,
            "theo_ap",
            f'không có ấp nào mang mã "{key}"',
            "thêm ấp vào data/ap.yml hoặc sửa mã",
        )
        for key in unknown
    ]


def published_ids(index: Index) -> set[str]:
    """Every id the site publishes as an address, as written in the registry."""
    ids = {f"muc/{key}" for key in set(index.units) | set(index.anchors)}
    ids |= {f"chi-tieu/{key}" for key in index.ids("target")}
    ids |= {f"nhiem-vu/{key}" for key in index.ids("task")}  # tasks have no page, but nhiem-vu.json names them
    return ids | {f"don-vi/{key}" for key in index.ids("agency")}


def check_registry(index: Index) -> list[Problem]:
    """A published id may never disappear: it was cited. Moving one means adding a redirect."""
    current, problems = published_ids(index), []
    for entry in index.registry:
        listed = entry.record.get("id") if isinstance(entry.record.get("id"), list) else []
        redirects = entry.record.get("chuyen_huong") or {}
        for position, value in enumerate(listed):
            if value not in current and redirects.get(value) not in current:
                line = listed.line_of(position)
                problems.append(
                    Problem(
                        entry.path,
                        line,
                        "id",
                        f'mã "{value}" đã công bố nhưng không còn trong dữ liệu',
                        "khôi phục mục đó, hoặc thêm chuyen_huong từ mã cũ sang mã mới",
                    )
                )
        for value in sorted(current - set(listed)):
            problems.append(
                Problem(
                    entry.path,
                    entry.record.line_of("id"),
                    "id",
                    f'mã mới "{value}" chưa được đăng ký',
                    f"thêm dòng - {value} vào cuối danh sách id",
                )
            )
    return problems
