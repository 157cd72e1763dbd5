"""Stage 1: read YAML files into plain Python values that remember their line numbers.

PyYAML silently keeps the last of two equal keys and turns `no`/`yes`/`on`/`off`
into booleans. Both hide staff mistakes, so this loader reports duplicate keys
and resolves booleans the YAML 1.2 way (only `true` and `false`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from macros.errors import Problem


class Located(dict):
    """A mapping that knows the line of each key (1-based)."""

    line: int = 0
    key_lines: dict

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class LocatedList(list):
    """A sequence that knows the line of each item (1-based)."""

    line: int = 0
    item_lines: list

    def line_of(self, index: int) -> int:
        return self.item_lines[index] if index < len(self.item_lines) else self.line


@dataclass(frozen=True)
class Source:
    """One parsed data file: its display path and its root value."""

    path: str
    root: object


# libyaml parses about four times faster; the constructors below are Python either way.
_BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BASE):
    """SafeLoader with YAML 1.2 booleans, line numbers and duplicate-key detection."""

    def __init__(self, stream, display_path: str):
        super().__init__(stream)
        self.display_path = display_path
        self.problems: list[Problem] = []


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> Located:
    result = Located()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        if not isinstance(key, (str, int, float, bool, dt.date)) and key is not None:
            loader.problems.append(_bad_key(loader.display_path, line))
            continue
        if key in result.key_lines:
            loader.problems.append(_duplicate_key(loader.display_path, line, key, result))
        result.key_lines[key] = line
        result[key] = loader.construct_object(value_node, deep=True)
    return result


def _bad_key(path: str, line: int) -> Problem:
    return Problem(
        path, line, "tên trường", "tên trường phải là một chữ, không phải danh sách hay mục", "viết tên_trường: giá_trị"
    )


def _duplicate_key(path: str, line: int, key, mapping: Located) -> Problem:
    first = mapping.key_lines[key]
    return Problem(
        path,
        line,
        str(key),
        f"trường này xuất hiện hai lần trong cùng một mục (lần đầu ở dòng {first})",
        "xóa một trong hai dòng, chỉ giữ lại giá trị đúng",
    )


def _construct_timestamp(loader: _Loader, node: yaml.ScalarNode):
    """A date that looks like one but is not (2026-02-30) stays text, so the check can say which field is wrong."""
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> LocatedList:
    result = LocatedList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


def parse_text(text: str, display_path: str) -> tuple[object, list[Problem]]:
    """Parse one YAML document; return its value and the problems met on the way."""
    loader = _Loader(text, display_path)
    try:
        return loader.get_single_data(), loader.problems
    except yaml.YAMLError as error:
        return None, [_syntax_problem(display_path, error)]
    finally:
        loader.dispose()


# What the YAML parser says, in the words staff need. Checked in order; the first match wins.
SYNTAX_REASONS = (
    ("mapping values are not allowed", "có dấu hai chấm ở chỗ không được phép (thường do thụt lề lệch)"),
    ("found character '\\t'", "có ký tự Tab; YAML chỉ nhận dấu cách để thụt lề"),
    (
        "cannot start any token",
        "có ký tự không được phép ở đầu giá trị (ví dụ Tab, @ hoặc `); dùng dấu cách và ngoặc kép",
    ),
    ("quoted scalar", "thiếu dấu ngoặc kép đóng"),
    ("unexpected end of stream", "thiếu dấu ngoặc kép hoặc ngoặc vuông đóng"),
    ("could not find expected ':'", "thiếu dấu hai chấm sau tên trường"),
    ("expected <block end>", "thụt lề không đều giữa các dòng"),
    ("did not find expected key", "thụt lề không đều giữa các dòng"),
    ("did not find expected '-' indicator", "dòng danh sách phải bắt đầu bằng dấu gạch ngang và dấu cách"),
)


def _syntax_reason(error: yaml.YAMLError) -> str:
    text = f"{getattr(error, 'context', '') or ''} {getattr(error, 'problem', '') or ''}"
    return next((reason for pattern, reason in SYNTAX_REASONS if pattern in text), "cấu trúc YAML không hợp lệ")


def _syntax_problem(path: str, error: yaml.YAMLError) -> Problem:
    mark = getattr(error, "problem_mark", None)
    line = mark.line + 1 if mark else 1
    return Problem(
        path,
        line,
        "cú pháp YAML",
        f"tệp không đọc được: {_syntax_reason(error)}",
        "kiểm tra dấu hai chấm sau tên trường, thụt lề bằng dấu cách cho đều, "
        'và đặt văn bản có dấu ":" hoặc "#" trong ngoặc kép',
    )


def load_file(path: Path, root_dir: Path) -> tuple[Source, list[Problem]]:
    """Read one file; its display path is relative to the project root."""
    display = path.relative_to(root_dir).as_posix()
    value, problems = parse_text(path.read_text(encoding="utf-8"), display)
    return Source(display, value), problems


def load_all(data_dir: Path, root_dir: Path) -> tuple[dict[str, list[Source]], list[Problem]]:
    """Read every data file named in spec.FILES, grouped by its root record."""
    from macros.data.spec import FILES
    from macros.data.workbook import read_workbook

    readers = {"yaml": load_file, "xlsx": read_workbook}

    sources: dict[str, list[Source]] = {}
    problems: list[Problem] = []
    for spec in FILES:
        paths = sorted(data_dir.glob(spec.pattern))
        if not paths and spec.required:
            display = (data_dir / spec.pattern).relative_to(root_dir).as_posix()
            problems.append(
                Problem(
                    display,
                    1,
                    "tệp",
                    "không tìm thấy tệp dữ liệu này",
                    "khôi phục tệp từ lịch sử Git",
                )
            )
        for path in paths:
            source, found = readers[spec.reader](path, root_dir)
            sources.setdefault(spec.root, []).append(source)
            problems += found
    return sources, problems
