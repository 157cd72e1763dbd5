"""Stage 1: read YAML files into plain Python values that remember their line numbers.

PyYAML follows YAML 1.1, which silently turns `no`/`yes` into booleans, `1:30` into 90 and `010` into 8, keeps
the last of two equal keys and drops whatever follows a ` #`. Each of these would publish something a clerk did
not write, so this loader reads scalars the YAML 1.2 way (only decimal numbers, only `true`/`false`) and reports
duplicate keys, anchors, aliases, tags, invisible characters and comments that cut a value short.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from macros.data import syntax
from macros.data.spec import FILES
from macros.data.stray import stray_files
from macros.data.text_source import INVISIBLE, decode, invisible_name
from macros.errors import Problem


class Placed:
    """Where a parsed mapping or sequence was written: its first and last line (1-based), and the comments cut from
    its values (key or index -> the text after " #" that ended a plain value)."""

    line: int = 0
    end_line: int = 0
    comments: dict
    place: str = ""  # where a clerk finds a record read from a workbook ('…xlsx, trang tính "Báo cáo", dòng 7')


class Located(Placed, dict):
    """A mapping that knows the line of each key."""

    key_lines: dict

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class LocatedList(Placed, list):
    """A sequence that knows the line of each item."""

    item_lines: list

    def line_of(self, index: int) -> int:
        return self.item_lines[index] if index < len(self.item_lines) else self.line


@dataclass(frozen=True)
class Source:
    """One data file: its display path, its root value, and whether it could be read at all."""

    path: str
    root: object
    readable: bool = True


# A reader turns one data file into a Source and the problems found in it: "yaml" is load_file below, "xlsx" the
# report intake's workbook reader.
Reader = Callable[[Path, Path], tuple[Source, list[Problem]]]
Readers = Mapping[str, Reader]


# libyaml parses about four times faster; the constructors below are Python either way.
_BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BASE):
    """SafeLoader with YAML 1.2 scalars, line numbers and checks for everything that would drop text."""

    def __init__(self, text: str, display_path: str):
        super().__init__(text)
        self.display_path = display_path
        self.lines = text.split("\n")
        self.problems: list[Problem] = []
        self.misread = False  # True when the text parsed but not into what the clerk meant (a missing list dash)

    def problem(self, line: int, field: str, message: str, fix: str) -> None:
        self.problems.append(Problem(self.display_path, line, field, message, fix))


# YAML 1.2 core schema, strictly: decimal integers and floats only. `1:30`, `0x10`, `0o17`, `1_0`, `.inf` and
# `.nan` stay text, so the check can say what to write instead of publishing a number nobody typed.
YAML12_INT = re.compile(r"^[-+]?[0-9]+$")
YAML12_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
YAML12_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_YAML11_ONLY = {"tag:yaml.org,2002:bool", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float"}
_YAML11_ONLY |= {"tag:yaml.org,2002:merge", "tag:yaml.org,2002:value"}

_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in _YAML11_ONLY]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver("tag:yaml.org,2002:bool", YAML12_BOOL, list("tTfF"))
_Loader.add_implicit_resolver("tag:yaml.org,2002:int", YAML12_INT, list("-+0123456789"))
_Loader.add_implicit_resolver("tag:yaml.org,2002:float", YAML12_FLOAT, list("-+.0123456789"))


def _construct_int(loader: _Loader, node: yaml.ScalarNode):
    """Base 10 always: a clerk who types 010 means ten (YAML 1.1 read it as octal 8)."""
    text = loader.construct_scalar(node)
    return int(text) if YAML12_INT.match(text) else text


def _construct_float(loader: _Loader, node: yaml.ScalarNode):
    text = loader.construct_scalar(node)
    return float(text) if YAML12_FLOAT.match(text) else text


def _construct_bool(loader: _Loader, node: yaml.ScalarNode):
    text = loader.construct_scalar(node)
    return text.lower() == "true" if YAML12_BOOL.match(text) else text


def _construct_timestamp(loader: _Loader, node: yaml.ScalarNode):
    """A date that looks like one but is not (2026-02-30) stays text, so the check can say which field is wrong."""
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except (ValueError, TypeError):
        return loader.construct_scalar(node)


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> Located:
    result = Located()
    result.line, result.end_line = node.start_mark.line + 1, _last_line(node)
    result.key_lines, result.comments = {}, {}
    missing_dash = False
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        if not isinstance(key, (str, int, float, bool, dt.date)) and key is not None:
            loader.problems.append(_bad_key(loader.display_path, line))
            continue
        if key in result.key_lines and not missing_dash:
            dash_fix = _missing_dash_fix(loader, line, key, result)
            loader.problems.append(_duplicate_key(loader, line, key, result, dash_fix))
            # The keys after a missing dash repeat for the same reason, and the merged item means nothing.
            missing_dash = loader.misread = dash_fix is not None
        result.key_lines[key] = line
        _check_node(loader, key_node, str(key), after=None)
        _check_node(loader, value_node, str(key), after=key_node)
        result[key] = loader.construct_object(value_node, deep=True)
        _keep_comment(loader, value_node, result.comments, key)
    return result


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> LocatedList:
    result = LocatedList()
    result.line, result.end_line = node.start_mark.line + 1, _last_line(node)
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    result.comments = {}
    previous = node
    for index, child in enumerate(node.value):
        if _check_order(loader, child, previous):
            _check_prefix(loader, child, "danh sách")
        result.append(loader.construct_object(child, deep=True))
        _keep_comment(loader, child, result.comments, index)
        previous = child
    return result


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)
_Loader.add_constructor("tag:yaml.org,2002:int", _construct_int)
_Loader.add_constructor("tag:yaml.org,2002:float", _construct_float)
_Loader.add_constructor("tag:yaml.org,2002:bool", _construct_bool)


def _last_line(node: yaml.Node) -> int:
    """The last line (1-based) holding any of the node's text; block collections end where their last child ends."""
    if isinstance(node, yaml.ScalarNode) or node.flow_style or not node.value:
        end = node.end_mark
        return end.line + (1 if end.column else 0)
    last = node.value[-1]
    return _last_line(last[1] if isinstance(node, yaml.MappingNode) else last)


def _check_order(loader: _Loader, node: yaml.Node, previous: yaml.Node) -> bool:
    """A node that starts before the one it follows was reached through an alias (*name): it repeats other text."""
    if node.start_mark.index >= previous.start_mark.index:
        return True
    loader.problem(node.start_mark.line + 1, "bí danh YAML", *_REUSED)
    return False


def _check_node(loader: _Loader, node: yaml.Node, field: str, after: yaml.Node | None) -> None:
    """Report what the parser would drop or hide: a reused value (alias), an anchor or tag, invisible characters."""
    if after is not None and not _check_order(loader, node, after):
        return
    _check_prefix(loader, node, field)
    # Items of a list are checked here, where the field's name is known; the list itself checks their order.
    for scalar in node.value if isinstance(node, yaml.SequenceNode) else [node]:
        if isinstance(scalar, yaml.ScalarNode):
            _check_invisible(loader, scalar, field)


def _check_prefix(loader: _Loader, node: yaml.Node, field: str) -> None:
    first = loader.lines[node.start_mark.line][node.start_mark.column : node.start_mark.column + 1]
    if first in _DROPPED_PREFIX:
        loader.problem(node.start_mark.line + 1, field, _DROPPED_PREFIX[first], "đặt cả giá trị trong ngoặc kép")


_REUSED = (
    "giá trị này chép lại một giá trị khác bằng bí danh YAML (*tên)",
    'viết đầy đủ giá trị; nếu văn bản bắt đầu bằng dấu "*" thì đặt cả giá trị trong ngoặc kép',
)
_DROPPED_PREFIX = {
    "&": 'giá trị bắt đầu bằng dấu "&" nên YAML coi chữ đầu là tên neo và bỏ đi',
    "!": 'giá trị bắt đầu bằng dấu "!" nên YAML coi chữ đầu là thẻ kiểu và bỏ đi',
}


def _check_invisible(loader: _Loader, node: yaml.ScalarNode, field: str) -> None:
    found = INVISIBLE.search(node.value)
    if found is None:
        return
    char = found.group()
    line, column = node.start_mark.line, node.start_mark.column
    while line < len(loader.lines) and char not in loader.lines[line][column:]:
        line, column = line + 1, 0
    if line < len(loader.lines):
        column = loader.lines[line].index(char, column)
    loader.problem(
        line + 1,
        field,
        f"có ký tự vô hình ({invisible_name(char)}) ở cột {column + 1}",
        "xóa ký tự đó rồi gõ lại bằng bàn phím (dấu cách thường nếu cần một dấu cách)",
    )


def _keep_comment(loader: _Loader, node: yaml.Node, comments: dict, key) -> None:
    """A ` #` ends a plain value: keep what followed, so a text field can say it was cut off."""
    if not isinstance(node, yaml.ScalarNode) or node.style:
        return
    rest = loader.lines[node.end_mark.line][node.end_mark.column :]
    found = re.match(r"^\s*(#.*)$", rest)
    if found:
        comments[key] = found.group(1).strip()


def _bad_key(path: str, line: int) -> Problem:
    return Problem(
        path, line, "tên trường", "tên trường phải là một chữ, không phải danh sách hay mục", "viết tên_trường: giá_trị"
    )


def _missing_dash_fix(loader: _Loader, line: int, key, mapping: Located) -> str | None:
    """The item's first key again, inside a list item: a new item whose dash is missing. The line as it should be."""
    dash = re.match(r"^( *)- +", loader.lines[mapping.line - 1])
    if dash is None or key != next(iter(mapping.key_lines)):
        return None
    return f"{dash.group(1)}- {loader.lines[line - 1].strip()}"


def _duplicate_key(loader: _Loader, line: int, key, mapping: Located, dash_fix: str | None) -> Problem:
    first = mapping.key_lines[key]
    if dash_fix is not None:
        message = (
            f"trường này đã có ở dòng {first} trong cùng một mục: "
            f"có lẽ dòng {line} mở đầu một mục mới nhưng thiếu dấu gạch ngang"
        )
        fix = f'viết dòng {line} thành "{dash_fix}" (dấu gạch ngang thẳng cột với dòng {mapping.line})'
        return Problem(loader.display_path, line, str(key), message, fix)
    return Problem(
        loader.display_path,
        line,
        str(key),
        f"trường này xuất hiện hai lần trong cùng một mục (lần đầu ở dòng {first})",
        "mỗi trường chỉ ghi một lần: nếu hai dòng thuộc hai mục khác nhau thì thêm dấu gạch ngang mở đầu mục sau; "
        "nếu cùng một mục thì gộp thành một dòng mang giá trị đúng",
    )


def parse_text(text: str, display_path: str) -> tuple[object, list[Problem]]:
    """Parse one YAML document; return its value and the problems met on the way."""
    value, problems, _ = _parse(text, display_path)
    return value, problems


def _parse(text: str, display_path: str) -> tuple[object, list[Problem], bool]:
    """Value, problems, and whether the text could be parsed at all."""
    loader = _Loader(unicodedata.normalize("NFC", text), display_path)
    try:
        value = loader.get_single_data()
        return value, loader.problems, not loader.misread
    except yaml.YAMLError as error:
        return None, [syntax.explain(error, loader.lines, display_path)], False
    finally:
        loader.dispose()


def read_text(raw: bytes, display_path: str) -> tuple[Source, list[Problem]]:
    """Parse a data file's bytes: refuse any encoding but UTF-8, then parse."""
    text, problem = decode(raw, display_path)
    if problem is not None:
        return Source(display_path, None, readable=False), [problem]
    value, problems, readable = _parse(text, display_path)
    return Source(display_path, value, readable), problems


def load_file(path: Path, root_dir: Path) -> tuple[Source, list[Problem]]:
    """Read one file; its display path is relative to the project root."""
    return read_text(path.read_bytes(), path.relative_to(root_dir).as_posix())


def load_all(data_dir: Path, root_dir: Path, readers: Readers) -> tuple[dict[str, list[Source]], list[Problem]]:
    """Read every data file named in spec.FILES, grouped by its root record, each by the reader its FileSpec names
    (the caller brings the readers: a workbook is read by the report intake, a later stage); report every file
    nobody reads."""
    sources: dict[str, list[Source]] = {}
    problems: list[Problem] = []
    for spec in FILES:
        paths = sorted(path for path in data_dir.glob(spec.pattern) if path.is_file())
        if not paths and spec.required:
            display = (data_dir / spec.pattern).relative_to(root_dir).as_posix()
            problems.append(
                Problem(display, 1, "tệp", "không tìm thấy tệp dữ liệu này", "khôi phục tệp từ lịch sử Git")
            )
        for path in paths:
            source, found = readers[spec.reader](path, root_dir)
            sources.setdefault(spec.root, []).append(source)
            problems += found
    return sources, problems + stray_files(data_dir, root_dir)
