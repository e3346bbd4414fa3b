"""The Timeline as a team meets it, read by SQLite's quick read (#17): the manager's window
shows the Timeline; a designer ticks off a task from the command line (another process);
the manager moves a bar and undoes it; Refresh reads the whole plan again. Nobody's work is
lost or undone by another's, and what the Timeline shows is what the database holds."""

from __future__ import annotations

import numpy as np

import opsdesk.services.timeline as tl
from opsdesk.services import Services
from opsdesk.store import open_store
from opsdesk.ui.main_window import MainWindow
from tests.integration.test_undo_two_processes import MANAGER_PASSWORD, opsdesk


def test_a_colleagues_tick_and_the_managers_undo_meet_on_the_timeline(
        qtbot, seeded_copy, world, tmp_path):
    from opsdesk.ui.context import AppContext
    from opsdesk.ui.settings import Settings

    db = seeded_copy("timeline-team.db")
    store = open_store(db)
    services = Services(store)
    boss = services.people.authenticate("manager", MANAGER_PASSWORD)
    ctx = AppContext(store=store, services=services, actor=boss, settings=Settings(), lang="zh_CN",
                     plan_id=world.plan_id)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    try:
        timeline = window.show_view("timeline")
        qtbot.waitUntil(lambda: timeline.canvas.data is not None, timeout=10000)
        rows = services.tasks.list(world.plan_id)
        mine = next(t for t in rows if t.status == "todo" and t.assignee_id is None
                    and t.role_id == world.roles["designer"])
        moved = next(t for t in rows if t.status == "todo" and t.start and t.due
                     and t.id != mine.id)

        # the designer, in another process, ticks off one of the designer's tasks
        done = opsdesk(db, "tasks", "done", str(mine.id), "--user", "designer", tmp=tmp_path)
        assert done.returncode == 0, done.stderr
        done_code = tl.STATUS_CODE["done"]
        qtbot.waitUntil(lambda: timeline.canvas.data.status[timeline.task_index(mine.id)]
                        == done_code, timeout=10000)

        # the manager moves another bar by three days in the window, then undoes it
        window.run("Move", lambda: services.schedule.move(boss, [moved.id], 3))
        i = timeline.task_index(moved.id)
        assert timeline.canvas.data.start[i] == moved.start.toordinal() + 3
        window.undo_stack.undo()
        qtbot.waitUntil(lambda: timeline.canvas.data.start[timeline.task_index(moved.id)]
                        == moved.start.toordinal(), timeout=10000)
        assert services.tasks.get(mine.id).status == "done"  # the designer's tick stays

        # Refresh: the whole plan read again (SQLite's quick read) is what the database holds
        window.refresh_all()
        qtbot.waitUntil(lambda: not timeline.refresher.busy, timeout=10000)
        data = timeline.canvas.data
        with store.read() as s:
            portable = tl._portable_columns(s, world.plan_id)
        assert data.title == portable["title"]
        for name in tl.DTYPES:
            assert np.array_equal(getattr(data, name), portable[name]), name
        assert data.status[data.index_of(mine.id)] == done_code
        assert data.start[data.index_of(moved.id)] == moved.start.toordinal()
    finally:
        window.close()
        store.close()
