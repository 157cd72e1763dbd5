"""Import a commune's plan (.docx or UTF-8 text) into data/: the whole plan, its bodies, suggested targets.

Usage: python scripts/import_plan.py PLAN [--xa "Cát Vân"] [--tinh "Thanh Hóa"] [--giai-doan 2026-2030]
[--force] [--data DIR] (make import PLAN=<tệp> [XA=…] [TINH=…] [GIAI_DOAN=…] [FORCE=1]).
Exit status 1, and nothing written, when it cannot.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from macros.errors import DataError
from macros.importer import run


def summary(imported: run.Imported, data_dir: Path) -> str:
    plan, commune = imported.plan, imported.commune
    units = sum(1 for anchor, *_ in run.paragraph_places(plan))
    lines = [
        f"Đã nhập {plan['van_ban']['loai'].capitalize()} của xã {commune['ten']} (tỉnh {commune['tinh']}) "
        f"từ {imported.source.name}:",
        f"- {data_dir}/ke-hoach.yml: {len(plan['muc'])} phần, {units} đoạn có mã trích dẫn, giữ nguyên văn.",
        f"- {data_dir}/xa.yml: tên xã, tỉnh, giấy phép dữ liệu mở {commune['giay_phep']}.",
        f"- {data_dir}/co-quan.yml: {len(imported.agencies)} cơ quan, đơn vị được nêu tên (vai trò: chưa xét).",
        f"- {data_dir}/chi-tieu-de-xuat.yml: {len(imported.suggestions)} cam kết đề xuất làm chỉ tiêu (chưa công bố).",
        f"- {data_dir}/id-da-cong-bo.yml, chi-tieu.yml, nhiem-vu.yml, ap.yml, cap-nhat/: sổ mã mới và các tệp trống.",
        f"- {data_dir}/nguon/{imported.source.name}: bản sao văn bản như nhận được.",
    ]
    if imported.skipped:
        lines.append(f"Bỏ qua {imported.skipped} cam kết có năm ngoài nhiệm kỳ (không theo dõi được trên trang).")
    lines += imported.notes
    lines += [
        "Việc tiếp theo: xem các đề xuất (make suggestions), chép đề xuất đúng sang data/chi-tieu.yml, "
        "bổ sung vai trò cơ quan và danh sách ấp, rồi make serve để xem thử.",
    ]
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Nhập Kế hoạch (.docx hoặc .txt) vào data/")
    parser.add_argument("plan", type=Path, help="tệp Kế hoạch: .docx hoặc văn bản .txt (UTF-8)")
    parser.add_argument("--xa", help="tên xã, khi văn bản không ghi hoặc ghi khác")
    parser.add_argument("--tinh", help="tên tỉnh, khi văn bản không ghi")
    parser.add_argument("--giai-doan", help="giai đoạn của Kế hoạch, khi văn bản không ghi, ví dụ 2026-2030")
    parser.add_argument("--force", action="store_true", help="thay cả dữ liệu đã có báo cáo tiến độ")
    parser.add_argument("--data", type=Path, default=ROOT / "data", help="thư mục dữ liệu")
    args = parser.parse_args(argv)
    try:
        span = run.span_given(args.plan.name, args.giai_doan)
        imported = run.import_plan(args.plan, args.data, args.xa, args.tinh, args.force, span)
    except DataError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        print("Chưa ghi gì vào thư mục dữ liệu.", file=sys.stderr)
        return 1
    print(summary(imported, args.data))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
