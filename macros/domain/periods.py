"""Reporting periods (V.2 and V.5 of the plan): month, quarter, year and the 2028 mid-term review."""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from macros.data.spec import PERIOD_PATTERN
from macros.settings import MIDTERM_YEAR


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
            return "giua-ky"
        if "-Q" in self.code:
            return "quy"
        return "thang" if "-" in self.code else "nam"

    @property
    def label(self) -> str:
        year, _, rest = self.code.partition("-")
        return {
            "thang": f"Tháng {rest}/{year}",
            "quy": f"Quý {rest[1:]}/{year}",
            "nam": f"Năm {year}",
            "giua-ky": f"Đánh giá giữa nhiệm kỳ {year}",
        }[self.kind]


def codes(first: int, last: int) -> list[str]:
    """Every period a report may name from `first` to `last` year: months, quarters, the year, the 2028 review."""
    found = []
    for year in range(first, last + 1):
        found += [f"{year}-{month:02d}" for month in range(1, 13)] + [f"{year}-Q{q}" for q in range(1, 5)]
        found += [str(year)] + ([f"{year}-GK"] if year == MIDTERM_YEAR else [])
    return found


def labels(first: int, last: int) -> list[str]:
    """What staff pick from a list: "Tháng 01/2026" … "Năm 2030", in the order of `codes`."""
    return [parse(code).label for code in codes(first, last)]


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)


def parse(code) -> Period:
    """Turn a period code (2026-11, 2026-Q4, 2026, 2028-GK) into dates. The code must be valid."""
    text = str(code)
    match = re.match(PERIOD_PATTERN, text)
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
