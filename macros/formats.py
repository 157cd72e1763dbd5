"""Vietnamese number and date formats, through Babel (81,82%; 1.234.567; 29/11/2026)."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from babel.dates import format_date
from babel.numbers import format_decimal

from macros.settings import LOCALE

MISSING = "chưa cập nhật"
# A number a clerk typed is shown with every decimal typed (up to six): rounding 74.999 to "75" beside
# "chưa đạt mục tiêu 75%" would contradict the status. A level the site computes (the straight line) is rounded to
# COMPUTED_DECIMALS once, where it is computed, and judged at that precision.
DECIMALS = "#,##0.######"
COMPUTED_DECIMALS = 2


@lru_cache(maxsize=4096)
def _decimal(value) -> str:
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


@lru_cache(maxsize=4096)
def _date(value: dt.date) -> str:
    return format_date(value, "dd/MM/yyyy", locale=LOCALE)


def date(value: dt.date | None) -> str:
    return _date(value) if value else MISSING
