"""The registry of target kinds: each kind of target is one record, and every other module asks this registry.

Adding a kind means adding one TargetKind to KINDS (and its tests): the check, the JSON Schemas, the status rule,
the pages and the open data all read the kind's record.
"""

from __future__ import annotations

from dataclasses import dataclass

from macros import formats as fmt

NEVER, MAY, MUST = "khong", "co-the", "bat-buoc"  # whether a kind's deadline may be "hang-nam" (judged every year)


@dataclass(frozen=True)
class TargetKind:
    code: str  # the value of `loai` in data/chi-tieu.yml
    label: str  # shown on the target page
    help: str  # one short phrase, for staff (JSON Schema) and open-data readers (datapackage.json)
    goal_attr: str | None  # the Target attribute that holds the number to reach; None: reported as đạt / chưa đạt
    missing_goal: str = ""  # the check's message when that number is missing
    yearly: str = NEVER
    range_goal: bool = False  # the goal is a range "low–high" (or "low trở lên"), judged by its lower bound

    @property
    def yes_no(self) -> bool:
        """Reported as true (đạt) or false (chưa đạt), with no number."""
        return self.goal_attr is None

    def goal(self, target) -> float | None:
        """The number that counts as met; None for a yes/no kind."""
        return None if self.yes_no else getattr(target, self.goal_attr)

    def is_met(self, target, value) -> bool:
        return value is True if self.yes_no else value >= self.goal(target)

    def goal_text(self, target) -> str:
        """How the goal reads on the pages: "95%", "01–02 sản phẩm", "5 trở lên tổ hợp tác", "Đạt"."""
        if self.yes_no:
            return "Đạt"
        if self.range_goal:
            high = f"–{fmt.number(target.high)}" if target.high is not None else " trở lên"
            return f"{fmt.number(target.low)}{high} {target.unit or ''}".strip()
        return fmt.quantity(target.value, target.unit)


KINDS: dict[str, TargetKind] = {
    kind.code: kind
    for kind in (
        TargetKind(
            "tich-luy",
            label="Đạt mức vào thời hạn",
            help="đạt mức vào hạn",
            goal_attr="value",
            missing_goal="chỉ tiêu loại này cần giá trị mục tiêu",
        ),
        TargetKind(
            "ty-le-hang-nam",
            label="Tỷ lệ xét từng năm",
            help="tỷ lệ xét từng năm",
            goal_attr="value",
            missing_goal="chỉ tiêu loại này cần giá trị mục tiêu",
            yearly=MUST,
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
        f"chỉ tiêu {', '.join(must)} có hạn hang-nam; {', '.join(may)} có hạn là một năm hoặc hang-nam; "
        "loại khác có hạn là một năm"
    )
