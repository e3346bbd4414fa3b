"""Which days of the timeline's background are shaded: weekends, China's public holidays
and the weekend days worked instead (调休), from model/workdays.py. Pure (no Qt): the painter
draws what ``shading`` returns, and the tests read the same list."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from opsdesk.model import workdays

HOLIDAY_PPD = 1.0
"""Holidays are shaded from this zoom on (a week's holiday is a few pixels wide)."""
WEEKEND_PPD = 9.0
"""Weekends and make-up days only from this zoom on (as before: one day must be visible)."""


@lru_cache(maxsize=32)
def shading(first: int, last: int, ppd_bucket: int) -> tuple[tuple[int, str], ...]:
    """``(ordinal, kind)`` for every day between ``first`` and ``last`` that is shaded:
    ``"weekend"``, ``"holiday"`` or ``"makeup"`` (a weekend day worked: marked, not shaded).
    ``ppd_bucket`` is 1 when weekends show (``shading_for`` picks it)."""
    out = []
    for d in range(first, last + 1):
        kind = workdays.day_info(dt.date.fromordinal(d)).kind
        if kind == "holiday" or (ppd_bucket and kind in ("weekend", "makeup")):
            out.append((d, kind))
    return tuple(out)


def shading_for(first: int, last: int, ppd: float) -> tuple[tuple[int, str], ...]:
    if ppd < HOLIDAY_PPD or last < first:
        return ()
    first, last = max(first, dt.date.min.toordinal()), min(last, dt.date.max.toordinal())
    return shading(first, last, int(ppd >= WEEKEND_PPD))


def uncovered_years(first: int, last: int) -> tuple[int, int] | None:
    """The years between two ordinals the holiday calendar does not know, as (first, last)
    of the calendar's own range when some are outside it, else None."""
    lo, hi = workdays.covered_years()
    y0, y1 = dt.date.fromordinal(first).year, dt.date.fromordinal(last).year
    return (lo, hi) if y0 < lo or y1 > hi else None


def day_note(day: int, lang: str) -> str:
    """The hover text of a day on the background: its holiday, or the holiday a make-up
    working day belongs to; "" on other days."""
    from PySide6.QtCore import QCoreApplication

    info = workdays.day_info(dt.date.fromordinal(day))
    if info.kind == "holiday":
        return QCoreApplication.translate("Timeline", "{name}: public holiday").format(
            name=info.name(lang))
    if info.kind == "makeup":
        return QCoreApplication.translate("Timeline", "Make-up working day (调休) for {name}").format(
            name=info.name(lang))
    return ""
