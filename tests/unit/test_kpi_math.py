"""KPI maths with hand-computed expectations: aggregation, attainment per direction, status, pace."""

from __future__ import annotations

import datetime as dt

import pytest

from opsdesk.model import kpi_math as km

D = dt.date


def test_aggregate_sum_mean_last():
    assert km.aggregate([1, 2, 3, 4], "sum") == 10
    assert km.aggregate([1, 2, 3, 4], "mean") == 2.5
    assert km.aggregate([1, 2, 3, 4], "last") == 4
    assert km.aggregate([], "sum") is None
    with pytest.raises(ValueError):
        km.aggregate([1], "median")


def test_by_period_month_and_week():
    series = [(D(2026, 9, 29), 10.0), (D(2026, 9, 30), 20.0), (D(2026, 10, 1), 5.0),
              (D(2026, 10, 31), 7.0), (D(2026, 12, 1), 1.0)]
    assert km.by_period(series, "sum", "month") == [
        (D(2026, 9, 1), D(2026, 9, 30), 30.0), (D(2026, 10, 1), D(2026, 10, 31), 12.0),
        (D(2026, 12, 1), D(2026, 12, 31), 1.0)]
    assert km.by_period(series, "mean", "month")[0][2] == 15.0
    assert km.by_period(series, "last", "month")[1][2] == 7.0
    # 2026-09-29 is a Tuesday: its week runs Monday 28 Sept to Sunday 4 Oct
    assert km.by_period(series[:3], "sum", "week") == [(D(2026, 9, 28), D(2026, 10, 4), 35.0)]
    assert km.period_bounds(D(2027, 2, 10), "month") == (D(2027, 2, 1), D(2027, 2, 28))


def test_cumulative_and_moving_average():
    assert km.cumulative([1, 2, 3]) == [1, 3, 6]
    # trailing 3-day mean: 1, (1+2)/2, (1+2+3)/3, (2+3+4)/3, (3+4+5)/3
    assert km.moving_average([1, 2, 3, 4, 5], 3) == [1, 1.5, 2, 3, 4]
    assert km.moving_average([7.0] * 10, 7) == [7.0] * 10


@pytest.mark.parametrize(("actual", "low", "high", "direction", "expected"), [
    (150, 200, None, "higher", 0.75),        # 150 of 200
    (250, 200, None, "higher", 1.25),
    (40, None, 50, "higher", 0.8),           # only a high bound: it is the goal
    (12, 5, 50, "higher", 2.4),              # higher with a step band: judged by the low bound
    (8, None, 10, "lower", 1.25),            # 10 / 8
    (20, None, 10, "lower", 0.5),            # 10 / 20
    (0, None, 10, "lower", 1.0),
    (4, 3, 5, "range", 1.0),                 # inside
    (3, 3, 5, "range", 1.0),                 # on the edge
    (2.4, 3, 5, "range", 0.8),               # 2.4 / 3
    (6.25, 3, 5, "range", 0.8),              # 5 / 6.25
    (None, 3, 5, "range", None),
    (5, None, None, "higher", None),
])
def test_attainment(actual, low, high, direction, expected):
    got = km.attainment(actual, low, high, direction)
    assert got == (None if expected is None else pytest.approx(expected))


@pytest.mark.parametrize(("att", "state"), [
    (1.0, km.ON_TRACK), (1.3, km.ON_TRACK), (0.95, km.AT_RISK), (0.9, km.AT_RISK),
    (0.89, km.OFF_TRACK), (None, km.NO_TARGET)])
def test_status(att, state):
    assert km.status(att) == state


def test_status_follows_direction_and_range():
    # marketing share 30 % against 10–15 %: 15/30 = 0.5, off track
    assert km.status(km.attainment(30, 10, 15, "range")) == km.OFF_TRACK
    # 14 % is inside the range
    assert km.status(km.attainment(14, 10, 15, "range")) == km.ON_TRACK
    # a cost (lower is better) of 10.5 against ≤ 10: 10/10.5 = 0.952, at risk
    assert km.status(km.attainment(10.5, None, 10, "lower")) == km.AT_RISK
    # the same number is on track when higher is better
    assert km.status(km.attainment(10.5, 10, None, "higher")) == km.ON_TRACK


def test_targets_most_specific_prorated_and_cumulative():
    month = km.Band(D(2026, 11, 1), D(2026, 11, 30), 900_000, None)
    half = km.Band(D(2026, 9, 1), D(2026, 12, 31), 3_000_000, None)
    targets = [half, month]
    assert km.target_on(targets, D(2026, 11, 20)) is month
    assert km.target_on(targets, D(2027, 1, 1)) is None
    assert km.widest(targets) is half
    # 10 of November's 30 days of a sum target: 900k × 10/30
    part = km.target_for_period(targets, D(2026, 11, 1), D(2026, 11, 10), "sum")
    assert part.low == pytest.approx(300_000)
    # a mean target is not prorated
    assert km.target_for_period(targets, D(2026, 11, 1), D(2026, 11, 10), "mean").low == 900_000
    assert km.daily_target(targets, D(2026, 11, 5), "sum") == pytest.approx(30_000)
    assert km.cumulative_target(targets, [D(2026, 11, 29), D(2026, 11, 30), D(2026, 12, 1)]) == \
        pytest.approx([30_000, 60_000, 60_000 + 3_000_000 / 122])


def test_pace_of_a_sum_target():
    # 587,846 by 20 Nov against 900,000 for 30 days: due 600,000, pace 0.9797 → at risk
    assert km.pace(587_846, 900_000, 20, 30) == pytest.approx(587_846 / 600_000)
    assert km.status(km.pace(587_846, 900_000, 20, 30)) == km.AT_RISK
    assert km.pace(None, 900_000, 20, 30) is None
