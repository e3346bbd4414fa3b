"""The weekly report's data: the week is the local Monday to Sunday (done_at is kept in
UTC), and "done this week" says who ticked each task off."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from opsdesk.services.report import ReportService


@pytest.fixture
def shanghai(monkeypatch):
    """The machine's zone is UTC+8 for the test (the office PC in China)."""
    if not hasattr(time, "tzset"):
        pytest.skip("needs time.tzset (POSIX)")
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def _assigned_task(services, world) -> tuple[int, str]:
    staff = next(a for a in world.actors.values() if not a.is_manager)
    task_id = next(t.id for t in services.tasks.list(world.plan_id) if t.status != "done")
    services.tasks.update(world.manager, task_id, assignee_id=staff.user_id)
    return task_id, staff.name


def test_the_week_is_local_and_names_who_ticked_it_off(services, world, clock, shanghai):
    task_id, assignee = _assigned_task(services, world)
    # Sunday 22 Nov 20:00 UTC is Monday 23 Nov 04:00 in Shanghai: next week's work
    clock.now = dt.datetime(2026, 11, 22, 20, 0)
    services.tasks.tick_off(world.manager, task_id)
    report = ReportService(services.store)
    week47 = report.weekly(services, world.plan_id, dt.date(2026, 11, 16), dt.date(2026, 11, 20))
    week48 = report.weekly(services, world.plan_id, dt.date(2026, 11, 23), dt.date(2026, 11, 23))
    assert task_id not in {t.id for t in week47.done}
    done = next(t for t in week48.done if t.id == task_id)
    assert done.done_by == world.manager.name and done.person == assignee
    assert week48.today == dt.date(2026, 11, 23)


def test_today_is_clamped_into_the_week(services, world):
    report = ReportService(services.store)
    data = report.weekly(services, world.plan_id, dt.date(2026, 11, 16), dt.date(2027, 1, 5))
    assert data.today == dt.date(2026, 11, 22)
    data = report.weekly(services, world.plan_id, dt.date(2026, 11, 16), dt.date(2026, 1, 5))
    assert data.today == dt.date(2026, 11, 16)
