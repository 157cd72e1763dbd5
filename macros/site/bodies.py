"""Every sentence the site writes about a body (cơ quan, đơn vị), built from its vai_tro. Pure; no markup here.

The agency page, its link preview (description and og:description) and the agencies table take their words from
this module only. A role is said in the words of spec.AGENCY_ROLES, with the number of targets and tasks that give it
(Plan.duties_of): a request ("được đề nghị") or a coordination ("phối hợp") is never counted as an assignment
("được giao chủ trì"). The check keeps vai_tro and the targets and tasks in step (value_rules.check_roles).
"""

from __future__ import annotations

from typing import NamedTuple

from macros import formats as fmt
from macros.data.spec import AGENCY_ROLES
from macros.domain.model import Agency, Duty, Plan, role_in

DESCRIPTION_LEAD = "Trong Kế hoạch"
NO_TARGETS = "Kế hoạch không giao đơn vị này chủ trì hay phối hợp thực hiện chỉ tiêu nào."
NO_TASKS = "Kế hoạch không giao, chỉ đạo hay đề nghị đơn vị này thực hiện nhiệm vụ nào."


class RoleLine(NamedTuple):
    role: str  # the vai_tro code
    text: str  # "Được giao chủ trì 2 chỉ tiêu và 3 nhiệm vụ"


class Relation(NamedTuple):
    role: str  # the vai_tro code
    text: str  # "chủ trì", "phối hợp", "được đề nghị", "được chỉ đạo thực hiện"


def counts(duty: Duty) -> str:
    """ "2 chỉ tiêu và 3 nhiệm vụ", "1 nhiệm vụ"."""
    found = ((duty.targets, "chỉ tiêu"), (duty.tasks, "nhiệm vụ"))
    return " và ".join(f"{fmt.number(len(records))} {noun}" for records, noun in found if records)


def role_lines(plan: Plan, agency: Agency) -> tuple[RoleLine, ...]:
    """One line per role of the body, in the order of AGENCY_ROLES: "Được giao chủ trì 1 chỉ tiêu và 2 nhiệm vụ",
    "Được đề nghị 1 nhiệm vụ (kế hoạch không giao việc mà đề nghị)", "Có tên ở phần nơi nhận"."""
    duties = {duty.role: duty for duty in plan.duties_of(agency.id)}
    return tuple(RoleLine(code, _line(code, duties.get(code))) for code in AGENCY_ROLES if code in agency.roles)


def _line(code: str, duty: Duty | None) -> str:
    role = AGENCY_ROLES[code]
    text = f"{role.label} {counts(duty)}" if duty else role.label
    return f"{text} ({role.note})" if role.note else text


def description(plan: Plan, agency: Agency) -> str:
    """What a shared link to the agency page says: every role of the body, in one sentence."""
    lines = "; ".join(line.text[:1].lower() + line.text[1:] for line in role_lines(plan, agency))
    return f"{DESCRIPTION_LEAD}: {lines}."


def relation(name: str, record, agency_id: str) -> Relation:
    """The body's part in one target or task ("target", "task"), as the lists of the agency page name it."""
    code = role_in(name, record, agency_id)
    return Relation(code, AGENCY_ROLES[code].each)
