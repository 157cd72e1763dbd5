"""Measure `make import` on the real plan: how long it takes (text and Word), and how well its suggestions and
bodies agree with the data staff wrote by hand (data/chi-tieu.yml, data/co-quan.yml). Prints Markdown for
BENCHMARKS.md.

A suggestion matches a target when it quotes the same paragraph and one quote holds the other (the test's rule).
Recall: targets with a matching suggestion. Precision: suggestions that match a target.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

import docx
import yaml

from macros.importer import paragraphs, run, source

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "data" / "nguon" / "ke-hoach-vinh-phong-2025-2030.txt"


def word_copy(plan: Path) -> Path:
    """The plan as a Word file, one Word paragraph per paragraph (the tests lay it out as an office does)."""
    raw = source.read(plan)
    document = docx.Document()
    for text in paragraphs.join_lines(raw.lines, raw.hard_wrapped):
        document.add_paragraph(text)
    path = Path(tempfile.mkdtemp()) / "ke-hoach.docx"
    document.save(str(path))
    return path


def load(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def timed_import(plan: Path) -> tuple[float, Path]:
    folder = Path(tempfile.mkdtemp()) / "data"
    folder.mkdir()
    shutil.copytree(ROOT / "data" / "schemas", folder / "schemas")
    start = time.perf_counter()
    run.import_plan(plan, folder)
    return time.perf_counter() - start, folder


def matches(target: dict, suggestion: dict) -> bool:
    quote, other = target["nguyen_van"], suggestion["nguyen_van"]
    return target["doan"] == suggestion["doan"] and (quote in other or other in quote)


def goal(record: dict):
    return record["gia_tri"] if record.get("gia_tri") is not None else record.get("gia_tri_tu")


def same_reading(target: dict, suggestion: dict) -> dict[str, bool]:
    return {
        "loai": target["loai"] == suggestion["loai"],
        "giá trị": goal(target) == goal(suggestion),
        "so_sanh": target.get("so_sanh") == suggestion.get("so_sanh"),
        "han": target["han"] == suggestion["han"],
    }


def suggestion_rows(data: Path) -> list[str]:
    targets, suggested = (
        load(ROOT / "data" / "chi-tieu.yml")["chi_tieu"],
        load(data / "chi-tieu-de-xuat.yml")["de_xuat"],
    )
    found = [t for t in targets if any(matches(t, s) for s in suggested)]
    right = [s for s in suggested if any(matches(t, s) for t in targets)]
    pairs = [(t, next(s for s in suggested if matches(t, s))) for t in found]
    agree = {key: sum(same_reading(t, s)[key] for t, s in pairs) for key in ("loai", "giá trị", "so_sanh", "han")}
    rows = [
        f"| Recall (chỉ tiêu có đề xuất khớp) | {len(found)}/{len(targets)} = {len(found) / len(targets):.0%} |",
        f"| Precision (đề xuất khớp một chỉ tiêu) | {len(right)}/{len(suggested)} "
        f"= {len(right) / len(suggested):.0%} |",
    ]
    rows += [f"| Cùng `{key}` với chỉ tiêu khớp | {n}/{len(pairs)} |" for key, n in agree.items()]
    return rows


def body_rows(data: Path) -> list[str]:
    real = {a["id"]: a for a in load(ROOT / "data" / "co-quan.yml")["co_quan"]}
    found = {a["id"]: a for a in load(data / "co-quan.yml")["co_quan"]}
    both = set(real) & set(found)
    places = sum(len(set(real[k]["nguon"]) & set(found[k]["nguon"])) for k in both)
    total = sum(len(real[k]["nguon"]) for k in both)
    return [
        f"| Cơ quan của co-quan.yml được tìm thấy (cùng mã) | {len(both)}/{len(real)} |",
        f"| Cơ quan tìm thấy có trong co-quan.yml | {len(both)}/{len(found)} |",
        f"| Nơi nêu tên (nguon) của các cơ quan đó | {places}/{total} |",
    ]


def main() -> int:
    seconds_text, data = timed_import(SOURCE)
    seconds_word, _ = timed_import(word_copy(SOURCE))
    print("| Đo | Kết quả |\n|---|---|")
    print(f"| Nhập văn bản .txt (đọc, kiểm tra, ghi) | {seconds_text:.2f} s |")
    print(f"| Nhập tệp Word .docx | {seconds_word:.2f} s |")
    print("\n".join(suggestion_rows(data) + body_rows(data)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
