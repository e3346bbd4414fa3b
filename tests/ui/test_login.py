"""Signing in: pick a person; a password only where one is set."""

from __future__ import annotations

from PySide6.QtCore import Qt

from opsdesk.services import Services
from opsdesk.store import open_store
from opsdesk.ui.login import LoginDialog


def _dialog(qtbot, db_path, last=None):
    services = Services(open_store(db_path))
    dialog = LoginDialog(services, "en", last)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _select(dialog, login):
    for row in range(dialog.people.count()):
        if f"({login})" in dialog.people.item(row).text():
            dialog.people.setCurrentRow(row)
            return
    raise AssertionError(login)


def test_staff_without_password_signs_in(qtbot, db_path):
    dialog = _dialog(qtbot, db_path)
    _select(dialog, "kefu")
    assert not dialog.password.isVisible()
    qtbot.keyClick(dialog.people, Qt.Key.Key_Return)
    assert dialog.actor is not None and dialog.actor.login == "kefu"
    assert not dialog.actor.is_manager


def test_manager_needs_the_right_password(qtbot, db_path):
    dialog = _dialog(qtbot, db_path)
    _select(dialog, "manager")
    assert dialog.password.isVisible()
    qtbot.keyClicks(dialog.password, "wrong")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert dialog.actor is None and dialog.isVisible()
    assert "not correct" in dialog.error.text()
    dialog.password.clear()
    qtbot.keyClicks(dialog.password, "secret")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert dialog.actor is not None and dialog.actor.is_manager


def test_last_login_is_preselected(qtbot, db_path):
    dialog = _dialog(qtbot, db_path, last="meigong")
    assert "(meigong)" in dialog.people.currentItem().text()
