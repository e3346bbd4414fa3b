"""On start: tell the signed-in person what is overdue and due today (status bar + My work banner)."""

from __future__ import annotations

from opsdesk.ui.i18n_contexts import MyWork


def due_text(overdue: int, today: int) -> str:
    """"You have 2 overdue tasks and 3 due today." in the interface language ("" when none)."""
    if overdue and today:
        return (MyWork.tr("You have %n overdue task(s)", "", overdue)
                + MyWork.tr(" and %n due today.", "", today))
    if overdue:
        return MyWork.tr("You have %n overdue task(s).", "", overdue)
    if today:
        return MyWork.tr("You have %n task(s) due today.", "", today)
    return ""


def announce(window) -> str:
    """After sign-in: staff start in My work (whose banner lists their due work); everyone
    gets the same message in the status bar. Returns it (empty when nothing is due)."""
    ctx = window.ctx
    if ctx is None or ctx.plan_id is None or "mywork" not in [s.key for s in window.specs]:
        return ""
    view = window.view("mywork") if ctx.actor.is_manager else window.show_view("mywork")
    text = due_text(*view.banner_counts)
    if text:
        window.statusBar().showMessage(text, 60_000)
    reminders = getattr(window, "reminders", None)
    if reminders is not None:  # and a desktop notification (where there is a tray)
        reminders.signed_in()
    return text
