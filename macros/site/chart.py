"""A small chart of reported values against the target line, as numbers for an inline SVG template."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from macros import formats as fmt
from macros.domain.model import Report, Target
from macros.settings import CHART_HEIGHT, CHART_PAD, CHART_WIDTH

WIDTH, HEIGHT, PAD = CHART_WIDTH, CHART_HEIGHT, CHART_PAD


@dataclass(frozen=True)
class Chart:
    points: tuple[Point, ...]
    goal_y: float
    goal_label: str
    width: int = WIDTH
    height: int = HEIGHT
    pad: int = PAD

    @property
    def polyline(self) -> str:
        return " ".join(f"{p.x:.1f},{p.y:.1f}" for p in self.points)


class Point(NamedTuple):
    """One reported value, placed in the SVG's units, with the label its tooltip shows."""

    x: float
    y: float
    label: str


def build(target: Target, reports: tuple[Report, ...]) -> Chart | None:
    """None when there is nothing numeric to draw: the page then says so in words."""
    numeric = [r for r in reports if isinstance(r.value, (int, float)) and not isinstance(r.value, bool)]
    if not numeric or target.goal is None:
        return None
    top = max([target.goal] + [r.value for r in numeric]) or 1
    first, last = numeric[0].as_of.toordinal(), numeric[-1].as_of.toordinal()
    span = max(last - first, 1)

    def y(value: float) -> float:
        return HEIGHT - PAD - (HEIGHT - 2 * PAD) * value / top

    points = tuple(
        Point(
            PAD + (WIDTH - 2 * PAD) * (r.as_of.toordinal() - first) / span if len(numeric) > 1 else WIDTH / 2,
            y(r.value),
            f"{r.period.label}: {fmt.quantity(r.value, target.unit)}",
        )
        for r in numeric
    )
    return Chart(points, y(target.goal), fmt.quantity(target.goal, target.unit))
