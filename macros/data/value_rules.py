"""Rules on values: target values by kind, report periods and values, and the registry of published ids."""

from __future__ import annotations

import datetime as dt
import re

from macros import formats as fmt
from macros.data.rules import Entry, Index
from macros.data.spec import RECORDS
from macros.errors import Problem
from macros.urls import AGENCY, CITE, TARGET, TASK, Urls
from macros.vocabulary import corrections, kinds, periods, units


def _number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _problem(entry: Entry, key: str, message: str, fix: str) -> Problem:
    return Problem(entry.path, entry.record.line_of(key), key, message, fix)


def _target_problems(entry: Entry, span: periods.Span | None) -> list[Problem]:
    kind = kinds.KINDS[entry.record.get("loai")]
    return (
        _goal_problems(entry, kind)
        + _deadline_problems(entry, kind)
        + _term_problems(entry, span)
        + _range_problems(entry)
        + _wording_problems(entry, kind)
        + _inferred_problems(entry)
    )


def _term_problems(entry: Entry, span: periods.Span | None) -> list[Problem]:
    """A deadline or a baseline names a year of the plan's term (its baseline year to its last year)."""
    if span is None:
        return []  # the plan's years could not be read; that problem is reported where it is
    years = [(key, entry.record.get(key)) for key in ("han", "nam_co_so")]
    return [
        _problem(
            entry, key, f"năm {year} nằm ngoài nhiệm kỳ {span.term}", f"chọn một năm từ {span.baseline} đến {span.last}"
        )
        for key, year in years
        if _number(year) and not span.in_term(year)
    ]


def _comparison_fix() -> str:
    words = "; ".join(f'"{c.code}" nếu viết {c.words}' for c in kinds.COMPARISONS.values())
    return f"thêm dòng so_sanh theo lời kế hoạch: {words}"


def _wording_problems(entry: Entry, kind: kinds.TargetKind) -> list[Problem]:
    """A number is compared with its goal as the plan words it; a yearly number says whether it adds up in the year."""
    record, problems = entry.record, []
    if not kind.yes_no and record.get("so_sanh") is None:
        problems.append(_problem(entry, "so_sanh", "chỉ tiêu có số cần ghi cách so với mục tiêu", _comparison_fix()))
    if kind.yes_no and record.get("so_sanh") is not None:
        problems.append(_problem(entry, "so_sanh", "chỉ tiêu đạt/chưa đạt không so số", "xóa dòng so_sanh"))
    yearly_number = not kind.yes_no and not kind.average and record.get("han") == kinds.YEARLY
    if yearly_number and record.get("trong_nam") is None:
        fix = "thêm dòng trong_nam: cong-don (số cộng dồn trong năm) hoặc ty-le (tỷ lệ so được ngay)"
        problems.append(_problem(entry, "trong_nam", "chỉ tiêu xét hằng năm có số cần ghi số trong năm là gì", fix))
    if not yearly_number and record.get("trong_nam") is not None:
        message = "chỉ chỉ tiêu xét hằng năm có số mới ghi trong_nam"
        problems.append(_problem(entry, "trong_nam", message, "xóa dòng trong_nam"))
    return problems


def _inferred_problems(entry: Entry) -> list[Problem]:
    """Whatever the site infers is explained: a deadline or level the plan does not state needs its reason."""
    record = entry.record
    inferred = record.get("han_theo_ke_hoach") is False or record.get("gia_tri_theo_ke_hoach") is False
    if inferred and not record.get("ghi_chu"):
        message = "chỉ tiêu có thời hạn hoặc mức cần đạt do trang suy ra nhưng chưa ghi lý do"
        return [_problem(entry, "ghi_chu", message, "ghi ở ghi_chu vì sao trang suy ra như vậy")]
    return []


def check_requests(index: Index) -> list[Problem]:
    """A request ("đề nghị") is not an assignment: the body asked is not also written as lead or partner."""
    return [
        _problem(
            entry,
            "de_nghi",
            "nhiệm vụ là lời đề nghị (de_nghi) nhưng lại ghi đơn vị chủ trì hoặc phối hợp",
            "kế hoạch chỉ đề nghị, không giao: để trống chu_tri và phoi_hop",
        )
        for entry in index.collections.get("task", [])
        if entry.record.get("de_nghi") and (entry.record.get("chu_tri") or entry.record.get("phoi_hop"))
    ]


# The role each field that names bodies gives them (spec.Field.role), by collection: chu_tri gives "duoc-giao".
ROLE_FIELDS = {name: tuple(f for f in RECORDS[name].fields if f.role) for name in ("target", "task")}


def _roles_given(index: Index) -> dict[str, dict[str, list[str]]]:
    """body id -> role -> "record (field)" of every target and task that names the body in that role."""
    found: dict[str, dict[str, list[str]]] = {}
    for name, fields in ROLE_FIELDS.items():
        for entry in index.collections.get(name, []):
            for field in fields:
                for body in _bodies(entry, field.name):
                    where = f"{entry.record.get('id')} ({field.name})"
                    found.setdefault(body, {}).setdefault(field.role, []).append(where)
    return found


def _bodies(entry: Entry, key: str) -> list[str]:
    value = entry.record.get(key)
    return [body for body in (value if isinstance(value, list) else [value]) if isinstance(body, str)]


def check_roles(index: Index) -> list[Problem]:
    """What an agency's vai_tro says and what the targets and tasks name it for are one and the same: every sentence
    the site writes about a body is built from its vai_tro, so a role no record gives, or a record that gives a role
    vai_tro lacks, would make a page say what the plan does not."""
    if {"agency", "target", "task"} & index.unreadable:
        return []  # a role may look missing only because its file could not be read
    given, problems = _roles_given(index), []
    for entry in index.collections.get("agency", []):
        listed = entry.record.get("vai_tro") if isinstance(entry.record.get("vai_tro"), list) else []
        by_role = given.get(entry.record.get("id"), {})
        problems += [_missing_role(entry, role, where) for role, where in by_role.items() if role not in listed]
        problems += [_unused_role(entry, role) for role in listed if role in ROLES_BY_FIELD and role not in by_role]
    return problems + _one_role_per_record(index)


ROLES_BY_FIELD = {field.role: field.name for fields in ROLE_FIELDS.values() for field in fields}


def _missing_role(entry: Entry, role: str, where: list[str]) -> Problem:
    message = f"đơn vị được ghi ở {', '.join(where)} nhưng vai_tro chưa có {role}"
    fix = f"thêm {role} vào vai_tro nếu kế hoạch đúng là như vậy; nếu không, sửa nơi đã ghi đơn vị này"
    return _problem(entry, "vai_tro", message, fix)


def _unused_role(entry: Entry, role: str) -> Problem:
    key = ROLES_BY_FIELD[role]
    message = f"vai_tro có {role} nhưng không chỉ tiêu hay nhiệm vụ nào ghi đơn vị này ở {key}"
    fix = f"ghi đơn vị vào {key} của chỉ tiêu hoặc nhiệm vụ mà kế hoạch nêu, hoặc xóa {role} khỏi vai_tro"
    return _problem(entry, "vai_tro", message, fix)


def _one_role_per_record(index: Index) -> list[Problem]:
    """A body has one role in one target or task: the body directed or asked is not also its lead or partner."""
    return [
        problem
        for name, fields in ROLE_FIELDS.items()
        for entry in index.collections.get(name, [])
        for problem in _twice_named(entry, fields)
    ]


def _twice_named(entry: Entry, fields) -> list[Problem]:
    problems, seen = [], {}
    for field in fields:
        for body in _bodies(entry, field.name):
            if body in seen:
                message = f'đơn vị "{body}" được ghi ở cả {seen[body]} và {field.name}'
                fix = "mỗi đơn vị chỉ có một vai trò trong một chỉ tiêu hay nhiệm vụ: giữ vai trò kế hoạch nêu"
                problems.append(_problem(entry, field.name, message, fix))
            seen.setdefault(body, field.name)
    return problems


def _goal_problems(entry: Entry, kind: kinds.TargetKind) -> list[Problem]:
    """A numeric kind needs the number its goal is read from; a yes/no kind has no number at all."""
    if kind.yes_no and entry.record.get("gia_tri") is not None:
        return [_problem(entry, "gia_tri", "chỉ tiêu đạt/chưa đạt không có giá trị số", "xóa dòng gia_tri")]
    key = None if kind.yes_no else RECORDS["target"].key_of(kind.goal_attr)
    if key and not _number(entry.record.get(key)):
        return [_problem(entry, key, kind.missing_goal, f"thêm dòng {key}: <số>")]
    unit = entry.record.get("don_vi")
    if key and counts_whole(kind, unit) and not float(entry.record[key]).is_integer():
        return [_problem(entry, key, *fraction_of_count(entry.record[key], unit))]
    if not kind.yes_no and unit is not None and not units.known(unit):
        return [_problem(entry, "don_vi", *unknown_unit(unit))]
    return []


def counts_whole(kind: kinds.TargetKind, unit) -> bool:
    """Whether a target counts whole things: its kind says so, or its unit names a thing (units.COUNTED)."""
    return kind.whole or units.counts_things(unit)


def unknown_unit(unit) -> tuple[str, str]:
    return (
        f'đơn vị tính "{unit}" chưa có trong danh mục đơn vị, nên máy không biết số này đếm từng cái (số nguyên) '
        "hay là số đo",
        "thêm đơn vị vào macros/vocabulary/units.py (COUNTED nếu đếm từng cái như sản phẩm, hộ; MEASURED nếu là số "
        "đo như ha, tấn), hoặc viết lại đơn vị cho giống một đơn vị đã có",
    )


def fraction_of_count(value, unit: str | None = None) -> tuple[str, str]:
    """(message, fix) for a fraction where a target counts whole things."""
    things = unit or "số lượng"
    return f"{fmt.number(value)} không phải là số nguyên", f"chỉ tiêu này đếm {things}: viết một số nguyên"


def _deadline_problems(entry: Entry, kind: kinds.TargetKind) -> list[Problem]:
    record = entry.record
    yearly = record.get("han") == kinds.YEARLY
    if (kind.yearly == kinds.MUST and not yearly) or (yearly and kind.yearly == kinds.NEVER):
        return [_problem(entry, "han", kinds.deadline_rule(), "sửa han hoặc loai cho khớp nhau")]
    if _number(record.get("co_so")) and record.get("nam_co_so") is None:
        return [
            _problem(entry, "nam_co_so", "có giá trị gốc nhưng thiếu năm của giá trị gốc", "thêm dòng nam_co_so: <năm>")
        ]
    return []


def out_of_range(value, unit: str | None) -> tuple[str, str] | None:
    """(message, fix) when a number cannot be a count or a rate: below zero, or a percentage above 100."""
    if not _number(value):
        return None
    if value < 0:
        return f"giá trị {value} là số âm", "số lượng và tỷ lệ không thể âm"
    if unit == "%" and value > 100:
        return f"tỷ lệ {value}% lớn hơn 100%", "kiểm tra lại số, tỷ lệ tối đa là 100"
    return None


def _range_problems(entry: Entry) -> list[Problem]:
    record, problems = entry.record, []
    for key in ("gia_tri", "gia_tri_tu", "gia_tri_den", "co_so"):
        failure = out_of_range(record.get(key), record.get("don_vi"))
        problems += [_problem(entry, key, *failure)] if failure else []
    low, high = record.get("gia_tri_tu"), record.get("gia_tri_den")
    if _number(low) and _number(high) and high < low:
        problems.append(_problem(entry, "gia_tri_den", "cận trên nhỏ hơn cận dưới", "đổi chỗ hai số"))
    return problems


def check_target_values(index: Index) -> list[Problem]:
    """Targets, and the suggestions staff may move among them (data/chi-tieu-de-xuat.yml)."""
    entries = index.collections.get("target", []) + index.collections.get("suggestion", [])
    return [problem for entry in entries for problem in _target_problems(entry, index.span)]


def _period_problems(entry: Entry, today: dt.date, span: periods.Span | None) -> list[Problem]:
    code = entry.record.get("ky")
    if not re.match(periods.PATTERN, str(code)) or isinstance(code, bool):
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
    if span is None:
        return _date_problems(entry, period, today)  # the plan's years could not be read
    if not span.in_term(period.start.year):
        return [
            _problem(
                entry,
                "ky",
                f"kỳ {code} nằm ngoài giai đoạn kế hoạch {span.first}–{span.last} và năm gốc {span.baseline}",
                "kiểm tra lại năm của kỳ báo cáo",
            )
        ]
    if period.kind == periods.MIDTERM and period.start.year != span.midterm:
        return [_problem(entry, "ky", *_midterm_mismatch(span))]
    return _date_problems(entry, period, today)


def _midterm_mismatch(span: periods.Span) -> tuple[str, str]:
    if span.midterm is None:
        return "kế hoạch không nêu năm đánh giá giữa nhiệm kỳ", "chọn kỳ tháng, quý hoặc năm"
    code = periods.midterm_code(span.midterm)
    return f"đánh giá giữa nhiệm kỳ chỉ có vào năm {span.midterm}", f"viết ky: {code}"


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


NOT_PER_HAMLET = "chỉ tiêu này không tính theo từng ấp, nên số của từng ấp không được dùng"
DROP_HAMLETS = "xoá theo_ap và các dòng số của từng ấp; ghi một số chung cho cả xã ở gia_tri"
PER_HAMLET_ONLY = "chỉ tiêu này tính theo từng ấp, nên chỉ số của từng ấp được dùng; số chung của cả xã thì không"


def _hamlet_shape(entry: Entry, per_hamlet: bool) -> list[Problem]:
    """A report holds the numbers its target is judged on: each hamlet's, or one for the whole commune. A number of
    the other kind would be kept in the file but never shown nor judged, so it is refused."""
    hamlets, value = entry.record.get("theo_ap"), entry.record.get("gia_tri")
    if per_hamlet and not hamlets:
        return [_problem(entry, "theo_ap", "chỉ tiêu này tính theo từng ấp", "thêm theo_ap với số của từng ấp")]
    if per_hamlet and value is not None:
        return [_problem(entry, "gia_tri", PER_HAMLET_ONLY, "xoá dòng gia_tri")]
    found = [_problem(entry, "theo_ap", NOT_PER_HAMLET, DROP_HAMLETS)] if not per_hamlet and hamlets else []
    if not per_hamlet and value is None:
        found.append(_problem(entry, "gia_tri", "thiếu giá trị báo cáo", "thêm dòng gia_tri: <số> hoặc true/false"))
    return found


def _value_problems(entry: Entry, target: Entry | None) -> list[Problem]:
    if target is None:
        return []
    kind, value = target.record.get("loai"), entry.record.get("gia_tri")
    per_hamlet = target.record.get("theo_ap") is True
    shape = _hamlet_shape(entry, per_hamlet)
    if shape:
        return shape
    yes_no = kind in kinds.KINDS and kinds.KINDS[kind].yes_no
    if yes_no and value is not None and not isinstance(value, bool):
        return [
            _problem(
                entry,
                "gia_tri",
                "chỉ tiêu này chỉ nhận true (đã đạt) hoặc false (chưa đạt)",
                "viết gia_tri: true hoặc gia_tri: false",
            )
        ]
    if not yes_no and isinstance(value, bool):
        return [
            _problem(
                entry,
                "gia_tri",
                "chỉ tiêu này cần một số, không phải true/false",
                "viết số đạt được",
            )
        ]
    unit = target.record.get("don_vi")
    if kind in kinds.KINDS and counts_whole(kinds.KINDS[kind], unit):
        fractions = [n for n in _reported_numbers(entry, value) if _number(n) and not float(n).is_integer()]
        if fractions:
            return [_problem(entry, "theo_ap" if per_hamlet else "gia_tri", *fraction_of_count(fractions[0], unit))]
    return _report_range(entry, target, value)


def _reported_numbers(entry: Entry, value) -> list:
    hamlet_values = entry.record.get("theo_ap")
    return [value] + (list(hamlet_values.values()) if isinstance(hamlet_values, dict) else [])


def _report_range(entry: Entry, target: Entry, value) -> list[Problem]:
    values = _reported_numbers(entry, value)
    failures = filter(None, (out_of_range(number, target.record.get("don_vi")) for number in values))
    return [_problem(entry, "gia_tri", *failure) for failure in list(failures)[:1]]


def check_reports(index: Index, today: dt.date) -> list[Problem]:
    targets = {entry.record.get("id"): entry for entry in index.collections.get("target", [])}
    hamlets = None if "hamlet" in index.unreadable else index.ids("hamlet")
    reports = index.collections.get("report", [])
    problems = _repeated_reports(reports) + _correction_notes(reports)
    for entry in reports:
        problems += _period_problems(entry, today, index.span)
        problems += _value_problems(entry, targets.get(entry.record.get("chi_tieu")))
        problems += _hamlet_problems(entry, hamlets)
    return problems


def place(entry: Entry) -> str:
    """Where a clerk finds a report: its file and line, or its workbook, sheet and row."""
    return entry.record.place or f"{entry.path}:{entry.record.line}"


DUPLICATE_FIX = (
    f'nếu đây là số sửa lại, sửa thẳng vào báo cáo cũ, hoặc ghi ghi_chu bắt đầu bằng "{corrections.MARK}" và lý do '
    f'(ví dụ ghi_chu: "{corrections.MARK} số quý 3 tính nhầm"); nếu không, gộp hai báo cáo làm một hoặc sửa lại kỳ'
)


def _repeated_reports(reports: list[Entry]) -> list[Problem]:
    """One report per target and period, whatever file it is in; a second one is accepted only as the correction of
    the first (its note begins with "Sửa:" and gives the reason), and only one correction."""
    groups: dict[tuple, list[Entry]] = {}
    for entry in reports:
        groups.setdefault((entry.record.get("chi_tieu"), str(entry.record.get("ky"))), []).append(entry)
    problems = []
    for (target, period), entries in groups.items():
        originals = [e for e in entries if not corrections.reason(e.record.get("ghi_chu"))]
        fixes = [e for e in entries if corrections.reason(e.record.get("ghi_chu"))]
        first = (originals or fixes)[0]
        for entry in originals[1:]:
            message = f"chỉ tiêu {target} đã có báo cáo kỳ {period} ({place(first)})"
            problems.append(_problem(entry, "ky", message, DUPLICATE_FIX))
        for entry in fixes[1:]:
            message = f"chỉ tiêu {target} kỳ {period} đã có một báo cáo sửa ({place(fixes[0])})"
            fix = "mỗi báo cáo chỉ sửa một lần: sửa thẳng vào báo cáo sửa đó, rồi xoá báo cáo này"
            problems.append(_problem(entry, "ghi_chu", message, fix))
    return problems


def _correction_notes(reports: list[Entry]) -> list[Problem]:
    return [
        _problem(
            entry,
            "ghi_chu",
            f'ghi chú bắt đầu bằng "{corrections.MARK}" nhưng chưa ghi lý do sửa',
            f'ghi lý do sau "{corrections.MARK}", ví dụ "{corrections.MARK} số quý 3 tính nhầm"',
        )
        for entry in reports
        if corrections.reason(entry.record.get("ghi_chu")) == ""
    ]


def _hamlet_problems(entry: Entry, hamlets: set[str] | None) -> list[Problem]:
    values = entry.record.get("theo_ap")
    unknown = [key for key in values if key not in hamlets] if isinstance(values, dict) and hamlets is not None else []
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
    ids = {Urls.address(CITE, key) for key in set(index.units) | set(index.anchors)}
    ids |= {Urls.address(TARGET, key) for key in index.ids("target")}
    ids |= {Urls.address(TASK, key) for key in index.ids("task")}  # tasks have no page, but nhiem-vu.json names them
    return ids | {Urls.address(AGENCY, key) for key in index.ids("agency")}


def check_registry(index: Index) -> list[Problem]:
    """A published id may never disappear: it was cited. Moving one means adding a redirect."""
    if index.unreadable:
        return []  # an address may look gone only because its file could not be read
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
