"""Explain a YAML syntax error the way a clerk can fix it: the real cause, at the line where it is.

The parser's own words describe what it expected, often one line late. Each explainer below looks at the
text around the error for one mistake clerks make and returns (line, what is wrong, how to fix it), or None.
"""

from __future__ import annotations

import re

import yaml

from macros.errors import Problem

FIELD = "cú pháp YAML"
GENERIC_FIX = (
    "kiểm tra dấu hai chấm sau tên trường, thụt lề bằng dấu cách cho đều, "
    'và đặt văn bản có dấu ":" hoặc "#" trong ngoặc kép'
)
CURLY_QUOTES = "“”‘’„‟"
KEY_LINE = re.compile(r"^(?P<indent> *)(?P<dash>- +)?(?P<key>[^\s:#\"'][^:#]*?):(?P<rest>.*)$")


class Context:
    """The error and the file's lines, with 1-based line numbers clamped to the file."""

    def __init__(self, error: yaml.YAMLError, lines: list[str]):
        self.error, self.lines = error, lines
        self.problem = f"{getattr(error, 'problem', '') or ''}"
        self.context = f"{getattr(error, 'context', '') or ''}"
        self.problem_line = self._line(getattr(error, "problem_mark", None))
        self.context_line = self._line(getattr(error, "context_mark", None)) or self.problem_line
        mark = getattr(error, "problem_mark", None)
        self.column = mark.column if mark else 0

    def _line(self, mark) -> int:
        if mark is None:
            return 0
        last = max((n for n, text in enumerate(self.lines, 1) if text.strip()), default=1)
        return min(mark.line + 1, last)

    def text(self, line: int) -> str:
        return self.lines[line - 1] if 0 < line <= len(self.lines) else ""


def _control_character(ctx: Context):
    """libyaml refuses C0 control characters (pasted from other programs) before parsing anything."""
    if not isinstance(ctx.error, yaml.reader.ReaderError):
        return None
    text = "\n".join(ctx.lines)
    # The first unacceptable character is the one reported, so its first occurrence is where it is (libyaml counts
    # the position in UTF-8 bytes, not in characters).
    position = max(text.find(chr(ctx.error.character)), 0)
    line = text.count("\n", 0, position) + 1
    column = position - (text.rfind("\n", 0, position) + 1) + 1
    return (
        line,
        f"có ký tự điều khiển không in được (U+{ctx.error.character:04X}) ở cột {column}",
        "gõ lại đoạn văn bản này thay vì dán từ tệp khác",
    )


def _dash_without_space(ctx: Context):
    for line in range(1, max(ctx.problem_line, ctx.context_line) + 1):
        glued = re.match(r"^(\s*)-([^\s\-][^:#]*:(?:\s.*)?)$", ctx.text(line))  # "-chi_tieu: a"
        if glued:
            return line, "thiếu dấu cách sau dấu gạch ngang mở đầu mục", f'viết "{glued[1]}- {glued[2]}"'
    return None


def _text_after_quotes(ctx: Context):
    after = re.search(r"""(:|-)\s+(["'])(?:(?!\2).)*\2\s*([^\s#].*)$""", ctx.text(ctx.problem_line))
    if after is None:
        return None
    return (
        ctx.problem_line,
        f'có chữ ("{after[3]}") sau dấu ngoặc kép đóng',
        "đặt cả giá trị trong một cặp ngoặc kép; nếu trong chữ có ngoặc kép thì bao ngoài bằng ngoặc đơn",
    )


def _unclosed_bracket(ctx: Context):
    if "flow sequence" not in ctx.context and "flow mapping" not in ctx.context:
        return None
    closing = "]" if "sequence" in ctx.context else "}"
    return (
        ctx.context_line,
        f'danh sách mở ở dòng này thiếu dấu "{closing}" đóng',
        f'thêm "{closing}" ở cuối, trên cùng dòng; hoặc viết mỗi mục một dòng bắt đầu bằng dấu gạch ngang',
    )


def _tab(ctx: Context):
    for line in range(1, max(ctx.problem_line, ctx.context_line) + 1):
        if "\t" in re.match(r"^\s*", ctx.text(line)).group():
            return (
                line,
                "dòng này thụt lề bằng phím Tab, mà YAML chỉ nhận dấu cách",
                "xóa Tab ở đầu dòng rồi thụt lề bằng dấu cách, thẳng cột với các trường cùng mục",
            )
    return None


def _curly_quotes(ctx: Context):
    for line in dict.fromkeys((ctx.context_line, ctx.problem_line)):
        if re.search(rf"(^|:\s+|-\s+)[{CURLY_QUOTES}]", ctx.text(line)):
            return (
                line,
                "giá trị mở đầu bằng dấu ngoặc kép cong “ ” (thường do dán từ Word), YAML không coi đó là ngoặc kép",
                'thay dấu ngoặc cong ở đầu và cuối giá trị bằng dấu ngoặc kép thẳng ", ví dụ nguon: "Báo cáo: số 12"',
            )
    return None


def _unclosed_quote(ctx: Context):
    if "quoted scalar" not in ctx.context:
        return None
    return (
        ctx.context_line,
        "dấu ngoặc kép mở ở dòng này chưa được đóng",
        "thêm dấu ngoặc kép đóng (cùng loại với dấu mở) ở cuối giá trị, trên cùng dòng này",
    )


def _several_documents(ctx: Context):
    if "single document" not in ctx.context:
        return None
    return (
        ctx.problem_line,
        'dòng "---" (hoặc "...") chia tệp thành nhiều phần, nhưng mỗi tệp chỉ được có một phần',
        'bỏ dòng "---" và đưa các mục phía sau vào cùng danh sách phía trên',
    )


def _simple_key(ctx: Context):
    """A line the parser read as the start of a key that never got its colon."""
    if "simple key" not in ctx.context:
        return None
    line, text = ctx.context_line, ctx.text(ctx.context_line)
    glued = re.match(r"^\s*(?:-\s+)?([^\s:#\"']+):(\S.*)$", text)
    if glued:
        key, value = glued.groups()
        return line, "thiếu dấu cách sau dấu hai chấm", f'viết "{key}: {value}" (một dấu cách sau dấu hai chấm)'
    words = text.strip().removeprefix("- ").split(None, 1)
    example = f'"{words[0]}: {words[1]}"' if len(words) == 2 else "tên_trường: giá_trị"
    return line, "dòng này thiếu dấu hai chấm sau tên trường", f"viết {example}"


def _colon_in_value(ctx: Context):
    if "mapping values" not in ctx.problem:
        return None
    text = ctx.text(ctx.problem_line)
    first = KEY_LINE.match(text)
    if first is None or ctx.column <= text.index(":"):
        return None
    return (
        ctx.problem_line,
        'giá trị có dấu hai chấm và dấu cách (": "), YAML hiểu nhầm là một trường mới',
        f'đặt cả giá trị trong ngoặc kép, ví dụ {first["key"]}: "{first["rest"].strip()}"',
    )


def _previous_content_line(ctx: Context, line: int) -> int:
    for earlier in range(line - 1, 0, -1):
        stripped = ctx.text(earlier).strip()
        if stripped and not stripped.startswith("#"):
            return earlier
    return 0


def _key_column(text: str) -> int:
    found = KEY_LINE.match(text)
    if found is None:
        return len(text) - len(text.lstrip(" "))
    return len(found["indent"]) + len(found["dash"] or "")


def _indentation(ctx: Context):
    words = ("mapping values", "expected '-' indicator", "expected <block end>", "expected key")
    if not any(word in ctx.problem + " " + ctx.context for word in words):
        return None
    line = ctx.problem_line
    previous = _previous_content_line(ctx, line)
    want, have = _key_column(ctx.text(previous)), _key_column(ctx.text(line))
    if previous == 0 or want == have:
        return line, "thụt lề không đều giữa các dòng", "thụt lề các trường cùng một mục bằng cùng số dấu cách"
    how = f"thụt lề dòng này bằng {want} dấu cách" if want else "viết dòng này sát lề trái"
    return (
        line,
        f"dòng này thụt lề {have} dấu cách, lệch với dòng {previous} ({want} dấu cách)",
        f"{how}, thẳng cột với dòng {previous}",
    )


def _unknown_tag(ctx: Context):
    if "could not determine a constructor" not in ctx.problem:
        return None
    return (
        ctx.problem_line,
        'giá trị bắt đầu bằng dấu "!" nên YAML coi chữ đầu là thẻ kiểu',
        "đặt cả giá trị trong ngoặc kép",
    )


def _bad_first_character(ctx: Context):
    if "cannot start any token" not in ctx.problem and "undefined alias" not in ctx.problem:
        return None
    char = ctx.text(ctx.problem_line)[ctx.column : ctx.column + 1] or "?"
    return (
        ctx.problem_line,
        f'giá trị không được bắt đầu bằng ký tự "{char}"',
        "đặt cả giá trị trong ngoặc kép",
    )


EXPLAINERS = (
    _control_character,
    _tab,
    _dash_without_space,
    _curly_quotes,
    _unclosed_quote,
    _several_documents,
    _unclosed_bracket,
    _simple_key,
    _text_after_quotes,
    _colon_in_value,
    _unknown_tag,
    _bad_first_character,
    _indentation,
)


def explain(error: yaml.YAMLError, lines: list[str], display_path: str) -> Problem:
    """One problem for one syntax error: the first explainer that recognises it wins."""
    ctx = Context(error, lines)
    for explainer in EXPLAINERS:
        found = explainer(ctx)
        if found:
            line, message, fix = found
            return Problem(display_path, line, FIELD, f"tệp không đọc được: {message}", fix)
    line = ctx.problem_line or 1
    return Problem(display_path, line, FIELD, "tệp không đọc được: cấu trúc YAML không hợp lệ", GENERIC_FIX)
