"""Print or extend data/id-da-cong-bo.yml, the registry of every id the site has published.

Usage: python scripts/registry.py --add-new   (appends ids that are new; never removes any)
"""

from __future__ import annotations

import argparse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from macros import pipeline
from macros.data import rules, value_rules

HEADER = """# yaml-language-server: $schema=schemas/id-da-cong-bo.schema.json
# Sổ đăng ký các mã (địa chỉ) đã công bố. KHÔNG BAO GIỜ XÓA dòng nào: báo chí và cơ quan cấp trên đã trích dẫn.
# Khi dời một mục, thêm dòng vào chuyen_huong (mã cũ: mã mới).
"""


def current_ids(data_dir: Path) -> list[str]:
    sources, _ = pipeline.read_sources(data_dir, data_dir.parent)
    index, _ = rules.build_index(sources, set())
    return sorted(value_rules.published_ids(index))


def registered(registry: Path) -> list[str]:
    if not registry.exists():
        return []
    return [line[4:].strip() for line in registry.read_text(encoding="utf-8").splitlines() if line.startswith("  - ")]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--add-new", action="store_true", help="thêm các mã mới vào sổ đăng ký")
    parser.add_argument("--data", type=Path, default=ROOT / "data", help="thư mục dữ liệu")
    args = parser.parse_args()
    registry = args.data / "id-da-cong-bo.yml"
    known = registered(registry)
    new = [value for value in current_ids(args.data.resolve()) if value not in known]
    if not args.add_new:
        print("\n".join(new) or "Không có mã mới.")
        return 0
    keep = registry.read_text(encoding="utf-8") if registry.exists() else HEADER + "chuyen_huong: {}\nid:\n"
    registry.write_text(keep + "".join(f"  - {value}\n" for value in new), encoding="utf-8")
    print(f"Đã thêm {len(new)} mã vào {registry}.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
