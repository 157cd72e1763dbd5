"""A small chart of reported values against the target line, as numbers for an inline SVG template.

The value axis fits the data and the goal (89,6 → 92,4 against 100 is drawn on 85–100, not squeezed into 0–100),
with labelled ticks drawn in the SVG itself, so the chart reads without JavaScript and in print.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import NamedTuple

from macros import formats as fmt
from macros.domain import status
from macros.domain.model import Report, Target
from macros.settings import CHART_HEIGHT, CHART_PAD, CHART_WIDTH

WIDTH, HEIGHT, PAD = CHART_WIDTH, CHART_HEIGHT, CHART_PAD
LEFT = PAD + 16  # room for the tick labels of the value axis
NICE_STEPS = (1, 2, 2.5, 5, 10)  # a tick step is one of these times a power of ten
TICKS = 4  # about this many intervals on the value axis


@dataclass(frozen=True)
class Chart:
    points: tuple[Point, ...]
    goal_y: float
    goal_label: str
    ticks: tuple[Tick, ...] = ()
    axis_unit: str = ""  # the unit of the tick labels when they are bare numbers ("sản phẩm"); empty for "%"
    width: int = WIDTH
    height: int = HEIGHT
    pad: int = PAD
    left: int = LEFT

    @property
    def polyline(self) -> str:
        return " ".join(f"{p.x:.1f},{p.y:.1f}" for p in self.points)


class Tick(NamedTuple):
    """A labelled value on the value axis, placed in the SVG's units."""

    y: float
    label: str


class Point(NamedTuple):
    """One reported value, placed in the SVG's units, with the label its tooltip shows."""

    x: float
    y: float
    label: str


def axis(values: list[float]) -> tuple[float, float, float]:
    """(bottom, top, step) of a value axis that holds every value with round ticks (whole ones for counts). It starts
    at zero when the values are closer to zero than to each other, so counts keep their zero."""
    low, high = min(values), max(values)
    if high == low:
        low, high = (0, high) if high > 0 else (high - 1, high + 1)
    if 0 <= low <= high - low:
        low = 0
    raw = (high - low) / TICKS
    power = 10 ** math.floor(math.log10(raw))
    step = next(n * power for n in NICE_STEPS if n * power >= raw)
    if all(float(value).is_integer() for value in values):
        step = max(1, math.ceil(step))  # counts: whole ticks
    return math.floor(low / step) * step, math.ceil(high / step) * step, step


def build(target: Target, reports: tuple[Report, ...]) -> Chart | None:
    """None when there is nothing numeric to draw: the page then says so in words."""
    numeric = [r for r in reports if isinstance(r.value, (int, float)) and not isinstance(r.value, bool)]
    if not numeric or target.goal is None:
        return None
    values = [status.at_plan_precision(target, r.value) for r in numeric]  # as the pages publish them
    bottom, top, step = axis([target.goal, *values])
    first, last = numeric[0].as_of.toordinal(), numeric[-1].as_of.toordinal()
    span = max(last - first, 1)

    def y(value: float) -> float:
        return HEIGHT - PAD - (HEIGHT - 2 * PAD) * (value - bottom) / (top - bottom)

    points = tuple(
        Point(
            LEFT + (WIDTH - LEFT - PAD) * (r.as_of.toordinal() - first) / span if len(numeric) > 1 else WIDTH / 2,
            y(value),
            f"{r.period.label}: {status.published(target, r.value)}",
        )
        for r, value in zip(numeric, values, strict=True)
    )
    return Chart(points, y(target.goal), fmt.quantity(target.goal, target.unit), *_ticks(target, bottom, top, step, y))


def _ticks(target: Target, bottom: float, top: float, step: float, y) -> tuple[tuple[Tick, ...], str]:
    """The labelled ticks, and the unit to name beside the axis when the labels are bare numbers."""
    percent = (target.unit or "").startswith("%")
    values = (bottom + step * n for n in range(round((top - bottom) / step) + 1))
    ticks = tuple(Tick(y(value), fmt.number(value) + ("%" if percent else "")) for value in values)
    return ticks, "" if percent else (target.unit or "")
