"""The change log is written in the same transaction as the change it records: every
successful write adds exactly one entry, and a write that fails at any point leaves neither
its data nor its entry."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from opsdesk.errors import (
    ConflictError,
    NotFound,
    OpsDeskError,
    PermissionDenied,
    StorageError,
    ValidationError,
)
from opsdesk.services import Changes, Services
from opsdesk.services.base import Service
from opsdesk.services.tasks import NewTask

D = dt.date
LAUNCH = D(2026, 9, 1)

Action = Callable[[Services, Any], Changes]


def _tick_selection(s: Services, w) -> None:
    s.tasks.tick_off(w.actors["ops"], w.tasks["selection"])


# (id, prepare, action, expected (entity, action) of the log entry)
WRITES: list[tuple[str, Callable | None, Action, tuple[str, str]]] = [
    ("tasks.create", None, lambda s, w: s.tasks.create(
        w.manager, w.plan_id, title="New", due=LAUNCH), ("task", "create")),
    ("tasks.update", None, lambda s, w: s.tasks.update(
        w.manager, w.tasks["selection"], title="Renamed", priority="urgent"), ("task", "update")),
    ("tasks.delete", None, lambda s, w: s.tasks.delete(w.manager, w.tasks["tmall_ready"]),
     ("task", "delete")),
    ("tasks.link", None, lambda s, w: s.tasks.link(
        w.manager, w.tasks["team"], w.tasks["logistics"]), ("link", "create")),
    ("tasks.unlink", None, lambda s, w: s.tasks.unlink(
        w.manager, w.tasks["selection"], w.tasks["ms_selection"]), ("link", "delete")),
    ("tasks.bulk_create", None, lambda s, w: s.tasks.bulk_create(
        w.manager, w.plan_id, [NewTask(title=f"b{i}") for i in range(7)], chunk=3),
     ("task", "bulk_create")),
    ("tasks.tick_off", None, lambda s, w: s.tasks.tick_off(
        w.actors["ops"], w.tasks["selection"]), ("task", "done")),
    ("tasks.reopen", _tick_selection, lambda s, w: s.tasks.reopen(
        w.actors["ops"], w.tasks["selection"]), ("task", "reopen")),
    ("tasks.comment", None, lambda s, w: s.tasks.comment(
        w.actors["cs"], w.tasks["selection"], "Hello"), ("comment", "create")),
    ("plans.create_from_template", None, lambda s, w: s.plans.create_from_template(
        w.manager, w.template, D(2027, 3, 1)), ("plan", "create")),
    ("plans.shift", None, lambda s, w: s.plans.shift(w.manager, w.plan_id, -3),
     ("plan", "shift")),
    ("plans.set_launch_date", None, lambda s, w: s.plans.set_launch_date(
        w.manager, w.plan_id, D(2026, 9, 15)), ("plan", "shift")),
    ("plans.update_phase", None, lambda s, w: s.plans.update_phase(
        w.manager, w.phases["growth"], name_zh="成长期"), ("phase", "update")),
    ("people.create_user", None, lambda s, w: s.people.create_user(
        w.manager, "Newbie", "newbie", "warehouse"), ("user", "create")),
    ("people.update_user", None, lambda s, w: s.people.update_user(
        w.manager, w.users["ops2"], role="promotion"), ("user", "update")),
    ("people.create_role", None, lambda s, w: s.people.create_role(
        w.manager, "analyst", "分析", "Analyst"), ("role", "create")),
    ("people.set_password", None, lambda s, w: s.people.set_password(
        w.actors["cs"], w.users["cs"], "secret-cs"), ("user", "password")),
    ("people.set_extra_roles", None, lambda s, w: s.people.set_extra_roles(
        w.manager, w.users["ops2"], [w.roles["designer"], w.roles["planning"]]),
     ("user", "roles")),
    ("kpis.record", None, lambda s, w: s.kpis.record(
        w.actors["ops"], w.kpis["sales"], [(LAUNCH, 1000.0), (D(2026, 9, 2), 2500)]),
     ("kpi_values", "manual")),
]
IDS = [w[0] for w in WRITES]


@pytest.mark.parametrize(("name", "prepare", "action", "logged"), WRITES, ids=IDS)
def test_every_write_adds_exactly_one_entry(services: Services, world, change_count, clock,
                                            snapshot, name, prepare, action, logged):
    if prepare:
        prepare(services, world)
    clock.advance(hours=5)
    before, n = snapshot(), change_count()
    changes = action(services, world)
    assert change_count() == n + 1
    assert snapshot() != before  # the data did change
    entry = services.audit.recent(limit=1)[0]
    assert entry.id == changes.change_id
    assert (entry.entity, entry.action) == logged
    assert entry.at == clock.now
    if name.startswith(("tasks.", "plans.shift", "plans.set", "plans.update", "kpis.")):
        assert changes.plan_id == world.plan_id
        assert entry.id in {r.id for r in services.audit.recent(plan_id=world.plan_id)}


@pytest.mark.parametrize(("name", "prepare", "action", "logged"), WRITES, ids=IDS)
def test_failure_after_the_data_write_rolls_it_back(services: Services, world, snapshot,
                                                    monkeypatch, name, prepare, action, logged):
    """The data is written, then logging fails: nothing of the action may remain."""
    if prepare:
        prepare(services, world)
    before = snapshot()

    def broken_log(self, session, *args, **kwargs):
        raise RuntimeError("the disk caught fire")

    monkeypatch.setattr(Service, "log", broken_log)
    with pytest.raises(RuntimeError, match="caught fire"):
        action(services, world)
    monkeypatch.undo()
    assert snapshot() == before


@pytest.mark.parametrize(("name", "prepare", "action", "logged"), WRITES, ids=IDS)
def test_failure_after_the_log_entry_rolls_both_back(services: Services, world, snapshot,
                                                     monkeypatch, name, prepare, action, logged):
    """The data and the log entry are written, then the action fails before commit."""
    if prepare:
        prepare(services, world)
    before = snapshot()
    real_log = Service.log
    written = []

    def log_then_fail(self, session, *args, **kwargs):
        written.append(real_log(self, session, *args, **kwargs))
        raise RuntimeError("crash just before commit")

    monkeypatch.setattr(Service, "log", log_then_fail)
    with pytest.raises(RuntimeError, match="before commit"):
        action(services, world)
    monkeypatch.undo()
    assert written, "the entry was written inside the transaction"
    assert snapshot() == before


@pytest.mark.sqlite_only  # the refusing trigger is written in SQLite's dialect
@pytest.mark.parametrize(("name", "prepare", "action", "logged"), WRITES, ids=IDS)
def test_database_refusing_the_log_entry_rolls_back(services: Services, world, snapshot,
                                                    name, prepare, action, logged):
    """A real SQLite failure (a trigger aborting the change-log insert), no mocks."""
    if prepare:
        prepare(services, world)
    with services.store.engine.begin() as conn:
        conn.exec_driver_sql("CREATE TRIGGER refuse_log BEFORE INSERT ON changes "
                             "BEGIN SELECT RAISE(ABORT, 'log refused'); END")
    before = snapshot()
    with pytest.raises(StorageError) as info:
        action(services, world)
    assert "log refused" in info.value.message
    assert snapshot() == before


def _stale_update(s: Services, w) -> Changes:
    # someone else saved version 2 in the set-up; this writer still holds version 1
    return s.tasks.update(w.manager, w.tasks["selection"], title="v3", expected_version=1)


FAILURES: list[tuple[str, Action, type[OpsDeskError]]] = [
    ("validation.title", lambda s, w: s.tasks.create(w.manager, w.plan_id, title=" "),
     ValidationError),
    ("validation.update", lambda s, w: s.tasks.update(
        w.manager, w.tasks["selection"], title="ok", due=D(2020, 1, 1)), ValidationError),
    ("validation.cycle", lambda s, w: s.tasks.link(
        w.manager, w.tasks["ms_online"], w.tasks["selection"]), ValidationError),
    ("validation.kpi_value", lambda s, w: s.kpis.record(
        w.manager, w.kpis["sales"], [(LAUNCH, 1.0), (D(2026, 9, 2), float("nan"))]),
     ValidationError),
    ("validation.kpi_text", lambda s, w: s.kpis.record(
        w.manager, w.kpis["sales"], [(LAUNCH, "12")]), ValidationError),
    ("validation.kpi_day", lambda s, w: s.kpis.record(
        w.manager, w.kpis["sales"], [(D(1980, 1, 1), 1.0)]), ValidationError),
    ("validation.login", lambda s, w: s.people.create_user(w.manager, "X", "OPS", "operations"),
     ValidationError),
    ("validation.last_manager", lambda s, w: s.people.update_user(
        w.manager, w.users["manager"], is_manager=False), ValidationError),
    ("validation.shift", lambda s, w: s.plans.shift(w.manager, w.plan_id, 40_000),
     ValidationError),
    ("conflict", _stale_update, ConflictError),
    ("permission.task", lambda s, w: s.tasks.update(
        w.actors["ops"], w.tasks["selection"], title="mine now"), PermissionDenied),
    ("permission.tick", lambda s, w: s.tasks.tick_off(
        w.actors["designer"], w.tasks["selection"]), PermissionDenied),
    ("permission.kpi", lambda s, w: s.kpis.record(
        w.actors["designer"], w.kpis["sales"], [(LAUNCH, 5.0)]), PermissionDenied),
    ("permission.people", lambda s, w: s.people.create_role(
        w.actors["cs"], "x", "x", "x"), PermissionDenied),
    ("not_found.task", lambda s, w: s.tasks.delete(w.manager, 4242), NotFound),
    ("not_found.kpi", lambda s, w: s.kpis.record(w.manager, 4242, [(LAUNCH, 1.0)]), NotFound),
    ("not_found.user", lambda s, w: s.people.update_user(w.manager, 4242, name="x"), NotFound),
]


@pytest.mark.parametrize(("name", "action", "error"), FAILURES, ids=[f[0] for f in FAILURES])
def test_failed_action_leaves_neither_data_nor_log(services: Services, world, snapshot,
                                                   change_count, name, action, error):
    if name == "conflict":
        services.tasks.update(world.manager, world.tasks["selection"], title="v2")
    n, before = change_count(), snapshot()
    with pytest.raises(error):
        action(services, world)
    assert change_count() == n
    assert snapshot() == before


def test_entries_record_before_and_after(services: Services, world):
    task = world.tasks["selection"]
    services.tasks.update(world.manager, task, title="Pick products", due=D(2026, 8, 16))
    entry = services.audit.recent(limit=1)[0]
    assert entry.before == {"title": "选品", "due": "2026-08-15"}
    assert entry.after == {"title": "Pick products", "due": "2026-08-16"}
    assert (entry.user_id, entry.user_name) == (world.users["manager"], "Manager")


def test_passwords_never_reach_the_log(services: Services, world):
    services.people.create_user(world.manager, "Pat", "pat", "planning", password="hunter2!")
    services.people.set_password(world.manager, world.users["cs"], "hunter3!")
    for entry in services.audit.recent(limit=2):
        text = repr((entry.before, entry.after))
        assert "hunter" not in text and "argon2" not in text and "password_hash" not in text
    assert services.audit.recent(limit=1)[0].after == {"has_password": True}


def test_recent_is_newest_first_and_filters_by_plan(services: Services, world, clock):
    other = services.plans.create_from_template(world.manager, world.template, D(2027, 3, 1))
    ids = []
    for i in range(3):
        clock.advance(minutes=1)
        ids.append(services.tasks.comment(world.actors["ops"], world.tasks["selection"],
                                          f"c{i}").change_id)
    services.people.create_role(world.manager, "analyst", "分析", "Analyst")  # no plan
    recent = services.audit.recent(limit=4)
    assert [r.id for r in recent][1:] == ids[::-1]
    assert recent[0].entity == "role"
    mine = services.audit.recent(plan_id=world.plan_id)
    assert {r.id for r in mine} >= set(ids)
    assert other.change_id not in {r.id for r in mine}
    assert [r.id for r in services.audit.recent(plan_id=other.plan_id)] == [other.change_id]
