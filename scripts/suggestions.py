"""`make suggestions`: write the review page of suggested targets (data/chi-tieu-de-xuat.yml), each beside the
paragraph it quotes, to .cache/de-xuat/index.html (git-ignored; never part of the published site).

Usage: python scripts/suggestions.py [--data DIR] [--out FILE]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from macros import pipeline
from macros.errors import DataError
from macros.site import review

ROOT = Path(__file__).resolve().parent.parent


def suggestions(data_dir: Path) -> list[dict]:
    sources, _ = pipeline.read_sources(data_dir, data_dir.parent)
    return [dict(item) for source in sources.get("suggestions", []) for item in source.root.get("de_xuat") or []]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=ROOT / "data", help="thư mục dữ liệu")
    parser.add_argument("--out", type=Path, default=ROOT / ".cache" / "de-xuat" / "index.html", help="tệp HTML ghi ra")
    args = parser.parse_args(argv)
    try:
        site = pipeline.load_site(args.data, args.data.parent, pipeline.build_day())
    except DataError as error:
        print(error.report(), file=sys.stderr)
        return 1
    found = suggestions(args.data)
    if not found:
        print("Không có chỉ tiêu đề xuất nào (data/chi-tieu-de-xuat.yml trống hoặc chưa có).")
        return 0
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(review.page(site.plan, found), encoding="utf-8")
    print(f"Đã ghi {len(found)} đề xuất vào {args.out}. Mở tệp này bằng trình duyệt để xem.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
