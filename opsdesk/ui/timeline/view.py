"""The Timeline view: toolbar (group, zoom, fit, today, export) over the painted canvas."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from opsdesk.errors import NotFound
from opsdesk.services import permissions
from opsdesk.services.timeline import NO_DAY, from_day, to_day
from opsdesk.ui import fmt, heap
from opsdesk.ui.refresher import Refresher
from opsdesk.ui.timeline import export
from opsdesk.ui.timeline import layout as lay
from opsdesk.ui.timeline.canvas import TimelineCanvas
from opsdesk.ui.timeline.edits import TimelineEdits
from opsdesk.ui.timeline.layout import MODES
from opsdesk.ui.timeline.legend import DayLegend
from opsdesk.ui.timeline.scale import ZOOM_LEVELS
from opsdesk.ui.widgets import file_dialog
from opsdesk.ui.widgets.elided_label import ElidedLabel
from opsdesk.ui.widgets.retranslate import Retranslating

PATCH_LIMIT = 2000
"""Writes touching at most this many known tasks patch the loaded timeline in place."""
LOAD_AT_ONCE = 5000
"""A plan of at most this many tasks is read on the GUI thread when the view is shown (a
few milliseconds); a bigger one is read and laid out off it, the canvas saying it is
loading meanwhile (issue #17: the first switch to a 100k-task Timeline blocked 0.8 s)."""

if TYPE_CHECKING:
    from opsdesk.services import Changes
    from opsdesk.services.tasks import TaskRow
    from opsdesk.ui.context import AppContext


class TimelineView(Retranslating, QWidget):
    """Phases, tasks, milestones and links on a zoomable time axis; the manager edits here."""

    sig_open_task = Signal(int)
    """Emitted with a task id when a task is clicked (the window shows its details)."""

    def __init__(self, ctx: AppContext, window: QWidget | None = None) -> None:
        super().__init__()
        self.setObjectName("timelineView")
        self.ctx, self.window_ = ctx, window
        self.pdf_export: export.PdfExport | None = None  # the last one started
        self.canvas = TimelineCanvas(ctx.lang, ctx.today().toordinal(), self)
        self.canvas.can_edit = ctx.actor.is_manager
        self.edits = TimelineEdits(ctx, window, self.canvas, self)
        self.refresher = Refresher(self, self._loaded, self._load_failed)

        # ---- toolbar
        self.group_label = QLabel()
        self.group_by = QComboBox()
        self.group_by.setObjectName("timelineGroupBy")
        self.zoom = QComboBox()
        self.zoom.setObjectName("timelineZoom")
        self.fit_button = QPushButton()
        self.fit_button.setObjectName("timelineFit")
        self.today_button = QPushButton()
        self.today_button.setObjectName("timelineToday")
        self.export_button = QToolButton()
        self.export_button.setObjectName("timelineExport")
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.export_menu = QMenu(self)
        self.export_button.setMenu(self.export_menu)
        self.info = ElidedLabel()  # (a long note gives way at 1280 px, never widens the window)
        self.info.setObjectName("timelineInfo")
        self.info.setProperty("class", "muted")
        bar = QHBoxLayout()
        for w in (self.group_label, self.group_by, self.zoom, self.fit_button, self.today_button,
                  self.export_button):
            bar.addWidget(w)
        bar.addWidget(self.info, 1)
        self.legend = DayLegend(ctx, self.canvas)  # weekends, holidays, 调休; working days
        bar.addWidget(self.legend)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addLayout(bar)
        layout.addWidget(self.canvas, 1)

        self.canvas.mode = ctx.settings.timeline_group()
        self.group_by.currentIndexChanged.connect(self._group_chosen)
        self.zoom.activated.connect(lambda i: self.canvas.zoom_level(list(ZOOM_LEVELS)[i]))
        self.fit_button.clicked.connect(self.canvas.fit)
        self.today_button.clicked.connect(self.canvas.go_to_today)
        self.canvas.sig_zoomed.connect(self._zoomed)
        self.canvas.sig_selected.connect(self._selected)
        self.canvas.sig_activated.connect(self._activated)
        self.canvas.sig_gesture.connect(self.edits.apply)
        self.canvas.sig_context.connect(self._context_menu)
        self.canvas.sig_refused.connect(self._refused)
        self.retranslate_ui()

    # ---- view contract
    def refresh(self) -> None:
        """Load the whole plan now (first shown, another plan, Refresh)."""
        if self.ctx.plan_id is None:
            return
        self.refresher.cancel()
        self.canvas.lang, self.canvas.today = self.ctx.lang, self.ctx.today().toordinal()
        timeline = self.ctx.services.timeline
        if timeline.count(self.ctx.plan_id) > LOAD_AT_ONCE:
            if self.canvas.data is not None and self.canvas.data.plan_id != self.ctx.plan_id:
                self.canvas.clear()  # (another plan's bars never show under this one's name)
            self.canvas.loading = True
            self.canvas.viewport().update()
            self.reload()
            return
        self.canvas.set_data(timeline.load(self.ctx.plan_id))
        self.legend.set_data(self.canvas.loaded()[0])
        heap.keep()

    @property
    def loading(self) -> bool:
        """The plan is still being read for its first showing (benchmarks and tests wait)."""
        return self.canvas.loading

    def on_changes(self, changes: Changes) -> None:
        """Bars of tasks it holds are patched in place; after any other change the plan is
        read again and laid out off the GUI thread (a burst makes one more read)."""
        if changes.plan_id not in (None, self.ctx.plan_id) and not changes.plans:
            return
        if self.patch(changes):
            return
        if (changes.tasks or changes.plans or changes.people) and self.ctx.plan_id is not None:
            self.reload()

    def patch(self, changes: Changes) -> bool:
        """Patch the bars of the tasks ``changes`` names; False when it cannot (a task it does
        not hold, or one deleted, the plan or people changed, too many)."""
        data, plan_id = self.canvas.data, self.ctx.plan_id
        if (data is None or plan_id is None or self.refresher.busy or not changes.tasks
                or changes.plans or changes.people or not 0 < len(changes.ids) <= PATCH_LIMIT
                or not all(data.index_of(i) is not None for i in changes.ids)):
            return False
        timeline = self.ctx.services.timeline
        rows = timeline.tasks(plan_id, sorted(changes.ids))
        if len(rows) != len(changes.ids):  # some deleted
            return False
        data.patch(rows, timeline.links(plan_id))  # in place, keeping the scroll
        self.canvas.relayout()
        return True

    def reload(self) -> None:
        """Read the plan and lay it out off the GUI thread, then show it."""
        timeline, plan_id = self.ctx.services.timeline, self.ctx.plan_id
        mode, collapsed = self.canvas.mode, frozenset(self.canvas.collapsed)

        def read():
            data = timeline.load(plan_id)
            return plan_id, mode, collapsed, data, lay.build(data, mode, collapsed)
        self.refresher.request(read)

    def _load_failed(self, _error) -> None:
        self.canvas.loading = False  # (the error was shown; Refresh tries again)
        self.canvas.viewport().update()

    def _loaded(self, result) -> None:
        plan_id, mode, collapsed, data, built = result
        if plan_id != self.ctx.plan_id:
            return
        self.canvas.lang, self.canvas.today = self.ctx.lang, self.ctx.today().toordinal()
        same = (mode, collapsed) == (self.canvas.mode, frozenset(self.canvas.collapsed))
        self.canvas.loading = False
        self.canvas.set_data(data, built if same else None)
        self.legend.set_data(data)
        heap.keep()

    def retranslate_ui(self) -> None:
        self.group_label.setText(self.tr("Group by"))
        names = {"phase": self.tr("Phase"), "role": self.tr("Role"), "person": self.tr("Person")}
        current = self.group_by.currentIndex()
        self.group_by.blockSignals(True)
        self.group_by.clear()
        self.group_by.addItems([names[m] for m in MODES])
        self.group_by.setCurrentIndex(current if current >= 0 else MODES.index(self.canvas.mode))
        self.group_by.blockSignals(False)
        zooms = {"day": self.tr("Day"), "week": self.tr("Week"), "month": self.tr("Month"),
                 "quarter": self.tr("Quarter")}
        current = self.zoom.currentIndex()
        self.zoom.clear()
        self.zoom.addItems([zooms[z] for z in ZOOM_LEVELS])
        self.zoom.setCurrentIndex(current if current >= 0 else 1)
        self.fit_button.setText(self.tr("Fit the plan"))
        self.today_button.setText(self.tr("Go to today"))
        self.export_button.setText(self.tr("Export"))
        self.export_menu.clear()
        self.export_menu.addAction(self.tr("Whole timeline as PNG…"), lambda: self.export_png(True))
        self.export_menu.addAction(self.tr("Visible part as PNG…"), lambda: self.export_png(False))
        self.export_menu.addAction(self.tr("Whole timeline as PDF…"), lambda: self.export_pdf(True))
        self.export_menu.addAction(self.tr("Visible part as PDF…"), lambda: self.export_pdf(False))
        self.export_menu.addSeparator()
        self.export_menu.addAction(self.tr("Print…"), lambda: self.print_preview(True))
        self.info.setText("" if self.ctx.actor.is_manager else
                          self.tr("Read-only: right-click a task you own to tick it off."))
        self.canvas.viewport().update()


    # ---- reactions
    def _group_chosen(self, index: int) -> None:
        if index >= 0:
            self.canvas.set_mode(MODES[index])
            self.ctx.settings.set_timeline_group(MODES[index])

    def _zoomed(self, level: str) -> None:
        self.zoom.setCurrentIndex(list(ZOOM_LEVELS).index(level))

    def _selected(self, task: int) -> None:
        self.sig_open_task.emit(int(self.canvas.loaded()[0].id[task]))

    def _activated(self, task: int) -> None:
        """Double-click: the manager gets the Tasks view's task dialog (one undo step per
        save), everyone else, or when there is no Tasks view, the task's side panel."""
        task_id = int(self.canvas.loaded()[0].id[task])
        tasks_view = None
        window = self.window_
        if self.ctx.actor.is_manager and window is not None and hasattr(window, "specs") \
                and hasattr(window, "view") \
                and any(spec.key == "tasks" for spec in window.specs):
            tasks_view = window.view("tasks")
        if tasks_view is not None and hasattr(tasks_view, "edit_task"):
            tasks_view.edit_task(task_id)
        else:
            self.sig_open_task.emit(task_id)

    def _refused(self) -> None:
        self.info.setText(self.tr("Only a manager can move tasks or change their dates."))

    def _context_menu(self, hit, global_pos) -> None:
        menu = QMenu(self)
        data = self.canvas.data
        if hit.kind == "task" and data is not None and hit.task is not None:
            i = hit.task
            task_id = int(data.id[i])
            menu.addAction(self.tr("Show details"), lambda: self.sig_open_task.emit(task_id))
            task = self._tickable(task_id)  # (who ticked it off decides a reopen)
            if task is not None and task.status == "done":
                menu.addAction(self.tr("Reopen"), lambda: self.edits.tick(i, False))
            elif task is not None:
                menu.addAction(self.tr("Tick off"), lambda: self.edits.tick(i, True))
        if self.ctx.actor.is_manager and data is not None:
            menu.addAction(self.tr("Move launch day…"), self.ask_launch_day)
        if not menu.isEmpty():
            menu.popup(global_pos)
        self._menu = menu

    def _tickable(self, task_id: int) -> TaskRow | None:
        """The task, when its Tick off / Reopen is offered to this person (else None)."""
        try:
            task = self.ctx.services.tasks.get(task_id)
        except NotFound:
            return None
        allowed = not self.ctx.store.readonly and permissions.can_toggle(self.ctx.actor, task)
        return task if allowed else None

    # ---- launch day
    def ask_launch_day(self) -> None:
        data = self.canvas.loaded()[0]
        launch = from_day(data.launch)
        assert launch is not None  # (a plan always has its launch day)
        dialog = QDialog(self)
        dialog.setObjectName("launchDayDialog")
        dialog.setWindowTitle(self.tr("Move launch day"))
        edit = QDateEdit(fmt.qdate(launch))
        edit.setCalendarPopup(True)
        form = QFormLayout(dialog)
        note = QLabel(self.tr("Unfinished work counted from launch day moves with it; finished "
                              "tasks, festivals on fixed or lunar dates and the monthly targets "
                              "stay where they are. You see what moves before anything changes."))
        note.setWordWrap(True)
        form.addRow(note)
        form.addRow(self.tr("Launch day"), edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        form.addRow(buttons)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.edits.shift_plan(to_day(cast(dt.date, edit.date().toPython())) - data.launch)

    # ---- export
    def _title(self) -> str:
        assert self.ctx.plan_id is not None  # (the timeline of a plan is exported)
        plan = self.ctx.services.plans.get(self.ctx.plan_id)
        return f"{plan.name} · {fmt.long_date(self.ctx.today(), self.ctx.lang)}"

    def export_png(self, whole: bool, path: str | None = None) -> bool:
        path = path or file_dialog.get_save_file_name(self, self.tr("Export as PNG"), "timeline.png",
                                                   "PNG (*.png)")[0]
        return bool(path) and export.save_png(self.canvas.frame(), path, whole)

    def export_pdf(self, whole: bool, path: str | None = None) -> export.PdfExport | None:
        """Write the timeline (or the visible part) to a PDF while the window stays usable:
        a progress dialog with Cancel shows for a long one, the status bar says where it
        went, and a file that cannot be written is explained. Returns the running export
        (None when no file was chosen)."""
        path = path or file_dialog.get_save_file_name(self, self.tr("Export as PDF"), "timeline.pdf",
                                                   "PDF (*.pdf)")[0]
        if not path:
            return None
        job = export.PdfExport(self.canvas.frame(), path, whole, self._title(), parent=self)
        progress = QProgressDialog(self.tr("Writing the timeline to {file}…").format(
            file=Path(path).name), self.tr("Cancel"), 0, 0, self)
        progress.setObjectName("timelinePdfProgress")
        progress.setMinimumDuration(400)  # a short one is done before it shows
        progress.setAutoReset(False)
        progress.canceled.connect(job.cancel)

        def advanced(done: int, total: int) -> None:
            progress.setMaximum(total)
            progress.setValue(done)

        job.sig_progress.connect(advanced)

        def finished(pages: int) -> None:
            progress.reset()
            self._status(self.tr("Timeline (%n page(s)) written to {file}", "", pages).format(
                file=path))

        def failed(message: str) -> None:
            progress.reset()
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Export as PDF"), message,
                              QMessageBox.StandardButton.Ok, self)
            box.setObjectName("timelinePdfFailed")
            box.open()

        job.sig_done.connect(finished)
        job.sig_failed.connect(failed)
        job.sig_cancelled.connect(progress.reset)
        self.pdf_export = job
        job.start()
        return job

    def _status(self, text: str) -> None:
        window = self.window_ if self.window_ is not None else self.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(text, 10000)

    def print_preview(self, whole: bool, show: bool = True):
        dialog = export.print_with_preview(self, self.canvas.frame(), whole, self._title())
        if show:
            dialog.exec()
        return dialog

    # ---- for tests and tools
    def task_index(self, task_id: int) -> int | None:
        return self.canvas.data.index_of(task_id) if self.canvas.data else None

    def has_dates(self, task: int) -> bool:
        return int(self.canvas.loaded()[1].d0[task]) != NO_DAY
