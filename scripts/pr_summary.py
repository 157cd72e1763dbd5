"""Tell the reviewer of a pull request what it does to the published numbers.

Usage: python scripts/pr_summary.py --base DIR --head DIR [--summary FILE]

DIR is a data/ folder: --base from the branch the pull request goes into, --head from the pull request. Lists each
report added, changed or removed (YAML or workbook rows alike) and each target whose status changes, old → new with
the value. Writes Markdown to stdout and, with --summary, appends it to that file (GitHub's job summary).
Exit status 0; when the head data has problems the check step reports them and this summary says so.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from macros import pipeline
from macros.errors import DataError
from macros.intake import changes as change_summary

UNCHECKED = (
    "## Thay đổi số liệu\n\nDữ liệu của thay đổi này còn lỗi (xem bước kiểm tra dữ liệu), nên chưa so sánh được.\n"
)


def load(data_dir: Path):
    try:
        return pipeline.load_site(data_dir, data_dir.parent, pipeline.build_day())
    except DataError:
        return None


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", type=Path, required=True, help="thư mục data/ của nhánh gốc")
    parser.add_argument("--head", type=Path, required=True, help="thư mục data/ của thay đổi")
    parser.add_argument("--summary", type=Path, help="ghi thêm kết quả vào tệp này (GitHub job summary)")
    args = parser.parse_args(argv)
    head = load(args.head.resolve())
    if head is None:
        text = UNCHECKED
    else:
        text = change_summary.markdown(change_summary.compare(load(args.base.resolve()), head), head)
    print(text)
    if args.summary:
        with args.summary.open("a", encoding="utf-8") as handle:
            handle.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
