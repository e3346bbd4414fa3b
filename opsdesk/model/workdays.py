"""China's working calendar: public holidays and make-up working days (调休). No I/O, no Qt.

The data comes from the maintained ``chinesecalendar`` package (import name
``chinese_calendar``), which covers the years the State Council has published. Outside those
years a day is a working day from Monday to Friday and nothing else (:func:`covers` says which
days the calendar knows, so the UI can say so once).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

DayKind = Literal["workday", "weekend", "holiday", "makeup"]
MAX_STEPS = 10_000  # no run of days off is this long: a guard, not a limit anyone meets


@dataclass(frozen=True)
class DayInfo:
    kind: DayKind  # "holiday": a public holiday; "makeup": a weekend day worked instead (调休)
    name_en: str = ""  # the holiday a holiday or a make-up day belongs to
    name_zh: str = ""

    @property
    def working(self) -> bool:
        return self.kind in ("workday", "makeup")

    def name(self, lang: str) -> str:
        return self.name_zh if lang.startswith("zh") else self.name_en


@lru_cache(maxsize=1)
def _data() -> tuple[dict[dt.date, str], dict[dt.date, str], dict[str, str], int, int]:
    """(holidays, make-up days, English → Chinese name, first year, last year)."""
    from chinese_calendar import constants

    holidays, workdays = dict(constants.holidays), dict(constants.workdays)
    chinese = {h.value: h.chinese for h in constants.Holiday}
    years = [d.year for d in holidays] + [d.year for d in workdays]
    return holidays, workdays, chinese, min(years), max(years)


def covered_years() -> tuple[int, int]:
    """The first and last year the holiday calendar knows."""
    _, _, _, first, last = _data()
    return first, last


def covers(day: dt.date) -> bool:
    first, last = covered_years()
    return first <= day.year <= last


@lru_cache(maxsize=4096)
def day_info(day: dt.date) -> DayInfo:
    holidays, workdays, chinese, first, last = _data()
    weekend = day.weekday() >= 5
    if not first <= day.year <= last:
        return DayInfo("weekend" if weekend else "workday")
    name = holidays.get(day)
    if name is not None:
        return DayInfo("holiday", name, chinese.get(name, name))
    name = workdays.get(day)
    if name is not None:
        return DayInfo("makeup" if weekend else "workday", name, chinese.get(name, name))
    return DayInfo("weekend" if weekend else "workday")


def is_workday(day: dt.date) -> bool:
    return day_info(day).working


def holiday_name(day: dt.date, lang: str = "zh_CN") -> str | None:
    """The public holiday ``day`` belongs to, in Chinese or English; None on other days."""
    info = day_info(day)
    return info.name(lang) if info.kind == "holiday" else None


def next_workday(day: dt.date, step: int = 1) -> dt.date:
    """``day`` itself when it is a working day, else the next one (``step=-1``: the previous)."""
    for _ in range(MAX_STEPS):
        if is_workday(day):
            return day
        day += dt.timedelta(days=step)
    return day


def add_workdays(day: dt.date, n: int) -> dt.date:
    """The day ``n`` working days after ``day`` (before it when ``n`` is negative), counting
    the days after ``day`` (``day`` itself need not be a working day); ``n == 0``: ``day``."""
    step = 1 if n > 0 else -1
    left = abs(n)
    while left:
        day += dt.timedelta(days=step)
        if is_workday(day):
            left -= 1
    return day


def workdays_between(a: dt.date, b: dt.date) -> int:
    """Working days from ``a`` to ``b``, signed: the ``n`` with ``add_workdays(a, n)`` landing
    on ``b`` or, when ``b`` is a day off, on the first working day after it."""
    target = next_workday(b)
    if target == a:
        return 0
    step = 1 if target > a else -1
    count, day = 0, a
    while day != target:
        day += dt.timedelta(days=step)
        if is_workday(day):
            count += step
    return count


def workday_count(first: dt.date, last: dt.date) -> int:
    """How many working days lie in ``first`` … ``last`` (both included): a task's duration."""
    if last < first:
        return 0
    return sum(1 for i in range((last - first).days + 1)
               if is_workday(first + dt.timedelta(days=i)))
