"""#17: the app shows a manager's Overview read plainly before the store opens, then opens
the store behind it — on the person's first input, after a short idle, or at once when
something needs it — without losing anyone's work on the way."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from argparse import Namespace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from opsdesk import preload
from opsdesk.app import OpsDeskApp
from opsdesk.services import Services
from opsdesk.store import Store, open_store
from opsdesk.store.deferred import DeferredStore
from opsdesk.ui.first_screen import FirstScreenOpen
from tests.conftest import MANAGER_PASSWORD, file_state

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def start(monkeypatch, qapp, qtbot):
    """``start(db, login)``: the GUI start as ``run_gui`` does it (preload, then the app)."""
    monkeypatch.setattr(preload, "_started", False)
    monkeypatch.setattr(FirstScreenOpen, "IDLE_MS", 60_000)  # (tests say when it opens)
    made: list[OpsDeskApp] = []

    def run(db: Path, login: str, password: str | None = MANAGER_PASSWORD) -> OpsDeskApp:
        if password:
            monkeypatch.setenv("OPSDESK_PASSWORD", password)
        else:
            monkeypatch.delenv("OPSDESK_PASSWORD", raising=False)
        preload.start(str(db), login)
        app = OpsDeskApp(Namespace(db=str(db), lang="en", user=login))
        app.show_shell()
        qtbot.addWidget(app.window)
        made.append(app)
        return app

    yield run
    preload.first_screen()  # (nothing left for another test)
    for app in made:
        if app.ctx is not None:
            app.window.change_sync.detach()
            app.ctx.store.close()


def _attached(app: OpsDeskApp) -> bool:
    return app.ctx is not None and isinstance(app.ctx.store, Store)


def test_a_manager_sees_the_overview_before_the_store_opens(start, seeded_copy, world, qtbot):
    db = seeded_copy("first.db")
    before = file_state(db)
    app = start(db, "manager")
    window = app.window
    assert isinstance(app.ctx.store, DeferredStore) and not app.ctx.store.is_open
    assert window.current_key() == "overview"
    store = open_store(db, readonly=True)
    expected = Services(store).overview.overview(world.plan_id, app.ctx.today())
    store.close()
    assert window.overview.data == expected
    assert window.overview.title.text() == expected.plan.name
    assert window.plan_picker.currentData() == world.plan_id
    assert "manager" in window.user_label.text().lower()
    assert str(db) in window.db_label.text()
    assert window.change_sync.watcher is None  # (nothing reads the store yet)
    assert file_state(db) == before  # the plain read wrote nothing
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_Shift)  # the person uses the window: the store opens
    qtbot.waitUntil(lambda: _attached(app), timeout=10_000)
    assert app.ctx.actor.login == "manager" and app.ctx.actor.is_manager
    assert window.change_sync.watcher is not None
    assert app.settings.last_login(app.ctx.db_key) == "manager"
    qtbot.waitUntil(lambda: "due" in window.statusBar().currentMessage().lower()
                    or "overdue" in window.statusBar().currentMessage().lower(), timeout=5000)


def test_the_store_opens_by_itself_after_an_idle_moment(start, seeded_copy, qtbot, monkeypatch):
    monkeypatch.setattr(FirstScreenOpen, "IDLE_MS", 50)
    app = start(seeded_copy("idle.db"), "manager")
    assert isinstance(app.ctx.store, DeferredStore)
    qtbot.waitUntil(lambda: _attached(app), timeout=10_000)


def test_a_click_anywhere_in_the_window_opens_the_store(start, seeded_copy, qtbot):
    """Input arrives as the platform delivers it: to the window's QWindow, which passes it on
    to the widget under the mouse (here the navigation list); the store opens on it, and
    before it nothing did (no application-wide filter handing every event to Python)."""
    app = start(seeded_copy("click.db"), "manager")
    window = app.window
    qtbot.waitExposed(window)
    assert isinstance(app.ctx.store, DeferredStore) and not app.ctx.store.is_open
    qtbot.wait(50)  # (paints, timers: no input)
    assert not app.ctx.store.is_open
    nav = window.nav
    where = nav.mapTo(window, nav.visualItemRect(nav.item(0)).center())
    QTest.mouseClick(window.windowHandle(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     where)
    qtbot.waitUntil(lambda: _attached(app), timeout=10_000)


def test_a_view_needing_the_store_before_it_opened_gets_it(start, seeded_copy, world, qtbot):
    app = start(seeded_copy("tasks.db"), "manager")
    window = app.window
    window.nav.setCurrentRow([s.key for s in window.specs].index("tasks"))  # (no input event)
    tasks = window.built["tasks"]
    qtbot.waitUntil(lambda: tasks.model.rowCount() > 0, timeout=10_000)
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_Shift)
    qtbot.waitUntil(lambda: _attached(app), timeout=10_000)


def test_work_saved_by_another_process_before_the_store_opened_shows(start, seeded_copy, world,
                                                                     qtbot):
    db = seeded_copy("team.db")
    app = start(db, "manager")
    shown = app.window.overview.data
    # A colleague ticks off a task in another process while the first screen shows.
    code = textwrap.dedent(f"""
        from opsdesk.services import Services
        from opsdesk.store import open_store
        store = open_store({str(db)!r})
        s = Services(store)
        actor = s.people.authenticate("manager", {MANAGER_PASSWORD!r})
        row = next(r for r in s.tasks.list({world.plan_id}) if r.status == "todo")
        s.tasks.tick_off(actor, row.id)
        store.close()
    """)
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT, timeout=60)
    qtbot.keyClick(app.window.windowHandle(), Qt.Key.Key_Shift)
    qtbot.waitUntil(lambda: _attached(app), timeout=10_000)
    qtbot.waitUntil(lambda: app.window.overview.data.counts.get("done", 0)
                    == shown.counts.get("done", 0) + 1, timeout=10_000)


def test_a_wrong_password_takes_the_full_path(start, seeded_copy, qtbot, monkeypatch):
    from opsdesk.ui import login as login_module

    asked, warned = [], []
    monkeypatch.setattr(login_module.LoginDialog, "exec",
                        lambda self: asked.append(True) or 0)
    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.warning",
                        lambda *a, **k: warned.append(a[2]))
    app = start(seeded_copy("full.db"), "manager", "wrong")
    assert getattr(app, "_first_open", None) is None  # (the first screen was not shown)
    qtbot.waitUntil(lambda: bool(asked), timeout=10_000)  # the full sign-in counts and asks
    assert warned and "password" in warned[0].lower()
    store = open_store(app.args.db, readonly=True)
    with store.read() as s:
        tries = s.execute(__import__("sqlalchemy").text(
            "SELECT failed_logins FROM users WHERE login = 'manager'")).scalar()
    store.close()
    assert tries == 1


def _my_work(db: Path, login: str, today) -> list:
    store = open_store(db, readonly=True)
    try:
        services = Services(store)
        actor = next(services.people.actor_for(u.id) for u in services.people.users()
                     if u.login == login)
        return services.mywork.tasks(services.plans.list()[0].id, actor, today)
    finally:
        store.close()


def test_staff_see_their_my_work_before_the_store_opens(start, seeded_copy, world, qtbot):
    """Staff start in My work: read plainly, shown at once (its banner, its heading with
    the person's roles), the store opened behind it; their tick-off then goes through the
    store and the list follows, as always."""
    db = seeded_copy("staff.db")
    before = file_state(db)
    app = start(db, "cs", None)
    window = app.window
    assert isinstance(app.ctx.store, DeferredStore) and not app.ctx.store.is_open
    assert window.current_key() == "mywork" and "overview" not in window.built
    view = window.built["mywork"]
    expected = _my_work(db, "cs", app.ctx.today())
    assert expected and view.tasks == expected
    assert view.model.task_ids() == {t.id for t in expected}
    assert "Customer" in view.subtitle.text() or "客服" in view.subtitle.text()
    assert view.banner_shown
    assert not app.ctx.store.is_open and file_state(db) == before  # nothing read the store
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_Shift)
    qtbot.waitUntil(lambda: _attached(app), timeout=10_000)
    assert app.ctx.actor.login == "cs" and window.current_key() == "mywork"
    assert view.tasks == expected  # (nothing was written meanwhile: not read again)
    row = next(i for i, (_g, t) in enumerate(view.model.rows)
               if t is not None and not t.done and view.can_toggle(t))
    task = view.model.rows[row][1]
    view.toggle_row(row)
    qtbot.waitUntil(lambda: view.model.rows[view.model.row_of[task.id]][1].done, timeout=5000)
    assert next(t for t in _my_work(db, "cs", app.ctx.today()) if t.id == task.id).done


def test_work_a_colleague_saved_before_stafs_store_opened_shows(start, seeded_copy, world,
                                                                qtbot):
    db = seeded_copy("staffteam.db")
    app = start(db, "cs", None)
    view = app.window.built["mywork"]
    shown = {t.id for t in view.tasks}
    # the manager, in another process, gives one of cs's tasks to someone else
    code = textwrap.dedent(f"""
        from opsdesk.services import Services
        from opsdesk.store import open_store
        store = open_store({str(db)!r})
        s = Services(store)
        actor = s.people.authenticate("manager", {MANAGER_PASSWORD!r})
        task = s.tasks.get({sorted(shown)[0]})
        s.tasks.update(actor, task.id, assignee_id={world.users["ops"]})
        store.close()
    """)
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT, timeout=60)
    qtbot.keyClick(app.window.windowHandle(), Qt.Key.Key_Shift)
    qtbot.waitUntil(lambda: _attached(app), timeout=10_000)
    qtbot.waitUntil(lambda: sorted(shown)[0] not in {t.id for t in view.tasks}, timeout=10_000)
    assert view.tasks == _my_work(db, "cs", app.ctx.today())


def test_a_store_that_will_not_open_is_explained_and_opened_as_at_the_start(
        start, seeded_copy, qtbot, monkeypatch):
    from opsdesk.errors import DatabaseLocked
    from opsdesk.ui import first_screen as fs

    calls = []

    def locked_once(path):
        calls.append(path)
        if len(calls) == 1:
            raise DatabaseLocked()
        return real_open(path)

    real_open = fs.open_full_store
    monkeypatch.setattr(fs, "open_full_store", locked_once)
    warned = []
    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.warning",
                        lambda *a, **k: warned.append(a[2]))
    app = start(seeded_copy("locked.db"), "manager")
    qtbot.keyClick(app.window.windowHandle(), Qt.Key.Key_Shift)
    qtbot.waitUntil(lambda: _attached(app), timeout=10_000)
    assert warned and ("locked" in warned[0].lower() or "busy" in warned[0].lower()), warned
    assert app.window.overview.data is not None and app.ctx.actor.login == "manager"


def test_the_first_screen_runs_without_sqlalchemy(seeded_copy, tmp_path):
    """In a fresh process (as a start is): nothing before the first screen, nor for a
    moment after it, imports SQLAlchemy; the first input then opens the store."""
    db = seeded_copy("fresh.db")
    conf = tmp_path / "config" / "OpsDesk" / "OpsDesk.conf"
    conf.parent.mkdir(parents=True)
    conf.write_text("[general]\ncjk_font_warned=true\n", encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "OPSDESK_DATA_DIR": str(tmp_path / "data"), "OPSDESK_LOG_DIR": str(tmp_path / "log"),
           "OPSDESK_PASSWORD": MANAGER_PASSWORD}
    code = textwrap.dedent("""
        import json, sys, time
        from argparse import Namespace
        from opsdesk import preload
        argv = sys.argv[1:]
        preload.start_from_argv(argv)
        preload.start(argv[1], "manager")
        from opsdesk.app import OpsDeskApp
        app = OpsDeskApp(Namespace(db=argv[1], lang="en", user="manager"))
        app.show_shell()
        app.qapp.processEvents()
        out = {"store": type(app.ctx.store).__name__,
               "sqla": any(m.startswith("sqlalchemy") for m in sys.modules),
               "done": app.window.overview.data.counts.get("done", 0),
               "title": app.window.overview.title.text()}
        from PySide6.QtCore import QEvent, Qt
        from PySide6.QtGui import QKeyEvent
        app.qapp.sendEvent(app.window.windowHandle(), QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Shift,
                                                 Qt.KeyboardModifier.NoModifier))
        end = time.monotonic() + 20
        while type(app.ctx.store).__name__ != "Store" and time.monotonic() < end:
            app.qapp.processEvents(); time.sleep(0.01)
        out["after"] = type(app.ctx.store).__name__
        out["sqla_after"] = any(m.startswith("sqlalchemy") for m in sys.modules)
        print(json.dumps(out), flush=True)
        from opsdesk.ui.background import wait_for_all
        wait_for_all()  # (the reads the attach began), then out without Qt's teardown
        import os
        os._exit(0)
    """)
    result = subprocess.run([sys.executable, "-c", code, "--db", str(db), "--user", "manager"],
                            capture_output=True, text=True, env=env, cwd=ROOT, timeout=60)
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout.strip().splitlines()[-1])
    assert out["store"] == "DeferredStore" and not out["sqla"], out
    assert out["title"] and out["after"] == "Store" and out["sqla_after"], out


def test_closing_before_the_store_opened_quits_cleanly(start, seeded_copy, qtbot):
    db = seeded_copy("close.db")
    before = file_state(db)
    app = start(db, "manager")
    window = app.window
    assert isinstance(app.ctx.store, DeferredStore)
    window.close()
    qtbot.waitUntil(lambda: not window.isVisible())
    app.ctx.store.close()  # (what the app does on quit: nothing was opened)
    assert not app.ctx.store.is_open
    assert file_state(db) == before
