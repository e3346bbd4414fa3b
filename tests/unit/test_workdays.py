"""China's working calendar (model/workdays.py) against the chinesecalendar package, and
working-day shifts in the schedule service."""

from __future__ import annotations

import datetime as dt

import chinese_calendar
import pytest

from opsdesk.model import workdays as wd

D = dt.date


def test_2025_national_day_and_its_make_up_days_match_the_library():
    first, last = wd.covered_years()
    assert first <= 2025 <= last
    for i in range(1, 9):  # 1–8 October 2025: National Day with Mid-Autumn
        day = D(2025, 10, i)
        info = wd.day_info(day)
        assert info.kind == "holiday" and not wd.is_workday(day)
        on_holiday, name = chinese_calendar.get_holiday_detail(day)
        assert on_holiday and info.name_en == name
    assert wd.holiday_name(D(2025, 10, 1), "zh_CN") == "国庆节"
    assert wd.holiday_name(D(2025, 10, 1), "en") == "National Day"
    for day in (D(2025, 9, 28), D(2025, 10, 11)):  # a Sunday and a Saturday worked (调休)
        assert day.weekday() >= 5
        assert wd.day_info(day).kind == "makeup" and wd.is_workday(day)
        assert chinese_calendar.is_workday(day)
    assert wd.day_info(D(2025, 10, 12)).kind == "weekend"  # an ordinary Sunday
    assert wd.day_info(D(2025, 10, 9)).kind == "workday"


def test_the_whole_covered_range_agrees_with_the_library():
    first, last = wd.covered_years()
    day = D(first, 1, 1)
    while day.year <= last:
        assert wd.is_workday(day) == chinese_calendar.is_workday(day), day
        day += dt.timedelta(days=1)


def test_outside_the_library_years_only_weekends_are_off():
    _, last = wd.covered_years()
    year = last + 2
    with pytest.raises(NotImplementedError):
        chinese_calendar.is_workday(D(year, 10, 1))
    assert not wd.covers(D(year, 10, 1))
    oct1 = D(year, 10, 1)
    assert wd.is_workday(oct1) == (oct1.weekday() < 5)
    assert wd.holiday_name(oct1) is None


def test_working_day_arithmetic_across_national_day_2025():
    assert wd.add_workdays(D(2025, 9, 30), 1) == D(2025, 10, 9)   # over the holiday
    assert wd.add_workdays(D(2025, 10, 9), -1) == D(2025, 9, 30)
    assert wd.add_workdays(D(2025, 10, 10), 1) == D(2025, 10, 11)  # a make-up Saturday
    assert wd.add_workdays(D(2025, 10, 10), 0) == D(2025, 10, 10)
    assert wd.workdays_between(D(2025, 9, 30), D(2025, 10, 9)) == 1
    assert wd.workdays_between(D(2025, 9, 30), D(2025, 10, 3)) == 1  # dropped on a holiday
    assert wd.workdays_between(D(2025, 10, 9), D(2025, 9, 30)) == -1
    assert wd.workday_count(D(2025, 9, 28), D(2025, 10, 12)) == 6  # 28, 29, 30, 9, 10, 11
    assert wd.next_workday(D(2025, 10, 4)) == D(2025, 10, 9)
    for n in (-7, -1, 3, 12):
        start = D(2025, 9, 26)
        assert wd.workdays_between(start, wd.add_workdays(start, n)) == n


def test_schedule_move_in_working_days(services, world):
    tasks = [t for t in services.tasks.list(world.plan_id) if t.start and t.due
             and t.start != t.due and t.status != "done"]
    task = tasks[0]
    n = 3
    done = services.schedule.move(world.manager, [task.id], n, working_days=True)
    moved = services.tasks.get(task.id)
    assert moved.start == wd.add_workdays(task.start, n)
    assert moved.due == wd.add_workdays(task.due, n)
    if wd.is_workday(task.start) and wd.is_workday(task.due):
        assert (wd.workday_count(moved.start, moved.due)
                == wd.workday_count(task.start, task.due))
    services.history.revert(world.manager, done.change_id)
    back = services.tasks.get(task.id)
    assert (back.start, back.due) == (task.start, task.due)
    services.schedule.move(world.manager, [task.id], n)  # calendar days, as before
    plain = services.tasks.get(task.id)
    assert plain.start == task.start + dt.timedelta(days=n)


def test_a_bulk_reschedule_in_working_days_skips_national_day(services, world):
    """The Tasks view's Reschedule… with the working-days option: 2 working days from
    30 Sep 2025 is 10 Oct (1–8 Oct are the holiday; 9 Oct is the first working day), not
    2 Oct; undo puts them back."""
    tasks = [t for t in services.tasks.list(world.plan_id) if t.due and t.status != "done"][:3]
    for t in tasks:
        services.tasks.update(world.manager, t.id, start=None, due=dt.date(2025, 9, 30))
    ids = [t.id for t in tasks]
    done = services.tasks.bulk_shift(world.manager, ids, 2, working_days=True)
    assert {services.tasks.get(i).due for i in ids} == {dt.date(2025, 10, 10)}
    services.history.revert(world.manager, done.change_id)
    assert {services.tasks.get(i).due for i in ids} == {dt.date(2025, 9, 30)}
    services.tasks.bulk_shift(world.manager, ids, 2)  # calendar days, as before
    assert {services.tasks.get(i).due for i in ids} == {dt.date(2025, 10, 2)}
