"""Say so when the engine is no longer maintained: Material for MkDocs 9.x after 5 May 2027 (macros/publish/support.py).

Usage: python scripts/engine_notice.py [--summary FILE]
On the build day (SOURCE_DATE_EPOCH, else today in Việt Nam), prints the notice as a GitHub warning annotation and
appends it to FILE (the job summary). Prints nothing before that day. Exit status: always 0, so a notice never stops
clerks' reports from being published.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from macros import pipeline
from macros.publish import support


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Lưu ý khi công cụ dựng trang hết được bảo trì")
    parser.add_argument("--summary", type=Path, help="thêm lưu ý vào tệp này (GitHub job summary)")
    args = parser.parse_args(argv)
    notice = support.material_notice(pipeline.build_day())
    if notice:
        print(f"::warning title=Công cụ dựng trang::{notice}")
        if args.summary:
            with args.summary.open("a", encoding="utf-8") as handle:
                handle.write(f"## Công cụ dựng trang\n\n{notice}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
