"""The fields of the document around its numbered units, in the order a Vietnamese administrative document puts
them: header (issuer, "Số:", place and date), kind ("KẾ HOẠCH"), title, basis ("Căn cứ…", "Thực hiện…"),
preamble (the sentence ending with "như sau:"), the numbered units, closing ("Trên đây là…"), recipients ("Nơi
nhận:") and the signature block ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", the signer).

Nothing is invented: a field the document does not have stays empty.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field

from macros.errors import DataError, Problem
from macros.importer import names
from macros.importer.numbering import marker
from macros.importer.outline import Node, shouting, units

KINDS = ("KẾ HOẠCH", "CHƯƠNG TRÌNH", "ĐỀ ÁN", "PHƯƠNG ÁN")
MOTTO = re.compile(r"CỘNG HO?[ÀÒ]A|CHỦ NGHĨA VIỆT NAM|XÃ HỘI$|Độc lập|^[-–_=.\s|]+$", re.IGNORECASE)
NUMBER = re.compile(r"Số\s*:\s*(\S*/[^\s|]+)")
DATE = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})")
SEPARATOR = re.compile(r"^[-–_=*.\s|]+$")
BASIS = re.compile(r"^(Căn cứ|Thực hiện|Theo|Xét|Trên cơ sở)\b")
CLOSING = re.compile(r"^Trên đây\b")
RECIPIENTS = re.compile(r"^Nơi nhận\s*:?\s*(.*)$")
FORM = re.compile(r"^(TM|KT|TL|TUQ|Q)\.\s*\S")
SPAN = re.compile(r"giai đoạn\s+(\d{4})\s*[-–]\s*(\d{4})", re.IGNORECASE)
TERM = re.compile(r"nhiệm kỳ\s+(\d{4})\s*[-–]\s*(\d{4})", re.IGNORECASE)
ONE_YEAR = re.compile(r"\bnăm\s+(\d{4})\b", re.IGNORECASE)
MIDTERM = re.compile(r"giữa nhiệm kỳ[^.;]*?\bnăm\s+(\d{4})", re.IGNORECASE)


@dataclass
class Parsed:
    kind: str
    title: str
    parts: list[Node]
    header: list[str] = field(default_factory=list)
    basis: list[str] = field(default_factory=list)
    preamble: str | None = None
    closing: str | None = None
    recipients: list[str] = field(default_factory=list)
    signature: dict = field(default_factory=dict)


def refuse(name: str, message: str, fix: str) -> DataError:
    return DataError([Problem(name, 0, "nội dung", message, fix)])


def kind_line(paragraphs: list[str]) -> int | None:
    return next(
        (i for i, p in enumerate(paragraphs) if shouting(p) and len(p) <= 40 and p.startswith(KINDS)),
        None,
    )


def title_end(paragraphs: list[str], start: int) -> int:
    """The title is the paragraph after the kind, and the lines that go on with it before the basis."""
    end = start + 1
    while end < len(paragraphs) and _title_goes_on(paragraphs[end - 1], paragraphs[end]):
        end += 1
    return end


def _title_goes_on(previous: str, line: str) -> bool:
    if SEPARATOR.match(line) or previous.endswith((".", ";", ":")):
        return False
    return len(line) <= 120 and not (BASIS.match(line) or marker(line) or line.endswith((":", ";")))


def body_start(paragraphs: list[str], start: int) -> int | None:
    return next((i for i in range(start, len(paragraphs)) if (m := marker(paragraphs[i])) and m.kind != "gach"), None)


def body_end(paragraphs: list[str], start: int) -> int:
    ends = (CLOSING, RECIPIENTS, FORM)
    return next(
        (i for i in range(start, len(paragraphs)) if any(e.match(paragraphs[i]) for e in ends)), len(paragraphs)
    )


def split_preamble(paragraphs: list[str]) -> tuple[list[str], str | None]:
    """Basis paragraphs, and the preamble: the last paragraph before the units when it leads into them (":")."""
    kept = [p for p in paragraphs if not SEPARATOR.match(p)]
    if kept and kept[-1].endswith(":"):
        return kept[:-1], kept[-1]
    return kept, None


def read_tail(parsed: Parsed, tail: list[str]) -> None:
    """Closing, recipients and signature, in whichever order the page put them (a table's cells come left first)."""
    mode = ""
    for line in tail:
        found = RECIPIENTS.match(line)
        if CLOSING.match(line) and parsed.closing is None:
            parsed.closing, mode = line, "closing"
        elif found:
            mode = "recipients"
            parsed.recipients += [found[1].lstrip("-– ").strip()] if found[1].strip() else []
        elif FORM.match(line) and "the_thuc" not in parsed.signature:
            parsed.signature["the_thuc"], mode = line, "signature"
        elif mode == "recipients" and line[:1] in "-–+•":
            parsed.recipients.append(line[1:].strip())
        else:
            mode = read_signature(parsed.signature, line, mode)


def read_signature(signature: dict, line: str, mode: str) -> str:
    if line.startswith("(") or SEPARATOR.match(line):
        return mode  # "(Đã ký)", "(ký tên, đóng dấu)"
    if shouting(line) and "chuc_vu" not in signature and len(line) <= 60:
        signature["chuc_vu"] = line
        return "signature"
    if mode == "signature" and signature.get("chuc_vu") and not shouting(line) and len(line) <= 60:
        signature["nguoi_ky"] = line
    return mode


def parse(name: str, paragraphs: list[str]) -> Parsed:
    kind_at = kind_line(paragraphs)
    if kind_at is None:
        raise refuse(name, "không tìm thấy dòng tên loại văn bản (KẾ HOẠCH)", "kiểm tra tệp có đúng là Kế hoạch")
    end = title_end(paragraphs, kind_at + 1)
    start = body_start(paragraphs, end)
    if start is None:
        fix = "Kế hoạch phải có các mục đánh số như văn bản gốc (I., 1., Phần thứ nhất…)"
        raise refuse(name, "không tìm thấy mục nào được đánh số", fix)
    stop = body_end(paragraphs, start)
    basis, preamble = split_preamble(paragraphs[end:start])
    parsed = Parsed(
        kind=paragraphs[kind_at],
        title=" ".join(paragraphs[kind_at + 1 : end]),
        parts=units(paragraphs[start:stop]),
        header=paragraphs[:kind_at],
        basis=basis,
        preamble=preamble,
    )
    read_tail(parsed, paragraphs[stop:])
    return parsed


def number_and_date(header: list[str]) -> tuple[str | None, dt.date | None]:
    """ "Số: 14/KH-UBND" (a number left blank, "Số: /KH-UBND", is no number) and "…, ngày 12 tháng 02 năm 2019"."""
    text = " ".join(header)
    number = NUMBER.search(text)
    found = DATE.search(text)
    try:
        issued = dt.date(int(found[3]), int(found[2]), int(found[1])) if found else None
    except ValueError:
        issued = None
    has_number = number and not number[1].startswith("/")
    return (number[1] if has_number else None), issued


def issuer_lines(header: list[str]) -> str:
    """The issuer in capitals at the top left ("ỦY BAN NHÂN DÂN / XÃ CÁT VÂN"), without the national motto."""
    lines = [line for line in header if shouting(line) and not MOTTO.search(line) and not NUMBER.search(line)]
    return " ".join(line.strip("| ") for line in lines)


def period(body: str, title: str) -> tuple[tuple[int, int], str] | None:
    """The plan's years and where they were read: the "giai đoạn" its units name most (V.1, V.5: 2026-2030; the
    later one on a tie, as "Tổ chức thực hiện" comes last), else the term of its title ("nhiệm kỳ 2025 – 2030":
    2026–2030, its first year the baseline), else the one year of its title ("Giảm nghèo năm 2019")."""
    spans = [(int(a), int(b)) for a, b in SPAN.findall(body) if int(a) <= int(b)]
    if spans:
        counts = Counter(spans)
        chosen = next(span for span in reversed(spans) if counts[span] == max(counts.values()))
        return chosen, f"“giai đoạn {chosen[0]}-{chosen[1]}” trong các mục của Kế hoạch"
    term = TERM.search(title)
    if term and int(term[1]) < int(term[2]):
        return (int(term[1]) + 1, int(term[2])), f"“nhiệm kỳ {term[1]}-{term[2]}” trong tiêu đề"
    year = ONE_YEAR.search(title)
    return ((int(year[1]), int(year[1])), f"“năm {year[1]}” trong tiêu đề") if year else None


def midterm(body: str, span: tuple[int, int]) -> int | None:
    """The year of the mid-term review the plan sets ("báo cáo đánh giá giữa nhiệm kỳ vào năm 2028")."""
    found = MIDTERM.search(body)
    return int(found[1]) if found and span[0] <= int(found[1]) <= span[1] else None


def issuer(parsed: Parsed) -> str | None:
    from_header = names.caps_to_text(issuer_lines(parsed.header))
    return from_header or names.issuer_in(parsed.preamble or "")
