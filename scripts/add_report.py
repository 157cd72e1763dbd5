"""Add one progress report to data/cap-nhat/<year>.yml, safely.

The new file is built in memory, the whole data folder is checked with it, and the file is written (atomically)
only if the check passes. The report is added as plain text after the last one, so every line the command did not
add stays byte for byte as it was: comments, quotes, order and Windows line endings included.

Example:
  python scripts/add_report.py --chi-tieu bao-hiem-y-te --ky 2026-Q4 --gia-tri 93.5 \\
      --ngay 2026-12-31 --nguon "Báo cáo số 123/BC-UBND" --don-vi phong-kinh-te
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import re
import shutil
import sys
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from macros import pipeline
from macros.data.load import Located, LocatedList, parse_text
from macros.data.spec import ID_PATTERN
from macros.data.text_source import decode
from macros.intake import fields
from macros.vocabulary import periods

ROOT = Path(__file__).resolve().parent.parent
HEADER = "# yaml-language-server: $schema=../schemas/cap-nhat.schema.json\n"
BOM = b"\xef\xbb\xbf"


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


def parse_period(text: str) -> str:
    if not re.match(periods.PATTERN, text):
        raise ReportError(f'--ky "{text}" không đúng dạng — viết {periods.FORMS}')
    return text


def parse_day(text: str) -> str:
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise ReportError(f'--ngay "{text}" không phải là ngày — viết NĂM-THÁNG-NGÀY, ví dụ 2026-12-31') from None


def _id(text: str) -> str:
    """An id as typed; quoted when it is not a valid id, so that the check names it instead of YAML misreading it."""
    return text if re.match(ID_PATTERN, text) else json.dumps(text, ensure_ascii=False)


def _text(text: str) -> str:
    """Free text, always double-quoted (JSON strings are YAML double-quoted strings), in NFC as the loader reads it."""
    return json.dumps(unicodedata.normalize("NFC", text), ensure_ascii=False)


def _value(text: str) -> str:
    value = parse_value(text)
    return ("true" if value else "false") if isinstance(value, bool) else repr(value)


# How each kind of report field is written as YAML text; the fields and their order are the spec's (fields.NAMES).
WRITE_BY_KIND = {"ref": _id, "period": parse_period, "value": _value, "date": parse_day, "text": _text}
ASKED = tuple(field for field in fields.CLERK_FIELDS if field.name != fields.HAMLETS)  # one value, not per hamlet
SHORT_FLAGS = {"don_vi_bao_cao": "--don-vi"}  # the shorter name the guide has always used


def flag(field) -> str:
    return "--" + field.name.replace("_", "-")


def entry_fields(args) -> list[tuple[str, str]]:
    """The new report's lines as (key, YAML text), in the order of the data files."""
    given = [(field, getattr(args, field.name)) for field in ASKED]
    return [(field.name, WRITE_BY_KIND[field.kind](text)) for field, text in given if text is not None]


@dataclass
class YearFile:
    """The report file as it is: its lines with their own line endings, and what the loader reads from it."""

    path: Path
    display: str
    lines: list[str]
    newline: str
    bom: bool
    root: object

    @property
    def reports(self):
        return self.root.get("bao_cao") if isinstance(self.root, Located) else None


def read_year_file(path: Path, data_dir: Path) -> YearFile:
    display = f"{data_dir.name}/{path.relative_to(data_dir).as_posix()}"
    raw = path.read_bytes() if path.exists() else (HEADER + "bao_cao:\n").encode("utf-8")
    text, problem = decode(raw, display)
    if problem is not None:
        raise ReportError(f"{problem.place}: {problem.message} — {problem.fix}")
    original = raw.removeprefix(BOM).decode("utf-8")
    root, problems = parse_text(text, display)
    if root is None and problems:
        raise ReportError(f"tệp đang có lỗi, sửa lỗi này trước: {problems[0]}")
    lines = re.findall(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$", original)
    newline = "\r\n" if "\r\n" in original else "\n"
    return YearFile(path, display, lines, newline, raw.startswith(BOM), root)


def _entry_lines(fields, dash: str, indent: str, newline: str) -> list[str]:
    first, *rest = fields
    return [f"{dash}- {first[0]}: {first[1]}{newline}"] + [f"{indent}{key}: {value}{newline}" for key, value in rest]


def _same_report(item, fields) -> bool:
    wanted = dict(fields)
    return (
        isinstance(item, Located) and item.get("chi_tieu") == wanted["chi_tieu"] and str(item.get("ky")) == wanted["ky"]
    )


def new_lines(year: YearFile, fields, replace: bool) -> list[str]:
    """The file's lines with the report added (or put in place of the same target and period)."""
    lines, reports = list(year.lines), year.reports
    if lines and not lines[-1].endswith(("\n", "\r")):
        lines[-1] += year.newline  # the last line gets the end of line it lacked, nothing else
    if year.root is None or (isinstance(year.root, Located) and "bao_cao" not in year.root):
        return [*lines, f"bao_cao:{year.newline}", *_entry_lines(fields, "  ", "    ", year.newline)]
    if not isinstance(year.root, Located) or not isinstance(reports, (LocatedList, type(None))):
        raise ReportError(f"{year.display}: bao_cao phải là một danh sách — sửa tệp trước khi thêm báo cáo")
    if not reports:
        return _into_empty_list(year, lines, fields)
    return _into_list(year, lines, reports, fields, replace)


def _into_empty_list(year: YearFile, lines: list[str], fields) -> list[str]:
    """`bao_cao: []` or `bao_cao:` with nothing: the key's line loses its `[]`, the report follows it."""
    at = year.root.line_of("bao_cao")
    key_line = lines[at - 1]
    ending = key_line[len(key_line.rstrip("\r\n")) :] or year.newline
    lines[at - 1] = re.sub(r":\s*\[\s*\]", ":", key_line.rstrip("\r\n"), count=1) + ending
    return lines[:at] + _entry_lines(fields, "  ", "    ", year.newline) + lines[at:]


def _into_list(year: YearFile, lines: list[str], reports: LocatedList, fields, replace: bool) -> list[str]:
    opening = re.match(r"^( *)- +", lines[reports.line_of(0) - 1])
    if opening is None:
        raise ReportError(f"{year.display}: danh sách bao_cao phải viết mỗi mục một dòng bắt đầu bằng dấu gạch ngang")
    dash, indent = opening.group(1), " " * len(opening.group())
    entry = _entry_lines(fields, dash, indent, year.newline)
    same = [index for index, item in enumerate(reports) if _same_report(item, fields)]
    if same and not replace:
        wanted = dict(fields)
        raise ReportError(f"chỉ tiêu {wanted['chi_tieu']} đã có báo cáo kỳ {wanted['ky']} — thêm --thay-the để ghi đè")
    if same:
        old = reports[same[0]]
        return lines[: reports.line_of(same[0]) - 1] + entry + lines[old.end_line :]
    last = reports[-1]
    end = last.end_line if isinstance(last, Located) else reports.line_of(len(reports) - 1)
    return lines[:end] + entry + lines[end:]


def encode(year: YearFile, lines: list[str]) -> bytes:
    return (BOM if year.bom else b"") + "".join(lines).encode("utf-8")


def check_with(data_dir: Path, path: Path, content: bytes) -> list:
    """Every problem of the whole data folder with the new file in place, checked in a copy."""
    with tempfile.TemporaryDirectory() as temporary:
        copy = Path(temporary) / data_dir.name
        shutil.copytree(data_dir, copy)
        target = copy / path.relative_to(data_dir)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
        return sorted(set(pipeline.check(copy, copy.parent, pipeline.build_day())))


def write_atomically(path: Path, content: bytes) -> None:
    """Readers (and a crash) see the old file or the new one, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    with os.fdopen(handle, "wb") as stream:
        stream.write(content)
        stream.flush()
        os.fsync(stream.fileno())
    os.replace(temporary, path)


def arguments(argv=None):
    parser = argparse.ArgumentParser(description="Thêm một báo cáo tiến độ vào data/cap-nhat/<năm>.yml")
    for field in ASKED:  # a value is required here: this command adds one value, never one per hamlet
        names = [flag(field), *([SHORT_FLAGS[field.name]] if field.name in SHORT_FLAGS else [])]
        required = field.required or field.kind == "value"
        parser.add_argument(*names, dest=field.name, required=required, help=field.description)
    parser.add_argument("--thay-the", action="store_true", help="ghi đè báo cáo đã có của cùng chỉ tiêu, cùng kỳ")
    parser.add_argument("--data", type=Path, default=ROOT / "data", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def add(args) -> int:
    fields = entry_fields(args)
    data_dir = args.data.resolve()
    path = data_dir / "cap-nhat" / f"{dict(fields)['ky'][:4]}.yml"
    year = read_year_file(path, data_dir)
    content = encode(year, new_lines(year, fields, args.thay_the))
    problems = check_with(data_dir, path, content)
    for problem in problems:
        print(problem)
    if problems:
        print(f"Không ghi gì vào {year.display}: dữ liệu sẽ có {len(problems)} lỗi. Sửa rồi chạy lại.", file=sys.stderr)
        return 1
    write_atomically(path, content)
    print(f"Đã ghi báo cáo vào {year.display}.")
    print("Dữ liệu hợp lệ.")
    return 0


def main(argv=None) -> int:
    args = arguments(argv)
    try:
        return add(args)
    except ReportError as error:
        print(f"Không thêm được báo cáo: {error}", file=sys.stderr)
        return 2
    except OSError as error:
        print(f"Không đọc hoặc ghi được tệp: {error.filename or ''} ({error.strerror})", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
