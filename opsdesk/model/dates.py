"""Pure date rules: sane bounds, parsing, shifting, and progress maths. No I/O."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import overload

MIN_DATE = dt.date(2000, 1, 1)
MAX_DATE = dt.date(2100, 12, 31)


def parse_iso_date(text: str) -> dt.date:
    """Parse ``YYYY-MM-DD``; raises ``ValueError`` on anything else."""
    text = text.strip()
    if len(text) != 10:
        raise ValueError(text)
    return dt.date.fromisoformat(text)


def in_bounds(day: dt.date) -> bool:
    return MIN_DATE <= day <= MAX_DATE


@overload
def shift(day: dt.date, days: int) -> dt.date: ...
@overload
def shift(day: dt.date | None, days: int) -> dt.date | None: ...
def shift(day: dt.date | None, days: int) -> dt.date | None:
    return None if day is None else day + dt.timedelta(days=days)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later, clamped to the month's last day."""
    month_index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(month_index, 12)
    month += 1
    last = (dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(year, month, min(day.day, last))


def month_end(day: dt.date) -> dt.date:
    return add_months(day.replace(day=1), 1) - dt.timedelta(days=1)


def progress(done: int, total: int) -> float:
    """Share of work done in [0, 1]; an empty phase counts as not started."""
    return 0.0 if total <= 0 else max(0.0, min(1.0, done / total))


def time_elapsed(start: dt.date, end: dt.date, today: dt.date) -> float:
    """Share of a period that has passed on ``today``, in [0, 1]."""
    span = (end - start).days + 1
    if span <= 0:
        return 1.0
    return max(0.0, min(1.0, ((today - start).days + 1) / span))


def days_until(day: dt.date, today: dt.date) -> int:
    return (day - today).days


def span(days: Iterable[dt.date | None]) -> tuple[dt.date, dt.date] | None:
    present = [d for d in days if d is not None]
    return (min(present), max(present)) if present else None
