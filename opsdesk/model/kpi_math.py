"""KPI maths: aggregation per period, attainment by direction, cumulative sums, moving averages, status."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

ON_TRACK = "on_track"
AT_RISK = "at_risk"
OFF_TRACK = "off_track"
NO_TARGET = "none"
RISK_MARGIN = 0.10  # within 10 % of the target is "at risk", further is "off track"


class TargetLike(Protocol):
    """A target's span and bounds, read-only (a ``Band``, a ``KpiTarget`` row, …)."""

    @property
    def period_start(self) -> dt.date: ...
    @property
    def period_end(self) -> dt.date: ...
    @property
    def low(self) -> float | None: ...
    @property
    def high(self) -> float | None: ...


T = TypeVar("T", bound=TargetLike)


@dataclass(frozen=True)
class Band:
    """A target over a span of days: ``low`` and/or ``high``."""

    period_start: dt.date
    period_end: dt.date
    low: float | None
    high: float | None

    @property
    def days(self) -> int:
        return (self.period_end - self.period_start).days + 1


# ---- aggregation

def aggregate(values: Sequence[float], how: str) -> float | None:
    """Sum, mean or last of a period's daily values (None for an empty period)."""
    if not values:
        return None
    if how == "sum":
        return float(sum(values))
    if how == "mean":
        return float(sum(values)) / len(values)
    if how == "last":
        return float(values[-1])
    raise ValueError(how)


def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def month_end(day: dt.date) -> dt.date:
    nxt = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return nxt - dt.timedelta(days=1)


def period_bounds(day: dt.date, period: str) -> tuple[dt.date, dt.date]:
    """The calendar period (``day``, ``week`` Monday–Sunday, ``month``) holding ``day``."""
    if period == "day":
        return day, day
    if period == "week":
        start = day - dt.timedelta(days=day.weekday())
        return start, start + dt.timedelta(days=6)
    if period == "month":
        return month_start(day), month_end(day)
    raise ValueError(period)


def by_period(series: Iterable[tuple[dt.date, float]], how: str,
              period: str) -> list[tuple[dt.date, dt.date, float]]:
    """Aggregate a day-sorted series per calendar period: ``(start, end, value)``."""
    out: list[tuple[dt.date, dt.date, float]] = []
    bounds: tuple[dt.date, dt.date] | None = None
    bucket: list[float] = []
    for day, value in series:
        if bounds is None or day > bounds[1]:
            if bucket and bounds is not None:
                out.append((bounds[0], bounds[1], _aggregate_some(bucket, how)))
            bounds, bucket = period_bounds(day, period), []
        bucket.append(value)
    if bucket and bounds is not None:
        out.append((bounds[0], bounds[1], _aggregate_some(bucket, how)))
    return out


def _aggregate_some(values: Sequence[float], how: str) -> float:
    """``aggregate`` of a non-empty period, which always has a value."""
    value = aggregate(values, how)
    assert value is not None
    return value


def cumulative(values: Iterable[float]) -> list[float]:
    total, out = 0.0, []
    for v in values:
        total += v
        out.append(total)
    return out


def moving_average(values: Sequence[float], window: int = 7) -> list[float]:
    """Trailing mean over ``window`` values (fewer at the start)."""
    out, total = [], 0.0
    for i, v in enumerate(values):
        total += v
        if i >= window:
            total -= values[i - window]
        out.append(total / min(i + 1, window))
    return out


# ---- targets

def target_on(targets: Sequence[T], day: dt.date) -> T | None:
    """The most specific (shortest) target covering ``day``."""
    best = None
    for t in targets:
        if t.period_start <= day <= t.period_end and (
                best is None or (t.period_end - t.period_start) < (best.period_end - best.period_start)):
            best = t
    return best


def widest(targets: Sequence[T]) -> T | None:
    """The target spanning the most days (e.g. the half-year sales goal)."""
    return max(targets, key=lambda t: (t.period_end - t.period_start, t.period_start), default=None)


def target_for_period(targets: Sequence[TargetLike], start: dt.date, end: dt.date,
                      how: str) -> Band | None:
    """The target of ``start..end`` from the most specific target covering ``start``; a sum
    target is prorated by days when the period is only part of the target's span."""
    t = target_on(targets, start)
    if t is None:
        return None
    span = (t.period_end - t.period_start).days + 1
    days = (min(end, t.period_end) - start).days + 1
    factor = days / span if how == "sum" else 1.0
    return Band(start, end, None if t.low is None else t.low * factor,
                None if t.high is None else t.high * factor)


def daily_target(targets: Sequence[TargetLike], day: dt.date, how: str) -> float | None:
    """The day's share of the target's lower bound (sum KPIs) or the bound itself."""
    t = target_on(targets, day)
    if t is None:
        return None
    bound = t.low if t.low is not None else t.high
    if how == "sum":
        assert bound is not None  # a target has a low or a high (constraint has_bound)
        return bound / ((t.period_end - t.period_start).days + 1)
    return bound


def cumulative_target(targets: Sequence[TargetLike], days: Sequence[dt.date]) -> list[float]:
    """Running total of the daily shares of sum targets (0 on days without a target)."""
    return cumulative(daily_target(targets, d, "sum") or 0.0 for d in days)


# ---- attainment and status

def attainment(actual: float | None, low: float | None, high: float | None,
               direction: str) -> float | None:
    """How well ``actual`` meets the target, 1.0 = met.

    higher: actual / low (or high when there is no low); lower: bound / actual;
    range: 1.0 inside [low, high], actual / low below it, high / actual above it.
    """
    if actual is None or (low is None and high is None):
        return None
    if direction == "higher":
        bound = low if low is not None else high
        return actual / bound if bound else None
    if direction == "lower":
        bound = high if high is not None else low
        assert bound is not None  # one of them is set (checked above)
        if actual <= 0:
            return 1.0 if bound >= 0 else 0.0
        return bound / actual
    if direction == "range":
        if low is not None and actual < low:
            return actual / low if low else 0.0
        if high is not None and actual > high:
            return high / actual if actual else 0.0
        return 1.0
    raise ValueError(direction)


def status(att: float | None) -> str:
    """on track at ≥ 100 %, at risk within ``RISK_MARGIN`` below, off track further."""
    if att is None:
        return NO_TARGET
    if att >= 1.0 - 1e-9:
        return ON_TRACK
    if att >= 1.0 - RISK_MARGIN:
        return AT_RISK
    return OFF_TRACK


def pace(actual: float | None, target: float | None, elapsed_days: int,
         period_days: int) -> float | None:
    """Attainment of a sum KPI against the share of its target due by now."""
    if actual is None or not target or period_days <= 0:
        return None
    due = target * max(1, min(elapsed_days, period_days)) / period_days
    return actual / due


# ---- what a target means: a goal to reach, a floor, a ceiling or a range

GOAL = "goal"  # an amount to reach over the period (monthly sales): attainment in %, judged by pace
FLOOR = "floor"  # at least (conversion ≥ 1 %, at least 30 orders a day): met or not, with the margin
CEILING = "ceiling"  # at most
RANGE = "range"  # between low and high (ROI 3–5, a traffic step's 300–1,000 UV a day)
NO_DATA = "no_data"  # a target, but no value yet in the period (the 1st of a month)
BELOW, INSIDE, ABOVE = "below", "inside", "above"
# Words that mark a cost KPI: above its range is too much (marketing cost share 10–15 %).
COST_WORDS = ("cost", "share", "spend", "expense", "refund", "费", "占比", "退款", "成本")


def target_kind(aggregation: str, direction: str, low: float | None, high: float | None) -> str:
    """What a target asks for. A summed "higher is better" KPI has a goal to reach; any other
    KPI with both bounds has a range (a traffic step's "5–50 orders a day" is a range whose
    top is no ceiling: see ``above_is_good``), with one bound a floor or a ceiling."""
    if low is None and high is None:
        return NO_TARGET
    if aggregation == "sum" and direction == "higher":
        return GOAL
    if low is not None and high is not None and low != high:
        return RANGE
    if direction == "lower" or (direction == "range" and low is None):
        return CEILING
    return FLOOR


def above_is_good(direction: str, key: str = "", names: Iterable[str] = ()) -> bool:
    """Whether a value above a KPI's range is good news. "higher is better" KPIs (orders,
    visitors): yes; "lower is better": no; a true range: yes (ROI above 5, target completion
    above 80 %) unless it is a cost or a share of costs (marketing cost share above 15 %)."""
    if direction == "higher":
        return True
    if direction == "lower":
        return False
    text = " ".join([key, *names]).lower()
    return not any(word in text for word in COST_WORDS)


@dataclass(frozen=True)
class Verdict:
    """How a period's actual stands against its target, in the target's own terms.

    ``margin`` is signed, in the KPI's unit: actual minus the bound it is measured from (the
    floor, the ceiling, or the range's nearer end); ``attainment`` is capped at 1.0 for
    anything but a goal (a floor met 23 times over is met, not 2378 %)."""

    kind: str
    position: str | None  # BELOW / INSIDE / ABOVE (None without an actual or a target)
    met: bool | None
    margin: float | None
    attainment: float | None
    status: str
    above_good: bool = True


def judge(actual: float | None, low: float | None, high: float | None, direction: str,
          aggregation: str, above_good: bool | None = None) -> Verdict:
    """The verdict of ``actual`` against ``low``/``high`` (see ``target_kind``). A goal's
    status here is by attainment; the dashboard judges a goal by pace (``pace``)."""
    kind = target_kind(aggregation, direction, low, high)
    good = above_is_good(direction) if above_good is None else above_good
    if kind == NO_TARGET:
        return Verdict(kind, None, None, None, None, NO_TARGET, good)
    if actual is None:
        return Verdict(kind, None, None, None, None, NO_DATA, good)
    if kind == GOAL:
        bound = low if low is not None else high
        assert bound is not None
        att = attainment(actual, low, high, "higher")
        return Verdict(kind, BELOW if actual < bound else ABOVE, actual >= bound, actual - bound,
                       att, status(att), good)
    if kind == FLOOR:
        bound = low if low is not None else high
        assert bound is not None
        met = actual >= bound
        att = 1.0 if met else (actual / bound if bound > 0 else 0.0)
        return Verdict(kind, ABOVE if met else BELOW, met, actual - bound, att, status(att), good)
    if kind == CEILING:
        bound = high if high is not None else low
        assert bound is not None
        met = actual <= bound
        att = 1.0 if met else (bound / actual if actual > 0 and bound > 0 else 0.0)
        return Verdict(kind, BELOW if met else ABOVE, met, actual - bound, att, status(att), False)
    assert low is not None and high is not None
    if actual < low:
        att = actual / low if low > 0 else 0.0
        return Verdict(kind, BELOW, False, actual - low, att, status(att), good)
    if actual > high:
        if good:
            return Verdict(kind, ABOVE, True, actual - high, 1.0, ON_TRACK, good)
        att = high / actual if actual > 0 and high > 0 else 0.0
        return Verdict(kind, ABOVE, False, actual - high, att, status(att), good)
    return Verdict(kind, INSIDE, True, 0.0, 1.0, ON_TRACK, good)


def day_of_period(today: dt.date, start: dt.date, end: dt.date) -> tuple[int, int]:
    """(day number of ``today`` in ``start..end``, clamped, and the period's length): the
    dashboard's "day 2 of 31"."""
    days = (end - start).days + 1
    return max(1, min(days, (today - start).days + 1)), days


def previous_month(day: dt.date) -> tuple[dt.date, dt.date]:
    """The calendar month before the one holding ``day``."""
    end = month_start(day) - dt.timedelta(days=1)
    return month_start(end), end
