"""Date ↔ x mapping, zoom levels and header ticks of the timeline (pure, no Qt)."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

ZOOM_LEVELS: dict[str, float] = {"day": 36.0, "week": 14.0, "month": 4.0, "quarter": 1.3}
"""Pixels per day of each named zoom level."""
MIN_PPD, MAX_PPD = 0.25, 80.0


def level_for(ppd: float) -> str:
    """The named level nearest (in log scale) to ``ppd`` pixels per day."""
    return min(ZOOM_LEVELS, key=lambda k: abs(math.log(ZOOM_LEVELS[k] / ppd)))


@dataclass
class Scale:
    """Content x of a day: ``(day - origin) * ppd``; days are proleptic ordinals."""

    origin: int
    ppd: float

    def x(self, day: float) -> float:
        return (day - self.origin) * self.ppd

    def day(self, x: float) -> float:
        """The (fractional) day at content x; ``int(floor(...))`` is the calendar day."""
        return self.origin + x / self.ppd

    def day_at(self, x: float) -> int:
        return math.floor(self.day(x))

    def zoomed(self, ppd: float, anchor_x: float, offset: float) -> tuple[Scale, float]:
        """Zoom to ``ppd`` keeping the day under view x ``anchor_x`` in place; returns the
        new scale and the new horizontal offset (content x at the view's left edge)."""
        ppd = max(MIN_PPD, min(MAX_PPD, ppd))
        day = self.day(offset + anchor_x)
        scale = Scale(self.origin, ppd)
        return scale, scale.x(day) - anchor_x


def fit_ppd(first: int, last: int, width: float) -> float:
    days = max(1, last - first + 1)
    return max(MIN_PPD, min(MAX_PPD, width / days))


# ---- header ticks

@dataclass(frozen=True)
class Tick:
    start: int  # ordinal of the first day of the cell
    end: int  # ordinal after the last day
    kind: str  # "year" | "month" | "week" | "monday" (day number only) | "day"


def _month_start(d: dt.date) -> dt.date:
    return d.replace(day=1)


def _next_month(d: dt.date) -> dt.date:
    return dt.date(d.year + (d.month == 12), d.month % 12 + 1, 1)


def tiers(first: int, last: int, ppd: float) -> tuple[list[Tick], list[Tick]]:
    """Upper and lower header cells covering days ``first`` … ``last``."""
    if ppd >= 20:
        return months(first, last), simple(first, last, 1, "day")
    if ppd >= 2.5:
        monday = first - dt.date.fromordinal(first).weekday()
        return months(first, last), simple(monday, last, 7, "week" if ppd >= 7 else "monday")
    return years(first, last), months(first, last)


def simple(first: int, last: int, step: int, kind: str) -> list[Tick]:
    return [Tick(d, d + step, kind) for d in range(first, last + 1, step)]


def months(first: int, last: int) -> list[Tick]:
    out, d = [], _month_start(dt.date.fromordinal(first))
    while d.toordinal() <= last:
        nxt = _next_month(d)
        out.append(Tick(d.toordinal(), nxt.toordinal(), "month"))
        d = nxt
    return out


def years(first: int, last: int) -> list[Tick]:
    out = []
    for y in range(dt.date.fromordinal(first).year, dt.date.fromordinal(last).year + 1):
        out.append(Tick(dt.date(y, 1, 1).toordinal(), dt.date(y + 1, 1, 1).toordinal(), "year"))
    return out


def weekend_days(first: int, last: int) -> list[int]:
    """Saturdays and Sundays between ``first`` and ``last`` (ordinals; Monday is weekday 0)."""
    return [d for d in range(first, last + 1) if (d - 1) % 7 >= 5]
