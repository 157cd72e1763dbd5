"""Write (or check) the GitHub issue form .github/ISSUE_TEMPLATE/bao-cao-tien-do.yml, generated from data/.

Its drop-down lists (targets, periods, agencies) come from the data, so the form is regenerated whenever a target or
an agency is added. Usage: python scripts/issue_form.py --write | --check
"""

from __future__ import annotations

import argparse
from pathlib import Path

from macros import pipeline
from macros.intake import issue_form

ROOT = Path(__file__).resolve().parent.parent
FORM = ROOT / issue_form.PATH


def rendered(data_dir: Path = ROOT / "data") -> str:
    site = pipeline.load_site(data_dir, data_dir.parent, pipeline.build_day())
    return issue_form.render(site.plan)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--write", action="store_true", help="ghi lại biểu mẫu")
    action.add_argument("--check", action="store_true", help="báo lỗi nếu biểu mẫu đã cũ so với data/")
    args = parser.parse_args(argv)
    text = rendered()
    if args.write:
        FORM.parent.mkdir(parents=True, exist_ok=True)
        FORM.write_text(text, encoding="utf-8")
        print(f"Đã ghi {issue_form.PATH}")
        return 0
    if not FORM.exists() or FORM.read_text(encoding="utf-8") != text:
        print(f"{issue_form.PATH}: biểu mẫu đã cũ so với data/ — chạy make issue-form")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
