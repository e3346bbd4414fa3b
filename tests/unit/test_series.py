"""Routines: RRULE occurrences are ordinary tasks; edits by "this one / this and later / all"."""

from __future__ import annotations

import datetime as dt

import pytest

from opsdesk.errors import ConflictError, PermissionDenied, ValidationError
from opsdesk.services.series import make_rule, occurrence_dates, parse_rule

SEP1, SEP30 = dt.date(2026, 9, 1), dt.date(2026, 9, 30)


def _daily(services, plan, actors, **extra):
    changes = services.series.create(actors["manager"], plan, title="核对订单", rule="FREQ=DAILY",
                                     start=SEP1, until=SEP30, **extra)
    return sorted((services.tasks.get(i) for i in changes.ids), key=lambda t: t.due)


def test_rules():
    assert len(occurrence_dates("FREQ=DAILY", SEP1, SEP30)) == 30
    weekdays = occurrence_dates(make_rule("weekdays", ("MO", "TH")), SEP1, SEP30)
    assert {d.weekday() for d in weekdays} == {0, 3} and len(weekdays) == 8
    assert len(occurrence_dates(make_rule("weekly"), SEP1, SEP30)) == 5
    assert occurrence_dates(make_rule("monthly", monthday=-1), SEP1, dt.date(2026, 11, 30)) == [
        dt.date(2026, 9, 30), dt.date(2026, 10, 31), dt.date(2026, 11, 30)]
    assert parse_rule("FREQ=WEEKLY;BYDAY=MO,TH") == ("weekdays", ("MO", "TH"), None)
    assert parse_rule("FREQ=MONTHLY;BYMONTHDAY=5") == ("monthly", (), 5)
    with pytest.raises(ValidationError):
        occurrence_dates("FREQ=SOMETIMES", SEP1, SEP30)


def test_daily_routine_over_september_yields_30_tasks(services, plan, actors):
    before = len(services.tasks.list(plan))
    tasks = _daily(services, plan, actors, role_id=None)
    assert len(tasks) == 30 and len(services.tasks.list(plan)) == before + 30
    assert [t.due for t in tasks] == [SEP1 + dt.timedelta(days=i) for i in range(30)]
    assert all(t.status == "todo" and t.title == "核对订单" for t in tasks)
    services.tasks.tick_off(actors["manager"], tasks[4].id)  # ticking one leaves the rest open
    statuses = [services.tasks.get(t.id).status for t in tasks]
    assert statuses.count("done") == 1 and statuses[4] == "done"


def test_this_and_later_edits_only_the_later_ones(services, plan, actors):
    tasks = _daily(services, plan, actors)
    middle = tasks[14]  # 15 Sep
    services.series.edit(actors["manager"], middle.id, "later", title="核对并打印订单")
    titles = [services.tasks.get(t.id).title for t in tasks]
    assert titles[:14] == ["核对订单"] * 14 and titles[14:] == ["核对并打印订单"] * 16
    services.series.edit(actors["manager"], tasks[2].id, "one", title="只改这一天")
    assert [services.tasks.get(t.id).title for t in tasks[1:4]] == [
        "核对订单", "只改这一天", "核对订单"]
    services.series.edit(actors["manager"], tasks[0].id, "all", priority="high")
    assert {services.tasks.get(t.id).priority for t in tasks} == {"high"}


def test_routine_edits_refuse_a_stale_version_and_change_nothing(services, plan, actors):
    tasks = _daily(services, plan, actors)
    seen = tasks[14]
    services.tasks.update(actors["manager"], seen.id, notes="someone else was first")
    with pytest.raises(ConflictError):
        services.series.edit(actors["manager"], seen.id, "later", expected_version=seen.version,
                             title="核对并打印订单")
    with pytest.raises(ConflictError):
        services.series.change_rule(actors["manager"], seen.id, "all", "FREQ=DAILY",
                                    SEP1 + dt.timedelta(days=1), SEP30,
                                    expected_version=seen.version)
    assert [services.tasks.get(t.id).title for t in tasks] == ["核对订单"] * 30
    assert [services.tasks.get(t.id).due for t in tasks] == [t.due for t in tasks]
    current = services.tasks.get(seen.id).version  # the version it has now goes through
    services.series.edit(actors["manager"], seen.id, "one", expected_version=current, title="新")
    assert services.tasks.get(seen.id).title == "新"


def test_rule_change_this_and_later_keeps_the_earlier_and_done(services, plan, actors):
    tasks = _daily(services, plan, actors)
    sid = services.series.series_of(tasks[0].id)
    services.tasks.tick_off(actors["manager"], tasks[20].id)  # 21 Sep, done: kept as history
    ruled = services.series.change_rule(actors["manager"], tasks[14].id, "later",
                                        make_rule("weekdays", ("MO",)), tasks[14].due, SEP30)
    old = services.series.occurrences(sid)
    assert [t.due for t in old] == [t.due for t in tasks[:14]]
    new_sid = services.series.series_of(tasks[20].id)
    new = services.series.occurrences(new_sid)
    assert new_sid != sid
    assert {t.due for t in new} == {dt.date(2026, 9, 21), dt.date(2026, 9, 28)}
    assert sum(t.status == "done" for t in new) == 1  # the done Monday was not duplicated
    services.history.revert(actors["manager"], ruled.change_id)  # the undo
    assert [t.due for t in services.series.occurrences(sid)] == [t.due for t in tasks]


def test_staff_cannot_create_routines(services, plan, actors):
    staff = next(a for a in actors.values() if not a.is_manager)
    with pytest.raises(PermissionDenied):
        services.series.create(staff, plan, title="x", rule="FREQ=DAILY", start=SEP1, until=SEP30)


def test_template_routines_in_a_new_plan(services, actors):
    from opsdesk.templates import load_template

    template = load_template("ecommerce-launch")
    assert [r.key for r in template.routines] == ["daily_orders", "follow_up_calls",
                                                  "team_meeting", "data_review",
                                                  "monthly_summary"]
    plan_id = services.plans.create_from_template(actors["manager"], template, SEP1,
                                                  name="routines", routines=True).plan_id
    routine = services.series.snapshot(plan_id).tasks
    daily = [t for t in routine if t["title"] == "打印并核对当日订单"]
    assert len(daily) == 122 and len(routine) == 122 + 17 + 4 + 4 + 4
    meetings = sorted(t["due"] for t in routine if t["title"] == "月度例会")
    assert len(meetings) == 4 and all(d.weekday() == 0 and d.day <= 7 for d in meetings)
    calls = [t["due"] for t in routine if t["title"] == "客服回访"]
    assert len(calls) == 17 and all(d.weekday() == 2 for d in calls)
    reviews = [t["due"] for t in routine if t["title"] == "月度数据复盘"]
    assert len(reviews) == 4 and all(d.weekday() == 4 and d.day > 24 for d in reviews)


def test_rule_changes_and_restores_name_what_they_remove(services, plan, actors):
    tasks = _daily(services, plan, actors)
    old = {t.id for t in tasks}
    sid = services.series.series_of(tasks[0].id)  # ("all" keeps the routine, remakes its days)
    changes = services.series.change_rule(actors["manager"], tasks[0].id, "all",
                                          make_rule("weekly"), SEP1, SEP30)
    new = {t.id for t in services.series.occurrences(sid)}
    assert len(new) == 5 and changes.ids == old | new  # the removed ones too
    undone = services.history.revert(actors["manager"], changes.change_id)
    assert (old ^ new) <= undone.ids  # every occurrence it removed or made again


def test_monthly_rules_as_the_template_writes_them():
    from opsdesk.services.series import parse_monthly

    rule = make_rule("monthly", nth=1, weekday="MO")
    assert rule == "FREQ=MONTHLY;BYDAY=+1MO"
    assert occurrence_dates(rule, SEP1, dt.date(2026, 11, 30)) == [
        dt.date(2026, 9, 7), dt.date(2026, 10, 5), dt.date(2026, 11, 2)]
    for spelling in (rule, "FREQ=MONTHLY;BYDAY=1MO", "FREQ=MONTHLY;BYDAY=MO;BYSETPOS=1"):
        assert parse_monthly(spelling) == ("nth", 1, "MO")
        assert occurrence_dates(spelling, SEP1, dt.date(2026, 11, 30))[0] == dt.date(2026, 9, 7)
    assert parse_monthly("FREQ=MONTHLY;BYMONTHDAY=-1") == ("last", -1, None)
    assert parse_monthly("FREQ=MONTHLY;BYMONTHDAY=5") == ("day", 5, None)
    assert parse_monthly("FREQ=MONTHLY;BYDAY=-1FR") == ("nth", -1, "FR")
    with pytest.raises(ValidationError):
        make_rule("monthly", nth=9, weekday="MO")
