"""The web-form route: the GitHub issue form "Báo cáo tiến độ", made from the data, and the reading of its answers.

GitHub renders a submitted form as Markdown: for each field, in the form's order, a heading `### <label>`, a blank
line, then the answer, and `_No response_` for an optional field left empty. A body is read by the form's own labels
in the form's order: a heading typed inside an answer that is not one of those labels stays part of the answer, and a
body whose labelled sections are repeated, missing or out of order (an issue edited by hand) is refused with the
reason, never half-read. The answers go through the same intake core as a workbook row.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import yaml

from macros.domain.model import Plan
from macros.intake import clerk, fields
from macros.vocabulary import corrections, kinds

PATH = ".github/ISSUE_TEMPLATE/bao-cao-tien-do.yml"
LABEL = "bao-cao-tien-do"  # the issue label the intake workflow acts on
NO_RESPONSE = "_No response_"
# The form's fields in order: field -> label shown to the clerk (and heading of the rendered issue): whether the
# report is new or a correction and why, then the report's fields.
LABELS = fields.FORM_LABELS
HAMLETS = LABELS[fields.HAMLETS]
REQUIRED = (fields.KIND, *fields.REQUIRED)
HEADER = "# Tệp này được tạo từ data/ bằng lệnh `make issue-form`. Không sửa tay: sửa dữ liệu rồi chạy lại lệnh.\n"


def _dropdown(name: str, description: str, options: list[str], default: int | None = None) -> dict:
    attributes = {"label": LABELS[name], "description": description, "options": options}
    if default is not None:
        attributes["default"] = default  # the option preselected
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
        _dropdown(fields.KIND, KIND_HELP, list(fields.of(fields.KIND).choices), default=0),
        _field("textarea", fields.REASON, REASON_HELP, "Ví dụ: số quý 3 tính nhầm, đúng là 81,82%"),
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


KIND_HELP = (
    f"Chọn “{corrections.CORRECTION}” khi số liệu của chỉ tiêu này, kỳ này đã được gửi trước đây và nay cần sửa: "
    "báo cáo mới thay cho báo cáo cũ."
)
REASON_HELP = (
    f"Bắt buộc khi chọn “{corrections.CORRECTION}”: vì sao sửa. Lý do được ghi vào phần ghi chú của báo cáo, sau "
    f"chữ “{corrections.MARK}”. Để trống khi gửi báo cáo mới."
)
DESCRIPTION = "Gửi số liệu tiến độ của một chỉ tiêu; máy kiểm tra rồi mở đề nghị thay đổi để người duyệt xem."
INTRODUCTION = (
    "Mỗi lần gửi là **một chỉ tiêu, một kỳ**. Sau khi bấm *Submit new issue*, máy kiểm tra số liệu: nếu hợp lệ, "
    "một đề nghị thay đổi (pull request) được mở để người duyệt đối chiếu với văn bản nguồn; nếu có lỗi, máy trả "
    "lời ngay dưới issue này bằng tiếng Việt. Sửa issue (Edit) thì máy kiểm tra lại. Muốn sửa số đã gửi: gửi "
    f"lại chỉ tiêu và kỳ đó, chọn **{corrections.CORRECTION}** và ghi lý do."
)


def render(plan: Plan) -> str:
    return HEADER + yaml.safe_dump(definition(plan), allow_unicode=True, sort_keys=False, width=10**6)


# ----------------------------------------------------------------- reading a submitted form


@dataclass(frozen=True)
class Answer:
    """The fields read from one issue body: label -> text (None for `_No response_`), the labels missing, and why
    the body's shape is not the form's (sections repeated or out of order, text before the first one)."""

    values: dict[str, str | None]
    missing: tuple[str, ...]
    shape: tuple[str, ...] = ()


HEADING = re.compile(r"^###[ \t]+(.+?)[ \t]*$")


def parse_body(body: str) -> Answer:
    """Split the Markdown GitHub renders from a form by the form's own headings (`### <label>`, in the form's order);
    any other line, a `### ` heading of the clerk's own included, belongs to the answer above it."""
    text = unicodedata.normalize("NFC", body)  # a body edited on another keyboard writes the same labels
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    known = set(LABELS.values())
    found = [
        (index, match[1]) for index, line in enumerate(lines) if (match := HEADING.match(line)) and match[1] in known
    ]
    values, shape = {}, list(_shape(found, lines))
    ends = [index for index, _ in found[1:]] + [len(lines)]
    for (start, label), end in zip(found, ends[: len(found)], strict=True):
        answer = "\n".join(lines[start + 1 : end]).strip()
        values.setdefault(label, None if answer in ("", NO_RESPONSE) else answer)
    missing = tuple(label for label in LABELS.values() if label not in values)
    return Answer(values, missing, tuple(shape))


def _shape(found: list[tuple[int, str]], lines: list[str]):
    """Why a body's sections are not the form's: repeated, out of order, or text before the first one."""
    labels = [label for _, label in found]
    for label in dict.fromkeys(labels):
        if labels.count(label) > 1:
            yield f"mục “{label}” xuất hiện {labels.count(label)} lần; mỗi mục chỉ được có một lần"
    order = list(LABELS.values())
    seen = [order.index(label) for label in dict.fromkeys(labels)]
    if seen != sorted(seen):
        yield "các mục không theo thứ tự của biểu mẫu (" + ", ".join(f"“{order[i]}”" for i in seen) + ")"
    before = "\n".join(lines[: found[0][0]] if found else lines).strip()
    if before and found:
        yield f"có nội dung trước mục đầu tiên “{found[0][1]}”, không thuộc mục nào của biểu mẫu"


def hamlet_values(text: str | None, hamlets: dict[str, str]) -> tuple[dict[str, str], list[clerk.Refusal]]:
    """Lines "ấp Vĩnh Thạnh (vinh-thanh): 3", "Vĩnh Thạnh: 3" or "vinh-thanh: 3" -> {"vinh-thanh": "3"} (a hamlet by
    its id or its name, from {id: name}); the lines that are not of that form are refused."""
    values, refused = {}, []
    for line in (text or "").splitlines():
        name, colon, value = line.rpartition(":")
        if not line.strip():
            continue
        reading = clerk.read_report({"chi_tieu": name}) if colon and name.strip() else None
        if reading is None or reading.refusals:
            message = (
                reading.refusals[0].message if reading and reading.refusals else f"không đọc được dòng “{line.strip()}”"
            )
            refused.append(clerk.Refusal(fields.HAMLETS, message, "viết mỗi ấp một dòng: Tên ấp (mã ấp): số"))
            continue
        written = reading.record["chi_tieu"]
        hamlet = clerk.hamlet_id(written, hamlets) or written
        if hamlet in values:  # "Vĩnh Thạnh: 3" then "vinh-thanh: 4": the later line must not quietly win
            message = f"ấp “{written}” có hơn một dòng (“{line.strip()}”)"
            refused.append(clerk.Refusal(fields.HAMLETS, message, "mỗi ấp chỉ ghi một dòng; xoá dòng thừa"))
        values.setdefault(hamlet, value.strip())
    return values, refused


def read(answer: Answer, hamlets: dict[str, str] | None = None) -> clerk.Reading:
    """The report record the form describes, or the refusals, each naming its form field."""
    cells = {name: answer.values.get(LABELS[name]) for name in fields.NAMES if name != fields.HAMLETS}
    values, refused = hamlet_values(answer.values.get(HAMLETS), hamlets or {})
    reading = clerk.read_report(cells, values)
    reading.refusals += refused
    return reading
