"""The confirmation before a launched plan's launch day moves: how many tasks move, which
stay and why (finished, on a calendar or lunar date, hanging on a task that stays), and
that monthly targets stay on their calendar months."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from opsdesk.errors import OpsDeskError
from opsdesk.ui.i18n_contexts import LaunchMove
from opsdesk.ui.widgets.messages import show_error

MAX_LISTED = 15


def _reason(reason: str, anchor: str) -> str:
    if reason == "done":
        return QCoreApplication.translate("LaunchMove", "finished")
    if reason == "date":
        return QCoreApplication.translate("LaunchMove", "on a calendar date")
    if reason == "lunar":
        return QCoreApplication.translate("LaunchMove", "on a lunar date")
    return QCoreApplication.translate("LaunchMove", "hangs on “{title}”, which stays").format(
        title=anchor)


def confirm_launch_move(parent: QWidget | None, services, plan_id: int, old: dt.date,
                        launch: dt.date, today: dt.date) -> bool:
    """Ask before moving launch day (``old``) of a plan that has launched (``today`` on or
    after it); a plan not launched yet moves without asking (Undo is there)."""
    if today < old:
        return True
    try:
        move = services.plans.launch_move(plan_id, launch)
    except OpsDeskError as exc:
        show_error(parent, exc)
        return False
    staying = list(move.staying)
    finished = sum(1 for t in staying if t[2] == "done")
    others = [t for t in staying if t[2] != "done"]
    lines = []
    if finished:
        done = LaunchMove.tr("• %n finished task(s) keep their dates", "", finished)
        lines.append(done)
    lines += [f"• {title} — {_reason(reason, anchor)}"
              for _id, title, reason, anchor in others[:MAX_LISTED]]
    if len(others) > MAX_LISTED:
        more = LaunchMove.tr("… and %n more.", "", len(others) - MAX_LISTED)
        lines.append(more)
    text = QCoreApplication.translate(
        "LaunchMove", "The shop opened on {old}. Move launch day to {new}?").format(
        old=move.old.isoformat(), new=move.new.isoformat())
    moving = LaunchMove.tr("%n unfinished task(s) that depend on launch day move with it.",
                           "", len(move.moving))
    stay = LaunchMove.tr("%n task(s) stay where they are:", "", len(staying))
    info = [moving, stay]
    detail = "\n".join(lines)
    targets = LaunchMove.tr("Monthly targets stay on their calendar months (%n); the other "
                            "targets move ({moving}).", "", move.targets_staying)
    targets = targets.format(moving=move.targets_moving)
    box = QMessageBox(QMessageBox.Icon.Question, QCoreApplication.translate("LaunchMove", "Move launch day"), text,
                      QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel, parent)
    box.setObjectName("launchMoveBox")
    box.setInformativeText("\n".join(info) + ("\n" + detail if detail else "") + "\n\n" + targets)
    box.button(QMessageBox.StandardButton.Ok).setText(QCoreApplication.translate("LaunchMove", "Move launch day"))
    return box.exec() == QMessageBox.StandardButton.Ok
