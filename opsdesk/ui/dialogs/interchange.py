"""File ▸ Import / Export / Weekly report: dialogs that run long work off the GUI thread,
show what an import will change before it writes, and report what was written."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from opsdesk.errors import FileWriteError, OpsDeskError
from opsdesk.ui.background import Job, run_in_background
from opsdesk.ui.file_actions import FileActions
from opsdesk.ui.labels import error_text
from opsdesk.ui.widgets.messages import show_error
from opsdesk.ui.widgets.retranslate import Retranslating

if TYPE_CHECKING:
    from opsdesk.interchange.plan_doc import PlanDoc
    from opsdesk.ui.context import AppContext

PREVIEW_ROWS = 12
PREVIEW_CHANGES = 10  # changed tasks named in a task import's preview (then a count)
PREVIEW_WARNINGS = 20  # warnings listed in a plan import's preview (then a count)


class _JobDialog(QDialog):
    """A dialog with a progress bar and Cancel for one background ``Job`` at a time."""

    def __init__(self, ctx: AppContext, window) -> None:
        super().__init__(window)
        self.ctx, self.main_window = ctx, window
        self.job: Job | None = None
        self.closing = False  # Cancel pressed while a job runs
        self.progress = QProgressBar()
        self.progress.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)

    def start(self, work, done, failed=None) -> None:
        self.progress.setRange(0, 0)
        self.progress.show()

        def finished(result) -> None:
            self._finish()
            done(result)

        def refused(exc: OpsDeskError) -> None:
            self._finish()
            (failed or self._failed)(exc)

        self.job = run_in_background(self, work, finished, refused,
                                     on_progress=self._on_progress)
        self.job.sig_finished.connect(self._job_ended)

    def _job_ended(self) -> None:
        if self.closing:  # Cancel was pressed while the work ran: close now that it stopped
            self.closing = False
            QDialog.reject(self)

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _finish(self) -> None:
        self.progress.hide()

    def _failed(self, exc: OpsDeskError) -> None:
        self.status.setText(error_text(exc))
        self.status.setStyleSheet("color: #c62828;")

    def reject(self) -> None:
        """Cancel: a running job is asked to stop (an import rolls back, nothing is
        written) and the dialog closes once it has; it never closes over work still
        running, so what it said is what happened."""
        if self.job is not None and self.job.running:
            self.job.cancel()
            self.closing = True
            self.status.setText(QCoreApplication.translate("FileActions", "Stopping…"))
            return
        super().reject()


def preview_text(p) -> str:
    """What a plan import will do (a ``PlanImportPreview``), one line a fact: shown by
    File ▸ Import a plan and by File ▸ Open of a plan file. (Plurals through
    ``ImportPlanDialog.tr`` with a plain name for the count: what lupdate finds.)"""
    comma = QCoreApplication.translate("ImportPlanDialog", ", ")
    tasks, milestones, links = p.tasks, p.milestones, p.links
    n_tasks = ImportPlanDialog.tr("%n task(s)", "", tasks)
    n_milestones = ImportPlanDialog.tr("%n milestone(s)", "", milestones)
    n_links = ImportPlanDialog.tr("%n link(s)", "", links)
    counts = (n_tasks, n_milestones, n_links)
    phases_line = QCoreApplication.translate("ImportPlanDialog", "Phases: {phases}")
    people_line = QCoreApplication.translate("ImportPlanDialog",
                                             "People: {new} new, {matched} already here")
    lines = [phases_line.format(phases=comma.join(p.phases)), comma.join(counts),
             people_line.format(new=len(p.people_new), matched=len(p.people_matched))]
    if p.roles_new:
        lines.append(QCoreApplication.translate("ImportPlanDialog", "New roles: {roles}")
                     .format(roles=comma.join(p.roles_new)))
    if p.groups_unmatched:
        lines.append(QCoreApplication.translate("ImportPlanDialog",
                                                "Groups that match no role: {groups}")
                     .format(groups=comma.join(p.groups_unmatched)))
    undated = p.undated
    if undated:
        no_dates = ImportPlanDialog.tr(
            "%n task(s) have no dates; they are imported unscheduled.", "", undated)
        lines.append(no_dates)
    lines += ["↷ " + error_text(d) for d in p.links_dropped[:PREVIEW_WARNINGS]]
    more_links = len(p.links_dropped) - PREVIEW_WARNINGS
    if more_links > 0:
        left_out = ImportPlanDialog.tr("… and %n more link(s) left out", "", more_links)
        lines.append(left_out)
    lines += ["⚠ " + error_text(w) for w in p.warnings[:PREVIEW_WARNINGS]]
    more = len(p.warnings) - PREVIEW_WARNINGS
    if more > 0:
        more_warnings = ImportPlanDialog.tr("… and %n more warning(s)", "", more)
        lines.append(more_warnings)
    return "\n".join(lines)


class ImportPlanDialog(Retranslating, _JobDialog):
    """A plan from GNOME Planner or MS Project XML: preview, then import as a new plan."""

    def __init__(self, ctx: AppContext, window, path: str | None = None) -> None:
        super().__init__(ctx, window)
        self.setObjectName("importPlanDialog")
        self.doc: PlanDoc | None = None
        self.changes = None
        self.file = QLabel()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.name = QLineEdit()
        self.launch = QDateEdit()
        self.launch.setCalendarPopup(True)
        self.launch.setDisplayFormat("yyyy-MM-dd")
        self.role = QComboBox()
        for role in ctx.services.people.roles():
            self.role.addItem(role.name(ctx.lang), role.key)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(False)
        self.buttons.accepted.connect(self._import)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        self.labels = [QLabel() for _ in range(4)]
        form.addRow(self.labels[0], self.file)
        form.addRow(self.summary)
        form.addRow(self.labels[1], self.name)
        form.addRow(self.labels[2], self.launch)
        form.addRow(self.labels[3], self.role)
        form.addRow(self.status)
        form.addRow(self.progress)
        form.addRow(self.buttons)
        self.retranslate_ui()
        self.resize(560, 360)
        if path:
            self.load(path)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Import a plan"))
        for label, text in zip(self.labels, (self.tr("File"), self.tr("Plan name"),
                                             self.tr("Launch day"),
                                             self.tr("Role for unmatched people")), strict=True):
            label.setText(text)
        self.import_button.setText(self.tr("Import"))


    def load(self, path: str) -> None:
        from opsdesk.services.imports import ImportService, read_plan_file

        file = Path(path)
        self.file.setText(file.name)
        importer = ImportService(self.ctx.store)

        def work(progress):
            doc = read_plan_file(file, progress)  # (bytes read: the bar moves as it reads)
            return doc, importer.preview_plan(doc, file.name)

        self.status.setText(self.tr("Reading {file}…").format(file=file.name))
        self.start(work, self._previewed)

    def _previewed(self, result) -> None:
        doc, p = result
        self.doc = doc
        self.summary.setText(preview_text(p))
        self.name.setText(p.name)
        start = doc.launch or doc.start or p.start or dt.date.today()
        self.launch.setDate(QDate(start.year, start.month, start.day))
        self.status.setText(self.tr("Nothing has been written yet. Importing accepts the "
                                    "warnings above.") if p.warnings
                            else self.tr("Nothing has been written yet."))
        self.import_button.setEnabled(True)

    def _import(self) -> None:
        from opsdesk.services.imports import ImportService

        if self.doc is None:
            return
        qd = self.launch.date()
        doc, actor, importer = self.doc, self.ctx.actor, ImportService(self.ctx.store)
        name, role = self.name.text().strip() or None, self.role.currentData()
        launch = dt.date(qd.year(), qd.month(), qd.day())
        self.import_button.setEnabled(False)

        def work(progress):
            return importer.import_plan(actor, doc, name=name, launch=launch, default_role=role,
                                        progress=progress, file=self.file.text())

        def done(changes) -> None:
            self.changes = changes
            self.main_window.apply(changes)
            self.main_window.load_plans()
            index = self.main_window.plan_picker.findData(changes.plan_id)
            if index >= 0:
                self.main_window.plan_picker.setCurrentIndex(index)
            self.accept()

        def failed(exc) -> None:
            self._failed(exc)
            self.import_button.setEnabled(True)

        self.start(work, done, failed)


class ImportTasksDialog(Retranslating, _JobDialog):
    """Tasks from CSV/XLSX: map columns, preview, check, then import all or nothing."""

    def __init__(self, ctx: AppContext, window, path: str | None = None) -> None:
        from opsdesk.services.task_import import FIELDS

        super().__init__(ctx, window)
        self.setObjectName("importTasksDialog")
        self.table = None
        self.prepared = None
        self.fields = FIELDS
        self.file = QLabel()
        self.combos: dict[str, QComboBox] = {}
        self.preview = QTableWidget()
        self.preview.setObjectName("importPreview")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.check_button = QPushButton()
        self.check_button.clicked.connect(self._check)
        # #15: rows without an id that match a task by title and due date
        self.update_matches = QCheckBox()
        self.update_matches.setObjectName("importUpdateMatches")
        self.update_matches.setVisible(False)
        self.update_matches.toggled.connect(self._check)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(False)
        self.buttons.accepted.connect(self._import)
        self.buttons.rejected.connect(self.reject)
        self.mapping_form = QFormLayout()
        self.field_labels = {}
        for key in FIELDS:
            combo = QComboBox()
            combo.currentIndexChanged.connect(self._mapping_changed)
            self.combos[key] = combo
            self.field_labels[key] = QLabel()
            self.mapping_form.addRow(self.field_labels[key], combo)
        layout = QVBoxLayout(self)
        layout.addWidget(self.file)
        layout.addLayout(self.mapping_form)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.check_button)
        layout.addWidget(self.summary)
        layout.addWidget(self.update_matches)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        self.retranslate_ui()
        self.resize(760, 680)
        if path:
            self.load(path)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Import tasks"))
        names = {"id": self.tr("Task ID (updates instead of adding)"), "title": self.tr("Title"),
                 "phase": self.tr("Phase"), "role": self.tr("Role"), "assignee": self.tr("Assignee"),
                 "start": self.tr("Start"), "due": self.tr("Due"), "status": self.tr("Status"),
                 "priority": self.tr("Priority"), "milestone": self.tr("Milestone"),
                 "notes": self.tr("Notes")}
        for key, label in self.field_labels.items():
            label.setText(names[key])
        self.check_button.setText(self.tr("Check"))
        self.import_button.setText(self.tr("Import"))
        self.update_matches.setText(self.tr("Update the tasks that match instead of adding "
                                            "them again"))


    def load(self, path: str) -> None:
        from opsdesk.services.tables import read_table

        self.file.setText(Path(path).name)
        self.start(lambda _p: read_table(path), self._loaded)

    def _loaded(self, table) -> None:
        from opsdesk.services.task_import import TaskMapping

        self.table = table
        guess = TaskMapping.guess(table.headers).columns
        for key, combo in self.combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("(not imported)"), "")
            for header in table.headers:
                combo.addItem(header, header)
            combo.setCurrentIndex(max(0, combo.findData(guess.get(key, ""))))
            combo.blockSignals(False)
        self.preview.setColumnCount(len(table.headers))
        self.preview.setHorizontalHeaderLabels(table.headers)
        rows = table.rows[:PREVIEW_ROWS]
        self.preview.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, value in enumerate(row[:len(table.headers)]):
                self.preview.setItem(r, c, QTableWidgetItem("" if value is None else str(value)))
        self.status.setText(self.tr("%n row(s) read; check the columns, then Check.", "",
                                    len(table.rows)))

    def mapping(self):
        from opsdesk.services.task_import import TaskMapping

        return TaskMapping({k: c.currentData() for k, c in self.combos.items() if c.currentData()})

    def _mapping_changed(self) -> None:
        self.prepared = None
        self.import_button.setEnabled(False)

    def _check(self) -> None:
        from opsdesk.services.task_import import TaskImportService

        if self.table is None:
            return
        importer, plan_id, table, mapping = (TaskImportService(self.ctx.store), self.ctx.plan_id,
                                             self.table, self.mapping())
        update = self.update_matches.isChecked()
        self.import_button.setEnabled(False)
        self.start(lambda _p: importer.prepare(plan_id, table, mapping, update_matches=update),
                   self._checked)

    def _changes(self, updates: list[dict]) -> list[str]:
        """The first tasks the import changes, each with the fields it changes."""
        from opsdesk.ui.activity.describe import field_name

        lines = []
        for update in updates[:PREVIEW_CHANGES]:
            task = self.ctx.services.tasks.get(update["id"])
            fields = self.tr(", ").join(field_name(k) for k in update if k != "id")
            lines.append(self.tr("  “{title}”: {fields}").format(title=task.title, fields=fields))
        if len(updates) > PREVIEW_CHANGES:
            lines.append(self.tr("  … and %n more changed task(s)", "",
                                 len(updates) - PREVIEW_CHANGES))
        return lines

    def _checked(self, prepared) -> None:
        self.prepared = prepared
        new = self.tr("%n new task(s)", "", len(prepared.creates))
        lines = [new + self.tr(", ") + self.tr("{changed} changed, {same} unchanged").format(
            changed=len(prepared.updates), same=prepared.unchanged)]
        lines += self._changes(prepared.updates)
        matched = prepared.matched  # (a plain name for the count: what lupdate finds)
        if matched:
            lines.append(("" if prepared.matched_applied else "⚠ ") + (
                self.tr("%n row(s) match tasks of the plan by title and due date: they update "
                        "those tasks.", "", matched) if prepared.matched_applied else
                self.tr("%n row(s) match tasks of the plan by title and due date and would be "
                        "added twice.", "", matched)))
        self.update_matches.setVisible(bool(prepared.matched) or self.update_matches.isChecked())
        kinds = {"phase": self.tr("phases"), "role": self.tr("roles"), "person": self.tr("people")}
        for kind, names in sorted(prepared.unmatched.items()):
            where = prepared.unmatched_lines.get(kind, {})
            named = [self.tr("{name} (line {lines})").format(
                         name=name, lines=self.tr(", ").join(str(n) for n in where[name][:5]))
                     if where.get(name) else name for name in sorted(names)]
            lines.append(self.tr("No match for these {kind} (a task keeps what it had; a new "
                                 "task leaves it empty): {names}").format(
                kind=kinds.get(kind, kind), names=self.tr(", ").join(named)))
        lines += ["⚠ " + error_text(w) for w in prepared.warnings]
        lines += [error_text(problem) for problem in prepared.problems[:10]]
        if len(prepared.problems) > 10:
            lines.append(self.tr("… and %n more problem(s)", "", len(prepared.problems) - 10))
        self.summary.setText("\n".join(lines))
        self.summary.setStyleSheet("color: #c62828;" if prepared.problems else "")
        self.import_button.setEnabled(prepared.ok and bool(prepared.creates or prepared.updates))
        self.status.setText(self.tr("Nothing has been written yet.") if prepared.ok else
                            self.tr("Fix the file: nothing will be imported while it has problems."))

    def _import(self) -> None:
        from opsdesk.services.task_import import TaskImportService

        if self.prepared is None or not self.prepared.ok:
            return
        importer, actor, plan_id, prepared = (TaskImportService(self.ctx.store), self.ctx.actor,
                                              self.ctx.plan_id, self.prepared)
        self.import_button.setEnabled(False)

        def done(changes) -> None:
            self.main_window.apply(changes)
            self.accept()

        self.start(lambda progress: importer.apply(actor, plan_id, prepared, progress=progress),
                   done)


# ---- exports and the weekly report (File menu actions)

def _save_path(window, title: str, suggested: str, filters: str) -> Path | None:
    from opsdesk.ui.widgets import file_dialog  # (loaded when a file is chosen: start-up)

    path, _ = file_dialog.get_save_file_name(window, title, suggested, filters)
    return Path(path) if path else None


def run_export(window, kind: str, **options) -> Job | None:
    """Export after asking for the file: ``kind`` xlsx, csv, mspdi or ics; ``options`` are
    the export's keyword arguments (``export_with_options`` asks for them first)."""
    from opsdesk.services.exports import ExportService

    ctx = window.ctx
    plan = ctx.services.plans.get(ctx.plan_id)
    specs = {
        "xlsx": (QCoreApplication.translate("FileActions", "Export tasks to Excel"), f"{plan.name}.xlsx", QCoreApplication.translate("FileActions", "Excel workbooks (*.xlsx)")),
        "csv": (QCoreApplication.translate("FileActions", "Export tasks to CSV"), f"{plan.name}.csv", QCoreApplication.translate("FileActions", "CSV files (*.csv)")),
        "mspdi": (QCoreApplication.translate("FileActions", "Export the plan to MS Project"), f"{plan.name}.xml", QCoreApplication.translate("FileActions", "MS Project XML (*.xml)")),
        "ics": (QCoreApplication.translate("FileActions", "Export to a calendar"),
                options.pop("suggested", f"{plan.name}-milestones.ics"),
                QCoreApplication.translate("FileActions", "Calendars (*.ics)")),
    }
    title, suggested, filters = specs[kind]
    out = _save_path(window, title, suggested, filters)
    if out is None:
        return None
    ex, plan_id = ExportService(ctx.store), ctx.plan_id
    lang = options.pop("lang", ctx.lang)
    if kind == "ics" and not options:
        options = {"milestones_only": True}
    work = {
        "xlsx": lambda p: ex.tasks_xlsx(plan_id, out, lang=lang, progress=p, **options),
        "csv": lambda _p: ex.tasks_csv(plan_id, out, lang=lang, **options),
        "mspdi": lambda _p: ex.mspdi(plan_id, out),
        "ics": lambda _p: ex.ics(plan_id, out, **options),
    }[kind]

    def write(progress):
        try:
            return work(progress)
        except OSError as exc:  # (in the person's words, naming the file they chose)
            raise FileWriteError.from_os(out, exc) from exc

    def finished(n) -> None:
        written = FileActions.tr("%n row(s) written to {file}", "", n)
        window.statusBar().showMessage(written.format(file=out), 10000)

    # (a failure is shown in a message box; a cancelled export says nothing)
    return run_in_background(window, write, finished, label=QCoreApplication.translate(
        "FileActions", "Exporting to {file}…").format(file=out.name))


def export_with_options(window, kind: str) -> Job | None:
    """The File ▸ Export entries: ask what to export (tasks: all / the Tasks view's filter
    / the selection, sheets or encoding, header language; calendars: whose tasks), then
    the file."""
    from opsdesk.ui.dialogs.export_options import CalendarExportDialog, TaskExportDialog

    ctx = window.ctx
    if kind in ("xlsx", "csv"):
        tasks = window.built.get("tasks")
        shown = tasks.model.visible_task_ids() if tasks is not None else []
        filtered = tasks is not None and not tasks.model.filters.is_empty()
        selected = tasks.selected_ids() if tasks is not None else []
        total = ctx.services.overview.task_count(ctx.plan_id)
        dialog = TaskExportDialog(ctx, kind, shown=shown, filtered=filtered, selected=selected,
                                  total=total, parent=window)
        if exec_dialog(dialog) != QDialog.DialogCode.Accepted:
            return None
        return run_export(window, kind, **dialog.options())
    if kind == "ics":
        calendar = CalendarExportDialog(ctx, window)
        if exec_dialog(calendar) != QDialog.DialogCode.Accepted:
            return None
        plan = ctx.services.plans.get(ctx.plan_id)
        return run_export(window, kind, suggested=calendar.suggested_name(plan.name),
                          **calendar.options())
    return run_export(window, kind)


def exec_dialog(dialog: QDialog) -> int:
    """(Tests answer the option dialogs through this.)"""
    return dialog.exec()


def save_weekly_report(window) -> None:
    from opsdesk.ui.dialogs.export_options import WeekDialog
    from opsdesk.ui.report.weekly import write_weekly_report

    ctx = window.ctx
    ask = WeekDialog(ctx, QCoreApplication.translate("FileActions", "Save the weekly report"), window)
    if exec_dialog(ask) != QDialog.DialogCode.Accepted:
        return
    monday = ask.monday()
    year, week, _ = monday.isocalendar()
    out = _save_path(window, QCoreApplication.translate("FileActions", "Save the weekly report"), f"weekly-{year}-W{week:02d}.pdf",
                     QCoreApplication.translate("FileActions", "PDF files (*.pdf)"))
    if out is None:
        return
    try:
        pages = write_weekly_report(ctx.services, ctx.plan_id, monday, out, ctx.lang,
                                    ctx.today())
    except OpsDeskError as exc:
        show_error(window, exc)
        return
    written = FileActions.tr("Weekly report (%n page(s)) written to {file}", "", pages)
    window.statusBar().showMessage(written.format(file=out), 10000)


def print_weekly_report(window) -> None:
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    from opsdesk.ui.dialogs.export_options import WeekDialog
    from opsdesk.ui.report.weekly import build_document

    ctx = window.ctx
    ask = WeekDialog(ctx, QCoreApplication.translate("FileActions", "Print the weekly report"), window)
    if exec_dialog(ask) != QDialog.DialogCode.Accepted:
        return
    doc = build_document(ctx.services, ctx.plan_id, ask.monday(), ctx.lang, ctx.today())
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    preview = QPrintPreviewDialog(printer, window)
    preview.setObjectName("reportPreview")
    preview.paintRequested.connect(doc.print_)
    preview.exec()
