"""Help ▸ Keyboard shortcuts lists every shortcut the window has; Print my list offers the
person's own list (a manager: anyone's or a role's) and saves it as PDF."""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtGui import QAction, QKeySequence

from opsdesk.ui.dialogs.shortcuts import ShortcutsDialog, listed_keys
from opsdesk.ui.main_window import MainWindow
from opsdesk.ui.mywork.print_list import PrintListDialog
from opsdesk.ui.widgets import file_dialog


def _window(qtbot, ctx):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    for key in [s.key for s in window.specs]:  # every view built, with its actions
        window.view(key)
    return window


def test_every_shortcut_of_the_window_and_its_views_is_listed(qtbot, ctx):
    window = _window(qtbot, ctx)
    listed = listed_keys()
    keys = set()
    for action in window.findChildren(QAction):
        for seq in action.shortcuts():
            if not seq.isEmpty():
                keys.add(seq.toString(QKeySequence.SequenceFormat.PortableText))
    assert keys and keys <= listed, sorted(keys - listed)
    assert {"Ctrl+P", "F1", "Ctrl+N", "Ctrl+Z"} <= keys
    help_titles = [a.objectName() for a in window.menu_help.actions()]
    assert "keyboardShortcuts" in help_titles
    dialog = ShortcutsDialog(window)
    qtbot.addWidget(dialog)
    texts = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
    assert len(texts) > 20 and any("Ctrl+E" in t for t in texts)


def test_print_my_list_offers_staff_their_own_and_a_manager_anyones(qtbot, ctx, tmp_path,
                                                                     monkeypatch):
    _window(qtbot, ctx)  # (sets ctx.plan_id)
    manager = PrintListDialog(ctx)
    qtbot.addWidget(manager)
    kinds = [manager.whose.itemData(i)[0] for i in range(manager.whose.count())]
    assert manager.whose.isEnabled() and "role" in kinds and kinds.count("person") >= 3

    staff_ctx = dataclasses.replace(ctx, actor=ctx.services.people.authenticate("kefu"))
    staff = PrintListDialog(staff_ctx)
    qtbot.addWidget(staff)
    assert staff.whose.count() == 1 and not staff.whose.isEnabled()
    staff.week.setChecked(True)
    data = staff.checklist()
    assert data is not None and data.week and data.who == staff_ctx.actor.name
    sunday = ctx.today() + dt.timedelta(days=6 - ctx.today().weekday())
    assert data.until == sunday and all(t.due <= sunday and not t.done for t in data.rows)
    out = tmp_path / "list.pdf"
    monkeypatch.setattr(file_dialog, "get_save_file_name", lambda *a, **k: (str(out), ""))
    staff.save_pdf()
    assert out.read_bytes().startswith(b"%PDF")


def test_save_dialogs_start_in_the_documents_folder():
    docs = file_dialog.documents_folder()
    assert file_dialog.start_in("tasks.xlsx") == f"{docs}/tasks.xlsx"
    assert file_dialog.start_in("") == docs
    assert file_dialog.start_in("/tmp/x.pdf") == "/tmp/x.pdf"
