"""Write (or check) the JSON Schemas in data/schemas/, generated from macros/data/spec.py.

Usage: python scripts/schemas.py --write | --check
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from macros.data.schema import all_schemas

SCHEMA_DIR = ROOT / "data" / "schemas"


def rendered() -> dict[Path, str]:
    return {
        SCHEMA_DIR / name: json.dumps(body, ensure_ascii=False, indent=2) + "\n" for name, body in all_schemas().items()
    }


def stale() -> list[Path]:
    return [path for path, text in rendered().items() if not path.exists() or path.read_text(encoding="utf-8") != text]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--write", action="store_true", help="ghi lại các tệp schema")
    args = parser.parse_args()
    if args.write:
        SCHEMA_DIR.mkdir(exist_ok=True)
        for path, text in rendered().items():
            path.write_text(text, encoding="utf-8")
        print(f"Đã ghi {len(rendered())} tệp schema vào {SCHEMA_DIR.relative_to(ROOT)}/")
        return 0
    outdated = stale()
    for path in outdated:
        print(f"{path.relative_to(ROOT)}: schema đã cũ — chạy make schemas")
    return 1 if outdated else 0


if __name__ == "__main__":
    raise SystemExit(main())
