"""Add one progress report to data/cap-nhat/<year>.yml, keeping the file's comments and order, then run the check.

Example:
  python scripts/add_report.py --chi-tieu bao-hiem-y-te --ky 2026-Q4 --gia-tri 93.5 \\
      --ngay 2026-12-31 --nguon "Báo cáo số 123/BC-UBND" --don-vi phong-kinh-te
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import re
import sys
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

ROOT = Path(__file__).resolve().parent.parent

from macros.data.spec import PERIOD_PATTERN

HEADER = "# yaml-language-server: $schema=../schemas/cap-nhat.schema.json\n"


class ReportError(Exception):
    """A report that cannot be added; the message is for staff, in Vietnamese."""


def parse_value(text: str):
    """true/false for yes/no standards, otherwise a number written with a decimal point."""
    if text.lower() in ("true", "false"):
        return text.lower() == "true"
    try:
        number = float(text)
        if not math.isfinite(number):
            raise ValueError(text)
    except ValueError:
        raise ReportError(
            f'--gia-tri "{text}" không phải là số — viết bằng chữ số, ví dụ 93.5, hoặc true/false'
        ) from None
    return int(number) if number.is_integer() else number


def parse_period(text: str) -> str | int:
    if not re.match(PERIOD_PATTERN, text):
        raise ReportError(f'--ky "{text}" không đúng dạng — viết 2026-11, 2026-Q4, 2026 hoặc 2028-GK')
    return int(text) if text.isdigit() else text


def report_file(data_dir: Path, period: str | int) -> Path:
    return data_dir / "cap-nhat" / f"{str(period)[:4]}.yml"


def load(path: Path, yaml: YAML) -> CommentedMap:
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(HEADER + "bao_cao: []\n", encoding="utf-8")
    document = yaml.load(path.read_text(encoding="utf-8"))
    if document.get("bao_cao") is None or len(document["bao_cao"]) == 0:
        document["bao_cao"] = CommentedSeq()
    return document


def new_entry(args) -> CommentedMap:
    entry = CommentedMap()
    entry["chi_tieu"] = args.chi_tieu
    entry["ky"] = parse_period(args.ky)
    entry["gia_tri"] = parse_value(args.gia_tri)
    try:
        entry["ngay"] = dt.date.fromisoformat(args.ngay)
    except ValueError:
        raise ReportError(f'--ngay "{args.ngay}" không phải là ngày — viết NĂM-THÁNG-NGÀY, ví dụ 2026-12-31') from None
    entry["nguon"] = args.nguon
    entry["don_vi_bao_cao"] = args.don_vi
    if args.ghi_chu:
        entry["ghi_chu"] = args.ghi_chu
    return entry


def add(data_dir: Path, args) -> Path:
    """Write the report into the year file; refuse an existing target+period unless asked to replace it."""
    entry = new_entry(args)
    yaml = YAML()
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 10**6
    path = report_file(data_dir, entry["ky"])
    document = load(path, yaml)
    reports = document["bao_cao"]
    same = [
        i
        for i, r in enumerate(reports)
        if r.get("chi_tieu") == entry["chi_tieu"] and str(r.get("ky")) == str(entry["ky"])
    ]
    if same and not args.thay_the:
        raise ReportError(f"chỉ tiêu {entry['chi_tieu']} đã có báo cáo kỳ {entry['ky']} — thêm --thay-the để ghi đè")
    if same:
        reports[same[0]] = entry
    else:
        reports.append(entry)
    with path.open("w", encoding="utf-8") as handle:
        yaml.dump(document, handle)
    return path


def arguments(argv=None):
    parser = argparse.ArgumentParser(description="Thêm một báo cáo tiến độ vào data/cap-nhat/<năm>.yml")
    parser.add_argument("--chi-tieu", required=True, help="mã chỉ tiêu, ví dụ bao-hiem-y-te")
    parser.add_argument("--ky", required=True, help="kỳ báo cáo: 2026-11, 2026-Q4, 2026 hoặc 2028-GK")
    parser.add_argument("--gia-tri", required=True, help="số đạt được (dấu chấm thập phân) hoặc true/false")
    parser.add_argument("--ngay", required=True, help="ngày số liệu, dạng NĂM-THÁNG-NGÀY")
    parser.add_argument("--nguon", required=True, help="số hiệu văn bản báo cáo hoặc đường liên kết")
    parser.add_argument("--don-vi", required=True, help="mã đơn vị báo cáo, ví dụ phong-kinh-te")
    parser.add_argument("--ghi-chu", help="ghi chú ngắn")
    parser.add_argument("--thay-the", action="store_true", help="ghi đè báo cáo đã có của cùng chỉ tiêu, cùng kỳ")
    parser.add_argument("--data", type=Path, default=ROOT / "data", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv=None) -> int:
    from check import main as check

    args = arguments(argv)
    try:
        path = add(args.data, args)
    except ReportError as error:
        print(f"Không thêm được báo cáo: {error}", file=sys.stderr)
        return 2
    print(f"Đã ghi báo cáo vào {path}. Đang kiểm tra dữ liệu…")
    return check(["--data", str(args.data)])


if __name__ == "__main__":
    raise SystemExit(main())
