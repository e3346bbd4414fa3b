"""Money in and out: spending entries by channel per day or month (manager only, one undo
step each), monthly budgets (the seeds' 2万/月), budget used and left, spending imports
(all or nothing, idempotent, problems by line and column), and the derived KPIs — ROI,
cost share, gross margin, conversion — worked out from their parts, in the dashboard and
the charts, with their formulas. Every figure is worked out by hand below."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from opsdesk import cli
from opsdesk.errors import PermissionDenied, ValidationError
from opsdesk.model import kpi_derive as kd
from opsdesk.services import spending as sp
from tests.conftest import MANAGER_PASSWORD, count_changes, dump

D = dt.date


def test_spending_is_one_undoable_action_and_manager_only(services, world, store):
    before = dump(store)
    changes = services.spending.enter(world.manager, world.plan_id, [
        (D(2026, 9, 1), False, "直通车", 300.0, "首日"),
        (D(2026, 9, 1), False, "zuanzhan", 200.0, ""),
        (D(2026, 9, 15), True, "人员", 18_000.0, "九月工资")])
    assert changes.change_id and changes.kpis
    got = [(e.day, e.per_month, e.channel, e.amount) for e in services.spending.entries(world.plan_id)]
    assert got == [(D(2026, 9, 1), False, "ztc", 300.0), (D(2026, 9, 1), False, "zuanzhan", 200.0),
                   (D(2026, 9, 1), True, "staff", 18_000.0)]  # a month entry is on its 1st
    n = count_changes(store)
    again = services.spending.enter(world.manager, world.plan_id, [(D(2026, 9, 1), False, "ztc", 300.0, "")])
    assert again.change_id is None and count_changes(store) == n  # nothing new: nothing logged
    services.history.revert(world.manager, changes.change_id)
    assert services.spending.entries(world.plan_id) == []
    with pytest.raises(PermissionDenied):
        services.spending.enter(world.actors["promo"], world.plan_id,
                                [(D(2026, 9, 2), False, "ztc", 1.0, "")])
    for bad, message in ((("抖音", 5.0), "“抖音” is not a spending channel"),
                         (("ztc", -5.0), "An amount cannot be negative (-5.0).")):
        with pytest.raises(ValidationError, match=re.escape(message)):
            services.spending.enter(world.manager, world.plan_id, [(D(2026, 9, 2), False, *bad, "")])
    assert dump(store) == {**before, "changes": dump(store)["changes"],
                           "change_rows": dump(store)["change_rows"]}


def test_budgets_used_and_left_this_month(services, world):
    services.spending.seed_budgets(world.manager, world.plan_id, D(2026, 9, 1), 3, ads=9_000.0)
    services.spending.set_budgets(world.manager, world.plan_id, [(D(2026, 9, 1), "直通车", 5_000.0)])
    services.spending.enter(world.manager, world.plan_id, [
        (D(2026, 9, 1), True, "staff", 18_500.0, ""),
        (D(2026, 9, 3), False, "ztc", 1_200.0, ""), (D(2026, 9, 4), False, "ztc", 800.0, ""),
        (D(2026, 9, 4), False, "taobaoke", 1_000.0, ""),
        (D(2026, 10, 1), False, "ztc", 999.0, "")])  # another month: not counted
    use = {u.scope: u for u in services.spending.month_use(world.plan_id, D(2026, 9, 20))}
    assert set(use) == {"staff", "ads", "ztc"}
    assert (use["staff"].budget, use["staff"].used, use["staff"].left) == (20_000, 18_500, 1_500)
    assert (use["ads"].used, use["ads"].left) == (3_000, 6_000)  # 1,200 + 800 + 1,000
    assert (use["ztc"].used, use["ztc"].left) == (2_000, 3_000)
    assert [b[1:] for b in services.spending.budgets(world.plan_id, D(2026, 11, 5))] == [
        ("ads", 9_000.0), ("staff", 20_000.0)]


SPENDING_CSV = ("推广花费\n\n日期,渠道,金额,备注\n2026-09-01,直通车,\"1,200\",\n2026-09-01,直通车,300,加投\n"
                "2026-09-02,钻展,500,\n2026-09,人员,1.8万,九月\n")


def test_spending_import_all_or_nothing_and_idempotent(services, world, store, tmp_path):
    path = tmp_path / "spend.csv"
    path.write_text(SPENDING_CSV + "2026-09-03,抖音,100,\n2026-09-03,淘宝客,-5,\n", encoding="gbk")
    before = dump(store)
    table = services.spending.read_table(path)
    assert table.header_line == 3
    prep = services.spending.prepare_import(world.manager, world.plan_id, table)
    assert [p.message for p in prep.problems] == [
        "spend.csv, line 8, column B (渠道): “抖音” is not a spending channel (直通车, 钻展, 淘宝客, "
        "其他推广, 人员, 运营费用, 商品成本).",
        "spend.csv, line 9, column C (金额): an amount cannot be negative (-5)."]
    with pytest.raises(ValidationError, match="2 problem"):
        services.spending.apply_import(world.manager, prep)
    assert dump(store) == before
    path.write_text(SPENDING_CSV, encoding="gbk")
    prep = services.spending.prepare_import(world.manager, world.plan_id,
                                            services.spending.read_table(path))
    assert prep.ok and (prep.new, prep.changed, prep.unchanged) == (3, 0, 0)
    services.spending.apply_import(world.manager, prep)
    got = {(e.day, e.per_month, e.channel): e.amount for e in services.spending.entries(world.plan_id)}
    assert got == {(D(2026, 9, 1), False, "ztc"): 1_500.0,  # two rows for one day add up
                   (D(2026, 9, 2), False, "zuanzhan"): 500.0,
                   (D(2026, 9, 1), True, "staff"): 18_000.0}
    n = count_changes(store)
    prep = services.spending.prepare_import(world.manager, world.plan_id,
                                            services.spending.read_table(path))
    assert (prep.new, prep.changed, prep.unchanged) == (0, 0, 3)
    services.spending.apply_import(world.manager, prep)
    assert count_changes(store) == n


def _sales(services, world, values):
    services.kpis.enter(world.manager, world.plan_id,
                        [(world.kpis["sales"], d, v) for d, v in values.items()])


def test_roi_and_cost_shares_from_spending(services, world):
    _sales(services, world, {D(2026, 9, 1): 6_000.0, D(2026, 9, 2): 4_000.0, D(2026, 9, 3): 5_000.0})
    services.spending.enter(world.manager, world.plan_id, [
        (D(2026, 9, 1), False, "ztc", 1_500.0, ""), (D(2026, 9, 1), False, "taobaoke", 500.0, ""),
        (D(2026, 9, 2), False, "zuanzhan", 1_000.0, ""),
        (D(2026, 9, 1), False, "goods", 2_700.0, ""), (D(2026, 9, 2), False, "goods", 2_000.0, ""),
        (D(2026, 9, 1), False, "staff", 700.0, "")])  # staff is no ad spend
    roi = services.kpis.chart_data(world.kpis["roi"])
    # 9-1: 6,000 ÷ (1,500 + 500) = 3; 9-2: 4,000 ÷ 1,000 = 4; 9-3: no ad spend, no ROI
    assert list(zip(roi.days, roi.values, strict=True)) == [(D(2026, 9, 1), 3.0), (D(2026, 9, 2), 4.0)]
    assert roi.derived == (D(2026, 9, 1), D(2026, 9, 2))
    share = services.kpis.chart_data(world.kpis["marketing_share"])
    assert [round(v, 4) for v in share.values] == [33.3333, 25.0]  # 2,000 ÷ 6,000; 1,000 ÷ 4,000
    margin = services.kpis.chart_data(world.kpis["gross_margin"])
    assert list(margin.values) == pytest.approx([55.0, 50.0])  # (6,000 − 2,700) ÷ 6,000; (4,000 − 2,000) ÷ 4,000
    if "staff_share" in world.kpis:  # the template's staff cost share and team cost
        staff = services.kpis.chart_data(world.kpis["staff_share"])
        assert list(zip(staff.days, staff.values, strict=True)) == [
            (D(2026, 9, 1), pytest.approx(700 / 6_000 * 100))]
        assert services.kpis.chart_data(world.kpis["team_cost"]).values == (700.0,)
        # a typed ROI wins over the worked-out one on its day
    services.kpis.enter(world.manager, world.plan_id, [(world.kpis["roi"], D(2026, 9, 1), 3.5)])
    roi = services.kpis.chart_data(world.kpis["roi"])
    assert list(roi.values) == [3.5, 4.0] and roi.derived == (D(2026, 9, 2),)
    kpi = next(k for k in services.kpis.list(world.plan_id) if k.key == "roi")
    assert services.kpis.formula_text(kpi, "en") == \
        "ROI = sales ÷ ad spend (through-train + diamond booth + Taobao affiliates)"
    assert services.kpis.formula_text(kpi, "zh_CN").startswith("投入产出比 = 销售额 ÷ 广告花费")


def test_a_month_of_ad_spend_is_spread_over_its_days(services, world):
    _sales(services, world, {D(2026, 9, 10): 3_000.0})
    services.spending.enter(world.manager, world.plan_id, [(D(2026, 9, 1), True, "ztc", 30_000.0, "")])
    roi = services.kpis.chart_data(world.kpis["roi"])
    assert list(zip(roi.days, roi.values, strict=True)) == [(D(2026, 9, 10), 3.0)]  # 3,000 ÷ (30,000 ÷ 30)


def test_the_dashboard_shows_derived_kpis(services, world):
    _sales(services, world, {D(2026, 9, 1): 6_000.0, D(2026, 9, 2): 4_000.0})
    services.kpis.enter(world.manager, world.plan_id, [
        (world.kpis["daily_visitors"], D(2026, 9, 1), 400.0),
        (world.kpis["daily_orders"], D(2026, 9, 1), 9.0)])
    services.spending.enter(world.manager, world.plan_id, [
        (D(2026, 9, 1), False, "ztc", 2_000.0, ""), (D(2026, 9, 2), False, "ztc", 1_000.0, "")])
    board = services.kpis.dashboard(world.plan_id, D(2026, 9, 2))
    cards = {c.kpi.key: c for c in board.cards}
    assert cards["roi"].actual == pytest.approx(3.5)  # ROI is a mean: (3 + 4) ÷ 2
    assert cards["conversion"].actual == pytest.approx(2.25)  # 9 ÷ 400 × 100
    assert kd.period_value(kd.FORMULAS["roi"], {"sales": {D(2026, 9, 1): 6_000.0, D(2026, 9, 2): 4_000.0},
                                                kd.AD_SPEND: {D(2026, 9, 1): 2_000.0, D(2026, 9, 2): 1_000.0}},
                           D(2026, 9, 1), D(2026, 9, 30)) == pytest.approx(10_000 / 3_000)


def test_channel_names_and_months():
    assert [sp.channel_key(t) for t in ("直通车", "钻展", "淘宝客", "Staff", "运营费用", "x")] == [
        "ztc", "zuanzhan", "taobaoke", "staff", "operations", None]
    assert sp.channel_key("ads") is None and sp.channel_key("广告", groups=True) == "ads"
    assert sp.parse_when("2026-09") == (D(2026, 9, 1), True)
    assert sp.parse_when("2026年10月") == (D(2026, 10, 1), True)
    assert sp.parse_when("2026/9/3") == (D(2026, 9, 3), False)


@pytest.mark.sqlite_only  # the CLI is pointed at the database file
def test_cli_spending(tmp_path, world, store, capsys, monkeypatch):
    monkeypatch.setenv("OPSDESK_PASSWORD", MANAGER_PASSWORD)
    db = str(store.path)
    store.close()
    base = ["--db", db, "kpi"]
    user = ["--user", "manager"]
    assert cli.main([*base, "spend", "2026-09-01", "直通车", "1,500", *user]) == 0
    assert cli.main([*base, "budget", "2026-09", "ads", "1万", *user]) == 0
    path = tmp_path / "s.csv"
    path.write_text("日期,渠道,金额\n2026-09-02,钻展,500\n", encoding="utf-8")
    assert cli.main([*base, "spend-import", str(path), *user]) == 0
    capsys.readouterr()
    assert cli.main([*base, "spending", "--month", "2026-09", *user]) == 0
    out = capsys.readouterr().out
    assert "直通车" in out and "1,500.00" in out and "2,000.00 of 10,000.00 used, 8,000.00 left" in out
    assert cli.main([*base, "spend", "2026-09-01", "抖音", "5", *user]) != 0
    assert "not a spending channel" in capsys.readouterr().err
