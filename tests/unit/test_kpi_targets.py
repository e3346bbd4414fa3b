"""What a target means (issue #14 item 4): goals, floors, ceilings and ranges, whether above a
range is good, and the month's pace; numbers as users write them (item 5)."""

from __future__ import annotations

import datetime as dt

import pytest

from opsdesk.model import kpi_math as km

D = dt.date


@pytest.mark.parametrize(("aggregation", "direction", "low", "high", "kind"), [
    ("sum", "higher", 1_500_000, None, km.GOAL),  # monthly sales
    ("mean", "higher", 30, None, km.FLOOR),  # at least 30 orders a day
    ("mean", "higher", 5, 50, km.RANGE),  # a traffic step's "5–50"
    ("mean", "range", 3, 5, km.RANGE),  # ROI 3–5
    ("mean", "lower", None, 2, km.CEILING),
    ("mean", "range", None, 15, km.CEILING),
    ("mean", "higher", None, None, km.NO_TARGET),
])
def test_target_kind(aggregation, direction, low, high, kind):
    assert km.target_kind(aggregation, direction, low, high) == kind


def test_a_floor_is_met_or_not_with_its_margin_never_2378_percent():
    v = km.judge(713.4, 30, None, "higher", "mean")
    assert (v.kind, v.met, v.position, v.status) == (km.FLOOR, True, km.ABOVE, km.ON_TRACK)
    assert v.margin == pytest.approx(683.4) and v.attainment == 1.0
    short = km.judge(28, 30, None, "higher", "mean")
    assert (short.met, short.margin, short.status) == (False, -2, km.AT_RISK)  # 93 %
    assert km.judge(20, 30, None, "higher", "mean").status == km.OFF_TRACK


def test_a_traffic_step_range_is_inside_below_or_above_and_above_is_good():
    uv = km.judge(10_762, 300, 1_000, "higher", "mean")
    assert (uv.kind, uv.position, uv.met, uv.status) == (km.RANGE, km.ABOVE, True, km.ON_TRACK)
    assert uv.margin == pytest.approx(9_762) and uv.attainment == 1.0
    assert km.judge(500, 300, 1_000, "higher", "mean").position == km.INSIDE
    below = km.judge(280, 300, 1_000, "higher", "mean")
    assert (below.position, below.margin, below.status) == (km.BELOW, -20, km.AT_RISK)


def test_roi_and_completion_above_their_range_are_good_cost_shares_are_not():
    good = km.above_is_good("range", "roi", ("投入产出比", "ROI"))
    assert good and km.above_is_good("range", "target_completion", ("目标完成率", "Target completion"))
    assert not km.above_is_good("range", "marketing_share", ("营销费用占比", "Marketing cost share"))
    roi = km.judge(5.6, 3, 5, "range", "mean", good)
    assert (roi.position, roi.status, roi.above_good) == (km.ABOVE, km.ON_TRACK, True)
    share = km.judge(30, 10, 15, "range", "mean", False)
    assert (share.position, share.met, share.status) == (km.ABOVE, False, km.OFF_TRACK)
    assert km.judge(14.9, 10, 15, "range", "mean", False).status == km.ON_TRACK
    assert km.judge(16, 10, 15, "range", "mean", False).status == km.AT_RISK  # 15/16 = 94 %


def test_a_goal_keeps_its_attainment_and_no_value_is_no_data_not_no_target():
    v = km.judge(900_000, 1_500_000, None, "higher", "sum")
    assert v.kind == km.GOAL and v.attainment == pytest.approx(0.6) and not v.met
    assert km.judge(None, 1_500_000, None, "higher", "sum").status == km.NO_DATA
    assert km.judge(None, None, None, "higher", "sum").status == km.NO_TARGET


def test_day_of_period_and_previous_month():
    assert km.day_of_period(D(2026, 12, 2), D(2026, 12, 1), D(2026, 12, 31)) == (2, 31)
    assert km.day_of_period(D(2026, 11, 30), D(2026, 12, 1), D(2026, 12, 31)) == (1, 31)
    assert km.previous_month(D(2026, 12, 1)) == (D(2026, 11, 1), D(2026, 11, 30))
    assert km.previous_month(D(2027, 1, 15)) == (D(2026, 12, 1), D(2026, 12, 31))


def test_numbers_as_users_write_them(qapp):
    from opsdesk.ui import fmt

    assert fmt.money(1_500_000, "zh_CN") == "¥150万" and fmt.money(1_500_000, "en") == "¥1,500,000"
    assert fmt.money(1_174_750, "zh_CN") == "¥117.47万" and fmt.money(9_876, "zh_CN") == "¥9,876"
    assert fmt.money(3e8, "zh_CN") == "¥3亿"
    assert fmt.kpi_value(3e6, "CNY", 0, "en") == "¥3,000,000"
    assert fmt.kpi_value(12.345, "%", 1, "en") == "12.3%" and fmt.kpi_value(1234, "count", 0, "zh") == "1,234"
    assert fmt.editable(3e6) == "3,000,000" and fmt.editable(1.5e6) == "1,500,000"
    assert fmt.editable(0.015) == "0.015" and fmt.editable(None) == ""
    assert fmt.axis_tick(1.3e6, "CNY", "zh_CN", 2e5) == "130万"
    assert fmt.axis_tick(1.3e6, "CNY", "en", 2e5) == "1,300,000"
    assert fmt.axis_tick(800000, "count", "en", 2e5) == "800,000"
    assert fmt.axis_tick(2.5, "ratio", "en", 0.5) == "2.5" and fmt.axis_tick(0.5, "%", "en", 0.25) == "0.5%"
    assert fmt.month_name(D(2026, 10, 1), "zh_CN") == "2026年10月"
    assert fmt.month_name(D(2026, 10, 1), "en") == "Oct 2026"
    for value in (1e21, 3e6, 1.5e-7, -4e9, 123456789.123):
        for lang in ("zh_CN", "en"):
            for unit in ("CNY", "%", "ratio", "count"):
                assert "e+" not in fmt.kpi_value(value, unit, 2, lang)
                assert "e-" not in fmt.kpi_value(value, unit, 2, lang)
                assert "e+" not in fmt.axis_tick(value, unit, lang, abs(value) / 5)
            assert "e" not in fmt.editable(value)


@pytest.mark.parametrize("day", [1, 2])
def test_dashboard_on_the_first_days_keeps_the_target_and_last_month(services, world, day):
    k, manager = world.kpis, world.manager
    nov = [D(2026, 11, 1) + dt.timedelta(days=i) for i in range(30)]
    services.kpis.enter(manager, world.plan_id, [(k["sales"], d, 30_000) for d in nov]
                        + [(k["daily_orders"], d, 40) for d in nov])
    dash = services.kpis.dashboard(world.plan_id, D(2026, 12, day))
    cards = {c.kpi.key: c for c in dash.cards}
    sales = cards["sales"]
    assert (sales.low, sales.actual, sales.status) == (1_500_000, None, km.NO_DATA)
    assert (sales.day, sales.days, sales.period_start) == (day, 31, D(2026, 12, 1))
    assert sales.previous == 900_000 and sales.previous_start == D(2026, 11, 1)
    assert sales.previous_verdict.kind == km.GOAL and sales.previous_verdict.attainment == 1.0
    orders = cards["daily_orders"]
    assert orders.previous == 40 and orders.previous_verdict.position is not None
    assert dash.completion is None and dash.with_target == 0
    assert dash.targets == sum(c.has_target for c in dash.cards) >= 10
    # mid-month: judged, with the month's pace
    services.kpis.enter(manager, world.plan_id, [(k["sales"], D(2026, 12, 1) + dt.timedelta(days=i),
                                                  50_000) for i in range(15)])
    mid = {c.kpi.key: c for c in services.kpis.dashboard(world.plan_id, D(2026, 12, 15)).cards}
    assert mid["sales"].actual == 750_000 and (mid["sales"].day, mid["sales"].days) == (15, 31)
    assert mid["sales"].status == km.ON_TRACK  # 750k by the 15th of 1.5M over 31 days
