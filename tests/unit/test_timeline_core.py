"""The timeline's pure parts and its service reads/writes: scale, layout, load, schedule.move."""

from __future__ import annotations

import datetime as dt

import pytest

from opsdesk.errors import ConflictError, PermissionDenied, ValidationError
from opsdesk.services import Services
from opsdesk.services.timeline import NO_DAY, from_day
from opsdesk.ui.timeline import scale as sc
from opsdesk.ui.timeline.layout import UNSCHEDULED, build
from tests.conftest import count_changes, dump


def test_scale_maps_days_to_x_and_back():
    s = sc.Scale(dt.date(2026, 9, 1).toordinal(), 14.0)
    day = dt.date(2026, 9, 11).toordinal()
    assert s.x(day) == 140.0 and s.day_at(140.0) == day and s.day_at(153.9) == day


def test_zoom_keeps_the_day_under_the_anchor():
    s = sc.Scale(700_000, 14.0)
    offset, anchor = 1234.0, 300.0
    day = s.day(offset + anchor)
    z, new_offset = s.zoomed(36.0, anchor, offset)
    assert z.day(new_offset + anchor) == pytest.approx(day)
    assert s.zoomed(1000, anchor, offset)[0].ppd == sc.MAX_PPD


def test_header_tiers_follow_the_zoom():
    first, last = dt.date(2026, 8, 30).toordinal(), dt.date(2026, 10, 2).toordinal()
    upper, lower = sc.tiers(first, last, 36)
    assert [u.kind for u in upper] == ["month"] * 3 and lower[0].kind == "day"
    upper, lower = sc.tiers(first, last, 14)
    assert lower[0].kind == "week" and dt.date.fromordinal(lower[0].start).weekday() == 0
    upper, lower = sc.tiers(first, last, 1)
    assert upper[0].kind == "year" and [t.kind for t in lower] == ["month"] * 3
    assert sc.level_for(13) == "week" and sc.level_for(1.0) == "quarter"
    assert all(dt.date.fromordinal(d).weekday() >= 5 for d in sc.weekend_days(first, last))


def test_load_and_layout_group_every_task_once(store, world):
    sv = Services(store)
    sv.tasks.create(world.manager, world.plan_id, title="no dates")
    data = sv.timeline.load(world.plan_id)
    assert len(data) == len(sv.tasks.list(world.plan_id))
    for mode in ("phase", "role", "person"):
        lay = build(data, mode)
        shown = lay.row_task[lay.row_task >= 0]
        assert len(set(shown.tolist())) == shown.size == len(data)  # no routines here
        assert (lay.task_row >= 0).all()
        assert lay.groups[-1].key == UNSCHEDULED
    lay = build(data, "phase", frozenset({world.phases["launch"]}))
    g = next(g for g in lay.groups if g.key == world.phases["launch"])
    assert g.collapsed and g.count > 0
    hidden = data.phase == world.phases["launch"]
    assert (lay.task_row[hidden & (lay.d0 != NO_DAY)] == -1).all()


def test_schedule_move_is_all_or_nothing_and_logged(store, world):
    sv = Services(store)
    ids = list(world.tasks.values())[:5]
    before = {i: sv.tasks.get(i) for i in ids}
    n = count_changes(store)
    sv.schedule.move(world.manager, ids, 4)
    assert count_changes(store) == n + 1
    for i in ids:
        t = sv.tasks.get(i)
        assert t.start == before[i].start + dt.timedelta(days=4) and t.version == before[i].version + 1
    snapshot = dump(store)
    with pytest.raises(ConflictError):
        sv.schedule.move(world.manager, ids, 1, {ids[0]: before[ids[0]].version})
    with pytest.raises(PermissionDenied):
        sv.schedule.move(world.actors[next(k for k, a in world.actors.items() if not a.is_manager)],
                         ids, 1)
    undated = sv.tasks.create(world.manager, world.plan_id, title="x")
    snapshot = dump(store)
    with pytest.raises(ValidationError):
        sv.schedule.move(world.manager, [*ids, next(iter(undated.ids))], 1)
    with pytest.raises(ValidationError):
        sv.schedule.move(world.manager, ids, 400 * 365)  # beyond 2100
    assert dump(store) == snapshot


def test_successors_are_found_transitively(store, world):
    sv = Services(store)
    data = sv.timeline.load(world.plan_id)
    pred = int(data.link_pred[0])
    direct = set(data.link_succ[data.link_pred == pred].tolist())
    assert direct <= set(data.successors(pred)) and pred not in data.successors(pred)
    assert from_day(data.launch) == world.launch


def test_the_timeline_read_streams_its_rows(services, world, monkeypatch):
    """The portable read takes the plan's tasks ``CHUNK`` rows at a time (yield_per): without it the ORM
    builds every row in one C call on the first chunk, holding the GIL, and the GUI thread
    froze 100–120 ms while a 100k-task timeline refreshed in the background (issue #19)."""
    from sqlalchemy.orm import Session

    import opsdesk.services.timeline as tl

    seen = []
    original = Session.execute

    def spy(self, statement, *args, **kwargs):
        seen.append(statement.get_execution_options().get("yield_per"))
        return original(self, statement, *args, **kwargs)

    monkeypatch.setattr(Session, "execute", spy)
    monkeypatch.setattr(tl, "CHUNK", 7)
    data = services.timeline.load(world.plan_id)
    sqlite = services.store.engine.dialect.name == "sqlite"
    assert (7 not in seen) == sqlite  # (SQLite: the quick read, one row of texts)
    monkeypatch.setattr(tl, "_sqlite_columns", lambda s, plan_id: None)  # (as PostgreSQL)
    again = services.timeline.load(world.plan_id)
    assert 7 in seen  # (the tasks' statement; the small ones need no streaming)
    assert len(data) == len(again) == len(services.tasks.list(world.plan_id))


def _timeline_variety(services, world):
    """Tasks of every kind the timeline draws: undated, milestones, subtasks, a routine's
    occurrences, every status, people and roles, a task in no phase."""
    boss = world.manager
    tasks = services.tasks
    tasks.create(boss, world.plan_id, title="no dates, no phase")
    parent = tasks.list(world.plan_id)[0]
    tasks.create(boss, world.plan_id, title="子任务", parent_id=parent.id, phase_id=parent.phase_id,
                 start=dt.date(2026, 8, 3), due=dt.date(2026, 8, 9), assignee_id=world.users["ops"])
    services.series.create(boss, world.plan_id, title="打印并核对当日订单", rule="FREQ=DAILY",
                           start=dt.date(2026, 9, 1), until=dt.date(2026, 9, 10))
    rows = tasks.list(world.plan_id)
    for row, status in zip(rows[1::5], ("doing", "done", "blocked", "cancelled", "skipped"),
                           strict=False):
        tasks.update(boss, row.id, status=status)


def test_the_quick_timeline_read_is_the_portable_read(services, world):
    """On SQLite the timeline is read in one row of texts (no Python object per value, #17);
    it gives exactly what the row-by-row read gives, dates as ordinals, statuses as codes."""
    import numpy as np

    import opsdesk.services.timeline as tl

    if services.store.engine.dialect.name != "sqlite":
        pytest.skip("SQLite's quick read (PostgreSQL reads row by row)")
    _timeline_variety(services, world)
    with services.store.read() as s:
        quick = tl._sqlite_columns(s, world.plan_id)
        portable = tl._portable_columns(s, world.plan_id)
    assert quick is not None and set(quick) == set(portable)
    for name, column in portable.items():
        if name == "title":
            assert quick[name] == column
        else:
            assert quick[name].dtype == column.dtype, name
            assert np.array_equal(quick[name], column), name
    data = services.timeline.load(world.plan_id)
    assert data.title == portable["title"] and np.array_equal(data.due, portable["due"])
    assert (data.series != 0).sum() == 10 and (data.start == NO_DAY).any()
    assert set(data.status.tolist()) >= {0, 1, 2, 3, 4, 5} and data.milestone.any()
    with services.store.read() as s:  # a plan without tasks
        empty = tl._sqlite_columns(s, 10**6)
    assert empty is not None and empty["id"].size == 0 and empty["title"] == []


@pytest.mark.parametrize("values", [{"title": "a\x1fb"}, {"version": -1},
                                    {"version": 1 << 31}, {"version": 1 << 33}])
def test_a_task_that_does_not_fit_the_quick_timeline_read_reads_portably(services, world,
                                                                          values):
    from sqlalchemy import update

    import opsdesk.services.timeline as tl
    from opsdesk.model import Task

    if services.store.engine.dialect.name != "sqlite":
        pytest.skip("SQLite's quick read (PostgreSQL reads row by row)")
    task = services.tasks.list(world.plan_id)[3]
    with services.store.write() as s:
        s.execute(update(Task).where(Task.id == task.id).values(**values))
    with services.store.read() as s:
        assert tl._sqlite_columns(s, world.plan_id) is None
    if values.get("version", 0) >= 1 << 31:  # (the portable read refuses it as ever)
        with pytest.raises(OverflowError):
            services.timeline.load(world.plan_id)
        return
    data = services.timeline.load(world.plan_id)
    i = data.index_of(task.id)
    assert i is not None and len(data) == len(services.tasks.list(world.plan_id))
    if "title" in values:
        assert data.title[i] == "a\x1fb"
    else:
        assert int(data.version[i]) == values["version"]
