"""A big plan import as a team meets it (issue #17): the manager imports a Planner file in the
real window (File ▸ Import plan's dialog, off the GUI thread), whose commit leaves copying
the WAL into the file to the store's own thread (``store.engine.defer_checkpoint``). A
designer in another process (the CLI) ticks off one of the new tasks meanwhile; the
manager's undo of the import from the command line is refused and loses nothing; the
manager's own next edit in the window stays too; once the window's store is closed, the
database file alone holds all of it."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing

from opsdesk.services import Services
from opsdesk.services import imports as imports_module
from opsdesk.store import open_store
from opsdesk.ui.dialogs.interchange import ImportPlanDialog
from opsdesk.ui.main_window import MainWindow
from tests.integration.test_import_checkpoint import _autocheckpoint
from tests.integration.test_undo_two_processes import MANAGER_PASSWORD, opsdesk
from tests.unit.test_import_stream import planner_text

TASKS = 3000


def test_a_big_import_in_the_window_keeps_a_colleagues_tick_and_everything_reaches_the_file(
        qtbot, seeded_copy, world, tmp_path, monkeypatch):
    from opsdesk.ui.context import AppContext
    from opsdesk.ui.settings import Settings

    monkeypatch.setattr(imports_module, "DEFER_INDEXES_FROM", 500)  # the bulk path
    db = seeded_copy("team.db")
    store = open_store(db)
    _autocheckpoint(store, 1)  # every commit would copy the WAL: what a big import's does
    services = Services(store)
    boss = services.people.authenticate("manager", MANAGER_PASSWORD)
    ctx = AppContext(store=store, services=services, actor=boss, settings=Settings(), lang="en")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    tasks_before = len(services.tasks.list(world.plan_id))
    started = []
    real_soon = type(store).checkpoint_soon
    monkeypatch.setattr(type(store), "checkpoint_soon",
                        lambda self: (started.append(self), real_soon(self)))
    try:
        file = tmp_path / "big.planner"
        file.write_text(planner_text(TASKS), encoding="utf-8")
        dialog = ImportPlanDialog(ctx, window, str(file))
        qtbot.addWidget(dialog)
        qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=30000)
        dialog.role.setCurrentIndex(dialog.role.findData("designer"))
        dialog.name.setText("双11大促")
        dialog.import_button.click()
        qtbot.waitUntil(lambda: dialog.changes is not None, timeout=60000)
        plan_id = dialog.changes.plan_id
        assert started == [store]  # the copy into the file went to the store's thread
        assert ctx.plan_id == plan_id and window.plan_picker.currentText() == "双11大促"
        imported = services.tasks.list(plan_id)
        assert len(imported) == TASKS

        # the designer, in another process, ticks off one of the imported tasks
        mine = next(t for t in imported if t.status != "done" and t.assignee_id is None
                    and t.role_id == world.roles["designer"])  # (the dialog's default role)
        done = opsdesk(db, "tasks", "done", str(mine.id), "--user", "designer", tmp=tmp_path)
        assert done.returncode == 0, done.stderr
        qtbot.waitUntil(lambda: services.tasks.get(mine.id).status == "done", timeout=10000)

        # the manager's undo of the import (the CLI, a third process) is refused: the
        # designer's tick would go with it
        undone = opsdesk(db, "undo", "--change", str(dialog.changes.change_id), "--user",
                         "manager", password=MANAGER_PASSWORD, tmp=tmp_path)
        assert undone.returncode == 1 and "nothing was undone" in undone.stderr
        assert len(services.tasks.list(plan_id)) == TASKS

        # the manager's own next edit in the window
        other = next(t for t in imported if t.status != "done" and t.id != mine.id)
        window.run("Rename", lambda: services.tasks.update(boss, other.id, title="主图改版"))
    finally:
        window.close()
        store.close()  # waits for the store's checkpoint thread

    alone = tmp_path / "alone.db"  # the file alone, without its -wal
    shutil.copyfile(db, alone)
    with closing(sqlite3.connect(alone)) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("SELECT count(*) FROM tasks WHERE plan_id = ?",
                           (plan_id,)).fetchone()[0] == TASKS
        assert con.execute("SELECT count(*) FROM tasks WHERE plan_id = ?",
                           (world.plan_id,)).fetchone()[0] == tasks_before
        assert con.execute("SELECT status FROM tasks WHERE id = ?",
                           (mine.id,)).fetchone()[0] == "done"
        assert con.execute("SELECT title FROM tasks WHERE id = ?",
                           (other.id,)).fetchone()[0] == "主图改版"
