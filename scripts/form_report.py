"""Turn one submitted "Báo cáo tiến độ" issue into a report in data/cap-nhat/<year>.yml, or into Vietnamese errors.

The intake workflow (.github/workflows/bao-cao-tu-bieu-mau.yml) saves the untrusted issue body to a file and runs:

  python scripts/form_report.py --body FILE --issue N --association ASSOC --out DIR

Into --out it writes `result` (one word: pr, invalid or not-allowed) and `comment.md` (posted on the issue); for pr
also `branch` and `pr-body.md`, and the report is appended to the year file. The full check runs on the changed data
before anything is written for a pull request; with any problem the year file is restored and only the comment is
left. Exit status 0 whenever one of these results was written.
"""

from __future__ import annotations

import argparse
import textwrap
from pathlib import Path

import yaml

from macros import pipeline
from macros.errors import DataError, Problem
from macros.intake import clerk, issue_form

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


def year_file(data_dir: Path, period: str) -> Path:
    return data_dir / "cap-nhat" / f"{period[:4]}.yml"


def appended(text: str, record: dict) -> tuple[str, int]:
    """The year file with the report added at the end of `bao_cao:`, and the line where the report starts."""
    lines = text.rstrip("\n").splitlines() if text.strip() else HEADER.rstrip("\n").splitlines()
    lines = ["bao_cao:" if line.strip() == "bao_cao: []" else line for line in lines]
    if "bao_cao:" not in lines:
        lines.append("bao_cao:")
    block = yaml.safe_dump([record], allow_unicode=True, sort_keys=False, width=10**6)
    return "\n".join(lines) + "\n" + textwrap.indent(block, "  "), len(lines) + 1


def _form_problem(label: str, message: str, fix: str) -> str:
    return f"- **{label}**: {message} — {fix}"


def _in_form_words(problem: Problem, path: str, first_line: int) -> str:
    """A problem of the new report is named by its form field; any other one is shown as the check prints it."""
    if problem.file != path or problem.line < first_line:
        return f"- `{problem}`"
    label = issue_form.LABELS.get(problem.field, problem.field)
    return _form_problem(label, problem.message, clerk.fix_in_words(problem.fix, problem.field, label))


def refusals(answer: issue_form.Answer, reading: clerk.Reading, units: dict) -> list[str]:
    lines = [
        _form_problem(label, "thiếu mục này trong nội dung issue", "điền lại biểu mẫu") for label in answer.missing
    ]
    blank = [issue_form.LABELS[name] for name in issue_form.REQUIRED if name not in reading.record]
    lines += [
        _form_problem(label, "chưa điền mục này", "điền mục này rồi lưu lại issue")
        for label in blank
        if label not in answer.missing and not any(issue_form.LABELS[r.field] == label for r in reading.refusals)
    ]
    found = list(reading.refusals)
    unit = units.get(reading.record.get("chi_tieu"))
    if reading.percent and reading.record.get("chi_tieu") in units and clerk.percent_refusal(unit):
        found.append(clerk.percent_refusal(unit))
    return lines + [_form_problem(issue_form.LABELS[r.field], r.message, r.fix) for r in found]


def add_and_check(data_dir: Path, record: dict) -> list[str]:
    """Append the report and run the full check; on any problem restore the file and return the problems."""
    path = year_file(data_dir, record["ky"])
    before = path.read_text(encoding="utf-8") if path.exists() else None
    text, first_line = appended(before or "", record)
    path.write_text(text, encoding="utf-8")
    problems = sorted(set(pipeline.check(data_dir, data_dir.parent, pipeline.build_day())))
    if problems:
        path.write_text(before, encoding="utf-8") if before is not None else path.unlink()
    display = path.relative_to(data_dir.parent).as_posix()
    return [_in_form_words(problem, display, first_line) for problem in problems]


def invalid_comment(lines: list[str]) -> str:
    return (
        "Máy kiểm tra chưa nhận báo cáo này, **chưa có gì được gửi đi**. Sửa (Edit) issue theo các điểm dưới đây, "
        "máy sẽ kiểm tra lại:\n\n" + "\n".join(lines) + "\n"
    )


def outcome(body: str, issue: int, association: str, data_dir: Path) -> dict[str, str]:
    """The files to write: result, comment.md, and for a valid report branch and pr-body.md."""
    if association not in WRITERS:
        return {"result": "not-allowed", "comment.md": NOT_ALLOWED + "\n"}
    answer = issue_form.parse_body(body)
    reading = issue_form.read(answer)
    try:
        site = pipeline.load_site(data_dir, data_dir.parent, pipeline.build_day())
    except DataError as error:  # the data already on the branch is broken: not the clerk's doing
        return {
            "result": "invalid",
            "comment.md": BROKEN + "\n\n" + "\n".join(f"- `{p}`" for p in error.problems) + "\n",
        }
    problems = refusals(answer, reading, {t.id: t.unit for t in site.plan.targets})
    if problems or "ky" not in reading.record:
        return {"result": "invalid", "comment.md": invalid_comment(problems)}
    problems = add_and_check(data_dir, reading.record)
    if problems:
        return {"result": "invalid", "comment.md": invalid_comment(problems)}
    path = year_file(data_dir, reading.record["ky"]).relative_to(data_dir.parent).as_posix()
    summary = f"báo cáo chỉ tiêu `{reading.record['chi_tieu']}` kỳ `{reading.record['ky']}`"
    return {
        "result": "pr",
        "branch": f"bao-cao/issue-{issue}",
        "pr-body.md": f"Thêm {summary} vào `{path}`, từ biểu mẫu web.\n\nCloses #{issue}\n",
        "comment.md": f"Máy kiểm tra đã nhận {summary}. Đề nghị thay đổi đã được mở để người duyệt đối chiếu.\n",
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
        (args.out / name).write_text(text + ("\n" if name in ("result", "branch") else ""), encoding="utf-8")
    print(files["result"])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
