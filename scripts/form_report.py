"""Turn one submitted "Báo cáo tiến độ" issue into a report in data/cap-nhat/<year>.yml, or into Vietnamese errors.

The intake workflow (.github/workflows/bao-cao-tu-bieu-mau.yml) saves the untrusted issue body to a file and runs:

  python scripts/form_report.py --body FILE --issue N --association ASSOC --out DIR

Into --out it writes `result` (one word: pr, invalid or not-allowed) and `comment.md` (posted on the issue); for pr
also `branch`, `title` and `pr-body.md`, and the data file is changed; for invalid also `close.md`, the comment that
closes the pull request an earlier version of the issue opened (an edited issue that is no longer valid leaves no
stale pull request waiting for review). A new report is appended to the year file; a correction ("Sửa báo cáo đã
gửi") replaces the report it corrects in its YAML file, or, when that report is a workbook row, is appended with the
note "Sửa: <lý do>" so that it replaces that row. The full check runs on the changed data before anything is written
for a pull request; with any problem the data files are restored and only the comments are left. Exit status 0
whenever one of these results was written.
"""

from __future__ import annotations

import argparse
import re
import textwrap
from pathlib import Path

import yaml

from macros import pipeline
from macros.domain.model import Report
from macros.domain.site_data import SiteData
from macros.errors import DataError, Problem
from macros.intake import clerk, fields, issue_form
from macros.vocabulary import corrections, kinds

ROOT = Path(__file__).resolve().parent.parent
WRITERS = ("OWNER", "MEMBER", "COLLABORATOR")
HEADER = "# yaml-language-server: $schema=../schemas/cap-nhat.schema.json\n"
NOT_ALLOWED = (
    "Cảm ơn anh/chị đã gửi số liệu. Máy chỉ tự tạo đề nghị thay đổi cho tài khoản đã được cấp quyền vào kho dữ liệu "
    "(cán bộ được giao cập nhật số liệu). Nhóm kỹ thuật sẽ xem issue này; nếu anh/chị là cán bộ của xã, hãy nhờ nhóm "
    "kỹ thuật cấp quyền rồi sửa (Edit) issue để máy kiểm tra lại."
)
BROKEN = (
    "Dữ liệu hiện có trong kho đang có lỗi, nên máy chưa thêm được báo cáo này. Nhóm kỹ thuật cần sửa các lỗi dưới "
    "đây trước; sau đó anh/chị sửa (Edit) issue để máy kiểm tra lại."
)
CLOSED = (
    "Issue #{issue} đã được sửa và nội dung mới chưa hợp lệ (xem trả lời dưới issue), nên đề nghị thay đổi này được "
    "đóng để không ai duyệt nhầm số liệu cũ. Sửa lại issue cho đúng: máy sẽ kiểm tra và mở lại đề nghị thay đổi."
)
KIND = issue_form.LABELS[fields.KIND]
REASON = issue_form.LABELS[fields.REASON]


def year_file(data_dir: Path, period: str) -> Path:
    return data_dir / "cap-nhat" / f"{period[:4]}.yml"


def _block(record: dict, indent: str = "  ") -> str:
    return textwrap.indent(yaml.safe_dump([record], allow_unicode=True, sort_keys=False, width=10**6), indent)


LIST_KEY = re.compile(r"^bao_cao:\s*(?:\[\]\s*)?(?:#.*)?$")  # "bao_cao:", "bao_cao: []", either with a comment


def appended(text: str, record: dict) -> tuple[str, int]:
    """The year file with the report added at the end of `bao_cao:`, as far in as the reports already there (a file
    written by hand may start them at the margin), and the line where the report starts."""
    lines = text.rstrip("\n").splitlines() if text.strip() else HEADER.rstrip("\n").splitlines()
    lines = [line.replace("[]", "", 1).rstrip() if LIST_KEY.match(line) else line for line in lines]
    key = next((index for index, line in enumerate(lines) if LIST_KEY.match(line)), len(lines))
    if key == len(lines):
        lines.append("bao_cao:")
    items = [line for line in lines[key + 1 :] if line.lstrip().startswith("- ")]
    indent = items[0][: len(items[0]) - len(items[0].lstrip())] if items else "  "
    return "\n".join(lines) + "\n" + _block(record, indent), len(lines) + 1


def replaced(text: str, line: int, record: dict) -> tuple[str, int]:
    """The file with the report that starts at `line` (its `- ` line) replaced by `record`, everything else kept
    character for character; and the line where the new report starts."""
    lines = text.splitlines(keepends=True)
    first = line - 1
    indent = len(lines[first]) - len(lines[first].lstrip(" "))
    end = first + 1
    while end < len(lines) and (not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip(" ")) > indent):
        end += 1
    while end > first + 1 and not lines[end - 1].strip():
        end -= 1  # blank lines after the report stay where they are
    return "".join(lines[:first]) + _block(record, " " * indent) + "".join(lines[end:]), line


def _form_problem(label: str, message: str, fix: str) -> str:
    return f"- **{label}**: {message} — {fix}"


def _in_form_words(problem: Problem, path: str, first_line: int) -> str:
    """A problem of the new report is named by its form field; any other one is shown as the check prints it."""
    if problem.file != path or problem.line < first_line:
        return f"- `{problem}`"
    label = issue_form.LABELS.get(problem.field, problem.field)
    return _form_problem(label, problem.message, clerk.fix_in_words(problem.fix, problem.field, label))


def shape_problems(answer: issue_form.Answer) -> list[str]:
    """A body whose sections are not the form's is refused whole, with the reason: no half-read report."""
    fix = "sửa (Edit) issue cho đúng các mục của biểu mẫu, hoặc đóng issue này và điền lại biểu mẫu"
    return [_form_problem("Nội dung issue", reason, fix) for reason in answer.shape]


def request_problems(answer: issue_form.Answer) -> list[str]:
    """ "Loại báo cáo" must be one of its options; "Lý do sửa" is required for a correction, and only then."""
    kind, reason = answer.values.get(KIND), answer.values.get(REASON)
    options = fields.of(fields.KIND).choices
    if KIND in answer.missing or kind is None:
        return []  # reported as a missing section or an empty field
    if kind not in options:
        return [_form_problem(KIND, f"“{kind}” không phải một lựa chọn", "chọn " + " hoặc ".join(options))]
    if kind == corrections.CORRECTION and not reason:
        return [_form_problem(REASON, "chưa ghi lý do sửa", f"khi chọn “{corrections.CORRECTION}”, ghi vì sao sửa")]
    if kind == corrections.NEW_REPORT and reason:
        fix = f"nếu đây là số sửa lại, chọn “{corrections.CORRECTION}”; nếu là báo cáo mới, xoá nội dung ô này"
        return [_form_problem(REASON, f"chỉ ghi lý do sửa khi chọn “{corrections.CORRECTION}”", fix)]
    return []


def refusals(answer: issue_form.Answer, reading: clerk.Reading, site: SiteData) -> list[str]:
    missing = [
        _form_problem(label, "thiếu mục này trong nội dung issue", "điền lại biểu mẫu") for label in answer.missing
    ]
    refused = {issue_form.LABELS[r.field] for r in reading.refusals}
    blank = [issue_form.LABELS[name] for name in issue_form.REQUIRED if _empty(answer, reading, name)]
    missing += [
        _form_problem(label, "chưa điền mục này", "điền mục này rồi lưu lại issue")
        for label in blank
        if label not in answer.missing and label not in refused
    ]
    found = list(reading.refusals)
    target = site.plan.target_by_id.get(reading.record.get("chi_tieu"))
    if reading.percent and target is not None:
        found += [clerk.percent_refusal(target.unit, kinds.of(target).yes_no)]
    return missing + [_form_problem(issue_form.LABELS[r.field], r.message, r.fix) for r in found if r]


def _empty(answer: issue_form.Answer, reading: clerk.Reading, name: str) -> bool:
    if name == fields.KIND:
        return answer.values.get(issue_form.LABELS[name]) is None
    return name not in reading.record


def existing_report(site: SiteData, record: dict) -> Report | None:
    """The report already published for the record's target and period, if any."""
    return next(
        (r for r in site.plan.reports if r.target_id == record["chi_tieu"] and r.period.code == record["ky"]), None
    )


def _where(report: Report) -> str:
    return report.place or f"{report.file}:{report.line}"


def route_problems(kind: str, record: dict, existing: Report | None) -> list[str]:
    """A new report for a target and period already reported points to the correction route; a correction needs a
    report to correct."""
    label = issue_form.LABELS["ky"]
    if kind == corrections.NEW_REPORT and existing is not None:
        message = f"chỉ tiêu {record['chi_tieu']} đã có báo cáo kỳ {record['ky']} ({_where(existing)})"
        fix = f"nếu muốn sửa số đã gửi, chọn “{KIND}”: “{corrections.CORRECTION}” và ghi “{REASON}”"
        return [_form_problem(label, message, fix)]
    if kind == corrections.CORRECTION and existing is None:
        message = f"chỉ tiêu {record['chi_tieu']} chưa có báo cáo kỳ {record['ky']} nào để sửa"
        return [_form_problem(label, message, f"kiểm tra lại kỳ, hoặc chọn “{KIND}”: “{corrections.NEW_REPORT}”")]
    return []


def correction(record: dict, existing: Report, reason: str) -> dict:
    """The report that replaces `existing`: the form's numbers (for a per-hamlet target, the hamlets it gives over
    the ones already reported), and the reason in the note."""
    fixed = {key: value for key, value in record.items() if key != "ghi_chu"}
    if existing.hamlet_values:
        fixed["theo_ap"] = dict(existing.hamlet_values) | record.get("theo_ap", {})
    fixed["ghi_chu"] = corrections.note(reason, record.get("ghi_chu"))
    return fixed


def add_and_check(data_dir: Path, record: dict, replacing: Report | None = None) -> list[str]:
    """Write the report (in place of `replacing` when that is a YAML report) and run the full check; on any problem
    restore the file and return the problems."""
    in_yaml = replacing is not None and replacing.file.endswith(".yml")
    path = data_dir.parent / replacing.file if in_yaml else year_file(data_dir, record["ky"])
    before = path.read_text(encoding="utf-8") if path.exists() else None
    text, first_line = replaced(before, replacing.line, record) if in_yaml else appended(before or "", record)
    path.write_text(text, encoding="utf-8")
    problems = sorted(set(pipeline.check(data_dir, data_dir.parent, pipeline.build_day())))
    if problems:
        path.write_text(before, encoding="utf-8") if before is not None else path.unlink()
    display = path.relative_to(data_dir.parent).as_posix()
    return [_in_form_words(problem, display, first_line) for problem in problems]


def invalid(lines: list[str], issue: int) -> dict[str, str]:
    comment = (
        "Máy kiểm tra chưa nhận báo cáo này, **chưa có gì được gửi đi**. Sửa (Edit) issue theo các điểm dưới đây, "
        "máy sẽ kiểm tra lại:\n\n" + "\n".join(lines) + "\n"
    )
    return {"result": "invalid", "comment.md": comment, "close.md": CLOSED.format(issue=issue) + "\n"}


def outcome(body: str, issue: int, association: str, data_dir: Path) -> dict[str, str]:
    """The files to write: result, comment.md, and for a valid report branch, title and pr-body.md."""
    if association not in WRITERS:
        return {"result": "not-allowed", "comment.md": NOT_ALLOWED + "\n"}
    answer = issue_form.parse_body(body)
    try:
        site = pipeline.load_site(data_dir, data_dir.parent, pipeline.build_day())
    except DataError as error:  # the data already on the branch is broken: not the clerk's doing
        lines = "\n".join(f"- `{p}`" for p in error.problems)
        return invalid([], issue) | {"comment.md": BROKEN + "\n\n" + lines + "\n"}
    reading = issue_form.read(answer, {hamlet.id: hamlet.name for hamlet in site.plan.hamlets})
    problems = shape_problems(answer) + request_problems(answer) + refusals(answer, reading, site)
    if problems or not {"chi_tieu", "ky"} <= reading.record.keys():
        return invalid(problems or ["- **Nội dung issue**: không đọc được báo cáo — điền lại biểu mẫu"], issue)
    kind, record = answer.values[KIND], reading.record
    existing = existing_report(site, record)
    problems = route_problems(kind, record, existing)
    if problems:
        return invalid(problems, issue)
    if kind == corrections.CORRECTION:
        record = correction(record, existing, answer.values[REASON])
    problems = add_and_check(data_dir, record, existing)
    return invalid(problems, issue) if problems else _opened(data_dir, record, existing, issue)


def _opened(data_dir: Path, record: dict, existing: Report | None, issue: int) -> dict[str, str]:
    summary = f"báo cáo chỉ tiêu `{record['chi_tieu']}` kỳ `{record['ky']}`"
    if existing is None:
        path = year_file(data_dir, record["ky"]).relative_to(data_dir.parent).as_posix()
        title, said = "Báo cáo tiến độ từ biểu mẫu web", f"Thêm {summary} vào `{path}`"
    else:
        title, said = "Sửa báo cáo tiến độ từ biểu mẫu web", f"Sửa {summary} (trước đây ở `{_where(existing)}`)"
    return {
        "result": "pr",
        "branch": f"bao-cao/issue-{issue}",
        "title": f"{title} (#{issue})",
        "pr-body.md": f"{said}, từ biểu mẫu web.\n\nCloses #{issue}\n",
        "comment.md": f"Máy kiểm tra đã nhận {summary}. Đề nghị thay đổi đã được mở (hoặc cập nhật) để người duyệt "
        "đối chiếu.\n",
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--body", type=Path, required=True, help="tệp chứa nội dung issue")
    parser.add_argument("--issue", type=int, required=True, help="số issue")
    parser.add_argument("--association", required=True, help="author_association của người viết issue")
    parser.add_argument("--out", type=Path, required=True, help="thư mục ghi kết quả")
    parser.add_argument("--data", type=Path, default=ROOT / "data", help="thư mục dữ liệu")
    args = parser.parse_args(argv)
    body = args.body.read_text(encoding="utf-8", errors="replace")
    files = outcome(body, args.issue, args.association.upper(), args.data.resolve())
    args.out.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (args.out / name).write_text(text + ("\n" if name in ("result", "branch", "title") else ""), encoding="utf-8")
    print(files["result"])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
