"""Reminders: a tray icon while OpsDesk runs, and a desktop notification of overdue and
due-today work at sign-in and at the morning time each person sets.

What to say and when is ``ReminderClock`` (no widgets: tested with a fake clock); the
tray, its menu and the timer are ``Reminders``. Where there is no system tray (a bare X
server, the offscreen platform of the tests) there is no icon and no notification: the
status bar and My work's banner still say what is due, and closing the window quits."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTime, QTimer
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QInputDialog, QMenu, QSystemTrayIcon

from opsdesk.paths import RESOURCES

CHECK_MS = 60_000  # the timer looks once a minute whether the morning time has come


def parse_time(text: str | None) -> dt.time | None:
    """"09:00" → 09:00; None or anything else → None (no morning reminder)."""
    if not text:
        return None
    try:
        hours, minutes = (int(p) for p in text.strip().split(":"))
        return dt.time(hours, minutes)
    except ValueError:
        return None


@dataclass
class ReminderClock:
    """When to remind: at sign-in (if anything is due), and once a day at ``morning`` once
    that time has come — also when the PC was asleep or OpsDesk was started later that
    day (then at sign-in, not twice). ``last_day``: the day of the last morning reminder."""

    morning: dt.time | None = dt.time(9, 0)
    last_day: dt.date | None = None

    def at_sign_in(self, now: dt.datetime) -> bool:
        """Remind now (sign-in); it counts as the morning reminder once the time is past."""
        if self.morning is not None and now.time() >= self.morning:
            self.last_day = now.date()
        return True

    def due(self, now: dt.datetime) -> bool:
        """Whether the morning reminder is due now; if so it is taken (not repeated today)."""
        if self.morning is None or now.time() < self.morning or self.last_day == now.date():
            return False
        self.last_day = now.date()
        return True

    def next_at(self, now: dt.datetime) -> dt.datetime | None:
        """When the next morning reminder falls (None: none set)."""
        if self.morning is None:
            return None
        today = dt.datetime.combine(now.date(), self.morning)
        if now < today and self.last_day != now.date():
            return today
        return dt.datetime.combine(now.date() + dt.timedelta(days=1), self.morning)


class Reminders(QObject):
    """The tray icon of a main window: its menu (show, the morning time, keep running when
    the window is closed, quit) and the notifications."""

    def __init__(self, window, now: Callable[[], dt.datetime] = dt.datetime.now) -> None:
        super().__init__(window)
        self.window = window
        self.now = now
        settings = window.settings
        self.clock = ReminderClock(parse_time(settings.reminder_time()), None)
        self.tray: QSystemTrayIcon | None = None
        self.last_message = ""
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(QIcon(str(RESOURCES / "icons" / "opsdesk.png")), self)
            self.tray.setObjectName("opsdeskTray")
            self.menu = QMenu()
            self.act_show = QAction(self.menu)
            self.act_show.triggered.connect(self.show_window)
            self.act_time = QAction(self.menu)
            self.act_time.triggered.connect(self.ask_time)
            self.act_keep = QAction(self.menu)
            self.act_keep.setCheckable(True)
            self.act_keep.setChecked(settings.keep_in_tray())
            self.act_keep.toggled.connect(settings.set_keep_in_tray)
            self.act_quit = QAction(self.menu)
            self.act_quit.triggered.connect(window.quit_app)
            for act in (self.act_show, self.act_time, self.act_keep):
                self.menu.addAction(act)
            self.menu.addSeparator()
            self.menu.addAction(self.act_quit)
            self.tray.setContextMenu(self.menu)
            self.tray.activated.connect(self._activated)
            self.tray.show()
            self.timer = QTimer(self)
            self.timer.timeout.connect(self.check)
            self.timer.start(CHECK_MS)
        self.retranslate()

    @property
    def available(self) -> bool:
        return self.tray is not None

    def keeps_running(self) -> bool:
        """Closing the window only hides it (the setting, and a tray to come back from)."""
        return self.available and self.window.settings.keep_in_tray()

    def retranslate(self) -> None:
        if self.tray is None:
            return
        self.tray.setToolTip("OpsDesk")
        self.act_show.setText(self.tr("Show OpsDesk"))
        when = self.window.settings.reminder_time() or self.tr("never")
        self.act_time.setText(self.tr("Remind me each morning at {time}…").format(time=when))
        self.act_keep.setText(self.tr("Keep running in the tray when the window is closed"))
        self.act_quit.setText(self.tr("Quit OpsDesk"))

    # ---- when
    def signed_in(self) -> None:
        """At sign-in: what is overdue and due today, if anything."""
        ctx = self.window.ctx
        if ctx is not None:  # the day this person was last reminded (here, on this PC)
            last = self.window.settings.reminded_on(self._who(ctx))
            self.clock.last_day = dt.date.fromisoformat(last) if last else None
        self.clock.at_sign_in(self.now())
        self._remember_day()
        self.notify()

    def check(self) -> None:
        """The timer: the morning reminder once its time has come."""
        if self.clock.due(self.now()):
            self._remember_day()
            self.notify()

    def _remember_day(self) -> None:
        ctx = self.window.ctx
        if ctx is not None and self.clock.last_day is not None:
            self.window.settings.set_reminded_on(self._who(ctx), self.clock.last_day.isoformat())

    @staticmethod
    def _who(ctx) -> str:
        return f"{ctx.store.display_name}/{ctx.actor.login}"

    # ---- what
    def due_text(self) -> str:
        """"You have 2 overdue tasks and 1 due today." for the person signed in ("" none)."""
        from opsdesk.ui.mywork.notice import due_text

        ctx = self.window.ctx
        if ctx is None or ctx.plan_id is None:
            return ""
        overdue, today = ctx.services.mywork.due_summary(ctx.plan_id, ctx.actor, ctx.today())
        return due_text(overdue, today)

    def notify(self) -> str:
        """Show the notification (when there is a tray and something is due); the text."""
        text = self.due_text()
        self.last_message = text
        if text and self.tray is not None:
            self.tray.showMessage(self.tr("OpsDesk: your work"), text,
                                  QSystemTrayIcon.MessageIcon.Information, 15_000)
        return text

    # ---- the menu
    def show_window(self) -> None:
        self.window.showNormal()
        self.window.raise_()
        self.window.activateWindow()

    def _activated(self, reason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger,
                      QSystemTrayIcon.ActivationReason.DoubleClick):
            self.show_window()

    def ask_time(self) -> None:
        current = parse_time(self.window.settings.reminder_time()) or dt.time(9, 0)
        text, ok = QInputDialog.getText(
            self.window, self.tr("Morning reminder"),
            self.tr("Remind me of my due work each morning at (HH:MM; empty: never):"),
            text=QTime(current.hour, current.minute).toString("HH:mm"))
        if not ok:
            return
        text = text.strip()
        when = parse_time(text)
        if text and when is None:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(self.window, self.tr("Morning reminder"),
                                self.tr("“{value}” is not a time; write it as HH:MM, e.g. 08:30.")
                                .format(value=text))
            return
        self.window.settings.set_reminder_time(f"{when:%H:%M}" if when else None)
        self.clock.morning = when
        self.retranslate()
