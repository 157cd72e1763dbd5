"""Vietnamese number and date formats, through Babel (81,82%; 1.234.567; 29/11/2026). Babel is imported at the first
number or date written, not with the stages that only read and check data."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from macros.settings import LOCALE

MISSING = "chưa cập nhật"
# A number a clerk typed is shown with every decimal typed (up to six): rounding 74.999 to "75" beside
# "chưa đạt mục tiêu 75%" would contradict the status. A level the site computes (the straight line) is rounded to
# COMPUTED_DECIMALS once, where it is computed, and judged at that precision.
DECIMALS = "#,##0.######"
COMPUTED_DECIMALS = 2


@lru_cache(maxsize=4096)
def _decimal(value) -> str:
    from babel.numbers import format_decimal

    return format_decimal(value, format=DECIMALS, locale=LOCALE)


def number(value) -> str:
    return MISSING if value is None else _decimal(value)


def quantity(value, unit: str | None) -> str:
    """A value with its unit: 81,82%; 5 sản phẩm; Đạt / Chưa đạt for yes/no."""
    if value is None:
        return MISSING
    if isinstance(value, bool):
        return "Đạt" if value else "Chưa đạt"
    if unit and unit.startswith("%"):  # "81,82%", "100% dự toán"
        return f"{number(value)}{unit}"
    return f"{number(value)} {unit}" if unit else number(value)


def decimals_of(value) -> int:
    """How many decimals a number is written with: 81.82 -> 2, 100 -> 0 (the shortest form that reads back the same)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return 0
    exponent = Decimal(repr(value)).normalize().as_tuple().exponent
    return max(-exponent, 0) if isinstance(exponent, int) else 0


def round_half_up(value: float, decimals: int) -> float:
    """Round as people do (81.815 -> 81.82, 0.5 -> 1), not to even as float rounding does."""
    step = Decimal(1).scaleb(-decimals)
    return float(Decimal(repr(value)).quantize(step, rounding=ROUND_HALF_UP))


@lru_cache(maxsize=4096)
def _date(value: dt.date) -> str:
    from babel.dates import format_date

    return format_date(value, "dd/MM/yyyy", locale=LOCALE)


def date(value: dt.date | None) -> str:
    return _date(value) if value else MISSING
