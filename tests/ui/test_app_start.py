"""Starting the app on bad input: one clear message, a way on, the file untouched."""

from __future__ import annotations

import hashlib
from argparse import Namespace

import pytest

from opsdesk.app import OpsDeskApp


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def app(qapp, monkeypatch):
    shown = []
    instance = OpsDeskApp(Namespace(db=None, lang="en", user=None))
    monkeypatch.setattr(instance, "_ask_way_on", lambda message: shown.append(message) or "quit")
    instance.shown = shown
    return instance


@pytest.mark.parametrize("content, expected", [
    (b"hello, this is a text file\n", "is not an OpsDesk database"),
    (b"SQLite format 3\x00" + b"\x00" * 200, "is damaged"),
])
def test_bad_file_is_explained_and_untouched(app, tmp_path, content, expected):
    path = tmp_path / "bad.db"
    path.write_bytes(content)
    before = _digest(path)
    assert app.open_database(path) is None
    assert len(app.shown) == 1 and expected in app.shown[0]
    assert _digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("bad")) == ["bad.db"]


def test_missing_file_is_explained(app, tmp_path):
    app.args.db = str(tmp_path / "nope.db")
    assert app.open_database(tmp_path / "nope.db") is None
    assert "There is no database at" in app.shown[0]
    assert not (tmp_path / "nope.db").exists()


def test_good_file_opens_and_is_remembered(app, db_path):
    store = app.open_database(db_path)
    assert store is not None and not store.readonly
    assert app.settings.recent_dbs()[0] == str(db_path)
    store.close()


def test_signed_in_by_login_without_password(app, db_path, qtbot):
    store = app.open_database(db_path)
    assert app.enter(store, "kefu")
    qtbot.addWidget(app.window)
    assert app.ctx.actor.login == "kefu"
    assert app.window.isVisible()
    assert "李客服" in app.window.user_label.text()


def test_start_paints_first_then_opens_and_signs_in(qapp, qtbot, db_path):
    """The window shows at once; the database opens after its first paint."""
    instance = OpsDeskApp(Namespace(db=str(db_path), lang="en", user="kefu"))
    instance.show_shell()
    qtbot.addWidget(instance.window)
    assert instance.ctx is None
    assert instance.window.db_label.text() == "Opening the database…"
    qtbot.waitUntil(lambda: instance.ctx is not None)
    assert instance.ctx.actor.login == "kefu"
    assert instance.window.overview.title.text()
    assert str(db_path) in instance.window.db_label.text()
    assert instance.settings.last_login(instance.ctx.db_key) == "kefu"


def test_start_on_a_bad_file_quits_cleanly(qapp, qtbot, tmp_path, monkeypatch):
    bad = tmp_path / "bad.db"
    bad.write_text("not a database")
    instance = OpsDeskApp(Namespace(db=str(bad), lang="en", user=None))
    messages = []
    monkeypatch.setattr(instance, "_ask_way_on", lambda m: messages.append(m) or "quit")
    instance.show_shell()
    qtbot.addWidget(instance.window)
    qtbot.waitUntil(lambda: bool(messages))
    qtbot.waitUntil(lambda: not instance.window.isVisible())
    assert "is not an OpsDesk database" in messages[0]
    assert instance.ctx is None


def test_the_window_shell_paints_without_sqlalchemy(tmp_path):
    """Nothing on the way to the first paint may import SQLAlchemy, Alembic or pyqtgraph
    (they load on a second thread meanwhile); a subprocess builds and shows the shell."""
    import os
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from opsdesk.ui.main_window import MainWindow\n"
        "w = MainWindow()\n"
        "w.show(); app.processEvents()\n"
        "heavy = [m for m in ('sqlalchemy', 'alembic', 'pyqtgraph', 'numpy', 'openpyxl') if m in sys.modules]\n"
        "print(','.join(heavy))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


def test_bench_markers_come_in_order_when_the_open_runs_before_the_first_paint(
        qapp, qtbot, db_path, monkeypatch, capsys):
    """On a slow machine the 300 ms fallback can open the database before the window's first
    paint: the data-ready marker still waits for that paint, and both markers are printed
    (CI once saw the app quit with neither)."""
    monkeypatch.setenv("OPSDESK_BENCH_EXIT_AFTER_PAINT", "1")
    instance = OpsDeskApp(Namespace(db=str(db_path), lang="en", user="kefu"))
    instance.show_shell()
    qtbot.addWidget(instance.window)
    instance._open_first()  # (the fallback timer, before any paint)
    assert instance.ctx is not None
    assert capsys.readouterr().out == ""  # nothing painted yet: no marker
    out: list[str] = []
    qtbot.waitUntil(lambda: out.append(capsys.readouterr().out) or
                    "opsdesk:data-ready" in "".join(out), timeout=5000)
    assert "".join(out).split() == ["opsdesk:first-paint", "opsdesk:data-ready"]


def test_bench_markers_after_the_paint_in_order(qapp, qtbot, db_path, monkeypatch, capsys):
    monkeypatch.setenv("OPSDESK_BENCH_EXIT_AFTER_PAINT", "1")
    instance = OpsDeskApp(Namespace(db=str(db_path), lang="en", user="kefu"))
    instance.show_shell()
    qtbot.addWidget(instance.window)
    out: list[str] = []
    qtbot.waitUntil(lambda: out.append(capsys.readouterr().out) or
                    "opsdesk:data-ready" in "".join(out), timeout=5000)
    lines = "".join(out).split()
    assert lines == ["opsdesk:first-paint", "opsdesk:data-ready"]


def test_the_chinese_font_check_runs_after_the_first_paint_and_before_the_open(
        qapp, qtbot, db_path, monkeypatch):
    """The check asks Qt's font database, which the first paint has read by then (free);
    a missing font is still said before the database opens and anyone signs in."""
    from opsdesk import app as app_module

    seen = []
    instance = OpsDeskApp(Namespace(db=str(db_path), lang="en", user="kefu"))
    monkeypatch.setattr(app_module, "has_cjk_font",
                        lambda: seen.append((instance._painted, instance.ctx)) or True)
    monkeypatch.setattr(instance.settings, "cjk_font_warned", lambda: False)
    instance.show_shell()
    qtbot.addWidget(instance.window)
    assert seen == []  # (not while the window is made)
    qtbot.waitUntil(lambda: instance.ctx is not None)
    assert seen == [(True, None)]
