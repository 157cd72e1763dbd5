"""Does a change touch only data/? A clerk's data change takes the short path in CI; any other change runs every test.

Usage:
  python3 scripts/what_changed.py compare --event EVENT --ref REF --default-branch BRANCH
                                          [--pr-base SHA] [--deployed FILE] [--output FILE]
  python3 scripts/what_changed.py stamp --site DIR --commit SHA

`compare` finds what the checked-out commit (HEAD) changes, against:
- a pull request: the commit of the branch it goes into (--pr-base, github.event.pull_request.base.sha);
- the default branch (push, a run by hand, the daily run): the commit the site now online was built from, read
  from its ban-dung.json (--deployed, fetched by the workflow). A change is measured against what readers see, so a
  code change whose tests failed, and that was never deployed, is still tested with the next data change;
- another branch (the web form's bao-cao/issue-N, run by workflow_dispatch): where it left the default branch.
It prints the changed files and its answer in Vietnamese, and appends `data_only=true` or `data_only=false` to
FILE ($GITHUB_OUTPUT). Only when every changed path is under data/ is the answer true; when the base cannot be found
(first deploy, site down, history rewritten) it is false, so every test runs. Renames count as two paths: a file
moved from macros/ into data/ is a code change.

`stamp` writes DIR/ban-dung.json, {"commit": SHA}: the site tells which commit it was built from.

Standard library only: the workflow runs it before anything is installed.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

DATA_DIR = "data/"
STAMP = "ban-dung.json"
SHA = re.compile(r"^[0-9a-f]{40}$")


def git(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], capture_output=True, text=True, check=False)


def commit_exists(ref: str) -> bool:
    return bool(ref) and git("cat-file", "-e", f"{ref}^{{commit}}").returncode == 0


def deployed_commit(path: Path | None) -> str | None:
    """The commit in the deployed site's ban-dung.json, or None when it is missing or not a stamp."""
    try:
        stamp = json.loads(path.read_text(encoding="utf-8")) if path else None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return None
    commit = stamp.get("commit") if isinstance(stamp, dict) else None
    return commit if isinstance(commit, str) and SHA.match(commit) else None


def base_of(args) -> tuple[str | None, str]:
    """(base commit or None, what it is, in words)."""
    if args.event == "pull_request":
        base = args.pr_base if SHA.match(args.pr_base) else None  # a commit id, never an option for git
        return base, f"nhánh gốc của đề nghị thay đổi ({base or 'không rõ'})"
    if args.ref == f"refs/heads/{args.default_branch}":
        commit = deployed_commit(args.deployed)
        return commit, f"commit của trang đang công bố ({commit or 'không đọc được ' + STAMP})"
    found = git("merge-base", "HEAD", f"origin/{args.default_branch}").stdout.strip()
    return found or None, f"chỗ tách khỏi nhánh {args.default_branch} ({found or 'không tìm thấy'})"


def changed_paths(base: str) -> list[str] | None:
    """Every path that differs between base and HEAD, both sides of a rename; None when git cannot tell."""
    result = git("diff", "--name-only", "--no-renames", base, "HEAD")
    return result.stdout.splitlines() if result.returncode == 0 else None


def data_only(paths: list[str]) -> bool:
    return all(path.startswith(DATA_DIR) for path in paths)


def compare(args) -> bool:
    base, described = base_of(args)
    print(f"So với {described}.")
    paths = changed_paths(base) if base and commit_exists(base) else None
    if paths is None:
        print("Không so được với commit đó: chạy toàn bộ kiểm thử.")
        return False
    print("\n".join(f"  {path}" for path in paths) or "  (không có tệp nào đổi)")
    answer = data_only(paths)
    print("Chỉ dữ liệu (data/) thay đổi: đường ngắn." if answer else "Có thay đổi ngoài data/: chạy toàn bộ kiểm thử.")
    return answer


def stamp(site: Path, commit: str) -> None:
    if not SHA.match(commit):
        raise SystemExit(f"--commit phải là mã commit đủ 40 ký tự, nhận được {commit!r}")
    (site / STAMP).write_text(json.dumps({"commit": commit}) + "\n", encoding="utf-8")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("compare", help="chỉ dữ liệu thay đổi?")
    check.add_argument("--event", required=True, help="github.event_name")
    check.add_argument("--ref", required=True, help="github.ref")
    check.add_argument("--default-branch", required=True, help="github.event.repository.default_branch")
    check.add_argument("--pr-base", default="", help="github.event.pull_request.base.sha")
    check.add_argument("--deployed", type=Path, help="ban-dung.json của trang đang công bố")
    check.add_argument("--output", type=Path, help="ghi data_only=true/false vào tệp này ($GITHUB_OUTPUT)")
    mark = commands.add_parser("stamp", help="ghi commit vào bản dựng")
    mark.add_argument("--site", type=Path, required=True)
    mark.add_argument("--commit", required=True)
    args = parser.parse_args(argv)
    if args.command == "stamp":
        stamp(args.site, args.commit)
        return 0
    answer = compare(args)
    if args.output:
        with args.output.open("a", encoding="utf-8") as handle:
            handle.write(f"data_only={'true' if answer else 'false'}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
