"""The Tasks view in the window: it fits 1100 px in both languages, the navigation is never
clipped, the keyboard reaches it, remembered filters match the bar, and the toolbar's menu
buttons draw their arrow."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from argparse import Namespace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from opsdesk.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def styled(qapp):
    """The application's style sheet, as the app runs (item padding, menu indicators)."""
    old = qapp.styleSheet()
    qapp.setStyleSheet((ROOT / "resources" / "styles" / "app.qss").read_text(encoding="utf-8"))
    yield
    qapp.setStyleSheet(old)


def _window(qtbot, ctx):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _switch(qtbot, window, lang):
    from opsdesk.ui.i18n import translators

    assert translators().install(lang)
    window.set_language(lang)
    want = "文件(&F)" if lang == "zh_CN" else "&File"
    qtbot.waitUntil(lambda: window.menu_file.title() == want)
    window.refresh_all()


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_window_with_tasks_fits_1100_and_nav_is_not_clipped(qtbot, ctx, styled, lang):
    window = _window(qtbot, ctx)
    window.show_view("tasks")
    _switch(qtbot, window, lang)
    assert window.minimumSizeHint().width() <= 1100
    window.resize(1100, 700)
    qtbot.waitUntil(lambda: window.width() == 1100)
    nav = window.nav
    assert nav.viewport().width() >= nav.sizeHintForColumn(0)  # (padding and margins too)
    texts = max(nav.fontMetrics().horizontalAdvance(nav.item(i).text()) for i in range(nav.count()))
    assert nav.width() >= texts
    assert not nav.horizontalScrollBar().isVisible()


def test_ctrl_number_puts_focus_in_the_view(qtbot, ctx):
    window = _window(qtbot, ctx)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.nav.setFocus()
    row = [s.key for s in window.specs].index("tasks")
    window.view_actions[row].trigger()  # Ctrl+3
    view = window.built["tasks"]
    assert window.stack.currentIndex() == row
    assert view.isAncestorOf(window.focusWidget())
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.focusWidget() is view.filter_bar.text


def test_filter_bar_tab_order_follows_the_rows(qtbot, ctx):
    window = _window(qtbot, ctx)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    bar = window.show_view("tasks").filter_bar
    expected = [bar.text, bar.phase, bar.role, bar.person, bar.status, bar.due_from,
                bar.due_to, bar.overdue, bar.milestones, bar.save_button, bar.clear_button]
    bar.text.setFocus()
    order = []
    for _ in range(40):  # (Tab steps through a date's sections first)
        w = window.focusWidget()
        owner = w if w in expected else w.parentWidget()  # (a date edit's line edit)
        if not order or order[-1] is not owner:
            order.append(owner)
        if len(order) == len(expected):
            break
        qtbot.keyClick(w, Qt.Key.Key_Tab)
        QApplication.processEvents()
    assert order == expected
    bar.due_to.setFocus()
    qtbot.keyClick(bar.due_to, Qt.Key.Key_Backtab)  # (an empty date: no sections to step)
    assert window.focusWidget() in (bar.due_from, bar.due_from.focusProxy())


def test_navigation_name_is_translated(qtbot, ctx):
    window = _window(qtbot, ctx)
    _switch(qtbot, window, "zh_CN")
    from PySide6.QtCore import QCoreApplication

    assert window.nav.accessibleName() == QCoreApplication.translate("MainWindow", "Views")
    source = (ROOT / "opsdesk" / "ui" / "main_window.py").read_text(encoding="utf-8")
    assert 'self.tr("Views")' in source


def test_forgotten_phase_or_person_does_not_filter_invisibly(qtbot, ctx):
    ctx.settings.set_tasks_filters({"phase_id": 999, "person_id": 4242, "milestones_only": True})
    window = _window(qtbot, ctx)
    view = window.show_view("tasks")
    bar = view.filter_bar
    assert bar.phase.currentData() is None and bar.person.currentData() is None
    assert view.model.filters == bar.filters()
    assert view.model.filters.milestones_only  # what is still a choice stays
    milestones = sum(1 for r in view.model.rows if r.is_milestone)
    assert view.model.visible_count == milestones > 0


def test_menu_buttons_draw_a_centred_arrow(qtbot, ctx, styled):
    window = _window(qtbot, ctx)
    view = window.show_view("tasks")
    view.select_ids([view.model.rows[0].id])
    assert view.act_assign.isEnabled()
    button = view.toolbar.widgetForAction(view.act_assign)
    assert button.popupMode() == button.ToolButtonPopupMode.InstantPopup
    image = button.grab().toImage()
    background = QColor(image.pixel(1, image.height() // 2)).lightness()

    def ink(x, y):
        return abs(QColor(image.pixel(x, y)).lightness() - background) > 40

    text_start = min(x for x in range(image.width()) for y in range(image.height()) if ink(x, y))
    text_end = text_start + button.fontMetrics().horizontalAdvance(button.text())
    ys = [y for x in range(text_end + 1, image.width() - 1) for y in range(image.height())
          if ink(x, y)]
    assert ys, "no arrow right of the text"
    assert max(ys) - min(ys) >= 3  # an arrow, not a tick
    middle = (max(ys) + min(ys)) / 2
    assert abs(middle - image.height() / 2) <= 3  # beside the text, not at its baseline


def test_no_comments_yet_is_extracted_for_translation(tmp_path):
    lupdate = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent))
    ts = tmp_path / "panel.ts"
    subprocess.run([lupdate, "opsdesk/ui/tasks/panel.py", "-ts", str(ts)], cwd=ROOT, check=True,
                   capture_output=True)
    found = {(c.findtext("name"), m.findtext("source"))
             for c in ET.parse(ts).getroot().iter("context") for m in c.iter("message")}
    assert ("TaskPanel", "No comments yet.") in found


def test_shot_honours_opsdesk_today(monkeypatch, qapp, tmp_path):
    import datetime as dt

    import opsdesk.app
    from opsdesk.ui import shot

    seen = []
    monkeypatch.setattr(opsdesk.app, "make_qapplication", lambda: qapp)
    monkeypatch.setattr(shot, "_render", lambda *a: seen.append(a[6]))
    monkeypatch.setenv("OPSDESK_TODAY", "2026-11-20")
    args = Namespace(lang="en")
    shot.render_view(args, "tasks", tmp_path / "t.png", (800, 600), None)
    shot.render_view(args, "tasks", tmp_path / "t.png", (800, 600), dt.date(2026, 1, 2))
    assert seen == [dt.date(2026, 11, 20), dt.date(2026, 1, 2)]  # --today wins
