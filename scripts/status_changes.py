"""Did the status of any target change since the site now online was built? The daily workflow run deploys only then.

Usage: python scripts/status_changes.py --built site/du-lieu/chi-tieu.json --deployed deployed.json [--output FILE]

Reads the open-data list of targets (du-lieu/chi-tieu.json) of the new build and of the deployed site, compares
each target's status (trang_thai), prints what changed in Vietnamese, and appends `changed=true` or `changed=false`
to FILE (GitHub's $GITHUB_OUTPUT). A deployed file that is missing or unreadable (first deploy, site down) counts
as a change, so the site is deployed rather than left stale. The build day itself is not compared: it changes
every day, statuses do not.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from macros.domain.status import LABELS


def statuses(path: Path) -> dict[str, str] | None:
    """Target id -> status code, or None when the file is not a readable list of targets."""
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return None
    if not isinstance(records, list) or not all(isinstance(r, dict) and "id" in r for r in records):
        return None
    return {record["id"]: record.get("trang_thai") for record in records}


def changes(built: dict[str, str], deployed: dict[str, str]) -> list[str]:
    """One line per target whose status differs, or that appeared or disappeared."""
    label = lambda code: LABELS.get(code, "không có") if code else "không có"  # noqa: E731
    return [
        f"{key}: {label(deployed.get(key))} → {label(built.get(key))}"
        for key in sorted(set(built) | set(deployed))
        if built.get(key) != deployed.get(key)
    ]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="So trạng thái chỉ tiêu của bản dựng mới với trang đang công bố")
    parser.add_argument("--built", type=Path, required=True, help="du-lieu/chi-tieu.json của bản dựng mới")
    parser.add_argument("--deployed", type=Path, required=True, help="du-lieu/chi-tieu.json của trang đang công bố")
    parser.add_argument("--output", type=Path, help="ghi changed=true/false vào tệp này ($GITHUB_OUTPUT)")
    args = parser.parse_args(argv)
    built, deployed = statuses(args.built), statuses(args.deployed)
    if built is None:
        print(f"Không đọc được {args.built}: bản dựng mới không có danh sách chỉ tiêu.")
        return 1
    if deployed is None:
        found = ["Không đọc được trạng thái của trang đang công bố: triển khai bản mới."]
    else:
        found = changes(built, deployed)
    print("\n".join(found) if found else "Không chỉ tiêu nào đổi trạng thái: không cần triển khai.")
    if args.output:
        with args.output.open("a", encoding="utf-8") as handle:
            handle.write(f"changed={'true' if found else 'false'}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
