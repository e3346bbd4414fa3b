"""Reminders: when to notify (a fake clock), what (the due work of the person signed in),
and the tray's absence handled (offscreen); closing can keep the app in the tray."""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtWidgets import QSystemTrayIcon

from opsdesk.ui.main_window import MainWindow
from opsdesk.ui.mywork.notice import announce, due_text
from opsdesk.ui.reminders import ReminderClock, Reminders, parse_time

DAY = dt.date(2026, 11, 20)


def at(hour: int, minute: int = 0, day: dt.date = DAY) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute))


def test_the_morning_reminder_comes_once_a_day_once_its_time_has_come():
    clock = ReminderClock(dt.time(9, 0))
    assert clock.at_sign_in(at(8, 0)) and clock.last_day is None  # before 9: still to come
    assert clock.next_at(at(8, 0)) == at(9, 0)
    assert not clock.due(at(8, 59))
    assert clock.due(at(9, 0)) and not clock.due(at(9, 1)) and not clock.due(at(17, 0))
    assert clock.next_at(at(9, 1)) == at(9, 0, DAY + dt.timedelta(days=1))
    tomorrow = DAY + dt.timedelta(days=1)
    assert not clock.due(at(7, 0, tomorrow)) and clock.due(at(10, 30, tomorrow))  # (asleep at 9)


def test_signing_in_after_the_time_counts_as_the_mornings_reminder():
    clock = ReminderClock(dt.time(9, 0))
    assert clock.at_sign_in(at(10, 0)) and clock.last_day == DAY
    assert not clock.due(at(10, 1))
    never = ReminderClock(None)
    assert never.at_sign_in(at(10, 0)) and not never.due(at(10, 1))
    assert never.next_at(at(10, 0)) is None


def test_parse_time():
    assert parse_time("08:30") == dt.time(8, 30) and parse_time(" 9:05 ") == dt.time(9, 5)
    assert parse_time("") is None and parse_time(None) is None
    assert parse_time("25:00") is None and parse_time("soon") is None


def _staff_window(qtbot, ctx):
    staff = dataclasses.replace(ctx, actor=ctx.services.people.authenticate("kefu"))
    window = MainWindow(staff)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window, staff


def test_without_a_tray_there_is_no_icon_and_closing_quits(qtbot, ctx):
    window, staff = _staff_window(qtbot, ctx)
    assert not QSystemTrayIcon.isSystemTrayAvailable()  # (offscreen)
    window.settings.set_keep_in_tray(True)
    assert not window.reminders.available and not window.reminders.keeps_running()
    overdue, today = staff.services.mywork.due_summary(staff.plan_id, staff.actor, staff.today())
    assert window.reminders.notify() == due_text(overdue, today) != ""
    window.close()
    assert not window.isVisible()


def test_with_a_tray_sign_in_notifies_and_closing_keeps_running(qtbot, ctx, monkeypatch):
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    monkeypatch.setattr(QSystemTrayIcon, "showMessage",
                        lambda self, title, text, *a: shown.append((title, text)))
    window, staff = _staff_window(qtbot, ctx)
    reminders = window.reminders
    assert isinstance(reminders, Reminders) and reminders.available
    reminders.now = lambda: at(10, 0)
    announce(window)  # signing in at 10:00
    expected = due_text(*staff.services.mywork.due_summary(staff.plan_id, staff.actor,
                                                          staff.today()))
    assert shown and shown[-1][1] == expected
    reminders.now = lambda: at(23, 59)  # the morning reminder was taken at sign-in
    reminders.check()
    assert len(shown) == 1
    reminders.now = lambda: at(9, 0, DAY + dt.timedelta(days=1))
    reminders.check()  # the next morning
    assert len(shown) == 2

    window.settings.set_keep_in_tray(True)
    assert reminders.keeps_running()
    window.close()
    assert not window.isVisible() and reminders.tray is not None  # hidden, still running
    window.show()
    window.quit_app()  # File ▸ Quit closes for good
    assert not window.isVisible()
    window.settings.set_keep_in_tray(False)
