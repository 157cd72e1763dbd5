"""The registry of target kinds and of the comparisons a goal may use: each is one record, and every other module
asks this registry.

Adding a kind means adding one TargetKind to KINDS (and its tests); adding a comparison means adding one Comparison
to COMPARISONS. The check, the JSON Schemas, the status rule, the pages, the workbook and the open data all read these
records. Which way is better (higher or lower) is the comparison's, so no caller assumes "higher is better".
"""

from __future__ import annotations

from dataclasses import dataclass

from macros import formats as fmt

YEARLY = "hang-nam"  # the deadline of a target judged every year (field `han`)
NEVER, MAY, MUST = "khong", "co-the", "bat-buoc"  # whether a kind's deadline may be YEARLY
HIGHER, LOWER = "cao-hon", "thap-hon"  # the direction in which a value gets better


@dataclass(frozen=True)
class Comparison:
    """How a number is compared with its goal, as the plan words it (field `so_sanh`)."""

    code: str
    words: str  # the plan's words that call for it, for staff and open-data readers
    direction: str  # HIGHER: more is better ("đạt", "trên"); LOWER: less is better ("giảm còn", "dưới")
    strict: bool  # the goal itself does not count: "trên 100%", "dưới 2%"
    met: str  # how a reason says the value meets the goal: "đạt mục tiêu 75%"
    short: str  # how a reason says it does not: "chưa đạt mục tiêu 75%"
    goal_prefix: str  # how the goal reads on the pages: "trên 100% dự toán", "không quá 1,26%"
    rule: str  # the rule in words, for the target page

    @property
    def lower_is_better(self) -> bool:
        return self.direction == LOWER

    def holds(self, value: float, goal: float) -> bool:
        """Whether a value meets the goal: on the right side of it, and past it when the comparison is strict."""
        if value == goal:
            return not self.strict
        return (value < goal) if self.lower_is_better else (value > goal)

    def keeps_up(self, value: float, level: float) -> bool:
        """Whether a value is at or on the good side of a level it should have reached by now (the straight line,
        the share of the year): being exactly on the line is on track, whatever the comparison with the goal."""
        return value <= level if self.lower_is_better else value >= level

    def furthest_behind(self, values) -> float:
        """Of several values (one per hamlet), the one furthest from the goal."""
        return max(values) if self.lower_is_better else min(values)

    def level_verdict(self, keeps_up: bool) -> str:
        """How a reason compares a value with the level it should have reached: "không thấp hơn", "cao hơn"."""
        worse = "cao hơn" if self.lower_is_better else "thấp hơn"
        return f"không {worse}" if keeps_up else worse

    @property
    def furthest_word(self) -> str:
        """Which hamlet is furthest behind: the lowest number, or the highest when lower is better."""
        return "cao nhất" if self.lower_is_better else "thấp nhất"

    def meets(self, goal: str) -> str:
        """ "đạt mục tiêu 75%", "vượt mục tiêu 100% dự toán", "không cao hơn mục tiêu 1,26%"."""
        return self.met.format(goal=goal)

    def falls_short(self, goal: str) -> str:
        """ "chưa đạt mục tiêu 75%", "chưa vượt mục tiêu 100% dự toán", "cao hơn mục tiêu 1,26%"."""
        return self.short.format(goal=goal)


COMPARISONS: dict[str, Comparison] = {
    c.code: c
    for c in (
        Comparison(
            ">=",
            "“đạt”, “trở lên”, “ít nhất”, “từ”",
            direction=HIGHER,
            strict=False,
            met="đạt mục tiêu {goal}",
            short="chưa đạt mục tiêu {goal}",
            goal_prefix="",
            rule="Đạt khi bằng hoặc cao hơn mục tiêu",
        ),
        Comparison(
            ">",
            "“vượt”, “trên”",
            direction=HIGHER,
            strict=True,
            met="vượt mục tiêu {goal}",
            short="chưa vượt mục tiêu {goal}",
            goal_prefix="trên ",
            rule="Chỉ đạt khi cao hơn mục tiêu; bằng mục tiêu là chưa đạt",
        ),
        Comparison(
            "<=",
            "“giảm còn”, “không quá”, “tối đa”",
            direction=LOWER,
            strict=False,
            met="không cao hơn mục tiêu {goal}",
            short="cao hơn mục tiêu {goal}",
            goal_prefix="không quá ",
            rule="Đạt khi bằng hoặc thấp hơn mục tiêu, số càng thấp càng tốt",
        ),
        Comparison(
            "<",
            "“dưới”",
            direction=LOWER,
            strict=True,
            met="thấp hơn mục tiêu {goal}",
            short="chưa thấp hơn mục tiêu {goal}",
            goal_prefix="dưới ",
            rule="Chỉ đạt khi thấp hơn mục tiêu, số càng thấp càng tốt; bằng mục tiêu là chưa đạt",
        ),
    )
}
AT_LEAST = COMPARISONS[">="]

# A yearly number reported during the year (field `trong_nam`): one that adds up over the year (revenue collected so
# far) is compared with the share of the year gone by; a rate (crime clearance) is compared with the goal directly.
CUMULATIVE, RATE = "cong-don", "ty-le"
IN_YEAR_MEASURES = {
    CUMULATIVE: "số cộng dồn trong năm: báo cáo giữa năm được so với phần của năm đã qua",
    RATE: "tỷ lệ: báo cáo giữa năm được so thẳng với mục tiêu",
}

# How the status rule judges a kind (macros/domain/status.py holds one rule for each).
LINE, EVERY_YEAR, YES_NO, AVERAGE = "duong-thang", "tung-nam", "dat-chua-dat", "binh-quan"


def comparison_of(target) -> Comparison:
    """The comparison a numeric target uses; a target that does not say compares as "đạt" (>=)."""
    return COMPARISONS.get(getattr(target, "comparison", None) or ">=", AT_LEAST)


@dataclass(frozen=True)
class TargetKind:
    code: str  # the value of `loai` in data/chi-tieu.yml
    label: str  # shown on the target page
    help: str  # one short phrase, for staff (JSON Schema) and open-data readers (datapackage.json)
    goal_attr: str | None  # the Target attribute that holds the number to reach; None: reported as đạt / chưa đạt
    missing_goal: str = ""  # the check's message when that number is missing
    yearly: str = NEVER
    range_goal: bool = False  # the goal is a range "low–high" (or "low trở lên"), judged by its lower bound
    whole: bool = False  # a count of things: goals and reported values are whole numbers
    average: bool = False  # judged on the average of the yearly reports over the plan's period

    @property
    def yes_no(self) -> bool:
        """Reported as true (đạt) or false (chưa đạt), with no number."""
        return self.goal_attr is None

    def rule(self, target) -> str:
        """Which of the status module's rules judges a target of this kind (LINE, EVERY_YEAR, YES_NO, AVERAGE)."""
        if self.average:
            return AVERAGE
        if getattr(target, "deadline", None) is None:
            return EVERY_YEAR
        return YES_NO if self.yes_no else LINE

    def goal(self, target) -> float | None:
        """The number that counts as met; None for a yes/no kind."""
        return None if self.yes_no else getattr(target, self.goal_attr)

    def is_met(self, target, value) -> bool:
        """Yes/no kinds: reported true. Numbers: compared with the goal as the plan words it."""
        return value is True if self.yes_no else comparison_of(target).holds(value, self.goal(target))

    def goal_text(self, target) -> str:
        """How the goal reads on the pages: "95%", "trên 100% dự toán", "không quá 1,26%", "1–2 sản phẩm",
        "từ 1 tổ hợp tác trở lên", "bình quân 8%/năm", "Đạt"."""
        if self.yes_no:
            return "Đạt"
        if self.range_goal and target.high is None:
            return f"từ {fmt.quantity(target.low, target.unit)} trở lên"
        if self.range_goal:
            return f"{fmt.number(target.low)}–{fmt.quantity(target.high, target.unit)}"
        shown = comparison_of(target).goal_prefix + fmt.quantity(target.value, target.unit)
        return f"bình quân {shown}" if self.average else shown


GOAL_NEEDED = "chỉ tiêu loại này cần giá trị mục tiêu"
KINDS: dict[str, TargetKind] = {
    kind.code: kind
    for kind in (
        TargetKind(
            "tich-luy",
            label="Đạt mức vào thời hạn",
            help="đạt mức vào hạn",
            goal_attr="value",
            missing_goal=GOAL_NEEDED,
        ),
        TargetKind(
            "ty-le-hang-nam",
            label="Tỷ lệ xét từng năm",
            help="tỷ lệ xét từng năm",
            goal_attr="value",
            missing_goal=GOAL_NEEDED,
            yearly=MUST,
        ),
        TargetKind(
            "so-luong-hang-nam",
            label="Số lượng xét từng năm",
            help="số lượng (số nguyên) xét từng năm",
            goal_attr="value",
            missing_goal=GOAL_NEEDED,
            yearly=MUST,
            whole=True,
        ),
        TargetKind(
            "binh-quan-hang-nam",
            label="Bình quân hằng năm (xét trên số của từng năm)",
            help="mức bình quân hằng năm, xét trên số cả năm của các năm đã báo cáo",
            goal_attr="value",
            missing_goal=GOAL_NEEDED,
            yearly=MUST,
            average=True,
        ),
        TargetKind(
            "dat-chuan",
            label="Đạt chuẩn (đạt / chưa đạt)",
            help="đạt/chưa đạt",
            goal_attr=None,
            yearly=MAY,
        ),
        TargetKind(
            "khoang",
            label="Khoảng (xét theo cận dưới)",
            help="một khoảng, xét theo cận dưới",
            goal_attr="low",
            missing_goal="chỉ tiêu dạng khoảng cần cận dưới",
            range_goal=True,
        ),
        TargetKind(
            "moc",
            label="Mốc việc phải hoàn thành",
            help="việc phải xong trước một mốc",
            goal_attr=None,
        ),
    )
}
CODES = tuple(KINDS)


def of(target) -> TargetKind:
    """The kind of a model Target (its `kind` is the code)."""
    return KINDS[target.kind]


def summary() -> str:
    """ "tich-luy: đạt mức vào hạn; …": the kinds with their help, for schema and open-data descriptions."""
    return "; ".join(f"{kind.code}: {kind.help}" for kind in KINDS.values()) + "."


def deadline_rule() -> str:
    """The rule between a kind and `han: hang-nam`, in the words of the check's message."""
    must = [k.code for k in KINDS.values() if k.yearly == MUST]
    may = [k.code for k in KINDS.values() if k.yearly == MAY]
    return (
        f"chỉ tiêu {', '.join(must)} có hạn {YEARLY}; {', '.join(may)} có hạn là một năm hoặc {YEARLY}; "
        "loại khác có hạn là một năm"
    )
