"""The open path of issue #17: nothing heavy before the window's first paint, the presented
frame for the benchmark (``OPSDESK_BENCH_SHOT``), the manager's notice without building My
work, the views' modules imported once the app is idle, a quick ``opsdesk`` parser."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLabel

from opsdesk import preload
from tests.conftest import MANAGER_PASSWORD
from tests.ui.test_start_path import ROOT, _run

HEAVY = ("sqlalchemy", "opsdesk.services", "opsdesk.model", "opsdesk.store", "argon2",
         "numpy", "pyqtgraph", "alembic", "openpyxl")


def test_the_shell_window_paints_before_sqlalchemy_and_the_services_load(tmp_path):
    result = _run("""
        import json, sys
        from opsdesk.app import make_qapplication
        from opsdesk.ui.main_window import MainWindow
        from opsdesk.ui.settings import Settings
        app = make_qapplication()
        window = MainWindow(settings=Settings())  # the shell: menus, actions, docks
        window.show()
        window.repaint()
        print(json.dumps({"modules": sorted(sys.modules)}))
    """, tmp_path)
    loaded = set(result["modules"])
    assert "opsdesk.ui.main_window" in loaded
    assert [m for m in HEAVY if m in loaded] == []


def test_the_command_line_parser_loads_no_database_code(tmp_path):
    result = _run("""
        import json, sys
        from opsdesk.cli import build_parser
        build_parser().parse_args(["kpi", "spending", "--month", "2026-09"])
        print(json.dumps({"modules": sorted(sys.modules)}))
    """, tmp_path)
    assert [m for m in HEAVY if m in set(result["modules"])] == []


def _start_env(tmp_path, **extra: str) -> dict[str, str]:
    conf = tmp_path / "config" / "OpsDesk" / "OpsDesk.conf"  # no font warning can block
    conf.parent.mkdir(parents=True, exist_ok=True)
    conf.write_text("[general]\ncjk_font_warned=true\n", encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "OPSDESK_DATA_DIR": str(tmp_path / "data"), "OPSDESK_LOG_DIR": str(tmp_path / "log")}
    env.pop("OPSDESK_BENCH_EXIT_AFTER_PAINT", None)
    return {**env, **extra}


def test_the_manager_opens_with_the_password_from_the_environment_and_the_frame_is_written(
        seeded_copy, tmp_path):
    """main.py as bench_open.py runs it: the Overview's presented frame goes to the file
    (not the empty shell's), ``opsdesk:shot`` is printed, the app runs on."""
    db = seeded_copy("open.db")
    shot = tmp_path / "frame.bmp"
    shell = tmp_path / "shell.bmp"
    env = _start_env(tmp_path, OPSDESK_PASSWORD=MANAGER_PASSWORD, OPSDESK_BENCH_SHOT=str(shot),
                     OPSDESK_BENCH_SHELL_SHOT=str(shell))
    proc = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "--db", str(db), "--user",
                             "manager", "--lang", "en"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=env, cwd=ROOT, text=True)
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()  # (blocks until the frame is written, or the app ends)
        assert line.strip() == "opsdesk:shot", proc.stderr.read() if proc.poll() is not None else line
        assert proc.poll() is None  # it runs on, for the benchmark to see it go quiet
    finally:
        proc.kill()
        proc.wait(timeout=30)
    frame, empty = QImage(str(shot)), QImage(str(shell))
    assert not frame.isNull() and not empty.isNull()
    assert frame.size() == empty.size()
    assert frame != empty  # the Overview with its data, not the shell


def test_a_manager_is_told_what_is_due_without_building_my_work(qtbot, seeded_copy, tmp_path):
    from PySide6.QtCore import QSettings

    from opsdesk.app import _announce
    from opsdesk.services import Services
    from opsdesk.services.session import open_store
    from opsdesk.ui.context import AppContext
    from opsdesk.ui.main_window import MainWindow
    from opsdesk.ui.mywork.notice import due_text
    from opsdesk.ui.settings import Settings

    store = open_store(seeded_copy("notice.db"))
    services = Services(store)
    actor = services.people.authenticate("manager", MANAGER_PASSWORD)
    plans = services.plans.list()
    ctx = AppContext(store=store, services=services, actor=actor, lang="en",
                     settings=Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)),
                     plan_id=plans[0].id)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    expected = due_text(*services.mywork.due_summary(plans[0].id, actor, ctx.today()))
    _announce(window)
    assert "mywork" not in window.built
    assert window.statusBar().currentMessage() == expected
    window.close()
    store.close()


def test_the_views_modules_are_imported_one_step_at_a_time_once_idle(monkeypatch):
    calls: list[tuple[int, object]] = []
    imported: list[str] = []
    monkeypatch.setattr("importlib.import_module", lambda name: imported.append(name))
    preload.prefetch_views(lambda ms, fn: calls.append((ms, fn)),
                           modules=("opsdesk_no_such_view_a", "opsdesk_no_such_view_b"))
    assert [ms for ms, _ in calls] == [preload.PREFETCH_AFTER_MS] and imported == []
    while calls:  # the event loop running each step in turn
        _ms, step = calls.pop(0)
        step()  # type: ignore[operator]
    assert imported == ["opsdesk_no_such_view_a", "opsdesk_no_such_view_b"]


def test_once_idle_a_widget_made_by_qt_costs_no_type_making(tmp_path):
    """The first ``viewport()`` of a scroll area (Tasks, Timeline) made ~70 Python enums
    (PySide choosing the C++ widget's Python type); after the idle prefetch it makes none."""
    code = textwrap.dedent("""
        import enum, json
        from PySide6.QtWidgets import QApplication, QTreeView
        app = QApplication([])
        made = []
        real = enum.EnumType._create_
        enum.EnumType._create_ = lambda *a, **k: made.append(1) or real(*a, **k)
        from opsdesk import preload
        for name in preload.PREFETCH:
            __import__(name)
        before = len(made)
        QTreeView().viewport()
        print(json.dumps([before, len(made) - before]))
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, cwd=ROOT)
    before, after = json.loads(out.stdout.strip().splitlines()[-1])
    assert before > 50 and after == 0


def test_after_paint_runs_once_after_the_watched_widget_is_painted(qtbot):
    from opsdesk.app import _AfterPaint

    label = QLabel("data")
    qtbot.addWidget(label)
    label.show()
    ran: list[int] = []
    _AfterPaint(label, label, lambda: ran.append(1))
    qtbot.waitUntil(lambda: ran == [1], timeout=3000)
    label.repaint()
    qtbot.wait(50)
    assert ran == [1]
