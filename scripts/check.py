"""Check every data file and report every problem at once, in Vietnamese, with file and line.

Usage: python scripts/check.py [--data DIR] [--summary FILE]
Exit status: 0 when the data is good, 1 when there are problems.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from macros import pipeline


def _place(problem) -> str:
    line = f" dòng {problem.line}" if problem.line else ""
    if problem.in_sheet and problem.line:
        return f'`{problem.file}` {problem.row_place}, cột "{problem.field}"'
    return f"`{problem.file}`{line}, trường `{problem.field}`"


def summary_markdown(problems) -> str:
    if not problems:
        return "## Kiểm tra dữ liệu: không có lỗi\n\nDữ liệu hợp lệ, trang web sẽ được dựng.\n"
    lines = [
        f"## Kiểm tra dữ liệu: {len(problems)} lỗi\n",
        "Trang web **chưa** được cập nhật. Sửa từng lỗi dưới đây:\n",
    ]
    lines += [f"- {_place(p)}: {p.message} — {p.fix}" for p in problems]
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Kiểm tra dữ liệu trong data/")
    parser.add_argument("--data", type=Path, default=ROOT / "data", help="thư mục dữ liệu")
    parser.add_argument(
        "--summary",
        type=Path,
        help="ghi kết quả dạng Markdown vào tệp này (GitHub job summary)",
    )
    args = parser.parse_args(argv)
    data_dir = args.data.resolve()
    problems = sorted(set(pipeline.check(data_dir, data_dir.parent, pipeline.build_day())))
    for problem in problems:
        print(problem)
    if args.summary:
        with args.summary.open("a", encoding="utf-8") as handle:
            handle.write(summary_markdown(problems))
    if problems:
        print(
            f"Có {len(problems)} lỗi trong dữ liệu. Trang web chưa được cập nhật.",
            file=sys.stderr,
        )
        return 1
    print("Dữ liệu hợp lệ.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
