"""Write (or check) the repository files that name the commune, generated from data/: README.md's first screen and
.github/CODEOWNERS (its placeholder team names). `make import` runs it after writing a new commune's data.

Usage: python scripts/repo_files.py --write | --check [--root DIR]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from macros import pipeline
from macros.site import repo_files

ROOT = Path(__file__).resolve().parent.parent


def wanted(root: Path) -> dict[str, str]:
    """File (relative to the checkout) -> its text as the data says it should be."""
    data = root / "data"
    plan = pipeline.load_site(data, root, pipeline.build_day()).plan
    readme = (root / repo_files.README).read_text(encoding="utf-8")
    return {
        repo_files.README: repo_files.with_readme_head(readme, plan),
        repo_files.CODEOWNERS: repo_files.codeowners(plan),
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--write", action="store_true", help="ghi lại README.md (phần đầu) và .github/CODEOWNERS")
    action.add_argument("--check", action="store_true", help="báo lỗi nếu các tệp này đã cũ so với data/")
    parser.add_argument("--root", type=Path, default=ROOT, help="thư mục kho mã")
    args = parser.parse_args(argv)
    stale = []
    for name, text in wanted(args.root).items():
        path = args.root / name
        if args.write:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            print(f"Đã ghi {name}")
        elif not path.exists() or path.read_text(encoding="utf-8") != text:
            stale.append(f"{name}: đã cũ so với data/ — chạy make repo-files")
    print("\n".join(stale)) if stale else None
    return 1 if stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
