"""Every file under data/ is accounted for: read by a loader, or one of the files kept there on purpose.

A report saved as `2026.yaml`, `2026.YML`, `2026.yml.txt` or outside `cap-nhat/` is read by nobody, so its
numbers would never be published while the check said the data was fine.
"""

from __future__ import annotations

import fnmatch
import re
from pathlib import Path, PurePosixPath

from macros.data.spec import FILES, KEPT_FILES
from macros.data.text_source import WHOLE_FILE
from macros.errors import Problem

DISGUISES = (".txt", ".bak", ".orig", ".copy")  # what editors and downloads add after the real extension


def accepted(data_dir: Path) -> set[Path]:
    """Files a loader reads, the generated schemas, and the files kept on purpose (the plan as received)."""
    patterns = [spec.pattern for spec in FILES] + [f"schemas/{spec.schema}" for spec in FILES] + list(KEPT_FILES)
    return {path for pattern in patterns for path in data_dir.glob(pattern) if path.is_file()}


def stray_files(data_dir: Path, root_dir: Path) -> list[Problem]:
    known = accepted(data_dir)
    strays = sorted(path for path in data_dir.rglob("*") if path.is_file() and path not in known)
    return [_stray(path.relative_to(data_dir).as_posix(), path.relative_to(root_dir).as_posix()) for path in strays]


def _stray(relative: str, display: str) -> Problem:
    return Problem(
        display,
        WHOLE_FILE,
        "tệp",
        "không có bước nào đọc tệp này, nên nội dung của nó không được kiểm tra và không được công bố",
        where_it_belongs(relative),
    )


def _plain_name(name: str) -> str:
    """`2026.YML.txt` -> `2026.yml`: the name a clerk meant, without added extensions or capitals."""
    name = name.lower()
    while PurePosixPath(name).suffix in DISGUISES and PurePosixPath(name).stem:
        name = str(PurePosixPath(name).with_suffix(""))
    return re.sub(r"\.yaml$", ".yml", name)


def where_it_belongs(relative: str) -> str:
    """Where the file should be, from the FileSpec patterns: a literal name first, then a folder pattern."""
    name = _plain_name(PurePosixPath(relative).name)
    stem = PurePosixPath(name).stem
    literal = [spec.pattern for spec in FILES if "*" not in spec.pattern and spec.pattern == name]
    folders = [spec for spec in FILES if "*" in spec.pattern and fnmatch.fnmatch(name, spec.pattern.split("/")[-1])]
    if literal:
        return f"đổi tên thành data/{literal[0]}"
    if folders and folders[0].reader != "yaml":  # a workbook may have any name: only its place or its case is wrong
        return f"đổi tên thành data/{folders[0].pattern.replace('*', stem)}"
    if folders:
        year = stem if re.fullmatch(r"20[0-9]{2}", stem) else "<năm>"
        target = folders[0].pattern.replace("*", year)
        return f"đổi tên thành data/{target} (nếu tệp đó đã có, chép các mục còn thiếu sang đó rồi xóa tệp này)"
    known = ", ".join(f"data/{spec.pattern.replace('*', '<năm>')}" for spec in FILES)
    return f"dữ liệu chỉ được đọc từ: {known}; chuyển nội dung vào đúng tệp rồi xóa tệp này"
