"""KPI service: entering values (permissions, validation, no-op writes), definitions and
targets (manager only), the dashboard's periods and statuses, chart reads."""

from __future__ import annotations

import datetime as dt

import pytest

from opsdesk.errors import NotFound, PermissionDenied, ValidationError
from opsdesk.model import kpi_math as km
from opsdesk.services import Services
from tests.conftest import count_changes, dump

D = dt.date


@pytest.fixture
def services(store, clock):
    return Services(store, clock)


def test_staff_enter_only_their_roles_kpis(services, world, store):
    cs, promo = world.actors["cs"], world.actors["promo"]
    orders, sales = world.kpis["daily_orders"], world.kpis["sales"]
    services.kpis.enter(cs, world.plan_id, [(orders, D(2026, 9, 1), 12)])
    before = dump(store)
    with pytest.raises(PermissionDenied):
        services.kpis.enter(cs, world.plan_id, [(orders, D(2026, 9, 2), 3), (sales, D(2026, 9, 2), 5)])
    with pytest.raises(PermissionDenied):
        services.kpis.enter(promo, world.plan_id, [(orders, D(2026, 9, 2), 3)], check=False)
    assert dump(store) == before
    services.kpis.enter(world.manager, world.plan_id, [(sales, D(2026, 9, 2), 5)])


@pytest.mark.parametrize(("entry", "message"), [
    (("daily_orders", D(2026, 9, 1), -1), "a count cannot be negative"),
    (("daily_orders", D(2030, 1, 1), 1), "outside the plan"),
    (("daily_orders", D(2026, 9, 1), float("nan")), "is not a number"),
    (("daily_orders", D(2026, 9, 1), "12"), "is not a number"),
])
def test_bad_values_are_refused(services, world, store, entry, message):
    before = dump(store)
    key, day, value = entry
    with pytest.raises(ValidationError, match=message):
        services.kpis.enter(world.manager, world.plan_id, [(world.kpis[key], day, value)])
    assert dump(store) == before


def test_enter_skips_unchanged_and_none_removes(services, world, store):
    sales = world.kpis["sales"]
    c = services.kpis.enter(world.manager, world.plan_id, [(sales, D(2026, 9, 1), 10), (sales, D(2026, 9, 2), 20)])
    assert c.kpis and c.ids == {sales}
    logged = count_changes(store)
    c = services.kpis.enter(world.manager, world.plan_id, [(sales, D(2026, 9, 1), 10)])
    assert not c.kpis and count_changes(store) == logged
    before = services.kpis.values_at([(sales, D(2026, 9, 1)), (sales, D(2026, 9, 3))])
    assert before == [(sales, D(2026, 9, 1), 10.0), (sales, D(2026, 9, 3), None)]
    services.kpis.enter(world.manager, world.plan_id, [(sales, D(2026, 9, 1), 99), (sales, D(2026, 9, 3), 1)])
    services.kpis.enter(world.manager, world.plan_id, before)  # what an undo does
    assert services.kpis.values(sales) == [(D(2026, 9, 1), 10.0), (D(2026, 9, 2), 20.0)]


def test_definitions_and_targets_are_the_managers(services, world, store):
    ops = world.actors["ops"]
    with pytest.raises(PermissionDenied):
        services.kpis.create(ops, world.plan_id, key="aov", name_zh="客单价", name_en="AOV")
    c = services.kpis.create(world.manager, world.plan_id, key="aov", name_zh="客单价",
                             name_en="Average order value", unit="CNY", direction="higher",
                             aggregation="mean", owner_role_id=world.roles["operations"], decimals=2)
    (kpi_id,) = c.ids
    with pytest.raises(ValidationError, match="already has a KPI"):
        services.kpis.create(world.manager, world.plan_id, key="aov", name_zh="x", name_en="x")
    with pytest.raises(ValidationError):
        services.kpis.update(world.manager, kpi_id, direction="sideways")
    services.kpis.update(world.manager, kpi_id, direction="lower", decimals=1)
    info = next(k for k in services.kpis.list(world.plan_id) if k.id == kpi_id)
    assert (info.direction, info.decimals, info.unit) == ("lower", 1, "CNY")
    with pytest.raises(PermissionDenied):
        services.kpis.set_targets(ops, kpi_id, [])
    with pytest.raises(ValidationError, match="above its high"):
        services.kpis.set_targets(world.manager, kpi_id, [dict(period_start=D(2026, 9, 1),
                                                               period_end=D(2026, 9, 30), low=5, high=1)])
    with pytest.raises(ValidationError, match="low or a high"):
        services.kpis.set_targets(world.manager, kpi_id, [dict(period_start=D(2026, 9, 1),
                                                               period_end=D(2026, 9, 30))])
    services.kpis.set_targets(world.manager, kpi_id, [
        dict(period_start=D(2026, 9, 1), period_end=D(2026, 9, 30), low=80, label="9月"),
        dict(period_start=D(2026, 10, 1), period_end=D(2026, 10, 14), low=90, high=120, label="引流第三步")])
    assert [(t.period_start, t.low, t.high, t.label) for t in services.kpis.targets(kpi_id)] == [
        (D(2026, 9, 1), 80, None, "9月"), (D(2026, 10, 1), 90, 120, "引流第三步")]
    services.kpis.delete(world.manager, kpi_id)
    with pytest.raises(NotFound):
        services.kpis.delete(world.manager, kpi_id)


def test_dashboard_cards_periods_and_status(services, world):
    sales, roi, share = world.kpis["sales"], world.kpis["roi"], world.kpis["marketing_share"]
    days = [D(2026, 11, 1) + dt.timedelta(days=i) for i in range(20)]
    entries = [(sales, d, 30_000) for d in days]          # 600,000 by 20 Nov
    entries += [(roi, d, 4.0) for d in days]              # inside 3–5
    entries += [(share, d, 16.0) for d in days]           # above 10–15: 15/16 = 0.9375
    entries += [(sales, D(2026, 9, 1), 100_000)]
    services.kpis.enter(world.manager, world.plan_id, entries)
    board = services.kpis.dashboard(world.plan_id, D(2026, 11, 20))
    cards = {c.kpi.key: c for c in board.cards}
    s = cards["sales"]
    assert (s.period_start, s.period_end, s.actual, s.low) == (D(2026, 11, 1), D(2026, 11, 30), 600_000, 900_000)
    assert s.attainment == pytest.approx(600_000 / 900_000)
    assert s.status == km.ON_TRACK  # exactly on pace: 20/30 of 900k
    assert len(s.spark) == 20
    assert cards["roi"].status == km.ON_TRACK and cards["roi"].attainment == 1.0
    assert cards["marketing_share"].status == km.AT_RISK
    assert cards["marketing_share"].attainment == pytest.approx(15 / 16)
    # a target but no value yet: "no values yet", never "no target" (issue #14)
    assert cards["conversion"].actual is None and cards["conversion"].status == km.NO_DATA
    # daily orders from month 3 (November) are judged against the seed's floor: 30 a day
    assert (cards["daily_orders"].low, cards["daily_orders"].high, cards["daily_orders"].label) == (30, None, "两个月后≥30单/日")
    assert board.sales.actual == 700_000 and board.sales.low == 3_000_000
    assert (board.sales.period_start, board.sales.period_end) == (D(2026, 9, 1), D(2026, 12, 31))
    assert board.with_target == 3 and board.on_track == 2
    assert board.completion == pytest.approx((600_000 / 900_000 + 1 + 15 / 16) / 3)


def test_chart_data_and_marks(services, world):
    sales = world.kpis["sales"]
    services.kpis.enter(world.manager, world.plan_id, [(sales, D(2026, 9, 2), 2), (sales, D(2026, 9, 1), 1)])
    data = services.kpis.chart_data(sales)
    assert data.days == (D(2026, 9, 1), D(2026, 9, 2)) and data.values == (1, 2)
    assert data.targets[0] == km.Band(D(2026, 9, 1), D(2026, 9, 30), 200_000, None)
    phases, milestones = services.kpis.marks(world.plan_id)
    assert [p.name_en for p in phases][:2] == ["Preparation", "Launch (soft launch)"]
    assert milestones and all(m.start == m.end for m in milestones)
    first, last = services.kpis.plan_span(world.plan_id)
    assert first <= D(2026, 8, 1) and last >= D(2026, 12, 31)


def test_only_removals(services, world):
    sales = world.kpis["sales"]
    services.kpis.enter(world.manager, world.plan_id, [(sales, D(2026, 9, 1), 1)])
    c = services.kpis.enter(world.manager, world.plan_id, [(sales, D(2026, 9, 1), None)])
    assert c.kpis and services.kpis.values(sales) == []
