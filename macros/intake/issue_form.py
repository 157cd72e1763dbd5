"""The web-form route: the GitHub issue form "Báo cáo tiến độ", made from the data, and the reading of its answers.

GitHub renders a submitted form as Markdown: for each field a heading `### <label>`, a blank line, then the answer,
and `_No response_` for an optional field left empty. The answers go through the same intake core as a workbook row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from macros.domain.model import Plan
from macros.intake import clerk, fields
from macros.vocabulary import kinds

PATH = ".github/ISSUE_TEMPLATE/bao-cao-tien-do.yml"
LABEL = "bao-cao-tien-do"  # the issue label the intake workflow acts on
NO_RESPONSE = "_No response_"
# The form's fields in order: report field -> label shown to the clerk (and heading of the rendered issue).
LABELS = fields.LABELS
HAMLETS = LABELS[fields.HAMLETS]
REQUIRED = fields.REQUIRED
HEADER = "# Tệp này được tạo từ data/ bằng lệnh `make issue-form`. Không sửa tay: sửa dữ liệu rồi chạy lại lệnh.\n"


def _dropdown(name: str, description: str, options: list[str]) -> dict:
    attributes = {"label": LABELS[name], "description": description, "options": options}
    return {"type": "dropdown", "id": name, "attributes": attributes, "validations": {"required": True}}


def _field(kind: str, name: str, description: str, placeholder: str) -> dict:
    attributes = {"label": LABELS[name], "description": description, "placeholder": placeholder}
    return {"type": kind, "id": name, "attributes": attributes, "validations": {"required": name in REQUIRED}}


def _periods(plan: Plan) -> list[str]:
    return plan.document.span.labels()


def _value_fields(plan: Plan) -> list[dict]:
    """The value, or one value per hamlet; the descriptions name the targets each one is for."""
    yes_no = ", ".join(t.name for t in plan.targets if kinds.of(t).yes_no)
    per_hamlet = ", ".join(t.name for t in plan.targets if t.per_hamlet) or "không có"
    value_help = (
        f"Số đạt được, viết như thường lệ (81,82 hoặc 1.234.567). Chỉ tiêu đạt chuẩn ({yes_no}): ghi Đạt hoặc "
        "Chưa đạt. Bỏ trống nếu chỉ tiêu tính theo từng ấp."
    )
    hamlet_help = f"Chỉ với chỉ tiêu tính theo từng ấp ({per_hamlet}): mỗi ấp một dòng, dạng Tên ấp (mã): số."
    hamlet_lines = "\n".join(f"{h.name} ({h.id}): " for h in plan.hamlets)
    return [_field("input", "gia_tri", value_help, "81,82"), _field("textarea", "theo_ap", hamlet_help, hamlet_lines)]


def definition(plan: Plan) -> dict:
    """The issue form as a mapping (GitHub issue-form syntax)."""
    body = [
        {"type": "markdown", "attributes": {"value": INTRODUCTION}},
        _dropdown("chi_tieu", "Chỉ tiêu được báo cáo.", [f"{t.name} ({t.id})" for t in plan.targets]),
        _dropdown("ky", "Tháng, quý hoặc năm của số liệu.", _periods(plan)),
        *_value_fields(plan),
        _field("input", "ngay", "Ngày mà số liệu được tính đến, trong kỳ báo cáo.", "30/11/2026"),
        _field("input", "nguon", "Số hiệu và ngày văn bản báo cáo, hoặc đường dẫn.", "Báo cáo số 123/BC-UBND"),
        _dropdown("don_vi_bao_cao", "Đơn vị gửi báo cáo.", [f"{a.name} ({a.id})" for a in plan.agencies]),
        _field("textarea", "ghi_chu", "Giải thích ngắn nếu cần (số ước tính, đính chính…).", ""),
    ]
    header = {"name": "Báo cáo tiến độ", "description": DESCRIPTION, "title": "Báo cáo tiến độ: ", "labels": [LABEL]}
    return {**header, "body": body}


DESCRIPTION = "Gửi số liệu tiến độ của một chỉ tiêu; máy kiểm tra rồi mở đề nghị thay đổi để người duyệt xem."
INTRODUCTION = (
    "Mỗi lần gửi là **một chỉ tiêu, một kỳ**. Sau khi bấm *Submit new issue*, máy kiểm tra số liệu: nếu hợp lệ, "
    "một đề nghị thay đổi (pull request) được mở để người duyệt đối chiếu với văn bản nguồn; nếu có lỗi, máy trả "
    "lời ngay dưới issue này bằng tiếng Việt. Sửa issue (Edit) thì máy kiểm tra lại."
)


def render(plan: Plan) -> str:
    return HEADER + yaml.safe_dump(definition(plan), allow_unicode=True, sort_keys=False, width=10**6)


# ----------------------------------------------------------------- reading a submitted form


@dataclass(frozen=True)
class Answer:
    """The fields read from one issue body: label -> text (None for `_No response_`), and the headings missing."""

    values: dict[str, str | None]
    missing: tuple[str, ...]


def parse_body(body: str) -> Answer:
    """Split the Markdown GitHub renders from a form: `### Label`, blank line, answer."""
    sections = re.split(r"^###[ \t]+(.+?)[ \t]*$", body.replace("\r\n", "\n"), flags=re.MULTILINE)
    values = {}
    for heading, text in zip(sections[1::2], sections[2::2], strict=True):
        answer = text.strip()
        values[heading.strip()] = None if answer in ("", NO_RESPONSE) else answer
    missing = tuple(LABELS[name] for name in REQUIRED if LABELS[name] not in values)
    return Answer(values, missing)


def hamlet_values(text: str | None) -> tuple[dict[str, str], list[str]]:
    """Lines "ấp Vĩnh Thạnh (vinh-thanh): 3" -> {"vinh-thanh": "3"}; also the lines that are not of that form."""
    values, unreadable = {}, []
    for line in (text or "").splitlines():
        name, colon, value = line.rpartition(":")
        if not line.strip():
            continue
        if not colon or not name.strip():
            unreadable.append(line.strip())
            continue
        values[clerk.read_id(name)] = value.strip()
    return values, unreadable


def read(answer: Answer) -> clerk.Reading:
    """The report record the form describes, or the refusals, each naming its form field."""
    cells = {name: answer.values.get(label) for name, label in LABELS.items() if name != "theo_ap"}
    hamlets, unreadable = hamlet_values(answer.values.get(HAMLETS))
    reading = clerk.read_report(cells, hamlets)
    reading.refusals += [
        clerk.Refusal("theo_ap", f'không đọc được dòng "{line}"', "viết mỗi ấp một dòng: Tên ấp (mã ấp): số")
        for line in unreadable
    ]
    return reading
