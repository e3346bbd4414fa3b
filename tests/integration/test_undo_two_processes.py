"""Undo as a team meets it: two processes on one file. Process A is the manager's real main
window (this test process, with its undo stack); process B is a colleague's separate
process (the CLI, or a second Python process). A's undo never removes or overwrites what B
wrote since: it refuses, naming B and the task, and changes nothing."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from opsdesk.services import Services
from opsdesk.store import open_store
from opsdesk.ui import undo as undo_module
from opsdesk.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
MANAGER_PASSWORD = "manager-pw"


def opsdesk(db: Path, *args: str, password: str = "", tmp: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "OPSDESK_PASSWORD": password,
           "OPSDESK_LOG_DIR": str(tmp / "logs"), "OPSDESK_DATA_DIR": str(tmp / "data")}
    result = subprocess.run([sys.executable, "-m", "opsdesk", "--db", str(db), *args],
                            capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert "Traceback" not in result.stderr, result.stderr
    return result


def python(db: Path, code: str) -> None:
    """A second process acting through the services."""
    script = textwrap.dedent(f"""
        from opsdesk.services import Services
        from opsdesk.store import open_store
        store = open_store({str(db)!r})
        sv = Services(store)
    """) + textwrap.dedent(code) + "\nstore.close()\n"
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr


@pytest.fixture
def shown(monkeypatch):
    errors: list = []
    monkeypatch.setattr(undo_module, "show_error", lambda parent, exc: errors.append(exc))
    return errors


@pytest.fixture
def manager_window(qtbot, seeded_copy, tmp_path):
    from opsdesk.ui.context import AppContext
    from opsdesk.ui.settings import Settings

    db = seeded_copy("team.db")
    store = open_store(db)
    services = Services(store)
    actor = services.people.authenticate("manager", MANAGER_PASSWORD)
    ctx = AppContext(store=store, services=services, actor=actor, settings=Settings(),
                     lang="en")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    yield db, ctx, window
    window.close()
    store.close()


def test_undo_of_a_create_refuses_after_a_colleague_ticked_it_off(manager_window, world,
                                                                 tmp_path, shown, dump_store):
    db, ctx, window = manager_window
    created = window.run("New task", lambda: ctx.services.tasks.create(
        ctx.actor, world.plan_id, title="双11活动页面", role_id=world.roles["designer"],
        assignee_id=world.users["designer"], due=world.launch))
    task_id = next(iter(created.ids))
    done = opsdesk(db, "tasks", "done", str(task_id), "--user", "designer", tmp=tmp_path)
    assert done.returncode == 0, done.stderr
    before = dump_store(ctx.store)
    window.undo_stack.undo()  # the manager's Ctrl+Z: "create task"
    assert shown and "Designer" in shown[-1].message and "双11活动页面" in shown[-1].message
    assert dump_store(ctx.store) == before
    assert ctx.services.tasks.get(task_id).status == "done"
    # a redo after the refused undo does nothing harmful: the command is gone
    assert window.undo_stack.count() == 0 and not window.undo_stack.canRedo()
    window.undo_stack.redo()
    assert dump_store(ctx.store) == before


def test_bulk_assign_undo_reports_a_colleagues_edit_and_changes_nothing(manager_window, world,
                                                                        tmp_path, shown,
                                                                        dump_store):
    db, ctx, window = manager_window
    for n in range(10):  # the seeded plan holds 44 open tasks
        ctx.services.tasks.create(ctx.actor, world.plan_id, title=f"补充任务{n}")
    ids = [t.id for t in ctx.services.tasks.list(world.plan_id) if t.status != "done"][:50]
    assert len(ids) == 50
    window.run("Assign 50", lambda: ctx.services.tasks.bulk_update(
        ctx.actor, ids, assignee_id=world.users["promo"]))
    python(db, f"""
        ops = sv.people.authenticate("manager", {MANAGER_PASSWORD!r})
        sv.tasks.update(ops, {ids[17]}, title="B 改了标题")
    """)
    before = dump_store(ctx.store)
    window.undo_stack.undo()
    assert shown and "nothing was undone" in shown[-1].message
    assert dump_store(ctx.store) == before
    assert {ctx.services.tasks.get(i).assignee_id for i in ids} == {world.users["promo"]}


def test_undo_then_redo_in_the_window_while_another_process_works_elsewhere(
        manager_window, world, tmp_path, shown):
    db, ctx, window = manager_window
    ids = [t.id for t in ctx.services.tasks.list(world.plan_id) if t.status != "done"][:3]
    window.run("Rename", lambda: ctx.services.tasks.update(ctx.actor, ids[0], title="甲"))
    python(db, f"""
        ops = sv.people.authenticate("manager", {MANAGER_PASSWORD!r})
        sv.tasks.update(ops, {ids[1]}, title="乙")  # another task: no conflict
    """)
    window.undo_stack.undo()
    assert ctx.services.tasks.get(ids[0]).title != "甲"
    window.undo_stack.redo()
    assert ctx.services.tasks.get(ids[0]).title == "甲"
    assert ctx.services.tasks.get(ids[1]).title == "乙" and not shown


def test_cli_undo_works_and_refuses_on_conflict(seeded_copy, world, tmp_path):
    db = seeded_copy("cli.db")
    task = world.tasks["selection"]
    python(db, f"""
        boss = sv.people.authenticate("manager", {MANAGER_PASSWORD!r})
        sv.tasks.update(boss, {task}, priority="urgent")
    """)
    undone = opsdesk(db, "undo", "--user", "manager", password=MANAGER_PASSWORD, tmp=tmp_path)
    assert undone.returncode == 0, undone.stderr
    listed = opsdesk(db, "undo", "--list", "--user", "manager", password=MANAGER_PASSWORD,
                     tmp=tmp_path)
    assert "undone" in listed.stdout
    # the manager's next action, then a colleague ticks the task off, then undo: refused
    python(db, f"""
        boss = sv.people.authenticate("manager", {MANAGER_PASSWORD!r})
        sv.tasks.update(boss, {task}, assignee_id=None)
        ops = sv.people.authenticate("ops")
        sv.tasks.tick_off(ops, {task})
    """)
    refused = opsdesk(db, "undo", "--user", "manager", password=MANAGER_PASSWORD, tmp=tmp_path)
    assert refused.returncode == 1
    assert "Ops changed" in refused.stderr and "nothing was undone" in refused.stderr
    store = open_store(db)
    try:
        assert Services(store).tasks.get(task).status == "done"
    finally:
        store.close()
    # staff cannot undo the manager's action
    staff = opsdesk(db, "undo", "--user", "ops", tmp=tmp_path)
    assert staff.returncode == 0  # ops undoes their own tick-off …
    store = open_store(db)
    try:
        assert Services(store).tasks.get(task).status != "done"
        boss_change = Services(store).history.undoable(
            Services(store).people.authenticate("manager", MANAGER_PASSWORD))[0].change_id
    finally:
        store.close()
    other = opsdesk(db, "undo", "--change", str(boss_change), "--user", "ops", tmp=tmp_path)
    assert other.returncode == 1 and "Only" in other.stderr
