"""Reporting periods (V.2 and V.5 of a plan): month, quarter, year and the mid-term review, and how their codes are
written (2026-11, 2026-Q4, 2026, 2028-GK). The years themselves are the plan's, read from its data."""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

# A period code: a year, a month of it, a quarter of it, or the mid-term review of it.
PATTERN = r"^(20[0-9]{2})(-(0[1-9]|1[0-2])|-Q[1-4]|-GK)?$"
MONTH, QUARTER, YEAR, MIDTERM = "thang", "quy", "nam", "giua-ky"  # the kinds of period
KIND_NAMES = {MONTH: "Tháng", QUARTER: "Quý", YEAR: "Năm", MIDTERM: "Giữa nhiệm kỳ"}
# How the codes are written, for staff: the examples name no year of a particular plan's mid-term review.
FORMS = "tháng NĂM-TT (ví dụ 2026-11), quý NĂM-Q1 đến NĂM-Q4, năm NĂM (ví dụ 2026) hoặc đánh giá giữa nhiệm kỳ NĂM-GK"


@functools.total_ordering
@dataclass(frozen=True)
class Period:
    """A reporting period. Ordered by end date; of periods ending the same day, the longer one is the later
    (a year report for 2026 supersedes the December and Q4 reports that end with it)."""

    end: dt.date
    start: dt.date
    code: str

    def _key(self) -> tuple:
        return (self.end, -self.start.toordinal(), self.code)

    def __lt__(self, other: Period) -> bool:
        return self._key() < other._key()

    @property
    def slug(self) -> str:
        return self.code.lower()

    @property
    def kind(self) -> str:
        if self.code.endswith("-GK"):
            return MIDTERM
        if "-Q" in self.code:
            return QUARTER
        return MONTH if "-" in self.code else YEAR

    @property
    def label(self) -> str:
        year, _, rest = self.code.partition("-")
        return {
            MONTH: f"Tháng {rest}/{year}",
            QUARTER: f"Quý {rest[1:]}/{year}",
            YEAR: f"Năm {year}",
            MIDTERM: f"Đánh giá giữa nhiệm kỳ {year}",
        }[self.kind]


@dataclass(frozen=True)
class Span:
    """The years of a plan (ke-hoach.yml, `giai_doan`): the first and last year reported, and the year of its
    mid-term review if it holds one."""

    first: int
    last: int
    midterm: int | None = None

    @property
    def baseline(self) -> int:
        """The year before the plan's period (2025 for 2026–2030): the first year of the term (nhiệm kỳ 2025–2030).
        Its reports are accepted as the starting point, and shown as before the plan."""
        return self.first - 1

    def in_term(self, year: int) -> bool:
        """A year a deadline or a baseline may name: from the baseline year to the last year."""
        return self.baseline <= year <= self.last

    @property
    def term(self) -> str:
        """ "2025–2030"."""
        return f"{self.baseline}–{self.last}"

    def codes(self) -> list[str]:
        """Every period a report may name, from the baseline year to the last."""
        return codes(self.baseline, self.last, self.midterm)

    def labels(self) -> list[str]:
        """What staff pick from a list: "Tháng 01/2025" … "Năm 2030", in the order of `codes`."""
        return [parse(code).label for code in self.codes()]


def midterm_code(year: int) -> str:
    return f"{year}-GK"


def codes(first: int, last: int, midterm: int | None = None) -> list[str]:
    """Every period a report may name from `first` to `last` year: months, quarters, the year, and the mid-term
    review in its year (when the plan holds one)."""
    found = []
    for year in range(first, last + 1):
        found += [f"{year}-{month:02d}" for month in range(1, 13)] + [f"{year}-Q{q}" for q in range(1, 5)]
        found += [str(year)] + ([midterm_code(year)] if year == midterm else [])
    return found


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)


def parse(code) -> Period:
    """Turn a period code (2026-11, 2026-Q4, 2026, 2028-GK) into dates. The code must be valid."""
    text = str(code)
    match = re.match(PATTERN, text)
    if not match:
        raise ValueError(text)
    year = int(match.group(1))
    if "-Q" in text:
        quarter = int(text[-1])
        return Period(_month_end(year, quarter * 3), dt.date(year, quarter * 3 - 2, 1), text)
    if text.endswith("-GK") or "-" not in text:
        return Period(dt.date(year, 12, 31), dt.date(year, 1, 1), text)
    month = int(text[5:7])
    return Period(_month_end(year, month), dt.date(year, month, 1), text)
