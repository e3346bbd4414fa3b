"""Carrying out what the person did on the timeline: each change one undoable service call."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from opsdesk.errors import OpsDeskError, ValidationError
from opsdesk.model.workdays import workdays_between
from opsdesk.services import validate
from opsdesk.services.timeline import NO_DAY, from_day
from opsdesk.ui.i18n_contexts import Timeline
from opsdesk.ui.widgets.messages import show_error

if TYPE_CHECKING:
    from opsdesk.ui.context import AppContext
    from opsdesk.ui.timeline.canvas import TimelineCanvas
    from opsdesk.ui.timeline.interaction import Gesture



class TimelineEdits:
    """Turns gestures into service calls through ``window.run`` (one undo step each)."""

    def __init__(self, ctx: AppContext, window: QWidget | None, canvas: TimelineCanvas,
                 parent: QWidget) -> None:
        self.ctx, self.window, self.canvas, self.parent = ctx, window, canvas, parent

    # ---- plumbing
    def run(self, text: str, do):
        if self.window is not None and hasattr(self.window, "run"):
            return self.window.run(text, do)
        try:
            return do()
        except OpsDeskError as exc:
            show_error(self.parent, exc)
            return None

    def run_task_edit(self, text: str, make, task_id: int) -> None:
        """An edit of one task through the Tasks view's operations (``TaskOps``): the
        version shown is checked (the app's conflict dialog when someone changed it), and
        the undo (the services') puts back exactly what was there."""
        from opsdesk.ui.tasks.editing import run_checked

        if self.window is not None and hasattr(self.window, "undo"):
            run_checked(self.parent, self.window, text, make, ids=[task_id],
                        plan_id=self.ctx.plan_id)
            return
        self.run(text, make(True))

    def _ops(self):
        from opsdesk.ui.tasks.ops import TaskOps

        return TaskOps(self.ctx.services, self.ctx.actor, self.ctx.plan_id)

    def ask_successors(self, title: str, count: int) -> str:
        """"yes" (move them too), "no" (only this task) or "cancel"."""
        # (its own statement: right after a QCoreApplication.translate call lupdate files a
        # Timeline.tr under the context "QCoreApplication.Timeline")
        question = Timeline.tr("“{title}” has %n task(s) that follow it. Move them by the same number of days?", "", count).format(title=title)
        box = QMessageBox(QMessageBox.Icon.Question, QCoreApplication.translate("Timeline", "Move following tasks?"),
                          question,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
                          | QMessageBox.StandardButton.Cancel, self.parent)
        box.setObjectName("moveSuccessorsBox")
        answer = box.exec()
        return {QMessageBox.StandardButton.Yes: "yes",
                QMessageBox.StandardButton.No: "no"}.get(QMessageBox.StandardButton(answer), "cancel")

    # ---- gestures
    def apply(self, g: Gesture) -> None:
        data, layout = self.canvas.loaded()
        if g.mode == "launch":
            self.shift_plan(g.days)
            return
        assert g.task is not None  # (every gesture but the launch day's starts on a task)
        if g.mode == "link":
            if g.target is not None:
                self.link(int(data.id[g.task]), int(data.id[g.target]))
            return
        if g.days == 0:
            return
        if layout.d0[g.task] == NO_DAY:
            return
        if g.mode == "move":
            self.move(g.task, g.days)
        else:
            self.resize(g, *g.dates(self.canvas.frame()))

    def move(self, task: int, days: int) -> None:
        (data, layout), sv, actor = self.canvas.loaded(), self.ctx.services, self.ctx.actor
        indexes = [task]
        following = [i for i in data.successors(task) if layout.d0[i] != NO_DAY]
        if following:
            answer = self.ask_successors(data.title[task], len(following))
            if answer == "cancel":
                return
            if answer == "yes":
                indexes += following
        ids = [int(data.id[i]) for i in indexes]
        versions = {int(data.id[i]): int(data.version[i]) for i in indexes}
        if self.canvas.working_days:  # the option: by working days (holidays, 调休)
            start = dt.date.fromordinal(int(layout.d0[task]))
            work = workdays_between(start, start + dt.timedelta(days=days))
            count = abs(work)
            text = (Timeline.tr("Move “{title}” %n working day(s) later", "", count) if work > 0
                    else Timeline.tr("Move “{title}” %n working day(s) earlier", "", count))
            if work:
                self.run(text.format(title=data.title[task]), lambda: sv.schedule.move(
                    actor, ids, work, versions, working_days=True))
            return
        shift = abs(days)  # (Qt leaves %n as it is for a negative count)
        text = (Timeline.tr("Move “{title}” %n day(s) later", "", shift) if days > 0
                else Timeline.tr("Move “{title}” %n day(s) earlier", "", shift)).format(title=data.title[task])
        self.run(text, lambda: sv.schedule.move(actor, ids, days, versions))

    def resize(self, g: Gesture, d0: int, d1: int) -> None:
        data = self.canvas.loaded()[0]
        assert g.task is not None  # (a resize is a drag of a bar's end)
        task_id = int(data.id[g.task])
        if d1 < d0:
            show_error(self.parent, ValidationError(
                validate.DUE_BEFORE_START, field="due", due=str(from_day(d1)),
                start=str(from_day(d0))))
            return
        start, due = from_day(int(data.start[g.task])), from_day(int(data.due[g.task]))
        if g.mode == "start":
            new, old = {"start": from_day(d0)}, {"start": start}
            if due is None:
                new["due"], old["due"] = from_day(d1), None
        else:
            new, old = {"due": from_day(d1)}, {"due": due}
            if start is None:
                new["start"], old["start"] = from_day(d0), None
        version, ops = int(data.version[g.task]), self._ops()
        text = QCoreApplication.translate("Timeline", "Change the dates of “{title}”").format(title=data.title[g.task])
        self.run_task_edit(text, lambda check: ops.update(
            task_id, version if check else None, old, new), task_id)

    def link(self, pred_id: int, succ_id: int) -> None:
        sv, actor = self.ctx.services, self.ctx.actor
        self.run(QCoreApplication.translate("Timeline", "Link tasks"),
                 lambda: sv.tasks.link(actor, pred_id, succ_id, "FS"))

    def shift_plan(self, days: int) -> None:
        if days == 0:
            return
        data = self.canvas.data
        assert data is not None  # (the launch day is dragged on a plan shown)
        sv, actor, plan = self.ctx.services, self.ctx.actor, data.plan_id
        shift = abs(days)  # (Qt leaves %n as it is for a negative count)
        text = (Timeline.tr("Move launch day %n day(s) later", "", shift) if days > 0
                else Timeline.tr("Move launch day %n day(s) earlier", "", shift))
        from opsdesk.ui.dialogs.launch_move import confirm_launch_move  # (#13: after launch, ask)

        old = sv.plans.get(plan).launch_date
        if not confirm_launch_move(self.parent, sv, plan, old, old + dt.timedelta(days=days),
                                   self.ctx.today()):
            self.canvas.update()  # (the launch mark goes back where it was)
            return
        self.run(text, lambda: sv.plans.shift(actor, plan, days))

    def tick(self, task: int, done: bool) -> None:
        data, ops = self.canvas.loaded()[0], self._ops()
        task_id, version, title = int(data.id[task]), int(data.version[task]), data.title[task]
        text = (QCoreApplication.translate("Timeline", "Tick off “{title}”") if done
                else QCoreApplication.translate("Timeline", "Reopen “{title}”")).format(title=title)
        self.run_task_edit(text, lambda check: ops.tick(
            task_id, done, version if check else None), task_id)
