"""Anchored dates: what a dated item hangs on. Pure rules, no I/O.

- ``launch``: an offset from launch day (moves with it; what every date was before);
- ``date``: a calendar month-day (双11 = 11-11, 618 = 06-18);
- ``lunar``: a Chinese lunar month-day (中秋 = 八月十五, 春节 = 正月初一), converted by the
  ``lunardate`` library (1900–2099), never by hand;
- ``task``: ``days`` after another task's due date (negative = before it).

A calendar or lunar anchor fixes the month and day; the year is the item's own (its due
date's). A template (no year) takes the first occurrence on or after the plan's first day.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from lunardate import LunarDate

LAUNCH = "launch"
DATE = "date"
LUNAR = "lunar"
TASK = "task"
KINDS = (LAUNCH, DATE, LUNAR, TASK)
FIXED = (DATE, LUNAR)
"""Kinds that stay on the calendar when launch day moves."""

LUNAR_MONTHS_ZH = ("正月", "二月", "三月", "四月", "五月", "六月", "七月", "八月", "九月",
                   "十月", "冬月", "腊月")
_TENS = ("初", "十", "廿", "三")
_DIGITS = ("", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十")


def lunar_day_zh(day: int) -> str:
    """初一 … 初十, 十一 … 二十, 廿一 … 三十."""
    if day == 10:
        return "初十"
    if day == 20:
        return "二十"
    if day == 30:
        return "三十"
    return _TENS[day // 10] + _DIGITS[day % 10]


def lunar_label_zh(month: int, day: int) -> str:
    return LUNAR_MONTHS_ZH[month - 1] + lunar_day_zh(day)


@dataclass(frozen=True)
class Resolved:
    """A month-day placed in a year; ``day`` is the day actually used (a lunar 30th in a
    29-day month becomes the 29th, 2-29 in a common year the 28th)."""

    date: dt.date
    year: int
    month: int
    day: int
    wanted_day: int

    @property
    def fell_back(self) -> bool:
        return self.day != self.wanted_day


def check(kind: str, month: int | None, day: int | None) -> str | None:
    """What is wrong with a calendar or lunar month-day (English, for a message), or None."""
    if kind not in FIXED:
        return None
    if month is None or day is None or not 1 <= month <= 12:
        return "month 1–12"
    if kind == LUNAR:
        return None if 1 <= day <= 30 else "day 1–30"
    last = (dt.date(2000, month % 12 + 1, 1) - dt.timedelta(days=1)).day if month < 12 else 31
    return None if 1 <= day <= last else f"day 1–{last}"


def on(kind: str, month: int, day: int, year: int) -> Resolved:
    """The month-day in ``year`` (a lunar year for lunar dates); ValueError outside the
    lunar calendar's range (1900–2099) or for a month-day that cannot exist."""
    if (problem := check(kind, month, day)) is not None:
        raise ValueError(problem)
    for used in range(day, min(day, 28) - 1, -1):  # the month's last day when ``day`` is past it
        try:
            if kind == LUNAR:
                date = LunarDate(year, month, used).to_solar_date()
            else:
                date = dt.date(year, month, used)
        except ValueError:
            continue
        return Resolved(date, year, month, used, day)
    raise ValueError(f"{year}-{month}-{day}")


def year_of(kind: str, date: dt.date) -> int:
    """The (lunar, for lunar anchors) year ``date`` falls in."""
    if kind == LUNAR:
        return int(LunarDate.from_solar_date(date.year, date.month, date.day).year)
    return date.year


def first_on_or_after(kind: str, month: int, day: int, earliest: dt.date) -> Resolved:
    """The first occurrence of the month-day on or after ``earliest``."""
    for year in range(earliest.year - 1, earliest.year + 2):
        try:
            found = on(kind, month, day, year)
        except ValueError:
            continue
        if found.date >= earliest:
            return found
    raise ValueError(f"{month}-{day} after {earliest}")


def lunar_of(date: dt.date) -> tuple[int, int, int, bool]:
    """(lunar year, month, day, leap month?) of a solar date."""
    d = LunarDate.from_solar_date(date.year, date.month, date.day)
    return int(d.year), int(d.month), int(d.day), bool(d.is_leap_month)
