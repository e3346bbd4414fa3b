"""My work stays short: a routine's missed days fold into one row, can be marked skipped in
one undoable action, and skipped is counted apart (neither done nor overdue); sections run
by calendar week."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

import pytest

from opsdesk.errors import PermissionDenied, ValidationError
from opsdesk.model.rules import collapse_missed, due_section
from opsdesk.services.mywork import list_rows
from tests.conftest import count_changes


class Occ(NamedTuple):
    name: str
    series_id: int | None
    status: str
    due: dt.date | None


FRIDAY = dt.date(2026, 11, 20)


@pytest.mark.parametrize(("due", "expected"), [
    (None, "later"), (FRIDAY - dt.timedelta(days=1), "overdue"), (FRIDAY, "today"),
    (dt.date(2026, 11, 21), "week"), (dt.date(2026, 11, 22), "week"),  # Saturday, Sunday
    (dt.date(2026, 11, 23), "nextweek"),  # next Monday is never "this week"
    (dt.date(2026, 11, 29), "nextweek"), (dt.date(2026, 11, 30), "later"),
])
def test_sections_run_by_calendar_week(due, expected):
    assert due_section(due, FRIDAY) == expected


def test_on_a_sunday_the_rest_of_the_week_is_empty_and_monday_is_next_week():
    sunday = dt.date(2026, 11, 22)
    assert due_section(sunday + dt.timedelta(days=1), sunday) == "nextweek"


def test_missed_days_of_a_routine_fold_into_one_entry_where_the_oldest_was():
    def day(n: int) -> dt.date:
        return FRIDAY + dt.timedelta(days=n)
    tasks = [Occ("r1-13", 1, "todo", day(-13)), Occ("plain", None, "todo", day(-5)),
             Occ("r2-4", 2, "todo", day(-4)), Occ("r1-3", 1, "doing", day(-3)),
             Occ("r1-2 done", 1, "done", day(-2)), Occ("r1-1", 1, "blocked", day(-1)),
             Occ("r1 today", 1, "todo", day(0)), Occ("r1 tomorrow", 1, "todo", day(1))]
    out = [(t.name, [m.name for m in missed]) for t, missed in collapse_missed(tasks, FRIDAY)]
    assert out == [("r1-1", ["r1-13", "r1-3", "r1-1"]), ("plain", []),
                   ("r2-4", []),  # missed once: an ordinary row
                   ("r1-2 done", []), ("r1 today", []), ("r1 tomorrow", [])]
    assert collapse_missed([], FRIDAY) == []


def _routine(services, world, days_back: int, today: dt.date):
    """A daily routine of customer service that started ``days_back`` days before ``today``."""
    services.series.create(world.manager, world.plan_id, title="打印并核对当日订单",
                           rule="FREQ=DAILY", start=today - dt.timedelta(days=days_back),
                           until=today + dt.timedelta(days=10),
                           role_id=world.roles["customer_service"])
    return sorted((t for t in services.tasks.list(world.plan_id) if t.title == "打印并核对当日订单"),
                  key=lambda t: t.due)


def test_staff_skip_their_missed_days_in_one_undoable_action_counted_apart(services, world):
    cs = world.actors["cs"]
    today = world.launch + dt.timedelta(days=20)
    occurrences = _routine(services, world, 13, today)
    before = services.overview.overview(world.plan_id, today)
    rows = list_rows(services.mywork.tasks(world.plan_id, cs, today), today)
    folded = [t for t in rows if t.missed]
    assert len(folded) == 1 and folded[0].missed == 13
    assert folded[0].missed_from == today - dt.timedelta(days=13)
    assert folded[0].due == today - dt.timedelta(days=1)
    assert services.mywork.due_summary(world.plan_id, cs, today)[1] >= 1  # today's occurrence

    missed = [t.id for t in occurrences if t.due < today]
    logged = count_changes(services.store)
    changes = services.tasks.skip(cs, missed)
    assert count_changes(services.store) == logged + 1  # one action, one undo step
    assert changes.ids == frozenset(missed)
    assert {services.tasks.get(i).status for i in missed} == {"skipped"}
    assert all(services.tasks.get(i).done_at is None for i in missed)

    rows = list_rows(services.mywork.tasks(world.plan_id, cs, today), today)
    assert not any(t.missed or t.id in missed for t in rows)
    after = services.overview.overview(world.plan_id, today)
    assert after.counts.get("skipped") == 13
    assert after.counts.get("done", 0) == before.counts.get("done", 0)  # not done
    assert after.overdue_total == before.overdue_total - 13  # not overdue

    services.history.revert(cs, changes.change_id)  # staff undo their own skip
    assert {services.tasks.get(i).status for i in missed} == {"todo"}


def test_skipping_is_refused_for_other_peoples_work_and_for_ordinary_tasks(services, world):
    today = world.launch + dt.timedelta(days=20)
    occurrences = _routine(services, world, 3, today)
    missed = [t.id for t in occurrences if t.due < today]
    logged = count_changes(services.store)
    with pytest.raises(PermissionDenied):
        services.tasks.skip(world.actors["designer"], missed)
    plain = next(t for t in services.tasks.list(world.plan_id)
                 if t.role_id == world.roles["customer_service"] and t.status == "todo"
                 and t.title != "打印并核对当日订单")
    with pytest.raises(ValidationError):
        services.tasks.skip(world.actors["cs"], [missed[0], plain.id])
    services.tasks.tick_off(world.actors["cs"], missed[0])
    with pytest.raises(ValidationError):  # done is not skipped
        services.tasks.skip(world.actors["cs"], missed[:2])
    assert count_changes(services.store) == logged + 1  # only the tick-off
    assert {services.tasks.get(i).status for i in missed[1:]} == {"todo"}
